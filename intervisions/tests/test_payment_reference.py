"""The Belgian structured communication (modulo 97), a pure function: known values, the 97 rule,
refusals, and agreement with python-stdnum's OGM-VCS on any ten digits."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.be import ogm_vcs

from intervisions import payment_reference


def test_known_reference():
    # The example of python-stdnum's documentation (Febelfin standard).
    assert payment_reference.build("0108068171") == "+++010/8068/17183+++"
    assert payment_reference.is_valid("+++010/8068/17183+++")


def test_a_remainder_of_zero_gives_97():
    assert payment_reference.check_digits("0000000097") == "97"
    assert payment_reference.build("0000000097") == "+++000/0000/09797+++"


@pytest.mark.parametrize(
    "text",
    [
        "+++010/8068/17180+++",  # wrong check digits
        "+++010/8068/1718+++",  # eleven digits
        "+++010/8068/171833+++",  # thirteen digits
        "+++O10/8068/17183+++",  # a letter O
        "",
    ],
)
def test_bad_references_are_refused(text):
    assert payment_reference.is_valid(text) is False


def test_other_writings_are_accepted():
    assert payment_reference.is_valid("***010/8068/17183***")
    assert payment_reference.is_valid("010806817183")


def test_invoice_reference_is_year_and_number():
    assert payment_reference.for_invoice(2030, 1) == "+++203/0000/00106+++"
    with pytest.raises(ValueError):
        payment_reference.for_invoice(2030, 1_000_000)
    with pytest.raises(ValueError):
        payment_reference.build("12345")


@given(st.text(alphabet="0123456789", min_size=10, max_size=10))
def test_every_reference_is_valid_and_agrees_with_stdnum(base):
    reference = payment_reference.build(base)
    assert payment_reference.is_valid(reference)
    assert ogm_vcs.is_valid(reference)
    assert ogm_vcs.compact(reference)[:10] == base


@given(
    st.text(alphabet="0123456789", min_size=10, max_size=10),
    st.integers(min_value=0, max_value=9),
    st.integers(min_value=1, max_value=9),
)
def test_one_changed_digit_is_detected(base, position, delta):
    digits = base + payment_reference.check_digits(base)
    changed = digits[:position] + str((int(digits[position]) + delta) % 10) + digits[position + 1 :]
    assert payment_reference.is_valid(changed) is False
