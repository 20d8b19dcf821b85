"""PostgreSQL: the text search moves from a tsvector table with a GIN index to a word table
(folded word, index row id) with a B-tree in byte order, so that a word prefix is read from the
index alone however many services match (benchmark: docs/benchmarks/search.md). The words are
filled from the index rows' folded text; the tsvector table is dropped. Nothing on SQLite."""

from django.db import migrations

#: Longest word kept (a B-tree entry has a size limit; longer query words are cut the same way).
MAX_WORD = 64

FORWARD = [
    "CREATE TABLE IF NOT EXISTS directory_serviceword "
    '(word text COLLATE "C" NOT NULL, id bigint NOT NULL, PRIMARY KEY (word, id))',
    "CREATE INDEX IF NOT EXISTS directory_serviceword_id ON directory_serviceword (id)",
    "INSERT INTO directory_serviceword (word, id) "
    f"SELECT DISTINCT left(word, {MAX_WORD}), id FROM directory_serviceindex, "
    "regexp_split_to_table(body, ' ') AS word WHERE word <> '' ON CONFLICT DO NOTHING",
    "DROP TABLE IF EXISTS directory_servicetext",
    "ANALYZE directory_serviceword",
]
BACKWARD = [
    "CREATE TABLE IF NOT EXISTS directory_servicetext (id bigint PRIMARY KEY, tsv tsvector NOT NULL)",
    "CREATE INDEX IF NOT EXISTS directory_servicetext_gin ON directory_servicetext USING gin (tsv)",
    "INSERT INTO directory_servicetext (id, tsv) SELECT id, strip(to_tsvector('simple', "
    "body || ' ' || regexp_replace(facets, '(\\S+)', 'zq\\1', 'g'))) "
    "FROM directory_serviceindex ON CONFLICT (id) DO NOTHING",
    "DROP TABLE IF EXISTS directory_serviceword",
]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("directory", "0005_postgres_text_table")]
    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
