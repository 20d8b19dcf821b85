"""The needs watch's figures: helpdesk requests, orientation paths, unmet needs and zero-result
directory searches by month, need, public, municipality and basin, with the "no solution found"
share and the waiting time. Every figure passes the small-cell rule (``smallcells``).

Read-only: a handful of GROUP BY queries over indexed dates, whatever the number of rows; never
returns a free text nor anything about a person.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncMonth
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


def _requests(filters: Filters):
    tz = timezone.get_current_timezone()
    start = dt.datetime.combine(filters.start, dt.time.min, tzinfo=tz)
    end = dt.datetime.combine(filters.end_exclusive, dt.time.min, tzinfo=tz)
    rows = HelpRequest.objects.filter(created_at__gte=start, created_at__lt=end)
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


REQUEST_AGGREGATES = {
    "requests": Count("id"),
    "no_solution": Count("id", filter=Q(status=NO_SOLUTION)),
    "answered": Count("id", filter=Q(waiting_hours__isnull=False)),
    "waiting": Sum("waiting_hours"),
    "helped_yes": Count("id", filter=Q(helped=True)),
    "with_feedback": Count("id", filter=Q(helped__isnull=False)),
}


def _group(queryset, key, **aggregates):
    return {row.pop(key): row for row in queryset.values(key).annotate(**aggregates)}


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
        "unmet_needs": smallcells.count(unmet or 0),
        "zero_result_searches": smallcells.count(zero or 0),
    }


PATH_AGGREGATES = {"paths": Count("id"), "empty": Count("id", filter=Q(result_count=0))}


def compute(filters: Filters) -> Watch:
    requests = _requests(filters)
    paths = _dated(PathRecord, "completed_on", filters)
    unmet = _dated(UnmetNeed, "recorded_on", filters)
    zero = _dated(ZeroResultSearch, "month", filters)
    watch = Watch(filters=filters)

    tz = timezone.get_current_timezone()
    by_month = _group(
        requests.annotate(m=TruncMonth("created_at", tzinfo=tz)), "m", **REQUEST_AGGREGATES
    )
    by_month = {(k.date() if isinstance(k, dt.datetime) else k): v for k, v in by_month.items()}
    path_month = _group(paths.annotate(m=TruncMonth("completed_on")), "m", **PATH_AGGREGATES)
    unmet_month = _group(unmet.annotate(m=TruncMonth("recorded_on")), "m", n=Count("id"))
    zero_month = _group(zero.annotate(m=TruncMonth("month")), "m", n=Sum("count"))
    for month in filters.months():
        watch.months.append(
            _row(
                month,
                by_month.get(month),
                path_month.get(month),
                unmet_month.get(month, {}).get("n"),
                zero_month.get(month, {}).get("n"),
                code=f"{month:%Y-%m}",
            )
        )

    names = need_names()
    need_req = _group(requests, "need", **REQUEST_AGGREGATES)
    need_paths = _group(paths, "need", **PATH_AGGREGATES)
    need_unmet = _group(unmet, "need", n=Count("id"))
    for code, name in names.items():
        watch.needs.append(
            _row(
                name,
                need_req.get(code),
                need_paths.get(code),
                need_unmet.get(code, {}).get("n"),
                code=code,
            )
        )

    public_req = _group(requests, "public", **REQUEST_AGGREGATES)
    for code, name in list(public_names().items()) + [("", None)]:
        if code in public_req or code:
            watch.publics.append(_row(name, public_req.get(code), code=code))

    muni_req = _group(requests, "municipality", **REQUEST_AGGREGATES)
    muni_paths = _group(paths, "municipality", **PATH_AGGREGATES)
    muni_unmet = _group(unmet, "municipality", n=Count("id"))
    municipalities = Municipality.objects.order_by("name")
    if filters.basin:
        municipalities = municipalities.filter(basins=filters.basin)
    for muni in municipalities:
        watch.municipalities.append(
            _row(
                muni.name,
                muni_req.get(muni.pk),
                muni_paths.get(muni.pk),
                muni_unmet.get(muni.pk, {}).get("n"),
                code=muni.nis_code,
            )
        )

    basin_req = _group(requests, "basin", **REQUEST_AGGREGATES)
    basin_paths = _group(paths, "basin", **PATH_AGGREGATES)
    basin_unmet = _group(unmet, "basin", n=Count("id"))
    basin_zero = _group(zero, "basin", n=Sum("count"))
    basins = [filters.basin] if filters.basin else list(Basin.objects.order_by("code"))
    for basin in basins:
        watch.basins.append(
            _row(
                basin.name,
                basin_req.get(basin.pk),
                basin_paths.get(basin.pk),
                basin_unmet.get(basin.pk, {}).get("n"),
                basin_zero.get(basin.pk, {}).get("n"),
                code=basin.code,
            )
        )

    total_req = requests.aggregate(**REQUEST_AGGREGATES)
    total_paths = paths.aggregate(**PATH_AGGREGATES)
    watch.totals = _row(
        None,
        total_req,
        total_paths,
        unmet.count(),
        zero.aggregate(n=Sum("count"))["n"],
        code="total",
    )
    return watch


def gaps(filters: Filters, limit=20) -> list[str]:
    """Recent "no solution found" gaps in words (coordinators' texts, checked by the guard)."""
    return list(
        _requests(filters)
        .filter(status=NO_SOLUTION)
        .exclude(gap_description="")
        .order_by("-created_at")
        .values_list("gap_description", flat=True)[:limit]
    )
