"""Lines that belong to the page, not to the story ("Also read: …" links, promotions)."""

from __future__ import annotations

import re

from services.extract.domain.speech_lexicon import BOILERPLATE_PREFIXES

_LINE = re.compile(r"[^\n]+")
_SOCIAL_LINE = re.compile(
    r"^(follow|like)\b.{0,80}\b(on (twitter|facebook|instagram)|@\w+)", re.IGNORECASE
)
_CREDIT_LINE = re.compile(
    r"^(\(?(ap|afp|reuters|getty) ?(photo|images)\b|image (copyright|caption)|photo:|"
    r"picture:|copyright\b)",
    re.IGNORECASE,
)
_CREDIT_LABELS = re.compile(
    r"^\s*(image copyright\b.{0,60}?\s)?image caption\b|^\s*image copyright\b", re.IGNORECASE
)
_MAX_BOILERPLATE_WORDS = 40
"""Link, promotion and credit lines are short. A line that opens like one but runs on for more
words than a headline and a standfirst is prose the page glued to a label (a body flattened into
one line after "Image caption"), and only the label is page furniture."""
_WORDS = re.compile(r"\w+")


def find_boilerplate(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` ranges of boilerplate lines, in text order.

    >>> find_boilerplate("Story.\\nAlso read: Other story\\nMore story.")
    [(7, 29)]
    """
    ranges: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        head = line.group().lstrip().replace("\xa0", " ").lower()
        if not (
            head.startswith(BOILERPLATE_PREFIXES)
            or _SOCIAL_LINE.match(head)
            or _CREDIT_LINE.match(head)
        ):
            continue
        if len(_WORDS.findall(head)) <= _MAX_BOILERPLATE_WORDS:
            ranges.append((line.start(), line.end()))
            continue
        label = _CREDIT_LABELS.match(line.group())
        if label is not None:
            ranges.append(
                (line.start() + len(line.group()) - len(head), line.start() + label.end())
            )
    return ranges


def overlaps_any(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    """Whether ``[start, end)`` touches any of ``ranges``."""
    return any(start < r_end and r_start < end for r_start, r_end in ranges)
