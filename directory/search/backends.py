# ruff: noqa: S608 - table names are module constants; every value goes through parameters.
"""The two search backends behind one interface. SQL lives here and nowhere else.

- SQLite: an FTS5 table ``directory_service_fts`` (body, facets, hours) with
  ``unicode61 remove_diacritics 2``, rowid = ServiceIndex.id, written beside the index rows.
- PostgreSQL: generated ``tsvector`` columns on ``directory_serviceindex`` with GIN indexes, the
  ``unaccent`` extension on the query side and ``pg_trgm`` for the fuzzy fallback on names.

A backend matches tokens (already folded by ``search.text``) and facet token groups: OR within a
group, AND between groups. It never decides visibility: only public services are indexed.
"""

from django.db import connection

FTS_TABLE = "directory_service_fts"
INDEX_TABLE = "directory_serviceindex"
TEXT_TABLE = "directory_servicetext"
#: Facet tokens are stored in the PostgreSQL tsvector with this prefix (never a folded word).
FACET_PREFIX = "zq"


def _prefixed(facets: str) -> str:
    return " ".join(FACET_PREFIX + t for t in facets.split())


class SqliteBackend:
    vendor = "sqlite"

    install_sql = [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
        "body, facets, hours, tokenize = 'unicode61 remove_diacritics 2')"
    ]
    uninstall_sql = [f"DROP TABLE IF EXISTS {FTS_TABLE}"]

    def write(self, cursor, rows):
        """rows: (index id, body, facets, hours)."""
        ids = [(row[0],) for row in rows]
        cursor.executemany(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", ids)
        cursor.executemany(
            f"INSERT INTO {FTS_TABLE} (rowid, body, facets, hours) VALUES (%s, %s, %s, %s)", rows
        )

    def delete(self, cursor, index_ids):
        cursor.executemany(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [(i,) for i in index_ids])

    def clear(self, cursor):
        cursor.execute(f"DELETE FROM {FTS_TABLE}")

    @staticmethod
    def _expression(tokens, groups, hours_token=None) -> str:
        parts = []
        if tokens:
            parts.append("body : (" + " AND ".join(f'"{t}" *' for t in tokens) + ")")
        for group in groups:
            parts.append("facets : (" + " OR ".join(f'"{t}"' for t in group) + ")")
        if hours_token:
            parts.append(f'hours : "{hours_token}"')
        return " AND ".join(parts)

    def raw_id(self, value) -> str:
        """A service id as this backend returns it in raw rows (SQLite: 32 hex digits)."""
        return value.hex

    def text_match(self, tokens, groups=()) -> list[int]:
        """Index row ids whose text has every token as a word prefix (and, to read fewer rows,
        that carry a facet token of each group)."""
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",
                [self._expression(tokens, groups)],
            )
            return [row[0] for row in cursor.fetchall()]

    def fuzzy_names(self, folded_query, limit=20):
        return None  # SQLite: the engine falls back on rapidfuzz over the names it holds.


class PostgresBackend:
    vendor = "postgresql"

    #: A narrow table (index row id, tsvector without positions: no ranking in SQL) with a GIN
    #: index: a search then reads few pages.
    install_sql = [
        "CREATE EXTENSION IF NOT EXISTS unaccent",
        "CREATE EXTENSION IF NOT EXISTS pg_trgm",
        f"CREATE TABLE IF NOT EXISTS {TEXT_TABLE} (id bigint PRIMARY KEY, tsv tsvector NOT NULL)",
        f"CREATE INDEX IF NOT EXISTS {TEXT_TABLE}_gin ON {TEXT_TABLE} USING gin (tsv)",
        f"CREATE INDEX IF NOT EXISTS directory_serviceindex_name_trgm ON {INDEX_TABLE} "
        "USING gin (name gin_trgm_ops)",
    ]
    #: From the first layout (generated tsvector columns on the wide index table).
    upgrade_sql = [
        f"ALTER TABLE {INDEX_TABLE} DROP COLUMN IF EXISTS body_tsv",
        f"ALTER TABLE {INDEX_TABLE} DROP COLUMN IF EXISTS facets_tsv",
        f"ALTER TABLE {INDEX_TABLE} DROP COLUMN IF EXISTS hours_tsv",
        *install_sql,
        f"INSERT INTO {TEXT_TABLE} (id, tsv) SELECT id, strip(to_tsvector('simple', "
        f"body || ' ' || regexp_replace(facets, '(\\S+)', '{FACET_PREFIX}\\1', 'g'))) "
        f"FROM {INDEX_TABLE} ON CONFLICT (id) DO NOTHING",
    ]
    uninstall_sql = [f"DROP TABLE IF EXISTS {TEXT_TABLE}"]

    def write(self, cursor, rows):
        """rows: (index id, body, facets, hours); ids reused after a flush are overwritten."""
        cursor.executemany(
            f"INSERT INTO {TEXT_TABLE} (id, tsv) VALUES (%s, strip(to_tsvector('simple', %s))) "
            "ON CONFLICT (id) DO UPDATE SET tsv = EXCLUDED.tsv",
            [(row[0], row[1] + " " + _prefixed(row[2])) for row in rows],
        )

    def delete(self, cursor, index_ids):
        cursor.execute(f"DELETE FROM {TEXT_TABLE} WHERE id = ANY(%s)", [list(index_ids)])

    def clear(self, cursor):
        cursor.execute(f"DELETE FROM {TEXT_TABLE}")

    @staticmethod
    def _where(tokens, groups=()):
        # The query is folded in Python; unaccent() keeps the database side honest too.
        query = " & ".join(f"{t}:*" for t in tokens)
        for group in groups:
            query += " & (" + " | ".join(FACET_PREFIX + t for t in group) + ")"
        return "tsv @@ to_tsquery('simple', unaccent(%s))", [query]

    def raw_id(self, value):
        return value

    def text_match(self, tokens, groups=()) -> list[int]:
        where, params = self._where(tokens, groups)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT id FROM {TEXT_TABLE} WHERE {where}", params)
            return [row[0] for row in cursor.fetchall()]

    def fuzzy_names(self, folded_query, limit=20):
        """Names close to the query (typos), through pg_trgm."""
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT id FROM {INDEX_TABLE} "
                f"WHERE %s <%% name ORDER BY word_similarity(%s, name) DESC LIMIT %s",
                [folded_query, folded_query, limit],
            )
            return [row[0] for row in cursor.fetchall()]


def get_backend(vendor: str | None = None):
    vendor = vendor or connection.vendor
    return PostgresBackend() if vendor == "postgresql" else SqliteBackend()
