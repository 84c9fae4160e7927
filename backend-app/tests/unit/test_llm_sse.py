"""The upstream SSE reader finds exactly the events the openai SDK's own decoder finds, however the
bytes are split across network reads."""

from __future__ import annotations

import pytest
from openai._streaming import SSEDecoder

from radpair.llm.sse import sse_events

STREAMS = {
    "openai chunks, LF": b'data: {"a": 1}\n\ndata: {"b": 2}\n\ndata: [DONE]\n\n',
    "CRLF line ends": b"data: one\r\n\r\ndata: two\r\n\r\n",
    "CR line ends": b"data: one\r\rdata: two\r\r",
    "mixed line ends": b"data: one\r\n\ndata: two\r\rdata: three\n\r\n",
    "multi-line data": b"data: first\ndata: second\ndata:\n\n",
    "multi-line data, CRLF": b"data: first\r\ndata: second\r\n\r\n",
    "named events": b"event: delta\ndata: x\n\nevent: error\ndata: {}\n\n",
    "an empty event name": b"event:\ndata: x\n\n",
    "comments and unknown fields": b": ping\n\nfoo: bar\nbaz\ndata: kept\n\n",
    "no space after the colon": b"data:tight\n\n",
    "two spaces after the colon": b"data:  spaced\n\n",
    "an id carries over to later blank lines": b"id: 7\ndata: x\n\n\n\nid: a\0b\n\n",
    "retry fields": b"retry: 30\n\nretry: soon\ndata: x\n\n",
    "blank lines only": b"\n\n\r\n\r\r",
    "a last event with no blank line": b"data: done\n\ndata: unfinished",
    "a stream ending on a CR": b"data: x\r\r",
    "a stream ending inside a CRLF": b"data: x\r\n\r",
    "utf-8 text": "data: côté gauche — 5 mm\n\n".encode(),
}


def sdk_events(chunks: list[bytes]) -> list[tuple[str | None, str]]:
    return [(sse.event, sse.data) for sse in SSEDecoder().iter_bytes(iter(chunks))]


def every_split(data: bytes) -> list[list[bytes]]:
    """The stream whole, byte by byte, and cut in two at every position."""
    splits = [[data], [data[i : i + 1] for i in range(len(data))]]
    splits += [[data[:cut], data[cut:]] for cut in range(1, len(data))]
    return splits


@pytest.mark.parametrize("data", STREAMS.values(), ids=STREAMS.keys())
def test_the_events_are_the_sdks_whatever_the_network_reads(data):
    expected = sdk_events([data])
    for chunks in every_split(data):
        assert list(sse_events(chunks)) == expected, chunks


def test_the_openai_stream_reads_as_its_events():
    assert list(sse_events([STREAMS["openai chunks, LF"]])) == [
        (None, '{"a": 1}'),
        (None, '{"b": 2}'),
        (None, "[DONE]"),
    ]


@pytest.mark.parametrize(
    "data",
    [b"data: \xff\xfe\n\n", b"data: ok\n\ndata: \xc3"],
    ids=["in a finished line", "in a last line with no end"],
)
def test_bytes_that_are_not_utf8_fail_as_they_do_in_the_sdk(data):
    with pytest.raises(UnicodeDecodeError):
        sdk_events([data])
    with pytest.raises(UnicodeDecodeError):
        list(sse_events([data]))
