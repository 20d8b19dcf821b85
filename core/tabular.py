"""CSV and Excel exports for every app: one header row, then rows of plain values.

One CSV dialect for every export (events, intervision cycles, open doors, the needs watch), the
one Excel opens right in a Belgian office: ``;`` between cells, a decimal comma (``120,50``), UTF-8
with a byte-order mark (without it Excel reads the accents as Windows-1252). Cells from user input
never become spreadsheet formulas: a text starting with = + - @ is written as text (CSV
injection). This module never queries the database: callers pass the rows.
"""

import csv
import io
from decimal import Decimal

from openpyxl import Workbook


def safe_cell(value):
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


#: Separator, decimal mark and byte-order mark of the platform's CSV files.
CSV_DELIMITER = ";"
DECIMAL_MARK = ","
BOM = "\ufeff"


def csv_cell(value):
    """A cell of the CSV dialect: numbers with a decimal comma, texts safe from formulas."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, Decimal):
        return format(value, "f").replace(".", DECIMAL_MARK)
    if isinstance(value, float):
        return repr(value).replace(".", DECIMAL_MARK)
    return safe_cell(value)


def csv_text(header, rows) -> str:
    """The CSV text of an export (BOM first): write it as UTF-8."""
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, delimiter=CSV_DELIMITER)
    writer.writerow(header)
    for row in rows:
        writer.writerow([csv_cell(value) for value in row])
    return out.getvalue()


def xlsx_bytes(header, rows, *, title: str) -> bytes:
    book = Workbook()
    sheet = book.active
    # Excel sheet titles: at most 31 characters, no / \ ? * [ ] :
    sheet.title = "".join("-" if c in "/\\?*[]:" else c for c in str(title or "export"))[:31]
    sheet.append([str(cell) for cell in header])
    for row in rows:
        sheet.append([safe_cell(value) for value in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
