from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

#: Personal fields: their values never enter the audit log (only the fact that they changed).
PERSONAL_FIELDS = ["first_name", "last_name", "email", "phone", "function"]


class IntervisionsConfig(AppConfig):
    name = "intervisions"
    verbose_name = _("Intervision cycles")

    def ready(self):
        from auditlog.registry import auditlog

        from . import seats  # noqa: F401 - registers the waiting-list promotion rule
        from .models import (
            Attendance,
            CreditNote,
            Cycle,
            Group,
            Invoice,
            InvoiceIssuer,
            Registration,
        )

        auditlog.register(Cycle, exclude_fields=["composition"])
        auditlog.register(Group)
        auditlog.register(
            Registration,
            mask_fields=PERSONAL_FIELDS,
            exclude_fields=["reason_details", "preferences", "user"],  # user: its name is personal
        )
        auditlog.register(Attendance)
        auditlog.register(Invoice)
        auditlog.register(CreditNote)  # the audit log says who issued it
        auditlog.register(InvoiceIssuer)

        from core.my_registrations import register_provider

        from . import mine

        register_provider("intervisions", mine.section, order=20)
