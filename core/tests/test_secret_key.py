"""The development secret key: random per data folder, kept there, never in the repository."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

from maillage.secret import development_secret_key

ROOT = Path(settings.BASE_DIR)


def _key_of_a_start(data_dir: Path) -> str:
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "MAILLAGE_ENV"}}
    env.update(MAILLAGE_DATA_DIR=str(data_dir), DJANGO_SETTINGS_MODULE="maillage.settings")
    code = "from django.conf import settings; print(settings.SECRET_KEY)"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def test_two_data_folders_get_two_different_keys_and_each_keeps_its_own(tmp_path):
    first = _key_of_a_start(tmp_path / "one")
    second = _key_of_a_start(tmp_path / "two")
    assert len(first) >= 50 and len(second) >= 50
    assert first != second
    assert _key_of_a_start(tmp_path / "one") == first  # kept: sessions survive a restart
    assert (tmp_path / "one" / "secret_key").read_text().strip() == first
    assert (tmp_path / "one" / "secret_key").stat().st_mode & 0o077 == 0


def test_later_starts_reuse_the_first_key_and_leave_no_temporary_file(tmp_path):
    keys = {development_secret_key(tmp_path) for _ in range(3)}
    assert len(keys) == 1
    assert [p.name for p in tmp_path.iterdir()] == ["secret_key"]


def test_no_hard_coded_key_left_in_the_repository():
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    for name in tracked:
        if (
            not name.endswith((".py", ".sh", ".toml", ".cfg", ".ini", ".env"))
            and "bin/" not in name
        ):
            continue
        text = (ROOT / name).read_text(encoding="utf-8", errors="ignore")
        assert "dev-only-" + "insecure" not in text, name
        assert "SECRET_KEY" + " = " + chr(34) not in text, name
    assert "/data/" in (ROOT / ".gitignore").read_text().split()  # the key file is never committed
