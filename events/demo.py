"""Demo events from the seeds: the change workshop of Bassin Sud-Est with its network lunch and
conversation tables, the thematic consultation "Mental health" of Bassin Nord as a series (a past
session with its report, expectations and actions), the community health meetings in four
neighbourhoods, a full Smes exchange table with a waiting list, a training announced as "save
the date". Dates are relative to today, so some are past and some upcoming. The network's own
coordinating bodies (the support cells of Bassin Sud-Est and Bassin Nord, Smes Connect) are
created here as organizations flagged ``is_coordinating_body``, with the demo coordinators as
members: they organize the network's events.

Used by ``manage.py load_demo`` only. Registrations are booked through the booking service but
no e-mail is sent (demo addresses).
"""

import datetime

from django.utils import timezone

from accounts.models import Membership
from booking import services as booking
from directory.models import Organization, PublicationStatus
from territory.models import Basin

from .models import (
    Action,
    Event,
    EventOption,
    EventType,
    Expectation,
    Registration,
    Report,
    Series,
    SubGroup,
    Theme,
)
from .sanitize import clean_html
from .services import sync_resources


def _at(days: int, hour: int, minute: int = 0) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def _event(type_code, organizer, title_fr, title_nl, start, hours, **fields) -> Event:
    event = Event.objects.create(
        event_type=EventType.objects.get(code=type_code),
        organizer=organizer,
        title=title_fr,
        title_fr=title_fr,
        title_nl=title_nl,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=hours),
        status=Event.Status.PUBLISHED,
        **fields,
    )
    return event


def _register(event, person, options=()) -> Registration:
    """Book quietly (no e-mail): the same booking service, without notifications."""
    membership = person.memberships.accepted().select_related("organization").first()
    registration = Registration.objects.create(
        event=event,
        user=person,
        organization=membership.organization if membership else None,
        name=person.get_full_name() or person.email,
        email=person.email,
        language=person.preferred_language or "fr",
        consent_at=timezone.now(),
    )
    bookings = booking.book_many(sync_resources(event, options), registration)
    registration.booking = bookings[0]
    registration.save(update_fields=["booking"])
    registration.option_bookings.set(bookings[1:])
    registration.wanted_options.set(options)
    return registration


CT_PLACE = "Maison des associations, rue Masui 80, 1000 Bruxelles (Nord)"

REPORT_CT1 = """
<p>34 professionnel·les du social-santé. Cette 1re rencontre avait pour objectifs de lancer une
dynamique de concertation à l'échelle du bassin sur la santé mentale et de favoriser
l'interconnaissance.</p>
<h2>Éléments clés</h2>
<ul><li>Le rôle et la place de chaque acteur·rice à travers le modèle du « stepped care ».</li>
<li>L'outil d'orientation vers les services de santé mentale de la coordination sociale
d'Ixelles.</li></ul>
<h2>Attentes des participant·es</h2>
<p>Cartographie, réseau et collaboration, formation et sensibilisation, thématiques
spécifiques, continuité avec le travail fait par le passé, plaidoyer. Chacune sera examinée au
regard des objectifs de la concertation.</p>
"""

EXPECTATIONS = [
    ("Création d'une cartographie et/ou d'un répertoire des acteur·rices", "taken_up", ""),
    ("Mieux connaître le secteur de la santé mentale, créer des collaborations", "taken_up", ""),
    ("Formation sur la non-demande et le secret partagé", "to_examine", ""),
    (
        "Continuité avec les travaux passés : repartir des constats de l'antenne 107",
        "answered",
        "Les constats de l'antenne 107 sont présentés à la séance 2.",
    ),
    (
        "Clarifier les mécanismes de plaidoyer vers les fédérations",
        "declined",
        "Relève des fédérations ; le bassin relaie les constats sans porter le plaidoyer.",
    ),
]


#: The network's coordinating bodies: (French name, Dutch name, description FR, description NL).
COORDINATING_BODIES = [
    (
        "Cellule d'appui du Bassin Sud-Est",
        "Ondersteuningscel Zorgbassin Zuidoost",
        "L'équipe de coordination du bassin d'aide et de soins Sud-Est : concertations, "
        "tables d'échanges, ateliers du changement.",
        "Het coördinatieteam van het zorgbassin Zuidoost: overleg, uitwisselingstafels, "
        "verandering-ateliers.",
    ),
    (
        "Cellule d'appui du Bassin Nord",
        "Ondersteuningscel Zorgbassin Noord",
        "L'équipe de coordination du bassin d'aide et de soins Nord.",
        "Het coördinatieteam van het zorgbassin Noord.",
    ),
    (
        "Smes Connect",
        "Smes Connect",
        "Réseau santé mentale et exclusion sociale : tables d'échanges et intervisions.",
        "Netwerk geestelijke gezondheid en sociale uitsluiting: uitwisselingstafels en "
        "intervisies.",
    ),
]


def coordinating_bodies(coordinators) -> list[Organization]:
    """The network's own teams, published, with the demo coordinators as members."""
    bodies = []
    for name_fr, name_nl, description_fr, description_nl in COORDINATING_BODIES:
        body = Organization.objects.create(
            name=name_fr,
            name_fr=name_fr,
            name_nl=name_nl,
            description_fr=description_fr,
            description_nl=description_nl,
            sector="community",
            is_network_member=True,
            is_coordinating_body=True,
            status=PublicationStatus.PUBLISHED,
        )
        bodies.append(body)
    for index, coordinator in enumerate(coordinators):
        # Claire: the Sud-Est support cell; Koen: Bassin Nord's and Smes Connect.
        for body in bodies[:1] if index == 0 else bodies[1:]:
            Membership.objects.create(
                user=coordinator, organization=body, status=Membership.Status.ACCEPTED
            )
    return bodies


def load(rng, context, stdout=None) -> dict:
    orgs = context["organizations"]
    people = context.get("professionals", [])
    coordinator = (context.get("coordinators") or [None])[0]
    basin = {b.code: b for b in Basin.objects.all()}
    theme = {t.code: t for t in Theme.objects.all()}
    brusano_se, brusano_n, smes = coordinating_bodies(context.get("coordinators") or [])
    context["coordinating_bodies"] = [brusano_se, brusano_n, smes]

    # Bassin Nord: thematic consultation "Mental health", a series with a past session.
    ct = Series.objects.create(
        title="Concertation thématique Santé mentale – Bassin Nord",
        title_fr="Concertation thématique Santé mentale – Bassin Nord",
        title_nl="Thematisch overleg Geestelijke gezondheid – Bassin Noord",
        description="Suivre les actualités, assurer une veille des besoins de la population, "
        "identifier les ajustements nécessaires et proposer des actions collectives.",
        theme=theme["mental-health"],
        event_type=EventType.objects.get(code="thematic-consultation"),
        organizer=brusano_n,
        basin=basin["nord"],
    )
    ct.steering_committee.set(rng.sample(orgs[3:60], 4))
    first = _event(
        "thematic-consultation",
        brusano_n,
        "Concertation thématique Santé mentale #1",
        "Thematisch overleg Geestelijke gezondheid #1",
        _at(-70, 9, 30),
        2.5,
        series=ct,
        theme=theme["mental-health"],
        basin=basin["nord"],
        place=CT_PLACE,
        registration_required=True,
        capacity=40,
        attendance_count=34,
    )
    for person in people[:20]:
        _register(first, person)
    Report.objects.create(
        event=first,
        body=clean_html(REPORT_CT1),
        author=coordinator,
        published_at=first.ends_at + datetime.timedelta(days=10),
    )
    expectations = []
    for text, status, note in EXPECTATIONS:
        expectations.append(
            Expectation.objects.create(
                event=first,
                theme=theme["mental-health"],
                text=text,
                raised_by="Participant·es",
                status=status,
                status_note=note,
                status_changed_at=timezone.now(),
            )
        )
    cartography = Action.objects.create(
        title="Répertoire des services de santé mentale du Bassin Nord",
        owner_organization=brusano_n,
        basin=basin["nord"],
        series=ct,
        due_date=timezone.localdate() + datetime.timedelta(days=90),
        status="in_progress",
    )
    cartography.expectations.add(expectations[0], expectations[1])
    meeting = Action.objects.create(
        title="Présentation des constats de l'antenne 107",
        owner_organization=brusano_n,
        basin=basin["nord"],
        series=ct,
        status="done",
    )
    meeting.expectations.add(expectations[3])
    second = _event(
        "thematic-consultation",
        brusano_n,
        "Concertation thématique Santé mentale #2",
        "Thematisch overleg Geestelijke gezondheid #2",
        _at(24, 9, 30),
        2.5,
        series=ct,
        theme=theme["mental-health"],
        basin=basin["nord"],
        registration_required=True,
        capacity=40,
        place=CT_PLACE,
        description="Suivie d'un lunch.",
    )
    lunch_ct = EventOption.objects.create(
        event=second,
        label="Je reste pour le lunch",
        label_fr="Je reste pour le lunch",
        label_nl="Ik blijf voor de lunch",
        capacity=25,
    )
    for person in people[:8]:
        _register(second, person, [lunch_ct])

    # Bassin Sud-Est: change workshop with a network lunch and conversation tables.
    workshop = _event(
        "change-workshop",
        brusano_se,
        "Atelier du changement",
        "Verandering-atelier",
        _at(17, 14),
        2,
        basin=basin["sud-est"],
        registration_required=True,
        capacity=40,
        description="Lunch réseau de 13h à 14h. Avancement du plan d'actions 2025 "
        "et travail en sous-groupes.",
    )
    lunch = EventOption.objects.create(
        event=workshop,
        label="Lunch réseau (13h–14h)",
        label_fr="Lunch réseau (13h–14h)",
        label_nl="Netwerklunch (13u–14u)",
        capacity=20,
    )
    tables = [
        SubGroup.objects.create(event=workshop, name=name, capacity=12)
        for name in (
            "Périnatalité et vulnérabilité",
            "Rendez-vous de la prévention santé",
            "Lisibilité des espaces de discussion du Bassin",
        )
    ]
    for index, person in enumerate(people[10:34]):
        registration = _register(workshop, person, [lunch] if index % 2 else [])
        registration.table_choice = tables[index % 3] if index % 4 else None
        registration.save(update_fields=["table_choice"])

    # Community health meetings, monthly in four neighbourhoods (public, no registration).
    places = [
        ("La Cité de l'Amitié (centre ARA), Woluwe-Saint-Pierre", 7),
        ("Quartier Roodebeek (Guichet social), Woluwe-Saint-Lambert", 14),
        ("Salle Les Paradisiers, chaussée de Wavre, Auderghem", 21),
        ("Maison de quartier Chambéry, La Chasse, Etterbeek", 28),
    ]
    for place, day in places:
        for month in (-1, 0, 1):
            _event(
                "prevention-meeting",
                brusano_se,
                "Rendez-vous de la prévention santé",
                "Afspraak gezondheidspreventie",
                _at(day + 30 * month, 14),
                2,
                place=place,
                audience="public",
                basin=basin["sud-est"],
                theme=theme["prevention"],
            )

    # A Smes exchange table, full with a waiting list.
    table = _event(
        "exchange-table",
        smes,
        "Table d'échanges : du psy dans le social ?",
        "Uitwisselingstafel: psy in het sociale werk?",
        _at(10, 9),
        3,
        place="Smes, rue du Progrès 323, 1030 Schaerbeek",
        basin=basin["nord-est"],
        theme=theme["precariousness"],
        registration_required=True,
        capacity=12,
        language="fr-nl",
    )
    for person in people[34:50]:
        _register(table, person)

    # A training announced before its registration opens, and a past action council.
    _event(
        "training",
        brusano_n,
        "Formation : travailler avec la non-demande",
        "Opleiding: werken met de niet-vraag",
        _at(60, 9, 30),
        3,
        basin=basin["nord"],
        theme=theme["mental-health"],
        registration_required=True,
        capacity=20,
        registration_opens_at=_at(20, 9),
    )
    _event(
        "action-council",
        brusano_se,
        "Conseil de l'action du Bassin",
        "Actieraad van het bassin",
        _at(-40, 10),
        2,
        basin=basin["sud-est"],
        attendance_count=17,
    )
    if stdout:
        stdout.write(
            f"  events: {Event.objects.count()} events, "
            f"{Registration.objects.count()} registrations, "
            f"{Expectation.objects.count()} expectations"
        )
    return {"events": list(Event.objects.all())}
