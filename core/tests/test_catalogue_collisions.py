"""No two project catalogues translate the same (msgctxt, msgid) differently.

Django merges the catalogues of ``LOCALE_PATHS`` (``maillage/locale``) and then of the apps in
``INSTALLED_APPS`` order into one: the first translation of a (context, msgid) is shown on every
page, whichever app's template asked. "Change" said "Modification" (the directory's noun) on the
open doors' "Modifier" link; "Paid" said "Payant" (a paid service) on a paid invoice. Where the
meanings differ, give the word a context (``pgettext``, ``{% translate "..." context "..." %}``);
where the meaning is the same, use the same translation.

``KNOWN`` lists the collisions still to mend; the test fails on any other collision, and on a
listed one that has been mended (remove it from the list).
"""

from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings

from .test_translations import ROOT, parse_po

#: (language, context, msgid) of collisions still to mend, with the apps involved. "Cancelled":
#: an event is "Annulé", an invoice (and a booking) "Annulée"; the fix is a context on the
#: events side (``pgettext_lazy("event", "Cancelled")`` in events/models/event.py and
#: events/templates/events/_event_item.html), left to the events app's current change.
KNOWN: dict = {}


def _catalogues(language: str) -> list[tuple[str, Path]]:
    """The project's catalogues of ``language`` in Django's precedence order."""
    paths = [
        (Path(p).parent.name, Path(p) / language / "LC_MESSAGES" / "django.po")
        for p in settings.LOCALE_PATHS
    ]
    for config in apps.get_app_configs():
        path = ROOT / config.label / "locale" / language / "LC_MESSAGES" / "django.po"
        if config.path.startswith(str(ROOT)) and path.exists():
            paths.append((config.label, path))
    return paths


def collisions(language: str) -> dict[tuple, dict[tuple, list[str]]]:
    """(context, msgid) -> {translation: [apps giving it]} where apps disagree."""
    seen: dict[tuple, dict[tuple, list[str]]] = {}
    for app, path in _catalogues(language):
        for entry in parse_po(path):
            if "fuzzy" in entry["flags"]:
                continue
            translation = tuple(entry["msgstr"][i] for i in sorted(entry["msgstr"]))
            if not any(translation):
                continue
            key = (entry.get("msgctxt"), entry["msgid"])
            seen.setdefault(key, {}).setdefault(translation, []).append(app)
    return {key: found for key, found in seen.items() if len(found) > 1}


def test_the_catalogues_are_read_in_django_s_order():
    french = [app for app, _path in _catalogues("fr")]
    assert french[0] == "maillage"  # maillage/locale (LOCALE_PATHS) first
    assert french.index("core") < french.index("directory") < french.index("opendoors")


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_no_two_catalogues_translate_a_msgid_differently(language):
    found = collisions(language)
    new = {
        f"{msgid!r} ({context or 'no context'}): "
        + " | ".join(f"{'/'.join(apps_)}: {text[0]!r}" for text, apps_ in versions.items())
        for (context, msgid), versions in found.items()
        if (language, context, msgid) not in KNOWN
    }
    mended = {key for key in KNOWN if key[0] == language and (key[1], key[2]) not in found}
    assert sorted(new) == []
    assert sorted(mended) == []  # mended: remove from KNOWN
