"""The retention job: apply every declared policy that has an action, and record what it did.

Each policy runs in its own transaction: one that fails is recorded in the run's errors and the
others still run (a bad row in one app must not keep every other app's data forever). The run is
written to ``privacy.RetentionRun`` and to the ``privacy.retention`` logger (counts only).
"""

import logging

from django.db import transaction
from django.utils import timezone

from .. import registry
from ..models import RetentionRun

logger = logging.getLogger("privacy.retention")


def apply_retention(*, now=None, dry_run: bool = False) -> RetentionRun:
    now = now or timezone.now()
    run = RetentionRun.objects.create(dry_run=dry_run)
    for policy in registry.policies():
        if policy.apply is None:
            continue
        try:
            with transaction.atomic():
                count = policy.apply(now, dry_run)
        except Exception as error:  # noqa: BLE001 - recorded, the other policies still run
            logger.exception("retention policy %s failed", policy.key)
            run.errors[policy.key] = f"{type(error).__name__}: {error}"[:500]
            continue
        run.results[policy.key] = int(count)
        if count:
            logger.info(
                "%s %s: %s row(s)", "would treat" if dry_run else "treated", policy.key, count
            )
    run.finished_at = timezone.now()
    run.save(update_fields=["results", "errors", "finished_at"])
    return run


def schedule(*, now=None) -> list[dict]:
    """What the job will treat, and when, policy by policy (for the coordinators' page)."""
    now = now or timezone.now()
    rows = []
    for policy in registry.policies():
        if policy.schedule is None:
            continue
        upcoming = policy.schedule(now)
        rows.append(
            {
                "policy": policy,
                "next_run": [u for u in upcoming if u.due is None],
                "later": sorted((u for u in upcoming if u.due is not None), key=lambda u: u.due),
                "total": sum(u.count for u in upcoming),
            }
        )
    return rows
