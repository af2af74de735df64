"""What a verb cue's syntax reports: its complement clause, the clause a parenthetical cue
interrupts, its object, a stranded "that" clause, a paragraph after a colon — less the reports
of their own that are coordinated with it ("said A, but he said B")."""

from __future__ import annotations

from spacy.tokens import Token

from services.extract.domain.cues import (
    complement_of,
    match_cue,
    object_content,
    stance_content,
    stance_word,
)
from services.extract.domain.document import DocumentContext
from services.extract.domain.speech_lexicon import BELIEF_VERBS, OBJECT_CUES, SPEECH_VERBS


def reported_tokens(ctx: DocumentContext, cue_token: Token) -> set[int]:
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
