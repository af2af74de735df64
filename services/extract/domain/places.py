"""Where an event happened: a place phrase attached near the trigger, geocoded offline."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

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
_LEAD_SENTENCES = 4
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})
_DATELINE_WINDOW = 600
_DATELINE = re.compile(
    r"(?:^|\n|\s)([A-Z][A-Z.'-]{2,}(?: [A-Z][A-Z.'-]+){0,2})"
    r"(?:,\s+[A-Z][a-z]+\.?(?:\s+\d{1,2})?)?\s*(?:\([A-Za-z .]+\)\s*)?(?:--|—|–|-)\s"
)
_NOT_PLACES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL"})
_MONTHS = frozenset(m.lower() for m in (*calendar.month_name[1:], *calendar.month_abbr[1:], "Sept"))


def location_of(
    ctx: DocumentContext, trigger: Token, *, event_type: str, attached_only: bool = False
) -> Location | None:
    """The first place phrase found near ``trigger``: in its own phrase, then in its clause.

    With ``attached_only``, a place merely nearby in the sentence (not governed by the trigger
    or a clause above it) does not count: the stricter reading for the article's main event.
    """
    prepositions = LOCATION_PREPOSITIONS | (
        MOVEMENT_PREPOSITIONS if event_type in _MOVEMENT_TYPES else frozenset()
    )
    for candidate in _candidate_objects(trigger, prepositions):
        location = _place_phrase(ctx, candidate)
        if location is not None:
            return location
    named = _city_modifier(ctx, trigger)
    if named is not None:
        return named
    attached = _place_up_the_tree(ctx, trigger, prepositions)
    if attached is not None or attached_only:
        return attached
    return _nearest_place_in_sentence(ctx, trigger, prepositions)


def _city_modifier(ctx: DocumentContext, trigger: Token) -> Location | None:
    """A city named in front of an event noun is its place ("the Croydon tram crash", "the
    Kabul bombing"); a country or demonym there is the actor instead ("a Russian strike")."""
    if trigger.pos_ != "NOUN":
        return None
    for child in trigger.lefts:
        if child.dep_ not in {"compound", "nmod"} or child.pos_ != "PROPN":
            continue
        start = child.left_edge.i
        span = ctx.doc[start : child.i + 1]
        place = geocode(span.text, preferred_countries=ctx.countries)
        if place is not None and not place.is_country:
            return _location(span.text, span.start_char, span.end_char, place, span.text)
    return None


def is_city_name(text: str) -> bool:
    """Whether ``text`` names a city (not a country) in the gazetteer."""
    place = geocode(text)
    return place is not None and not place.is_country


def city_in_lead(ctx: DocumentContext, sentences: list[Span], country: str) -> Location | None:
    """The first city of ``country`` named by a place preposition in the opening sentences: a
    story located only by its country ("attack in Afghanistan") is more precisely where the lead
    says ("in the city of Mazar-i-Sharif")."""
    for sentence in sentences[:_LEAD_SENTENCES]:
        for token in sentence:
            if not _is_place_object(token, LOCATION_PREPOSITIONS):
                continue
            location = _place_phrase(ctx, token)
            if (
                location is not None
                and location.country == country
                and location.precision == "city"
            ):
                return location
    return None


def dateline_place(ctx: DocumentContext) -> Location | None:
    """The place of a wire dateline near the start of the article ("KYIV, March 3 (Reuters) -",
    "WASHINGTON --"): where the story was reported, and usually where its news happened."""
    head = ctx.text[:_DATELINE_WINDOW]
    for match in _DATELINE.finditer(head):
        name = match[1].title()
        place = geocode(name, preferred_countries=ctx.countries)
        if place is not None:
            return _location(match[1], match.start(1), match.end(1), place, name)
    return None


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
            if child.dep_ != "prep" or not _is_place_preposition(child, prepositions, trigger):
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
        if _is_place_object(token, prepositions, trigger) and ctx.token_in_quote(token) == quoted
    ]
    for candidate in sorted(candidates, key=lambda t: abs(t.i - trigger.i)):
        location = _place_phrase(ctx, candidate)
        if location is not None:
            return location
    return None


def _is_place_preposition(prep: Token, prepositions: frozenset[str], trigger: Token) -> bool:
    """A place preposition; "from" under a noun other than the trigger tells where someone comes
    from ("a man from Beckenham"), not where the event happened."""
    if prep.lower_ not in prepositions:
        return False
    owner = prep.head
    return not (prep.lower_ == "from" and owner != trigger and owner.pos_ in _NOMINAL)


def _is_place_object(
    token: Token, prepositions: frozenset[str], trigger: Token | None = None
) -> bool:
    """Whether ``token`` is a name-like object of a place preposition."""
    return (
        token.dep_ == "pobj"
        and token.head.dep_ == "prep"
        and _is_place_preposition(token.head, prepositions, trigger or token.head.head)
        and (
            token.ent_type_ in _PLACE_LABELS
            or token.pos_ == "PROPN"
            or token.lemma_.lower() in PLACE_HEAD_NOUNS
        )
    )


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
                if child.dep_ == "prep" and _is_place_preposition(child, prepositions, trigger):
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
