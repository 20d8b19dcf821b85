"""Reading query parameters of the pages: a bad value is a 400 with a clear message, never 500.

``BadParameter`` is a ``SuspiciousOperation``: Django answers it with the 400 page
(``core.error_pages.bad_request``) in the visitor's language. This module only parses.
"""

from django.core.exceptions import SuspiciousOperation
from django.utils.translation import gettext as _

#: Ids are positive 64-bit integers in every database the platform runs on.
MAX_ID = 2**63 - 1


class BadParameter(SuspiciousOperation):
    pass


def id_param(request, name: str, *, posted: bool = False) -> int:
    """The integer id in ``request.GET[name]`` (``request.POST`` with ``posted``), or a 400
    naming the parameter."""
    raw = (request.POST if posted else request.GET).get(name, "").strip()
    if not (raw.isascii() and raw.isdigit()) or not 0 < int(raw) <= MAX_ID:
        raise BadParameter(
            _("The parameter “%(name)s” must be an identifier (a number).") % {"name": name}
        )
    return int(raw)


def id_list_param(request, name: str, *, posted: bool = True, limit: int = 1000) -> list[int]:
    """Every integer id of ``request.POST.getlist(name)`` (``GET`` without ``posted``), in the
    order given, or a 400 naming the parameter when one is not an id or there are too many."""
    values = (request.POST if posted else request.GET).getlist(name)
    if len(values) > limit:
        raise BadParameter(_("Too many values for the parameter “%(name)s”.") % {"name": name})
    ids = []
    for raw in values:
        raw = raw.strip()
        if not (raw.isascii() and raw.isdigit()) or not 0 < int(raw) <= MAX_ID:
            raise BadParameter(
                _("The parameter “%(name)s” must be an identifier (a number).") % {"name": name}
            )
        ids.append(int(raw))
    return ids
