"""How the API shows stored rows: the shapes several handlers return."""

from __future__ import annotations

from datetime import timezone


def iso_utc(moment) -> str:
    """ISO 8601 in UTC with a Z suffix."""
    return moment.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")


def public_command(row: dict) -> dict:
    """A stored command as the API shows it (the React client reads chatgpt_response)."""
    return {
        "id": row["id"],
        "session_id": row["session_id"],
        "query": row["query"],
        "expanded_query": row["expanded_query"],
        "chatgpt_response": row["response"],
        "timestamp": iso_utc(row["created_at"]),
        "macros": row["macros"],
        "fields": row["fields"],
        "warnings": row["warnings"],
        "llm": {"mode": row["mode"], "model": row["model"], "latency_ms": row["latency_ms"]},
    }


def public_user(row: dict) -> dict:
    """A user as the API shows it: no hash, ISO timestamps."""
    return {
        "user_id": row["id"],
        "email": row["email"],
        "username": row["username"],
        "title": row["title"],
        "profile_picture": row["profile_picture"],
        "role": row["role"],
        "created_at": row["created_at"].isoformat(),
        "last_login_at": row["last_login_at"].isoformat() if row["last_login_at"] else None,
    }


def public_event(row: dict) -> dict:
    """An audit event as the API shows it."""
    return {
        "id": str(row["id"]),
        "occurred_at": iso_utc(row["occurred_at"]),
        "actor_id": row["actor_id"],
        "action": row["action"],
        "resource_type": row["resource_type"],
        "resource_id": row["resource_id"],
        "request_id": row["request_id"],
        "detail": row["detail"],
    }


def report_study(row: dict) -> dict:
    """A report's identity and study details, as every report answer starts."""
    return {
        "id": row["id"],
        "owner_id": row["owner_id"],
        "accession_number": row["accession_number"],
        "modality": row["modality"],
        "body_part": row["body_part"],
        "patient_ref": row["patient_ref"],
    }
