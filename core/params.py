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
