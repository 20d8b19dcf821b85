"""Search backend: the FTS5 table on SQLite; unaccent, pg_trgm, a narrow tsvector table with a
GIN index and a trigram index on names on PostgreSQL (CREATE EXTENSION IF NOT EXISTS).
The statements are written out here (not read from ``directory/search/backends.py``) so that
this migration does the same thing whatever the code becomes; 0006 moves PostgreSQL on."""

from django.db import migrations

INSTALL = {
    "sqlite": [
        "CREATE VIRTUAL TABLE IF NOT EXISTS directory_service_fts USING fts5("
        "body, facets, hours, tokenize = 'unicode61 remove_diacritics 2')"
    ],
    "postgresql": [
        "CREATE EXTENSION IF NOT EXISTS unaccent",
        "CREATE EXTENSION IF NOT EXISTS pg_trgm",
        "CREATE TABLE IF NOT EXISTS directory_servicetext "
        "(id bigint PRIMARY KEY, tsv tsvector NOT NULL)",
        "CREATE INDEX IF NOT EXISTS directory_servicetext_gin "
        "ON directory_servicetext USING gin (tsv)",
        "CREATE INDEX IF NOT EXISTS directory_serviceindex_name_trgm "
        "ON directory_serviceindex USING gin (name gin_trgm_ops)",
    ],
}
UNINSTALL = {
    "sqlite": ["DROP TABLE IF EXISTS directory_service_fts"],
    "postgresql": ["DROP TABLE IF EXISTS directory_servicetext"],
}


def install(apps, schema_editor):
    for statement in INSTALL.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


def uninstall(apps, schema_editor):
    for statement in UNINSTALL.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("directory", "0002_services_taxonomies")]
    operations = [migrations.RunPython(install, uninstall)]
