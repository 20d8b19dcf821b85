"""The read audit: one call records that someone read or exported a list of people.

``log_read(request, "event_registrants", event, fmt="csv")`` writes who (the signed-in account),
when, which list, of which object and in which format. It never copies the list itself: no name,
no e-mail, no row count of people. Views call it with one line; it never raises (an audit failure
must not hide the page: it is logged as an error instead).
"""

import logging

from django.contrib.contenttypes.models import ContentType

from .models import ReadLog

logger = logging.getLogger(__name__)

#: Readable names of the lists, for the coordinators' page (codes stay stable in the log).
LISTS: dict[str, str] = {}


def log_read(request, list_name: str, obj=None, *, fmt: str = ReadLog.Format.PAGE) -> None:
    user = getattr(request, "user", None)
    try:
        ReadLog.objects.create(
            reader=user if user is not None and user.is_authenticated else None,
            list_name=list_name[:60],
            fmt=fmt,
            content_type=ContentType.objects.get_for_model(obj) if obj is not None else None,
            object_id=str(obj.pk) if obj is not None else "",
            object_label=str(obj)[:255] if obj is not None else "",
            path=request.path[:255],
        )
    except Exception:  # noqa: BLE001 - the page must still open; the failure is logged
        logger.exception("read audit failed for %s", list_name)
