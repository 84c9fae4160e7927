"""The baseline for the /status benchmark: a bare Flask endpoint returning the same JSON."""

from flask import Flask, jsonify

from radpair.handlers.status_handler import STATUS_MESSAGE

app = Flask("bare")


@app.get("/status")
def status():
    """The same body as radpair's /status, with none of the service's machinery."""
    return jsonify({"success": True, "message": STATUS_MESSAGE})
