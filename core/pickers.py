"""Sources of the searchable pickers: which rows a picker offers and how it finds them.

An app declares a source in its own ``pickers.py`` (found by ``autodiscover()`` at start-up,
like the admin's ``admin.py``); ``core.widgets.SearchChoiceField`` and the JSON endpoint
(``core.views.picker_suggestions``) only know a source by its name, so core never imports a
higher app. A source never writes anything: it filters and describes rows.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.module_loading import autodiscover_modules

#: Most results a search returns (the JSON endpoint and the no-JavaScript list alike).
LIMIT = 20
#: Longest query looked for: longer input is cut, never refused.
MAX_QUERY = 100


@dataclass(frozen=True)
class PickerSource:
    #: The name in URLs and in ``SearchChoiceField(source=...)``.
    name: str
    #: Every row the picker may offer (e.g. published organizations).
    queryset: Callable[[], QuerySet]
    #: ``search(queryset, text, limit)``: at most ``limit`` rows of ``queryset`` matching
    #: ``text``, best first (a list, or a queryset sliced here).
    search: Callable[[QuerySet, str, int], list]
    #: ``mine(user)``: the rows of this person (offered before they type), or None.
    mine: Callable[[object], QuerySet] | None = None
    #: ``detail(row)``: a short text telling similar rows apart (e.g. the municipality).
    detail: Callable[[object], str] | None = None
    #: ``prepare(rows)``: read what ``detail`` needs for a list of rows, in a few queries (for
    #: ``own``; ``search`` prepares its own rows).
    prepare: Callable[[list], list] | None = None
    #: ``allowed(user)``: who may query the JSON endpoint (None: anybody, the rows are public).
    #: A source of people's names (not public) says who; others get a 403.
    allowed: Callable[[object], bool] | None = None
    #: ``label(row)``: the row's text in the list (None: ``str(row)``).
    label: Callable[[object], str] | None = None

    def find(self, queryset: QuerySet, text: str, limit: int = LIMIT) -> list:
        text = " ".join(text.split())[:MAX_QUERY]
        if not text:
            return []
        return list(self.search(queryset, text, limit))

    def own(self, user, limit: int = LIMIT) -> list:
        """The person's own rows (offered before they type), or nothing."""
        if self.mine is None or not user.is_authenticated:
            return []
        rows = list(self.mine(user)[:limit])
        return self.prepare(rows) if self.prepare else rows

    def describe(self, row) -> str:
        return self.detail(row) if self.detail else ""

    def may_use(self, user) -> bool:
        return self.allowed is None or bool(self.allowed(user))

    def label_of(self, row) -> str:
        return self.label(row) if self.label else str(row)


_sources: dict[str, PickerSource] = {}


def register(source: PickerSource) -> PickerSource:
    _sources[source.name] = source
    return source


def get(name: str) -> PickerSource | None:
    return _sources.get(name)


def autodiscover() -> None:
    autodiscover_modules("pickers")
