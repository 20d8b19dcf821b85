"""Permission checks of the apps' views: the one implementation lives in ``core.permissions``
(the lowest layer, usable by core itself); this module keeps the name the apps import."""

from core.permissions import coordinator_required

__all__ = ["coordinator_required"]
