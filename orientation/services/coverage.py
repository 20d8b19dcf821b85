"""Which branches of a tree find services, basin by basin (the coordinators' "branches that
lead nowhere" page and ``bench/orientation.py``'s coverage report).

A branch is a root-to-leaf path of ``orientation.tree.branches`` (the language question answered
"any", the municipality question answered with every municipality of the basin). Reads only.
"""

from dataclasses import dataclass

from territory.models import Basin

from .. import tree as pure
from . import paths, results


@dataclass
class Branch:
    steps: list  # [(node code, answer code)]
    leaf: str
    kind: str
    counts: dict  # basin code -> services that fit (search leaves only)


def branches(version) -> list[Branch]:
    data = paths.data_of(version)
    terms = results.term_index()
    basins = [
        (b.code, [m.nis_code for m in b.municipalities.all()])
        for b in Basin.objects.prefetch_related("municipalities")
    ]
    found = []
    for steps in pure.branches(data):
        leaf = pure.leaf_of(data, steps)
        kind = data["nodes"][leaf]["kind"]
        counts = {}
        if kind == pure.SEARCH:
            criteria = pure.criteria(data, steps)
            criteria.language = ""
            criteria.municipality = ""
            for code, nis_codes in basins:
                counts[code] = results.count_fitting(
                    version.tree.need, criteria, terms, criteria.level, served=nis_codes
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
