"""Absolute links for e-mails and calendar feeds, in one place for every app.

``MAILLAGE_BASE_URL`` (e.g. https://maillage.example.be) when set; otherwise the Site's domain
with the protocol allauth uses. Never builds a link from a request's Host header.
"""

from django.conf import settings
from django.contrib.sites.models import Site


def absolute_url(path: str) -> str:
    base = settings.MAILLAGE_BASE_URL
    if not base:
        protocol = settings.ACCOUNT_DEFAULT_HTTP_PROTOCOL
        base = f"{protocol}://{Site.objects.get_current().domain}"
    return base.rstrip("/") + path
