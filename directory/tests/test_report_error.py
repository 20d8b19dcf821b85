"""The "report an error" form: anonymous visitors are shown how to sign in to use it; a refused
report comes back with the typed text and the real reason; a sent one is recorded once."""

import html

import pytest
from django.utils import translation

from directory.models import ErrorReport

from .factories import make_service

pytestmark = pytest.mark.django_db


@pytest.fixture
def service(organization):
    return make_service(organization=organization, name_fr="Permanence sociale")


def _report_url(service):
    return f"/fr/annuaire/organisations/{service.organization_id}/services/{service.pk}/signaler/"


def _text(response) -> str:
    return " ".join(html.unescape(response.content.decode()).split())


def test_an_anonymous_visitor_sees_how_to_sign_in_to_report_an_error(client, service):
    page = client.get(service.get_absolute_url()).content.decode()
    assert "Connectez-vous pour signaler une erreur sur cette fiche" in html.unescape(page)
    assert f'href="/fr/compte/login/?next={_report_url(service)}"' in page
    assert 'name="message"' not in page
    response = client.get(_report_url(service))
    assert response.status_code == 302
    assert response.url.startswith("/fr/compte/login/?next=")


def test_an_anonymous_visitor_sees_the_sign_in_link_on_an_organization_in_dutch(
    client, organization
):
    with translation.override("nl"):
        page = client.get(organization.get_absolute_url()).content.decode()
    assert "Meld u aan om een fout op deze fiche te melden" in html.unescape(page)
    assert f"/nl/compte/login/?next=/nl/annuaire/organisations/{organization.pk}/signaler/" in page


def test_a_too_long_report_comes_back_whole_with_its_length_and_the_maximum(client, user, service):
    client.force_login(user)
    typed = "Le numéro de téléphone a changé. " + "x" * 2312
    assert len(typed) == 2345
    response = client.post(_report_url(service), {"message": typed})
    assert response.status_code == 400
    text = _text(response)
    assert "2 345 caractères, maximum 2 000 : veuillez raccourcir votre message." in text
    assert typed in html.unescape(response.content.decode())
    assert ErrorReport.objects.count() == 0


def test_a_dutch_page_says_the_length_the_dutch_way(client, user, service):
    client.force_login(user)
    response = client.post(_report_url(service).replace("/fr/", "/nl/"), {"message": "y" * 2001})
    assert response.status_code == 400
    assert "2.001 tekens, maximum 2.000: maak uw bericht korter." in _text(response)


def test_an_empty_report_says_what_to_do_and_nothing_is_recorded(client, user, service):
    client.force_login(user)
    response = client.post(_report_url(service), {"message": "   "})
    assert response.status_code == 400
    assert "Veuillez décrire ce qui est inexact." in _text(response)
    assert ErrorReport.objects.count() == 0


def test_a_report_is_recorded_once_even_if_sent_twice(client, user, service):
    client.force_login(user)
    for _ in range(2):
        response = client.post(_report_url(service), {"message": "L'adresse a changé <rue>"})
        assert response.status_code == 302
        assert response.url == service.get_absolute_url()
    report = ErrorReport.objects.get()
    assert report.message == "L'adresse a changé <rue>"
    assert report.reporter == user


def test_a_report_on_an_unknown_service_is_a_404(client, user, service):
    client.force_login(user)
    url = _report_url(service).replace(str(service.pk), "00000000-0000-0000-0000-000000000000")
    assert client.post(url, {"message": "x"}).status_code == 404
