"""HTML of a text with the PII guard's findings wrapped in <mark>, for the refused form.
Escapes everything; never stores the text."""

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .guard import KIND_LABELS


def highlighted(text: str, found) -> str:
    parts, pos = [], 0
    for f in sorted(found, key=lambda f: f.start):
        parts.append(escape(text[pos : f.start]))
        label = escape(str(KIND_LABELS[f.kind]))
        parts.append(
            f'<mark class="pii" data-kind="{f.kind}" title="{label}">{escape(text[f.start : f.end])}'
            f'<span class="visually-hidden"> ({label})</span></mark>'
        )
        pos = f.end
    parts.append(escape(text[pos:]))
    return mark_safe("".join(parts))
