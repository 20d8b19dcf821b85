"""Sanitising rich text (reports' minutes) with nh3: a small allow-list of tags, links with
rel="noopener noreferrer", no script, no style, no event handler. Pure; no Django import."""

import nh3

TAGS = {
    "p",
    "br",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "ul",
    "ol",
    "li",
    "h2",
    "h3",
    "h4",
    "blockquote",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "caption",
    "hr",
}
ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope", "colspan"}, "td": {"colspan"}}


def clean_html(html: str) -> str:
    return nh3.clean(
        html or "",
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    ).strip()


def has_text(html: str) -> bool:
    """Whether cleaned HTML says something (an editor's empty "<p></p>" does not)."""
    return bool(nh3.clean(html or "", tags=set()).strip())
