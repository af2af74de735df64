"""Actors and targets of an event, read off the parse around the trigger.

Verbs: the subject acts (or the "by" agent of a passive), the object or passive subject is the
target, "on"/"against" name targets of attacks. Nouns: a demonym or place modifier or a
possessive is the actor ("Russian missile strike", "Russia's offensive"), "on"/"against" the
target, "between X and Y" and "with X" name the parties of talks and deals.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from services.extract.domain.document import DocumentContext
from services.extract.domain.geo import country_for_demonym, country_for_name, country_name
from services.extract.domain.lexicon import IGO_NAMES, LIGHT_VERBS, SECTOR_WORDS
from services.extract.domain.places import is_city_name
from shared.models import Participant

_AGENTLESS_TYPES = frozenset({"ACCIDENT", "DISASTER"})
_LEFT_DEPS = frozenset({"compound", "amod", "nmod", "nummod", "poss", "quantmod"})
_TARGET_PREPS = frozenset({"on", "against", "at"})
_PARTY_PREPS = frozenset({"between", "with", "among"})
_PRONOUNS_TO_SKIP = frozenset(
    {
        "who",
        "which",
        "that",
        "it",
        "there",
        "i",
        "we",
        "you",
        "they",
        "he",
        "she",
        "them",
        "us",
        "others",
        "some",
        "one",
        "this",
        "these",
        "those",
        "everyone",
        "nobody",
    }
)
"""Heads that name no one by themselves (unresolved pronouns, quantifiers)."""


def participants_of(
    ctx: DocumentContext, trigger: Token, *, event_type: str
) -> tuple[list[Participant], list[Participant]]:
    """``(actors, targets)`` of the event named by ``trigger``."""
    if trigger.pos_ == "VERB":
        actor_heads, target_heads = _verb_roles(trigger, event_type)
    else:
        actor_heads, target_heads = _noun_roles(trigger, event_type)
    actors = [p for head in actor_heads for p in _participants_for(ctx, head)]
    targets = [p for head in target_heads for p in _participants_for(ctx, head)]
    return actors, targets


def _verb_roles(verb: Token, event_type: str) -> tuple[list[Token], list[Token]]:
    actors: list[Token] = []
    targets: list[Token] = []
    for child in verb.children:
        if child.dep_ == "nsubj":
            actors.append(child)
        elif child.dep_ == "agent":
            actors.extend(c for c in child.children if c.dep_ == "pobj")
        elif child.dep_ in {"dobj", "nsubjpass"}:
            targets.append(child)
        elif child.dep_ == "prep" and child.lower_ in _PARTY_PREPS and event_type != "ASSAULT":
            actors.extend(c for c in child.children if c.dep_ == "pobj")
        elif child.dep_ == "prep" and child.lower_ in _TARGET_PREPS and event_type == "ASSAULT":
            targets.extend(c for c in child.children if c.dep_ == "pobj" and c.ent_type_ != "DATE")
    if not actors:
        actors = _inherited_subject(verb)
    return _with_conjuncts(actors), _with_conjuncts(targets)


def _inherited_subject(verb: Token) -> list[Token]:
    """Subject of the verb this one is coordinated with or complements."""
    token = verb
    for _ in range(3):
        if token.dep_ not in {"conj", "xcomp", "advcl"} or token.head == token:
            return []
        token = token.head
        subjects = [c for c in token.children if c.dep_ == "nsubj"]
        if subjects:
            return subjects
    return []


def _noun_roles(noun: Token, event_type: str) -> tuple[list[Token], list[Token]]:
    actors: list[Token] = []
    targets: list[Token] = []
    for child in noun.children:
        if (
            child.dep_ in {"amod", "compound", "nmod"}
            and _names_a_country_or_org(child)
            and not _names_a_scene(child, event_type)
        ) or (child.dep_ == "poss" and child.pos_ in {"PROPN", "NOUN"}):
            actors.append(child)
        elif child.dep_ == "prep":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if child.lower_ == "by" or child.lower_ in _PARTY_PREPS:
                actors.extend(objects)
            elif child.lower_ in {"on", "against"} and event_type != "CONSULT":
                targets.extend(o for o in objects if o.ent_type_ != "DATE")
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in LIGHT_VERBS:
        # "Trump and Obama hold a White House meeting": the subject of the light verb is the
        # actor, ahead of any modifier of the noun.
        actors = [c for c in noun.head.children if c.dep_ == "nsubj"] or actors
    return _with_conjuncts(actors), _with_conjuncts(targets)


def _names_a_scene(modifier: Token, event_type: str) -> bool:
    """A modifier that names where, not who: a city or building ("the Croydon tram crash",
    "a White House meeting"), or any place in front of an accident or a disaster."""
    if modifier.ent_type_ == "FAC":
        return True
    if event_type in _AGENTLESS_TYPES and modifier.ent_type_ in {"GPE", "LOC"}:
        return True
    return modifier.pos_ == "PROPN" and is_city_name(modifier.text)


def _names_a_country_or_org(token: Token) -> bool:
    return (
        token.ent_type_ in {"NORP", "GPE", "ORG"}
        or country_for_demonym(token.text) is not None
        or country_for_name(token.text) is not None
    )


def _with_conjuncts(heads: list[Token]) -> list[Token]:
    expanded: list[Token] = []
    for head in heads:
        if head.lower_ in _PRONOUNS_TO_SKIP:
            continue
        expanded.append(head)
        expanded.extend(c for c in head.children if c.dep_ == "conj")
    return expanded


def _participants_for(ctx: DocumentContext, head: Token) -> list[Participant]:
    """One participant per head; a phrase naming several countries is one per country."""
    start, end = _phrase_bounds(head)
    phrase = ctx.doc[start:end]
    sector = _sector_of(phrase, head)
    demonyms = [
        (t, iso3)
        for t in phrase
        if t.i != head.i
        and t.dep_ in {"amod", "conj"}
        and (iso3 := country_for_demonym(t.text)) is not None
    ]
    if len(demonyms) > 1:
        return [
            Participant(
                text=t.text,
                start=t.idx,
                end=t.idx + len(t),
                name=country_name(iso3),
                country=iso3,
                sector=sector,
            )
            for t, iso3 in demonyms
        ]
    name, country = _identify(ctx, phrase, head)
    return [
        Participant(
            text=phrase.text,
            start=phrase.start_char,
            end=phrase.end_char,
            name=name,
            country=country,
            sector=sector,
        )
    ]


def _phrase_bounds(head: Token) -> tuple[int, int]:
    """The participant phrase: modifiers on the left, "of"/"around" phrases on the right."""
    start = head.i
    for child in head.lefts:
        if child.dep_ == "poss" and head.ent_type_ == "PERSON":
            continue  # "Brazil's Massa" is Massa
        if child.dep_ in _LEFT_DEPS:
            start = min(start, child.left_edge.i)
    end = head.i + 1
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in {"of", "around"}:
            end = max(end, child.right_edge.i + 1)
        elif child.dep_ == "compound":
            end = max(end, child.i + 1)
    doc = head.doc
    while start < head.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return start, end


def _identify(ctx: DocumentContext, phrase: Span, head: Token) -> tuple[str | None, str | None]:
    """Canonical name and ISO3 country of a participant phrase."""
    iso3 = country_for_name(phrase.text) or country_for_demonym(phrase.text)
    if iso3 is not None:
        return country_name(iso3), iso3
    if head.ent_type_ == "PERSON" or ctx.people.is_known_surname(head):
        return ctx.people.canonical(head.text, head.i), None
    if phrase.text.lower() in IGO_NAMES:
        return phrase.text, None
    for token in phrase:
        iso3 = country_for_demonym(token.text) or (
            country_for_name(token.text) if token.pos_ == "PROPN" else None
        )
        if iso3 is not None:
            return None, iso3
    if head.ent_type_ in {"ORG", "GPE", "NORP"}:
        return head.text, None
    return None, None


def _sector_of(phrase: Span, head: Token) -> str | None:
    """Sector from the head noun, else from a modifier ("government headquarters" -> GOV)."""
    sector = SECTOR_WORDS.get(head.lower_) or SECTOR_WORDS.get(head.lemma_.lower())
    if sector is not None:
        return sector
    for token in phrase:
        if token.i < head.i and (sector := SECTOR_WORDS.get(token.lower_)) is not None:
            return sector
    return None
