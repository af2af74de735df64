"""A claim before ids and models (:class:`Draft`), how confident each way of finding one is, and
the token helpers every kind of draft shares."""

from __future__ import annotations

import re
from dataclasses import dataclass

from services.extract.domain.cues import CueMatch
from services.extract.domain.document import DocumentContext
from services.extract.domain.quotes import Quote

# Confidence by how the claim was found; lowered when the speaker stays unknown
# (claim_assembly). Set from how reliable each construction is in news English, not fitted on
# evaluation data.
CONFIDENCE_SPEECH_QUOTE = 0.9
CONFIDENCE_SPEECH = 0.8
CONFIDENCE_LAYOUT = 0.8
CONFIDENCE_NOUN = 0.6
CONFIDENCE_NOUN_STANCE = 0.5
CONFIDENCE_FOLLOW_ON = 0.6
CONFIDENCE_ATTITUDE = 0.55
CONFIDENCE_UNLISTED = 0.4
CONFIDENCE_ACCORDING_TO = 0.75

WORD = re.compile(r"\w")


@dataclass(frozen=True)
class Draft:
    """A claim before ids and models: token indices of content, cue and source."""

    cue: CueMatch | None
    content: frozenset[int]
    source: tuple[int, int] | None
    confidence: float
    referent: tuple[int, int] | None = None
    """What a relative-pronoun source ("who") stands for."""
    inner_sources: tuple[tuple[int, int], ...] = ()
    """Sources of attributions folded into this one ("intelligence" in "X said intelligence
    says ...")."""
    paragraph: bool = False
    """The content is a paragraph introduced by the cue ("McCrummen reports:"); quotations
    with cues of their own inside it are separate claims."""


def tokens_in(ctx: DocumentContext, quote: Quote) -> set[int]:
    span = ctx.doc.char_span(quote.inner_start, quote.inner_end, alignment_mode="expand")
    if span is None:
        return set()
    return set(range(span.start, span.end))


def widen_to_quotes(ctx: DocumentContext, content: set[int]) -> set[int]:
    """Content that touches a quotation takes all of it (multi-sentence quotes)."""
    if not content:
        return content
    doc = ctx.doc
    widened = set(content)
    first, last = doc[min(content)].idx, doc[max(content)].idx + 1
    for quote in ctx.quotes:
        if quote.start < last and first < quote.end and quote.end - quote.start > 8:
            widened |= tokens_in(ctx, quote)
    return widened


def has_words(ctx: DocumentContext, content: set[int]) -> bool:
    """Whether at least two tokens of ``content`` hold a word character."""
    doc = ctx.doc
    found = 0
    for i in content:
        if WORD.search(doc[i].text):
            found += 1
            if found == 2:
                return True
    return False
