"""The small-cell rule of the needs watch: no figure for fewer than 5 cases.

Pure Python, no Django import. A count from 1 to 4 becomes ``None`` (shown as "< 5"); a share
or an average is computed only over 5 cases or more. Zero stays zero: it shows nobody.
"""

MIN_CASES = 5


def count(value: int | None) -> int | None:
    value = value or 0
    return value if value == 0 or value >= MIN_CASES else None


def share(part: int | None, whole: int | None) -> float | None:
    """``part / whole`` as a percentage, only when both the whole and the part are 5 or more
    (or the part is 0): a share of 2 out of 40 would point at two people."""
    part, whole = part or 0, whole or 0
    if whole < MIN_CASES or 0 < part < MIN_CASES:
        return None
    return round(100.0 * part / whole, 1)


def mean(total: float | None, cases: int | None) -> float | None:
    cases = cases or 0
    if cases < MIN_CASES or total is None:
        return None
    return round(total / cases, 1)
