"""The admin site, branded "Maillage": one "Accounts" section (people, memberships, their e-mail
addresses, second factors and permission groups, which Django and allauth spread over four
apps), and French/Dutch names for the sections and models of third-party apps that ship none.

Only presents: the models' own admins (``<app>/admin.py``) decide what may be changed, and the
model options are untouched (renaming them there would create migrations in third-party apps).
"""

from django.contrib import admin
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

#: The apps shown together in the "Accounts" section (the first one names it).
ACCOUNT_APPS = ("accounts", "account", "mfa", "auth")

#: Section names of apps whose own name is not translated.
APP_NAMES = {
    "accounts": _("Accounts"),
    "auditlog": _("Audit trail"),
    "django_tasks_database": _("Background tasks"),
    "sites": _("Sites"),
}

#: Model names (plural) of apps whose own names are not translated, by (app, model).
MODEL_NAMES = {
    ("auditlog", "logentry"): _("Audit trail entries"),
    ("mfa", "authenticator"): _("Second factors (authenticator app, recovery codes)"),
    ("django_tasks_database", "dbtaskresult"): _("Background task results"),
    ("account", "emailaddress"): _("E-mail addresses"),
    ("auth", "group"): _("Permission groups"),
    ("sites", "site"): _("Sites"),
}


class MaillageAdminSite(admin.AdminSite):
    site_header = _("Maillage administration")
    site_title = _("Maillage administration")
    index_title = _("Support and data of the platform")

    def _build_app_dict(self, request, label=None):
        grouped = label in ACCOUNT_APPS
        app_dict = super()._build_app_dict(request, None if grouped else label)
        for app_label, app in app_dict.items():
            app["name"] = APP_NAMES.get(app_label, app["name"])
            for model in app["models"]:
                key = (app_label, model["model"]._meta.model_name)
                if key in MODEL_NAMES:
                    model["name"] = capfirst(MODEL_NAMES[key])
        members = [app_dict.pop(name) for name in ACCOUNT_APPS if name in app_dict]
        if members:
            section = dict(members[0])
            section.update(
                name=APP_NAMES["accounts"],
                models=[model for app in members for model in app["models"]],
                has_module_perms=any(app["has_module_perms"] for app in members),
            )
            app_dict[section["app_label"]] = section
        if grouped:
            return {key: app for key, app in app_dict.items() if key in ACCOUNT_APPS}
        return app_dict
