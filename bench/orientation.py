"""Benchmark of the orientation tool, in two parts, one command:

1. coverage on the demo network: a fresh SQLite database with ``load_demo``; for each shipped
   tree, the share of its branches (root-to-leaf paths, see ``orientation.tree.branches``) that
   return at least one service in each basin (run in a child process: its own database);
2. time to answer a path's result page at 100,000 services (the directory's large database of
   ``bench/search.py``), server side: the whole Django view (walk, search, ranking, "how to
   reach", next steps, template) through the test client, and the search part alone
   (``orientation.services.results.find``). Prints p50, p95 and p99 in ms.

Run:
    .venv/bin/python bench/orientation.py --backend sqlite
    .venv/bin/python bench/orientation.py --backend postgres \
        [--database-url postgres://postgres@127.0.0.1:5432/maillage_h4_bench]

A benchmark, not a test: it asserts nothing about time. Never run it against a real database.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# This file is named like the app: the script's own folder must not hide the package.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.insert(0, str(ROOT))


def _search_bench():
    """bench/search.py, loaded by path (it builds the same large database)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("search_bench", ROOT / "bench" / "search.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def coverage_on_demo() -> None:
    """(child process) Load the demo network in a fresh SQLite file and print the coverage."""
    os.environ["MAILLAGE_DATA_DIR"] = tempfile.mkdtemp(prefix="maillage-bench-orientation-")
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maillage.settings")
    import io

    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("load_demo", stdout=io.StringIO())
    from directory.models import Service
    from orientation import tree as pure
    from orientation.models import Tree
    from orientation.services import coverage
    from territory.models import Basin

    basins = list(Basin.objects.all())
    print(f"demo network: {Service.objects.published().count()} published services")
    header = f"{'tree':<16}{'branches':>9}{'search':>8}" + "".join(f"{b.code:>14}" for b in basins)
    print(header)
    for tree in Tree.objects.select_related("published").filter(published__isnull=False):
        found = coverage.branches(tree.published)
        share = coverage.summary(found, [b.code for b in basins])
        searching = sum(1 for b in found if b.kind == pure.SEARCH)
        print(
            f"{tree.need:<16}{len(found):>9}{searching:>8}"
            + "".join(f"{share[b.code] * 100:>13.0f}%" for b in basins)
        )
        for branch in found:
            if branch.kind == pure.SEARCH and min(branch.counts.values()) == 0:
                answers = ", ".join(f"{c}={a}" for c, a in branch.steps if a != "*")
                empty = [code for code, n in branch.counts.items() if n == 0]
                print(f"    no service: {answers} -> {branch.leaf} ({len(empty)} basins)")


def measure(iterations: int, seed: int = 5) -> None:
    from django.test import Client
    from django.urls import reverse
    from django.utils import translation
    from django.utils.http import urlencode

    from orientation import tree as pure
    from orientation.models import Tree
    from orientation.services import paths, results
    from territory.models import Municipality

    rng = random.Random(seed)
    nis = list(Municipality.objects.values_list("nis_code", flat=True))
    cases = []
    for tree in Tree.objects.select_related("published").filter(published__isnull=False):
        data = paths.data_of(tree.published)
        for steps in pure.branches(data):
            if data["nodes"][pure.leaf_of(data, steps)]["kind"] == pure.SEARCH:
                cases.append((tree, steps))

    def answers_of(steps):
        answers = {}
        for code, answer in steps:
            kind = paths.data_of(tree.published)["nodes"][code]["kind"]
            if kind == pure.LANGUAGE:
                answer = rng.choice(["fr", "nl", "ar", "en"])
            elif kind == pure.MUNICIPALITY:
                answer = rng.choice(nis)
            answers[code] = answer
        return answers

    client = Client(HTTP_HOST="localhost")
    urls = []
    for _ in range(iterations + 10):
        tree, steps = rng.choice(cases)
        answers = answers_of(steps)
        query = urlencode([("v", tree.published.number)] + sorted(answers.items()))
        urls.append((tree, answers, reverse("orientation:result", args=[tree.need]) + "?" + query))

    def timed(call):
        timings = []
        for i, item in enumerate(urls):
            started = time.perf_counter()
            call(item)
            if i >= 10:  # warm-up
                timings.append((time.perf_counter() - started) * 1000)
        return statistics.quantiles(timings, n=100)

    def page(item):
        response = client.get(item[2])
        assert response.status_code == 200, response.status_code

    def find(item):
        tree, answers, _url = item
        version = tree.published
        walk = paths.walk(version, answers)
        with translation.override("fr"):
            results.find(tree.need, paths.criteria_of(version, walk))

    print(f"{'measure':<34}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}")
    for name, call in (("result page (whole view)", page), ("results.find only", find)):
        q = timed(call)
        print(f"{name:<34}{q[49]:>9.1f}{q[94]:>9.1f}{q[98]:>9.1f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/maillage_h4_bench"
    )
    parser.add_argument("--services", type=int, default=100_000)
    parser.add_argument("--iterations", type=int, default=200)
    parser.add_argument("--skip-coverage", action="store_true")
    parser.add_argument(
        "--reuse",
        metavar="DATA_DIR_OR_ANY",
        help="measure on the data of an earlier run (SQLite: its data folder; PostgreSQL: any value)",
    )
    parser.add_argument("--coverage-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.coverage_only:
        coverage_on_demo()
        return
    if not args.skip_coverage and not args.reuse:
        print("== coverage of the shipped trees on the demo network ==", flush=True)
        subprocess.run([sys.executable, __file__, "--coverage-only"], check=True)
    search_bench = _search_bench()
    search_bench.setup_django(args.backend, args.database_url, args.reuse)
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)  # the orientation trees (reference data)
    print(f"== result page at {args.services} services ==")
    print(f"backend: {connection.vendor}, {os.cpu_count()} CPUs, Python {sys.version.split()[0]}")
    if not args.reuse:
        search_bench.generate(args.services)
    from directory.search import memory

    memory.snapshot()
    measure(args.iterations)


if __name__ == "__main__":
    main()
