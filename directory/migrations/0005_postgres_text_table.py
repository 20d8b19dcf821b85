"""PostgreSQL: move the full-text vectors to a narrow table (directory_servicetext) so that a
search reads few pages; drop the first layout's generated columns. Nothing to do on SQLite.
Statements written out here so that the migration never changes with the code."""

from django.db import migrations

UPGRADE = [
    "ALTER TABLE directory_serviceindex DROP COLUMN IF EXISTS body_tsv",
    "ALTER TABLE directory_serviceindex DROP COLUMN IF EXISTS facets_tsv",
    "ALTER TABLE directory_serviceindex DROP COLUMN IF EXISTS hours_tsv",
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE TABLE IF NOT EXISTS directory_servicetext (id bigint PRIMARY KEY, tsv tsvector NOT NULL)",
    "CREATE INDEX IF NOT EXISTS directory_servicetext_gin ON directory_servicetext USING gin (tsv)",
    "CREATE INDEX IF NOT EXISTS directory_serviceindex_name_trgm "
    "ON directory_serviceindex USING gin (name gin_trgm_ops)",
    "INSERT INTO directory_servicetext (id, tsv) SELECT id, strip(to_tsvector('simple', "
    "body || ' ' || regexp_replace(facets, '(\\S+)', 'zq\\1', 'g'))) "
    "FROM directory_serviceindex ON CONFLICT (id) DO NOTHING",
]


def upgrade(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in UPGRADE:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("directory", "0004_reference_taxonomies")]
    operations = [migrations.RunPython(upgrade, migrations.RunPython.noop)]
