"""Server-side SVG charts of the needs watch (pygal). No JavaScript in them; every chart is
shown beside a table with the same figures. Suppressed small cells are simply not drawn."""

import re
import sys

from django.utils.formats import date_format
from django.utils.translation import gettext as _


def _pygal():
    """Import pygal on first use, and take out the import hook it installs for its map
    plugins (it raises ImportWarning on every later import, and the maps are not used)."""
    import pygal

    sys.meta_path[:] = [f for f in sys.meta_path if type(f).__name__ != "PluginImportFixer"]
    return pygal


SCRIPT_RE = re.compile(r"<script.*?</script>", re.S)


def _svg(chart) -> str:
    """The chart's SVG without pygal's configuration script (nothing may run in it)."""
    return SCRIPT_RE.sub("", chart.render(is_unicode=True))


def _config():
    from pygal.style import Style

    style = Style(
        background="#ffffff",
        plot_background="#ffffff",
        foreground="#1d2533",
        foreground_strong="#1d2533",
        foreground_subtle="#4a5568",
        colors=("#0b5d6b", "#b4462b", "#1e6b3a", "#6b4c9a"),
        font_family="system-ui, sans-serif",
        label_font_size=14,
        major_label_font_size=14,
        legend_font_size=14,
        title_font_size=18,
    )
    return {
        "js": [],
        "disable_xml_declaration": True,
        "style": style,
        "width": 900,
        "height": 460,
        "legend_at_bottom": True,
        "truncate_legend": -1,
        "truncate_label": -1,
    }


def monthly(watch) -> str:
    chart = _pygal().Bar(**_config(), title=_("Helpdesk requests by month"), x_label_rotation=30)
    chart.x_labels = [date_format(row["label"], "YEAR_MONTH_FORMAT") for row in watch.months]
    chart.add(_("Requests"), [row["requests"] for row in watch.months])
    chart.add(_("No solution found"), [row["no_solution"] for row in watch.months])
    chart.add(_("Unmet needs (orientation tool)"), [row["unmet_needs"] for row in watch.months])
    return _svg(chart)


def by_need(watch) -> str:
    chart = _pygal().HorizontalBar(**_config(), title=_("By need"))
    chart.x_labels = [row["label"] for row in watch.needs]
    chart.add(_("Requests"), [row["requests"] for row in watch.needs])
    chart.add(_("Orientation paths"), [row["paths"] for row in watch.needs])
    chart.add(_("Unmet needs (orientation tool)"), [row["unmet_needs"] for row in watch.needs])
    return _svg(chart)


CHARTS = {"monthly": monthly, "needs": by_need}
