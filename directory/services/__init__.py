"""Directory use cases: the only code that writes directory rows. Every write also records the
field-by-field change log (HSDS metadata) and keeps the search index in sync.

- ``organizations``: propose, edit, moderate organizations;
- ``sheets``: create, edit, verify services, hours, phones; error reports;
- ``freshness``: stale sheets and their reminders;
- ``changes``: the change log helper.
"""

from .changes import record_changes
from .errors import DirectoryError
from .freshness import remind_stale_sheets
from .imports import ImportReport, apply_import
from .organizations import (
    can_edit_organization,
    propose_organization,
    set_status,
    update_organization,
)
from .places import save_location
from .sheets import (
    can_edit_service,
    close_error_report,
    create_service,
    report_error,
    set_service_publication,
    update_service,
    verify_service,
)

__all__ = [
    "ImportReport",
    "apply_import",
    "DirectoryError",
    "can_edit_organization",
    "can_edit_service",
    "close_error_report",
    "create_service",
    "propose_organization",
    "record_changes",
    "remind_stale_sheets",
    "report_error",
    "save_location",
    "set_service_publication",
    "set_status",
    "update_organization",
    "update_service",
    "verify_service",
]
