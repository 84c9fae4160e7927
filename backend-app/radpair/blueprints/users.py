"""POST /users (administrators only)."""

from __future__ import annotations

from flask import Blueprint, g, jsonify

from radpair.handlers.user_handler import UserHandler
from radpair.http import json_body, login_required
from radpair.services import current_services

bp = Blueprint("users", __name__)


@bp.post("/users")
@login_required
def create_user():
    """Create a user account."""
    return jsonify(UserHandler(current_services()).create_user(json_body(), g.principal)), 201
