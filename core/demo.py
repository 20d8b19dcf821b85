"""Demo data of the platform: two-factor authentication for the demo coordinators.

Coordinators must use two-factor authentication. Outside production, the demo coordinators get
an authenticator app with one published secret (``DEMO_TOTP_SECRET``, fictional data only), so a
visitor of ``bin/run`` can sign in: add the secret to any authenticator app, or print the current
code with ``manage.py demo_totp``. Never in production: there every coordinator sets up their
own authenticator at first login.
"""

from django.apps import apps
from django.conf import settings

#: Published in README.md; only ever given to demo accounts, never in production.
DEMO_TOTP_SECRET = "MAILLAGEDEMOTWOFACTORSECRETCODES"  # noqa: S105 - public demo secret


def demo_totp_code() -> str:
    import time

    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    return format_hotp_value(hotp_value(DEMO_TOTP_SECRET, int(time.time()) // 30))


def load(rng, context, stdout=None) -> None:
    if getattr(settings, "PRODUCTION", False):
        return
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP

    User = apps.get_model("accounts", "User")  # core never imports accounts (layers)
    coordinators = User.objects.filter(email__endswith="@maillage.demo").filter(
        role=User.Role.COORDINATOR
    )
    for user in coordinators:
        if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            TOTP.activate(user, DEMO_TOTP_SECRET)
    if stdout is not None:
        stdout.write(
            f"  two-factor authentication: demo coordinators use the TOTP secret "
            f"{DEMO_TOTP_SECRET} (current code: manage.py demo_totp)"
        )
