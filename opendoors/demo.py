"""Demo data of the open doors week (``manage.py load_demo``): a past edition at the real scale
of the seed (about 50 services, 131 professionals, 182 visits, with cancellations, no-shows and
evaluations) and a coming edition whose wish round is open. Deterministic; goes through the
services (seats in ``booking``), without sending e-mail.
"""

import datetime as dt

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from accounts.models import Membership, User
from directory.models import Service

from .errors import OpenDoorsError
from .models import Edition, Participation, Visit
from .services import call, visits, wishes

VISITS = [
    (
        "Visite des locaux et rencontre de l’équipe d’accueil.",
        "Bezoek van de lokalen en kennismaking met het onthaalteam.",
        "A tour of the premises and a meeting with the reception team.",
    ),
    (
        "Présentation des permanences sociales et du circuit d’une demande.",
        "Voorstelling van de sociale permanenties en het traject van een aanvraag.",
        "How the social drop-in works and what happens to a request.",
    ),
    (
        "Découverte des activités collectives et échange sur l’orientation.",
        "Kennismaking met de groepsactiviteiten en uitwisseling over doorverwijzing.",
        "The group activities, and a talk about referrals.",
    ),
    (
        "Rencontre avec l’équipe psycho-sociale : quand et comment nous orienter ?",
        "Ontmoeting met het psychosociale team: wanneer en hoe naar ons doorverwijzen?",
        "Meet the psycho-social team: when and how to refer people to us.",
    ),
]
ACCESS = [
    (
        "Rez-de-chaussée accessible en chaise roulante.",
        "Gelijkvloers toegankelijk met rolstoel.",
        "Ground floor, wheelchair accessible.",
    ),
    ("Premier étage sans ascenseur.", "Eerste verdieping zonder lift.", "First floor, no lift."),
    ("", "", ""),
]
TIMES = [("09:30", "10:30"), ("11:00", "12:00"), ("13:30", "14:30"), ("15:00", "16:00")]


def _first_monday(year, month):
    day = dt.date(year, month, 1)
    return day + dt.timedelta(days=(7 - day.weekday()) % 7)


def _services(count):
    south_east = list(
        Service.objects.filter(
            organization__locations__addresses__municipality__basins__code="sud-est",
            organization__locations__is_confidential=False,
        )
        .select_related("organization")
        .distinct()
        .order_by("name")[: count * 2]
    )
    others = list(
        Service.objects.filter(organization__locations__isnull=False)
        .exclude(pk__in=[s.pk for s in south_east])
        .select_related("organization")
        .distinct()
        .order_by("name")[:count]
    )
    chosen, seen = [], set()
    for service in south_east + others:
        if service.organization_id in seen:
            continue
        seen.add(service.organization_id)
        chosen.append(service)
    return chosen[:count]


def _edition(name_fr, name_nl, name_en, monday, *, booking_opens, booking_closes, call_from):
    return Edition.objects.create(
        name=name_fr,
        name_fr=name_fr,
        name_nl=name_nl,
        name_en=name_en,
        starts_on=monday,
        ends_on=monday + dt.timedelta(days=4),
        call_opens_on=call_from,
        call_closes_on=call_from + dt.timedelta(days=45),
        booking_opens_at=booking_opens,
        booking_closes_at=booking_closes,
        max_visits_per_person=3,
        max_slots_per_service=3,
        max_visitors_per_slot=8,
        cancellation_hours=24,
        travel_minutes=30,
    )


def _host(service, professionals):
    for person in professionals:
        if service.organization_id in person.organization_ids():
            return person
    return None


def _enrol(rng, edition, service, professionals, n_slots, status):
    host = _host(service, professionals)
    location = service.organization.locations.filter(is_confidential=False).first()
    participation = Participation.objects.create(
        edition=edition,
        service=service,
        enrolled_by=host,
        host_name=host.get_full_name() if host else f"Accueil {service.organization}",
        host_email=host.email if host else "accueil@maillage.demo",
        host_phone="02 318 60 58",
    )
    if status:
        call.review_participation(
            participation,
            status,
            note="" if status == "validated" else "Merci de proposer moins de créneaux.",
        )
    slots = []
    for day, (start, end) in rng.sample([(d, t) for d in range(5) for t in TIMES], n_slots):
        text, access = rng.choice(VISITS), rng.choice(ACCESS)
        data = {
            "day": edition.starts_on + dt.timedelta(days=day),
            "start_time": dt.time.fromisoformat(start),
            "end_time": dt.time.fromisoformat(end),
            "capacity": rng.choice([2, 3, 3, 4]),
            "languages": ["fr", "nl"] if rng.random() < 0.35 else ["fr"],
            "location": location,
            "description": text[0],
            "description_fr": text[0],
            "description_nl": text[1],
            "description_en": text[2],
            "accessibility": access[0],
            "accessibility_fr": access[0],
            "accessibility_nl": access[1],
            "accessibility_en": access[2],
        }
        slots.append(_save_slot(participation, data))
    return participation, slots


def _save_slot(participation, data):
    # The demo acts as the host; call.save_slot checks membership, so use its inner steps.
    from booking import services as booking_services

    from .models import Slot

    slot = Slot.objects.create(participation=participation, **data)
    slot.resource = booking_services.get_or_create_resource(
        slot.resource_key, capacity=slot.capacity, label=str(slot)
    )
    slot.save(update_fields=["resource"])
    return slot


def _visitors(rng, organizations, professionals, needed):
    """The demo professionals plus extra visitors, so that 131 different people visit."""
    people = list(professionals)
    password = make_password(None)
    extra = []
    for i in range(max(0, needed - len(people))):
        extra.append(
            User(
                email=f"visiteur{i:03d}@maillage.demo",
                first_name=rng.choice(
                    ["Léa", "Jonas", "Sara", "Wout", "Inès", "Bilal", "Marie", "Tom"]
                ),
                last_name=rng.choice(
                    ["Martin", "Declercq", "Haddad", "Vermeulen", "Rossi", "Simon"]
                ),
                function=rng.choice(
                    ["assistant·e social·e", "psychologue", "infirmier·ère", "éducateur·rice"]
                ),
                password=password,
            )
        )
    User.objects.bulk_create(extra)
    extra = list(User.objects.filter(email__startswith="visiteur").order_by("email"))
    Membership.objects.bulk_create(
        [
            Membership(
                user=u,
                organization=organizations[(i * 7 + 3) % len(organizations)],
                status=Membership.Status.ACCEPTED,
            )
            for i, u in enumerate(extra)
        ]
    )
    return people + extra


def _book(rng, slots, person, now):
    for slot in rng.sample(slots, len(slots)):
        if slot.visits.confirmed().count() >= slot.capacity:
            continue
        try:
            return visits.book_visit(slot, person, now=now, notify=False)
        except OpenDoorsError:
            continue
    return None


def _past(rng, context, today):
    year = today.year - 1 if today >= dt.date(today.year, 12, 1) else today.year - 2
    monday = _first_monday(year, 12)
    edition = _edition(
        f"Le grand bain {year}",
        f"De grote duik {year}",
        f"The big dive {year}",
        monday,
        booking_opens=timezone.make_aware(
            dt.datetime.combine(monday - dt.timedelta(days=40), dt.time(9))
        ),
        booking_closes=timezone.make_aware(
            dt.datetime.combine(monday + dt.timedelta(days=4), dt.time(18))
        ),
        call_from=monday - dt.timedelta(days=150),
    )
    professionals = context.get("professionals") or []
    slots = []
    for service in _services(50):
        slots += _enrol(
            rng, edition, service, professionals, rng.choice([3, 3, 4, 5]), "validated"
        )[1]
    people = _visitors(rng, context["organizations"], professionals, 131)[:131]
    now = edition.booking_opens_at + dt.timedelta(days=3)
    made = []
    for person in people:  # 131 people, one visit each
        visit = _book(rng, slots, person, now)
        if visit:
            made.append(visit)
    for person in rng.sample(people, 80):  # second visits up to 182
        if len(made) >= 182:
            break
        visit = _book(rng, slots, person, now)
        if visit:
            made.append(visit)
    # Cancellations (some more made and cancelled, like the real edition)
    for person in rng.sample(people, 26):
        visit = _book(rng, slots, person, now + dt.timedelta(days=1))
        if visit:
            visits.cancel_visit(visit, person, now=now + dt.timedelta(days=5), notify=False)
    after = edition.booking_closes_at + dt.timedelta(hours=1)
    evaluated = 0
    for visit in (
        Visit.objects.confirmed()
        .filter(slot__participation__edition=edition)
        .select_related("slot__participation", "booking")
    ):
        absent = rng.random() < 0.09
        status = Visit.Attendance.ABSENT if absent else Visit.Attendance.PRESENT
        Visit.objects.filter(pk=visit.pk).update(attendance=status)  # recorded by the hosts
        visit.attendance = status
        if not absent and rng.random() < 0.55:
            visits.evaluate(
                visit,
                visit.visitor,
                usefulness=rng.choice([3, 4, 4, 5, 5, 5]),
                will_orient=rng.choice(["yes", "yes", "yes", "maybe", "no"]),
                comment=rng.choice(
                    [
                        "",
                        "",
                        "Très utile pour mieux orienter.",
                        "Équipe accueillante, merci !",
                        "Zeer nuttig.",
                    ]
                ),
                now=after,
            )
            evaluated += 1
    # The past week's e-mails (reminders, evaluation requests) count as sent.
    Visit.objects.filter(slot__participation__edition=edition).update(
        reminded_at=edition.booking_opens_at, evaluation_asked_at=after
    )
    return edition, evaluated


def _coming(rng, context, today):
    target = today + dt.timedelta(days=75)
    monday = target + dt.timedelta(days=(7 - target.weekday()) % 7)
    edition = _edition(
        f"Le grand bain {monday.year}",
        f"De grote duik {monday.year}",
        f"The big dive {monday.year}",
        monday,
        booking_opens=timezone.make_aware(
            dt.datetime.combine(today + dt.timedelta(days=14), dt.time(9))
        ),
        booking_closes=timezone.make_aware(
            dt.datetime.combine(monday + dt.timedelta(days=3), dt.time(18))
        ),
        call_from=today - dt.timedelta(days=30),
    )
    professionals = context.get("professionals") or []
    services = _services(34)
    slots = []
    for i, service in enumerate(services):
        status = "validated" if i < 28 else (None if i < 32 else "changes")
        _p, made = _enrol(
            rng, edition, service, professionals, rng.choice([2, 3, 3]) if i != 30 else 5, status
        )
        if status == "validated":
            slots += made
    wishes.open_wish_round(edition)
    for person in professionals[:45]:
        chosen = rng.sample(slots, rng.randint(2, 5))
        wishes.save_wishes(edition, person, [s.pk for s in chosen])
    return edition


def load(rng, context, stdout=None):
    if not context.get("organizations"):
        return {}
    today = timezone.localdate()
    past, evaluated = _past(rng, context, today)
    coming = _coming(rng, context, today)
    if stdout:
        confirmed = Visit.objects.confirmed().filter(slot__participation__edition=past)
        stdout.write(
            f"  open doors: {past} ({confirmed.count()} visits by "
            f"{confirmed.values('visitor').distinct().count()} professionals, {evaluated} evaluations), "
            f"{coming} with its wish round open"
        )
    return {"opendoors_editions": [past, coming]}
