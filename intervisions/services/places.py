"""Where a session takes place: the host institution (one of its directory locations), another
address set by a coordinator or a facilitator, or the group's neutral venue.

``session_place`` is what every door shows (the group page, a participant's page, the e-mails,
the .ics): one rule. A confidential location (a shelter) never shows its address: the group is
told that the host gives it (``directory.models.address_may_be_shown``).
"""

from directory.models import address_may_be_shown

from ..errors import IntervisionError
from ..models import Session

#: Length of ``Session.other_address`` and ``access_note``.
MAX_LENGTH = 255


def _chosen_location(session):
    """The host's location chosen for this session, or its first one (public first)."""
    chosen = session.location if session.location_id else None
    if chosen is not None and chosen.organization_id == session.host_id:
        return chosen
    return session.host.locations.prefetch_related("addresses").order_by("is_confidential").first()


def session_place(session) -> dict:
    """What the group sees about the venue: ``name``, ``address`` (unless confidential),
    ``transport``, ``confidential`` and ``kind`` (other, host, neutral)."""
    if session.other_address:
        return {
            "name": session.other_address,
            "address": "",
            "transport": "",
            "confidential": False,
            "kind": "other",
        }
    if session.host_id is None:
        return {
            "name": session.group.neutral_venue,
            "address": "",
            "transport": "",
            "confidential": False,
            "kind": "neutral",
        }
    name = session.host.name
    location = _chosen_location(session)
    if location is None:
        return {"name": name, "address": "", "transport": "", "confidential": False, "kind": "host"}
    if session.location_id == location.pk and location.name and location.name != name:
        name = f"{name} · {location.name}"
    if not address_may_be_shown(location.is_confidential):
        return {"name": name, "address": "", "transport": "", "confidential": True, "kind": "host"}
    address = next(iter(location.addresses.all()), None)
    return {
        "name": name,
        "address": str(address) if address else "",
        "transport": location.transportation,
        "confidential": False,
        "kind": "host",
    }


def set_session_place(
    session: Session, by, *, location=None, other_address: str = "", access_note: str = ""
) -> Session:
    """A coordinator or one of the group's facilitators sets where a session takes place: one
    of the host's locations, or another address (not both); empty: the host's first location,
    or the group's neutral venue."""
    from .calendar import can_manage

    if not can_manage(by, session.group):
        raise IntervisionError("not_allowed")
    other_address = (other_address or "").strip()
    access_note = (access_note or "").strip()
    if location is not None and other_address:
        raise IntervisionError("place_twice")
    if location is not None and (
        session.host_id is None or location.organization_id != session.host_id
    ):
        raise IntervisionError("place_not_host")
    if len(other_address) > MAX_LENGTH or len(access_note) > MAX_LENGTH:
        raise IntervisionError("place_too_long", max=MAX_LENGTH)
    session.location = location
    session.other_address = other_address
    session.access_note = access_note
    session.save(update_fields=["location", "other_address", "access_note"])
    return session
