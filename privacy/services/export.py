"""Everything the platform holds about one person, gathered from every app's ``retention.py``
exporter (``privacy.registry.register_export``): the "My data" download.

Only reads. The result is plain JSON-serialisable data: ``{"generated_at", "policy_version",
"sections": [{"key", "title", "items": [...]}]}``.
"""

from django.utils import timezone

from .. import registry
from ..versions import current_version


def collect(user) -> dict:
    sections = []
    for export in registry.exports():
        items = export.collect(user)
        if isinstance(items, dict):
            items = [items]
        sections.append({"key": export.key, "title": str(export.title), "items": list(items)})
    return {
        "generated_at": timezone.now().isoformat(),
        "policy_version": current_version(),
        "sections": sections,
    }
