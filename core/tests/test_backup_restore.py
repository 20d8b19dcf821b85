"""Backup and restore, as documented in docs/deployment.md, round-trip the data: SQLite's
online backup, and pg_dump / pg_restore on PostgreSQL."""

import shutil
import sqlite3
import subprocess

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


@pytest.mark.django_db
def test_sqlite_online_backup_round_trip(tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite backup")
    _make_data()
    connection.ensure_connection()
    target = tmp_path / "backup.sqlite3"
    with sqlite3.connect(target) as copy:
        connection.connection.backup(copy)  # what `sqlite3 db ".backup file"` does, online
    with connection.cursor() as cursor:

        def live(sql):
            cursor.execute(sql)
            return cursor.fetchall()

        before = _snapshot(live)
    restored = sqlite3.connect(target)
    after = _snapshot(lambda sql: restored.execute(sql).fetchall())
    restored.close()
    assert before == after
    assert len(before["accounts_user"]) >= 3 and len(before["events_event"]) == 2


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
            after = _snapshot(lambda sql: restored.execute(sql).fetchall())
        assert before == after
        assert len(before["events_event"]) == 2
    finally:
        subprocess.run(["dropdb", *common, "--if-exists", copy], check=True)
