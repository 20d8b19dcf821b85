"""Exports: formulas typed by users never run in a spreadsheet; one CSV dialect for every export
(';' between cells, a decimal comma, UTF-8 with BOM)."""

import csv
import io
from decimal import Decimal

from openpyxl import load_workbook

from core.tabular import BOM, csv_text, xlsx_bytes

ROWS = [['=HYPERLINK("http://evil")', "+32 2 123 45 67", "Dupont"], ["@SUM(A1)", "-1", 3]]


def test_csv_neutralises_formulas_and_keeps_the_rest():
    text = csv_text(["Nom", "Téléphone", "Autre"], ROWS)
    parsed = list(csv.reader(io.StringIO(text.removeprefix(BOM)), delimiter=";"))
    assert parsed[0] == ["Nom", "Téléphone", "Autre"]
    assert parsed[1] == ['\'=HYPERLINK("http://evil")', "'+32 2 123 45 67", "Dupont"]
    assert parsed[2] == ["'@SUM(A1)", "'-1", "3"]


def test_excel_cells_are_text_not_formulas_and_title_is_valid():
    content = xlsx_bytes(["Nom", "Téléphone", "Autre"], ROWS, title="Table: 3/4 [Nord]")
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet.title == "Table- 3-4 -Nord-"
    assert sheet["A2"].value == '\'=HYPERLINK("http://evil")'
    assert sheet["A2"].data_type == "s"
    assert sheet["C3"].value == 3


def test_csv_dialect_for_belgian_excel():
    text = csv_text(["Nom", "Montant"], [["Zoë d'Ixelles", Decimal("120.50")], ["=1+1", -3.5]])
    assert text.startswith(BOM)
    lines = text[len(BOM) :].splitlines()
    assert lines == ["Nom;Montant", "Zoë d'Ixelles;120,50", "'=1+1;-3,5"]
    assert text.encode("utf-8")[:3] == b"\xef\xbb\xbf"


def test_event_and_cycle_exports_share_the_dialect():
    from events import exports as event_exports

    text = event_exports.to_csv([])
    assert text.startswith(BOM)
    header = next(csv.reader(io.StringIO(text[len(BOM) :]), delimiter=";"))
    assert len(header) == len(event_exports.header()) > 1
