"""PDF documents of the intervisions (fpdf2, pure Python): invoices, credit notes and attendance
certificates. Each function returns bytes; none writes files, the database or e-mail.

- ``base``: page furniture (header, blocks, tables, Latin-1 text);
- ``invoices``: ``invoice(invoice)``, ``credit_note(credit_note)``;
- ``certificates``: ``certificate(facts)`` from ``services.attendance.certificate_facts``.
"""

from .base import _latin
from .certificates import certificate
from .invoices import credit_note, invoice

__all__ = ["_latin", "certificate", "credit_note", "invoice"]
