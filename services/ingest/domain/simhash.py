"""Near-duplicate detection: SimHash fingerprints over word shingles.

Two texts that say nearly the same thing (the same wire story on two sites, one with a byline
and a different last paragraph) get 64-bit fingerprints that differ in few bits; unrelated texts
differ in about half of them. :func:`hamming_distance` counts the differing bits.

>>> story = "The minister said on Tuesday that the bridge would reopen next month after repairs"
>>> same = simhash(story + ", officials said.")
>>> hamming_distance(simhash(story), same) <= 12
True
>>> hamming_distance(simhash(story), simhash("Heavy rain flooded the valley overnight")) > 12
True
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

BITS = 64
SHINGLE_WORDS = 3
_WORD = re.compile(r"\w+", re.UNICODE)
_MASK = (1 << BITS) - 1


def shingles(text: str, *, size: int = SHINGLE_WORDS) -> list[str]:
    """Overlapping runs of ``size`` lower-cased words; a shorter text is one shingle.

    >>> shingles("A b, C d!", size=3)
    ['a b c', 'b c d']
    """
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) <= size:
        return [" ".join(words)] if words else []
    return [" ".join(words[i : i + size]) for i in range(len(words) - size + 1)]


def simhash(text: str, *, size: int = SHINGLE_WORDS) -> int:
    """The 64-bit SimHash of ``text``'s word shingles (weighted by how often each occurs);
    ``0`` for a text without words."""
    weights = Counter(shingles(text, size=size))
    totals = [0] * BITS
    for feature, weight in weights.items():
        bits = _feature_hash(feature)
        for i in range(BITS):
            totals[i] += weight if bits >> i & 1 else -weight
    return sum(1 << i for i, total in enumerate(totals) if total > 0)


def hamming_distance(a: int, b: int) -> int:
    """Number of bits in which two fingerprints differ.

    >>> hamming_distance(0b1011, 0b0001)
    2
    """
    return ((a ^ b) & _MASK).bit_count()


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """A known article's fingerprint; ``duplicate_of`` is the article it was itself flagged as
    a near duplicate of, if any."""

    article_id: str
    simhash: int
    duplicate_of: str | None = None


def find_near_duplicate(
    fingerprint: int,
    known: Iterable[Fingerprint],
    *,
    max_distance: int,
    exclude: str | None = None,
) -> str | None:
    """The article that ``fingerprint`` nearly duplicates: the closest known fingerprint within
    ``max_distance`` bits (the first one on ties), followed back to the original it was itself a
    near duplicate of. ``None`` when nothing is that close or the text had no words.

    >>> known = [Fingerprint("a-1", 0b1111), Fingerprint("a-2", 0b1110, duplicate_of="a-1")]
    >>> find_near_duplicate(0b0110, known, max_distance=1)
    'a-1'
    >>> find_near_duplicate(0b0000_0110, known, max_distance=0) is None
    True
    """
    if fingerprint == 0:
        return None
    best: Fingerprint | None = None
    best_distance = max_distance + 1
    for candidate in known:
        if candidate.article_id == exclude or candidate.simhash == 0:
            continue
        distance = hamming_distance(fingerprint, candidate.simhash)
        if distance < best_distance:
            best, best_distance = candidate, distance
    if best is None:
        return None
    return best.duplicate_of or best.article_id


def to_signed(fingerprint: int) -> int:
    """The fingerprint as a signed 64-bit integer (Postgres ``bigint``), and back with
    :func:`to_unsigned`.

    >>> to_unsigned(to_signed(2**64 - 1)) == 2**64 - 1
    True
    """
    return fingerprint - (1 << BITS) if fingerprint >> (BITS - 1) else fingerprint


def to_unsigned(value: int) -> int:
    return value & _MASK


def _feature_hash(feature: str) -> int:
    return int.from_bytes(hashlib.blake2b(feature.encode("utf-8"), digest_size=8).digest(), "big")
