"""The versions of the data policy. A new version asks every signed-in person to accept the
policy again at their next visit (``privacy.middleware``).

Add a line at the end when the policy changes. The test ``test_policy_digest`` fails when the
declared retention policy (the ``retention.py`` files) changed without a new version here: it
prints the digest to write. This module never touches the database.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

#: (version, date, what changed, digest of the declared policy)
HISTORY = [
    (
        "2025-1",
        "2025-09-01",
        _("Consent to keep intervision registrations until the end of the cycle."),
        "",
    ),
    (
        "2026-1",
        "2026-12-01",
        _(
            "One policy for the whole platform: every kind of personal data, "
            "its purpose, how long it is kept and what happens after; your "
            "data downloadable and erasable from one page."
        ),
        "9d65ff76c6b153a3",
    ),
    (
        "2026-2",
        "2026-12-02",
        _(
            "The helpdesk requests, the open doors week (visits, wishes, evaluations, "
            "host contacts) and the orientation trees are covered by the policy."
        ),
        "c12d315cd8a92551",
    ),
    (
        "2026-3",
        "2026-12-02",
        _(
            "The copies of the messages that coordinators and organizers send to participants "
            "are covered by the policy (deleted one year after sending)."
        ),
        "7a15562756be47b8",
    ),
]


def current_version() -> str:
    return getattr(settings, "PRIVACY_POLICY_VERSION", None) or HISTORY[-1][0]


def history() -> list[dict]:
    return [{"version": v, "date": d, "summary": s} for v, d, s, _digest in reversed(HISTORY)]
