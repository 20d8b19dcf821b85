"""The coordinators' "branches that lead nowhere" page (``views.editor.gaps``): for each
published tree, the share of its search branches that find a service in each basin, the
branches that find none, and what completed paths recorded. Reads only.

The branches' counts come from ``coverage.branches`` (bitmaps of the search snapshot); the
recorded paths and unmet needs are counted with one query each for all the trees, and the
answers' labels are read once for all the trees (about 20 queries in all, whatever the number
of trees or services).
"""

from collections import Counter

from django.db.models import Count

from territory.models import Basin, Municipality

from .. import tree as pure
from ..models import Choice, PathRecord, Tree, UnmetNeed
from . import coverage, paths

#: The unmet needs whose answers are counted (the most recent ones).
UNMET_ANSWERS_READ = 5000


def rows() -> tuple[list, list]:
    """``(rows, basins)``: one row per published tree (see ``_row``) and the basins in order."""
    basins = list(Basin.objects.prefetch_related("municipalities"))
    counts = {
        "unmet": Counter(UnmetNeed.objects.values_list("need", "basin__code")),
        "answers": Counter(
            (need, tuple(answers.items()))
            for need, answers in UnmetNeed.objects.values_list("need", "answers")[
                :UNMET_ANSWERS_READ
            ]
        ),
        "paths": dict(
            PathRecord.objects.values("need").annotate(n=Count("id")).values_list("need", "n")
        ),
    }
    trees = list(Tree.objects.select_related("published").filter(published__isnull=False))
    labels = _labels([tree.published for tree in trees])
    found = [_row(tree, basins, counts, labels.get(tree.published.pk, {})) for tree in trees]
    return found, basins


def _row(tree, basins, counts, labels) -> dict:
    version = tree.published
    branch_list = coverage.branches(version, basins)
    order = {code: i for i, code in enumerate(paths.nodes_of(version))}

    def label(pair):
        return labels.get(pair) or labels.get(("", pair[1]), pair[1])

    share = coverage.summary(branch_list, [b.code for b in basins])
    nowhere = [
        {
            "steps": [label(s) for s in br.steps if s[1] != "*"],
            "leaf": br.leaf,
            "basins": [b for b in basins if br.counts.get(b.code, 0) == 0],
            "everywhere": all(n == 0 for n in br.counts.values()),
        }
        for br in branch_list
        if br.kind == pure.SEARCH and any(v == 0 for v in br.counts.values())
    ]
    unmet = [(b, counts["unmet"].get((tree.need, b.code), 0)) for b in basins]
    return {
        "tree": tree,
        "share": [(b, share[b.code]) for b in basins],
        "nowhere": nowhere,
        "helpdesk": sum(1 for br in branch_list if br.kind == pure.HELPDESK),
        "branches": len(branch_list),
        "paths": counts["paths"].get(tree.need, 0),
        "unmet": unmet,
        "unmet_total": sum(n for _b, n in unmet),
        "unmet_answers": [
            ([label(p) for p in sorted(answers, key=lambda p: order.get(p[0], 99))], n)
            for (need, answers), n in counts["answers"].most_common(10)
            if need == tree.need
        ],
    }


def _labels(versions) -> dict:
    """version pk -> {(node code, answer code): answer label}, with the municipalities' names
    under ("", NIS code); two queries for all the versions."""
    municipalities = {("", m.nis_code): m.name for m in Municipality.objects.all()}
    labels = {version.pk: dict(municipalities) for version in versions}
    for choice in Choice.objects.filter(node__version__in=versions).select_related("node"):
        labels[choice.node.version_id][(choice.node.code, choice.code)] = choice.label
    return labels
