"""The usual event types and themes of the network (editable in the admin afterwards)."""

from django.db import migrations

TYPES = [
    ("exchange-table", "Table d'échanges", "Uitwisselingstafel", "Exchange table"),
    ("thematic-consultation", "Concertation thématique", "Thematisch overleg", "Thematic consultation"),
    ("change-workshop", "Atelier du changement", "Verandering-atelier", "Change workshop"),
    ("action-council", "Conseil de l'action du Bassin", "Actieraad van het bassin", "Basin action council"),
    ("prevention-meeting", "Rendez-vous de la prévention santé", "Afspraak gezondheidspreventie", "Community health meeting"),
    ("training", "Formation", "Opleiding", "Training"),
    ("awareness", "Sensibilisation", "Sensibilisering", "Awareness session"),
]
THEMES = [
    ("mental-health", "Santé mentale", "Geestelijke gezondheid", "Mental health"),
    ("prevention", "Prévention et promotion de la santé", "Preventie en gezondheidspromotie", "Prevention and health promotion"),
    ("hospital-liaison", "Liaison hôpital-ambulatoire", "Verbinding ziekenhuis-ambulant", "Hospital-ambulatory liaison"),
    ("perinatality", "Périnatalité et vulnérabilité", "Perinataliteit en kwetsbaarheid", "Perinatality and vulnerability"),
    ("housing", "Logement", "Huisvesting", "Housing"),
    ("precariousness", "Précarité", "Bestaansonzekerheid", "Precariousness"),
]


def load(apps, schema_editor):
    EventType = apps.get_model("events", "EventType")
    Theme = apps.get_model("events", "Theme")
    for position, (code, fr, nl, en) in enumerate(TYPES):
        EventType.objects.update_or_create(
            code=code, defaults={"name": fr, "name_fr": fr, "name_nl": nl, "name_en": en, "position": position}
        )
    for code, fr, nl, en in THEMES:
        Theme.objects.update_or_create(
            code=code, defaults={"name": fr, "name_fr": fr, "name_nl": nl, "name_en": en}
        )


class Migration(migrations.Migration):
    dependencies = [("events", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
