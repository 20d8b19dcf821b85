"""Server-side SVG charts of the dashboard (pygal, no JavaScript). Every chart is shown beside
a data table with the same figures. Reads the figures dict; never queries the database."""

import sys

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import pgettext


def _pygal():
    """pygal, without the import hook it adds for its map plugins (that hook makes every later
    import emit an ImportWarning, an error in the test run)."""
    import pygal

    sys.meta_path[:] = [f for f in sys.meta_path if type(f).__name__ != "PluginImportFixer"]
    return pygal


def _style():
    from pygal.style import Style

    return Style(
        background="white",
        plot_background="white",
        foreground="#222",
        foreground_strong="#000",
        foreground_subtle="#666",
        colors=("#1d4e89", "#c0392b", "#7f8c8d", "#27ae60", "#8e44ad"),
        font_family="sans-serif",
    )


def _chart(kind, title):
    return kind(
        style=_style(),
        title=title,
        js=[],
        disable_xml_declaration=False,
        width=720,
        height=360,
        show_legend=True,
        legend_at_bottom=True,
        print_values=True,
    )


def by_day(figures) -> bytes:
    chart = _chart(_pygal().Bar, _("Visits, cancellations and no-shows by day"))
    chart.x_labels = [formats.date_format(r["label"], "D j/m") for r in figures["by_day"]]
    chart.add(_("Visits"), [r["visits"] for r in figures["by_day"]])
    chart.add(pgettext("open doors", "Cancelled"), [r["cancelled"] for r in figures["by_day"]])
    chart.add(_("No-shows"), [r["absent"] for r in figures["by_day"]])
    return chart.render()


def usefulness(figures) -> bytes:
    chart = _chart(_pygal().Bar, _("Usefulness of the visits (1 to 5)"))
    chart.x_labels = [str(score) for score, _n in figures["usefulness"]]
    chart.add(_("Evaluations"), [n for _score, n in figures["usefulness"]])
    return chart.render()


CHARTS = {"by-day": by_day, "usefulness": usefulness}
