"""A small network for the permission matrix: one of each kind of object every URL needs, and
the six kinds of visitor (see permission_rules.py)."""

import datetime
from dataclasses import dataclass, field

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from accounts.models import Membership, User
from directory.models import ErrorReport, ThesaurusEntry
from directory.services.searches import save_entry
from directory.tests.factories import make_service, term_ids
from events import links as event_links
from events import services as event_services
from events.models import Action, EventOption, SubGroup
from events.tests.factories import EventFactory, SeriesFactory, in_days
from helpdesk.tests.factories import make_request
from intervisions import services as intervision_services
from intervisions.models import CreditNote, Cycle, Group, Invoice, Session
from maillage.testing.factories import MembershipFactory, OrganizationFactory, UserFactory
from opendoors.models import Participation
from opendoors.services import call as opendoors_call
from opendoors.services.visits import book_visit
from opendoors.tests import factories as opendoors_factories
from orientation.models import Tree
from orientation.services import trees as orientation_trees
from orientation.views.paths import NO_RECORD

ROLES = ("anonymous", "professional", "other_member", "org_admin", "facilitator", "coordinator")


@dataclass
class Scenario:
    users: dict = field(default_factory=dict)
    #: name -> URL keyword arguments
    kwargs: dict = field(default_factory=dict)
    #: name -> form data of a POST (permission_rules: ``post="name"``)
    data: dict = field(default_factory=dict)


def build(tmp_media) -> Scenario:
    s = Scenario()
    org = OrganizationFactory(name="Service social Alpha")
    other_org = OrganizationFactory(name="Maison médicale Beta")
    admin = MembershipFactory(organization=org, is_admin=True).user
    other = MembershipFactory(organization=other_org).user
    professional = UserFactory()
    facilitator = UserFactory(role=User.Role.FACILITATOR)
    coordinator = UserFactory(role=User.Role.COORDINATOR)  # with MFA (factories)
    s.users = {
        "anonymous": None,
        "professional": professional,
        "other_member": other,
        "org_admin": admin,
        "facilitator": facilitator,
        "coordinator": coordinator,
    }
    service = make_service(organization=org, name_fr="Permanence sociale")
    location = org.locations.first()
    error_report = ErrorReport.objects.create(organization=org, message="Mauvais numéro")
    request = Membership.objects.create(
        user=professional, organization=org, status=Membership.Status.PENDING
    )

    # Events: a published event organized by the admin's organization, with a report.
    series = SeriesFactory(organizer=org)
    event = EventFactory(organizer=org, series=series, starts_at=in_days(5), capacity=30)
    EventOption.objects.create(event=event, label_fr="Lunch", capacity=10)
    SubGroup.objects.create(event=event, name="Table 1", capacity=8)
    registration = event_services.register(
        event, name="Invitée", email="invitee@example.org", organization=other_org, consent=True
    )
    event_services.register(event, user=other, consent=True)
    report = event_services.save_report(event, "<p>Compte rendu</p>", user=coordinator)
    attachment = event_services.add_attachment(
        report,
        title="Support",
        file=SimpleUploadedFile("support.pdf", b"%PDF-1.4\n%%EOF\n"),
        user=coordinator,
    )
    expectation = event_services.add_expectation(event, "Une cartographie", user=coordinator)
    action = event_services.save_action(
        Action(title="Répertoire", owner_organization=org), [expectation], user=coordinator
    )

    # Intervisions: an open cycle, a group facilitated by the facilitator, one registration
    # with a session and an invoice.
    year = datetime.date.today().year + 1
    cycle = Cycle.objects.create(
        title="Intervisions",
        season=f"{year}-{year + 1}",
        start_date=datetime.date(year, 10, 1),
        end_date=datetime.date(year + 1, 6, 30),
        session_count=9,
        registration_deadline=datetime.date(2099, 9, 20),
        group_min_size=1,
        group_max_size=8,
        status=Cycle.Status.OPEN,
    )
    group = Group.objects.create(
        cycle=cycle,
        name="Lundi matin",
        language="fr",
        weekday=0,
        start_time=datetime.time(9, 0),
        end_time=datetime.time(12, 0),
        facilitator_social=facilitator,
        facilitator_mental_health=UserFactory(role=User.Role.FACILITATOR),
    )
    member = intervision_services.register(
        cycle,
        first_name="Amina",
        last_name="Test",
        email="amina@example.org",
        function="assistante sociale",
        sector="social",
        language="fr",
        preferences=[group.pk],
        commitment=True,
        consent=True,
        organization=other_org,
    )
    second = intervision_services.register(
        cycle,
        first_name="Bram",
        last_name="Test",
        email="bram@example.org",
        function="psycholoog",
        sector="mental_health",
        language="fr",
        preferences=[group.pk],
        commitment=True,
        consent=True,
        organization=org,
    )
    for person in (member, second):
        person.group = group
        person.save(update_fields=["group"])
    session = Session.objects.create(group=group, number=1, date=datetime.date(year, 10, 5))
    invoice = Invoice.objects.create(
        registration=member,
        year=year,
        sequence=1,
        billed_to=other_org.name,
        amount=90,
        issued_on=timezone.localdate(),
    )
    credit_note = CreditNote.objects.create(
        invoice=Invoice.objects.create(
            registration=second,
            year=year,
            sequence=2,
            billed_to=org.name,
            amount=90,
            issued_on=timezone.localdate(),
        ),
        year=year,
        sequence=1,
        amount=90,
        issued_on=timezone.localdate(),
        reason=CreditNote.Reason.ERROR,
    )
    token = intervision_services.page_token(member)

    # Directory: a thesaurus entry.
    thesaurus = save_entry(
        ThesaurusEntry(words="matrice des droits", language="fr"), term_ids("theme:housing")
    )

    # Helpdesk: a request by the member of the other organization.
    help_request = make_request(requester=other, status="answered", answered_at=timezone.now())

    # Orientation: a draft of the housing path, for its editor.
    draft = orientation_trees.start_draft(coordinator, Tree.objects.get(need="housing"))
    leaf = draft.nodes.exclude(code=draft.root).order_by("code").first()

    # Open doors: an edition, the admin's service hosts a slot the other member booked.
    edition = opendoors_factories.edition()
    participation = Participation.objects.create(
        edition=edition,
        service=service,
        enrolled_by=admin,
        host_name="Hôte",
        host_email="hote@example.org",
    )
    opendoors_call.review_participation(participation, Participation.Status.VALIDATED)
    participation.refresh_from_db()
    participation.place, participation.host = location, admin
    slot = opendoors_factories.slot(participation, capacity=5)
    visit = book_visit(slot, other, notify=False)
    empty_slot = opendoors_factories.slot(participation, start="14:00", end="15:00")

    s.kwargs = {
        "none": {},
        "org": {"pk": org.pk},
        "org_pair": {"pk": org.pk, "other_pk": other_org.pk},
        "location": {"pk": org.pk, "location_pk": location.pk},
        "org_service": {"pk": org.pk, "service_pk": service.pk},
        "service": {"pk": service.pk},
        "error_report": {"pk": error_report.pk},
        "request": {"pk": request.pk, "decision": "accept"},
        "event": {"pk": event.pk},
        "event_export": {"pk": event.pk, "fmt": "csv"},
        "event_registration": {"pk": event.pk, "registration_pk": registration.pk},
        "attachment": {"pk": event.pk, "attachment_pk": attachment.pk},
        "series": {"pk": series.pk},
        "expectation": {"pk": expectation.pk},
        "action": {"pk": action.pk},
        "month": {"year": year, "month": 3},
        "cancel_token": {"token": event_links.cancel_token(registration)},
        "event_type": {"code": event.event_type.code},
        "event_feed": {"token": event_links.feed_token(other)},
        "cycle": {"pk": cycle.pk},
        "cycle_export": {"pk": cycle.pk, "fmt": "csv"},
        "cycle_group": {"cycle_pk": cycle.pk, "pk": group.pk},
        "new_group": {"cycle_pk": cycle.pk},
        "group": {"pk": group.pk},
        "session": {"pk": session.pk},
        "intervision_token": {"token": token},
        "intervision_feed": {"token": intervision_services.feed_token(member)},
        "intervision_registration": {"pk": member.pk},
        "invoice": {"pk": invoice.pk},
        "credit_note": {"pk": credit_note.pk},
        "hsds_service": {"id": service.pk},
        "hsds_organization": {"id": org.pk},
        "email_key": {"key": "bogus-key"},
        "reset_key": {"uidb36": "1", "key": "set-password"},
        "thesaurus": {"pk": thesaurus.pk},
        "need": {"need": "housing"},
        "node": {"need": "housing", "code": leaf.code},
        "orientation_open": {"token": NO_RECORD, "service_id": service.pk},
        "help_request": {"pk": help_request.pk},
        "slot": {"pk": slot.pk},
        "empty_slot": {"pk": empty_slot.pk},
        "participation": {"pk": participation.pk},
        "participation_slot": {"pk": participation.pk, "slot_pk": slot.pk},
        "visit": {"pk": visit.pk},
        "opendoors_chart": {"name": "by-day"},
        "opendoors_export": {"what": "bookings", "fmt": "csv"},
        "watch_chart": {"name": "monthly"},
        "picker_source": {"source": "organizations"},
    }
    s.data = {
        "swap": {"a": member.pk, "b": second.pk},
        "accept_registration": {"action": "accepted"},
        "bulk_accept": {"registration": member.pk},
        "helped": {"helped": "yes"},
        "take": {"action": "take"},
        "publish_draft": {"action": "publish"},
    }
    return s
