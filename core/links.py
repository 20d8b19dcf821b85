"""Absolute links for e-mails and calendar feeds, in one place for every app.

``MAILLAGE_BASE_URL`` (e.g. https://maillage.example.be) when set; otherwise the Site's domain
with the protocol allauth uses. Never builds a link from a request's Host header.

E-mails use ``link()``: the link is built only when the e-mail is rendered, with the recipient's
language active (``core.notifications`` renders inside ``translation.override``), so that a
Dutch-speaking person gets ``/nl/...`` links whatever the language of the page that sent it.
"""

from django.conf import settings
from django.contrib.sites.models import Site
from django.urls import reverse
from django.utils.functional import lazy


def absolute_url(path: str) -> str:
    base = settings.MAILLAGE_BASE_URL
    if not base:
        protocol = settings.ACCOUNT_DEFAULT_HTTP_PROTOCOL
        base = f"{protocol}://{Site.objects.get_current().domain}"
    return base.rstrip("/") + path


def _build(target, args) -> str:
    if hasattr(target, "get_absolute_url"):
        return absolute_url(target.get_absolute_url())
    return absolute_url(reverse(target, args=args))


_lazy_build = lazy(_build, str)


def link(target, *args):
    """The absolute URL of a view name (with ``args``) or of an object with
    ``get_absolute_url()``, resolved in the language active when it is turned into text."""
    return _lazy_build(target, args)
