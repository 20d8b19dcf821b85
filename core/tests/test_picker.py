"""The searchable picker (core.widgets, core.pickers, directory.pickers): the page sends a
search box, not the whole list; the server finds, proposes and validates the chosen row."""

import pytest
from django import forms
from django.urls import reverse

from core.textfold import fold
from core.widgets import SHORT, SearchChoiceField
from directory.models import Organization, PublicationStatus
from directory.pickers import OrganizationField
from maillage.testing.factories import AddressFactory, MembershipFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


class PickForm(forms.Form):
    organization = OrganizationField(label="Organization")


class OptionalPickForm(forms.Form):
    organization = SearchChoiceField(source="organizations", required=False)


@pytest.fixture
def many_organizations():
    """More organizations than a plain drop-down shows, one of them easy to tell apart."""
    OrganizationFactory.create_batch(SHORT + 5)
    santé = OrganizationFactory(name="Maison de santé Étoile", name_fr="Maison de santé Étoile")
    AddressFactory(location__organization=santé)
    OrganizationFactory(name="Draft santé", name_fr="Draft santé", status=PublicationStatus.DRAFT)
    return santé


def test_fold_strips_accents_and_case():
    assert fold("Santé ÉTOILE Œuvre") == "sante etoile œuvre"
    assert fold(None) == ""


def test_suggestions_find_by_any_word_without_accents(client, many_organizations):
    response = client.get(reverse("core:picker", args=["organizations"]), {"q": "SANTE etoi"})
    assert response.status_code == 200
    results = response.json()["results"]
    assert [r["label"] for r in results] == ["Maison de santé Étoile"]
    assert results[0]["id"] == str(many_organizations.pk)
    assert results[0]["detail"] == "Etterbeek"


def test_suggestions_never_offer_unpublished_organizations(client, many_organizations):
    results = client.get(reverse("core:picker", args=["organizations"]), {"q": "draft"}).json()
    assert results["results"] == []


def test_suggestions_are_limited_and_say_there_are_more(client, many_organizations):
    data = client.get(reverse("core:picker", args=["organizations"]), {"q": "service"}).json()
    assert len(data["results"]) == 20
    assert data["more"] is True


def test_suggestions_without_text_are_the_persons_own_organizations(client, user):
    mine = MembershipFactory(user=user).organization
    OrganizationFactory()
    client.force_login(user)
    data = client.get(reverse("core:picker", args=["organizations"])).json()
    assert [r["id"] for r in data["results"]] == [str(mine.pk)]
    assert data["mine"] is True


def test_suggestions_of_an_unknown_source_are_404_and_huge_text_is_cut(client):
    assert client.get(reverse("core:picker", args=["nope"])).status_code == 404
    response = client.get(reverse("core:picker", args=["organizations"]), {"q": "x" * 10_000})
    assert response.status_code == 200
    assert response.json()["results"] == []


def test_long_list_is_not_embedded_in_the_page(many_organizations):
    html = PickForm().as_div()
    assert html.count("<option") == 1
    assert 'name="organization_q"' in html
    assert 'name="organization_lookup"' in html
    assert "required" not in html.split("<select", 1)[1].split(">", 1)[0]


def test_short_list_stays_a_plain_drop_down():
    first, second = OrganizationFactory.create_batch(2)
    form = PickForm()
    form.fields["organization"].queryset = Organization.objects.filter(pk=first.pk)
    html = form.as_div()
    assert str(first.pk) in html
    assert str(second.pk) not in html
    assert "organization_q" not in html


def test_a_valid_id_is_chosen(many_organizations):
    form = PickForm({"organization": str(many_organizations.pk)})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["organization"] == many_organizations


@pytest.mark.parametrize(
    "bad",
    ["abc", "9" * 60, "7e130dea-119c-45c0-8550-4f307aae5433", "1", "' OR 1=1 --", "\x00", "-1"],
)
def test_a_bad_huge_or_unknown_id_is_a_form_error(many_organizations, bad):
    form = PickForm({"organization": bad})
    assert not form.is_valid()
    assert "Sélectionnez un choix valide" in str(form.errors["organization"])


def test_an_unpublished_organization_cannot_be_chosen(many_organizations):
    draft = Organization.objects.get(name="Draft santé")
    form = PickForm({"organization": str(draft.pk)})
    assert not form.is_valid()


def test_a_field_narrower_than_the_source_refuses_what_it_does_not_offer(many_organizations):
    form = PickForm({"organization": str(many_organizations.pk)})
    form.fields["organization"].queryset = Organization.objects.exclude(pk=many_organizations.pk)
    assert not form.is_valid()


def test_without_javascript_search_button_lists_the_results_and_keeps_the_text(
    many_organizations,
):
    form = PickForm({"organization": "", "organization_q": "santé", "organization_lookup": "1"})
    assert not form.is_valid()
    assert "choisissez-en un dans la liste" in str(form.errors["organization"])
    html = form.as_div()
    assert f'value="{many_organizations.pk}"' in html
    assert 'value="santé"' in html
    assert "Draft" not in html


def test_search_button_with_a_single_result_still_asks_to_choose(many_organizations):
    form = PickForm({"organization_q": "Maison de santé Étoile", "organization_lookup": "1"})
    assert not form.is_valid()
    assert f'value="{many_organizations.pk}"' in form.as_div()


def test_typed_exact_name_without_choosing_is_taken(many_organizations):
    form = PickForm({"organization": "", "organization_q": "maison de sante etoile"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["organization"] == many_organizations


def test_typed_text_matching_nothing_says_so(many_organizations):
    form = PickForm({"organization": "", "organization_q": "zzzz"})
    assert not form.is_valid()
    assert "zzzz" in str(form.errors["organization"])


def test_nothing_typed_nothing_chosen(many_organizations):
    assert not PickForm({}).is_valid()
    optional = OptionalPickForm({})
    assert optional.is_valid()
    assert optional.cleaned_data["organization"] is None


def test_a_chosen_organization_is_shown_with_its_name_after_an_error(many_organizations):
    form = PickForm({"organization": str(many_organizations.pk)})
    form.is_valid()
    html = form.as_div()
    assert 'value="Maison de santé Étoile"' in html
    assert "selected" in html


def test_searching_again_after_choosing_lists_the_new_results(many_organizations):
    other = Organization.objects.exclude(pk=many_organizations.pk).published().first()
    form = PickForm(
        {"organization": str(other.pk), "organization_q": "etoile", "organization_lookup": "1"}
    )
    assert not form.is_valid()
    html = form.as_div()
    assert f'value="{many_organizations.pk}"' in html
    assert f'value="{other.pk}"' not in html
    assert " selected" not in html
