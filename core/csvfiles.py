"""The CSV files of the pure engines (group composition, open doors allocation): rows read
after the header is checked, every problem raised with the file's name and line, output
written atomically. Never imports Django (the engines run without it).

Each engine passes its own error class (``CompositionError``, ``AllocationError``).
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

#: At most this many problems are listed in one error (then "... and N more").
MAX_ERRORS = 20


def fail(path: Path, errors: list[str], error: type[Exception]) -> None:
    """Raise ``error`` listing ``errors`` (when there are any) under the file's name."""
    if errors:
        more = len(errors) - MAX_ERRORS
        tail = f"\n... and {more} more" if more > 0 else ""
        raise error(f"{path.name}: " + "\n".join(errors[:MAX_ERRORS]) + tail)


def _open(path: Path, error: type[Exception]):
    try:
        return open(path, encoding="utf-8-sig", newline="")  # noqa: SIM115
    except FileNotFoundError:
        raise error(f"{path.name}: file not found ({path})") from None
    except OSError as exc:
        raise error(f"{path.name}: cannot be read ({exc.strerror})") from None


def _header(path: Path, reader, required, optional, error) -> list[str]:
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise error(f"{path.name}: line 1: empty file, expected a header line") from None
    except (csv.Error, UnicodeDecodeError) as exc:
        raise error(f"{path.name}: line 1: unreadable ({exc})") from None
    if len(header) == 1 and ";" in header[0]:
        raise error(f"{path.name}: line 1: columns separated by ';', expected ','")
    missing = [c for c in required if c not in header]
    if missing:
        expected = f"expected {','.join(required)}"
        if optional:
            expected += f", optional {','.join(optional)}"
        raise error(f"{path.name}: line 1: missing column(s) {', '.join(missing)} ({expected})")
    dupes = sorted({h for h in header if header.count(h) > 1})
    if dupes:
        raise error(f"{path.name}: line 1: duplicate column(s) {', '.join(dupes)}")
    return header


def rows(
    path: Path, required: list[str], optional: Iterable[str] = (), *, error: type[Exception]
) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, {column: stripped value}) for each non-blank line."""
    optional = list(optional)
    with _open(path, error) as handle:
        reader = csv.reader(handle)
        header = _header(path, reader, required, optional, error)
        try:
            for cells in reader:
                if not any(c.strip() for c in cells):
                    continue
                if len(cells) != len(header):
                    raise error(
                        f"{path.name}: line {reader.line_num}: {len(cells)} fields, "
                        f"the header has {len(header)}"
                    )
                yield reader.line_num, {h: c.strip() for h, c in zip(header, cells, strict=True)}
        except (csv.Error, UnicodeDecodeError) as exc:
            raise error(f"{path.name}: line {reader.line_num}: unreadable ({exc})") from None


def write_atomically(path: str | os.PathLike, header: list[str], lines: Iterable) -> None:
    """Write a CSV file through a temporary file in the same folder, renamed over the target:
    a reader never sees half a file, and a failure leaves the old file (or none)."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            writer.writerows(lines)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
