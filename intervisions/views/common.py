"""Helpers shared by the intervisions views: file responses and attendance counts (permission
checks come from accounts.permissions)."""

from django.http import HttpResponse

from ..models import Attendance


def file_response(content, filename: str, content_type: str, *, inline: bool = False):
    response = HttpResponse(content, content_type=content_type)
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def attended(registration) -> tuple[int, int]:
    """(sessions attended, sessions of the group)."""
    if registration.group_id is None:
        return 0, 0
    present = registration.attendances.filter(status=Attendance.Status.PRESENT).count()
    return present, registration.group.sessions.count()
