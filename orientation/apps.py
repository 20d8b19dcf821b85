from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrientationConfig(AppConfig):
    name = "orientation"
    verbose_name = _("Orientation tool")

    def ready(self):
        from auditlog.registry import auditlog

        from .models import Choice, Node, Tree, TreeVersion

        # Who changed which tree, when (coordinators); never the anonymous counts.
        auditlog.register(Tree)
        auditlog.register(TreeVersion)
        auditlog.register(Node)
        auditlog.register(Choice)
