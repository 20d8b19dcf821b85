"""Exports: formulas typed by users never run in a spreadsheet."""

import csv
import io

from openpyxl import load_workbook

from core.tabular import csv_text, xlsx_bytes

ROWS = [['=HYPERLINK("http://evil")', "+32 2 123 45 67", "Dupont"], ["@SUM(A1)", "-1", 3]]


def test_csv_neutralises_formulas_and_keeps_the_rest():
    text = csv_text(["Nom", "Téléphone", "Autre"], ROWS)
    parsed = list(csv.reader(io.StringIO(text), delimiter=";"))
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
