"""The database connection is killed in the middle of a registration (PostgreSQL's
``pg_terminate_backend``): the visitor gets a clear page in their language, nothing is
half-written, and the next request works."""

import psycopg
import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.urls import reverse

from events.models import Registration
from events.tests.factories import EventFactory, in_days

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _kill(pid: int) -> None:
    db = settings.DATABASES["default"]
    with psycopg.connect(
        host=db["HOST"],
        port=db["PORT"] or 5432,
        user=db["USER"],
        dbname=db["NAME"],
        password=db.get("PASSWORD") or None,
        autocommit=True,
    ) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [pid])


def test_a_killed_connection_during_a_registration_leaves_nothing_half_written(
    monkeypatch, settings
):
    settings.DEBUG = False
    event = EventFactory(starts_at=in_days(5), capacity=10)
    url = reverse("events:register", args=[event.pk])
    data = {
        "name": "Amina",
        "email": "amina@example.org",
        "organization_name": "CPAS",
        "consent": "on",
    }

    from events.services import registration as registration_service

    real_book_many = registration_service.booking.book_many

    def book_many_after_the_plug_is_pulled(resources, registration):
        # The registration row is written (inside the transaction); now the database goes away.
        _kill(connection.connection.info.backend_pid)
        return real_book_many(resources, registration)

    monkeypatch.setattr(
        registration_service.booking, "book_many", book_many_after_the_plug_is_pulled
    )
    client = Client(raise_request_exception=False)
    response = client.post(url, data, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 503
    page = response.content.decode()
    assert "momentanément indisponible" in page
    assert "enregistré à moitié" in page
    assert "Traceback" not in page

    monkeypatch.setattr(registration_service.booking, "book_many", real_book_many)
    assert Registration.objects.filter(email="amina@example.org").count() == 0  # rolled back
    response = client.post(url, data, HTTP_ACCEPT_LANGUAGE="fr")  # the database is back
    # A guest's registration answers with its confirmation page (200), not a redirect.
    assert response.status_code == 200
    assert "Inscription reçue" in response.content.decode()
    registration = Registration.objects.get(email="amina@example.org")
    assert registration.booking is not None and registration.booking.is_confirmed
