"""Error pages in the visitor's language (400, 403, 404, 500, and 503 when the database is away).

Never Django's technical page once DEBUG is off. The 500 and 503 pages render a standalone
template with no database access (the failure may be the database itself). This module only
renders: it never logs nor retries anything.
"""

from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext as _


def bad_request(request, exception=None, message: str = ""):
    from .params import BadParameter

    if not message and isinstance(exception, BadParameter):
        message = str(exception)
    return render(request, "errors/400.html", {"message": message}, status=400)


def permission_denied(request, exception=None):
    return render(request, "errors/403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "errors/404.html", status=404)


def server_error(request):
    html = loader.get_template("errors/500.html").render({"title": _("Something went wrong")})
    return HttpResponseServerError(html)


def database_unavailable(request):
    html = loader.get_template("errors/500.html").render(
        {
            "title": _("The service is momentarily unavailable"),
            "detail": _(
                "We could not reach the database. What you were doing was not saved: "
                "nothing was half-recorded. Please try again in a moment."
            ),
        }
    )
    response = HttpResponse(html, status=503)
    response["Retry-After"] = "30"
    return response
