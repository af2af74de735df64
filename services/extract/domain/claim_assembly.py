"""From drafts to claims: a cue inside another claim's content is folded into it (nesting), a
draft with no cue carries on the previous speaker (merging), and each draft becomes a
:class:`Claim` with its character spans, kind, resolved speaker and final confidence."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from services.extract.domain.claim_drafts import WORD, Draft
from services.extract.domain.cues import CueMatch
from services.extract.domain.document import DocumentContext
from services.extract.domain.speakers import resolve_speaker
from shared.ids import claim_id_for
from shared.models import Claim, ClaimContent, ClaimKind, Cue, Speaker


def fold_nested(ctx: DocumentContext, drafts: list[Draft]) -> list[Draft]:
    """Fold a cue that sits inside another claim's content into that claim; the folded
    claim's source is kept on the outer one as an inner source."""
    kept: list[int] = []
    inner: dict[int, list[tuple[int, int]]] = {}
    for index, draft in enumerate(drafts):
        assert draft.cue is not None
        cue_index = draft.cue.start
        quoted = any(ctx.index_in_quote(i) for i in draft.content)
        outer = [
            position
            for position, other in enumerate(drafts)
            if position != index
            and cue_index in other.content
            and not (other.paragraph and quoted and not draft.paragraph)
        ]
        if not outer or _is_mutual(draft, drafts):
            kept.append(index)
        elif draft.source is not None:
            inner.setdefault(outer[0], []).append(draft.source)
    return [
        replace(drafts[index], inner_sources=tuple(inner[index]))
        if index in inner
        else drafts[index]
        for index in kept
    ]


def _is_mutual(draft: Draft, drafts: list[Draft]) -> bool:
    """Two cues each inside the other's content: keep both rather than lose both."""
    assert draft.cue is not None
    for other in drafts:
        if other is draft or other.cue is None or draft.cue.start not in other.content:
            continue
        if other.cue.start not in draft.content:
            return False
    return True


_UNKNOWN_SPEAKER_FACTOR = 0.6


def to_claims(ctx: DocumentContext, drafts: list[Draft], *, version: str) -> list[Claim]:
    """The claims of ``drafts`` (in text order): a draft's source is resolved to a speaker, with
    the previous speaker for pronouns; a draft with no cue carries on the previous speaker."""
    claims: list[Claim] = []
    previous: Speaker | None = None
    for draft in drafts:
        if draft.source is not None:
            speaker = resolve_speaker(
                ctx, *draft.source, previous=previous, referent=draft.referent
            )
        elif previous is not None and draft.cue is None:
            # a quotation paragraph with no cue carries on the previous speaker; an agentless
            # passive ("it was reported that …") has none
            speaker = Speaker(name=previous.name, type=previous.type, role=previous.role)
        else:
            speaker = Speaker(name=None, type="OTHER")
        spans = _content_spans(ctx, draft.content)
        if not spans:
            continue
        kind = _kind_of(ctx, draft.content)
        claims.append(
            Claim(
                claim_id=claim_id_for(ctx.article_id, spans, kind),
                article_id=ctx.article_id,
                kind=kind,
                content=ClaimContent(
                    text=" … ".join(ctx.text[s:e] for s, e in spans), spans=tuple(spans)
                ),
                speaker=speaker,
                cue=_cue_model(ctx, draft.cue),
                confidence=_final_confidence(draft, speaker),
                extractor_version=version,
                inner_speakers=tuple(
                    resolve_speaker(ctx, *bounds, previous=None) for bounds in draft.inner_sources
                ),
            )
        )
        if draft.source is not None or draft.cue is None:
            previous = speaker
    return claims


def _final_confidence(draft: Draft, speaker: Speaker) -> float:
    if not speaker.name or (
        speaker.mention is not None
        and speaker.name == speaker.mention.text
        and speaker.name.lower() in {"he", "she", "they", "it", "who"}
    ):
        return round(draft.confidence * _UNKNOWN_SPEAKER_FACTOR, 3)
    return draft.confidence


def _content_spans(ctx: DocumentContext, content: frozenset[int]) -> list[tuple[int, int]]:
    """Character spans of runs of content tokens.

    Punctuation and space between two content tokens does not break a run; punctuation at
    the edges of a run is trimmed.
    """
    doc = ctx.doc
    runs: list[list[Token]] = [[]]
    for i in range(min(content), max(content) + 1):
        token = doc[i]
        if i in content:
            if not token.is_space:
                runs[-1].append(token)
        elif not (token.is_punct or token.is_space) and runs[-1]:
            runs.append([])
    spans: list[tuple[int, int]] = []
    for run in runs:
        while run and run[0].is_punct:
            run = run[1:]
        while run and run[-1].is_punct:
            run = run[:-1]
        if run:
            spans.append((run[0].idx, run[-1].idx + len(run[-1])))
    return spans


def _kind_of(ctx: DocumentContext, content: frozenset[int]) -> ClaimKind:
    doc = ctx.doc
    words = [i for i in content if WORD.search(doc[i].text)]
    quoted = sum(1 for i in words if ctx.index_in_quote(i))
    if quoted == 0:
        return "indirect"
    if quoted == len(words):
        return "direct"
    return "mixed"


def _cue_model(ctx: DocumentContext, cue: CueMatch | None) -> Cue | None:
    if cue is None:
        return None
    span = ctx.doc[cue.start : cue.end]
    return Cue(text=span.text, lemma=cue.lemma, start=span.start_char, end=span.end_char)
