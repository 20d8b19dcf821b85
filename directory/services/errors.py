"""Every user-facing error message of the directory's use cases."""

from django.utils.translation import gettext_lazy as _

from core.errors import ServiceError


class DirectoryError(ServiceError):
    messages = {
        "not_allowed": _("You are not allowed to change this organization."),
        "merge_same": _("An organization cannot be merged with itself."),
        "already_merged": _("This organization was already merged into another one."),
        "no_name": _("Please give the organization a name in French or in Dutch."),
        "no_service_name": _("Please give the service a name in French or in Dutch."),
        "login_required": _("Please sign in to report an error."),
        "empty_report": _("Please describe what is wrong."),
        "report_too_long": _("%(count)s characters, maximum %(max)s: please shorten your message."),
        "similar_organizations": _("Similar organizations already exist: please check them."),
        "ages": _("The minimum age must not be above the maximum age."),
        "invalid": _("Some fields are not valid: %(details)s"),
        "thesaurus_empty": _("Please type a word or a phrase."),
        "thesaurus_no_term": _("Please choose at least one term."),
        "thesaurus_duplicate": _("This word is already in the thesaurus for this language."),
    }
