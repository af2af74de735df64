"""Where an event happened: the article's geoparsed places, tied to the event by the parse.

Every place name of the article is found and resolved once (:mod:`toponyms`,
:attr:`DocumentContext.places`); an event's location is one of them, chosen in this order, and
``Location.source`` says which step found it:

1. ``attached``: a place phrase its trigger governs ("fighting in Kharkiv", "a blast near the
   port of Odesa"), a place naming the trigger's noun ("the Croydon tram crash"), or a place
   phrase on a clause above it ("In Kabul, officials said a bomb exploded");
2. ``sentence``: a place named elsewhere in its sentence, on the same side of any quotation
   mark, the nearest to the trigger;
3. ``dateline``: the wire dateline the article opens with ("KYIV, March 3 (Reuters) -");
4. ``article``: the country the article's places name far more often than any other (a story
   about one country; the location is the country, not a town of it); for the main event,
   first the one place the article keeps naming (:func:`story_place`).

Steps 3 and 4 place the story, not each event it mentions: they give the main event its
location, and any other event only its ``setting`` (:mod:`events`). The main event reads the
first step strictly (:func:`location_of` with ``attached_only``) and has steps of its own in
:mod:`events` (``lead``).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Final, TypeVar

from spacy.tokens import Span, Token

from services.extract.domain.document import DocumentContext
from services.extract.domain.gazetteer import (
    ADMIN1,
    ADMIN2,
    CONTINENT,
    COUNTRY,
    GazetteerEntry,
    gazetteer,
)
from services.extract.domain.geo import geocode
from services.extract.domain.lexicon import (
    LOCATION_PREPOSITIONS,
    MOVEMENT_PREPOSITIONS,
    PLACE_HEAD_NOUNS,
)
from services.extract.domain.status import clause_verb
from services.extract.domain.toponyms import BRAND_TOWN_POPULATION, COMPASS_WORDS
from shared.models import Location, LocationSource, Place, Precision

_Key = TypeVar("_Key", str, int)
_MOVEMENT_TYPES = frozenset({"MOBILIZE", "RETREAT"})
_MAX_ANCESTORS = 4
_LEAD_SENTENCES = 4
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})
_DATELINE_WINDOW = 600
_DATELINE = re.compile(
    r"(?:^|\n|\s)([A-Z][A-Z.'-]{2,}(?: [A-Z][A-Z.'-]+){0,2})"
    r"(?:,\s+[A-Z][a-z]+\.?(?:\s+\d{1,2})?)?\s*(?:\([A-Za-z .]+\)\s*)?(?:--|—|–|-)\s"
)
_PARENT_GAP: Final = re.compile(r",\s*(?:(?P<part>[A-Za-z.-]+(?:[ -][A-Za-z.]+)?)\s+)?")
"""What lies between a place and the larger place written after it: a comma, perhaps a compass
word ("Bromley, south London")."""

_MAX_PARENT_GAP: Final = 24
"""The longest such gap read (a bound: the pattern is matched on published text)."""

_DIVISION_NOUNS: Final = frozenset(
    {"province", "state", "county", "region", "district", "prefecture", "governorate", "oblast"}
)
"""Generic words written after the name of a division ("Hebei province", "Orange County")."""

_PHRASE_DEPS: Final = frozenset({"compound", "nmod", "amod", "appos", "npadvmod", "flat"})
"""Dependents that belong to a place phrase: "south London", "Chengde, Hebei province"."""

_SPECIFICITY: Final = {CONTINENT: 5, COUNTRY: 4, ADMIN1: 3, ADMIN2: 2}
"""Rank of a feature within one place phrase, the most specific first ("the US state of
Michigan" is Michigan, "Bromley, south London" is Bromley); towns rank 0."""

ARTICLE_COUNTRY_SHARE: Final = 0.6
"""The share of an article's place mentions (resolved, demonyms included) one country must
hold to be the place of events that name none: a story about one country."""

ARTICLE_COUNTRY_MIN_MENTIONS: Final = 2
"""... and the fewest mentions of it (one passing name is no evidence of what a story is
about)."""


STORY_PLACE_MIN_MENTIONS: Final = 3
"""The fewest mentions of one place for it to be the story's place (:func:`story_place`)."""

STORY_PLACE_SHARE: Final = 0.3
"""... and the least share of the article's place mentions it must hold."""


def location_of(
    ctx: DocumentContext,
    trigger: Token,
    *,
    event_type: str,
    attached_only: bool = False,
    story: bool = False,
) -> Location | None:
    """The place phrase tied to ``trigger`` (``attached``), else with ``attached_only`` unset
    the nearest place of its sentence (``sentence``).

    Steps: (1) objects of place prepositions in the trigger's phrase, then its clause verb's;
    (2) a town named in front of a noun trigger, or a place an assault takes as patient;
    (3) a place phrase on a clause above it; (4) the sentence's nearest place. A speech act
    (:data:`SPEECH_ACT_TYPES`) reads no place inside what it says, asks or offers
    (:func:`_is_said_content`), unless it is the ``story``'s main event, whose place is the
    story's ("hails the win in Brazil": the news is in Brazil).
    """
    prepositions = LOCATION_PREPOSITIONS | (
        MOVEMENT_PREPOSITIONS if event_type in _MOVEMENT_TYPES else frozenset()
    )
    said = event_type in SPEECH_ACT_TYPES and not story
    for candidate in _candidate_objects(trigger, prepositions):
        if said and _is_said_content(candidate, trigger):
            continue
        place = _place_phrase(ctx, candidate)
        if place is not None:
            return to_location(as_written(ctx, place), "attached")
    named = _town_modifier(ctx, trigger)
    if named is not None:
        return named
    # Not for a story's place, which is also read off a sentence's root, not a trigger.
    assault = event_type in _PLACE_PATIENT_TYPES and not story
    attacked = _attacked_place(ctx, trigger) if assault else None
    if attacked is not None:
        return to_location(as_written(ctx, attacked), "attached")
    above = _place_up_the_tree(ctx, trigger, prepositions)
    if above is not None:
        return to_location(as_written(ctx, above), "attached")
    if attached_only:
        return None
    nearest = _nearest_place_in_sentence(ctx, trigger, said=said)
    return None if nearest is None else to_location(as_written(ctx, nearest), "sentence")


def is_city_name(text: str) -> bool:
    """Whether ``text`` names a city (not a country) in the gazetteer."""
    place = geocode(text)
    return place is not None and not place.is_country


def city_in_lead(ctx: DocumentContext, sentences: list[Span], country: str) -> Location | None:
    """The first town of ``country`` named by a place preposition in the opening sentences: a
    story located only by its country ("attack in Afghanistan") is more precisely where the lead
    says ("in the city of Mazar-i-Sharif")."""
    for sentence in sentences[:_LEAD_SENTENCES]:
        for token in sentence:
            if not _is_place_object(token, LOCATION_PREPOSITIONS):
                continue
            place = _place_phrase(ctx, token)
            if place is not None and place.country == country and _is_town(place):
                return to_location(as_written(ctx, place), "lead")
    return None


_GATHERING_NOUNS: Final = frozenset(
    {
        "ceremony",
        "conference",
        "congress",
        "convention",
        "debate",
        "exhibition",
        "expo",
        "fair",
        "festival",
        "forum",
        "hearing",
        "meeting",
        "rally",
        "session",
        "show",
        "summit",
    }
)
"""Nouns of a gathering, the setting of reported news ("at a conference in Washington DC")."""

_SETTING_SENTENCES: Final = 7
"""The headline and the opening paragraphs (BBC: six sentences) read for a setting."""


def setting_place(ctx: DocumentContext, sentences: list[Span]) -> Location | None:
    """The place of the gathering the opening paragraphs report from: "The issue was discussed
    at a science conference in Washington DC", "At a debate in Westminster, the industry
    considered the options", "said at a ceremony in London". News that is said, found or
    awarded happens where it was said, and the report gives that setting as a gathering "at"
    a venue "in" a town once the lede has told what and who (inverted pyramid); the place is
    the object of that "in", else a resolved place naming the gathering itself."""
    for sentence in sentences[:_SETTING_SENTENCES]:
        for token in sentence:
            if (
                token.lemma_ not in _GATHERING_NOUNS
                or token.dep_ != "pobj"
                or token.head.lower_ != "at"
            ):
                continue
            for prep in token.children:
                if prep.dep_ != "prep" or prep.lower_ != "in":
                    continue
                for obj in prep.children:
                    place = _place_phrase(ctx, obj) if obj.dep_ == "pobj" else None
                    if place is not None:
                        return to_location(as_written(ctx, place), "lead")
            place = _place_phrase(ctx, token)
            if place is not None and place.country:
                return to_location(as_written(ctx, place), "lead")
    return None


def dateline_place(ctx: DocumentContext) -> Location | None:
    """The place of a wire dateline near the start of the article ("KYIV, March 3 (Reuters) -",
    "WASHINGTON --"): where the story was reported, and usually where its news happened. The
    geoparser's reading of the name where it found one (it takes a dateline for a town, never
    a state or a country), else the gazetteer's likeliest town of that name."""
    head = ctx.text[:_DATELINE_WINDOW]
    for match in _DATELINE.finditer(head):
        start, end = match.span(1)
        found = [
            p for p in places_between(ctx.places, start, end) if p.country and not p.is_demonym
        ]
        if found:
            return to_location(as_written(ctx, found[0]), "dateline")
        entry = _likeliest_town(match[1], ctx.countries)
        if entry is not None:
            return _entry_location(entry, match[1], start, end, "dateline")
    return None


def article_country(ctx: DocumentContext) -> Location | None:
    """The country the article is about, when its places name one far more often than any
    other (:data:`ARTICLE_COUNTRY_SHARE`, :data:`ARTICLE_COUNTRY_MIN_MENTIONS`); the location
    is that country, its text the country's first mention."""
    in_text = [p for p in ctx.places if p.country and not ctx.in_boilerplate(p.start, p.end)]
    country = _dominant(
        [place.country for place in in_text],
        at_least=ARTICLE_COUNTRY_MIN_MENTIONS,
        share=ARTICLE_COUNTRY_SHARE,
    )
    if country is None:
        return None
    entry = gazetteer().country(country)
    first = next(
        (p for p in in_text if p.country == country and p.feature == COUNTRY and not p.is_demonym),
        next(p for p in in_text if p.country == country),
    )
    if entry is None:
        return None
    return _entry_location(entry, first.text, first.start, first.end, "article")


def story_place(ctx: DocumentContext) -> Location | None:
    """The place the article is about: the resolved place it names most often, when that is
    at least :data:`STORY_PLACE_MIN_MENTIONS` mentions and :data:`STORY_PLACE_SHARE` of all its
    place mentions (a city a local story keeps naming, "Chicago" seven times of twelve). The
    frequency of a place's mentions is the usual estimate of a document's focus location
    (Amitay et al. 2004, "Web-a-Where"; GDELT's article geography); demonyms count for their
    country in :func:`article_country`, not here. The location is the place's first mention.

    A continent is no story's place: named again and again it is the scope of a topic ("aid to
    Africa", "views on Europe", "pills smuggled back into Europe"), while news puts an event in
    a town, or at most a country (the dateline's town; AP style's "town, state"); a continent
    a place preposition ties to the event itself ("record sales in Asia") is still its place.

    A town or a region counts only when the article once says something is or happens there
    (:func:`_is_locative_mention`): one it names only as a club, a team or an institution
    ("Liverpool chief executive Rick Parry", "the Scotland coach", "England's team") stands for
    that body (two BBC samples: 8 of the 9 dropped were wrong or misresolved). A country keeps its
    modifier mentions: it frames national news ("US supermarket group Winn-Dixie has filed for
    bankruptcy", "the UK's 1,000th number one") as the demonyms of :func:`article_country` do."""
    in_text = [
        p
        for p in ctx.places
        if p.geonameid is not None and not p.is_demonym and not ctx.in_boilerplate(p.start, p.end)
    ]
    geonameid = _dominant(
        [place.geonameid for place in in_text],
        at_least=STORY_PLACE_MIN_MENTIONS,
        share=STORY_PLACE_SHARE,
    )
    if geonameid is None:
        return None
    first = next(p for p in in_text if p.geonameid == geonameid)
    if first.feature == CONTINENT:
        return None
    mentions = [p for p in in_text if p.geonameid == geonameid]
    if first.feature != COUNTRY and not any(_is_locative_mention(ctx, p) for p in mentions):
        return None
    return to_location(as_written(ctx, first), "article")


def _is_locative_mention(ctx: DocumentContext, place: Place) -> bool:
    """Whether a place mention says where something is or happens: the object of a place
    preposition ("at Portsmouth", "fans in Chicago"), outside another kind of name. A subject,
    a possessor or a modifier ("Liverpool beat Hull", "Sheffield's fans", "the Leeds manager")
    stands for a team, a club or a people (GeoWebNews' metonymic and modifier toponyms; Markert
    and Nissim's place-for-people metonymy), an actor of the story rather than its place."""
    root = ctx.place_root(place)
    return (
        root is not None
        and root.ent_type_ not in _NAME_LABELS
        and _is_place_object(root, LOCATION_PREPOSITIONS)
    )


OCCASION_NAME_HEADS: Final = frozenset(
    {
        "award", "awards", "ceremony", "festival", "gala", "premiere",
        "championship", "championships", "classic", "cup", "final", "finals", "games",
        "marathon", "open", "prix", "run", "series", "slam", "tournament", "trophy",
    }
)  # fmt: skip
"""Head nouns of the names of occasions: awards and festivals, tournaments and races. Word
forms as written, plurals included, for names the geoparser could not resolve; not
``event_selection.OCCASION_NOUNS``, the lemmas of occasions that classify an event noun."""


def names_an_occasion(location: Location) -> bool:
    """Whether a location the geoparser could not resolve is the name of an occasion ("the
    Olivier Awards", "the Berlin Film Festival", "the Dubai Championships", "the Buenos Aires
    Open"): an English compound name is headed by its last word, which says what kind of thing
    it names (Quirk et al. 17.108), here a ceremony, a festival or a contest. An occasion says
    at what something happened; its place is the town or the venue it is held in."""
    if location.country is not None or location.geonameid is not None:
        return False
    words = location.text.split()
    return len(words) > 1 and words[-1].lower() in OCCASION_NAME_HEADS


def occasion_town(location: Location) -> Location | None:
    """The city an occasion's name opens with, where it is held ("the Dubai Championships",
    "the Buenos Aires Open", "the Berlin Film Festival"): the longest run of its first words
    that names a city of :data:`BRAND_TOWN_POPULATION` people, else none ("the Olivier
    Awards"; not "Golden", a small town's name and an adjective, in "the Golden Lyre Awards")."""
    words = location.text.split()
    for size in range(len(words) - 1, 0, -1):
        name = " ".join(words[:size])
        town = next(
            (
                entry
                for entry in gazetteer().lookup(name)
                if entry.feature.startswith("P.") and entry.population >= BRAND_TOWN_POPULATION
            ),
            None,
        )
        if town is not None:
            end = location.start + len(name)
            return _entry_location(town, name, location.start, end, location.source or "lead")
    return None


def as_written(ctx: DocumentContext, place: Place) -> Place:
    """``place`` with the larger places written after it, as news names a place: "Dayton,
    Ohio", "Chengde, Hebei province", "Bromley, south London", "Lviv, western Ukraine" (AP
    style: a town, then its state or country). The span grows over each comma-set
    place that contains the one before it (the same country and, below the country level, the
    same first-order division; or a part of it named by a compass word) and over a division
    noun after it; the resolution stays the first place's."""
    places = ctx.places
    index = bisect.bisect_left(places, place.start, key=lambda p: p.start)
    inner, end = place, place.end
    for after in places[index + 1 : index + 3]:
        if after.start - end > _MAX_PARENT_GAP:
            break
        gap = _PARENT_GAP.fullmatch(ctx.text, end, after.start)
        if gap is None or not _is_parent(after, inner, gap["part"]):
            break
        inner, end = after, after.end
    if end == place.end:
        return place
    noun = re.match(r"\s+([A-Za-z]+)", ctx.text[end : end + 16])
    if noun is not None and noun[1].lower() in _DIVISION_NOUNS:
        end += noun.end()
    return place.model_copy(update={"end": end, "text": ctx.text[place.start : end]})


def _is_parent(after: Place, inner: Place, part: str | None) -> bool:
    """Whether ``after``, written after ``inner`` and a comma (and ``part``, a word between),
    names a place that contains it."""
    if after.is_demonym or after.country is None or after.country != inner.country:
        return False
    if part is not None and not all(w in COMPASS_WORDS for w in re.split(r"[ -]", part.lower())):
        return False
    if after.feature == COUNTRY:
        return inner.feature != COUNTRY
    if after.feature == ADMIN1:
        return inner.feature not in (COUNTRY, ADMIN1) and inner.admin1 == after.admin1
    return part is not None and inner.admin1 == after.admin1 and inner.feature != COUNTRY


def _dominant(keys: Sequence[_Key | None], *, at_least: int, share: float) -> _Key | None:
    """The most frequent of ``keys`` when it occurs ``at_least`` times and makes up ``share``
    of them: what an article names far more often than anything else."""
    counts = Counter(key for key in keys if key is not None)
    if not counts:
        return None
    key, mentions = counts.most_common(1)[0]
    return key if mentions >= at_least and mentions >= share * len(keys) else None


def to_location(place: Place, source: LocationSource) -> Location:
    """An event's location from a geoparsed place (an unresolved one keeps its text only)."""
    if place.country is None and place.geonameid is None:
        return Location(
            text=place.text, start=place.start, end=place.end, name=place.text, source=source
        )
    return Location(
        text=place.text,
        start=place.start,
        end=place.end,
        name=place.name,
        country=place.country,
        geonameid=place.geonameid,
        lat=place.lat,
        lon=place.lon,
        precision=_precision(place.feature),
        source=source,
    )


def _entry_location(
    entry: GazetteerEntry, text: str, start: int, end: int, source: LocationSource
) -> Location:
    return Location(
        text=text,
        start=start,
        end=end,
        name=entry.name,
        country=entry.country or None,
        geonameid=entry.geonameid,
        lat=entry.lat,
        lon=entry.lon,
        precision=_precision(entry.feature),
        source=source,
    )


def _precision(feature: str | None) -> Precision:
    if feature == COUNTRY:
        return "country"
    if feature is not None and feature.startswith("P."):
        return "city"
    return "region"


def _is_town(place: Place) -> bool:
    return place.feature is not None and place.feature.startswith("P.")


_UNPARSED_TOWN_POPULATION: Final = 15_000
"""A name the geoparser did not take for a place is read as a town (in a dateline, before an
event noun) only if a town this large has it: small towns' names are mostly other words
("Arsenal" of Mauritius in "the Arsenal deal")."""


def _likeliest_town(name: str, countries: Sequence[str]) -> GazetteerEntry | None:
    """The town a name the geoparser missed most likely is: one of the article's countries
    first, then the most populous (the gazetteer's order); only towns of
    :data:`_UNPARSED_TOWN_POPULATION` people."""
    towns = [
        entry
        for entry in gazetteer().lookup(name.title())
        if entry.feature.startswith("P.") and entry.population >= _UNPARSED_TOWN_POPULATION
    ]
    for country in countries:
        for town in towns:
            if town.country == country:
                return town
    return towns[0] if towns else None


def places_between(places: Sequence[Place], start: int, end: int) -> list[Place]:
    """The places whose span overlaps ``[start, end)``, in text order (the geoparser's places
    are sorted and never overlap, so their ends are sorted too)."""
    first = bisect.bisect_right(places, start, key=lambda place: place.end)
    found = []
    for place in places[first:]:
        if place.start >= end:
            break
        if place.end > start:
            found.append(place)
    return found


def _town_modifier(ctx: DocumentContext, trigger: Token) -> Location | None:
    """A town named in front of an event noun is its place ("the Croydon tram crash", "the
    Kabul bombing"); a country or demonym there is the actor instead ("a Russian strike"). The
    position is evidence enough where the geoparser did not take the name for a place (the
    parser often labels such a modifier a product or an organisation), unless the article
    names a person so: a name keeps one sense in a text (Gale, Church and Yarowsky 1992), and
    a headline verb the tagger reads as a noun ("Howard pitches for votes") puts the name of
    its subject in that position."""
    if trigger.pos_ != "NOUN":
        return None
    for child in trigger.lefts:
        if child.dep_ not in {"compound", "nmod"} or child.pos_ != "PROPN":
            continue
        start, end = child.left_edge.idx, child.idx + len(child)
        places = [p for p in places_between(ctx.places, start, end) if not p.is_demonym]
        if places:
            place = places[0]
            if place.feature not in (COUNTRY, CONTINENT) and place.name:
                return to_location(place, "attached")
            continue
        if ctx.people.is_known_surname(child):
            continue  # "Howard pitches ...": the article's Michael Howard, not Howard, Wisconsin
        text = ctx.text[start:end]
        town = _likeliest_town(text, ctx.countries)
        if town is not None:
            return _entry_location(town, text, start, end, "attached")
    return None


_PLACE_PATIENT_TYPES: Final = frozenset({"ASSAULT"})
"""Events whose patient can be a place, which is then where they happen: an attack, a
shelling, a siege or an invasion of a town or a country (FrameNet's Attack and Invading frames:
the Victim or Land is the location assailed)."""
_PATIENT_DEPS: Final = frozenset({"dobj", "nsubjpass"})


def _attacked_place(ctx: DocumentContext, trigger: Token) -> Place | None:
    """A place an assault takes as its patient: the object or passive subject of a verb
    ("troops shelled the town of Goma", "invading Iraq"), the "of" object of a noun ("the
    invasion of Iraq", "the siege of Sarajevo"). The patient's own head must name the place
    (a proper name, or a place noun with its "of" name): a place modifying a thing ("the US
    embassy") tells whose or where the thing is, not where it was attacked.
    BBC: the invasion of Iraq (entertainment/097, politics/328), wanted to attack the UK
    (politics/182, politics/290), disasters that have struck the US (tech/151)."""
    if trigger.pos_ == "VERB":
        patients = [c for c in trigger.children if c.dep_ in _PATIENT_DEPS]
    else:
        patients = [
            o
            for prep in trigger.children
            if prep.dep_ == "prep" and prep.lower_ == "of"
            for o in prep.children
            if o.dep_ == "pobj"
        ]
    for patient in patients:
        if patient.lemma_.lower() not in PLACE_HEAD_NOUNS and not _names_a_place(ctx, patient):
            continue
        place = _place_phrase(ctx, patient)
        if place is not None:
            return place
    return None


def _names_a_place(ctx: DocumentContext, token: Token) -> bool:
    """Whether ``token`` lies inside a place mention that is not a demonym."""
    return any(
        not place.is_demonym for place in places_between(ctx.places, token.idx, token.idx + 1)
    )


def _place_up_the_tree(
    ctx: DocumentContext, trigger: Token, prepositions: frozenset[str]
) -> Place | None:
    """A place phrase attached to a clause above the trigger ("In Kabul, officials said a bomb
    exploded"), never crossing out of a quotation, and never a capital standing for its
    government ("Moscow had promised"), since only objects of place prepositions count."""
    quoted = ctx.token_in_quote(trigger)
    for ancestor in list(trigger.ancestors)[:_MAX_ANCESTORS]:
        if ctx.token_in_quote(ancestor) != quoted:
            return None
        for child in ancestor.children:
            if child.dep_ != "prep" or not _is_place_preposition(child, prepositions, trigger):
                continue
            for candidate in (c for c in child.children if c.dep_ == "pobj"):
                place = _place_phrase(ctx, candidate)
                if place is not None:
                    return place
    return None


def _nearest_place_in_sentence(
    ctx: DocumentContext, trigger: Token, *, said: bool = False
) -> Place | None:
    """The resolved place nearest the trigger among its sentence's literal places, not a
    demonym, on the same side of any quotation mark (a reporter's "in Brussels" is not the place
    of a quoted event); for a speech act (``said``), none inside what it says."""
    sentence = trigger.sent
    quoted = ctx.token_in_quote(trigger)
    candidates = [
        place
        for place in places_between(ctx.places, sentence.start_char, sentence.end_char)
        if place.country
        and not place.is_demonym
        and (ctx.quote_at(place.start) is not None) == quoted
        and _is_literal_place(ctx, place, trigger)
        and not (said and _is_content_place(ctx, place, trigger))
    ]
    return min(candidates, key=lambda p: abs(p.start - trigger.idx), default=None)


_NAME_LABELS: Final = frozenset({"ORG", "PERSON", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"})


def _is_literal_place(ctx: DocumentContext, place: Place, trigger: Token) -> bool:
    """Whether a place mention names a location: the object of a place preposition ("across
    the UK", "working in Iraq"; not "from" under a noun other than the trigger: "envoys from
    France"), not part of another kind of name ("University of California").
    A place that modifies a noun ("the Iraq war", "US TV drama") tells what a thing is about or
    from, and one that is a subject or an object ("Japan signed", "a clash against France")
    stands for its people or government (GeoWebNews' modifier and metonymic classes): neither
    says where the sentence's events happened."""
    root = ctx.place_root(place)
    if root is None:
        return False
    return (
        root.ent_type_ not in _NAME_LABELS
        and _is_place_object(root, LOCATION_PREPOSITIONS, trigger)
        and _in_the_events_clause(root.head.head, trigger)
    )


_CLAUSE_LINKS: Final = frozenset({"advcl", "xcomp", "ccomp", "conj"})
"""Relations by which a clause continues the scene of the clause above it ("struck, killing
20 in Kabul"; "entered the town and shelled it")."""


def _in_the_events_clause(owner: Token, trigger: Token) -> bool:
    """Whether a place phrase on ``owner`` can place the event of ``trigger``: its clause is the
    trigger's, a clause above it, or one the trigger's clause continues (adverbial, complement,
    conjunct) or that relates the trigger itself ("the attack, which took place in Kabul").

    A locative adjunct modifies the predicate it attaches to (Quirk et al. 8.44): a place on
    another predicate of the sentence, in a relative clause on a participant ("brothers who had
    lived in the United States"), or on a verb beside the trigger's ("drove the truck to a lake
    in Kansas, and it was detonated in the city"), tells where that other thing happened."""
    clause = clause_verb(owner)
    own = clause_verb(trigger) or trigger
    if clause is None or clause == own or clause.is_ancestor(own):
        return True
    token = clause
    for _ in range(8):
        if token in (own, trigger):
            return True
        head = token.head
        related = token.dep_ in {"relcl", "acl"} and head == trigger
        if head == token or not (token.dep_ in _CLAUSE_LINKS or related):
            return False
        token = head
    return False


SPEECH_ACT_TYPES: Final = frozenset(
    {"REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT", "AGREE", "CONCEDE"}
)
"""Event types that are mostly acts of saying: demands and appeals, accusations, rejections,
threats, praise, promises and offers, concessions (PLOVER's verbal categories; CAMEO 01–05,
10–13)."""


def _is_content_place(ctx: DocumentContext, place: Place, trigger: Token) -> bool:
    """Whether a place of the sentence lies inside what a speech act says
    (:func:`_is_said_content`)."""
    root = ctx.place_root(place)
    return root is not None and _is_said_content(root, trigger)


def _is_said_content(place_object: Token, trigger: Token) -> bool:
    """Whether the object of a place preposition lies inside what a speech act says, asks or
    offers: the preposition hangs below the trigger, deeper than the trigger's own phrases, by
    way of its object or complement ("called for the release of inmates at Guantanamo Bay",
    "offered troops to help in Aceh"), not of its speaker or circumstances ("Speaking in Paris,
    he accused ..."). A speech act happens where it is made (FrameNet's Statement and Request
    frames: the Place is the speaker's, the Message is apart); the place of what it is about
    belongs to that event."""
    owner = place_object.head.head
    if owner == trigger or not trigger.is_ancestor(owner) or owner == clause_verb(trigger):
        return False
    token = owner
    while token != trigger:  # an ancestor: the walk ends there
        if token.dep_ in _CIRCUMSTANCE_LINKS:
            return False
        token = token.head
    return True


_CIRCUMSTANCE_LINKS: Final = frozenset({"advcl", "npadvmod", "nsubj", "nsubjpass", "agent"})
"""Relations of a speech act's circumstances and speaker (its subject, its passive's "by"
agent), not of what it says."""


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
    """Whether ``token`` is the object of a place preposition."""
    return (
        token.dep_ == "pobj"
        and token.head.dep_ == "prep"
        and _is_place_preposition(token.head, prepositions, trigger or token.head.head)
    )


def _candidate_objects(trigger: Token, prepositions: frozenset[str]) -> Iterator[Token]:
    """Objects of place prepositions: under the trigger (breadth first), then its clause verb;
    not into a clause of its own (a complement, a relative or adverbial clause, a conjunct)."""
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


def _place_phrase(ctx: DocumentContext, head: Token) -> Place | None:
    """The place a noun phrase names: its head and modifiers, appositions and "of" objects
    ("Mykolaiv", "the city of Mykolaiv", "Chengde, Hebei province", "the US state of
    Michigan"); the most specific resolved one, else an unresolved place name there. Demonyms
    do not name a phrase's place ("the Chinese embassy")."""
    places = [
        place
        for token in _phrase_tokens(head)
        for place in places_between(ctx.places, token.idx, token.idx + len(token))
        if not place.is_demonym
    ]
    if not places:
        return None
    resolved = [place for place in places if place.country or place.geonameid]
    if not resolved:
        return places[0]
    return min(resolved, key=lambda p: (_SPECIFICITY.get(p.feature or "", 0), p.start))


def _phrase_tokens(head: Token, depth: int = 0) -> Iterator[Token]:
    """``head`` and the tokens of its phrase that can name its place (bounded depth: an "of"
    chain or apposition chain deeper than 3 is no longer the same place)."""
    yield head
    if depth >= 3:
        return
    for child in head.children:
        if child.dep_ in _PHRASE_DEPS:
            yield from _phrase_tokens(child, depth + 1)
        elif child.dep_ == "prep" and child.lower_ == "of" and head.lemma_ in PLACE_HEAD_NOUNS:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    yield from _phrase_tokens(obj, depth + 1)
