"""The needs watch's every table against a plain reading of the data: random requests, paths,
unmet needs and zero-result counts are summed row by row in Python here, and each figure of
``watch_stats.compute`` (months, needs, publics, municipalities, basins, totals; with and
without a basin filter) must equal it after the small-cell rule."""

import datetime as dt
import random

import pytest

from directory.models import ZeroResultSearch
from helpdesk import smallcells, watch_stats
from helpdesk.labels import need_names, public_names
from helpdesk.models import HelpRequest, month_of
from orientation.models import PathRecord, UnmetNeed
from territory.models import Basin, Municipality

from .factories import aware

pytestmark = pytest.mark.django_db

NEEDS = ["housing", "mental_health", "violence"]
PUBLICS = ["families", "adults", ""]
STATUSES = ["new", "answered", "no_solution", "closed"]


@pytest.fixture
def dataset():
    rng = random.Random(2025)
    places = [
        (m, m.basins.first())
        for m in Municipality.objects.filter(nis_code__in=["21005", "21016", "21004"])
    ] + [(None, None)]
    requests = []
    for _ in range(700):
        municipality, basin = rng.choice(places)
        created = aware(2025, rng.randint(1, 4), rng.randint(1, 28))
        status = rng.choice(STATUSES)
        finished = status != "new"
        requests.append(
            HelpRequest(
                need=rng.choice(NEEDS),
                public=rng.choice(PUBLICS),
                municipality=municipality,
                basin=basin,
                status=status,
                situation="Une situation.",
                # Quarter hours: exact in binary, so sums do not depend on their order.
                waiting_hours=rng.randint(1, 80) / 4 if finished else None,
                helped=rng.choice([True, False, None]) if finished else None,
                created_at=created,
                created_month=month_of(created),
            )
        )
    HelpRequest.objects.bulk_create(requests)
    PathRecord.objects.bulk_create(
        PathRecord(
            need=rng.choice(NEEDS),
            municipality=m,
            basin=b,
            result_count=rng.choice([0, 0, 1, 4]),
            completed_on=dt.date(2025, rng.randint(1, 4), rng.randint(1, 28)),
        )
        for m, b in (rng.choice(places) for _ in range(400))
    )
    UnmetNeed.objects.bulk_create(
        UnmetNeed(
            need=rng.choice(NEEDS),
            municipality=m,
            basin=b,
            recorded_on=dt.date(2025, rng.randint(1, 4), rng.randint(1, 28)),
        )
        for m, b in (rng.choice(places) for _ in range(150))
    )
    basins = list(Basin.objects.all())
    ZeroResultSearch.objects.bulk_create(
        ZeroResultSearch(
            words=f"mots {i}",
            language="fr",
            basin=rng.choice(basins),
            month=dt.date(2025, rng.randint(1, 4), 1),
            count=rng.randint(1, 4),
        )
        for i in range(60)
    )


def expected_row(requests, paths=(), unmet=(), zero=()):
    answered = [r.waiting_hours for r in requests if r.waiting_hours is not None]
    feedback = [r.helped for r in requests if r.helped is not None]
    no_solution = sum(r.status == "no_solution" for r in requests)
    return {
        "requests": smallcells.count(len(requests)),
        "no_solution": smallcells.count(no_solution),
        "no_solution_share": smallcells.share(no_solution, len(requests)),
        "waiting_hours": smallcells.mean(sum(answered) if answered else None, len(answered)),
        "helped_share": smallcells.share(sum(feedback), len(feedback)),
        "paths": smallcells.count(len(paths)),
        "paths_without_result": smallcells.count(sum(p.result_count == 0 for p in paths)),
        "unmet_needs": smallcells.count(len(unmet)),
        "zero_result_searches": smallcells.count(sum(z.count for z in zero)),
    }


def figures(row):
    return {k: v for k, v in row.items() if k not in ("code", "label")}


def check(filters):
    def inside(day, basin_id):
        ok = filters.start <= day < filters.end_exclusive
        return ok and (filters.basin is None or basin_id == filters.basin.pk)

    requests = [r for r in HelpRequest.objects.all() if inside(r.created_month, r.basin_id)]
    paths = [p for p in PathRecord.objects.all() if inside(p.completed_on, p.basin_id)]
    unmet = [u for u in UnmetNeed.objects.all() if inside(u.recorded_on, u.basin_id)]
    zero = [z for z in ZeroResultSearch.objects.all() if inside(z.month, z.basin_id)]
    watch = watch_stats.compute(filters)

    def by(rows, key, value):
        return [r for r in rows if key(r) == value]

    assert figures(watch.totals) == expected_row(requests, paths, unmet, zero)
    for row in watch.months:
        month = row["label"]
        same = lambda r, attr, month=month: month_of_day(getattr(r, attr)) == month  # noqa: E731
        assert figures(row) == expected_row(
            [r for r in requests if same(r, "created_month")],
            [p for p in paths if same(p, "completed_on")],
            [u for u in unmet if same(u, "recorded_on")],
            [z for z in zero if same(z, "month")],
        ), month
    assert [row["code"] for row in watch.needs] == list(need_names())
    for row in watch.needs:
        code = row["code"]
        need = lambda r: r.need  # noqa: E731
        assert figures(row) == expected_row(
            by(requests, need, code), by(paths, need, code), by(unmet, need, code)
        ), code
    public_rows = {row["code"]: row for row in watch.publics}
    assert set(public_names()) <= set(public_rows)
    for code, row in public_rows.items():
        assert figures(row) == expected_row(by(requests, lambda r: r.public, code)), code
    for row in watch.municipalities:
        muni = Municipality.objects.get(nis_code=row["code"])
        key = lambda r: r.municipality_id  # noqa: E731
        assert figures(row) == expected_row(
            by(requests, key, muni.pk), by(paths, key, muni.pk), by(unmet, key, muni.pk)
        ), row["code"]
    for row in watch.basins:
        basin = Basin.objects.get(code=row["code"])
        key = lambda r: r.basin_id  # noqa: E731
        assert figures(row) == expected_row(
            by(requests, key, basin.pk),
            by(paths, key, basin.pk),
            by(unmet, key, basin.pk),
            by(zero, key, basin.pk),
        ), row["code"]
    return watch


def month_of_day(day):
    return day.replace(day=1)


def test_every_table_equals_a_plain_reading_of_the_data(dataset):
    watch = check(watch_stats.Filters(start=dt.date(2025, 1, 1), end=dt.date(2025, 6, 1)))
    # The data are big enough for figures to be shown, not only hidden cells.
    assert watch.totals["requests"] == 700
    assert any(row["no_solution_share"] is not None for row in watch.needs)
    assert any(row["waiting_hours"] is not None for row in watch.publics)
    assert any(row["paths"] for row in watch.municipalities)


def test_every_table_equals_the_data_for_one_basin_and_fewer_months(dataset):
    basin = Municipality.objects.get(nis_code="21016").basins.first()
    watch = check(
        watch_stats.Filters(start=dt.date(2025, 2, 1), end=dt.date(2025, 3, 1), basin=basin)
    )
    assert len(watch.months) == 2 and len(watch.basins) == 1
