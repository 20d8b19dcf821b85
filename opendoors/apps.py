from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpendoorsConfig(AppConfig):
    name = "opendoors"
    verbose_name = _("Open doors week")
