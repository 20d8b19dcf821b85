from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = _("Directory")

    def ready(self):
        from auditlog.registry import auditlog

        from .models import Location, NotDuplicate, Organization, Service, Taxonomy, TaxonomyTerm

        def own_fields(model):  # not the reverse relations ("directory.Phone.None" noise)
            return [f.name for f in model._meta.concrete_fields]

        auditlog.register(Organization, include_fields=own_fields(Organization))
        auditlog.register(
            Service, include_fields=own_fields(Service) + ["terms"], m2m_fields={"terms"}
        )
        auditlog.register(Location, include_fields=own_fields(Location))
        auditlog.register(Taxonomy)
        auditlog.register(TaxonomyTerm)
        auditlog.register(NotDuplicate)
