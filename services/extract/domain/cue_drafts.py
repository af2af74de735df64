"""Drafts from reporting cues in a sentence: a speech or attitude verb, a noun of speech or
stance, "according to", "in X's view", a sentence-initial "for X,".

A verb cue's content is what its syntax reports (:mod:`reported_content`), widened to whole
quotations it touches and to the quotations right before or after the cue ("“…,” he said");
its source is its subject. A cue without a subject is agentless ("it was reported that …").
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from services.extract.domain.claim_drafts import (
    CONFIDENCE_ACCORDING_TO,
    CONFIDENCE_ATTITUDE,
    CONFIDENCE_NOUN,
    CONFIDENCE_NOUN_STANCE,
    CONFIDENCE_SPEECH,
    CONFIDENCE_SPEECH_QUOTE,
    CONFIDENCE_UNLISTED,
    Draft,
    has_words,
    tokens_in,
    widen_to_quotes,
)
from services.extract.domain.cues import (
    CueMatch,
    complement_of,
    cue_candidates,
    match_cue,
    noun_content,
    noun_source_of,
)
from services.extract.domain.document import DocumentContext
from services.extract.domain.quotes import Quote
from services.extract.domain.reported_content import reported_tokens
from services.extract.domain.speakers import (
    inverted_subject,
    mention_bounds,
    referent_of,
    subject_of,
)
from services.extract.domain.speech_lexicon import OBJECT_CUES, PREPOSITION_CUES, STANCE_LIGHT_VERBS

_GAP_BETWEEN_CUE_AND_QUOTE = re.compile(r"^[ \t\xa0,:;—–-]*$")
_CONTINUATION_GAP = re.compile(r"^[ \t\xa0,.:;—–-]*$")


def cue_drafts_in_sentence(ctx: DocumentContext, sentence: Span) -> list[Draft]:
    drafts: list[Draft] = []
    for token in cue_candidates(sentence):
        cue = match_cue(token)
        if cue is None or ctx.token_in_quote(token):
            continue
        if cue.lemma == "according to":
            draft = _according_to_draft(ctx, token, cue)
        elif cue.is_noun and _is_view_adjunct(token):
            draft = _view_adjunct_draft(ctx, token, cue)
        elif cue.is_noun:
            draft = _noun_draft(ctx, token, cue)
        else:
            draft = _verb_draft(ctx, token, cue)
        if draft is not None:
            drafts.append(draft)
    first = sentence[0]
    if first.lower_ == "for" and first.dep_ == "prep":
        draft = _for_holder_draft(ctx, first)
        if draft is not None:
            drafts.append(draft)
    return drafts


_VIEW_NOUNS = frozenset({"view", "opinion", "estimation", "judgment", "judgement", "eyes", "mind"})


def _is_view_adjunct(noun: Token) -> bool:
    """ "In the mayor's view, …", "in the opinion of most economists": a noun of opinion as
    the object of "in" modifying a clause."""
    preposition = noun.head
    return (
        noun.lower_ in _VIEW_NOUNS
        and noun.dep_ == "pobj"
        and preposition.lower_ == "in"
        and preposition.head.pos_ in {"VERB", "AUX"}
    )


def _view_adjunct_draft(ctx: DocumentContext, noun: Token, cue: CueMatch) -> Draft | None:
    holder = noun_source_of(noun)
    if holder is None:
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                holder = next((g for g in child.children if g.dep_ == "pobj"), None)
    if holder is None or ctx.token_in_quote(holder):
        return None
    preposition = noun.head
    clause = preposition.head
    excluded = {t.i for t in preposition.subtree}
    content = {t.i for t in clause.subtree} - excluded
    content = widen_to_quotes(ctx, content) - excluded
    if not has_words(ctx, content):
        return None
    match = CueMatch(preposition.i, noun.i + 1, f"in {noun.lower_}", False, is_noun=True)
    return Draft(match, frozenset(content), mention_bounds(holder), CONFIDENCE_ATTITUDE)


def _for_holder_draft(ctx: DocumentContext, preposition: Token) -> Draft | None:
    """ "For Smith, the plan is a disaster": a sentence-initial "for" + person and a comma
    gives the person's view of the clause."""
    holder = next((c for c in preposition.children if c.dep_ == "pobj"), None)
    doc = ctx.doc
    if holder is None or holder.right_edge.i + 1 >= len(doc):
        return None
    if doc[holder.right_edge.i + 1].text != ",":
        return None
    is_person = holder.ent_type_ in {"PERSON", "ORG", "NORP"} or holder.lower_ in {
        "him",
        "her",
        "them",
    }
    if not is_person or len(list(preposition.subtree)) > 6:
        return None
    clause = preposition.head
    if clause.pos_ not in {"VERB", "AUX"}:
        return None
    excluded = {t.i for t in preposition.subtree}
    content = {t.i for t in clause.subtree} - excluded
    content = widen_to_quotes(ctx, content) - excluded
    if not has_words(ctx, content):
        return None
    match = CueMatch(preposition.i, preposition.i + 1, "for", False)
    return Draft(match, frozenset(content), mention_bounds(holder), CONFIDENCE_ATTITUDE)


def _verb_draft(ctx: DocumentContext, cue_token: Token, cue: CueMatch) -> Draft | None:
    source: tuple[int, int] | None = _name_between_quote_and_cue(ctx, cue_token)
    subject = ctx.doc[source[1] - 1] if source is not None else _source_token(ctx, cue_token)
    if subject is None:
        return _agentless_draft(ctx, cue_token, cue)
    source = source or mention_bounds(subject)
    referent_token = referent_of(subject)
    referent = None if referent_token is subject else mention_bounds(referent_token)
    excluded = set(range(*source)) | {cue_token.i}
    content = reported_tokens(ctx, cue_token) - excluded
    frame = _cue_frame(ctx, cue_token, content) | excluded
    content |= _adjacent_quotes(ctx, frame | content)
    content = widen_to_quotes(ctx, content) - excluded
    content = _without_colon_lead(ctx, cue_token, content)
    quoted = any(ctx.index_in_quote(i) for i in content)
    if quoted:
        content |= _continuation_quotes(ctx, frame | content)
    if not has_words(ctx, content) and not _is_named_object(ctx, cue_token, content):
        return None
    confidence = _verb_confidence(cue, quoted)
    if _is_negated(ctx, cue_token):
        # "did not believe the story": attributed, but weaker; "has not said when": weaker
        # still, though news annotation counts the open question as what was (not) said
        confidence *= 0.5 if _is_open_question(cue_token) else 0.7
    paragraph = "\n" in ctx.text[cue_token.idx : ctx.doc[min(content)].idx]
    return Draft(cue, frozenset(content), source, confidence, referent, paragraph=paragraph)


_MAX_NAME_BEFORE_CUE = 7


def _name_between_quote_and_cue(ctx: DocumentContext, cue_token: Token) -> tuple[int, int] | None:
    """ "“…,” Tulsa police Chief Ana Lopez said Monday." parsed with "said" as a conjunct of
    the quotation's verb: the speaker is the run of words between the closing mark and the cue."""
    head = cue_token.head
    if cue_token.dep_ != "conj" or not ctx.token_in_quote(head) or ctx.token_in_quote(cue_token):
        return None
    doc = ctx.doc
    position = cue_token.i - 1
    while position >= 0 and not ctx.index_in_quote(position) and not doc[position].is_quote:
        position -= 1
    if position < 0 or not doc[position].is_quote:
        return None
    start = position + 1
    while start < cue_token.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    words = doc[start : cue_token.i]
    if not 0 < len(words) <= _MAX_NAME_BEFORE_CUE or words[-1].pos_ not in {"PROPN", "NOUN"}:
        return None
    if any(
        not (t.is_alpha or t.text.endswith(".")) or (t.is_lower and t.pos_ == "VERB") for t in words
    ):
        return None
    return start, cue_token.i


def _without_colon_lead(ctx: DocumentContext, cue_token: Token, content: set[int]) -> set[int]:
    """ "The senator scolded him: “…,” she said.": the words before the colon introduce the
    quotation; what "she said" is the quotation alone."""
    if not content or min(content) > cue_token.i:
        return content
    doc, text = ctx.doc, ctx.text
    first = doc[min(content)].idx
    for quote in reversed(ctx.quotes):
        if quote.end > doc[cue_token.i].idx or quote.start <= first:
            continue
        lead = text[first : quote.start].rstrip()
        if lead.endswith(":") and "\n" not in lead:
            return {i for i in content if doc[i].idx >= quote.start}
        break
    return content


def _is_named_object(ctx: DocumentContext, cue_token: Token, content: set[int]) -> bool:
    """A one-word object of an evaluating cue is content when it names something ("endorsed
    Trump", "supported Democrats"): the stance is about it."""
    if len(content) != 1 or cue_token.lemma_.lower() not in OBJECT_CUES:
        return False
    token = ctx.doc[next(iter(content))]
    return token.dep_ in {"dobj", "nsubjpass"} and token.pos_ in {"PROPN", "NOUN"}


def _agentless_draft(ctx: DocumentContext, cue_token: Token, cue: CueMatch) -> Draft | None:
    """ "It was reported that …", "The plant is expected to close": attributed to nobody
    named; the content is kept, with no source and a low confidence."""
    if not cue.is_listed or not any(c.dep_ == "nsubjpass" for c in cue_token.children):
        return None
    complement = complement_of(cue_token)
    subject = {t.i for c in cue_token.children if c.dep_ == "nsubjpass" for t in c.subtree}
    if complement is not None and complement.i > cue_token.i:
        content = {t.i for t in complement.subtree}
        if complement.dep_ == "xcomp":
            content |= subject
    else:
        content = _passive_charge(cue_token, subject)
    content = widen_to_quotes(ctx, content) - {cue_token.i}
    if not has_words(ctx, content):
        return None
    return Draft(cue, frozenset(content), None, CONFIDENCE_UNLISTED)


def _passive_charge(cue_token: Token, subject: set[int]) -> set[int]:
    """ "Mr. Smith was accused of fraud", "The mayor has been criticized for the delay": with no
    agent, the charge is the passive subject with the object of the cue's preposition."""
    if not subject:
        return set()
    for preposition in PREPOSITION_CUES.get(cue_token.lemma_.lower(), ()):
        for child in cue_token.children:
            if child.dep_ == "prep" and child.lower_ == preposition and child.i > cue_token.i:
                found = {t.i for t in child.subtree} - {child.i}
                if found:
                    return subject | found
    return set()


def _verb_confidence(cue: CueMatch, quoted: bool) -> float:
    if not cue.is_listed:
        return CONFIDENCE_UNLISTED
    if cue.is_speech:
        return CONFIDENCE_SPEECH_QUOTE if quoted else CONFIDENCE_SPEECH
    return CONFIDENCE_ATTITUDE


def _source_token(ctx: DocumentContext, cue_token: Token) -> Token | None:
    """The cue's subject; when the parser took a word inside the quotation for it ("“…, full
    panic mode,” said Ms Wimes"), the name after the verb."""
    subject = subject_of(cue_token)
    if subject is not None and ctx.token_in_quote(subject):
        for child in cue_token.children:
            if child.dep_ == "nsubj" and not ctx.token_in_quote(child):
                return child
        return inverted_subject(cue_token)
    return subject


def _is_negated(ctx: DocumentContext, cue_token: Token) -> bool:
    return any(c.dep_ == "neg" and not ctx.token_in_quote(c) for c in cue_token.children)


def _is_open_question(cue_token: Token) -> bool:
    complement = complement_of(cue_token)
    return complement is not None and any(
        c.dep_ == "mark" and c.lower_ in {"whether", "if"} for c in complement.children
    )


def _cue_frame(ctx: DocumentContext, cue_token: Token, content: set[int]) -> set[int]:
    """The words around the cue that are neither source nor content ("said during a rally in
    Raleigh"): a quotation right after them still belongs to the cue."""
    return {
        t.i
        for t in cue_token.subtree
        if t.i not in content and not (t.is_space or t.is_punct) and not ctx.token_in_quote(t)
    }


def _noun_draft(ctx: DocumentContext, cue_token: Token, cue: CueMatch) -> Draft | None:
    """ "Her warning that prices would rise", "his criticism of the plan", "raised questions
    about the deal": content is the noun's clause or object, source its owner (a possessive, a
    "by"/"from" phrase, or the subject of a light verb whose object the noun is)."""
    reported = noun_content(cue_token)
    holder = noun_source_of(cue_token) or _light_verb_subject(cue_token)
    if not reported or holder is None or ctx.token_in_quote(holder):
        return None
    if holder.pos_ == "PRON" and holder.lower_ in {"it", "this", "that", "which"}:
        return None
    source = mention_bounds(holder)
    if cue_token.i in range(*source):
        return None
    content = {t.i for t in reported} - set(range(*source))
    content = widen_to_quotes(ctx, content) - set(range(*source)) - {cue_token.i}
    if not has_words(ctx, content):
        return None
    confidence = CONFIDENCE_NOUN if cue.is_speech else CONFIDENCE_NOUN_STANCE
    return Draft(cue, frozenset(content), source, confidence)


def _light_verb_subject(noun: Token) -> Token | None:
    """ "The senator raised questions about ...": the subject of the verb whose object is the
    cue noun."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in STANCE_LIGHT_VERBS:
        return None
    subject = subject_of(verb)
    if subject is None or subject.i == noun.i:
        return None
    return subject


def _according_to_draft(ctx: DocumentContext, token: Token, cue: CueMatch) -> Draft | None:
    doc = ctx.doc
    to_token = doc[token.i + 1]
    objects = [c for c in to_token.children if c.dep_ == "pobj"]
    if not objects:
        return None
    source_start, source_end = objects[0].left_edge.i, objects[0].right_edge.i + 1
    source_end = _extend_over_trailing_name(doc[token.i].sent, source_end)
    clause = token.head if token.head.pos_ in {"VERB", "AUX"} else None
    sentence = token.sent
    scope = (
        range(clause.left_edge.i, clause.right_edge.i + 1)
        if clause
        else range(sentence.start, sentence.end)
    )
    excluded = set(range(token.i, source_end))
    content = {i for i in scope if i not in excluded}
    content = widen_to_quotes(ctx, content) - excluded
    if not has_words(ctx, content):
        return None
    return Draft(cue, frozenset(content), (source_start, source_end), CONFIDENCE_ACCORDING_TO)


def _extend_over_trailing_name(sentence: Span, end: int) -> int:
    """ ", David Arakhamia." closing a sentence after "according to the head of ...": keep it."""
    doc = sentence.doc
    if end < sentence.end and doc[end].text == ",":
        cursor = end + 1
        while cursor < sentence.end and doc[cursor].pos_ == "PROPN":
            cursor += 1
        rest = [t for t in doc[cursor : sentence.end] if not (t.is_punct or t.is_space)]
        if cursor > end + 1 and not rest:
            return cursor
    return end


def _adjacent_quotes(ctx: DocumentContext, clause: set[int]) -> set[int]:
    """Quotations right after the cue clause ("said: “…”") or right before it ("“…,” he said")."""
    doc = ctx.doc
    outside = sorted(i for i in clause if not ctx.index_in_quote(i))
    if not outside:
        return set()
    clause_start = doc[outside[0]].idx
    clause_end = doc[outside[-1]].idx + len(doc[outside[-1]])
    found: set[int] = set()
    for quote in ctx.quotes:
        if ctx.in_boilerplate(quote.start, quote.end):
            continue
        after = quote.start >= clause_end and _is_gap(ctx.text[clause_end : quote.start])
        before = quote.end <= clause_start and _is_gap(ctx.text[quote.end : clause_start])
        if after or before:
            found |= tokens_in(ctx, quote)
    return found


def _continuation_quotes(ctx: DocumentContext, claim: set[int]) -> set[int]:
    """“A,” she said. “B.” -- quotations that carry on right after the cue and its frame, in
    the same paragraph, are the same speaker's; one followed by words of its own ("“B,” he
    added") has its own cue."""
    doc, text = ctx.doc, ctx.text
    outside = [i for i in claim if not ctx.index_in_quote(i)]
    if not outside:
        return set()
    last = doc[max(outside)]
    end = last.idx + len(last)
    found: set[int] = set()
    for quote in ctx.quotes:
        if quote.start < end:
            continue
        gap = text[end : quote.start]
        if "\n" in gap or not _CONTINUATION_GAP.match(gap) or _has_own_frame(text, quote):
            break
        found |= tokens_in(ctx, quote)
        end = quote.end
    return found


def _has_own_frame(text: str, quote: Quote) -> bool:
    line_end = text.find("\n", quote.end)
    rest = text[quote.end : len(text) if line_end == -1 else line_end]
    rest = rest.lstrip(" \t\xa0,.;:")
    return bool(rest) and not rest.startswith(("“", '"', "''", "‘", "'"))


def _is_gap(text: str) -> bool:
    return len(text) <= 4 and bool(_GAP_BETWEEN_CUE_AND_QUOTE.match(text))
