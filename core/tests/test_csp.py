"""Content-Security-Policy on every page, no inline script or style (see also the permission
matrix, which checks every HTML page it meets)."""

import pytest
from django.urls import reverse

from directory.tests.factories import make_service
from events.tests.factories import EventFactory

from .page_checks import csp_problems, inline_problems

pytestmark = pytest.mark.django_db


def test_the_checks_catch_what_a_strict_policy_blocks():
    assert inline_problems("<script>alert(1)</script>")
    assert inline_problems('<p style="color:red">x</p>')
    assert inline_problems('<button onclick="go()">x</button>')
    assert inline_problems("<style>p{}</style>")
    assert inline_problems('<a href="javascript:alert(1)">x</a>')
    assert not inline_problems('<script src="/static/x.js"></script>')
    assert not inline_problems('<script type="application/json" id="d">{"a": 1}</script>')


@pytest.mark.parametrize(
    "name", ["core:home", "directory:search", "events:agenda", "intervisions:home", "account_login"]
)
def test_main_pages_carry_the_policy_and_no_inline_code(client, name):
    make_service(name_fr="Permanence logement")
    EventFactory()
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert csp_problems(response) == []
    assert inline_problems(response.content.decode()) == []


def test_the_policy_allows_htmx_the_map_and_nothing_inline(client):
    make_service(name_fr="Permanence logement")
    response = client.get(reverse("directory:search"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "https://tile.openstreetmap.org" in policy  # the map's tiles
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
    html = response.content.decode()
    assert 'id="map-points"' in html  # the map's data is JSON, not script
    assert '"includeIndicatorStyles": false' in html  # htmx injects no <style>
