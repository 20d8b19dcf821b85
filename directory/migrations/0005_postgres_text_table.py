"""PostgreSQL: move the full-text vectors to a narrow table (directory_servicetext) so that a
search reads few pages; drop the first layout's generated columns. Nothing to do on SQLite."""

from django.db import migrations


def upgrade(apps, schema_editor):
    from directory.search.backends import get_backend

    backend = get_backend(schema_editor.connection.vendor)
    for statement in getattr(backend, "upgrade_sql", []):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("directory", "0004_reference_taxonomies")]
    operations = [migrations.RunPython(upgrade, migrations.RunPython.noop)]
