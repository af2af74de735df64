"""Quotation spans in a body.

Quote marks are paired within a paragraph (a line). Curly marks are unambiguous; straight double
quotes toggle; single quotes only count when they sit at word edges, so the apostrophes of
"Ukraine's" or "Russias' economy" never open a quote. A quote left open at the end of a paragraph
runs to the end of that paragraph, the convention for quotes continued over paragraphs.
Typewriter doubles (two apostrophes ``''``, or two backticks to open) count as double marks, as
some wire and archive copy writes them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LINE = re.compile(r"[^\n]+")
_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"
_SINGLE_OPEN = "‘"
_SINGLE_CLOSE = "’"
_DOUBLE_MARK = re.compile(r"[“„«”»\"]|''|``")
_SINGLE_MARK = re.compile(r"[‘’']")


@dataclass(frozen=True)
class Quote:
    """A quotation: ``start``/``end`` include the marks, ``inner_*`` exclude them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool = True

    def contains(self, position: int) -> bool:
        return self.start <= position < self.end


def find_quotes(text: str) -> list[Quote]:
    """Every double and single quotation in ``text``, sorted by start.

    >>> [text[q.inner_start:q.inner_end] for text in ['He said “no way” today.']
    ...  for q in find_quotes(text)]
    ['no way']
    """
    quotes: list[Quote] = []
    for line in _LINE.finditer(text):
        doubles = _pair_double_quotes(text, line.start(), line.end())
        singles = [
            q
            for q in _pair_single_quotes(text, line.start(), line.end())
            if not any(d.start <= q.start and q.end <= d.end for d in doubles)
        ]
        quotes.extend(doubles)
        quotes.extend(singles)
    return sorted(quotes, key=lambda q: q.start)


def _pair_double_quotes(text: str, start: int, end: int) -> list[Quote]:
    quotes: list[Quote] = []
    open_at: int | None = None
    open_width = 1
    for mark in _DOUBLE_MARK.finditer(text, start, end):
        i, width, char = mark.start(), len(mark.group()), mark.group()[0]
        opens = char in _DOUBLE_OPEN or char == "`"
        closes = char in _DOUBLE_CLOSE
        if open_at is None and (not closes or not text[start:i].strip()):
            open_at, open_width = i, width  # a closing mark opening a paragraph is a typo
        elif open_at is not None and not opens:
            quotes.append(Quote(open_at, i + width, open_at + open_width, i))
            open_at = None
    if open_at is not None:
        line_end = _strip_end(text, open_at + open_width, end)
        if line_end - open_at > open_width:
            quotes.append(Quote(open_at, line_end, open_at + open_width, line_end, closed=False))
    return quotes


def _pair_single_quotes(text: str, start: int, end: int) -> list[Quote]:
    quotes: list[Quote] = []
    open_at: int | None = None
    for mark in _SINGLE_MARK.finditer(text, start, end):  # other characters change nothing
        i = mark.start()
        char = mark.group()
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        if text.startswith("''", i) or (i > start and text.startswith("''", i - 1)):
            continue  # one half of a typewriter double mark
        if open_at is None:
            if (char in _SINGLE_OPEN or char == "'") and not before.isalnum() and after.isalnum():
                open_at = i
        elif (char in _SINGLE_CLOSE or char == "'") and not after.isalnum() and before != " ":
            if i - open_at > 2:
                quotes.append(Quote(open_at, i + 1, open_at + 1, i))
            open_at = None
    return quotes


def _strip_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
