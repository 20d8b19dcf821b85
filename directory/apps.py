from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = _("Directory")

    def ready(self):
        from auditlog.registry import auditlog
        from django.db.models.signals import post_delete, post_save, pre_save

        from .models import (
            Address,
            Location,
            NotDuplicate,
            Organization,
            Phone,
            Service,
            Taxonomy,
            TaxonomyTerm,
        )
        from .services import duplicates

        # What the likely-duplicates report reads: its cached pairs are forgotten on a change.
        for model in (Location, Address, Phone):
            post_save.connect(
                duplicates.directory_changed, sender=model, dispatch_uid=f"dup-{model}"
            )
        for model in (Organization, Location, Address, Phone):
            post_delete.connect(
                duplicates.directory_changed, sender=model, dispatch_uid=f"dup-del-{model}"
            )
        pre_save.connect(duplicates.organization_saving, sender=Organization, dispatch_uid="dup-o")
        post_save.connect(duplicates.organization_saved, sender=Organization, dispatch_uid="dup-o")

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
