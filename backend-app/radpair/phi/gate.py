"""The PHI gate: identifiers become surrogates before a prompt leaves, and come back in the draft.

`PhiGate.mask(messages)` returns a `GatedPrompt` whose messages carry `[NAME_1]`, `[DATE_2]`...
instead of identifiers (the same identifier gets the same surrogate across the whole prompt,
session history included), the count of masked items per category, and the restoration of a
finished draft or of a stream of chunks. Any failure raises PHIGateError: the caller never gets
unmasked messages back, so the model is not called (fail closed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from radpair.exceptions import PHIGateError
from radpair.phi import namebook
from radpair.phi.detect import CATEGORIES, find_in_texts

_SURROGATE = re.compile(r"\[(?:" + "|".join(CATEGORIES) + r")_\d{1,5}\]")
# The longest surrogate a stream may hold back while waiting for its closing bracket.
_MAX_SURROGATE = max(map(len, CATEGORIES)) + len("[_99999]")
_PARTIAL = re.compile(r"\[[A-Z]*(?:_\d*)?")


@dataclass
class GatedPrompt:
    """Masked messages, what was masked, and the way back."""

    messages: list[dict]
    counts: dict[str, int]
    originals: dict[str, str] = field(default_factory=dict)

    def restore(self, text: str) -> str:
        """The draft with every known surrogate replaced by its identifier."""
        if not self.originals or "[" not in text:
            return text
        try:
            return _SURROGATE.sub(lambda m: self.originals.get(m.group(0), m.group(0)), text)
        except Exception:  # noqa: BLE001 - any failure is the gate's, and carries no text
            raise PHIGateError() from None

    def restore_stream(self, chunks: Iterable[str]) -> Iterator[str]:
        """Restored chunks; a surrogate split across chunks is held back until it is whole."""
        pending = ""
        for chunk in chunks:
            text = pending + chunk
            pending = ""
            cut = text.rfind("[")
            if cut != -1 and len(text) - cut < _MAX_SURROGATE and _PARTIAL.fullmatch(text, cut):
                text, pending = text[:cut], text[cut:]
            if text:
                yield self.restore(text)
        if pending:
            yield self.restore(pending)


class PhiGate:
    """Masks identifiers in chat messages (the system prompt is ours and is left as is)."""

    def warm_up(self) -> None:
        """Read the name lists and run every rule once, before the first draft needs them."""
        namebook.load()
        self.mask([{"role": "user", "content": "Discussed with Jane Doe on 01/02/2024."}])

    def mask(self, messages: list[dict]) -> GatedPrompt:
        """The messages with surrogates; PHIGateError if masking cannot be completed."""
        try:
            return self._mask(messages)
        except PHIGateError:
            raise
        except Exception:  # noqa: BLE001 - fail closed, and keep the text out of the traceback
            raise PHIGateError() from None

    def _mask(self, messages: list[dict]) -> GatedPrompt:
        indexes = [i for i, m in enumerate(messages) if m.get("role") != "system"]
        texts = [messages[i]["content"] for i in indexes]
        if not all(isinstance(text, str) for text in texts):
            raise PHIGateError()
        found = find_in_texts(texts)
        surrogates = _Surrogates("".join(texts))
        masked = [dict(message) for message in messages]
        for index, text, spans in zip(indexes, texts, found):
            if not spans:
                continue
            out, last = [], 0
            for span in spans:
                out.append(text[last : span.start])
                out.append(surrogates.of(span.category, text[span.start : span.end]))
                last = span.end
            out.append(text[last:])
            masked[index]["content"] = "".join(out)
        return GatedPrompt(masked, surrogates.counts, surrogates.originals)


def scrub(text: str) -> str:
    """Text for a log line: each identifier replaced by its category ("[NAME]")."""
    try:
        spans = find_in_texts([text])[0]
    except Exception:  # noqa: BLE001 - a log line that cannot be checked is not written
        return "[withheld: the PHI gate could not check this text]"
    for span in reversed(spans):
        text = f"{text[: span.start]}[{span.category}]{text[span.end :]}"
    return text


class _Surrogates:
    """Stable surrogates: one per distinct identifier, numbered per category."""

    def __init__(self, source: str):
        # A literal "[NAME_1]" already in the dictation must not be "restored" into a name.
        self.reserved = set(_SURROGATE.findall(source)) if "[" in source else set()
        self.by_value: dict[tuple[str, str], str] = {}
        self.originals: dict[str, str] = {}
        self.next: dict[str, int] = {}
        self.counts: dict[str, int] = {}

    def of(self, category: str, value: str) -> str:
        self.counts[category] = self.counts.get(category, 0) + 1
        key = (category, value)
        surrogate = self.by_value.get(key)
        if surrogate is None:
            number = self.next.get(category, 0)
            while True:
                number += 1
                surrogate = f"[{category}_{number}]"
                if surrogate not in self.reserved:
                    break
            self.next[category] = number
            self.by_value[key] = surrogate
            self.originals[surrogate] = value
        return surrogate
