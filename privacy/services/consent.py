"""Consent to the data policy: every form that collects personal data records the version the
person accepted; a signed-in person whose last accepted version is not the current one is asked
again (``privacy.middleware``).

The session remembers the version already checked, so the check costs one session read per
request and one query per session (or when the version changes).
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType

from ..models import Consent
from ..versions import current_version

SESSION_KEY = "privacy_policy_version"


def record_consent(user=None, context: str = Consent.Context.OTHER, record=None, *, request=None):
    """Record that ``user`` (or the person behind ``record``) accepted the current version."""
    if user is not None and not user.is_authenticated:
        user = None
    consent = Consent.objects.create(
        user=user,
        version=current_version(),
        context=context,
        content_type=ContentType.objects.get_for_model(record) if record is not None else None,
        object_id=str(record.pk) if record is not None else "",
    )
    if request is not None and user is not None and hasattr(request, "session"):
        request.session[SESSION_KEY] = consent.version
    return consent


def accepted_version(user) -> str | None:
    """The last version this account accepted, or None."""
    return (
        Consent.objects.filter(user=user)
        .order_by("-accepted_at", "-pk")
        .values_list("version", flat=True)
        .first()
    )


def ask_unrecorded() -> bool:
    """Ask accounts that never accepted any version (created before consent was recorded, or by
    a coordinator). On by default; the test settings turn it off so that other apps' tests are
    not redirected, and privacy's tests turn it on."""
    return getattr(settings, "PRIVACY_ASK_UNRECORDED", not getattr(settings, "TESTING", False))


def must_accept(request) -> bool:
    """True when the signed-in person must (re)accept the data policy before going on."""
    user = request.user
    current = current_version()
    if request.session.get(SESSION_KEY) == current:
        return False
    accepted = accepted_version(user)
    if accepted == current or (accepted is None and not ask_unrecorded()):
        request.session[SESSION_KEY] = current
        return False
    return True
