"""Which branches of a tree find services, basin by basin (the coordinators' "branches that
lead nowhere" page and ``bench/orientation.py``'s coverage report).

A branch is a root-to-leaf path of ``orientation.tree.branches`` (the language question answered
"any"). One directory search per tree gives the services of its need; each branch's hard
criteria (stepped-care level, required terms, age) and each basin's service area are then
checked on those rows, as the path's own search would (a basin is covered by a service whose
area is the region, a basin of one of the basin's municipalities, or one of them). Reads only.
"""

from dataclasses import dataclass

from django.utils import timezone

from directory.models import Service
from directory.search.engine import search
from territory.models import Basin

from .. import ranking
from .. import tree as pure
from . import paths, results

#: At most this many services of a need are checked (the demo network has a few hundred).
COVERAGE_CANDIDATES = 5000


@dataclass
class Branch:
    steps: list  # [(node code, answer code)]
    leaf: str
    kind: str
    counts: dict  # basin code -> services that fit (search leaves only)


def _basins_served(ids: list, basins: list) -> dict:
    """service id -> codes of the basins whose municipalities it serves."""
    municipalities_of = {b.code: {m.nis_code for m in b.municipalities.all()} for b in basins}
    basins_of_nis: dict[str, set] = {}
    for code, nis_codes in municipalities_of.items():
        for nis in nis_codes:
            basins_of_nis.setdefault(nis, set()).add(code)
    # A basin is reached through its municipalities, and Brussels-City lies in two basins.
    reach = {
        code: set().union(*(basins_of_nis[n] for n in nis_codes)) if nis_codes else set()
        for code, nis_codes in municipalities_of.items()
    }
    every = {b.code for b in basins}
    served = {}
    for pk, scope in Service.objects.filter(pk__in=ids).values_list("pk", "area_scope"):
        served[pk] = set(every) if scope == "region" else set()
    for pk, basin in Service.area_basins.through.objects.filter(service_id__in=ids).values_list(
        "service_id", "basin__code"
    ):
        if pk in served:
            served[pk] |= {code for code in every if basin in reach[code]}
    for pk, nis in Service.area_municipalities.through.objects.filter(
        service_id__in=ids
    ).values_list("service_id", "municipality__nis_code"):
        if pk in served:
            served[pk] |= basins_of_nis.get(nis, set())
    return served


def branches(version) -> list[Branch]:
    data = paths.data_of(version)
    terms = results.term_index()
    need = version.tree.need
    basins = list(Basin.objects.prefetch_related("municipalities"))
    params = results.search_params(need, pure.Criteria(), terms, "", COVERAGE_CANDIDATES)
    ids = search(params).ids
    candidates = results.candidates(ids, timezone.localdate())
    served = _basins_served(ids, basins)
    found = []
    for steps in pure.branches(data):
        leaf = pure.leaf_of(data, steps)
        kind = data["nodes"][leaf]["kind"]
        counts = {}
        if kind == pure.SEARCH:
            criteria = pure.criteria(data, steps)
            fitting = [
                c
                for c in candidates
                if ranking.meets(c, criteria.level, criteria.require, criteria.age)
            ]
            for basin in basins:
                counts[basin.code] = sum(
                    1 for c in fitting if basin.code in served.get(c["id"], ())
                )
        found.append(Branch(steps, leaf, kind, counts))
    return found


def summary(branch_list: list[Branch], basin_codes: list) -> dict:
    """Share of the search branches with at least one service, per basin (0..1)."""
    searching = [b for b in branch_list if b.kind == pure.SEARCH]
    if not searching:
        return dict.fromkeys(basin_codes, 0.0)
    return {
        code: sum(1 for b in searching if b.counts.get(code, 0) > 0) / len(searching)
        for code in basin_codes
    }
