"""Search backend: the FTS5 table on SQLite; unaccent, pg_trgm, tsvector columns and GIN
indexes on PostgreSQL (CREATE EXTENSION IF NOT EXISTS). See directory/search/backends.py."""

from django.db import migrations


def install(apps, schema_editor):
    from directory.search.backends import get_backend

    for statement in get_backend(schema_editor.connection.vendor).install_sql:
        schema_editor.execute(statement)


def uninstall(apps, schema_editor):
    from directory.search.backends import get_backend

    for statement in get_backend(schema_editor.connection.vendor).uninstall_sql:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("directory", "0002_services_taxonomies")]
    operations = [migrations.RunPython(install, uninstall)]
