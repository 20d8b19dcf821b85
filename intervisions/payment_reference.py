"""Belgian structured communication (communication structurée / gestructureerde mededeling,
OGM-VCS): the payment reference printed on an invoice, ``+++123/4567/89002+++``.

Twelve digits: ten of the reference, then two check digits, the remainder of the ten modulo 97
(97 when the remainder is 0). Pure Python, no Django: it never reads the database.
"""

import re

_DIGITS = re.compile(r"\D")


def check_digits(base: str) -> str:
    """The two check digits of ten digits."""
    if len(base) != 10 or not base.isdigit():
        raise ValueError("a structured communication is built from ten digits")
    return f"{int(base) % 97 or 97:02d}"


def build(base: str) -> str:
    """``+++ddd/dddd/dddcc+++`` from ten digits."""
    digits = base + check_digits(base)
    return f"+++{digits[:3]}/{digits[3:7]}/{digits[7:]}+++"


def is_valid(text: str) -> bool:
    """True when ``text`` holds twelve digits (with or without ``+++``, ``***``, slashes and
    spaces) whose last two are the modulo-97 check of the first ten."""
    text = text.strip()
    if not re.fullmatch(r"(\+\+\+|\*\*\*)?[\d/ .]+(\+\+\+|\*\*\*)?", text):
        return False
    digits = _DIGITS.sub("", text)
    return len(digits) == 12 and check_digits(digits[:10]) == digits[10:]


def for_invoice(year: int, sequence: int) -> str:
    """The reference of invoice ``year``-``sequence``: the year, then the number on six digits
    (unique per invoice as long as a year has fewer than a million invoices)."""
    if not (1000 <= year <= 9999) or not (0 < sequence < 1_000_000):
        raise ValueError("invoice number out of range for a structured communication")
    return build(f"{year:04d}{sequence:06d}")
