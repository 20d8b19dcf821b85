"""Asks a signed-in person to accept the data policy again when its version changed.

Runs after the authentication middleware. Cheap on every request: anonymous visitors and requests
that are not a plain page view (POST, htmx, API, feeds, static and media files) pass straight
through; for the others, one session read, and one query per session or per new version
(``privacy.services.consent.must_accept``). Pages needed to accept, read the policy, download or
erase one's data, sign out or change language are never interrupted. A form being posted is never
redirected: nothing typed is lost.
"""

from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import Resolver404, resolve

from .services.consent import must_accept

PASS_PREFIXES = ("/static/", "/media/", "/api/", "/feeds/", "/i18n/")
PASS_NAMESPACES = {"privacy"}
PASS_URL_NAMES = {"account_logout", "account_login", "account_reauthenticate"}


class ConsentMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._should_ask(request):
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{_accept_url()}?{query}")
        return self.get_response(request)

    def _should_ask(self, request) -> bool:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or request.method != "GET":
            return False
        if request.headers.get("HX-Request") or request.path_info.startswith(PASS_PREFIXES):
            return False
        if not must_accept(request):
            return False
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return False
        return match.namespace not in PASS_NAMESPACES and match.url_name not in PASS_URL_NAMES


def _accept_url() -> str:
    from django.urls import reverse

    return reverse("privacy:accept")
