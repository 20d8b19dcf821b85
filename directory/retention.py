"""What the directory keeps about people: who created or checked a sheet, who reported an error,
who changed what (the HSDS change history), and the contact persons published on a service.
The directory is otherwise about organizations: their public contact details are not a person's
data and are edited by the organizations themselves. Read by ``privacy.registry``.
"""

from django.utils.translation import gettext_lazy as _

from privacy.policy import After, FieldRule, RecordPolicy
from privacy.registry import register_erasure, register_policy

from .models import ChangeRecord, Service

KEEP = After.WITH_ACCOUNT
PUBLIC = After.PUBLIC

register_policy(
    RecordPolicy(
        model="directory.Organization",
        key="directory_organizations",
        title=_("Organization sheets"),
        purpose=_("The public sheet of an organization in the directory."),
        kept=_("While the organization is in the directory."),
        after=PUBLIC,
        fields={
            "email": FieldRule(_("the organization's public contact address"), PUBLIC),
            "created_by": FieldRule(_("who proposed the organization"), KEEP),
        },
    )
)
register_policy(
    RecordPolicy(
        model="directory.Service",
        key="directory_services",
        title=_("Service sheets"),
        purpose=_("The public sheet of a service, and who last checked that it is true."),
        kept=_("While the service is in the directory."),
        after=PUBLIC,
        fields={
            "email": FieldRule(_("the service's public contact address"), PUBLIC),
            "assured_by": FieldRule(_("who last checked the sheet"), KEEP),
            "assurer_email": FieldRule(_("the e-mail of who last checked the sheet"), KEEP),
        },
    )
)
register_policy(
    RecordPolicy(
        model="directory.Contact",
        key="directory_contacts",
        title=_("Contact persons of services"),
        purpose=_(
            "A person a service chose to publish as its contact, with their job title, e-mail "
            "and phone."
        ),
        kept=_("Until the organization removes or replaces the contact on its sheet."),
        after=PUBLIC,
        fields={
            "name": FieldRule(_("the contact's name"), PUBLIC),
            "title": FieldRule(_("the contact's job title"), PUBLIC),
            "email": FieldRule(_("the contact's professional e-mail"), PUBLIC),
            "phone": FieldRule(_("the contact's professional phone"), PUBLIC),
        },
    )
)
register_policy(
    RecordPolicy(
        model="directory.ChangeRecord",
        key="directory_changes",
        title=_("History of changes to the directory"),
        purpose=_("Who changed which field of a sheet, and the values before and after."),
        kept=_(
            "While the sheet exists; the author's name is removed when their account is erased."
        ),
        after=After.ANONYMISE,
        fields={
            "user": FieldRule(_("the author's account"), After.ANONYMISE),
            "updated_by": FieldRule(_("the author's name"), After.ANONYMISE),
            "resource_type": FieldRule(_("the kind of record changed"), After.STATISTICS),
            "field_name": FieldRule(_("the field changed"), After.STATISTICS),
            "previous_value": FieldRule(_("the value before"), After.STATISTICS),
            "replacement_value": FieldRule(_("the value after"), After.STATISTICS),
        },
    )
)
register_policy(
    RecordPolicy(
        model="directory.ErrorReport",
        key="directory_error_reports",
        title=_("Error reports on sheets"),
        purpose=_("What someone reported as wrong on a sheet, until the sheet is corrected."),
        kept=_("While the sheet exists; the link to the author is cut when the account is erased."),
        after=KEEP,
        fields={
            "reporter": FieldRule(_("who reported the error"), KEEP),
            "closed_by": FieldRule(_("who closed the report"), KEEP),
        },
    )
)


def erase(user) -> int:
    """Remove the person's name from the change history and the e-mail of sheets they checked
    (the account links are cut by the database when the account is deleted)."""
    count = ChangeRecord.objects.filter(user=user).update(updated_by="—", user=None)
    count += Service.objects.filter(assured_by=user).update(assurer_email="")
    return count


register_erasure("directory", erase)
