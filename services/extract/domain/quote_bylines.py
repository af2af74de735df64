"""Quotations attributed by layout rather than by a verb.

Two conventions of news copy: a vox-pop quotation signed with a dash after it
(“We need jobs.” ― Ana Ruiz), and a transcript line that starts with the speaker's name in
capitals and a colon ("SMITH: We will win."). Each gives the quotation, the cue (the dash or
the colon) and the source, as character spans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from services.extract.domain.quotes import Quote

_DASH_SIGNATURE = re.compile(
    r"[\s.,]*(?P<cue>―|—|–|--)\s*(?P<name>[A-Z][\w.'’-]*(?:[ \xa0]+[\w.'’-]+){0,5}?)"
    r"[\s.,]*$"
)
_TRANSCRIPT_LINE = re.compile(
    r"^[\"“]?(?P<name>(?:(?:MR|MS|MRS|DR|SEN|REP|GOV)\.? )?[A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+){0,2})"
    r"(?P<cue>:)[ \xa0]+(?P<content>\S.*?)[\s\"”]*$"
)
_NOT_SPEAKERS = frozenset(
    {
        "UPDATE",
        "UPDATED",
        "NOTE",
        "EDITOR'S NOTE",
        "EDITOR’S NOTE",
        "CORRECTION",
        "WATCH",
        "VIDEO",
        "PHOTOS",
        "READ MORE",
        "RELATED",
        "BREAKING",
        "EXCLUSIVE",
        "SOURCE",
        "SOURCES",
        "CLARIFICATION",
    }
)


@dataclass(frozen=True)
class Byline:
    """A quotation with its layout cue and source, as ``[start, end)`` character spans."""

    content: tuple[int, int]
    cue: tuple[int, int]
    source: tuple[int, int]


def find_dash_bylines(text: str, quotes: list[Quote]) -> list[Byline]:
    """Quotations followed, to the end of their paragraph, by a dash and a name.

    >>> text = "“We need jobs.” ― Ana Ruiz"
    >>> from services.extract.domain.quotes import find_quotes
    >>> [text[b.source[0]:b.source[1]] for b in find_dash_bylines(text, find_quotes(text))]
    ['Ana Ruiz']
    """
    found: list[Byline] = []
    for quote in quotes:
        line_end = text.find("\n", quote.end)
        line_end = len(text) if line_end == -1 else line_end
        match = _DASH_SIGNATURE.match(text, quote.end, line_end)
        if match is None or match.end() != line_end:
            continue
        name_start, name_end = match.span("name")
        while name_end > name_start + 1 and text[name_end - 1] in ". ":
            name_end -= 1
        found.append(
            Byline(
                content=(quote.inner_start, quote.inner_end),
                cue=match.span("cue"),
                source=(name_start, name_end),
            )
        )
    return found


def find_transcript_lines(text: str) -> list[Byline]:
    """Paragraphs of a transcript: a capitalised speaker label, a colon, the words spoken.

    >>> text = "PENCE: We will win this state."
    >>> [text[b.content[0]:b.content[1]] for b in find_transcript_lines(text)]
    ['We will win this state.']
    """
    found: list[Byline] = []
    for line in re.finditer(r"[^\n]+", text):
        match = _TRANSCRIPT_LINE.match(line.group())
        if match is None or match.group("name").strip() in _NOT_SPEAKERS:
            continue
        offset = line.start()
        found.append(
            Byline(
                content=(offset + match.start("content"), offset + match.end("content")),
                cue=(offset + match.start("cue"), offset + match.end("cue")),
                source=(offset + match.start("name"), offset + match.end("name")),
            )
        )
    return found
