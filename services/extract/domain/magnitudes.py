"""Counts of victims and participants: "the death toll has risen to 20", "19 bodies",
"at least two people were killed", "dozens injured"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from services.extract.domain.lexicon import (
    MAGNITUDE_WORDS,
    NUMBER_WORDS,
    RISE_VERBS,
    SCALE_WORDS,
    TOLL_NOUNS,
)
from services.extract.domain.triggers import to_death
from shared.models import Magnitude

_NOT_COUNTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"})
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+(?:\.\d+)?$")


@dataclass(frozen=True)
class Count:
    """A count found in the text and the token that states it."""

    magnitude: Magnitude
    token_index: int


def counts_in(sentence: Span) -> list[Count]:
    """Every casualty or participant count in a sentence, the largest per kind."""
    best: dict[str, Count] = {}
    for token in sentence:
        value = number_value(token)
        if value is None or token.ent_type_ in _NOT_COUNTS:
            continue
        found = _kind_of_count(token)
        if found is None:
            continue
        kind, cumulative = found
        current = best.get(kind)
        if current is None or value > current.magnitude.value:
            magnitude = Magnitude(
                kind=kind, value=value, cumulative=cumulative, text=_count_text(token)
            )
            best[kind] = Count(magnitude, token.i)
    return list(best.values())


def number_value(token: Token) -> int | None:
    """The integer a number token stands for, with a following scale word ("2.5 million")."""
    text = token.lower_
    if _DIGITS.match(text):
        value = float(text.replace(",", ""))
    elif text in NUMBER_WORDS:
        value = float(NUMBER_WORDS[text])
    else:
        return None
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if following is not None and following.lower_ in SCALE_WORDS and following.head == token.head:
        value *= SCALE_WORDS[following.lower_]
    if value > 10_000_000:
        return None
    return int(value)


def _kind_of_count(number: Token) -> tuple[str, bool] | None:
    toll = _toll_kind(number)
    if toll is not None:
        return toll, True
    for word in _words_around(number):
        kind = MAGNITUDE_WORDS.get(word.lower_) or MAGNITUDE_WORDS.get(word.lemma_.lower())
        if kind is not None:
            return kind, False
        if word.pos_ == "VERB" and _counts_its_patient(number, word) and to_death(word):
            return "killed", False
    return None


def _counts_its_patient(number: Token, verb: Token) -> bool:
    """Whether the phrase the number counts undergoes ``verb``: "three people were burnt
    alive", "mobs hacked two men to death" (a verb whose result is death kills those it acts
    on, so they are the killed); its subject, "two mobs beat him to death", is not."""
    phrase = number if number.head.i == number.i else number.head
    return phrase.head.i == verb.i and phrase.dep_ in {"nsubjpass", "dobj"}


def _words_around(number: Token) -> list[Token]:
    """The number's own participle ("four injured": the small parser may hang the number on
    another clause's verb, as in "a youth was killed and four injured"), the head, the head's
    head and the head's modifiers: where the counted thing is said."""
    head = number.head
    words = [c for c in number.children if c.dep_ in {"acl", "amod"} and c.tag_ == "VBN"]
    words.append(head)
    words.extend(c for c in head.children if c.dep_ in {"amod", "acl", "relcl", "conj"})
    if head.head != head:
        words.append(head.head)
    if number.i + 1 < len(number.doc):
        words.append(number.nbor(1))
    return [w for w in words if w.i != number.i]


def _toll_kind(number: Token) -> str | None:
    """ "toll ... has risen to 20", "toll of 20", "toll stands at 20"."""
    head = number.head
    if number.dep_ == "pobj":
        preposition = head
        governor = preposition.head
        if governor.lemma_.lower() in TOLL_NOUNS:
            return _kind_of_toll(governor)
        if governor.lemma_.lower() in RISE_VERBS:
            for child in governor.children:
                if child.dep_ in {"nsubj", "nsubjpass"} and child.lemma_.lower() in TOLL_NOUNS:
                    return _kind_of_toll(child)
    if number.dep_ == "dobj" and head.lemma_.lower() in RISE_VERBS:
        for child in head.children:
            if child.dep_ == "nsubj" and child.lemma_.lower() in TOLL_NOUNS:
                return _kind_of_toll(child)
    return None


def _kind_of_toll(toll: Token) -> str:
    for child in toll.lefts:
        kind = MAGNITUDE_WORDS.get(child.lower_) or MAGNITUDE_WORDS.get(child.lemma_.lower())
        if kind is not None:
            return kind
    return "killed"


def _count_text(number: Token) -> str:
    head = number.head
    if head.i == number.i + 1:
        return number.doc[number.i : head.i + 1].text
    return number.text
