"""Event triggers: the verb or noun that names what happened, typed with PLOVER.

A lexicon lookup on the lemma proposes a sense; the parse then vetoes idioms and other false
friends ("strike a deal", "heart attack", "stocks rallied", "news conference" is only a public
statement).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from services.extract.domain.lexicon import (
    ATTACK_CONTEXT_WORDS,
    ECONOMIC_SUBJECTS,
    NON_EVENT_COMPOUNDS,
    NON_EVENT_OBJECTS,
    NOUN_TRIGGERS,
    OBJECT_TRIGGERS,
    PHRASAL_TRIGGERS,
    PRESS_EVENT_MODIFIERS,
    PROTEST_STRIKE_CUES,
    VERB_TRIGGERS,
    VIOLENCE_WORDS,
    TriggerSense,
)

_VERBAL_ATTACKS = frozenset({"attack", "assault", "battle", "fight", "clash", "offensive"})
_VERBAL_ATTACK = TriggerSense("ACCUSE", None, 0.5)
_CASUALTY_VERBS = frozenset({"kill", "die", "injure", "wound"})
_DISASTER_TYPES = frozenset({"DISASTER", "ACCIDENT"})


@dataclass(frozen=True)
class TriggerMatch:
    """A trigger: its head token, the token range ``[start, end)`` it spans, and its sense."""

    token: Token
    start: int
    end: int
    sense: TriggerSense


def find_triggers(sentence: Span, *, violent_story: bool = True) -> list[TriggerMatch]:
    """Every trigger in a sentence, one per head token, in text order.

    In a story with no sign of violence (``violent_story`` False), an "attack" is verbal: an
    accusation, not an assault.
    """
    found: list[TriggerMatch] = []
    for token in sentence:
        match = _match_verb(token) if token.pos_ == "VERB" else None
        if match is None and token.pos_ == "NOUN":
            match = _match_noun(token)
        if match is not None:
            if not violent_story and token.lemma_.lower() in _VERBAL_ATTACKS:
                match = TriggerMatch(match.token, match.start, match.end, _VERBAL_ATTACK)
            found.append(match)
    return [m for m in found if not _is_casualty_of_other(m, found)]


def is_violent_story(doc: Doc) -> bool:
    """Whether an article speaks of weapons, fighting forces or casualties anywhere."""
    return any(token.lemma_.lower() in VIOLENCE_WORDS for token in doc)


def _match_verb(token: Token) -> TriggerMatch | None:
    lemma = token.lemma_.lower()
    for child in token.children:
        if child.dep_ in {"dobj", "nsubjpass"} or (child.dep_ == "prep" and child.lower_ == "on"):
            for word in (child, *(c for c in child.children if c.dep_ == "pobj")):
                sense = OBJECT_TRIGGERS.get((lemma, word.lemma_.lower()))
                if sense is not None:
                    return TriggerMatch(token, token.i, token.i + 1, sense)
    for child in token.children:
        if child.dep_ in {"prt", "prep", "dobj"}:
            sense = PHRASAL_TRIGGERS.get((lemma, child.lemma_.lower()))
            if sense is not None:
                end = child.i + 1 if child.i == token.i + 1 else token.i + 1
                return TriggerMatch(token, token.i, end, sense)
    sense = VERB_TRIGGERS.get(lemma)
    if sense is None or token.dep_ == "amod" or _is_idiom(token):
        return None
    if lemma == "commit" and not any(c.lower_ == "to" for c in token.children):
        return None  # "committed a crime" is not a commitment
    return TriggerMatch(token, token.i, token.i + 1, sense)


def _is_idiom(verb: Token) -> bool:
    for child in verb.children:
        lemma = child.lemma_.lower()
        if child.dep_ == "dobj" and lemma in NON_EVENT_OBJECTS:
            return True
        if child.dep_ in {"nsubj", "nsubjpass"} and lemma in ECONOMIC_SUBJECTS:
            return True
    return False


def _match_noun(token: Token) -> TriggerMatch | None:
    lemma = token.lemma_.lower()
    sense = NOUN_TRIGGERS.get(lemma) or NOUN_TRIGGERS.get(token.lower_)
    if sense is None:
        return None
    modifiers = {c.lemma_.lower() for c in token.lefts if c.dep_ in {"compound", "amod"}}
    if lemma == "conference":
        if not modifiers & PRESS_EVENT_MODIFIERS:
            sense = TriggerSense("CONSULT", None, 0.5)
        start = min([c.i for c in token.lefts if c.dep_ == "compound"] + [token.i])
        return TriggerMatch(token, start, token.i + 1, sense)
    if lemma == "explosion" and _has_attack_context(token):
        return TriggerMatch(token, token.i, token.i + 1, TriggerSense("ASSAULT", "explosives", 0.7))
    if lemma == "strike" and modifiers & PROTEST_STRIKE_CUES:
        return TriggerMatch(token, token.i, token.i + 1, TriggerSense("PROTEST", "strike", 0.75))
    if modifiers & NON_EVENT_COMPOUNDS:
        return None
    if lemma == "march" and token.text != token.lower_:
        return None
    if lemma == "fire" and (
        token.head.lower_ in {"under", "open", "cease"} or token.dep_ == "dobj"
    ):
        return None
    return TriggerMatch(token, token.i, token.i + 1, sense)


def _has_attack_context(token: Token) -> bool:
    """Whether the sentence speaks of an attack ("suicide bomber", "militants")."""
    return any(t.lemma_.lower() in ATTACK_CONTEXT_WORDS for t in token.sent)


def _is_casualty_of_other(match: TriggerMatch, found: list[TriggerMatch]) -> bool:
    """ "20 were killed in the earthquake": the killing is the disaster's toll, not an attack."""
    if match.token.lemma_.lower() not in _CASUALTY_VERBS:
        return False
    return any(other is not match and other.sense.type in _DISASTER_TYPES for other in found)
