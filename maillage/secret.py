"""The development secret key: generated once per data folder, never in the repository.

Every non-production start (``bin/run``, ``manage.py``, tests) reads ``<data folder>/secret_key``
and creates it with a random value on first use, so that no two installations share a key (a
shared key would let anyone forge personal links and calendar feeds). Production always sets
``SECRET_KEY`` in the environment. This module must never hold or print a key.
"""

import os
import secrets
from pathlib import Path


def development_secret_key(data_dir: Path) -> str:
    """The key kept in ``data_dir/secret_key``, created (mode 0600) if missing."""
    path = Path(data_dir) / "secret_key"
    try:
        key = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        key = ""
    if key:
        return key
    key = secrets.token_urlsafe(50)
    # Written to a private temporary file, then linked into place: link() fails if another
    # process got there first, and then both use the first key, never a half-written one.
    temporary = path.with_name(f".secret_key.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key + "\n")
    try:
        os.link(temporary, path)
    except FileExistsError:
        key = path.read_text(encoding="ascii").strip()
    finally:
        temporary.unlink()
    return key
