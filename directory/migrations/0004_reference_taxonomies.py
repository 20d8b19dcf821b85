"""Load the reference taxonomies of the Brussels profile (directory/reference.py), with stable
ids so that every database (and every HSDS export) uses the same taxonomy term ids."""

from django.db import migrations


def load(apps, schema_editor):
    from directory.models.taxonomy import reference_uuid
    from directory.reference import TAXONOMIES

    Taxonomy = apps.get_model("directory", "Taxonomy")
    TaxonomyTerm = apps.get_model("directory", "TaxonomyTerm")
    for position, (code, fr, nl, en, terms) in enumerate(TAXONOMIES):
        taxonomy, _ = Taxonomy.objects.update_or_create(
            id=reference_uuid(code),
            defaults=dict(
                code=code, name=fr, name_fr=fr, name_nl=nl, name_en=en, position=position
            ),
        )
        for term_position, (term_code, tfr, tnl, ten) in enumerate(terms):
            TaxonomyTerm.objects.update_or_create(
                id=reference_uuid(code, term_code),
                defaults=dict(
                    taxonomy=taxonomy,
                    code=term_code,
                    name=tfr,
                    name_fr=tfr,
                    name_nl=tnl,
                    name_en=ten,
                    position=term_position,
                ),
            )


class Migration(migrations.Migration):
    dependencies = [("directory", "0003_search_backend")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
