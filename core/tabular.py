"""CSV and Excel exports for every app: one header row, then rows of plain values.

Cells from user input never become spreadsheet formulas: a text starting with = + - @ is written
as text (CSV injection). This module never queries the database: callers pass the rows.
"""

import csv
import io

from openpyxl import Workbook


def safe_cell(value):
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def csv_text(header, rows, *, delimiter: str = ";") -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])
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
