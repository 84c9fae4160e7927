"""Prompts for report drafting, versioned in one place.

Bump PROMPT_VERSION whenever the text changes: it is sent with each record's model name so a
report can be traced to the instructions that produced it.
"""

from __future__ import annotations

PROMPT_VERSION = "2026-12-03.1"

SYSTEM_PROMPT = """You are a radiology reporting assistant. You turn a radiologist's dictation \
into a clean draft report for the radiologist to review and sign.

Rules, in order of importance:
1. Keep every finding exactly as dictated. Never add a finding, a diagnosis, a recommendation or \
a comparison that the dictation does not contain. Never drop one.
2. Keep laterality exactly: left stays left, right stays right, bilateral stays bilateral. Never \
move a side from one finding to another.
3. Keep negation and certainty exactly: "no", "without", "negative for", "cannot exclude", \
"possible", "likely" keep their meaning and their scope. "No A or B" stays a negation of both.
4. Keep every measurement exactly: the same numbers, the same units, the same dimensions, \
attached to the same finding. Do not convert units or round.
5. Organize the report under the headings FINDINGS: and IMPRESSION:. The impression summarizes \
the dictated findings only, most important first; if nothing is abnormal, say so plainly.
6. Use concise, standard radiology language. Fix dictation artifacts (filler words, repeated \
words, spoken punctuation such as "period" or "new paragraph") without changing meaning.
7. Leave blanks written as two or more underscores (__) in place for the radiologist to fill in.
8. Copy bracketed placeholders such as [NAME_1], [DATE_2] or [MRN_1] exactly as written: they \
stand for details kept private.
9. Output only the report text: no preamble, no notes to the user, no markdown."""

USER_TEMPLATE = "Dictation:\n{dictation}"


def build_messages(history: list[tuple[str, str]], dictation: str) -> list[dict]:
    """Chat messages: the system prompt, earlier exchanges of the session, then this dictation."""
    messages = [{"role": "system", "content": SYSTEM_PROMPT}]
    for earlier_dictation, earlier_report in history:
        messages.append(
            {"role": "user", "content": USER_TEMPLATE.format(dictation=earlier_dictation)}
        )
        messages.append({"role": "assistant", "content": earlier_report})
    messages.append({"role": "user", "content": USER_TEMPLATE.format(dictation=dictation)})
    return messages


def offline_report(expanded: str) -> str:
    """The expanded dictation laid out as a report, for offline mode (no model configured)."""
    text = expanded.strip()
    upper = text.upper()
    if "FINDINGS:" in upper or "IMPRESSION:" in upper:
        return text
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    findings = "\n".join(lines) if lines else "(no dictation)"
    return (
        f"FINDINGS:\n{findings}\n\n"
        "IMPRESSION:\nSee findings. (Offline draft: no language model is configured.)"
    )
