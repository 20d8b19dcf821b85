"""Reading generated PDFs in tests: the text a reader sees, extracted with pypdf. Tests check
that text, never only the `%PDF` prefix. Test helper only; never imported by application code."""

import io

from pypdf import PdfReader


def pdf_text(content: bytes) -> str:
    """The text of every page, with runs of whitespace made single spaces."""
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join(page.extract_text() or "" for page in reader.pages).split())
