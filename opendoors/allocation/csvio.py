"""CSV front end of the allocation engine (the ``allocate_visits`` command).

Reads ``slots.csv`` (id,service,day,start,end,municipality,capacity; day YYYY-MM-DD, times
HH:MM, municipality a NIS code) and ``wishes.csv`` (professional,slot,rank; rank 1 = most
wanted); writes ``professional,slot``. Every problem raises ``AllocationError`` naming the file,
the line and the reason; ``run_csv`` reads and solves everything before writing, atomically.

This module must never import Django and never leaves a partial output file.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
import tempfile
from pathlib import Path

from .engine import allocate
from .model import Allocation, AllocationError, Rules, Slot, Wish

SLOT_COLUMNS = ["id", "service", "day", "start", "end", "municipality", "capacity"]
WISH_COLUMNS = ["professional", "slot", "rank"]
OUT_COLUMNS = ["professional", "slot"]
MAX_ERRORS = 20
_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")
_NIS = re.compile(r"^\d{5}$")


def _fail(path: Path, errors: list[str]) -> None:
    if errors:
        more = len(errors) - MAX_ERRORS
        tail = f"\n... and {more} more" if more > 0 else ""
        raise AllocationError(f"{path.name}: " + "\n".join(errors[:MAX_ERRORS]) + tail)


def _rows(path: Path, required: list[str]):
    """Yield (line number, {column: stripped value}) after checking the header."""
    try:
        handle = open(path, encoding="utf-8-sig", newline="")  # noqa: SIM115
    except OSError as exc:
        raise AllocationError(f"{path.name}: cannot be read ({exc.strerror})") from None
    with handle:
        reader = csv.reader(handle)
        try:
            header = [h.strip().lower() for h in next(reader)]
        except StopIteration:
            raise AllocationError(f"{path.name}: line 1: empty file, expected a header") from None
        except (csv.Error, UnicodeDecodeError) as exc:
            raise AllocationError(f"{path.name}: line 1: unreadable ({exc})") from None
        missing = [c for c in required if c not in header]
        if missing:
            raise AllocationError(
                f"{path.name}: line 1: missing column(s) {', '.join(missing)} "
                f"(expected {','.join(required)})"
            )
        try:
            for cells in reader:
                if not any(c.strip() for c in cells):
                    continue
                if len(cells) != len(header):
                    raise AllocationError(
                        f"{path.name}: line {reader.line_num}: {len(cells)} fields, "
                        f"the header has {len(header)}"
                    )
                yield reader.line_num, {h: c.strip() for h, c in zip(header, cells, strict=True)}
        except (csv.Error, UnicodeDecodeError) as exc:
            raise AllocationError(
                f"{path.name}: line {reader.line_num}: unreadable ({exc})"
            ) from None


def _minutes(raw: str) -> int | None:
    match = _TIME.match(raw)
    if not match:
        return None
    hours, minutes = int(match[1]), int(match[2])
    if hours > 23 or minutes > 59:
        return None
    return hours * 60 + minutes


def _positive(raw: str) -> int | None:
    if not re.fullmatch(r"\d{1,6}", raw):
        return None
    value = int(raw)
    return value if value >= 1 else None


def read_slots(path: str | os.PathLike) -> dict[str, Slot]:
    path = Path(path)
    slots: dict[str, Slot] = {}
    first: dict[str, int] = {}
    errors: list[str] = []
    for line, row in _rows(path, SLOT_COLUMNS):
        where = f"line {line}"
        sid = row["id"]
        if not sid:
            errors.append(f"{where}: empty id")
            continue
        if sid in first:
            errors.append(f"{where}: duplicate slot id {sid!r} (first on line {first[sid]})")
            continue
        first[sid] = line
        if not row["service"]:
            errors.append(f"{where}: empty service")
        try:
            day = dt.date.fromisoformat(row["day"]) if len(row["day"]) == 10 else None
        except ValueError:
            day = None
        if day is None:
            errors.append(f"{where}: day {row['day']!r} is not a date YYYY-MM-DD")
        start, end = _minutes(row["start"]), _minutes(row["end"])
        if start is None:
            errors.append(f"{where}: start {row['start']!r} is not a time HH:MM")
        if end is None:
            errors.append(f"{where}: end {row['end']!r} is not a time HH:MM")
        if start is not None and end is not None and end <= start:
            errors.append(f"{where}: end {row['end']} is not after start {row['start']}")
        if not _NIS.match(row["municipality"]):
            errors.append(f"{where}: municipality {row['municipality']!r} is not a NIS code")
        capacity = _positive(row["capacity"])
        if capacity is None:
            errors.append(f"{where}: capacity {row['capacity']!r} is not a positive integer")
        if len(errors) == 0:
            slots[sid] = Slot(sid, row["service"], day, start, end, row["municipality"], capacity)
    _fail(path, errors)
    return slots


def read_wishes(path: str | os.PathLike, slots: dict[str, Slot]) -> list[Wish]:
    path = Path(path)
    wishes: list[Wish] = []
    first: dict[tuple[str, str], int] = {}
    errors: list[str] = []
    for line, row in _rows(path, WISH_COLUMNS):
        where = f"line {line}"
        person, sid = row["professional"], row["slot"]
        if not person:
            errors.append(f"{where}: empty professional")
            continue
        if sid not in slots:
            errors.append(f"{where}: unknown slot {sid!r}")
            continue
        rank = _positive(row["rank"])
        if rank is None:
            errors.append(f"{where}: rank {row['rank']!r} is not a positive integer")
            continue
        if (person, sid) in first:
            errors.append(
                f"{where}: {person} wishes slot {sid} twice (first on line {first[(person, sid)]})"
            )
            continue
        first[(person, sid)] = line
        wishes.append(Wish(person, sid, rank))
    _fail(path, errors)
    return wishes


def write_assignment(path: str | os.PathLike, result: Allocation) -> None:
    """Write atomically: a temporary file in the same folder, renamed over the target."""
    path = Path(path)
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115
        "w", delete=False, dir=path.parent or ".", suffix=".tmp", encoding="utf-8", newline=""
    )
    try:
        with handle:
            writer = csv.writer(handle)
            writer.writerow(OUT_COLUMNS)
            writer.writerows(result.assignment)
        os.replace(handle.name, path)
    except BaseException:
        os.unlink(handle.name)
        raise


def run_csv(slots_path, wishes_path, out_path, rules: Rules, *, time_limit: float = 30.0):
    slots = read_slots(slots_path)
    wishes = read_wishes(wishes_path, slots)
    out = Path(out_path)
    if not out.parent.is_dir():
        raise AllocationError(f"{out.name}: folder {out.parent} does not exist")
    result = allocate(slots, wishes, rules, time_limit=time_limit)
    write_assignment(out, result)
    return result
