"""The project's admin configuration: Django's admin with ``maillage.admin.MaillageAdminSite``
as the default site, so that every ``@admin.register`` lands on the branded site."""

from django.contrib.admin.apps import AdminConfig


class MaillageAdminConfig(AdminConfig):
    default_site = "maillage.admin.MaillageAdminSite"
