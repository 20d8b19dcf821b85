"""Every catalogue is complete: each msgid of each app has a French and a Dutch translation,
nothing is fuzzy, and the committed .mo files say the same as the .po files."""

import gettext
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = sorted(
    p for p in ROOT.glob("*/locale/*/LC_MESSAGES/django.po") if ".venv" not in p.parts
)


def parse_po(path: Path) -> list[dict]:
    """A small .po reader: entries with msgid, msgid_plural, msgstr[n] and flags."""
    entries, current, key = [], None, None
    for raw in path.read_text(encoding="utf-8").splitlines() + [""]:
        line = raw.strip()
        if not line:
            if current is not None:
                entries.append(current)
            current, key = None, None
            continue
        if current is None:
            current = {"flags": "", "msgstr": {}}
        if line.startswith("#,"):
            current["flags"] += line
        elif line.startswith("#"):
            continue
        elif line.startswith("msgctxt "):
            key = "msgctxt"
            current[key] = _unquote(line[len("msgctxt ") :])
        elif line.startswith("msgid_plural "):
            key = "msgid_plural"
            current[key] = _unquote(line[len("msgid_plural ") :])
        elif line.startswith("msgid "):
            key = "msgid"
            current[key] = _unquote(line[len("msgid ") :])
        elif line.startswith("msgstr["):
            index = int(line[7 : line.index("]")])
            key = ("msgstr", index)
            current["msgstr"][index] = _unquote(line[line.index("]") + 2 :])
        elif line.startswith("msgstr "):
            key = ("msgstr", 0)
            current["msgstr"][0] = _unquote(line[len("msgstr ") :])
        elif line.startswith('"'):
            if isinstance(key, tuple):
                current["msgstr"][key[1]] += _unquote(line)
            else:
                current[key] += _unquote(line)
    return [e for e in entries if e.get("msgid")]


ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}


def _unquote(text: str) -> str:
    body, out, i = text[1:-1], [], 0
    while i < len(body):
        if body[i] == "\\" and i + 1 < len(body):
            out.append(ESCAPES.get(body[i + 1], body[i + 1]))
            i += 2
        else:
            out.append(body[i])
            i += 1
    return "".join(out)


def test_catalogues_exist_for_every_app_with_strings():
    apps = {p.parts[-5] for p in CATALOGUES}
    assert {"core", "accounts", "territory", "maillage"} <= apps
    for app in apps:
        for language in ("fr", "nl", "en"):
            assert (ROOT / app / "locale" / language / "LC_MESSAGES" / "django.po").exists(), (
                f"{app} has no {language} catalogue"
            )


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: "/".join(p.parts[-5:-2]))
def test_catalogue_is_complete_and_compiled(path):
    language = path.parts[-3]
    entries = parse_po(path)
    if language in ("fr", "nl"):
        untranslated = [e["msgid"] for e in entries if not all(e["msgstr"].values())]
        assert not untranslated, f"{path}: untranslated {untranslated[:5]}"
    fuzzy = [e["msgid"] for e in entries if "fuzzy" in e["flags"]]
    assert not fuzzy, f"{path}: fuzzy {fuzzy[:5]}"
    with open(path.with_suffix(".mo"), "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for entry in entries:
        if "msgid_plural" in entry or not entry["msgstr"].get(0):
            continue
        found = (
            compiled.pgettext(entry["msgctxt"], entry["msgid"])
            if "msgctxt" in entry
            else compiled.gettext(entry["msgid"])
        )
        assert found == entry["msgstr"][0], (
            f"{path.with_suffix('.mo')} is stale for {entry['msgid']!r}: run compilemessages"
        )
