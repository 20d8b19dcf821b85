"""Likely duplicates: the matching (pure), the merge and "not a duplicate" (coordinators)."""

import uuid

import pytest
from auditlog.models import LogEntry

from accounts.models import Membership
from directory.duplicates import Candidate, address_key, find_pairs, matches_for
from directory.models import ChangeRecord, NotDuplicate, Organization, Phone, PublicationStatus
from directory.services import merge as merge_services
from directory.services.errors import DirectoryError
from directory.tests.factories import make_service
from events.tests.factories import EventFactory
from maillage.testing.factories import MembershipFactory, OrganizationFactory

DUPLICATES = "/fr/annuaire/coordination/doublons/"


def merge_url(kept, merged):
    return f"{DUPLICATES}{kept.pk}/fusionner/{merged.pk}/"


def distinct_url(a, b):
    return f"{DUPLICATES}{a.pk}/distinct/{b.pk}/"


# --- matching (pure) -------------------------------------------------------------------------


def test_tivoli_and_transvaal_are_not_a_pair_while_a_real_duplicate_is():
    street = {address_key("rue Josaphat 12", "1030")}
    records = [
        Candidate(1, "Agence immobilière sociale Tivoli (Schaerbeek)", addresses=street),
        Candidate(2, "Agence immobilière sociale Transvaal (Schaerbeek)"),
        Candidate(
            3, "ASBL Maison médicale du Miroir", addresses={address_key("rue Haute 3", "1000")}
        ),
        Candidate(4, "Maison Medicale Miroir", addresses={address_key("rue Blaes 8", "1000")}),
        Candidate(5, "Service de santé mentale Tivoli"),
        Candidate(6, "Centre de santé mentale Tivoli"),
    ]
    pairs = {(a.id, b.id): why for a, b, why in find_pairs(records)}
    assert pairs == {(3, 4): ["name"], (5, 6): ["name"]}


def test_generic_words_and_legal_forms_do_not_make_names_alike():
    records = [
        Candidate(1, "CPAS d'Ixelles"),
        Candidate(2, "CPAS d'Etterbeek"),
        Candidate(3, "Service social Flagey asbl"),
        Candidate(4, "Centre de service social Flagey"),
    ]
    assert [(a.id, b.id) for a, b, _why in find_pairs(records)] == [(3, 4)]


def test_similar_names_in_different_postal_codes_are_not_proposed():
    a = Candidate(1, "Maison médicale Jourdan", addresses={address_key("rue Gray 1", "1050")})
    b = Candidate(2, "Maison médicale Jourdan", addresses={address_key("rue Royale 9", "1000")})
    c = Candidate(3, "Maison médicale Jourdan", addresses={address_key("rue Malibran 5", "1050")})
    assert [(x.id, y.id) for x, y, _why in find_pairs([a, b, c])] == [(1, 3)]


def test_a_typo_is_still_a_pair():
    records = [
        Candidate(1, "Maison médicale Tivoli"),
        Candidate(2, "Maison medicale Tivol"),
        Candidate(3, "Maison médicale Tivolo"),
        Candidate(4, "Planning familial Tivoli"),
    ]
    assert {(a.id, b.id) for a, b, _why in find_pairs(records)} == {(1, 2), (1, 3), (2, 3)}


def test_skipped_pairs_are_not_proposed_and_the_proposal_form_still_warns():
    a, b = Candidate(1, "Maison médicale Miroir"), Candidate(2, "Maison medicale du Miroir")
    assert find_pairs([a, b], skip={("1", "2")}) == []
    assert [m[0].id for m in matches_for(Candidate(None, "Miroir maison médicale"), [a, b])] == [
        1,
        2,
    ]


# --- merge -----------------------------------------------------------------------------------


@pytest.fixture
def pair(db):
    kept = OrganizationFactory(name="Maison médicale du Miroir", website="")
    merged = OrganizationFactory(
        name="ASBL Maison Medicale Miroir", website="https://miroir.example.be"
    )
    return kept, merged


def test_merge_moves_everything_and_the_old_url_redirects(client, coordinator, pair):
    kept, merged = pair
    service = make_service(organization=merged, name_fr="Consultation sans rendez-vous")
    location = merged.locations.get()
    Phone.objects.create(organization=merged, number="02 555 01 01")
    member = MembershipFactory(organization=merged).user
    both = MembershipFactory(organization=merged).user
    MembershipFactory(organization=kept, user=both)
    event = EventFactory(organizer=merged)  # another app's link (events), found generically
    client.force_login(coordinator)

    page = client.get(merge_url(kept, merged)).content.decode()
    assert "1 service" in page.lower()
    response = client.post(merge_url(kept, merged))

    assert response.status_code == 302
    assert response["Location"] == kept.get_absolute_url()
    service.refresh_from_db()
    location.refresh_from_db()
    event.refresh_from_db()
    assert service.organization == kept
    assert location.organization == kept
    assert event.organizer == kept
    assert kept.phones.get().number == "02 555 01 01"
    assert set(Membership.objects.filter(organization=kept).values_list("user", flat=True)) == {
        member.pk,
        both.pk,
    }
    merged.refresh_from_db()
    kept.refresh_from_db()
    assert merged.status == PublicationStatus.ARCHIVED
    assert kept.website == "https://miroir.example.be"  # an empty field filled from the other
    old = client.get(f"/fr/annuaire/organisations/{merged.pk}/")
    assert old.status_code == 301
    assert old["Location"] == f"/fr/annuaire/organisations/{kept.pk}/"
    api = client.get(f"/api/hsds/organizations/{merged.pk}")
    assert api.status_code == 301
    assert str(kept.pk) in api["Location"]
    kept_page = client.get(kept.get_absolute_url()).content.decode()
    assert "Consultation sans rendez-vous" in kept_page


def test_merge_is_audited_and_in_the_change_log(client, coordinator, pair):
    kept, merged = pair
    client.force_login(coordinator)
    client.post(merge_url(kept, merged))
    entry = LogEntry.objects.get_for_object(merged).latest("timestamp")
    assert entry.actor == coordinator
    assert "status" in entry.changes_dict
    record = ChangeRecord.objects.get(resource_id=merged.pk, field_name="merged_into")
    assert record.replacement_value == kept.name
    assert record.updated_by == coordinator.get_full_name()


def test_a_second_merge_of_the_same_record_is_refused(client, coordinator, pair):
    kept, merged = pair
    client.force_login(coordinator)
    client.post(merge_url(kept, merged))
    response = client.post(merge_url(kept, merged), follow=True)
    assert "déjà été fusionnée" in response.content.decode()
    assert client.get(merge_url(kept, merged)).status_code == 400


def test_merge_with_itself_and_bad_ids(client, coordinator, pair):
    kept, _merged = pair
    client.force_login(coordinator)
    assert client.get(merge_url(kept, kept)).status_code == 400
    assert client.post(merge_url(kept, kept)).status_code == 302
    assert Organization.objects.get(pk=kept.pk).status == PublicationStatus.PUBLISHED
    missing = f"{DUPLICATES}{kept.pk}/fusionner/{uuid.uuid4()}/"
    assert client.post(missing).status_code == 404
    assert client.get(f"{DUPLICATES}{kept.pk}/fusionner/123/").status_code == 404


def test_only_coordinators_merge(client, user, pair):
    kept, merged = pair
    MembershipFactory(organization=kept, user=user, is_admin=True)
    client.force_login(user)
    assert client.post(merge_url(kept, merged)).status_code == 403
    merged.refresh_from_db()
    assert merged.merged_into is None
    with pytest.raises(DirectoryError):
        merge_services.merge_organizations(user, kept, merged)


# --- not a duplicate -------------------------------------------------------------------------


def test_not_a_duplicate_is_remembered(client, coordinator, pair):
    kept, merged = pair
    client.force_login(coordinator)
    assert "Maison Medicale Miroir" in client.get(DUPLICATES).content.decode()
    client.post(distinct_url(merged, kept))
    client.post(distinct_url(kept, merged))  # the other way round, a double submit
    assert NotDuplicate.objects.count() == 1
    page = client.get(DUPLICATES).content.decode()
    assert merge_url(kept, merged) not in page
    assert "Aucun doublon probable" in page


def test_the_duplicates_page_offers_merge_and_not_a_duplicate(client, coordinator, pair):
    kept, merged = pair
    client.force_login(coordinator)
    page = client.get(DUPLICATES).content.decode()
    assert merge_url(kept, merged) in page
    assert merge_url(merged, kept) in page
    assert "Pas un doublon" in page
