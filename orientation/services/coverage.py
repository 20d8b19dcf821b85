"""Which branches of a tree find services, basin by basin (the coordinators' "branches that
lead nowhere" page and ``bench/orientation.py``'s coverage report).

A branch is a root-to-leaf path of ``orientation.tree.branches`` (the language question answered
"any"). One directory search per tree gives the services of its need; each branch's hard
criteria (stepped-care level, required terms, age) and each basin's service area are then
checked on those rows, as the path's own search would (a basin is covered by a service whose
area is the region, a basin of one of the basin's municipalities, or one of them). Reads only.

Speed (the gaps page at ten times the demo: 4,400 services, two trees, 77 branches): only what
the hard criteria read is fetched (ages and terms, two queries, not the ranking's four), the
branches that ask the same criteria are counted once, and a service is counted in the basins it
serves (not every basin against every service). ``cached_branches`` keeps a published
version's branches in the cache, labelled with the search index version (bumped by the
directory's indexer after every write to a sheet, its terms, places or area) and the day:
a published version never changes, a new one has another key.
"""

import contextlib
from collections import Counter
from dataclasses import dataclass

from django.core.cache import cache
from django.db import DatabaseError
from django.utils import timezone

from directory.models import Service
from directory.search import memory
from directory.search.engine import search
from territory.models import Basin

from .. import ranking
from .. import tree as pure
from . import paths, results

#: At most this many services of a need are checked (the demo network has a few hundred).
COVERAGE_CANDIDATES = 5000
CACHE_KEY = "orientation:coverage:{pk}"
#: Kept at most this long even if the fingerprint seems unchanged.
TIMEOUT = 3600


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


def _facts(ids: list) -> list[dict]:
    """What ``ranking.meets`` reads of these services (ages and terms), in ``ids`` order."""
    by_id = {
        pk: {"id": pk, "min_age": low, "max_age": high, "terms": set()}
        for pk, low, high in Service.objects.filter(pk__in=ids).values_list(
            "pk", "minimum_age", "maximum_age"
        )
    }
    for service_id, taxonomy, code in Service.terms.through.objects.filter(
        service_id__in=ids
    ).values_list("service_id", "taxonomyterm__taxonomy__code", "taxonomyterm__code"):
        by_id[service_id]["terms"].add(f"{taxonomy}:{code}")
    return [by_id[pk] for pk in ids if pk in by_id]


def branches(version, basins: list | None = None) -> list[Branch]:
    data = paths.data_of(version)
    terms = results.term_index()
    need = version.tree.need
    if basins is None:
        basins = list(Basin.objects.prefetch_related("municipalities"))
    params = results.search_params(need, pure.Criteria(), terms, "", COVERAGE_CANDIDATES)
    ids = search(params).ids
    candidates = _facts(ids)
    served = _basins_served(ids, basins)
    every = {b.code: 0 for b in basins}
    counted: dict[tuple, dict] = {}  # the same criteria, the same counts
    found = []
    for steps in pure.branches(data):
        leaf = pure.leaf_of(data, steps)
        kind = data["nodes"][leaf]["kind"]
        counts = {}
        if kind == pure.SEARCH:
            criteria = pure.criteria(data, steps)
            key = (criteria.level, tuple(sorted(criteria.require)), criteria.age)
            if key not in counted:
                tally = Counter()
                for c in candidates:
                    if ranking.meets(c, criteria.level, criteria.require, criteria.age):
                        tally.update(served.get(c["id"], ()))
                counted[key] = {code: tally[code] for code in every}
            counts = dict(counted[key])
        found.append(Branch(steps, leaf, kind, counts))
    return found


def cached_branches(version, basins: list) -> list[Branch]:
    """``branches`` of a published version, from the cache while the directory is unchanged."""
    stamp = memory.current_version()
    if not isinstance(stamp, int):  # the cache cannot be read: compute, keep nothing
        return branches(version, basins)
    fingerprint = (stamp, timezone.localdate().isoformat(), tuple(b.code for b in basins))
    key = CACHE_KEY.format(pk=version.pk)
    with contextlib.suppress(DatabaseError):
        kept = cache.get(key)
        if kept and kept[0] == fingerprint:
            return kept[1]
    found = branches(version, basins)
    with contextlib.suppress(DatabaseError):
        cache.set(key, (fingerprint, found), TIMEOUT)
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
