"""The copies of messages are deleted a year after sending; an erased account is no longer
named as their sender; "My data" lists what a person sent."""

import datetime

import pytest
from django.utils import timezone

from messaging import retention, services
from messaging.models import Message
from privacy import registry

pytestmark = pytest.mark.django_db


def _policy():
    return next(p for p in registry.policies() if p.model == "messaging.Message")


def _sent(coordinator, event, token, days_ago):
    message, _created = services.send_message(
        coordinator, event, "event_registrants", f"Il y a {days_ago} jours", "Texte", token
    )
    Message.objects.filter(pk=message.pk).update(
        sent_at=timezone.now() - datetime.timedelta(days=days_ago)
    )
    return message


def test_copies_older_than_a_year_are_deleted_the_others_kept(coordinator, event):
    _sent(coordinator, event, "a" * 32, 366)
    recent = _sent(coordinator, event, "b" * 32, 364)
    policy = _policy()
    assert policy.apply(timezone.now(), True) == 1  # dry run: counts, deletes nothing
    assert Message.objects.count() == 2
    assert policy.apply(timezone.now(), False) == 1
    assert list(Message.objects.all()) == [recent]


def test_the_schedule_says_when_each_copy_goes(coordinator, event):
    _sent(coordinator, event, "a" * 32, 366)
    _sent(coordinator, event, "b" * 32, 300)
    rows = _policy().schedule(timezone.now())
    assert [r.count for r in rows] == [1, 1]
    assert rows[0].due is None  # the next run of the job
    assert rows[1].due == timezone.localdate() + datetime.timedelta(days=65)


def test_erasing_an_account_keeps_the_copy_without_the_sender(coordinator, event):
    message = _sent(coordinator, event, "c" * 32, 1)
    assert retention.export(coordinator)[0]["subject"] == "Il y a 1 jours"
    assert retention.erase(coordinator) == 1
    message.refresh_from_db()
    assert message.sender is None and message.body == "Texte"
    assert retention.export(coordinator) == []
