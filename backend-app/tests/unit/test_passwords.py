"""Password policy and argon2id hashing."""

from __future__ import annotations

import pytest

from radpair.auth.passwords import check_password_policy, hash_password, verify_password
from radpair.exceptions import ValidationError


@pytest.mark.parametrize(
    "password, reason",
    [
        ("short1!", "8 to 128"),
        ("x" * 129, "8 to 128"),
        ("password123", "too common"),
        ("Qwertyuiop", "too common"),
        (12345678, "must be a string"),
        (None, "must be a string"),
    ],
)
def test_weak_or_invalid_passwords_are_refused(password, reason):
    with pytest.raises(ValidationError, match=reason):
        check_password_policy(password)


def test_a_reasonable_password_passes_the_policy():
    assert check_password_policy("Tidal-Basin-Scan-7") == "Tidal-Basin-Scan-7"


def test_hashes_are_argon2id_and_salted():
    first, second = hash_password("Tidal-Basin-Scan-7"), hash_password("Tidal-Basin-Scan-7")
    assert first.startswith("$argon2id$")
    assert first != second


def test_verification_accepts_the_password_and_rejects_others():
    stored = hash_password("Tidal-Basin-Scan-7")
    assert verify_password(stored, "Tidal-Basin-Scan-7") is True
    assert verify_password(stored, "tidal-basin-scan-7") is False


def test_an_unknown_user_never_verifies_even_with_the_dummy_password():
    assert verify_password(None, "radpair-timing-equaliser") is False
