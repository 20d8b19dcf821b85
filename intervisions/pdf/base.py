"""The page furniture of the intervisions PDFs (fpdf2, pure Python): the issuer's header, titles,
lines, two-column blocks and a footer with the page number.

Uses fpdf2's core Helvetica font (Latin-1): characters outside it are replaced, never dropped
silently into an error. Returns bytes; never writes files, never sends e-mail.
"""

from django.utils import formats
from fpdf import FPDF

REPLACEMENTS = {
    "—": "-",
    "–": "-",
    "·": "-",
    "’": "'",
    "€": "EUR",
    "“": '"',
    "”": '"',
    "\u202f": " ",
    "\xa0": " ",
}
FONT = "Helvetica"
GREY = (90, 90, 90)


def _latin(text) -> str:
    text = str(text)
    for bad, good in REPLACEMENTS.items():
        text = text.replace(bad, good)
    return text.encode("latin-1", "replace").decode("latin-1")


def money(amount) -> str:
    """120,00 EUR (the active language's decimal separator)."""
    return f"{formats.number_format(amount, 2, use_l10n=True)} EUR"


def day(value) -> str:
    return formats.date_format(value, "DATE_FORMAT")


class Document(FPDF):
    """An A4 document whose author is the issuer; ``footer_text`` is printed on every page."""

    footer_text = ""

    def footer(self):
        self.set_y(-15)
        self.set_font(FONT, "", 8)
        self.set_text_color(*GREY)
        self.cell(0, 5, _latin(f"{self.footer_text}  {self.page_no()}/{{nb}}"), align="C")
        self.set_text_color(0, 0, 0)


def document(title: str, author: str, footer: str = "") -> Document:
    pdf = Document(format="A4")
    pdf.set_title(_latin(title))
    pdf.set_author(_latin(author))
    pdf.footer_text = footer
    pdf.alias_nb_pages()
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.add_page()
    return pdf


def header_block(pdf: FPDF, name: str, lines: list[str]) -> None:
    """The issuer's name in bold, then its details in small grey lines."""
    pdf.set_font(FONT, "B", 12)
    pdf.multi_cell(95, 6, _latin(name), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 9)
    pdf.set_text_color(*GREY)
    for line in lines:
        if line:
            pdf.multi_cell(95, 4.5, _latin(line), new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)


def boxed_block(pdf: FPDF, x: float, y: float, label: str, lines: list[str]) -> float:
    """A block at (x, y), 85 mm wide, headed by a small label; returns the y below it."""
    pdf.set_xy(x, y)
    pdf.set_font(FONT, "", 8)
    pdf.set_text_color(*GREY)
    pdf.cell(85, 5, _latin(label), new_x="LEFT", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    for i, line in enumerate(line for line in lines if line):
        pdf.set_x(x)
        pdf.set_font(FONT, "B" if i == 0 else "", 10)
        pdf.multi_cell(85, 5, _latin(line), new_x="LEFT", new_y="NEXT")
    return pdf.get_y()


def title(pdf: FPDF, text: str) -> None:
    pdf.set_font(FONT, "B", 18)
    pdf.multi_cell(0, 10, _latin(text), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)


def line(pdf: FPDF, text: str, bold: bool = False, size: int = 11) -> None:
    pdf.set_font(FONT, "B" if bold else "", size)
    pdf.multi_cell(0, 6.5, _latin(text), new_x="LMARGIN", new_y="NEXT", align="L")


def facts(pdf: FPDF, rows: list[tuple[str, str]]) -> None:
    """Label: value rows, labels in a 60 mm column."""
    for label, value in rows:
        pdf.set_font(FONT, "", 10)
        pdf.cell(60, 6, _latin(label))
        pdf.set_font(FONT, "B", 10)
        pdf.multi_cell(0, 6, _latin(value), new_x="LMARGIN", new_y="NEXT")


def amount_table(pdf: FPDF, heads: tuple[str, str], rows: list[tuple[str, str]], total) -> None:
    """A description | amount table with a bold total line."""
    width = pdf.w - pdf.l_margin - pdf.r_margin
    pdf.set_font(FONT, "B", 10)
    pdf.set_fill_color(235, 235, 235)
    pdf.cell(width - 40, 7, _latin(heads[0]), border="B", fill=True)
    pdf.cell(
        40, 7, _latin(heads[1]), border="B", fill=True, align="R", new_x="LMARGIN", new_y="NEXT"
    )
    pdf.set_font(FONT, "", 10)
    for text, amount in rows:
        y = pdf.get_y()
        lines = pdf.multi_cell(width - 40, 6, _latin(text), dry_run=True, output="LINES", align="L")
        pdf.multi_cell(width - 40, 6, _latin(text), new_x="RIGHT", new_y="TOP", align="L")
        pdf.cell(40, 6, _latin(amount), align="R")
        pdf.set_xy(pdf.l_margin, y + 6 * len(lines) + 2)
    pdf.set_font(FONT, "B", 11)
    pdf.cell(width - 40, 8, _latin(total[0]), border="T")
    pdf.cell(40, 8, _latin(total[1]), border="T", align="R", new_x="LMARGIN", new_y="NEXT")
