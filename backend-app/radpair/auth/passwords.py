"""Argon2id password hashing and the password policy."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from radpair.exceptions import ValidationError
from radpair.limits import MAX_PASSWORD as MAX_PASSWORD_LENGTH
from radpair.limits import MIN_PASSWORD as MIN_PASSWORD_LENGTH

# OWASP's minimum argon2id profile (19 MiB, t=2, p=1): about 15 ms here. The cost is deliberate
# (it slows offline guessing) yet leaves room for 20 logins/s on two cores.
_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
# Verified when the email is unknown, so both failures take the same time.
_DUMMY_HASH = _hasher.hash("radpair-timing-equaliser")


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    """The shipped list of the most common passwords, lowercased."""
    text = resources.files("radpair.data").joinpath("common_passwords.txt").read_text("utf-8")
    lines = (line.strip().lower() for line in text.splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


def check_password_policy(password: object) -> str:
    """Return the password if it meets the policy; raise ValidationError otherwise."""
    if not isinstance(password, str):
        raise ValidationError("`password` must be a string.", extra={"field": "password"})
    if not MIN_PASSWORD_LENGTH <= len(password) <= MAX_PASSWORD_LENGTH:
        raise ValidationError(
            f"The password must be {MIN_PASSWORD_LENGTH} to {MAX_PASSWORD_LENGTH} characters.",
            extra={"field": "password"},
        )
    if password.lower() in common_passwords():
        raise ValidationError(
            "This password is too common; choose another.", extra={"field": "password"}
        )
    return password


def hash_password(password: str) -> str:
    """An argon2id hash of the password."""
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """True when the password matches; always does the work of one verification."""
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and bool(password_hash)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False
