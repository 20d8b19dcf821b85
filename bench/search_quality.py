"""Search quality benchmark: the judged set of ``bench/search_quality_set.py`` (FR and NL queries
of six kinds) against the demo network, through ``directory.search.engine.search()``.

Run:
    .venv/bin/python bench/search_quality.py              # fresh SQLite + load_demo (about 1 min)
    .venv/bin/python bench/search_quality.py --reuse DIR  # the data folder of an earlier run
    .venv/bin/python bench/search_quality.py --show 5     # also print the top 5 of failed queries

A service is right when it carries one of the terms the query's expectation lists. Prints, per
kind, per language and overall: success@5 (at least 3 of the top 5 right) and nDCG@10 (binary
gains, ideal = as many right services as exist, at most 10). A benchmark: it asserts nothing.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.append(str(ROOT / "bench"))  # after the project: bench/orientation.py is not the app


def setup(reuse: str | None) -> None:
    folder = reuse or tempfile.mkdtemp(prefix="maillage-quality-")
    os.environ["MAILLAGE_DATA_DIR"] = folder
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maillage.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    from directory.models import Organization

    if not Organization.objects.exists():
        call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    print(f"data folder: {folder}")


def service_terms() -> dict:
    from directory.models import Service

    terms = defaultdict(set)
    for service_id, taxonomy, code in Service.terms.through.objects.values_list(
        "service_id", "taxonomyterm__taxonomy__code", "taxonomyterm__code"
    ):
        terms[service_id].add(f"{taxonomy}:{code}")
    return terms


def ndcg(gains: list[int], ideal_count: int) -> float:
    dcg = sum(g / math.log2(i + 2) for i, g in enumerate(gains))
    ideal = sum(1 / math.log2(i + 2) for i in range(min(10, ideal_count)))
    return dcg / ideal if ideal else 0.0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuse", metavar="DATA_DIR")
    parser.add_argument("--show", type=int, default=0, help="print the top N of failed queries")
    args = parser.parse_args()
    setup(args.reuse)
    from search_quality_set import JUDGED

    from directory.models import Service
    from directory.search.engine import SearchParams, search

    terms = service_terms()
    names = dict(Service.objects.values_list("pk", "name"))
    by = defaultdict(list)
    failed = []
    for query, language, kind, expectation in JUDGED:
        wanted = {part.strip() for part in expectation.split("|")}
        right_total = sum(1 for t in terms.values() if t & wanted)
        result = search(SearchParams(query=query, per_page=10))
        gains = [int(bool(terms.get(i, set()) & wanted)) for i in result.ids[:10]]
        success = sum(gains[:5]) >= 3
        score = ndcg(gains, right_total)
        for key in (("kind", kind), ("language", language), ("all", "overall")):
            by[key].append((success, score))
        if not success:
            failed.append((language, kind, query, result.total, gains, result.ids[: args.show]))
    print(f"{len(JUDGED)} judged queries, {Service.objects.count()} services")
    print(f"{'group':<24}{'queries':>8}{'success@5':>11}{'nDCG@10':>9}")
    for key in sorted(by, key=lambda k: ({"kind": 0, "language": 1, "all": 2}[k[0]], k[1])):
        rows = by[key]
        rate = 100 * sum(s for s, _ in rows) / len(rows)
        mean = sum(n for _, n in rows) / len(rows)
        print(f"{key[0] + ' ' + key[1]:<24}{len(rows):>8}{rate:>10.1f}%{mean:>9.3f}")
    print(f"failed ({len(failed)}):")
    for language, kind, query, total, gains, ids in failed:
        print(f"  [{language} {kind}] {query!r}: {total} results, top 5 right {gains[:5]}")
        for service_id in ids:
            print(f"      {names.get(service_id)}  {sorted(terms.get(service_id, []))}")


if __name__ == "__main__":
    main()
