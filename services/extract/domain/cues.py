"""Reporting cues: the verb (or "according to") that attributes content to a source."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from services.extract.domain.speech_lexicon import (
    BELIEF_VERBS,
    GENERIC_CLAUSE_STOP_VERBS,
    OBJECT_CUES,
    PREPOSITION_CUES,
    REPORTING_NOUNS,
    SPEECH_VERBS,
    STANCE_ADJECTIVES,
    TOPIC_CUES,
    XCOMP_CUES,
)


@dataclass(frozen=True)
class CueMatch:
    """A cue occurrence: its tokens ``[start, end)``, lemma and strength."""

    start: int
    end: int
    lemma: str
    is_speech: bool
    is_noun: bool = False
    is_listed: bool = True
    """False for a verb or adjective outside the lexicon that reports a "that" clause."""


def match_cue(token: Token) -> CueMatch | None:
    """A reporting cue starting at ``token``, if any.

    Verbs count when their lemma is a speech or attitude verb, nouns when they report a "that"
    clause ("claim", "warning"); "according to" is a cue spanning both words.
    """
    if token.lower_ == "according" and token.i + 1 < len(token.doc):
        following = token.doc[token.i + 1]
        if following.lower_ == "to":
            return CueMatch(token.i, token.i + 2, "according to", True)
        return None
    lemma = token.lemma_.lower()
    if token.pos_ == "NOUN" and lemma in REPORTING_NOUNS:
        return CueMatch(token.i, token.i + 1, lemma, True, is_noun=True)
    if token.pos_ == "ADJ":
        if lemma in STANCE_ADJECTIVES and _that_clause(token) is not None:
            return CueMatch(token.i, token.i + 1, lemma, False)
        return None
    if token.pos_ not in {"VERB", "AUX"} or (token.tag_ == "VBG" and token.dep_ == "amod"):
        return None
    if lemma in SPEECH_VERBS:
        return CueMatch(token.i, token.i + 1, lemma, True)
    if (
        lemma in BELIEF_VERBS
        or lemma in OBJECT_CUES
        or lemma in TOPIC_CUES
        or lemma in PREPOSITION_CUES
    ):
        return CueMatch(token.i, token.i + 1, lemma, False)
    if lemma not in GENERIC_CLAUSE_STOP_VERBS and _that_clause(token) is not None:
        return CueMatch(token.i, token.i + 1, lemma, False, is_listed=False)
    return None


def _that_clause(token: Token) -> Token | None:
    """A clausal complement introduced by "that", to the right of ``token``."""
    for child in token.rights:
        if child.dep_ == "ccomp" and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in child.children
        ):
            return child
    return None


def noun_complement_of(cue: Token) -> Token | None:
    """The "that" clause of a reporting noun ("the claim that ...")."""
    for child in cue.children:
        if child.dep_ in {"acl", "ccomp"} and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in child.children
        ):
            return child
    return None


def noun_source_of(cue: Token) -> Token | None:
    """Who holds a reporting noun: a possessive ("Trump's claim") or a "by"/"from" phrase."""
    for child in cue.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in {"by", "from"}:
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def complement_of(cue: Token) -> Token | None:
    """The clause a cue reports: its clausal complement, or an infinitive for promise-verbs."""
    for child in cue.children:
        if child.dep_ in {"ccomp", "csubjpass"} or (
            child.dep_ == "advcl" and child.i > cue.i and _is_quoted_clause(cue, child)
        ):
            return child
    if cue.lemma_.lower() in XCOMP_CUES:
        for child in cue.children:
            if child.dep_ == "xcomp" and child.i > cue.i:
                return child
    return None


def object_content(cue: Token) -> list[Token]:
    """For cues like "criticized the plan as reckless" or "called for a recount", the object
    (with its predicate) is what was reported."""
    lemma = cue.lemma_.lower()
    for preposition in PREPOSITION_CUES.get(lemma, ()):
        found = _prepositional_object(cue, preposition)
        if found:
            return found
    if lemma in TOPIC_CUES:
        return _prepositional_object(cue, "about") or _prepositional_object(cue, "of")
    if lemma not in OBJECT_CUES:
        return []
    objects = [c for c in cue.children if c.dep_ == "dobj" and _is_content_object(cue, c)]
    if not objects:
        return []
    if lemma in _NAMING_CUES and not any(c.dep_ in {"oprd", "xcomp"} for c in cue.children):
        return []  # "called a meeting" reports nothing; "called him a liar" does
    tokens = list(objects[0].subtree)
    for child in cue.children:
        if child.i > objects[0].i and (
            child.dep_ in {"oprd", "xcomp"}
            or (child.dep_ == "prep" and child.lower_ in {"as", "of", "for", "on"})
        ):
            tokens.extend(child.subtree)
    return tokens


_ADDRESSEE_CUES = frozenset(
    {"tell", "ask", "inform", "remind", "assure", "notify", "advise", "warn", "urge", "brief"}
)
_NAMING_CUES = frozenset({"call", "dub", "label", "describe", "characterize", "characterise"})


def _is_content_object(cue: Token, token: Token) -> bool:
    """An object that is what was said, not the addressee ("told reporters"): any object but a
    pronoun, and for verbs of addressing no person either."""
    if token.pos_ == "PRON":
        return False
    if cue.lemma_.lower() in _ADDRESSEE_CUES:
        return token.ent_type_ != "PERSON" and token.lemma_.lower() not in {
            "reporter",
            "journalist",
        }
    return True


def _prepositional_object(cue: Token, preposition: str) -> list[Token]:
    """ "called on Congress to act": the object and any clause the parser hung on the cue
    after it."""
    for child in cue.children:
        if child.dep_ == "prep" and child.lower_ == preposition:
            tokens = [t for t in child.subtree if t.i != child.i]
            if not tokens:
                return []
            for later in cue.rights:
                if later.i > child.i and later.dep_ in {"xcomp", "ccomp"}:
                    tokens.extend(later.subtree)
            return tokens
    return []


def _is_quoted_clause(cue: Token, clause: Token) -> bool:
    """ "said, “we were floored”": the parser sometimes makes a quoted clause an adverbial."""
    between = cue.doc[cue.i + 1 : clause.left_edge.i + 1]
    return any(t.is_quote for t in between)
