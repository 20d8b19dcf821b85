"""The default SQLite configuration lets concurrent writers queue instead of failing with
"database is locked": WAL journal, busy timeout and IMMEDIATE transactions (settings.py).

A control test shows the failure is real with SQLite's default DEFERRED transactions.
"""

import threading

from django.conf import settings
from django.db import connections, transaction
from django.db.backends.sqlite3.base import DatabaseWrapper

THREADS, PER_THREAD = 4, 40
DEFAULT_SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL;",
}


def _options(**override):
    options = dict(DEFAULT_SQLITE_OPTIONS)
    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        options = dict(settings.DATABASES["default"]["OPTIONS"])
    return {**options, **override}


def _connection(path, options, alias):
    settings_dict = {
        "NAME": str(path),
        "OPTIONS": options,
        "TIME_ZONE": None,
        "CONN_MAX_AGE": 0,
        "CONN_HEALTH_CHECKS": False,
        "AUTOCOMMIT": True,
        "ATOMIC_REQUESTS": False,
        "TEST": {},
        "USER": "",
        "PASSWORD": "",
        "HOST": "",
        "PORT": "",
    }
    return DatabaseWrapper(settings_dict, alias=alias)


def _increment_concurrently(path, options):
    """THREADS writers each do PER_THREAD read-modify-write transactions on one row."""
    setup = _connection(path, options, "concurrency-setup")
    with setup.cursor() as cursor:
        cursor.execute("CREATE TABLE counter (id INTEGER PRIMARY KEY, value INTEGER)")
        cursor.execute("INSERT INTO counter VALUES (1, 0)")
    setup.close()
    errors = []

    def work(number):
        connection = _connection(path, options, f"concurrency-{number}")
        connections[connection.alias] = connection
        try:
            for _ in range(PER_THREAD):
                # What every use case does: transaction.atomic().
                with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
                    cursor.execute("SELECT value FROM counter WHERE id = 1")
                    value = cursor.fetchone()[0]
                    cursor.execute("UPDATE counter SET value = %s WHERE id = 1", [value + 1])
        except Exception as error:  # noqa: BLE001 - the test reports any failure
            errors.append(error)
        finally:
            connection.close()

    workers = [threading.Thread(target=work, args=(n,)) for n in range(THREADS)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    check = _connection(path, options, "concurrency-check")
    with check.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        journal = cursor.fetchone()[0]
        cursor.execute("SELECT value FROM counter WHERE id = 1")
        value = cursor.fetchone()[0]
    check.close()
    return errors, value, journal


def test_concurrent_writers_never_fail_nor_lose_an_update(tmp_path, django_db_blocker):
    with django_db_blocker.unblock():
        errors, value, journal = _increment_concurrently(tmp_path / "db.sqlite3", _options())
    assert journal == "wal"
    assert errors == []
    assert value == THREADS * PER_THREAD


def test_control_deferred_transactions_do_fail(tmp_path, django_db_blocker):
    """Without IMMEDIATE, a writer that read first cannot upgrade its lock: "database is locked"."""
    with django_db_blocker.unblock():
        errors, value, _ = _increment_concurrently(
            tmp_path / "db.sqlite3", _options(transaction_mode="DEFERRED", timeout=2)
        )
    assert errors or value < THREADS * PER_THREAD
    assert all("locked" in str(error) for error in errors)
