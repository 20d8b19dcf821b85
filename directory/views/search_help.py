"""What the search page adds around the results: the active filters as removable chips, the
words understood, and help when there are few or no results (thesaurus terms, widening the
area, the helpdesk). Reads only."""

from django.utils.translation import gettext as _

from ..models import TaxonomyTerm

#: Fewer results than this: the page offers help.
FEW = 3
FILTER_KEYS = ["municipality", "basin", "language", "fee", "open_now", "near"]


def _without(get, key, value=None):
    query = get.copy()
    query.pop("page", None)
    if value is None:
        query.pop(key, None)
    else:
        query.setlist(key, [v for v in query.getlist(key) if v != value])
    return "?" + query.urlencode()


def help_context(request, form, facets, result) -> dict:
    get = request.GET
    chips = []
    for facet in facets:
        for option in facet["options"]:
            if option["checked"]:
                chips.append(
                    {
                        "label": f"{facet['legend']}: {option['label']}",
                        "url": _without(get, facet["name"], option["value"]),
                    }
                )
    if get.get("open_now"):
        chips.append({"label": _("Open now"), "url": _without(get, "open_now")})
    if get.get("near"):
        chips.append(
            {"label": _("Near %(place)s") % {"place": get["near"]}, "url": _without(get, "near")}
        )
    keep = get.copy()
    for key in [f["name"] for f in facets] + FILTER_KEYS + ["page", "sort"]:
        keep.pop(key, None)
    term_ids = {t for c in result.understood for t in c["terms"]}
    terms = {
        t.pk: t for t in TaxonomyTerm.objects.filter(pk__in=term_ids).select_related("taxonomy")
    }
    understood = [
        {
            "text": c["text"],
            "terms": [terms[t] for t in c["terms"] if t in terms],
            "corrected": c["corrected"],
        }
        for c in result.understood
    ]
    suggestions = []
    if result.total < FEW:
        seen = set()
        for c in understood:
            for term in c["terms"]:
                if term.pk not in seen:
                    seen.add(term.pk)
                    suggestions.append({"term": term, "url": f"?{term.taxonomy.code}={term.pk}"})
        if not suggestions and result.total == 0:
            suggestions = [
                {"term": t, "url": f"?theme={t.pk}"}
                for t in TaxonomyTerm.objects.filter(taxonomy__code="theme").order_by("position")[
                    :8
                ]
            ]
    return {
        "chips": chips,
        "clear_url": "?" + keep.urlencode() if chips else "",
        "understood": understood,
        "ignored": result.ignored,
        "suggestions": suggestions,
        "widen_url": "?" + keep.urlencode()
        if chips and result.total < FEW and result.unfiltered_total > result.total
        else "",
        "widen_total": result.unfiltered_total,
        "filter_count": len(chips),
    }
