"""Turning a pushed plain-text body (or the text of its HTML, see
:mod:`services.ingest.domain.html_text`) into the clean text published on ``articles.raw``.

Every span the extractor emits indexes into the cleaned text, so cleaning happens once, here,
before the article is published; nothing downstream edits the body again.

>>> clean_body("First paragraph.\\r\\n\\r\\nAlso read: Other story\\r\\n\\r\\nSecond.  ")
CleanedBody(text='First paragraph.\\n\\nSecond.', removed_lines=1)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A boilerplate line is short; a long paragraph that happens to start like one is kept.
MAX_BOILERPLATE_LINE = 300

# Decoration that often precedes a related-links line: bullets, arrows, brackets.
_LEAD = r"[\s\-–—*•·»>►▶→|\[(]*"
# What follows the cue of a "label" line such as "Also read: …": a separator or the line end.
# A dash counts only after a space, so "Related-party deals" stays.
_SEP = r"(?:\s*[:|»>]|\s+[-–—]|[\s.…»>\])]*$)"
_BOILERPLATE = re.compile(
    _LEAD
    + r"(?:"
    + r"(?:also|further)\s+read"
    + _SEP
    + r"|read\s+(?:more|also)"
    + _SEP
    + r"|related(?:\s+(?:articles?|stor(?:y|ies)|content|coverage|news|reading|links?))?"
    + _SEP
    + r"|see\s+also"
    + _SEP
    + r"|(?:recommended(?:\s+reading)?|must\s+read|don['’]t\s+miss)"
    + _SEP
    + r"|click\s+here\b"
    + r"|subscribe\s+(?:to|now|for)\b"
    + r"|sign\s+up\s+for\s+our\b"
    + r"|follow\s+us\s+(?:on|at)\b"
    + r")",
    re.IGNORECASE,
)

# Line breaks other than "\n" that feeds use; all become "\n" so offsets count one char each.
_LINE_BREAKS = re.compile(r"\r\n|[\r\v\f\x85\u2028\u2029]")
# Control characters that carry no text (and that Postgres refuses, in the case of NUL).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufeff]")


@dataclass(frozen=True, slots=True)
class CleanedBody:
    """The cleaned text and how many boilerplate lines were dropped from it."""

    text: str
    removed_lines: int


def clean_body(text: str) -> CleanedBody:
    """Normalise line breaks, drop control characters and trailing spaces, remove related-link
    boilerplate lines and collapse blank lines so paragraphs are separated by one blank line.

    Only whole lines that *start* with a boilerplate cue ("Also read:", "READ MORE:",
    "Related:", "See also:", "Click here to …", "Subscribe to …", "Follow us on …") are
    removed; a sentence that merely contains the words stays.

    >>> clean_body("He said he had also read the report.").text
    'He said he had also read the report.'
    """
    lines = [line.rstrip() for line in strip_control_chars(text).split("\n")]
    kept = [line for line in lines if not is_boilerplate_line(line)]
    return CleanedBody(text=join_paragraphs(kept), removed_lines=len(lines) - len(kept))


def strip_control_chars(text: str) -> str:
    """Unify line breaks to ``\\n`` and drop control characters (tabs stay)."""
    return _CONTROL.sub("", _LINE_BREAKS.sub("\n", text))


def is_boilerplate_line(line: str) -> bool:
    """True for a related-links / call-to-action line such as ``Also read: …``.

    >>> is_boilerplate_line("READ MORE: Oil prices fall")
    True
    >>> is_boilerplate_line("Also read the report, he said.")
    False
    """
    stripped = line.strip()
    return (
        bool(stripped)
        and len(stripped) <= MAX_BOILERPLATE_LINE
        and _BOILERPLATE.match(stripped) is not None
    )


def join_paragraphs(lines: list[str]) -> str:
    """Join lines, keeping at most one blank line in a row and none at either end."""
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)
