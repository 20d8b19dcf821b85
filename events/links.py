"""Absolute links for e-mails and feeds, and signed tokens (cancellation, personal feed).

Tokens are signed with django.core.signing (SECRET_KEY); they carry ids, never personal data.
"""

from django.core import signing
from django.urls import reverse
from django.utils import translation

from core.links import absolute_url

CANCEL_SALT = "events.registration.cancel"
FEED_SALT = "events.personal-feed"


def cancel_token(registration) -> str:
    return signing.dumps({"r": registration.pk, "e": registration.email}, salt=CANCEL_SALT)


def read_cancel_token(token: str) -> dict | None:
    try:
        return signing.loads(token, salt=CANCEL_SALT)
    except signing.BadSignature:
        return None


def cancel_url(registration) -> str:
    with translation.override(registration.language or "fr"):
        path = reverse("events:cancel_by_token", args=[cancel_token(registration)])
    return absolute_url(path)


def feed_token(user) -> str:
    return signing.dumps(user.pk, salt=FEED_SALT, compress=True)


def read_feed_token(token: str):
    try:
        return signing.loads(token, salt=FEED_SALT)
    except signing.BadSignature:
        return None


def personal_feed_url(user) -> str:
    return absolute_url(reverse("events_feeds:personal", args=[feed_token(user)]))
