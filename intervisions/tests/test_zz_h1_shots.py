import pytest
from django.db import connections

from events import services as event_services
from events.tests.factories import EventFactory, EventOptionFactory
from maillage.testing.factories import PASSWORD, UserFactory

from .conftest import make_org


@pytest.fixture
def close_connections(browser_page):
    yield
    connections.close_all()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_shots(browser_page, close_connections, transactional_db, cycle, groups, register):
    page = browser_page
    page.set_default_timeout(60_000)
    page.set_default_navigation_timeout(60_000)
    person = UserFactory(first_name="Griet", last_name="Peeters", preferred_language="nl")
    event = EventFactory(
        title="Table d'échanges : santé mentale et logement",
        title_fr="Table d'échanges : santé mentale et logement",
        title_nl="Uitwisselingstafel: geestelijke gezondheid en huisvesting",
        capacity=20,
        description="Une matinée pour se connaître entre services du bassin.",
    )
    lunch = EventOptionFactory(event=event, label="Je reste pour le lunch", label_fr="Je reste pour le lunch", label_nl="Ik blijf voor de lunch", capacity=1)
    event_services.register(event, user=person, options=[lunch])
    other = EventFactory(title="Atelier du changement", title_fr="Atelier du changement", title_nl="Verandering-atelier", capacity=3, place="", is_online=True, online_url="https://meet.example.org/x")
    EventOptionFactory(event=other, label="Lunch", label_fr="Lunch", label_nl="Lunch", capacity=1)
    register([groups[2]], email=person.email, user=person, language="nl")
    page.goto("/fr/compte/login/")
    page.fill("input[name=login]", person.email)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").last.click()
    import datetime
    local = event.starts_at
    for lang in ("fr", "nl"):
        for width in (1280, 390):
            page.set_viewport_size({"width": width, "height": 900})
            for name, url in [
                ("event", f"/{lang}/agenda/{event.pk}/"),
                ("event-open", f"/{lang}/agenda/{other.pk}/"),
                ("mine", f"/{lang}/mes-inscriptions/"),
                ("cycle", f"/{lang}/intervisions/cycles/{cycle.pk}/"),
                ("month", f"/{lang}/agenda/mois/{local.year}/{local.month}/"),
                ("cancel", f"/{lang}/agenda/{event.pk}/annuler/"),
            ]:
                page.goto(url)
                page.screenshot(path=f"/tmp/h1-shots/{name}-{lang}-{width}.png", full_page=True)
    assert True
