"""Claims: who said what, built around reporting cues on the dependency parse.

:func:`extract_claims` runs four steps, each in a module of its own:

1. **cue drafts** (:mod:`cue_drafts`): for every cue (a speech or attitude verb, a noun of
   speech or stance, "according to") the content is what its syntax reports
   (:mod:`reported_content`), widened to whole quotations it touches; a cue without a
   complement takes an adjacent quotation. The source is the cue's subject (or the object of
   "according to").
2. **quotation and layout drafts** (:mod:`quotation_drafts`): quotations that no cue claimed but
   that their surroundings attribute (a dash signature, a colon, "used the phrase “…”", a
   headline's "Name: …").
3. **nesting** (:mod:`claim_assembly`): a cue inside another claim's content is folded into that
   claim; a quotation filling a paragraph with no cue is added to carry on the previous
   speaker.
4. **claims** (:mod:`claim_assembly`): in text order, each draft gets its spans, kind, resolved
   speaker, id and final confidence.
"""

from __future__ import annotations

from services.extract.domain.claim_assembly import fold_nested, to_claims
from services.extract.domain.claim_drafts import Draft
from services.extract.domain.cue_drafts import cue_drafts_in_sentence
from services.extract.domain.document import DocumentContext
from services.extract.domain.quotation_drafts import layout_drafts, paragraph_quote_drafts
from shared.models import Claim


def extract_claims(ctx: DocumentContext, *, version: str) -> list[Claim]:
    """Every claim in the article, in text order."""
    drafts: list[Draft] = []
    for sentence in ctx.doc.sents:
        if ctx.sentence_is_boilerplate(sentence):
            continue
        drafts.extend(cue_drafts_in_sentence(ctx, sentence))
    drafts.extend(layout_drafts(ctx, drafts))
    drafts = fold_nested(ctx, drafts)
    drafts += paragraph_quote_drafts(ctx, drafts)
    drafts.sort(key=lambda d: min(d.content))
    return to_claims(ctx, drafts, version=version)
