"""GET /openapi.yaml (the single source of truth) and GET /docs (Swagger UI, packaged assets)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from flask import Blueprint, Response, abort
from swagger_ui_bundle import swagger_ui_path

from radpair.settings import PROJECT_ROOT

bp = Blueprint("docs", __name__)

OPENAPI_FILE = PROJECT_ROOT / "openapi" / "openapi.yaml"
_SWAGGER_FILES = {
    "swagger-ui.css",
    "swagger-ui-bundle.js",
    "swagger-ui-standalone-preset.js",
    "favicon-32x32.png",
    "favicon-16x16.png",
}
_ASSET_TYPES = {"css": "text/css", "js": "application/javascript", "png": "image/png"}
_DOCS_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>radpair-api docs</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/swagger-ui-standalone-preset.js"></script>
<script src="/docs/init.js"></script>
</body></html>"""
_DOCS_INIT = """window.ui = SwaggerUIBundle({url: "/openapi.yaml", dom_id: "#swagger-ui",
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  layout: "StandaloneLayout"});"""


@bp.get("/openapi.yaml")
def get_openapi():
    """The OpenAPI document, served from the repository file."""
    return Response(OPENAPI_FILE.read_bytes(), mimetype="application/yaml")


@bp.get("/docs")
def get_docs():
    """Swagger UI for the OpenAPI document, with no CDN."""
    return Response(_DOCS_PAGE, mimetype="text/html")


@bp.get("/docs/init.js")
def get_docs_init():
    """The Swagger UI bootstrap script (kept out of the page so a strict CSP can apply)."""
    return Response(_DOCS_INIT, mimetype="application/javascript")


@bp.get("/docs/assets/<path:name>")
def get_docs_asset(name: str):
    """A Swagger UI asset from the installed swagger-ui-bundle package."""
    if name not in _SWAGGER_FILES:
        abort(404)
    response = Response(_asset_bytes(name), mimetype=_ASSET_TYPES[name.rsplit(".", 1)[-1]])
    response.headers["Cache-Control"] = "public, max-age=86400"
    return response


@lru_cache(maxsize=None)
def _asset_bytes(name: str) -> bytes:
    # Read once per process: a handful of files, about 1.5 MB in all.
    return (Path(swagger_ui_path) / name).read_bytes()
