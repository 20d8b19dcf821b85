"""A confidential address (a shelter) never leaks: not on the pages, not in the API, not in the
export, not on the map."""

import pytest

from directory.hsds.exporter import export

from .factories import make_service

pytestmark = pytest.mark.django_db

SECRET_STREET = "rue Secrète 42"
SECRET_LAT = 50.812345


@pytest.fixture
def shelter():
    return make_service(
        name_fr="Maison d'accueil pour femmes",
        terms=["theme:violence"],
        street=SECRET_STREET,
        latitude=SECRET_LAT,
        longitude=4.3999,
        confidential=True,
    )


def assert_no_secret(text: str):
    assert SECRET_STREET not in text
    assert "Secrète" not in text
    assert str(SECRET_LAT) not in text


def test_pages_hide_the_address(client, shelter, user):
    client.force_login(user)
    for url in [
        shelter.get_absolute_url(),
        shelter.organization.get_absolute_url(),
        "/fr/annuaire/?q=accueil",
    ]:
        response = client.get(url)
        assert response.status_code == 200
        assert_no_secret(response.content.decode())
    page = client.get(shelter.get_absolute_url()).content.decode()
    assert "Adresse confidentielle : elle est communiquée par téléphone." in page


def test_map_gets_no_marker(client, shelter):
    response = client.get("/fr/annuaire/", {"q": "accueil"})
    assert response.context["result"].total == 1
    assert response.context["map_points"] == []
    visible = make_service(name_fr="Accueil de jour", latitude=50.83, longitude=4.37)
    points = client.get("/fr/annuaire/", {"q": "accueil"}).context["map_points"]
    assert [p["url"] for p in points] == [visible.get_absolute_url()]
    response = client.get(shelter.get_absolute_url())
    assert response.context["map_points"] == []


def test_api_hides_the_address(client, shelter):
    for url in [
        "/api/hsds/services",
        f"/api/hsds/services/{shelter.pk}",
        f"/api/hsds/organizations/{shelter.organization_id}",
        "/api/hsds/organizations",
        "/api/hsds/service_at_locations",
        "/api/hsds/services?search=accueil",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_no_secret(response.content.decode())
    location = client.get(f"/api/hsds/services/{shelter.pk}").json()["service_at_locations"][0][
        "location"
    ]
    assert location["x_confidential"] is True
    assert "addresses" not in location and "latitude" not in location


def test_export_hides_the_address(tmp_path, shelter):
    export(tmp_path)
    texts = [path.read_text(encoding="utf-8") for path in tmp_path.rglob("*") if path.is_file()]
    # The service itself is exported (only its address is withheld).
    assert any("Maison d'accueil pour femmes" in text for text in texts)
    for text in texts:
        assert_no_secret(text)


def test_one_rule_decides_whether_an_address_is_shown(monkeypatch, client, shelter):
    from directory.models import address_may_be_shown

    assert address_may_be_shown(False) and address_may_be_shown(True, to_editor=True)
    assert not address_may_be_shown(True)
    # The API, the search results and the map all ask that one function: change the rule and
    # every one of them shows the address.
    import directory.hsds.serialize as serialize
    import directory.templatetags.places as places
    import directory.views.common as common
    import directory.views.search as search_views

    def always(is_confidential, *, to_editor=False):
        return True

    for module in (serialize, common, search_views, places):
        monkeypatch.setattr(module, "address_may_be_shown", always)
    api = client.get(f"/api/hsds/services/{shelter.pk}").content.decode()
    results = client.get("/fr/annuaire/?q=accueil").content.decode()
    sheet = client.get(shelter.get_absolute_url()).content.decode()
    assert SECRET_STREET in api and SECRET_STREET in results and SECRET_STREET in sheet
    assert str(SECRET_LAT) in results  # a marker on the map
