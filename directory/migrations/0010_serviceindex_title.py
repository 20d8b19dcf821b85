from django.db import migrations, models


def fill(apps, schema_editor):
    """The title of the rows already indexed (the indexer writes it from now on)."""
    from directory.search.text import fold

    Index = apps.get_model("directory", "ServiceIndex")
    fields = [
        "service__name_fr",
        "service__name_nl",
        "service__name_en",
        "service__alternate_name",
        "service__organization__name_fr",
        "service__organization__name_nl",
        "service__organization__name_en",
        "service__organization__alternate_name",
    ]
    batch = []
    for pk, *names in Index.objects.order_by("pk").values_list("pk", *fields).iterator(5000):
        batch.append(Index(pk=pk, title=fold(" ".join(n for n in names if n))))
        if len(batch) >= 5000:
            Index.objects.bulk_update(batch, ["title"])
            batch = []
    Index.objects.bulk_update(batch, ["title"])


class Migration(migrations.Migration):
    dependencies = [("directory", "0009_thesaurus")]

    operations = [
        migrations.AddField(
            model_name="serviceindex",
            name="title",
            field=models.TextField(blank=True, default=""),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
