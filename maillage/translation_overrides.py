"""Translations the project must win over Django's and third-party apps' catalogs.

Django merges every catalog: ``LOCALE_PATHS`` (``maillage/locale``) first, then the installed
apps in order, so ``django.contrib.admin`` (listed before the Maillage apps) decides what a
shared msgid such as "Filter" says on every page ("Filtre", a noun, on the agenda's button). A
msgid listed here is translated in ``maillage/locale`` and so wins everywhere. Nothing imports
this module: it only gives ``makemessages`` (run in ``maillage/``) the msgids to keep.
"""

from django.utils.translation import gettext_lazy as _

OVERRIDES = [
    # The submit button of the filter forms (agenda, triage, journal, read log, cycle page).
    _("Filter"),
]
