"""Demo helpdesk: about 180 requests over the last twelve months (every status, answers with
directory services and their orientation links, "no solution found" gaps, feedback), and, when
the orientation tool and the directory have not made any yet, anonymous paths, unmet needs and
searches without result, so that the needs watch has something to show.

Used by ``manage.py load_demo`` only: rows are written directly (no e-mail is sent) with texts
that contain no personal data (``tests/test_demo.py`` runs them through the PII guard).
"""

import datetime as dt

from django.utils import timezone

from directory.models import Service, ZeroResultSearch, reference_uuid
from orientation.models import PathRecord, UnmetNeed
from orientation.needs import NEEDS
from territory.models import Municipality

from .models import AnswerService, HelpRequest, OrientationLink, month_of
from .workdays import working_hours

SITUATIONS = {
    "housing": [
        "Une mère seule avec deux enfants, expulsée la semaine passée, dort chez une amie.",
        "Een jonge man van 19 jaar slaapt al een week op straat na een breuk met zijn familie.",
        "Un couple âgé dans un logement insalubre, le propriétaire ne fait pas les travaux.",
    ],
    "mental_health": [
        "Un adolescent de 15 ans ne sort plus de sa chambre depuis trois mois.",
        "Een vrouw van in de veertig met angstklachten zoekt een Arabischsprekende psycholoog.",
        "Un homme de 50 ans, suivi en psychiatrie, a arrêté son traitement et s'isole.",
    ],
    "income_rights": [
        "Une famille sans revenus depuis la fin du chômage, le CPAS demande des documents.",
        "Een gepensioneerde weet niet welke toelagen hij kan aanvragen.",
    ],
    "health": [
        "Une personne sans mutuelle a besoin de soins dentaires urgents.",
        "Een man zonder papieren heeft een chronische ziekte en geen huisarts.",
    ],
    "addiction": [
        "Un jeune adulte consomme du cannabis tous les jours et veut arrêter.",
        "Een moeder maakt zich zorgen over het alcoholgebruik van haar partner.",
    ],
    "perinatality": [
        "Une femme enceinte de six mois, sans suivi, vient d'arriver en Belgique.",
        "Een zwangere tiener wil weten waar ze terecht kan voor begeleiding.",
    ],
    "violence": [
        "Une femme victime de violences conjugales cherche un hébergement discret.",
        "Een jongen van 12 jaar vertelt op school over geweld thuis.",
    ],
    "migration": [
        "Un demandeur d'asile débouté cherche une aide juridique gratuite.",
        "Een gezin met een humanitaire regularisatieaanvraag zoekt begeleiding.",
    ],
    "isolation": [
        "Une dame de 80 ans vit seule et ne voit plus personne depuis le décès de son mari.",
        "Een man van 60 jaar zonder familie zoekt een ontmoetingsplaats in de buurt.",
    ],
    "family": [
        "Des parents épuisés cherchent un lieu d'accueil occasionnel pour leur bébé.",
        "Een vader met twee kinderen zoekt opvoedingsondersteuning na de scheiding.",
    ],
}
GAPS = [
    "Pas de psychologue arabophone pour adolescents dans le sud-est.",
    "Geen crisisopvang voor jonge mannen met een verslaving in het noorden.",
    "Aucune halte-accueil avec des places libres avant six mois.",
    "Pas de logement de transit pour une famille de six personnes.",
]
PUBLICS = [
    "families",
    "adults",
    "adolescents",
    "young_adults",
    "older_people",
    "exile",
    "homeless",
    "women",
    "",
]
#: Weight of each need in the demo (housing and mental health first, as in the seeds).
WEIGHTS = [8, 7, 4, 3, 2, 3, 2, 3, 3, 3]


def _services_by_need():
    found = {}
    for need in NEEDS:
        ids = list(
            Service.objects.filter(terms=reference_uuid("theme", need))
            .order_by("pk")
            .values_list("pk", flat=True)[:40]
        )
        found[need] = ids
    return found


def load(rng, context, stdout=None):
    now = timezone.now()
    tz = timezone.get_current_timezone()
    professionals = context.get("professionals") or []
    coordinators = context.get("coordinators") or []
    municipalities = list(Municipality.objects.prefetch_related("basins").order_by("nis_code"))
    services_by_need = _services_by_need()
    requests = 0
    for i in range(180):
        need = rng.choices(NEEDS, weights=WEIGHTS)[0]
        requester = rng.choice(professionals) if professionals else None
        membership = requester.memberships.filter(status="accepted").first() if requester else None
        municipality = rng.choice(municipalities)
        created = now - dt.timedelta(days=rng.randint(0, 360), hours=rng.randint(0, 8))
        created = created.replace(hour=rng.randint(8, 16), minute=rng.randint(0, 59))
        age_days = (now - created).days
        if age_days < 2:
            status = rng.choice(["new", "new", "in_progress"])
        elif age_days < 10:
            status = rng.choices(
                ["answered", "closed", "no_solution", "in_progress"], weights=[5, 6, 2, 1]
            )[0]
        else:
            status = rng.choices(["answered", "closed", "no_solution"], weights=[5, 6, 2])[0]
        request = HelpRequest.objects.create(
            requester=requester,
            organization=membership.organization if membership else None,
            channel="phone" if i % 4 == 0 else "platform",
            logged_by=rng.choice(coordinators) if i % 4 == 0 and coordinators else None,
            situation=rng.choice(SITUATIONS[need]),
            need=need,
            public=rng.choice(PUBLICS),
            municipality=municipality,
            basin=municipality.basins.first(),
            urgency=rng.choice(["low", "normal", "normal", "high"]),
            tried_text=rng.choice(
                ["", "Le CPAS a été contacté, sans solution.", "Het OCMW werd al gebeld."]
            ),
            answer_by=rng.choice(["email", "phone"]),
            status=status,
            assignee=rng.choice(coordinators) if coordinators and status != "new" else None,
        )
        fields = {"created_at": created, "created_month": month_of(created)}
        if status in ("answered", "closed", "no_solution"):
            answered = created + dt.timedelta(hours=rng.choice([1, 2, 3, 5, 20, 26, 50, 70]))
            local = lambda moment: timezone.localtime(moment, tz).replace(tzinfo=None)  # noqa: E731
            fields.update(
                answered_at=answered,
                finished_at=answered,
                waiting_hours=working_hours(local(created), local(answered)),
            )
            if status == "no_solution":
                fields["gap_description"] = rng.choice(GAPS)
            else:
                fields["answer_text"] = "Deux services peuvent vous recevoir sur rendez-vous."
                fields["helped"] = rng.choice([True, True, True, False, None])
                picked = rng.sample(services_by_need[need], min(2, len(services_by_need[need])))
                for position, service_id in enumerate(picked):
                    AnswerService.objects.create(
                        request=request, service_id=service_id, position=position
                    )
                    if request.organization_id:
                        OrientationLink.objects.create(
                            from_organization_id=request.organization_id,
                            to_service_id=service_id,
                            request=request,
                            created_on=timezone.localdate(answered),
                        )
        HelpRequest.objects.filter(pk=request.pk).update(**fields)
        requests += 1
    _anonymous_counts(rng, municipalities, now)
    if stdout:
        stdout.write(f"  {requests} helpdesk requests")


def _anonymous_counts(rng, municipalities, now):
    """Paths, unmet needs and searches without result, if their own apps made none."""
    today = timezone.localdate(now)
    if not PathRecord.objects.exists():
        rows, unmet = [], []
        for _ in range(600):
            need = rng.choices(NEEDS, weights=WEIGHTS)[0]
            municipality = rng.choice(municipalities)
            found = rng.random() > 0.15
            day = today - dt.timedelta(days=rng.randint(0, 360))
            basin = municipality.basins.first()
            rows.append(
                PathRecord(
                    need=need,
                    municipality=municipality,
                    basin=basin,
                    result_count=rng.randint(1, 12) if found else 0,
                    completed_on=day,
                )
            )
            if not found:
                unmet.append(
                    UnmetNeed(need=need, municipality=municipality, basin=basin, recorded_on=day)
                )
        PathRecord.objects.bulk_create(rows)
        UnmetNeed.objects.bulk_create(unmet)
    if not ZeroResultSearch.objects.exists():
        words = [
            "psy arabe ado",
            "kinderopvang noodopvang",
            "logement urgence famille nombreuse",
            "dentiste sans mutuelle",
            "crisisopvang jongeren",
        ]
        rows = []
        for months_ago in range(12):
            index = today.year * 12 + today.month - 1 - months_ago
            month = dt.date(index // 12, index % 12 + 1, 1)
            for text in words:
                rows.append(
                    ZeroResultSearch(
                        words=text,
                        language="nl" if "opvang" in text else "fr",
                        basin=rng.choice(municipalities).basins.first(),
                        month=month,
                        count=rng.randint(1, 9),
                    )
                )
        ZeroResultSearch.objects.bulk_create(rows, ignore_conflicts=True)
