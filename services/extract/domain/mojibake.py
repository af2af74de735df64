"""Text whose UTF-8 was decoded as Windows-1252 ("mojibake"), as scraped news feeds often carry.

A curly quote written in UTF-8 and read back as Windows-1252 becomes three characters: “ is
"â€œ", ’ is "â€™", — is "â€”", and é is "Ã©". The tokenizer then glues them to the next word,
since "â" is a letter: "â€œpolice" is one token, neither the noun *police* nor a quote mark,
and the lexicons never see the word.

:func:`repair` gives the parser the text as it was meant (the repair itself is ftfy's
``fix_encoding``, which undoes such round trips and leaves anything it cannot read as one
alone) and an **origin map**: for every character of the repaired text, the offset in the text
as published where it comes from. Whitespace is never touched, so the two texts have the same
whitespace-separated chunks in the same order, and only a chunk with a mojibake lead character
("â", "Ã", "Â") is handed to ftfy. With the map, the parse is put back on the published words
(:func:`services.extract.domain.text_bounds.with_text`) and every offset still indexes the body
as published.

A chunk is left as published when its repair is longer than it (a repair never lengthens text,
so that is no round trip) or when it is longer than :data:`MAX_CHUNK` (the alignment's cost
grows with the square of a chunk's length).

>>> fixed = repair("â€œpolice said")
>>> fixed.text
'“police said'
>>> fixed.origin[:3]
(0, 3, 4)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from ftfy import fix_encoding

_LEADS = "âÃÂ"
"""How the lead bytes of two- and three-byte UTF-8 sequences read in Windows-1252: C2/C3
(Latin-1 letters and signs: "Â£", "Ã©") and E2 (punctuation: "â€œ", "â€™", "â€”"), the
commonest in English news. A lower-cased feed keeps the punctuation ("â€œ" has no upper-case
letter) but turns "Ã©" into "ã©", which no longer reads back as UTF-8."""

_SUSPECT_CHUNK = re.compile(r"\S*[âÃÂ]\S*")

MAX_CHUNK = 64
"""Characters a chunk may have to be repaired: a word with the quote marks and punctuation
glued to it is far shorter; aligning a longer one costs time that grows with its square (a
hostile 4,000-character chunk took half a minute), so it is left as published."""


@dataclass(frozen=True)
class Repaired:
    """The repaired text and, for each of its characters (and its end), the published offset."""

    text: str
    origin: tuple[int, ...]


def has_leads(text: str) -> bool:
    """Whether ``text`` holds a character that can start mojibake (a substring search, cheap)."""
    return any(lead in text for lead in _LEADS)


def repair(text: str) -> Repaired | None:
    """``text`` with its mojibake repaired and the origin map, or ``None`` when nothing changed.

    Linear in the text: chunks without a lead character are copied, the others are repaired and
    aligned one by one (a chunk is short: a word and the punctuation glued to it)."""
    if not has_leads(text):
        return None
    pieces: list[str] = []
    origin: list[int] = []
    copied = 0  # published text before this offset is already in ``pieces``
    for match in _SUSPECT_CHUNK.finditer(text):
        chunk = match.group()
        if len(chunk) > MAX_CHUNK:
            continue
        fixed = fix_encoding(chunk)
        chunk_origin = _align(fixed, chunk) if fixed != chunk else None
        if chunk_origin is None:
            continue
        pieces.append(text[copied : match.start()])
        origin.extend(range(copied, match.start()))
        pieces.append(fixed)
        origin.extend(match.start() + offset for offset in chunk_origin)
        copied = match.end()
    if not pieces:
        return None
    pieces.append(text[copied:])
    origin.extend(range(copied, len(text) + 1))
    return Repaired("".join(pieces), tuple(origin))


def _align(fixed: str, chunk: str) -> list[int] | None:
    """For each character of ``fixed``, its offset in ``chunk``: the characters both share keep
    their places and each repaired stretch is spread over the published one it replaces. When
    the shared characters do not line up so (a garbled em dash ends in "”", which a repaired
    quote mark may match), the whole chunk is spread evenly. ``None`` when ``fixed`` is longer
    than ``chunk``: that is no round trip, and some repaired character would have no published
    one."""
    if len(fixed) > len(chunk):
        return None
    origin: list[int] = []
    matcher = SequenceMatcher(None, fixed, chunk, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            origin.extend(range(j1, j2))
        elif op == "replace" and j2 - j1 >= i2 - i1:
            origin.extend(_spread(i2 - i1, j1, j2))
        elif op != "insert":  # published characters with no repaired one are skipped
            return list(_spread(len(fixed), 0, len(chunk)))
    return origin


def _spread(count: int, start: int, end: int) -> list[int]:
    """``count`` rising offsets from ``start`` over ``start..end`` (at least ``count`` long)."""
    return [start + (k * (end - start)) // count for k in range(count)]
