"""Who is calling: the authenticated principal of a request, shared by every handler."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Principal:
    """The authenticated caller of a request."""

    user_id: str
    role: str
    jti: str
    refresh_jti: str | None
    expires_at: int
    # The macro library's (version, site_version) read with the token check, if known.
    library_versions: tuple[int, int] | None = None

    @property
    def is_admin(self) -> bool:
        """True for administrators."""
        return self.role == "admin"
