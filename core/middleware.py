"""Platform middleware: the coordinators' two-factor gate and the database-unavailable page.

Middleware here only decides and redirects or renders; it never writes to the database.
"""

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.shortcuts import redirect
from django.urls import Resolver404, resolve

from .error_pages import database_unavailable

#: What a coordinator without two-factor authentication may still open: setting it up, the
#: account pages it needs (login, logout, re-authentication, e-mail confirmation), the language
#: switch. Static files are served before this middleware runs.
MFA_EXEMPT_PREFIXES = ("mfa_", "account_")
MFA_EXEMPT_NAMES = {"set_language"}


class CoordinatorMFAMiddleware:
    """A signed-in coordinator without an authenticator is sent to the page that activates one
    before any other page opens (coordinator pages, the admin, everything else)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            settings.MAILLAGE_COORDINATOR_MFA
            and user is not None
            and user.is_authenticated
            and user.is_coordinator
            and not _exempt(request.path_info)
            and not _has_mfa(user)
        ):
            return redirect("mfa_activate_totp")
        return self.get_response(request)


def _exempt(path: str) -> bool:
    if path.startswith(("/" + settings.STATIC_URL.strip("/") + "/", "/favicon")):
        return True
    try:
        match = resolve(path)
    except Resolver404:
        return True  # a 404 page reveals nothing
    name = match.url_name or ""
    return name.startswith(MFA_EXEMPT_PREFIXES) or name in MFA_EXEMPT_NAMES


def _has_mfa(user) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class DatabaseUnavailableMiddleware:
    """A lost database connection (restart, failover, killed backend) gives a clear 503 page in
    the visitor's language, saying nothing was saved, instead of a 500. The transaction was
    rolled back by the database; the broken connection is closed so the next request opens a
    fresh one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        if not _connection_lost(exception):
            return None
        connection.close_if_unusable_or_obsolete()
        if connection.connection is not None and not connection.is_usable():
            connection.close()
        return database_unavailable(request)


def _connection_lost(exception: DatabaseError) -> bool:
    if isinstance(exception, InterfaceError):
        return True
    text = str(exception).lower()
    markers = (
        "terminating connection",
        "server closed the connection",
        "connection already closed",
        "connection is closed",
        "could not connect",
        "connection refused",
        "the connection is lost",
        "consuming input failed",
        "connection to server",
    )
    return any(marker in text for marker in markers)
