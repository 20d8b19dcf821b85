"""Retention of the open doors week: an edition is anonymised a year after its week (visits,
wishes, evaluation comments, host contacts) and the dashboard's figures stay the same."""

import datetime as dt

import pytest
from django.utils import timezone

from maillage.testing.factories import UserFactory
from opendoors.models import Evaluation, Participation, Visit, Wish
from opendoors.services import anonymise, figures, visits

from . import factories as f

pytestmark = pytest.mark.django_db


def _at(day):
    return timezone.make_aware(dt.datetime.combine(day, dt.time(12)))


@pytest.fixture
def edition_with_people():
    edition = f.edition()
    participation = f.host_service(edition)
    slot = f.slot(participation, capacity=2)
    other = f.slot(f.host_service(edition, name="CGG Ixelles"), day=f.MONDAY + dt.timedelta(days=1))
    alice, bob = UserFactory(email="alice@example.org"), UserFactory(email="bob@example.org")
    first = visits.book_visit(slot, alice)
    visits.book_visit(other, alice)
    visits.book_visit(slot, bob)
    Evaluation.objects.create(visit=first, usefulness=5, will_orient="yes", comment="Alice ravie")
    Wish.objects.create(slot=slot, visitor=alice, rank=1)
    return edition


def test_edition_is_anonymised_a_year_after_the_week_keeping_the_figures(edition_with_people):
    edition = edition_with_people
    before = figures.dashboard(edition)
    assert before["professionals"] == 2 and before["totals"]["visits"] == 3
    soon = _at(edition.ends_on + dt.timedelta(days=anonymise.retention_days() - 1))
    assert anonymise.anonymise_due(soon) == 0
    assert Visit.objects.filter(visitor__isnull=False).count() == 3

    later = _at(edition.ends_on + dt.timedelta(days=anonymise.retention_days() + 1))
    assert anonymise.anonymise_due(later) > 0
    assert not Visit.objects.filter(visitor__isnull=False).exists()
    assert not Wish.objects.filter(visitor__isnull=False).exists()
    assert Evaluation.objects.get().comment == ""
    assert not Participation.objects.exclude(host_email="").exists()
    after = figures.dashboard(edition)
    for key in ("professionals", "totals", "evaluations", "usefulness_mean", "orient", "by_day"):
        assert after[key] == before[key], key
    # Nothing left to do: a second run changes nothing.
    assert anonymise.anonymise_due(later) == 0
