"""Helpers shared by the intervisions views: permissions and file responses."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse

from ..models import Attendance


def coordinator_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.is_coordinator:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


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
