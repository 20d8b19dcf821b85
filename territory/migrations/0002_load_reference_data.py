"""Load the 19 municipalities and the 5 care basins (see territory/reference.py)."""

from django.db import migrations

ENGLISH_NAMES = {"Bruxelles": "Brussels"}


def load(apps, schema_editor):
    from territory.reference import BASINS, MUNICIPALITIES, POSTAL_CODE_BASINS

    Basin = apps.get_model("territory", "Basin")
    Municipality = apps.get_model("territory", "Municipality")
    PostalCodeBasin = apps.get_model("territory", "PostalCodeBasin")
    basins = {}
    for code, fr, nl, en in BASINS:
        basins[code], _ = Basin.objects.update_or_create(
            code=code, defaults={"name": fr, "name_fr": fr, "name_nl": nl, "name_en": en}
        )
    for nis, fr, nl, postal_codes, basin_codes, lat, lon in MUNICIPALITIES:
        municipality, _ = Municipality.objects.update_or_create(
            nis_code=nis,
            defaults={
                "name": fr,
                "name_fr": fr,
                "name_nl": nl,
                "name_en": ENGLISH_NAMES.get(fr, fr),
                "postal_codes": postal_codes,
                "latitude": lat,
                "longitude": lon,
            },
        )
        municipality.basins.set([basins[code] for code in basin_codes])
        for postal_code, basin_code in POSTAL_CODE_BASINS.get(nis, {}).items():
            PostalCodeBasin.objects.update_or_create(
                municipality=municipality,
                postal_code=postal_code,
                defaults={"basin": basins[basin_code]},
            )


def unload(apps, schema_editor):
    apps.get_model("territory", "Municipality").objects.all().delete()
    apps.get_model("territory", "Basin").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("territory", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
