"""The housing and mental-health paths as reference data (``orientation.reference_trees``)."""

from django.db import migrations


def load(apps, schema_editor):
    from orientation.reference_trees import TREES
    from orientation.services.trees import load_reference

    names = ("Tree", "TreeVersion", "Node", "Choice")
    load_reference(TREES, {name: apps.get_model("orientation", name) for name in names})


def unload(apps, schema_editor):
    apps.get_model("orientation", "Tree").objects.filter(
        need__in=["housing", "mental_health"]
    ).update(published=None)
    apps.get_model("orientation", "Tree").objects.filter(
        need__in=["housing", "mental_health"]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("orientation", "0002_trees")]

    operations = [migrations.RunPython(load, unload)]
