"""`unique_code` draws from the readable alphabet until it finds a code no row holds."""

from django.contrib.auth.models import Group

import pytest

from site_core.codes import READABLE_ALPHABET, unique_code

pytestmark = pytest.mark.django_db


def test_draws_again_until_the_code_is_free():
    free = READABLE_ALPHABET[7]
    Group.objects.bulk_create(
        Group(name=f"X{letter}") for letter in READABLE_ALPHABET if letter != free
    )
    # One free code out of 30: each draw hits a taken one 29 times in 30.
    assert {unique_code(Group.objects, "name", 1, prefix="X") for _ in range(5)} == {f"X{free}"}


def test_the_prefix_and_length_shape_the_code():
    code = unique_code(Group.objects, "name", 10, prefix="LPR-")
    assert code.startswith("LPR-") and len(code) == 14
    assert set(code[4:]) <= set(READABLE_ALPHABET)
