from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpendoorsConfig(AppConfig):
    name = "opendoors"
    verbose_name = _("Open doors week")

    def ready(self):
        from core.my_registrations import register_provider

        from . import my_registrations

        register_provider("opendoors", my_registrations.section, order=30)
