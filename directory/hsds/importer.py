"""Reading an HSDS file before anything is written (no database writes here).

``load_records(path)`` accepts an HSDS 3.0/3.1 JSON file in any of the shapes the
specification publishes (see ``shapes``) or a tabular data package folder (datapackage.json +
CSV, resources named as the specification names them, or with Maillage's former plural names).
It returns one batch ``{"taxonomy": [...], "taxonomy_term": [...], "organization": [...],
"location": [...], "service": [...], "notes": [...]}`` and raises ``MalformedFile`` when the
file as a whole cannot be read (too large, not JSON, not HSDS), in which case nothing is
imported. Checking each record is ``checks``' job.
"""

import json
from pathlib import Path

from .checks import Known, check_service
from .shapes import ShapeError, normalise
from .tabular import TabularError, read_package

#: Refuse a JSON file larger than this (a hostile or mistaken file), before reading it.
MAX_FILE_BYTES = 50 * 1024 * 1024


class MalformedFile(ValueError):
    pass


def load_records(path) -> dict:
    path = Path(path)
    if path.is_dir():
        try:
            return read_package(path)
        except TabularError as error:
            raise MalformedFile(str(error)) from None
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise MalformedFile(f"{path.name}: larger than {MAX_FILE_BYTES // 2**20} MB")
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise MalformedFile(f"{path.name}: {error}") from None
    try:
        return normalise(data)
    except (ShapeError, TabularError, RecursionError) as error:
        raise MalformedFile(f"{path.name}: {error}") from None


def record_count(batch: dict) -> int:
    return sum(
        len(batch.get(kind, []))
        for kind in ("taxonomy", "taxonomy_term", "organization", "location", "service")
    )


def check_record(record: dict, known_term_ids: set) -> list[str]:
    """The reasons a compiled service is refused (kept for callers of the former API)."""
    return check_service(record, Known(term_ids=set(known_term_ids)))
