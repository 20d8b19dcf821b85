"""Backup and restore, as documented in docs/deployment.md, round-trip the data: SQLite's
online backup, and pg_dump / pg_restore on PostgreSQL."""

import os
import shutil
import sqlite3
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import connection

from events.tests.factories import EventFactory
from maillage.testing.factories import MembershipFactory

TABLES = ["accounts_user", "accounts_membership", "directory_organization", "events_event"]


def _snapshot(rows_of) -> dict:
    return {table: sorted(map(repr, rows_of(f"SELECT * FROM {table}"))) for table in TABLES}  # noqa: S608


def _make_data():
    MembershipFactory.create_batch(3, is_admin=True)
    EventFactory.create_batch(2, title="Table d'échanges « logement »")


def test_sqlite_online_backup_round_trip(tmp_path):
    """A real SQLite file (migrated, with its reference data, in WAL mode), copied online with
    SQLite's backup API (what ``sqlite3 db ".backup file"`` does), holds the same rows."""
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SECRET_KEY"}}
    env.update(MAILLAGE_DATA_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="maillage.settings")
    env.pop("PYTEST_CURRENT_TEST", None)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=settings.BASE_DIR,
        env=env,
        check=True,
        timeout=600,
    )
    source = sqlite3.connect(tmp_path / "maillage.sqlite3")
    target = sqlite3.connect(tmp_path / "backup.sqlite3")
    source.backup(target)
    tables = [
        name
        for (name,) in source.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if not name.startswith("sqlite_")
    ]
    assert "territory_municipality" in tables

    def rows(db, table):
        return sorted(map(repr, db.execute(f'SELECT * FROM "{table}"').fetchall()))  # noqa: S608

    assert {t: rows(source, t) for t in tables} == {t: rows(target, t) for t in tables}
    assert len(rows(target, "territory_municipality")) == 19
    source.close()
    target.close()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_pg_dump_and_pg_restore_round_trip(tmp_path):
    if not (shutil.which("pg_dump") and shutil.which("pg_restore")):
        pytest.fail("pg_dump and pg_restore are needed (Debian: postgresql-client)")
    _make_data()
    db = settings.DATABASES["default"]
    common = ["-h", db["HOST"], "-p", str(db["PORT"] or 5432), "-U", db["USER"]]
    dump = tmp_path / "maillage.dump"
    subprocess.run(["pg_dump", *common, "-Fc", "-f", str(dump), db["NAME"]], check=True)
    copy = f"{db['NAME']}_restore"
    subprocess.run(["dropdb", *common, "--if-exists", copy], check=True)
    subprocess.run(["createdb", *common, copy], check=True)
    try:
        subprocess.run(["pg_restore", *common, "--no-owner", "-d", copy, str(dump)], check=True)
        import psycopg

        with connection.cursor() as cursor:

            def live(sql):
                cursor.execute(sql)
                return cursor.fetchall()

            before = _snapshot(live)
        with psycopg.connect(
            host=db["HOST"], port=db["PORT"] or 5432, user=db["USER"], dbname=copy
        ) as restored:
            # Same session time zone as Django's connection, so that equal instants print alike
            # (the server's default, Etc/UTC, would print as ZoneInfo instead of timezone.utc).
            restored.execute("SET TIME ZONE 'UTC'")
            # Django reads JSON columns as text (it decodes them itself); do the same here.
            from psycopg.types.string import TextLoader

            restored.adapters.register_loader("jsonb", TextLoader)
            restored.adapters.register_loader("json", TextLoader)
            after = _snapshot(lambda sql: restored.execute(sql).fetchall())
        assert before == after
        assert len(before["events_event"]) == 2
    finally:
        subprocess.run(["dropdb", *common, "--if-exists", copy], check=True)
