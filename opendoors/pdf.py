"""PDF documents of the open doors week (fpdf2): the printable programme (one line per slot,
grouped by day then basin, black and white) and a person's "my visits".

Core Helvetica font (Latin-1): characters outside it are replaced, never an error. Returns
bytes; never writes files nor the database.
"""

from django.utils import formats
from django.utils.translation import gettext as _
from fpdf import FPDF

REPLACEMENTS = {"—": "-", "–": "-", "·": "-", "’": "'", "€": "EUR", "“": '"', "”": '"', "…": "..."}
COLUMNS = [(22, "time"), (112, "service"), (98, "place"), (17, "languages"), (0, "free")]


def latin(text) -> str:
    text = str(text or "")
    for bad, good in REPLACEMENTS.items():
        text = text.replace(bad, good)
    return text.encode("latin-1", "replace").decode("latin-1")


class _Document(FPDF):
    def __init__(self, title: str, orientation="L"):
        super().__init__(orientation=orientation, format="A4")
        self.title_text = latin(title)
        self.set_title(self.title_text)
        self.set_author("Maillage")
        self.set_auto_page_break(True, margin=14)
        self.alias_nb_pages()

    def footer(self):
        self.set_y(-10)
        self.set_font("Helvetica", "", 8)
        self.cell(0, 5, f"{self.title_text} - {self.page_no()}/{{nb}}", align="C")


def _day(day) -> str:
    return formats.date_format(day, "l j F Y")


def _fit(pdf: FPDF, text: str, width: float) -> str:
    text = latin(text)
    if pdf.get_string_width(text) <= width - 2:
        return text
    while text and pdf.get_string_width(text + "...") > width - 2:
        text = text[:-1]
    return text + "..."


def programme(edition, grouped) -> bytes:
    """``grouped``: programme.grouped(rows) (day -> basin -> rows)."""
    pdf = _Document(str(edition))
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 9, latin(str(edition)), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 9)
    pdf.cell(
        0,
        5,
        latin(
            _("Programme of the open doors week, %(first)s to %(last)s. Free seats when printed.")
            % {"first": _day(edition.starts_on), "last": _day(edition.ends_on)}
        ),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    headers = {
        "time": _("Time"),
        "service": _("Service"),
        "place": _("Place"),
        "languages": _("Languages"),
        "free": _("Free seats (short)"),
    }
    if not grouped:
        pdf.ln(4)
        pdf.cell(0, 6, latin(_("No visit slot yet.")), new_x="LMARGIN", new_y="NEXT")
    for day, basins in grouped.items():
        pdf.ln(3)
        pdf.set_font("Helvetica", "B", 13)
        pdf.cell(0, 8, latin(_day(day).capitalize()), border="B", new_x="LMARGIN", new_y="NEXT")
        for basin, rows in basins.items():
            pdf.ln(1)
            pdf.set_font("Helvetica", "B", 11)
            pdf.cell(0, 6, latin(basin), new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("Helvetica", "I", 8)
            for width, key in COLUMNS:
                pdf.cell(width, 5, latin(headers[key]))
            pdf.ln(5)
            pdf.set_font("Helvetica", "", 9)
            for row in rows:
                slot = row.slot
                values = {
                    "time": f"{slot.start_time:%H:%M}-{slot.end_time:%H:%M}",
                    "service": f"{row.service} ({row.organization})",
                    "place": " - ".join(
                        str(x)
                        for x in (row.municipality, row.address and row.address.address_1)
                        if x
                    ),
                    "languages": " ".join(code.upper() for code in slot.languages or []),
                    "free": f"{row.free}/{slot.capacity}",
                }
                for width, key in COLUMNS:
                    real = width or (pdf.w - pdf.r_margin - pdf.get_x())
                    pdf.cell(real, 5.5, _fit(pdf, values[key], real), border="B")
                pdf.ln(5.5)
    return bytes(pdf.output())


def my_visits(user, visits) -> bytes:
    pdf = _Document(_("My visits"), orientation="P")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 9, latin(_("My visits")), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    pdf.cell(0, 6, latin(str(user)), new_x="LMARGIN", new_y="NEXT")
    if not visits:
        pdf.cell(0, 6, latin(_("You have no visit.")), new_x="LMARGIN", new_y="NEXT")
    for visit in visits:
        slot = visit.slot
        participation = slot.participation
        pdf.ln(3)
        pdf.set_font("Helvetica", "B", 12)
        pdf.multi_cell(
            0,
            6,
            latin(
                f"{_day(slot.day).capitalize()}, {slot.start_time:%H:%M}-{slot.end_time:%H:%M}: "
                f"{participation.service}"
            ),
            new_x="LMARGIN",
            new_y="NEXT",
        )
        pdf.set_font("Helvetica", "", 10)
        address = slot.address()
        lines = [
            f"{_('Where')}: {slot.location.name or participation.service.organization}"
            + (f", {address}" if address else ""),
            f"{_('Host contact')}: {participation.host_name}, {participation.host_email} "
            f"{participation.host_phone}",
            f"{_('Status')}: {visit.booking.get_status_display()}",
            str(slot.description),
        ]
        for line in lines:
            pdf.multi_cell(0, 5, latin(line), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
