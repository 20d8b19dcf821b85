"""The needs watch's figures: helpdesk requests, orientation paths, unmet needs and zero-result
directory searches by month, need, public, municipality and basin, with the "no solution found"
share and the waiting time. Every figure passes the small-cell rule (``smallcells``).

Read-only: a handful of GROUP BY queries over indexed dates, whatever the number of rows; never
returns a free text nor anything about a person.
"""

import datetime as dt
import time
from dataclasses import dataclass, field

from django.db.models import CharField, Count, Q, Sum
from django.db.models.functions import Cast, Substr
from django.utils import timezone

from directory.models import ZeroResultSearch
from orientation.models import PathRecord, UnmetNeed
from territory.models import Basin, Municipality

from . import smallcells
from .labels import need_names, public_names
from .models import HelpRequest

NO_SOLUTION = HelpRequest.Status.NO_SOLUTION


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


@dataclass
class Filters:
    start: dt.date  # first day of the first month
    end: dt.date  # first day of the last month (included)
    basin: Basin | None = None

    @classmethod
    def default(cls, today=None):
        today = today or timezone.localdate()
        end = month_start(today)
        return cls(start=add_months(end, -11), end=end)

    @property
    def end_exclusive(self) -> dt.date:
        return add_months(self.end, 1)

    def months(self) -> list[dt.date]:
        months, month = [], self.start
        while month <= self.end:
            months.append(month)
            month = add_months(month, 1)
        return months

    def key(self) -> str:
        return f"{self.start:%Y-%m}:{self.end:%Y-%m}:{self.basin.code if self.basin else ''}"


@dataclass
class Watch:
    filters: Filters
    months: list = field(default_factory=list)  # rows by month
    needs: list = field(default_factory=list)
    publics: list = field(default_factory=list)
    municipalities: list = field(default_factory=list)
    basins: list = field(default_factory=list)
    totals: dict = field(default_factory=dict)
    gaps: list = field(default_factory=list)
    #: When these figures were computed (ns): what cached drawings of them are keyed on.
    stamp: int = field(default_factory=time.time_ns)


def _requests(filters: Filters):
    rows = HelpRequest.objects.filter(
        created_month__gte=filters.start, created_month__lte=filters.end
    )
    if filters.basin:
        rows = rows.filter(basin=filters.basin)
    return rows.order_by()


def _dated(model, date_field, filters: Filters):
    rows = model.objects.filter(
        **{f"{date_field}__gte": filters.start, f"{date_field}__lt": filters.end_exclusive}
    )
    if filters.basin:
        rows = rows.filter(basin=filters.basin)
    return rows.order_by()


def _month_key(date_field):
    """'YYYY-MM' of a date column, computed by the database (SQLite and PostgreSQL)."""
    return Substr(Cast(date_field, CharField()), 1, 7)


#: Only columns of the covering index (no id): SQLite answers from the index alone.
REQUEST_AGGREGATES = {
    "requests": Count("*"),
    "no_solution": Count("status", filter=Q(status=NO_SOLUTION)),
    "answered": Count("waiting_hours"),
    "waiting": Sum("waiting_hours"),
    "helped_yes": Count("helped", filter=Q(helped=True)),
    "with_feedback": Count("helped"),
}
PATH_AGGREGATES = {"paths": Count("id"), "empty": Count("id", filter=Q(result_count=0))}


def _split(rows, dimensions: dict, names) -> dict:
    """One pass over grouped rows (``values_list``: the dimension columns, then the sums in
    the order of ``names``): sums by each dimension and the total (key None)."""
    width = len(names)
    positions = list(enumerate(dimensions))
    sums: dict = {dim: {} for dim in dimensions}
    total = [0] * width
    for row in rows:
        values = row[len(dimensions) :]
        for i, dim in positions:
            bucket = sums[dim].get(row[i])
            if bucket is None:
                bucket = sums[dim][row[i]] = [0] * width
            for j in range(width):
                bucket[j] += values[j] or 0
        for j in range(width):
            total[j] += values[j] or 0
    out = {
        dim: {k: dict(zip(names, v, strict=True)) for k, v in d.items()} for dim, d in sums.items()
    }
    out["total"] = {None: dict(zip(names, total, strict=True))}
    return out


def _grouped(queryset, dimensions: dict, aggregates: dict, names=None):
    names = names or list(aggregates)
    columns = list(dimensions.values())
    rows = queryset.values(*columns).annotate(**aggregates).values_list(*columns, *names)
    return _split(rows, dimensions, names)


def _row(label, requests=None, paths=None, unmet=None, zero=None, code=""):
    requests = requests or {}
    paths = paths or {}
    n = requests.get("requests", 0)
    return {
        "code": code,
        "label": label,
        "requests": smallcells.count(n),
        "no_solution": smallcells.count(requests.get("no_solution", 0)),
        "no_solution_share": smallcells.share(requests.get("no_solution", 0), n),
        "waiting_hours": smallcells.mean(requests.get("waiting"), requests.get("answered", 0)),
        "helped_share": smallcells.share(
            requests.get("helped_yes", 0), requests.get("with_feedback", 0)
        ),
        "paths": smallcells.count(paths.get("paths", 0)),
        "paths_without_result": smallcells.count(paths.get("empty", 0)),
        "unmet_needs": smallcells.count((unmet or {}).get("n", 0)),
        "zero_result_searches": smallcells.count((zero or {}).get("n", 0)),
    }


def compute(filters: Filters) -> Watch:
    """Four grouped queries (one per source), then sums in Python for every table."""
    requests = _requests(filters)
    # Months x needs x municipalities stay a few thousand groups, read in the order of the
    # covering index (no sort); the public apart, from its own covering index.
    req = _grouped(
        requests,
        {
            "month": "created_month",
            "need": "need",
            "municipality": "municipality_id",
            "basin": "basin_id",
        },
        REQUEST_AGGREGATES,
    )
    req["month"] = {f"{month:%Y-%m}": sums for month, sums in req["month"].items()}
    req["public"] = _grouped(
        requests, {"month": "created_month", "public": "public"}, REQUEST_AGGREGATES
    )["public"]
    path_dims = {
        "month": "ym",
        "need": "need",
        "municipality": "municipality_id",
        "basin": "basin_id",
    }
    paths = _grouped(
        _dated(PathRecord, "completed_on", filters).annotate(ym=_month_key("completed_on")),
        path_dims,
        PATH_AGGREGATES,
    )
    unmet = _grouped(
        _dated(UnmetNeed, "recorded_on", filters).annotate(ym=_month_key("recorded_on")),
        path_dims,
        {"n": Count("id")},
    )
    zero = _grouped(
        _dated(ZeroResultSearch, "month", filters).annotate(ym=_month_key("month")),
        {"month": "ym", "basin": "basin_id"},
        {"n": Sum("count")},
    )
    watch = Watch(filters=filters)
    for month in filters.months():
        key = f"{month:%Y-%m}"
        watch.months.append(
            _row(
                month,
                req["month"].get(key),
                paths["month"].get(key),
                unmet["month"].get(key),
                zero["month"].get(key),
                code=key,
            )
        )
    for code, name in need_names().items():
        watch.needs.append(
            _row(
                name,
                req["need"].get(code),
                paths["need"].get(code),
                unmet["need"].get(code),
                code=code,
            )
        )
    for code, name in list(public_names().items()) + [("", None)]:
        if code or code in req["public"]:
            watch.publics.append(_row(name, req["public"].get(code), code=code))
    municipalities = Municipality.objects.order_by("name")
    if filters.basin:
        municipalities = municipalities.filter(basins=filters.basin)
    for muni in municipalities:
        watch.municipalities.append(
            _row(
                muni.name,
                req["municipality"].get(muni.pk),
                paths["municipality"].get(muni.pk),
                unmet["municipality"].get(muni.pk),
                code=muni.nis_code,
            )
        )
    basins = [filters.basin] if filters.basin else list(Basin.objects.order_by("code"))
    for basin in basins:
        watch.basins.append(
            _row(
                basin.name,
                req["basin"].get(basin.pk),
                paths["basin"].get(basin.pk),
                unmet["basin"].get(basin.pk),
                zero["basin"].get(basin.pk),
                code=basin.code,
            )
        )
    watch.totals = _row(
        None,
        req["total"].get(None),
        paths["total"].get(None),
        unmet["total"].get(None),
        zero["total"].get(None),
        code="total",
    )
    watch.gaps = gaps(filters)
    return watch


def gaps(filters: Filters, limit=20) -> list[str]:
    """Recent "no solution found" gaps in words (coordinators' texts, checked by the guard)."""
    return list(
        dict.fromkeys(
            _requests(filters)
            .filter(status=NO_SOLUTION)
            .exclude(gap_description="")
            .order_by("-created_at")
            .values_list("gap_description", flat=True)[: limit * 5]
        )
    )[:limit]
