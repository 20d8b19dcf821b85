"""Demo data for intervisions (called by ``manage.py load_demo``): the cycle of the current
season as in seed 001 (French groups on Monday morning, Tuesday afternoon and Thursday morning, a
Dutch group on Thursday afternoon, each with a social + mental-health facilitator pair, ~40
registrations with ranked preferences), already composed and published with its calendars and
the attendance of the sessions already held; and the free 5-session crisis cycle of seed 003,
open for registration, so that both sides can be tried.

Fast and deterministic: the composition of 40 people takes a few hundredths of a second.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from .models import Attendance, CreditNote, Cycle, Group, InvoiceIssuer, Registration
from .models.issuer import DEFAULT_VAT_MENTION
from .services import attendance as attendance_service
from .services import composition, fees
from .services.calendar import members
from .services.issuer import save_issuer
from .services.registrations import _municipality, policy_version

#: (French name, Dutch name, language of the group, weekday, hour)
SLOTS = [
    ("Lundi matin", "Maandagochtend", "fr", 0, 9),
    ("Mardi après-midi", "Dinsdagnamiddag", "fr", 1, 14),
    ("Jeudi matin", "Donderdagochtend", "fr", 3, 9),
    ("Jeudi après-midi", "Donderdagnamiddag", "nl", 3, 14),
]


def _groups(cycle, facilitators, slots, hours=3):
    made = []
    for i, (name_fr, name_nl, lang, weekday, hour) in enumerate(slots):
        pair = (
            facilitators[(2 * i) % len(facilitators)],
            facilitators[(2 * i + 1) % len(facilitators)],
        )
        made.append(
            Group.objects.create(
                cycle=cycle,
                name_fr=name_fr,
                name_nl=name_nl,
                language=lang,
                weekday=weekday,
                start_time=datetime.time(hour, 0),
                end_time=datetime.time(hour + hours, 0),
                facilitator_social=pair[0],
                facilitator_mental_health=pair[1],
            )
        )
    return made


def load(rng, context, stdout=None):
    facilitators = context.get("facilitators") or []
    professionals = context.get("professionals") or []
    if len(facilitators) < 2:
        return {}
    today = timezone.localdate()
    year = today.year if today.month >= 9 else today.year - 1  # the season under way
    cycle = Cycle.objects.create(
        title_fr=f"Intervisions intersectorielles {year}-{year + 1}",
        title_nl=f"Intersectorale intervisies {year}-{year + 1}",
        season=f"{year}-{year + 1}",
        description_fr=(
            "D'octobre à juin, chaque groupe se réunit mensuellement durant trois heures, "
            "co-animé par un binôme social et santé mentale. Les groupes sont itinérants."
        ),
        description_nl=(
            "Van oktober tot juni komt elke groep maandelijks drie uur samen, begeleid door een "
            "duo uit de sociale sector en de geestelijke gezondheidszorg. De groepen komen "
            "telkens in een andere organisatie samen."
        ),
        start_date=datetime.date(year, 10, 1),
        end_date=datetime.date(year + 1, 6, 30),
        session_count=9,
        fee_member=Decimal("120"),
        fee_non_member=Decimal("150"),
        registration_deadline=datetime.date(year, 9, 30),
        group_min_size=4,
        group_max_size=15,
        status=Cycle.Status.CLOSED,
    )
    groups = _groups(cycle, facilitators, SLOTS)
    french = [g for g in groups if g.language == "fr"]
    dutch = [g for g in groups if g.language == "nl"]
    now = timezone.now()
    made = 0
    for user in professionals[:40]:
        org_ids = list(user.organization_ids())
        if not org_ids:
            continue
        org = (
            next(o for o in context["organizations"] if o.pk == org_ids[0])
            if context.get("organizations")
            else None
        )
        if org is None:
            continue
        language = "nl" if rng.random() < 0.2 else "fr"
        pool = dutch if language == "nl" else list(french)
        rng.shuffle(pool)
        prefs = [g.pk for g in pool[: rng.randint(1, len(pool))]]
        Registration.objects.create(
            cycle=cycle,
            user=user,
            first_name=user.first_name,
            last_name=user.last_name,
            email=user.email,
            function=user.function or "travailleur social",
            organization=org,
            sector=org.sector,
            institution_type=org.legal_status,
            municipality=_municipality(org),
            language=language,
            preferences=prefs,
            is_member=org.is_network_member,
            member_declared=org.is_network_member,
            fee=cycle.fee_for(org.is_network_member),
            commitment=True,
            consent_at=now,
            consent_version=policy_version(),
        )
        made += 1
    _compose_publish_and_attend(rng, cycle, context, today)
    _issuer_and_invoices(cycle, context)
    crisis = Cycle.objects.create(
        title_fr="Intervisions « Traverser la crise »",
        title_nl="Intervisies „Door de crisis heen”",
        season=f"{year + 1}",
        description_fr="Cycle gratuit de 5 séances de 2 heures, en groupes fermés de 15 personnes.",
        description_nl="Gratis cyclus van 5 sessies van 2 uur, in gesloten groepen van 15 personen.",
        start_date=datetime.date(year + 1, 1, 1),
        end_date=datetime.date(year + 1, 5, 31),
        session_count=5,
        session_minutes=120,
        fee_member=Decimal("0"),
        fee_non_member=Decimal("0"),
        registration_deadline=datetime.date(year, 12, 20),
        group_min_size=5,
        group_max_size=15,
        status=Cycle.Status.OPEN,
    )
    _groups(
        crisis,
        facilitators,
        [("Crise A", "Crisis A", "fr", 2, 9), ("Crise B", "Crisis B", "fr", 4, 14)],
        hours=2,
    )
    if stdout is not None:
        stdout.write(f"  2 intervision cycles, {len(groups) + 2} groups, {made} registrations")
    return {"intervision_cycles": [cycle, crisis]}


def _issuer_and_invoices(cycle, context) -> None:
    """The network's coordinating body as invoice issuer, the cycle's invoices (a few paid, one
    cancelled by a credit note), as a coordinator would."""
    coordinators = context.get("coordinators") or []
    if not coordinators:
        return
    coordinator = coordinators[0]
    save_issuer(
        InvoiceIssuer(
            name="Smes Connect asbl",
            address="Rue du Marché aux Herbes 105\n1000 Bruxelles",
            enterprise_number="0403.170.701",
            iban="BE48 3200 7018 4927",
            bic="BBRUBEBB",
            vat_mention_fr=DEFAULT_VAT_MENTION["fr"],
            vat_mention_nl=DEFAULT_VAT_MENTION["nl"],
            vat_mention_en=DEFAULT_VAT_MENTION["en"],
            payment_days=30,
            email="factures@example.org",
        ),
        coordinator,
    )
    invoices = fees.issue_invoices(cycle, coordinator)
    for invoice in invoices[:5]:
        fees.mark_paid(invoice, coordinator)
    if len(invoices) > 6:
        fees.credit(invoices[6], CreditNote.Reason.ERROR, coordinator)


def _compose_publish_and_attend(rng, cycle, context, today) -> None:
    """Compose and publish like a coordinator would, then fill the sheets of past sessions."""
    coordinators = context.get("coordinators") or []
    if not coordinators:
        return
    coordinator = coordinators[0]
    composition.compose_cycle(cycle, coordinator, limit=2.0)
    composition.publish(cycle, coordinator)
    statuses = [Attendance.Status.PRESENT] * 8 + [
        Attendance.Status.EXCUSED,
        Attendance.Status.ABSENT,
    ]
    for group in cycle.groups.filter(cancelled=False):
        people = members(group)
        for session in group.sessions.filter(date__lt=today).order_by("date"):
            sheet = {person.pk: rng.choice(statuses) for person in people}
            attendance_service.record_attendance(session, sheet, coordinator)
