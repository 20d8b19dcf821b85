"""Belgian identifiers, pure Python (no Django import): the enterprise number (BCE/KBO).

An enterprise number has 10 digits, starts with 0 or 1, and its last two digits are
97 - (first eight digits mod 97). It is written 0123.456.749 or BE0123456749.
"""

import re


class InvalidEnterpriseNumber(ValueError):
    """Raised with a ``code``: "length" (not 10 digits), "prefix" or "checksum"."""

    def __init__(self, code: str):
        self.code = code
        super().__init__(code)


def normalize_enterprise_number(value: str) -> str:
    """Return the number as 0123.456.749, or raise InvalidEnterpriseNumber."""
    digits = re.sub(r"[\s.\-/]", "", value.strip().upper())
    if digits.startswith("BE"):
        digits = digits[2:]
    if not digits.isdigit() or len(digits) not in (9, 10):
        raise InvalidEnterpriseNumber("length")
    if len(digits) == 9:  # old numbers were written without the leading 0
        digits = "0" + digits
    if digits[0] not in "01":
        raise InvalidEnterpriseNumber("prefix")
    if 97 - int(digits[:8]) % 97 != int(digits[8:]):
        raise InvalidEnterpriseNumber("checksum")
    return f"{digits[:4]}.{digits[4:7]}.{digits[7:]}"


def make_enterprise_number(base: int) -> str:
    """A valid number from an 8-digit base (used by the demo data and tests)."""
    base8 = f"{base:08d}"[-8:]
    check = 97 - int(base8) % 97
    return normalize_enterprise_number(f"{base8}{check:02d}")
