from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events and consultations")

    def ready(self):
        from auditlog.registry import auditlog

        from .models import Action, Event, Expectation, Registration, Report, ReportAttachment

        auditlog.register(Event)
        auditlog.register(Registration, exclude_fields=["created_at"])
        auditlog.register(Report)
        auditlog.register(ReportAttachment)
        auditlog.register(Expectation)
        auditlog.register(Action)

        from core.my_registrations import register_provider

        from . import mine, pickers  # noqa: F401 - pickers registers the "people" source

        register_provider("events", mine.section, order=10)
