"""Accent- and case-insensitive text matching for the searchable pickers.

``fold()`` is the pure rule (no Django): "Santé" and "SANTE" fold to "sante". ``Fold`` is the
same rule inside the database: ``lower(unaccent(...))`` on PostgreSQL (the extension is created
by the directory's search migrations) and a Python function registered on every SQLite
connection (``install()``, called once from ``CoreConfig.ready``). Never used for ranking the
directory search, which has its own engines (``directory.search``).
"""

import unicodedata

from django.db.backends.signals import connection_created
from django.db.models import CharField, Func

SQLITE_FUNCTION = "maillage_fold"


def fold(text: str | None) -> str:
    """Lower-case ``text`` and strip its accents; ``None`` folds to ``""``."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", str(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


class Fold(Func):
    """``fold()`` of an expression, in SQL."""

    output_field = CharField()

    def as_sqlite(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection, function=SQLITE_FUNCTION, **extra)

    def as_postgresql(self, compiler, connection, **extra):
        return super().as_sql(
            compiler, connection, template="lower(unaccent(%(expressions)s))", **extra
        )

    def as_sql(self, compiler, connection, **extra):  # other databases: case only
        return super().as_sql(compiler, connection, function="LOWER", **extra)


def _register(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function(SQLITE_FUNCTION, 1, fold, deterministic=True)


def install() -> None:
    connection_created.connect(_register, dispatch_uid="core.textfold")
