"""CSV front end of the allocation engine (the ``allocate_visits`` command).

Reads ``slots.csv`` (id,service,day,start,end,municipality,capacity; day YYYY-MM-DD, times
HH:MM, municipality a NIS code) and ``wishes.csv`` (professional,slot,rank; rank 1 = most
wanted); writes ``professional,slot``. Every problem raises ``AllocationError`` naming the file,
the line and the reason; ``run_csv`` reads and solves everything before writing, atomically.

This module must never import Django and never leaves a partial output file.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from core import csvfiles

from .engine import allocate
from .model import Allocation, AllocationError, Rules, Slot, Wish

SLOT_COLUMNS = ["id", "service", "day", "start", "end", "municipality", "capacity"]
WISH_COLUMNS = ["professional", "slot", "rank"]
OUT_COLUMNS = ["professional", "slot"]
_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")
_NIS = re.compile(r"^\d{5}$")


def _fail(path: Path, errors: list[str]) -> None:
    csvfiles.fail(path, errors, AllocationError)


def _rows(path: Path, required: list[str]):
    return csvfiles.rows(path, required, error=AllocationError)


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
    csvfiles.write_atomically(path, OUT_COLUMNS, result.assignment)


def run_csv(slots_path, wishes_path, out_path, rules: Rules, *, time_limit: float = 30.0):
    slots = read_slots(slots_path)
    wishes = read_wishes(wishes_path, slots)
    out = Path(out_path)
    if not out.parent.is_dir():
        raise AllocationError(f"{out.name}: folder {out.parent} does not exist")
    result = allocate(slots, wishes, rules, time_limit=time_limit)
    write_assignment(out, result)
    return result
