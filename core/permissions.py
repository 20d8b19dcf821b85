"""Permission checks shared by every app's views: who may open a page.

Only decides; never writes. It lives in core, the lowest layer, so that every app (core
included) can use it; ``accounts.permissions`` re-exports it.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied


def coordinator_required(view):
    """The page is for network coordinators: anonymous visitors are sent to the login page,
    other signed-in people get a 403."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.is_coordinator:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper
