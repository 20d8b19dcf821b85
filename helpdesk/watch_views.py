"""The needs watch for coordinators: the page (tables and charts), its CSV export and its
SVG charts. Thin: figures come from ``watch_stats`` (cached a few minutes per filter)."""

from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.formats import date_format
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _

from accounts.permissions import coordinator_required
from core.tabular import csv_text

from . import watch_charts, watch_stats
from .watch_forms import filters_from

CACHE_SECONDS = 300


def cached_watch(filters) -> watch_stats.Watch:
    key = f"helpdesk:watch:v2:{get_language()}:{filters.key()}"
    watch = cache.get(key)
    if watch is None:
        watch = watch_stats.compute(filters)
        cache.set(key, watch, CACHE_SECONDS)
    return watch


COLUMNS = (
    ("requests", "Helpdesk requests"),
    ("no_solution", "No solution found"),
    ("no_solution_share", "No solution found (%)"),
    ("waiting_hours", "Average waiting time (working hours)"),
    ("helped_share", "Answers that helped (%)"),
    ("paths", "Orientation paths"),
    ("paths_without_result", "Paths without result"),
    ("unmet_needs", "Unmet needs"),
    ("zero_result_searches", "Searches without result"),
)


def columns():
    labels = {
        "requests": _("Helpdesk requests"),
        "no_solution": _("No solution found"),
        "no_solution_share": _("No solution found (%)"),
        "waiting_hours": _("Average waiting time (working hours)"),
        "helped_share": _("Answers that helped (%)"),
        "paths": _("Orientation paths"),
        "paths_without_result": _("Paths without result"),
        "unmet_needs": _("Unmet needs"),
        "zero_result_searches": _("Searches without result"),
    }
    return [(code, labels[code]) for code, _label in COLUMNS]


def sections(watch):
    month_rows = [
        {**row, "label": date_format(row["label"], "YEAR_MONTH_FORMAT")} for row in watch.months
    ]
    return [
        ("month", _("By month"), month_rows),
        ("need", _("By need"), watch.needs),
        (
            "public",
            _("By public"),
            [{**r, "label": r["label"] or _("Not specified")} for r in watch.publics],
        ),
        ("municipality", _("By municipality"), watch.municipalities),
        ("basin", _("By basin"), watch.basins),
    ]


#: Which columns each table shows (some sources have no public nor municipality).
SECTION_COLUMNS = {
    "month": [c for c, _l in COLUMNS],
    "need": [
        "requests",
        "no_solution",
        "no_solution_share",
        "waiting_hours",
        "paths",
        "paths_without_result",
        "unmet_needs",
    ],
    "public": ["requests", "no_solution", "no_solution_share", "waiting_hours"],
    "municipality": ["requests", "no_solution", "no_solution_share", "paths", "unmet_needs"],
    "basin": [c for c, _l in COLUMNS],
}


@coordinator_required
def watch(request):
    form, filters = filters_from(request.GET)
    context = {"form": form, "filters": filters}
    if filters is not None:
        data = cached_watch(filters)
        labels = dict(columns())
        context.update(
            watch=data,
            totals=data.totals,
            tables=[
                {
                    "code": code,
                    "title": title,
                    "columns": [(c, labels[c]) for c in SECTION_COLUMNS[code]],
                    "rows": [
                        {"label": row["label"], "cells": [row[c] for c in SECTION_COLUMNS[code]]}
                        for row in rows
                    ],
                }
                for code, title, rows in sections(data)
            ],
            query=request.GET.urlencode(),
            gaps=data.gaps,
        )
    return render(request, "helpdesk/watch.html", context, status=200 if filters else 400)


@coordinator_required
def watch_csv(request):
    form, filters = filters_from(request.GET)
    if filters is None:
        return HttpResponse(
            "\n".join(str(e) for errors in form.errors.values() for e in errors),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    data = cached_watch(filters)
    header = [pgettext("data table", "Table"), _("Row")] + [label for _code, label in columns()]
    rows = []
    for _code, title, section_rows in sections(data):
        for row in section_rows:
            rows.append(
                [title, row["label"]]
                + ["< 5" if row[c] is None else row[c] for c, _label in columns()]
            )
    response = HttpResponse(csv_text(header, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="needs-watch.csv"'
    return response


@coordinator_required
def watch_chart(request, name):
    if name not in watch_charts.CHARTS:
        raise Http404
    form, filters = filters_from(request.GET)
    if filters is None:
        return HttpResponse(status=400)
    data = cached_watch(filters)
    # The drawing is cached with the figures it shows (same computation stamp).
    key = f"helpdesk:watch-chart:v1:{name}:{get_language()}:{filters.key()}:{data.stamp}"
    svg = cache.get(key)
    if svg is None:
        svg = watch_charts.CHARTS[name](data)
        cache.set(key, svg, CACHE_SECONDS)
    response = HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
    # Shown through <img>: no script runs; the chart's own styles are allowed.
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    return response
