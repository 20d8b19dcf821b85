from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = _("Directory")

    def ready(self):
        from auditlog.registry import auditlog

        from .models import Location, NotDuplicate, Organization, Service, Taxonomy, TaxonomyTerm

        auditlog.register(Organization)
        auditlog.register(Service, m2m_fields={"terms"})
        auditlog.register(Location)
        auditlog.register(Taxonomy)
        auditlog.register(TaxonomyTerm)
        auditlog.register(NotDuplicate)
