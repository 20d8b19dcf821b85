"""Which branches of a tree find services, basin by basin (the coordinators' "branches that
lead nowhere" page and ``bench/orientation.py``'s coverage report).

A branch is a root-to-leaf path of ``orientation.tree.branches`` (the language question answered
"any"). One directory search per tree gives the services of its need; each branch's hard
criteria (stepped-care level, required terms, age) and each basin's service area are then
checked on those rows, as the path's own search would (a basin is covered by a service whose
area is the region, a basin of one of the basin's municipalities, or one of them). Reads only.

Speed (the gaps page at ten times the demo: 4,400 services, two trees, 77 branches, about
10 ms a tree): the branches are counted on the search snapshot (``directory.search.memory``),
as bitmaps: the need's services, those with the branch's level and required terms (the
snapshot's term tokens), minus those whose ages exclude the branch's age (one query, the
services with an age limit), and per basin those whose service-area tokens cover it; branches
asking the same criteria are counted once. No cache: the snapshot follows the directory.
"""

from dataclasses import dataclass

from directory.models import Service
from directory.search import memory
from directory.search.engine import search, tokens_serving
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


def _basin_masks(snap, basins: list) -> dict:
    """basin code -> bitmap of the services serving it: the whole region, a basin sharing one
    of its municipalities (Brussels-City lies in two basins), or one of its municipalities;
    the search index's service-area tokens, as a path's own search reads them."""
    municipalities_of = {b.code: {m.nis_code for m in b.municipalities.all()} for b in basins}
    basins_of_nis: dict[str, set] = {}
    for code, nis_codes in municipalities_of.items():
        for nis in nis_codes:
            basins_of_nis.setdefault(nis, set()).add(code)
    masks = {}
    for code, nis_codes in municipalities_of.items():
        mask = 0
        for tok in tokens_serving({nis: basins_of_nis[nis] for nis in nis_codes}):
            mask |= snap.masks.get(tok, 0)
        masks[code] = mask
    return masks


def _age_masks(snap, ids: list) -> dict:
    """The bitmap of the services whose ages exclude a person of each age, made on demand
    (one query: the services with an age limit)."""
    limits = list(
        Service.objects.filter(pk__in=ids)
        .exclude(minimum_age=None, maximum_age=None)
        .values_list("pk", "minimum_age", "maximum_age")
    )
    where = snap.position_of_service
    found: dict = {}

    def excluded(age):
        if age not in found:
            outside = [
                where[pk]
                for pk, low, high in limits
                if pk in where and not ranking.age_fits({"min_age": low, "max_age": high}, age)
            ]
            found[age] = snap.mask_of(outside)
        return found[age]

    return excluded


def _criteria_mask(snap, criteria, terms: dict) -> int:
    """The services having the branch's stepped-care level and, for each taxonomy it names,
    one of its required terms (``ranking.meets`` without the age)."""

    def term_mask(key):
        term = terms.get(key)
        return snap.masks.get("t" + term.id.hex, 0) if term else 0

    mask = snap.all
    if criteria.level:
        mask &= term_mask(f"stepped_care:{criteria.level}")
    groups: dict[str, set] = {}
    for key in criteria.require:
        groups.setdefault(key.split(":", 1)[0], set()).add(key)
    for keys in groups.values():
        either = 0
        for key in keys:
            either |= term_mask(key)
        mask &= either
    return mask


def branches(version, basins: list | None = None) -> list[Branch]:
    data = paths.data_of(version)
    terms = results.term_index()
    need = version.tree.need
    if basins is None:
        basins = list(Basin.objects.prefetch_related("municipalities"))
    params = results.search_params(need, pure.Criteria(), terms, "", COVERAGE_CANDIDATES)
    ids = search(params).ids
    snap = memory.snapshot()
    need_mask = snap.mask_of_services(ids)
    served = _basin_masks(snap, basins)
    excluded = _age_masks(snap, ids)
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
                fitting = need_mask & _criteria_mask(snap, criteria, terms)
                if criteria.age is not None:
                    fitting &= ~excluded(criteria.age)
                counted[key] = {b.code: (fitting & served[b.code]).bit_count() for b in basins}
            counts = dict(counted[key])
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
