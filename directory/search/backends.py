# ruff: noqa: S608 - table names are module constants; every value goes through parameters.
"""The two search backends behind one interface. Queries live here and nowhere else; the
tables they use are created by migrations (0003 for SQLite, 0006 for PostgreSQL).

- SQLite: an FTS5 table ``directory_service_fts`` (body, facets, hours) with
  ``unicode61 remove_diacritics 2``, rowid = ServiceIndex.id, written beside the index rows.
- PostgreSQL: a word table ``directory_serviceword`` (folded word, index row id) whose primary
  key is a B-tree in byte order (``COLLATE "C"``): a word prefix is a range scan read from the
  index alone. ``pg_trgm`` serves the fuzzy fallback on names.

``all_forms_matches`` answers the engine: for each concept, the forms of its words (a prefix
and the exact indexed words sharing its stem), the ids of the rows having every form
(``form_matches``: one form each). ``vocabulary`` lists the
distinct indexed words (typos, stems). Older helpers: a backend matches tokens as word
prefixes, ANDed: SQLite
with ``text_match`` (all tokens at once, narrowed by the facet token groups, OR within a group
and AND between groups, because FTS5 reads fewer rows then), PostgreSQL with ``word_matches``
(one id list per token, which the engine keeps per snapshot). The engine applies the groups
anyway. A backend never decides visibility: only public services are indexed.
"""

import numpy as np
from django.db import connection

FTS_TABLE = "directory_service_fts"
SERVICE_TABLE = "directory_service"
INDEX_TABLE = "directory_serviceindex"
WORD_TABLE = "directory_serviceword"


class _Rows:
    def snapshot_rows(self) -> list:
        """(id, service id as stored, facets, hours, name, latitude, longitude, title,
        verification date) of every index row, in name order: the snapshot's one read, raw
        (no per-value conversion by the ORM)."""
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT i.id, i.service_id, i.facets, i.hours, i.name, i.latitude, i.longitude, "
                f"i.title, s.assured_date FROM {INDEX_TABLE} i "
                f"JOIN {SERVICE_TABLE} s ON s.id = i.service_id ORDER BY i.name, i.id"
            )
            return cursor.fetchall()


class SqliteBackend(_Rows):
    vendor = "sqlite"

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

    def vocabulary(self) -> frozenset:
        """Every distinct word of the index bodies (FTS5's own vocabulary)."""
        with connection.cursor() as cursor:
            cursor.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.directory_fts_vocabulary "
                f"USING fts5vocab(main, {FTS_TABLE}, col)"
            )
            cursor.execute("SELECT term FROM temp.directory_fts_vocabulary WHERE col = 'body'")
            return frozenset(row[0] for row in cursor.fetchall())

    def form_matches(self, forms) -> list[list[int]]:
        """For each (prefix, exact words) form, the index row ids having a word that starts
        with the prefix (None: no prefix) or equals one of the exact words."""
        return self.all_forms_matches([(form,) for form in forms])

    def all_forms_matches(self, entries) -> list[list[int]]:
        """For each entry (forms that must all be there: the words of a concept), the index
        row ids having every form (one FTS5 query per entry: FTS5 intersects)."""
        results = []
        with connection.cursor() as cursor:
            for forms in entries:
                ors = []
                for prefix, exact in forms:
                    parts = [f'"{prefix}" *'] if prefix else []
                    parts += [f'"{w}"' for w in exact if not (prefix and w.startswith(prefix))]
                    ors.append("(" + " OR ".join(parts) + ")")
                # One text of comma-separated ids, parsed by NumPy in C: a row per id would
                # make one Python tuple per matching service (most of the cost of a common
                # word's tens of thousands of ids).
                cursor.execute(
                    f"SELECT group_concat(rowid) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",
                    ["body : (" + " AND ".join(ors) + ")"],
                )
                ids = cursor.fetchone()[0] or ""
                results.append(np.fromstring(ids, dtype=np.int64, sep=","))
        return results


class PostgresBackend(_Rows):
    vendor = "postgresql"

    #: Longest word stored and searched (B-tree entries have a size limit); see migration 0006.
    max_word = 64

    def write(self, cursor, rows):
        """rows: (index id, body, facets, hours); ids reused after a flush are overwritten."""
        self.delete(cursor, [row[0] for row in rows])
        pairs = sorted({(word[: self.max_word], row[0]) for row in rows for word in row[1].split()})
        cursor.execute(
            f"INSERT INTO {WORD_TABLE} (word, id) SELECT * FROM unnest(%s::text[], %s::bigint[]) "
            # Two transactions reindexing one service at once: the second adds what is missing.
            "ON CONFLICT DO NOTHING",
            [[word for word, _ in pairs], [index_id for _, index_id in pairs]],
        )

    def delete(self, cursor, index_ids):
        cursor.execute(f"DELETE FROM {WORD_TABLE} WHERE id = ANY(%s)", [list(index_ids)])

    def clear(self, cursor):
        # DELETE, not TRUNCATE: searches go on reading the old rows while a rebuild runs.
        cursor.execute(f"DELETE FROM {WORD_TABLE}")

    def raw_id(self, value):
        return value

    def word_matches(self, tokens) -> list[list[int]]:
        """For each token, the index row ids having a word that starts with it (an id may
        come more than once), in one round trip. The engine ANDs them as bitmaps and keeps
        them for the life of its snapshot: another facet with the same words asks nothing."""
        # Tokens are folded to [0-9a-z]: no LIKE wildcard can be in them. A token longer than
        # the stored words is also checked against the whole text (two long words may share
        # their first characters).
        parts, params = [], []
        for t in tokens:
            if len(t) <= self.max_word:
                parts.append(f"(SELECT array_agg(id) FROM {WORD_TABLE} WHERE word LIKE %s)")
                params.append(t + "%")
            else:
                parts.append(
                    f"(SELECT array_agg(w.id) FROM {WORD_TABLE} w JOIN {INDEX_TABLE} i "
                    "ON i.id = w.id WHERE w.word = %s AND ' ' || i.body LIKE %s)"
                )
                params += [t[: self.max_word], f"% {t}%"]
        with connection.cursor() as cursor:
            cursor.execute("SELECT " + ", ".join(parts), params)
            return [ids or [] for ids in cursor.fetchone()]

    def vocabulary(self) -> frozenset:
        """Every distinct word of the word table: a skip scan of its primary key (one index
        probe per distinct word, not one per row)."""
        with connection.cursor() as cursor:
            cursor.execute(
                "WITH RECURSIVE v(word) AS ("
                f"(SELECT word FROM {WORD_TABLE} ORDER BY word LIMIT 1) UNION ALL "
                f"SELECT (SELECT w.word FROM {WORD_TABLE} w WHERE w.word > v.word "
                "ORDER BY w.word LIMIT 1) FROM v WHERE v.word IS NOT NULL"
                ") SELECT word FROM v WHERE word IS NOT NULL"
            )
            return frozenset(row[0] for row in cursor.fetchall())

    def form_matches(self, forms) -> list[list[int]]:
        """For each (prefix, exact words) form, the index row ids having a word that starts
        with the prefix or equals one of the exact words, all in one round trip."""
        return self.all_forms_matches([(form,) for form in forms])

    def _form_select(self, prefix, exact, params) -> str:
        exact = [w[: self.max_word] for w in exact if not (prefix and w.startswith(prefix))]
        if prefix is None:
            params.append(exact)
            return f"SELECT id FROM {WORD_TABLE} WHERE word = ANY(%s)"
        if len(prefix) > self.max_word:
            select = (
                f"SELECT w.id FROM {WORD_TABLE} w JOIN {INDEX_TABLE} i "
                "ON i.id = w.id WHERE w.word = %s AND ' ' || i.body LIKE %s"
            )
            params += [prefix[: self.max_word], f"% {prefix}%"]
        else:
            select = f"SELECT id FROM {WORD_TABLE} WHERE word LIKE %s"
            params.append(prefix + "%")
        if exact:
            select += f" UNION ALL SELECT id FROM {WORD_TABLE} WHERE word = ANY(%s)"
            params.append(exact)
        return select

    def all_forms_matches(self, entries) -> list[list[int]]:
        """For each entry (forms that must all be there: the words of a concept), the index
        row ids having every form (intersected by PostgreSQL), all in one round trip."""
        parts, params = [], []
        for forms in entries:
            selects = [f"({self._form_select(p, e, params)})" for p, e in forms]
            parts.append(f"(SELECT array_agg(id) FROM ({' INTERSECT '.join(selects)}) f)")
        if not parts:
            return []
        with connection.cursor() as cursor:
            cursor.execute("SELECT " + ", ".join(parts), params)
            return [ids or [] for ids in cursor.fetchone()]

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
