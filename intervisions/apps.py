from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntervisionsConfig(AppConfig):
    name = "intervisions"
    verbose_name = _("Intervision cycles")
