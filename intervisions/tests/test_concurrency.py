"""PostgreSQL: two simultaneous submissions of the same e-mail give one registration, and
invoices issued at the same time get unique, gap-free numbers."""

import datetime
import threading

import pytest
from django.db import connections

from intervisions import services
from intervisions.errors import IntervisionError
from intervisions.models import Invoice, Registration

from .conftest import make_org


def _together(functions):
    from django.urls import reverse

    reverse("intervisions:home")  # load the URLconf once, outside the threads
    barrier = threading.Barrier(len(functions))
    results, errors = [], []

    def run(fn):
        try:
            barrier.wait()
            results.append(fn())
        except Exception as error:  # noqa: BLE001 - collected for the assertions
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(fn,)) for fn in functions]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results, errors


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_double_registration(cycle, groups):
    org = make_org()

    def submit():
        return services.register(
            cycle,
            first_name="A",
            last_name="B",
            email="same@example.org",
            function="f",
            sector="social",
            language="fr",
            preferences=[groups[0].pk],
            commitment=True,
            consent=True,
            organization=org,
        )

    results, errors = _together([submit] * 4)
    assert len(results) == 1
    assert all(isinstance(e, IntervisionError) and e.code == "already_registered" for e in errors)
    assert Registration.objects.filter(email="same@example.org").count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_invoices_are_numbered_without_gaps(issuer, cycle, groups, register):
    people = [register([groups[0]]) for _ in range(6)]
    day = datetime.date(2031, 3, 1)
    results, errors = _together([lambda r=r: services.issue_invoice(r, today=day) for r in people])
    assert errors == []
    numbers = sorted(Invoice.objects.values_list("sequence", flat=True))
    assert numbers == [1, 2, 3, 4, 5, 6]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_reissue_after_a_credit_note_gives_one_live_invoice(
    issuer, cycle, groups, register, coordinator
):
    from intervisions.services import fees

    person = register([groups[0]])
    day = datetime.date(2031, 3, 1)
    fees.credit(services.issue_invoice(person, today=day), "error", coordinator, today=day)
    results, errors = _together([lambda: services.issue_invoice(person, today=day)] * 4)
    assert errors == []
    assert len({i.pk for i in results}) == 1  # the three others got the first one's invoice
    assert Invoice.objects.live().filter(registration=person).count() == 1
    assert sorted(Invoice.objects.values_list("sequence", flat=True)) == [1, 2]  # no gap
