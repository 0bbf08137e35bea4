"""NPSN and Indonesian phone numbers."""

from django.core.exceptions import ValidationError

import pytest

from outreach.validators import normalise_npsn, normalise_phone


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("0812-3456-7890", "+6281234567890"),
        ("081234567890", "+6281234567890"),
        ("6281234567890", "+6281234567890"),
        ("+62 812 3456 7890", "+6281234567890"),
        ("+62 (812) 3456.7890", "+6281234567890"),
        ("0821 5555 123", "+628215555123"),
        ("0511 4772 000", "+625114772000"),  # Banjarbaru landline with area code
        ("(0511) 477000", "+62511477000"),
        ("021 5550 1234", "+622155501234"),
    ],
)
def test_indonesian_numbers_are_normalised_to_plus_62(typed, stored):
    assert normalise_phone(typed) == stored


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "12345",
        "4772000",  # landline without area code
        "0812",  # too short
        "08123456789012345",  # too long
        "+1 202 555 0100",  # not Indonesian
        "+62 0812 3456 7890",  # trunk 0 after the country code
        "0812-3456-78ab",
        "0012345678",
    ],
)
def test_other_numbers_are_refused(typed):
    with pytest.raises(ValidationError):
        normalise_phone(typed)


@pytest.mark.parametrize("typed", ["30304567", " 3030 4567 ", "69912345"])
def test_npsn_accepts_eight_digits(typed):
    assert len(normalise_npsn(typed)) == 8


@pytest.mark.parametrize("typed", ["", "3030456", "303045678", "3030456A", "NPSN1234"])
def test_npsn_refuses_anything_else(typed):
    with pytest.raises(ValidationError):
        normalise_npsn(typed)
