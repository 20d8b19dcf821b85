"""Find directory services for the helpdesk forms, through the directory's search interface
(``directory.search.engine.search``) only. Read-only."""

from directory.models import Service, reference_uuid
from directory.search.engine import SearchParams, search

MAX_RESULTS = 10


def _load(ids) -> list:
    by_id = {s.pk: s for s in Service.objects.select_related("organization").filter(pk__in=ids)}
    return [by_id[i] for i in ids if i in by_id]


def find_services(query: str = "", *, need: str = "", nis: str = "", per_page=MAX_RESULTS):
    """Services matching the words typed; when no words, those meeting the need in the
    municipality (the suggestions of the answer page)."""
    query = (query or "").strip()[:200]
    if not query and not need:
        return []
    params = SearchParams(query=query, per_page=per_page)
    if need and not query:
        params.terms = {"theme": [reference_uuid("theme", need)]}
        if nis:
            params.served = [nis]
    return _load(search(params).ids)
