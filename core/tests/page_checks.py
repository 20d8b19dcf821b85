"""Checks every HTML page of the platform must pass: a Content-Security-Policy header, and no
inline script, inline style or event-handler attribute that such a policy would block."""

from html.parser import HTMLParser

#: <script> types that are data, never run (JSON for the map, allauth's forms).
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}


class _InlineFinder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._in_inline_script = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            if name == "style":
                self.problems.append(f"style attribute on <{tag}>: {value!r}")
            if name.startswith("on"):
                self.problems.append(f"event handler {name} on <{tag}>")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith(
                "javascript:"
            ):
                self.problems.append(f"javascript: URL on <{tag}>")
        if tag == "style":
            self.problems.append("<style> element")
        script_type = (attributes.get("type") or "").lower()
        if tag == "script" and "src" not in attributes and script_type not in DATA_SCRIPT_TYPES:
            self._in_inline_script = True

    def handle_endtag(self, tag):
        self._in_inline_script = False

    def handle_data(self, data):
        if self._in_inline_script and data.strip():
            self.problems.append(f"inline <script>: {data.strip()[:60]!r}")


def inline_problems(html: str) -> list[str]:
    finder = _InlineFinder()
    finder.feed(html)
    return finder.problems


def csp_problems(response) -> list[str]:
    policy = response.get("Content-Security-Policy", "")
    if not policy:
        return ["no Content-Security-Policy header"]
    directives = {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}
    problems = []
    for directive in ("script-src", "style-src"):
        sources = directives.get(directive, directives.get("default-src", []))
        if not sources:
            problems.append(f"{directive} missing")
        if "'unsafe-inline'" in sources or "'unsafe-eval'" in sources:
            problems.append(f"{directive} allows unsafe sources: {sources}")
    if directives.get("object-src") != ["'none'"]:
        problems.append("object-src is not 'none'")
    return problems


def page_problems(response) -> list[str]:
    """Empty when the response is not an HTML page or passes every check."""
    if not response.get("Content-Type", "").startswith("text/html"):
        return []
    html = response.content.decode("utf-8", "replace")
    return csp_problems(response) + inline_problems(html)
