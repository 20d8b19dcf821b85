"""Asks a signed-in person whose account has no first or last name to complete the profile.

Accounts made before the name was required (by an administrator, a command, an import) would
otherwise stay nameless in registrants lists and e-mails. Like ``privacy.middleware``, it only
redirects a plain page view (GET, not htmx, not API, feeds, static or media files): a form being
posted is never lost. The profile page, the account pages (sign out, password, two-factor), the
privacy pages, the language switch and the picker suggestions are never interrupted. It never
writes anything.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext as _

PASS_PREFIXES = ("/static/", "/media/", "/api/", "/feeds/", "/i18n/")
PASS_NAMESPACES = {"privacy", "admin"}
PASS_URL_NAMES = {"profile", "set_language", "picker"}
PASS_URL_PREFIXES = ("account_", "mfa_")


def needs_name(user) -> bool:
    return bool(
        user is not None
        and user.is_authenticated
        and not (user.first_name.strip() and user.last_name.strip())
    )


class ProfileCompletionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._should_ask(request):
            messages.info(
                request, _("Please complete your profile: your first and last name are needed.")
            )
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('accounts:profile')}?{query}")
        return self.get_response(request)

    def _should_ask(self, request) -> bool:
        if request.method != "GET" or not needs_name(getattr(request, "user", None)):
            return False
        if request.headers.get("HX-Request") or request.path_info.startswith(PASS_PREFIXES):
            return False
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return False
        name = match.url_name or ""
        return not (
            match.namespace in PASS_NAMESPACES
            or name in PASS_URL_NAMES
            or name.startswith(PASS_URL_PREFIXES)
        )
