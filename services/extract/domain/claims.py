"""Claims: who said what, built around reporting cues on the dependency parse.

For every cue (a speech or attitude verb, or "according to") the content is its clausal
complement, widened to whole quotations it touches; a cue without a complement takes an
adjacent quotation. The source is the cue's subject (or the object of "according to"). Cues
inside another claim's content are folded into it. A quotation filling a paragraph with no cue
inherits the previous claim's speaker.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from services.extract.domain.cues import (
    CueMatch,
    complement_of,
    match_cue,
    noun_content,
    noun_source_of,
    object_content,
    stance_content,
    stance_word,
)
from services.extract.domain.document import DocumentContext
from services.extract.domain.quote_bylines import Byline, find_dash_bylines, find_transcript_lines
from services.extract.domain.quotes import Quote
from services.extract.domain.speakers import (
    inverted_subject,
    mention_bounds,
    referent_of,
    resolve_speaker,
    subject_of,
)
from services.extract.domain.speech_lexicon import (
    BELIEF_VERBS,
    LIGHT_VERBS,
    OBJECT_CUES,
    PREPOSITION_CUES,
    SHOWING_NOUNS,
    SHOWING_VERBS,
    SPEECH_VERBS,
)
from shared.ids import claim_id_for
from shared.models import Claim, ClaimContent, ClaimKind, Cue, Speaker

_GAP_BETWEEN_CUE_AND_QUOTE = re.compile(r"^[ \t\xa0,:;—–-]*$")
_CONTINUATION_GAP = re.compile(r"^[ \t\xa0,.:;—–-]*$")
_WORD = re.compile(r"\w")

# Confidence by how the claim was found; halved-ish when the speaker stays unknown. Set from
# how reliable each construction is in news English, not fitted on evaluation data.
_CONFIDENCE_SPEECH_QUOTE = 0.9
_CONFIDENCE_SPEECH = 0.8
_CONFIDENCE_LAYOUT = 0.8
_CONFIDENCE_NOUN = 0.6
_CONFIDENCE_NOUN_STANCE = 0.5
_CONFIDENCE_FOLLOW_ON = 0.6
_CONFIDENCE_ATTITUDE = 0.55
_CONFIDENCE_UNLISTED = 0.4
_UNKNOWN_SPEAKER_FACTOR = 0.6


@dataclass(frozen=True)
class _Draft:
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


def extract_claims(ctx: DocumentContext, *, version: str) -> list[Claim]:
    """Every claim in the article, in text order."""
    drafts: list[_Draft] = []
    for sentence in ctx.doc.sents:
        if ctx.sentence_is_boilerplate(sentence):
            continue
        drafts.extend(_drafts_in_sentence(ctx, sentence))
    drafts.extend(_layout_drafts(ctx, drafts))
    drafts = _drop_nested(ctx, drafts)
    drafts.sort(key=lambda d: min(d.content))
    return _to_claims(ctx, drafts, version=version)


def _drafts_in_sentence(ctx: DocumentContext, sentence: Span) -> list[_Draft]:
    drafts: list[_Draft] = []
    for token in sentence:
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


def _view_adjunct_draft(ctx: DocumentContext, noun: Token, cue: CueMatch) -> _Draft | None:
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
    content = _widen_to_quotes(ctx, content) - excluded
    if not _has_words(ctx, content):
        return None
    match = CueMatch(preposition.i, noun.i + 1, f"in {noun.lower_}", False, is_noun=True)
    return _Draft(match, frozenset(content), mention_bounds(holder), _CONFIDENCE_ATTITUDE)


def _for_holder_draft(ctx: DocumentContext, preposition: Token) -> _Draft | None:
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
    content = _widen_to_quotes(ctx, content) - excluded
    if not _has_words(ctx, content):
        return None
    match = CueMatch(preposition.i, preposition.i + 1, "for", False)
    return _Draft(match, frozenset(content), mention_bounds(holder), _CONFIDENCE_ATTITUDE)


def _verb_draft(ctx: DocumentContext, cue_token: Token, cue: CueMatch) -> _Draft | None:
    source: tuple[int, int] | None = _name_between_quote_and_cue(ctx, cue_token)
    subject = ctx.doc[source[1] - 1] if source is not None else _source_token(ctx, cue_token)
    if subject is None:
        return _agentless_draft(ctx, cue_token, cue)
    source = source or mention_bounds(subject)
    referent_token = referent_of(subject)
    referent = None if referent_token is subject else mention_bounds(referent_token)
    excluded = set(range(*source)) | {cue_token.i}
    content = _reported_tokens(ctx, cue_token) - excluded
    frame = _cue_frame(ctx, cue_token, content) | excluded
    content |= _adjacent_quotes(ctx, frame | content)
    content = _widen_to_quotes(ctx, content) - excluded
    content = _without_colon_lead(ctx, cue_token, content)
    quoted = any(ctx.token_in_quote(ctx.doc[i]) for i in content)
    if quoted:
        content |= _continuation_quotes(ctx, frame | content)
    if not _has_words(ctx, content) and not _is_named_object(ctx, cue_token, content):
        return None
    confidence = _verb_confidence(cue, quoted)
    if _is_negated(ctx, cue_token):
        # "did not believe the story": attributed, but weaker; "has not said when": weaker
        # still, though news annotation counts the open question as what was (not) said
        confidence *= 0.5 if _is_open_question(cue_token) else 0.7
    paragraph = "\n" in ctx.text[cue_token.idx : ctx.doc[min(content)].idx]
    return _Draft(cue, frozenset(content), source, confidence, referent, paragraph=paragraph)


_MAX_NAME_BEFORE_CUE = 7


def _name_between_quote_and_cue(ctx: DocumentContext, cue_token: Token) -> tuple[int, int] | None:
    """ "“…,” Tulsa police Chief Ana Lopez said Monday." parsed with "said" as a conjunct of
    the quotation's verb: the speaker is the run of words between the closing mark and the cue."""
    head = cue_token.head
    if cue_token.dep_ != "conj" or not ctx.token_in_quote(head) or ctx.token_in_quote(cue_token):
        return None
    doc = ctx.doc
    position = cue_token.i - 1
    while position >= 0 and not ctx.token_in_quote(doc[position]) and not doc[position].is_quote:
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


def _agentless_draft(ctx: DocumentContext, cue_token: Token, cue: CueMatch) -> _Draft | None:
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
    content = _widen_to_quotes(ctx, content) - {cue_token.i}
    if not _has_words(ctx, content):
        return None
    return _Draft(cue, frozenset(content), None, _CONFIDENCE_UNLISTED)


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
        return _CONFIDENCE_UNLISTED
    if cue.is_speech:
        return _CONFIDENCE_SPEECH_QUOTE if quoted else _CONFIDENCE_SPEECH
    return _CONFIDENCE_ATTITUDE


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


def _noun_draft(ctx: DocumentContext, cue_token: Token, cue: CueMatch) -> _Draft | None:
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
    content = _widen_to_quotes(ctx, content) - set(range(*source)) - {cue_token.i}
    if not _has_words(ctx, content):
        return None
    confidence = _CONFIDENCE_NOUN if cue.is_speech else _CONFIDENCE_NOUN_STANCE
    return _Draft(cue, frozenset(content), source, confidence)


def _light_verb_subject(noun: Token) -> Token | None:
    """ "The senator raised questions about ...": the subject of the verb whose object is the
    cue noun."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in LIGHT_VERBS:
        return None
    subject = subject_of(verb)
    if subject is None or subject.i == noun.i:
        return None
    return subject


def _colon_paragraph(ctx: DocumentContext, cue_token: Token) -> set[int]:
    """ "Limbaugh added:" ending a paragraph introduces the next paragraph."""
    words = [t for t in cue_token.sent if not t.is_space]
    if not words or words[-1].text != ":" or cue_token.i < words[-1].i - 3:
        return set()
    text = ctx.text
    line_end = text.find("\n", words[-1].idx)
    if line_end == -1:
        return set()
    start = line_end
    while start < len(text) and text[start].isspace():
        start += 1
    end = text.find("\n", start)
    end = len(text) if end == -1 else end
    if start >= end or ctx.in_boilerplate(start, end):
        return set()
    span = ctx.doc.char_span(start, end, alignment_mode="contract")
    return set() if span is None else set(range(span.start, span.end))


def _reported_tokens(ctx: DocumentContext, cue_token: Token) -> set[int]:
    """What the cue's syntax says was reported: a complement clause, the main clause around a
    parenthetical "he said", or for verbs like "criticized" the object."""
    complement = complement_of(cue_token)
    if cue_token.dep_ == "parataxis" or (complement is None and _is_as_adjunct(cue_token)):
        return _interrupted_clause(cue_token, complement)
    if complement is not None:
        tokens = _complement_tokens(cue_token, complement)
        if complement.dep_ == "xcomp" or _is_reduced_relative(cue_token, complement):
            tokens |= _object_before(cue_token, complement)
        return tokens - _own_attributions(cue_token, tokens)
    if stance_word(cue_token) is not None:
        return {t.i for t in stance_content(cue_token)}
    stranded = _stranded_that_clause(cue_token)
    if stranded:
        return stranded
    obj = object_content(cue_token)
    if obj:
        return {t.i for t in obj}
    passive = _passive_object(cue_token)
    if passive:
        return passive
    return _colon_paragraph(ctx, cue_token)


_STRANDED_THAT_WINDOW = 8


def _stranded_that_clause(cue_token: Token) -> set[int]:
    """ "He told a meeting of island leaders that few people understood …" parsed with the
    "that" clause hung elsewhere: for a speech or belief verb without a complement, a "that"
    shortly after it, with no other verb between, opens the reported clause, which runs to
    the end of the sentence."""
    lemma = cue_token.lemma_.lower()
    if lemma not in SPEECH_VERBS and lemma not in BELIEF_VERBS:
        return set()
    sentence = cue_token.sent
    limit = min(sentence.end, cue_token.i + _STRANDED_THAT_WINDOW)
    for token in cue_token.doc[cue_token.i + 1 : limit]:
        if token.pos_ in {"VERB", "AUX"} or token.is_quote or token.text in {";", ":", "("}:
            return set()
        if token.lower_ == "that" and token.dep_ not in {"det", "nsubj", "nsubjpass"}:
            end = sentence.end
            while end > token.i + 1 and (
                sentence.doc[end - 1].is_punct or sentence.doc[end - 1].is_space
            ):
                end -= 1
            return set(range(token.i + 1, end)) if end - token.i > 3 else set()
    return set()


def _is_as_adjunct(cue_token: Token) -> bool:
    """ "The economy, as the minister said, is weak": a speech or belief verb introduced by
    "as", with no object of its own, attributes the clause it modifies."""
    return (
        cue_token.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in cue_token.children)
        and not any(
            c.dep_ in {"dobj", "xcomp", "prep"}
            and c.i > cue_token.i
            and c.lower_ not in {"on", "in", "at", "during", "last", "earlier"}
            for c in cue_token.children
        )
    )


def _passive_object(cue_token: Token) -> set[int]:
    """ "Trump is supported by few papers", "a view echoed by many": with an agent as the
    source, an object cue's content is its passive subject (or the noun it modifies)."""
    if cue_token.lemma_.lower() not in OBJECT_CUES:
        return set()
    if not any(c.dep_ == "agent" for c in cue_token.children):
        return set()
    for child in cue_token.children:
        if child.dep_ == "nsubjpass" and child.pos_ != "PRON":
            return {t.i for t in child.subtree}
    if cue_token.dep_ == "acl" and cue_token.head.pos_ in {"NOUN", "PROPN"}:
        head = cue_token.head
        return {t.i for t in head.subtree} - {t.i for t in cue_token.subtree}
    return set()


def _interrupted_clause(cue_token: Token, complement: Token | None) -> set[int]:
    """ "The museum, he said, would open in May": the clause the cue interrupts, on both sides
    of it (climbing from an adverbial clause to the clause it modifies)."""
    anchor = cue_token.head
    while anchor.dep_ in {"advcl", "conj"} and anchor.head.i != anchor.i:
        anchor = anchor.head
    own = {t.i for t in cue_token.subtree}
    if complement is not None:
        own -= {t.i for t in complement.subtree}
    return {t.i for t in anchor.subtree} - own


def _own_attributions(cue_token: Token, tokens: set[int]) -> set[int]:
    """ "said A, but he said B": a coordinated clause led by its own reporting verb and subject
    is a claim of its own, not part of this one's content."""
    removed: set[int] = set()
    doc = cue_token.doc
    for i in sorted(tokens):
        token = doc[i]
        if i in removed or token.dep_ not in {"conj", "advcl"} or token.i <= cue_token.i:
            continue
        cue = match_cue(token)
        if cue is None:
            continue
        has_subject = any(c.dep_ == "nsubj" for c in token.children)
        if token.dep_ == "advcl":
            if not (has_subject and _is_concessive(token)) and not _is_report_participle(token):
                continue
        elif not has_subject and not cue.is_speech:
            continue
        start = token.left_edge.i
        while start > 0 and (doc[start - 1].dep_ == "cc" or doc[start - 1].is_punct):
            start -= 1
        removed |= set(range(start, token.right_edge.i + 1))
    return removed


_REPORT_PARTICIPLES = SPEECH_VERBS | OBJECT_CUES


def _is_report_participle(clause: Token) -> bool:
    """ "…, arguing that the rules were unfair", "…, citing the cost": a participial report
    after a comma is a further claim, not part of the first one's content."""
    doc = clause.doc
    start = clause.left_edge.i
    return (
        clause.tag_ == "VBG"
        and start > 0
        and doc[start - 1].text == ","
        and clause.lemma_.lower() in _REPORT_PARTICIPLES
    )


def _is_concessive(clause: Token) -> bool:
    """ "…, though she acknowledged it would fail": an adverbial report of its own."""
    return any(
        c.dep_ == "mark" and c.lower_ in {"though", "although", "while", "whereas", "but"}
        for c in clause.children
    )


def _complement_tokens(cue_token: Token, complement: Token) -> set[int]:
    """The complement's subtree; when it follows the cue, also what the parser hung on the cue
    after it (a misattached object or infinitive belongs to the reported clause)."""
    tokens = {t.i for t in complement.subtree}
    if complement.i > cue_token.i:
        trailing = [
            c
            for c in cue_token.rights
            if c.i > complement.i and not c.is_punct and not _is_own_report(c)
        ]
        for child in trailing:
            tokens |= {t.i for t in child.subtree}
        if trailing:
            tokens |= set(range(complement.left_edge.i, max(tokens) + 1))
    return tokens


def _is_own_report(child: Token) -> bool:
    """ "say A but noted B", "said A, arguing B": a conjoined or adverbial cue after the
    complement reports something else; so does what coordinates it."""
    if child.dep_ == "cc":
        return True
    return child.dep_ in {"conj", "advcl"} and match_cue(child) is not None


def _is_reduced_relative(cue_token: Token, complement: Token) -> bool:
    """ "cited remarks Trump had made about her": a clause without "that" right after an object
    cue's object modifies the object; the parser hangs it on the cue."""
    if cue_token.lemma_.lower() not in OBJECT_CUES or complement.i < cue_token.i:
        return False
    if any(c.dep_ == "mark" for c in complement.children):
        return False
    return any(
        c.dep_ == "dobj"
        and c.pos_ in {"NOUN", "PROPN"}
        and c.right_edge.i + 1 == complement.left_edge.i
        for c in cue_token.children
    )


def _object_before(cue_token: Token, complement: Token) -> set[int]:
    """ "urged Congress to act": the object belongs to the reported request."""
    for child in cue_token.children:
        if child.dep_ == "dobj" and child.i < complement.i:
            return {t.i for t in child.subtree}
    return set()


def _according_to_draft(ctx: DocumentContext, token: Token, cue: CueMatch) -> _Draft | None:
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
    content = _widen_to_quotes(ctx, content) - excluded
    if not _has_words(ctx, content):
        return None
    return _Draft(cue, frozenset(content), (source_start, source_end), 0.75)


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
    outside = sorted(i for i in clause if not ctx.token_in_quote(doc[i]))
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
            found |= _tokens_in(ctx, quote)
    return found


def _continuation_quotes(ctx: DocumentContext, claim: set[int]) -> set[int]:
    """“A,” she said. “B.” -- quotations that carry on right after the cue and its frame, in
    the same paragraph, are the same speaker's; one followed by words of its own ("“B,” he
    added") has its own cue."""
    doc, text = ctx.doc, ctx.text
    outside = [i for i in claim if not ctx.token_in_quote(doc[i])]
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
        found |= _tokens_in(ctx, quote)
        end = quote.end
    return found


def _has_own_frame(text: str, quote: Quote) -> bool:
    line_end = text.find("\n", quote.end)
    rest = text[quote.end : len(text) if line_end == -1 else line_end]
    rest = rest.lstrip(" \t\xa0,.;:")
    return bool(rest) and not rest.startswith(("“", '"', "''", "‘", "'"))


def _is_gap(text: str) -> bool:
    return len(text) <= 4 and bool(_GAP_BETWEEN_CUE_AND_QUOTE.match(text))


def _tokens_in(ctx: DocumentContext, quote: Quote) -> set[int]:
    span = ctx.doc.char_span(quote.inner_start, quote.inner_end, alignment_mode="expand")
    if span is None:
        return set()
    return set(range(span.start, span.end))


def _widen_to_quotes(ctx: DocumentContext, content: set[int]) -> set[int]:
    """Content that touches a quotation takes all of it (multi-sentence quotes)."""
    if not content:
        return content
    doc = ctx.doc
    widened = set(content)
    first, last = doc[min(content)].idx, doc[max(content)].idx + 1
    for quote in ctx.quotes:
        if quote.start < last and first < quote.end and quote.end - quote.start > 8:
            widened |= _tokens_in(ctx, quote)
    return widened


def _has_words(ctx: DocumentContext, content: set[int]) -> bool:
    return sum(1 for i in content if _WORD.search(ctx.doc[i].text)) >= 2


def _layout_drafts(ctx: DocumentContext, drafts: list[_Draft]) -> list[_Draft]:
    """Dash-signed quotations and transcript lines that no verb cue has claimed (a reported
    paragraph does not claim the quotations inside it)."""
    claimed = set().union(*(d.content for d in drafts if not d.paragraph))
    found: list[_Draft] = []
    bylines = find_dash_bylines(ctx.text, ctx.quotes) + find_transcript_lines(ctx.text)
    layout = [_byline_draft(ctx, byline) for byline in bylines]
    layout += [_colon_quote_draft(ctx, quote) for quote in ctx.quotes]
    layout += [_showing_quote_draft(ctx, quote) for quote in ctx.quotes]
    layout += [_to_holder_quote_draft(ctx, quote) for quote in ctx.quotes]
    layout.append(_headline_speaker_draft(ctx))
    layout.append(_title_case_headline_draft(ctx))
    for draft in layout:
        if draft is not None and not draft.content & claimed:
            found.append(draft)
            claimed |= draft.content
    return found


_MAX_HEADLINE_SPEAKER = 6
_MIN_HEADLINE_CLAIM = 3


def _headline_speaker_draft(ctx: DocumentContext) -> _Draft | None:
    """ "Senator Lopez: Budget Deal Is Dead": a headline opened by a bare name and a colon
    gives the rest of the headline to that name. A prefix with an article, a preposition or
    another function word, or a word in lower case ("The Latest:", "Talks on Trade:") is a
    label, not a speaker."""
    text, doc = ctx.text, ctx.doc
    line_end = text.find("\n")
    line_end = len(text) if line_end < 0 else line_end
    colon = next(
        (t for t in doc[: _MAX_HEADLINE_SPEAKER + 1] if t.text == ":" and t.idx < line_end), None
    )
    if colon is None or colon.i == 0:
        return None
    prefix = doc[: colon.i]
    # title case hides the part of speech ("Stealth Over Health:"), so function words are
    # recognised by their lower-case form
    if any(t.is_stop or (t.is_alpha and not t.text[0].isupper()) for t in prefix):
        return None
    if all(t.text.isupper() for t in prefix if t.is_alpha):
        return None  # "NEW DELHI: …" is a dateline
    content = {t.i for t in doc[colon.i + 1 :] if t.idx < line_end and not t.is_space}
    if sum(1 for i in content if doc[i].is_alpha) < _MIN_HEADLINE_CLAIM:
        return None
    if ctx.in_boilerplate(doc[min(content)].idx, line_end):
        return None
    cue = CueMatch(colon.i, colon.i + 1, ":", False)
    return _Draft(cue, frozenset(content), (0, colon.i), _CONFIDENCE_ATTITUDE)


_TITLE_CASE_SHARE = 0.8
_HEADLINE_CUES = SPEECH_VERBS | OBJECT_CUES


def _title_case_headline_draft(ctx: DocumentContext) -> _Draft | None:
    """ "Mayor Vows To Rebuild Harbour Bridge": in a title-case headline the parser reads the
    verb as part of a name, so a listed speech or object verb (by its lower-case form) is
    found by spelling, its holder the capitalised words before it back to a comma or colon,
    and its content the rest of the headline."""
    text, doc = ctx.text, ctx.doc
    line_end = text.find("\n")
    line_end = len(text) if line_end < 0 else line_end
    line = [t for t in itertools.takewhile(lambda t: t.idx < line_end, doc) if not t.is_space]
    words = [t for t in line if t.is_alpha and len(t) > 3]
    if len(words) < 3 or sum(t.text[0].isupper() for t in words) < _TITLE_CASE_SHARE * len(words):
        return None
    start = 0
    for position, token in enumerate(line):
        if token.text in {",", ":", ";"}:
            start = position + 1
            continue
        if position == start or not _is_headline_cue(token):
            continue
        holder = line[start:position]
        if any(t.is_stop or not t.text[0].isupper() for t in holder):
            return None
        content = {t.i for t in line[position + 1 :]}
        if sum(1 for i in content if doc[i].is_alpha) < _MIN_HEADLINE_CLAIM:
            return None
        cue = CueMatch(token.i, token.i + 1, _headline_lemma(token), True)
        return _Draft(cue, frozenset(content), (holder[0].i, token.i), _CONFIDENCE_ATTITUDE)
    return None


def _is_headline_cue(token: Token) -> bool:
    return token.text[0].isupper() and token.lower_.endswith("s") and bool(_headline_lemma(token))


def _headline_lemma(token: Token) -> str:
    """ "Vows" -> "vow", "Pushes" -> "push": the third-person form a headline uses."""
    word = token.lower_
    for candidate in (word[:-1], word[:-2]):
        if candidate in _HEADLINE_CUES:
            return candidate
    return ""


def _colon_quote_draft(ctx: DocumentContext, quote: Quote) -> _Draft | None:
    """ "The senator scolded him: “…”" -- a quotation introduced by a colon belongs to the
    subject of the clause before the colon, whatever its verb."""
    text, doc = ctx.text, ctx.doc
    before = text[max(0, quote.start - 3) : quote.start]
    if not before.rstrip().endswith(":") or "\n" in before:
        return None
    colon = doc.char_span(text.rindex(":", 0, quote.start), text.rindex(":", 0, quote.start) + 1)
    if colon is None or ctx.in_boilerplate(quote.start, quote.end):
        return None
    head = colon.root.head
    subject: Token | None
    if _is_inverted_speech(head):
        subject = head  # "Said Ellis: “…”"
    else:
        verb = _governing_verb(head)
        if verb is None or ctx.token_in_quote(verb):
            return None
        subject = subject_of(verb)
    if subject is None or ctx.token_in_quote(subject):
        return None
    tokens = _tokens_in(ctx, quote)
    if not _has_words(ctx, tokens):
        return None
    start, end = mention_bounds(subject)
    if _is_inverted_speech(subject):
        start = max(start, subject.sent[0].i + 1)
    cue = CueMatch(colon.start, colon.end, ":", False)
    return _Draft(cue, frozenset(tokens), (start, end), _CONFIDENCE_ATTITUDE)


def _showing_quote_draft(ctx: DocumentContext, quote: Quote) -> _Draft | None:
    """ "Trump has used the phrase “…”", "the letter reads “…”", "as the magazine put it,
    “…”": a quotation right after a noun or verb of writing and showing is what the subject of
    that verb used or wrote."""
    text, doc = ctx.text, ctx.doc
    preceding = text[max(0, quote.start - 40) : quote.start]
    gap = preceding[len(preceding.rstrip(" \t\xa0,:")) :]
    if not gap or len(gap) > 3 or ctx.in_boilerplate(quote.start, quote.end):
        return None
    opening = doc.char_span(quote.start, quote.start + 1, alignment_mode="expand")
    position = (opening.start if opening is not None else 0) - 1
    while position >= 0 and (doc[position].is_punct or doc[position].is_space):
        position -= 1
    if position < 0 or ctx.token_in_quote(doc[position]):
        return None
    word = doc[position]
    verb: Token | None
    if word.pos_ == "NOUN" and word.lemma_.lower() in SHOWING_NOUNS:
        verb = _governing_verb(word.head)
    elif word.pos_ == "VERB" and word.lemma_.lower() in SHOWING_VERBS:
        verb = word
    elif word.lower_ == "it" and word.head.lemma_.lower() == "put":
        verb = word.head  # "as X put it, “…”"
    elif word.pos_ in {"PRON", "NOUN", "PROPN"} and gap.strip() == "":
        verb = _naming_verb(word)  # "the ministers call them “lone wolves”"
        if verb is None:
            return None
    else:
        return None
    if verb is None or ctx.token_in_quote(verb):
        return None
    subject = subject_of(verb) or _implicit_subject(verb)
    tokens = _tokens_in(ctx, quote) | _coordinated_quotes(ctx, quote)
    # "a box labeled “urgent”", "calls people “losers”" in a subject-less list: no speaker
    agentless = verb.dep_ == "acl" or verb.lemma_.lower() in _NAMING_VERBS
    if subject is None and any(t.lower_ == "by" and t.idx >= quote.end for t in verb.sent):
        return None  # "titled “…” by Ana Lopez" parsed without the agent: not agentless
    if (subject is None and not agentless) or not tokens:
        return None
    if subject is not None and ctx.token_in_quote(subject):
        return None
    if not any(_WORD.search(doc[i].text) for i in tokens):
        return None
    cue_word = verb if verb.lemma_.lower() in _NAMING_VERBS else word
    cue = CueMatch(cue_word.i, cue_word.i + 1, cue_word.lemma_.lower(), False)
    if subject is None:
        return _Draft(cue, frozenset(tokens), None, _CONFIDENCE_UNLISTED)
    return _Draft(cue, frozenset(tokens), mention_bounds(subject), _CONFIDENCE_ATTITUDE)


def _implicit_subject(verb: Token) -> Token | None:
    """Who wrote or named, when the verb has no subject of its own: the agent of a participle
    ("a paper titled “…” by Ana Lopez"), the subject of the verb whose object the participle
    modifies ("the council issued a statement calling it “…”"), or a name right before the
    verb that the parser hung elsewhere."""
    for child in verb.children:
        if child.dep_ == "agent":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    if verb.dep_ == "acl" and verb.head.dep_ == "dobj":
        return subject_of(verb.head.head)
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if (
        verb.dep_ != "acl"
        and before is not None
        and before.pos_ == "PROPN"
        and before.ent_type_ != "DATE"
    ):
        return before
    return None


def _naming_verb(word: Token) -> Token | None:
    """The verb of naming whose object ``word`` is, or modifies ("calls people “losers”")."""
    token = word
    for _ in range(2):
        if token.dep_ not in {"dobj", "nmod", "compound"} or token.head.i == token.i:
            return None
        token = token.head
        if token.pos_ == "VERB":
            return token if token.lemma_.lower() in _NAMING_VERBS and token.i < word.i else None
    return None


_NAMING_VERBS = frozenset({"call", "dub", "label", "brand", "term", "nickname"})
_QUOTE_COORDINATION = re.compile(r"^[ \t\xa0]*(?:,|and|or|,[ \t\xa0]*and)[ \t\xa0]*$")


def _coordinated_quotes(ctx: DocumentContext, quote: Quote) -> set[int]:
    """ "calls people “losers” and “sad”": quotations joined to this one by "and" or a comma,
    with the words between them."""
    found: set[int] = set()
    end = quote.end
    for other in ctx.quotes:
        if other.start < end:
            continue
        if not _QUOTE_COORDINATION.match(ctx.text[end : other.start]):
            break
        span = ctx.doc.char_span(quote.inner_start, other.inner_end, alignment_mode="expand")
        if span is not None:
            found = set(range(span.start, span.end))
        end = other.end
    return found


def _to_holder_quote_draft(ctx: DocumentContext, quote: Quote) -> _Draft | None:
    """ "… because to her, “nothing matters more than the story.”": a quotation right after a
    "to"-phrase naming a person and a comma gives that person's view."""
    text, doc = ctx.text, ctx.doc
    preceding = text[max(0, quote.start - 4) : quote.start]
    if not preceding.rstrip(" \t\xa0").endswith(",") or ctx.in_boilerplate(quote.start, quote.end):
        return None
    opening = doc.char_span(quote.start, quote.start + 1, alignment_mode="expand")
    position = (opening.start if opening is not None else 0) - 2
    if position < 1 or doc[position + 1].text != ",":
        return None
    holder = doc[position]
    person = holder.pos_ == "PROPN" or holder.lower_ in {"her", "him", "them", "me", "us"}
    if not person or holder.dep_ != "pobj" or holder.head.lower_ != "to":
        return None
    before = doc[holder.head.i - 1] if holder.head.i > 0 else None
    opens_clause = before is None or bool(before.is_sent_end) or before.is_punct
    if not opens_clause and before is not None and before.pos_ not in {"SCONJ", "CCONJ"}:
        return None
    if ctx.token_in_quote(holder):
        return None
    tokens = _tokens_in(ctx, quote)
    if not _has_words(ctx, tokens):
        return None
    cue = CueMatch(holder.head.i, holder.head.i + 1, "to", False)
    return _Draft(cue, frozenset(tokens), mention_bounds(holder), _CONFIDENCE_ATTITUDE)


def _governing_verb(token: Token) -> Token | None:
    """The verb a colon hangs on, climbing from its object noun ("is rolling out a new
    message: “…”", "used one of her quotes as its headline: “…”")."""
    for _ in range(4):
        if token.pos_ in {"VERB", "AUX"}:
            return token
        if token.pos_ not in {"NOUN", "PROPN", "ADP"} or token.head.i == token.i:
            return None
        token = token.head
    return None


def _is_inverted_speech(token: Token) -> bool:
    """A name right after a sentence-initial speech verb: "Said Ellis", "Added the mayor"."""
    if token.pos_ not in {"PROPN", "NOUN"}:
        return False
    first = token.sent[0]
    cue = match_cue(first)
    return cue is not None and cue.is_speech and first.i < token.i <= first.i + 3


def _byline_draft(ctx: DocumentContext, byline: Byline) -> _Draft | None:
    if ctx.in_boilerplate(*byline.content):
        return None
    doc = ctx.doc
    content = doc.char_span(*byline.content, alignment_mode="expand")
    source = doc.char_span(*byline.source, alignment_mode="expand")
    cue = doc.char_span(*byline.cue, alignment_mode="expand")
    if content is None or source is None or cue is None:
        return None
    tokens = set(range(content.start, content.end))
    if not _has_words(ctx, tokens):
        return None
    match = CueMatch(cue.start, cue.end, cue.text, True)
    return _Draft(match, frozenset(tokens), (source.start, source.end), _CONFIDENCE_LAYOUT)


def _drop_nested(ctx: DocumentContext, drafts: list[_Draft]) -> list[_Draft]:
    """Fold a cue that sits inside another claim's content into that claim; the folded
    claim's source is kept on the outer one as an inner source."""
    kept: list[int] = []
    inner: dict[int, list[tuple[int, int]]] = {}
    for index, draft in enumerate(drafts):
        assert draft.cue is not None
        cue_index = draft.cue.start
        quoted = any(ctx.token_in_quote(ctx.doc[i]) for i in draft.content)
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


def _is_mutual(draft: _Draft, drafts: list[_Draft]) -> bool:
    """Two cues each inside the other's content: keep both rather than lose both."""
    assert draft.cue is not None
    for other in drafts:
        if other is draft or other.cue is None or draft.cue.start not in other.content:
            continue
        if other.cue.start not in draft.content:
            return False
    return True


def _to_claims(ctx: DocumentContext, drafts: list[_Draft], *, version: str) -> list[Claim]:
    claims: list[Claim] = []
    previous: Speaker | None = None
    drafts = drafts + _paragraph_quote_drafts(ctx, drafts)
    drafts.sort(key=lambda d: min(d.content))
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


def _final_confidence(draft: _Draft, speaker: Speaker) -> float:
    if not speaker.name or (
        speaker.mention is not None
        and speaker.name == speaker.mention.text
        and speaker.name.lower() in {"he", "she", "they", "it", "who"}
    ):
        return round(draft.confidence * _UNKNOWN_SPEAKER_FACTOR, 3)
    return draft.confidence


def _paragraph_quote_drafts(ctx: DocumentContext, drafts: list[_Draft]) -> list[_Draft]:
    """A quotation that is a whole paragraph, with no cue, continues the previous speaker."""
    claimed = set().union(*(d.content for d in drafts)) if drafts else set()
    text = ctx.text
    found: list[_Draft] = []
    for quote in ctx.quotes:
        if ctx.in_boilerplate(quote.start, quote.end) or not _fills_paragraph(text, quote):
            continue
        tokens = _tokens_in(ctx, quote)
        if not tokens or tokens & claimed or not _has_words(ctx, tokens):
            continue
        found.append(_Draft(None, frozenset(tokens), None, _CONFIDENCE_FOLLOW_ON))
    return found


def _fills_paragraph(text: str, quote: Quote) -> bool:
    line_start = text.rfind("\n", 0, quote.start) + 1
    line_end = text.find("\n", quote.end)
    line_end = len(text) if line_end == -1 else line_end
    return not text[line_start : quote.start].strip() and not text[quote.end : line_end].strip(
        " \t\xa0.,"
    )


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
    words = [ctx.doc[i] for i in content if _WORD.search(ctx.doc[i].text)]
    quoted = sum(1 for t in words if ctx.token_in_quote(t))
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
