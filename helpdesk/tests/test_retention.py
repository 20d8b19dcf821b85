"""Retention: the free text goes after 90 days (configurable), the classification stays."""

import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from helpdesk.models import FREE_TEXT_FIELDS, HelpRequest
from helpdesk.watch_stats import Filters, compute

from .factories import make_request

pytestmark = pytest.mark.django_db


def finished(days_ago, status="answered", **fields):
    item = make_request(
        status=status,
        tried_text="Le CPAS a été contacté.",
        answer_when="lundi",
        answer_text="Voici deux services.",
        gap_description="Rien pour ce public." if status == "no_solution" else "",
        waiting_hours=6.5,
        **fields,
    )
    when = timezone.now() - dt.timedelta(days=days_ago)
    HelpRequest.objects.filter(pk=item.pk).update(finished_at=when, answered_at=when)
    return item


def test_purge_deletes_the_free_text_and_keeps_the_statistics():
    old = finished(91, need="housing", public="families")
    gap = finished(120, status="no_solution", need="mental_health")
    recent = finished(30)
    still_open = make_request(status="in_progress")
    today = timezone.localdate()
    before = compute(
        Filters(start=today.replace(day=1) - dt.timedelta(days=400), end=today.replace(day=1))
    )
    out = io.StringIO()
    call_command("purge_helpdesk_requests", stdout=out)
    assert "2" in out.getvalue()
    old.refresh_from_db()
    gap.refresh_from_db()
    for item in (old, gap):
        assert all(getattr(item, name) == "" for name in FREE_TEXT_FIELDS)
        assert item.purged_at is not None
    # the classification stays
    assert (old.need, old.public, old.municipality.nis_code, old.waiting_hours) == (
        "housing",
        "families",
        "21005",
        6.5,
    )
    assert old.status == "closed"  # answered and never closed: the purge closes it
    assert gap.status == "no_solution"
    recent.refresh_from_db()
    still_open.refresh_from_db()
    assert recent.situation and recent.answer_text and recent.purged_at is None
    assert still_open.situation and still_open.purged_at is None
    after = compute(Filters(start=before.filters.start, end=before.filters.end))
    assert after.totals["requests"] == before.totals["requests"]


def test_retention_is_configurable(settings):
    settings.HELPDESK_RETENTION_DAYS = 10
    item = finished(11)
    call_command("purge_helpdesk_requests", stdout=io.StringIO())
    item.refresh_from_db()
    assert item.situation == ""
    other = finished(5)
    call_command("purge_helpdesk_requests", "--days", "3", stdout=io.StringIO())
    other.refresh_from_db()
    assert other.situation == ""


def test_purge_refuses_a_negative_number_of_days():
    with pytest.raises(CommandError):
        call_command("purge_helpdesk_requests", "--days", "-1", stdout=io.StringIO())
