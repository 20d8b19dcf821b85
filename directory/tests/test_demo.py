"""The demo network reads true: every address's street, postal code and municipality agree, and
generated French names elide "de" before a vowel ("CPAS d'Ixelles")."""

import random
import re

import pytest

from directory import demo
from directory.models import Address, Organization
from territory.services import municipality_for_postal_code


@pytest.fixture
def demo_organizations(db):
    return demo.load(random.Random(2026), 320)


def test_every_demo_address_is_consistent(demo_organizations):
    addresses = list(Address.objects.select_related("municipality"))
    assert len(addresses) == 320
    for address in addresses:
        street = address.address_1.rsplit(" ", 1)[0]
        assert address.postal_code in address.municipality.postal_codes, address
        assert municipality_for_postal_code(address.postal_code) == address.municipality
        assert address.city == address.municipality.name_fr
        assert street in demo.STREETS[address.postal_code], address


def test_rue_de_la_loi_is_never_in_ixelles(demo_organizations):
    assert (
        not Address.objects.filter(address_1__startswith="rue de la Loi")
        .exclude(postal_code="1040")
        .exists()
    )


def test_generated_names_elide_de_before_a_vowel(demo_organizations):
    names = list(Organization.objects.values_list("name_fr", flat=True))
    assert "CPAS d'Ixelles" in names
    assert "CPAS d'Etterbeek" in names
    assert "CPAS d'Anderlecht" in names
    assert "CPAS de Jette" in names
    assert [n for n in names if re.search(r"\bde [AEIOUYHÉÈaeiouyhéè]", n)] == []


@pytest.mark.parametrize(
    "name,expected",
    [("Ixelles", "d'Ixelles"), ("Uccle", "d'Uccle"), ("Évere", "d'Évere"), ("Forest", "de Forest")],
)
def test_of(name, expected):
    assert demo.of(name) == expected
