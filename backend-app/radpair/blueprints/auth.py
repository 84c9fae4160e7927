"""POST /login, POST /token/refresh, POST /logout, GET /me."""

from __future__ import annotations

from flask import Blueprint, g, jsonify

from radpair.handlers.auth_handler import AuthHandler
from radpair.handlers.user_handler import UserHandler
from radpair.http import bearer_token, json_body, login_required
from radpair.services import current_services

bp = Blueprint("auth", __name__)


@bp.post("/login")
def login():
    """Exchange email and password for an access token and a refresh token."""
    return jsonify(AuthHandler(current_services()).login(json_body()))


@bp.post("/token/refresh")
def refresh_token():
    """A new access token for the refresh token sent as Bearer."""
    return jsonify(AuthHandler(current_services()).refresh(bearer_token()))


@bp.post("/logout")
@login_required
def logout():
    """Revoke the caller's access token and its refresh token."""
    return jsonify(AuthHandler(current_services()).logout(g.principal))


@bp.get("/me")
@login_required
def get_me():
    """The authenticated user's profile."""
    return jsonify(UserHandler(current_services()).get_me(g.principal))
