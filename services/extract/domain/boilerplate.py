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


def find_boilerplate(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` ranges of boilerplate lines, in text order.

    >>> find_boilerplate("Story.\\nAlso read: Other story\\nMore story.")
    [(7, 29)]
    """
    ranges: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        head = line.group().lstrip().replace("\xa0", " ").lower()
        if (
            head.startswith(BOILERPLATE_PREFIXES)
            or _SOCIAL_LINE.match(head)
            or _CREDIT_LINE.match(head)
        ):
            ranges.append((line.start(), line.end()))
    return ranges


def overlaps_any(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    """Whether ``[start, end)`` touches any of ``ranges``."""
    return any(start < r_end and r_start < end for r_start, r_end in ranges)
