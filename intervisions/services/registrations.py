"""Registering for a cycle, withdrawing, and the signed links of a registration's page and feed.

Never trusts the form alone: every rule (deadline, double registration, chosen groups, consent)
is checked again here, inside the transaction.
"""

from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone

from directory.models import Sector
from directory.services import propose_organization

from .. import seats
from ..errors import IntervisionError
from ..models import Registration
from . import notifications

PAGE_SALT = "intervisions.registration"
FEED_SALT = "intervisions.feed"


def policy_version() -> str:
    from privacy.versions import current_version

    return current_version()


def page_token(registration) -> str:
    """A stable signed link (no timestamp: the link in the first e-mail keeps working)."""
    return signing.Signer(salt=PAGE_SALT).sign(str(registration.pk))


def feed_token(registration) -> str:
    return signing.Signer(salt=FEED_SALT).sign(str(registration.pk))


def registration_from_token(token: str, *, feed: bool = False) -> Registration | None:
    try:
        pk = int(signing.Signer(salt=FEED_SALT if feed else PAGE_SALT).unsign(token))
    except (signing.BadSignature, ValueError):
        return None
    return (
        Registration.objects.select_related("cycle", "group", "organization")
        .filter(pk=pk, anonymised_at__isnull=True)
        .first()
    )


def _municipality(organization):
    from directory.models import Address

    address = (
        Address.objects.filter(location__organization=organization, municipality__isnull=False)
        .order_by("location__is_confidential")
        .first()
    )
    return address.municipality if address else None


def _check_preferences(cycle, language: str, preferences: list[int]) -> list[int]:
    if not preferences:
        raise IntervisionError("no_preferences")
    if len(set(preferences)) != len(preferences):
        raise IntervisionError("duplicate_preference")
    groups = {g.pk: g for g in cycle.groups.all()}
    for pk in preferences:
        group = groups.get(pk)
        if group is None:
            raise IntervisionError("unknown_group")
        if group.cancelled:
            raise IntervisionError("group_cancelled", group=group.name)
        if group.language != language:
            raise IntervisionError("other_language", group=group.name)
    return list(preferences)


def register(
    cycle,
    *,
    first_name: str,
    last_name: str,
    email: str,
    function: str,
    sector: str,
    language: str,
    preferences: list[int],
    commitment: bool,
    consent: bool,
    organization=None,
    proposed_organization: dict | None = None,
    member_declared: bool = False,
    phone: str = "",
    user=None,
    today=None,
) -> Registration:
    """Register a professional; sends the confirmation. Raises IntervisionError."""
    if not cycle.accepts_registrations(today):
        raise IntervisionError("registration_closed")
    if not commitment:
        raise IntervisionError("no_commitment")
    if not consent:
        raise IntervisionError("no_consent")
    if sector not in Sector.values:
        raise IntervisionError("no_sector")
    email = (email or "").strip().lower()
    preferences = _check_preferences(cycle, language, [int(p) for p in preferences])
    if organization is None and not (proposed_organization or {}).get("name"):
        raise IntervisionError("no_institution")
    with transaction.atomic():
        if cycle.registrations.active().personal().filter(email=email).exists():
            raise IntervisionError("already_registered", email=email)
        if organization is None:
            fields = {"name": proposed_organization["name"], "sector": sector}
            fields["name_fr"] = fields["name"]
            owner = user if user is not None and user.is_authenticated else None
            organization = propose_organization(owner, **fields)
        is_member = bool(organization.is_network_member)
        registration = Registration(
            cycle=cycle,
            user=user if user is not None and user.is_authenticated else None,
            first_name=first_name.strip(),
            last_name=last_name.strip(),
            email=email,
            phone=phone.strip(),
            function=function.strip(),
            organization=organization,
            sector=sector,
            institution_type=organization.legal_status or "",
            municipality=_municipality(organization),
            language=language,
            preferences=preferences,
            member_declared=member_declared,
            is_member=is_member,
            fee=cycle.fee_for(is_member),
            commitment=True,
            consent_at=timezone.now(),
            consent_version=policy_version(),
        )
        try:
            with transaction.atomic():
                registration.save()
        except IntegrityError as error:  # two submits at once: the partial unique index decides
            raise IntervisionError("already_registered", email=email) from error
    notifications.send(registration, "registered")
    return registration


def withdraw(registration) -> Registration | None:
    """The person leaves the cycle; their seat goes to the first person waiting (returned)."""
    from .calendar import forget_member

    if registration.status not in (Registration.Status.PENDING, Registration.Status.ACCEPTED):
        raise IntervisionError("not_active")
    promoted_registration = None
    with transaction.atomic():
        group = registration.group
        _cancelled, promoted = seats.release(registration)
        registration.transition(Registration.Status.WITHDRAWN)
        registration.withdrawn_at = timezone.now()
        registration.group = None
        registration.pinned = False
        registration.save(update_fields=["status", "withdrawn_at", "group", "pinned"])
        if group is not None:
            forget_member(group, registration)
        if promoted is not None:
            promoted_registration = _seat_given(promoted)
    notifications.send(registration, "withdrawn")
    if promoted_registration is not None:
        notifications.send_group(promoted_registration, "promoted")
    return promoted_registration


def _seat_given(booking) -> Registration:
    """A waiting registration got a seat: it joins the group (and its rota)."""
    from .calendar import welcome_member

    registration = Registration.objects.select_related("cycle").get(pk=booking.holder_id)
    registration.group_id = seats.group_of(booking)
    registration.transition(Registration.Status.ACCEPTED)
    registration.reason_code = "waiting_list"
    registration.save(update_fields=["group", "status", "reason_code"])
    welcome_member(registration.group, registration)
    return registration
