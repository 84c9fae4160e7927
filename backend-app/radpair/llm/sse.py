"""Server-Sent Events read from an upstream byte stream, as the openai SDK's decoder reads them.

The SDK's `Stream` passes every event through a line decoder, an event object, a JSON parse and
its response processing, in four nested generators: about a third of a streamed draft's client
CPU. This reads the same events (the WHATWG rules the SDK follows: CR, LF or CRLF line ends,
`data` lines joined by newlines, comments and unknown fields ignored, an event dispatched by a
blank line once any field was seen) in one pass per network read.
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator

_LINE_END = re.compile(rb"\r\n|\r|\n")


class _Event:
    """The fields of the event being read (the last event id outlives each event, per the spec)."""

    __slots__ = ("name", "data", "last_id", "retry")

    def __init__(self) -> None:
        self.name: str | None = None
        self.data: list[str] = []
        self.last_id: str | None = None
        self.retry: int | None = None

    def line(self, raw: bytes) -> tuple[str | None, str] | None:
        """Take one line; the finished event (name, data) when the line is blank."""
        if not raw:
            if not (self.name or self.data or self.last_id or self.retry is not None):
                return None
            event = (self.name, "\n".join(self.data))
            self.name, self.data, self.retry = None, [], None
            return event
        line = raw.decode("utf-8")
        if line[0] == ":":
            return None
        field, _, value = line.partition(":")
        if value[:1] == " ":
            value = value[1:]
        if field == "data":
            self.data.append(value)
        elif field == "event":
            self.name = value or None
        elif field == "id":
            if "\0" not in value:
                self.last_id = value
        elif field == "retry":
            try:
                self.retry = int(value)
            except ValueError:
                pass
        return None


def sse_events(chunks: Iterable[bytes]) -> Iterator[tuple[str | None, str]]:
    """(event name or None, data) for every event in the stream, in order."""
    event = _Event()
    tail = b""
    for chunk in chunks:
        if not chunk:
            continue
        text = tail + chunk if tail else chunk
        # A CR at the end of a read may be the first half of a CRLF: it waits for the next read.
        held = text.endswith(b"\r")
        lines = _LINE_END.split(text[:-1] if held else text)
        tail = lines.pop() + (b"\r" if held else b"")
        for line in lines:
            finished = event.line(line)
            if finished is not None:
                yield finished
    if tail.endswith(b"\r"):
        # The stream ended on a CR: the line before it is complete.
        finished = event.line(tail[:-1])
        if finished is not None:
            yield finished
    else:
        # A last line with no end finishes no event; it is still decoded, as the SDK does, so
        # bytes that are not UTF-8 fail the same way.
        tail.decode("utf-8")
