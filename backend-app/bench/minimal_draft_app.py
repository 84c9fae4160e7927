"""The floor of a draft for the load benchmark: Flask under the production gunicorn, drafting
through the service's own LLM client (the openai SDK) and nothing else: no token check, database,
macros, PHI gate or verifier. What it costs is what any Flask app drafting through the SDK pays.
"""

import json

from flask import Flask, Response, jsonify, request

from radpair.llm.client import LLMClient
from radpair.llm.prompts import build_messages
from radpair.settings import Settings

client = LLMClient(Settings.from_environment())
app = Flask("minimal_draft")


@app.post("/process-command")
def draft():
    """The dictation (already expanded by the caller) drafted as JSON or as SSE deltas."""
    messages = build_messages([], request.get_json()["query"])
    if request.accept_mimetypes.best == "text/event-stream":

        def events():
            for text in client.stream(messages):
                yield f"event: delta\ndata: {json.dumps({'text': text})}\n\n"
            yield "event: done\ndata: {}\n\n"

        return Response(events(), mimetype="text/event-stream")
    return jsonify({"success": True, "chatgpt_response": client.complete(messages).text})


@app.get("/status")
def status():
    """For the paced probe."""
    return jsonify({"success": True})
