"""Belgian enterprise number (BCE/KBO): modulo-97 check, clear messages in the user's language."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from directory.identifiers import (
    InvalidEnterpriseNumber,
    make_enterprise_number,
    normalize_enterprise_number,
)
from directory.models import Organization


@pytest.mark.parametrize(
    "raw",
    ["0403.170.701", "BE0403170701", "0403 170 701", "403170701", "be 0403.170.701"],
)
def test_valid_numbers_are_normalised(raw):
    # 0403.170.701: 97 - (04031707 mod 97) = 01
    assert normalize_enterprise_number(raw) == "0403.170.701"


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("0403.170.702", "checksum"),
        ("0403.170.7", "length"),
        ("04031707011", "length"),
        ("ABCDEFGHIJ", "length"),
        ("2403.170.7xx", "length"),
        ("2403170744", "prefix"),
    ],
)
def test_invalid_numbers_are_refused_with_a_reason(raw, code):
    with pytest.raises(InvalidEnterpriseNumber) as error:
        normalize_enterprise_number(raw)
    assert error.value.code == code


def test_generated_numbers_are_valid():
    for base in (1, 4_000_000, 19_999_999):
        number = make_enterprise_number(base)
        assert normalize_enterprise_number(number) == number


def test_model_validation_gives_a_clear_message_in_french_and_dutch(db):
    organization = Organization(
        name="ASBL Test", name_fr="ASBL Test", enterprise_number="0403.170.702"
    )
    with translation.override("fr"), pytest.raises(ValidationError) as error:
        organization.full_clean()
    assert "modulo 97" in str(error.value.message_dict["enterprise_number"])
    with translation.override("nl"):
        with pytest.raises(ValidationError) as error:
            organization.full_clean()
        # The message is lazy: it is translated when turned into text, here in Dutch.
        assert "modulo 97" in str(error.value.message_dict["enterprise_number"])
        assert "niet geldig" in str(error.value.message_dict["enterprise_number"])


def test_model_normalises_a_valid_number(db):
    organization = Organization(
        name="ASBL Test", name_fr="ASBL Test", enterprise_number="BE0403170701"
    )
    organization.full_clean()
    assert organization.enterprise_number == "0403.170.701"
