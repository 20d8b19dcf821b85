"""CSV input/output for the composition engine (used by a future management command).

Reads ``R.csv`` (id,institution,sector,language,choices[,pinned_group][,institution_type];
choices are ';'-separated group ids in preference order) and ``G.csv``
(id,language,min_size,max_size[,max_per_institution][,slot]); writes ``A.csv``
(id,group,choice_rank,reason). Every problem raises ``CompositionError`` naming the file and
line; ``run_csv`` validates and solves everything before writing, atomically.

This module must never import Django and must never leave a partial or stale output file.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from core import csvfiles

from .greedy import compose_greedy
from .model import Composition, CompositionError, Group, Registrant, norm_language
from .solver import compose

R_REQUIRED = ["id", "institution", "sector", "language", "choices"]
R_OPTIONAL = ["pinned_group", "institution_type"]
G_REQUIRED = ["id", "language", "min_size", "max_size"]
G_OPTIONAL = ["max_per_institution", "slot"]
A_COLUMNS = ["id", "group", "choice_rank", "reason"]


def _fail(path: Path, errors: list[str]) -> None:
    csvfiles.fail(path, errors, CompositionError)


def _rows(path: Path, required: list[str], optional: list[str]):
    return csvfiles.rows(path, required, optional, error=CompositionError)


def _int(row: dict[str, str], column: str, default: int | None, errors: list[str], where: str):
    raw = row.get(column, "")
    if raw == "" and default is not None:
        return default
    try:
        return int(raw)
    except ValueError:
        errors.append(f"{where}: {column} {raw!r} is not an integer")
        return None


def read_groups(path: str | os.PathLike) -> list[Group]:
    path = Path(path)
    groups: list[Group] = []
    first_line: dict[str, int] = {}
    errors: list[str] = []
    for line, row in _rows(path, G_REQUIRED, G_OPTIONAL):
        where = f"line {line}"
        gid = row["id"]
        if not gid:
            errors.append(f"{where}: empty id")
            continue
        if gid in first_line:
            errors.append(f"{where}: duplicate group id {gid!r} (first on line {first_line[gid]})")
            continue
        first_line[gid] = line
        if not row["language"]:
            errors.append(f"{where}: empty language for group {gid!r}")
        low = _int(row, "min_size", None, errors, where)
        high = _int(row, "max_size", None, errors, where)
        cap = _int(row, "max_per_institution", 2, errors, where)
        if low is None or high is None or cap is None:
            continue
        if low < 0 or high < 1 or cap < 1:
            errors.append(f"{where}: sizes must be min_size >= 0, max_size >= 1, cap >= 1")
        elif low > high:
            errors.append(f"{where}: min_size {low} > max_size {high} for group {gid!r}")
        groups.append(
            Group(gid, norm_language(row["language"]), low, high, cap, row.get("slot", ""))
        )
    _fail(path, errors)
    return groups


def read_registrants(
    path: str | os.PathLike, groups: list[Group] | None = None
) -> list[Registrant]:
    """Read R.csv; with ``groups``, also check every choice / pin against them."""
    path = Path(path)
    language = {g.id: norm_language(g.language) for g in groups} if groups is not None else None
    registrants: list[Registrant] = []
    first_line: dict[str, int] = {}
    errors: list[str] = []
    for line, row in _rows(path, R_REQUIRED, R_OPTIONAL):
        where = f"line {line}"
        rid = row["id"]
        if not rid:
            errors.append(f"{where}: empty id")
            continue
        if rid in first_line:
            errors.append(
                f"{where}: duplicate registrant id {rid!r} (first on line {first_line[rid]})"
            )
            continue
        first_line[rid] = line
        lang = norm_language(row["language"])
        if not lang:
            errors.append(f"{where}: empty language for registrant {rid!r}")
        choices = [c.strip() for c in row["choices"].split(";") if c.strip()]
        repeated = sorted({c for c in choices if choices.count(c) > 1})
        if repeated:
            errors.append(f"{where}: group(s) {', '.join(repeated)} listed twice in choices")
        pinned = row.get("pinned_group", "") or None
        if language is not None:
            unknown = [c for c in choices if c not in language]
            if unknown:
                errors.append(f"{where}: unknown group id(s) in choices: {', '.join(unknown)}")
            if pinned is not None and pinned not in language:
                errors.append(f"{where}: unknown pinned_group {pinned!r}")
            elif pinned is not None and language[pinned] != lang:
                errors.append(f"{where}: pinned_group {pinned!r} is {language[pinned]}, not {lang}")
        registrants.append(
            Registrant(
                id=rid,
                institution=row["institution"],
                sector=row["sector"],
                language=lang,
                choices=choices,
                institution_type=row.get("institution_type", ""),
                pinned_group=pinned,
            )
        )
    _fail(path, errors)
    return registrants


def write_assignments(
    path: str | os.PathLike, comp: Composition, registrants: list[Registrant]
) -> None:
    """Write A.csv atomically (temporary file in the same folder, then rename)."""
    csvfiles.write_atomically(
        path,
        A_COLUMNS,
        (
            [r.id, a.group or "", "" if a.choice_rank is None else str(a.choice_rank), a.reason]
            for r in registrants
            for a in (comp.assignments[r.id],)
        ),
    )


def run_csv(
    r_path: str | os.PathLike,
    g_path: str | os.PathLike,
    out_path: str | os.PathLike,
    time_limit: float = 10.0,
    *,
    workers: int = 2,
    seed: int = 0,
    method: str = "solver",
) -> Composition:
    """Read, validate, compose, then write A.csv; on any error nothing is written."""
    out = Path(out_path)
    if not out.parent.is_dir():
        raise CompositionError(f"{out.name}: output folder {out.parent} does not exist")
    groups = read_groups(g_path)
    registrants = read_registrants(r_path, groups)
    solvers: dict[str, Callable[[], Composition]] = {
        "solver": lambda: compose(
            registrants, groups, time_limit=time_limit, workers=workers, seed=seed
        ),
        "greedy": lambda: compose_greedy(registrants, groups),
    }
    if method not in solvers:
        raise CompositionError(f"unknown method {method!r} (expected solver or greedy)")
    try:
        comp = solvers[method]()
    except CompositionError as exc:
        raise CompositionError(f"{Path(r_path).name} / {Path(g_path).name}: {exc}") from None
    write_assignments(out, comp, registrants)
    return comp
