"""Where an event happened: a place phrase attached near the trigger, geocoded offline."""

from __future__ import annotations

import calendar
from collections.abc import Iterator

from spacy.tokens import Token

from services.extract.domain.document import DocumentContext
from services.extract.domain.geo import Place, geocode
from services.extract.domain.lexicon import (
    LOCATION_PREPOSITIONS,
    MOVEMENT_PREPOSITIONS,
    PLACE_HEAD_NOUNS,
)
from services.extract.domain.status import clause_verb
from shared.models import Location

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_MOVEMENT_TYPES = frozenset({"MOBILIZE", "RETREAT"})
_MAX_ANCESTORS = 4
_NOT_PLACES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL"})
_MONTHS = frozenset(m.lower() for m in (*calendar.month_name[1:], *calendar.month_abbr[1:], "Sept"))


def location_of(ctx: DocumentContext, trigger: Token, *, event_type: str) -> Location | None:
    """The first place phrase found near ``trigger``: in its own phrase, then in its clause."""
    prepositions = LOCATION_PREPOSITIONS | (
        MOVEMENT_PREPOSITIONS if event_type in _MOVEMENT_TYPES else frozenset()
    )
    for candidate in _candidate_objects(trigger, prepositions):
        location = _place_phrase(ctx, candidate)
        if location is not None:
            return location
    return _place_up_the_tree(ctx, trigger, prepositions) or _nearest_place_in_sentence(
        ctx, trigger, prepositions
    )


def _place_up_the_tree(
    ctx: DocumentContext, trigger: Token, prepositions: frozenset[str]
) -> Location | None:
    """Fallback: a place phrase attached to a clause above the trigger ("In Kabul, officials
    said a bomb exploded"), never crossing out of a quotation, and never a capital standing for
    its government ("Moscow had promised"), since only objects of place prepositions count."""
    quoted = ctx.token_in_quote(trigger)
    for ancestor in list(trigger.ancestors)[:_MAX_ANCESTORS]:
        if ctx.token_in_quote(ancestor) != quoted:
            return None
        for child in ancestor.children:
            if child.dep_ != "prep" or child.lower_ not in prepositions:
                continue
            for candidate in (c for c in child.children if c.dep_ == "pobj"):
                location = _place_phrase(ctx, candidate)
                if location is not None:
                    return location
    return None


def _nearest_place_in_sentence(
    ctx: DocumentContext, trigger: Token, prepositions: frozenset[str]
) -> Location | None:
    """Last resort: the place phrase nearest the trigger in its sentence, on the same side of
    any quotation mark (a reporter's "in Brussels" is not the place of a quoted event)."""
    quoted = ctx.token_in_quote(trigger)
    candidates = [
        token
        for token in trigger.sent
        if token.dep_ == "pobj"
        and token.head.lower_ in prepositions
        and (token.ent_type_ in _PLACE_LABELS or token.pos_ == "PROPN")
        and ctx.token_in_quote(token) == quoted
    ]
    for candidate in sorted(candidates, key=lambda t: abs(t.i - trigger.i)):
        location = _place_phrase(ctx, candidate)
        if location is not None:
            return location
    return None


def _candidate_objects(trigger: Token, prepositions: frozenset[str]) -> Iterator[Token]:
    """Objects of place prepositions: under the trigger (breadth first), then its clause verb."""
    roots = [trigger]
    verb = clause_verb(trigger)
    if verb is not None and verb is not trigger:
        roots.append(verb)
    seen: set[int] = set()
    for root in roots:
        queue = [root]
        while queue:
            token = queue.pop(0)
            for child in token.children:
                if child.i in seen or child.dep_ in {"ccomp", "relcl", "advcl", "conj"}:
                    continue
                seen.add(child.i)
                if child.dep_ == "prep" and child.lower_ in prepositions:
                    yield from (c for c in child.children if c.dep_ == "pobj")
                if root is trigger or child.dep_ == "prep":
                    queue.append(child)


def _place_phrase(ctx: DocumentContext, head: Token) -> Location | None:
    """A place named by ``head``'s phrase: "Mykolaiv", "the city of Mykolaiv", "Donbas region"."""
    if head.lemma_.lower() in PLACE_HEAD_NOUNS:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects and objects[0].pos_ == "PROPN":
                    return _place_phrase(ctx, objects[0])
    if head.ent_type_ in _NOT_PLACES or head.lower_.rstrip(".") in _MONTHS:
        return None
    proper = [
        t
        for t in head.subtree
        if t.pos_ == "PROPN" and (t.i == head.i or t.head.i == head.i) and t.dep_ != "poss"
    ]
    if not proper:
        return None
    start, end = proper[0].i, proper[-1].i + 1
    name_text = ctx.doc[start:end].text
    if head.pos_ != "PROPN" and head.lemma_.lower() in PLACE_HEAD_NOUNS and head.i == end:
        end = head.i + 1
    place = geocode(name_text, preferred_countries=ctx.countries)
    if (
        place is None
        and head.ent_type_ not in _PLACE_LABELS
        and proper[-1].ent_type_ not in _PLACE_LABELS
    ):
        return None
    span = ctx.doc[start:end]
    return _location(span.text, span.start_char, span.end_char, place, name_text)


def _location(text: str, start: int, end: int, place: Place | None, fallback: str) -> Location:
    if place is None:
        return Location(text=text, start=start, end=end, name=fallback)
    return Location(
        text=text,
        start=start,
        end=end,
        name=place.name,
        country=place.country,
        geonameid=place.geonameid,
        lat=place.lat,
        lon=place.lon,
        precision="country" if place.is_country else "city",
    )
