"""Geoparsing: every place name of an article, found and resolved to a GeoNames entry.

Two steps, in the spirit of Mordecai 3 (candidates from a gazetteer, then a ranking with
features of the mention and of the article) but with a fixed scoring function and no server:

1. **Recognition** (:func:`find_mentions`): the parser's GPE, LOC and FAC entities; NORP
   entities that are demonyms ("Ukrainian" -> Ukraine, flagged ``is_demonym``).
2. **Resolution** (:func:`resolve`): each mention's gazetteer candidates are scored with
   the features of :class:`ResolutionWeights` — the candidate's population and feature class,
   whether its country or admin1 area is one the article names elsewhere, and whether a parent
   is written next to it ("Athens, Ga.", "MYKOLAIV, Ukraine (AP)").

>>> from services.extract.domain.extractor import load_nlp
>>> doc = load_nlp()("Officials in Athens, Ga., said the storm hit Georgia hard.")
>>> [(p.text, p.country, p.admin1) for p in geoparse(doc)]
[('Athens', 'USA', 'GA'), ('Ga.', 'USA', 'GA'), ('Georgia', 'USA', 'GA')]
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Final

from spacy.attrs import IDX
from spacy.tokens import Doc, Span, Token

from services.extract.domain.gazetteer import (
    ADMIN1,
    ADMIN2,
    CAPITAL,
    CONTINENT,
    COUNTRY,
    Gazetteer,
    GazetteerEntry,
    gazetteer,
)
from services.extract.domain.geo import (
    country_for_demonym,
    country_for_name,
    normalize_name,
    without_diacritics,
)
from services.extract.domain.lemmas import is_english_word
from services.extract.domain.lexicon import PLACE_HEAD_NOUNS
from shared.models import Place

PLACE_LABELS: Final = frozenset({"GPE", "LOC", "FAC"})
"""spaCy's labels for geopolitical entities, other locations and facilities."""

MAX_MENTIONS: Final = 2000
"""Mentions kept per article (an article of 200,000 characters names far fewer places); past
it the rest are dropped, so resolution stays linear in a bounded list."""

_LEADING_WORDS: Final = ("the ",)


@dataclass(frozen=True)
class Mention:
    """A place name in the text: ``[start, end)`` character offsets and how it was found."""

    start: int
    end: int
    text: str
    label: str
    is_demonym: bool = False
    demonym_country: str | None = None
    previous: str = ""
    """The word before the mention, lower case, without a final full stop."""
    base: str | None = None
    """The name the mention resolves as, where that is not its text: for a demonym formed
    from a place name of the article ("Manitobans"), that name; for a part of a place ("North
    Texas"), the place ("Texas")."""
    entity_end: int | None = None
    """For a place read out of a longer entity ("Fargo" of "Fargo City Hall"), the entity's
    end."""
    facility: bool = False
    """A facility named like a small town ("Stamford Bridge", :func:`_facility_is_a_town`):
    a place name, left unresolved."""


@dataclass(frozen=True)
class ResolutionWeights:
    """The features of the scoring function and their weights (see docs/quality-places.md).

    A candidate's score is ``log10(population + 1)`` plus: ``country_context`` when its country
    is named elsewhere in the article (per mention, capped at ``context_cap`` mentions),
    ``admin1_context`` when its admin1 area is, ``parent`` when a parent written next to the
    mention contains it, ``feature`` for countries, US counties and well-known admin1 areas
    (:func:`_well_known`: a bare "Georgia" or "Victoria" names the larger unit first; a division
    abroad of under a million people is less known than its name: Mozambique's Gaza province),
    ``capital`` for a country's capital (GeoNames PPLC: news names capitals far more often than
    their namesakes, and the spatial minimality below must not carry "London", "Paris" and
    "Frankfurt" to Kentucky because all three are towns there), and ``alternate`` (negative)
    when it matched only an alternate name. Context comes from the mentions of other names only:
    a name repeated is not evidence for its own first reading. Then, among the candidates of the
    country that scores best, a town or county gets ``shared_admin1`` for every other name of
    the article (capped at ``shared_cap``) that a town or county of its admin1 area also bears:
    a local story's towns lie in one state even where it is never named (spatial minimality,
    Leidner 2008: "Columbus", "Norfolk" and "Platte County" all in Nebraska).
    """

    country_context: float = 2.0
    admin1_context: float = 3.0
    context_cap: int = 3
    parent: float = 10.0
    country_feature: float = 4.0
    admin1_feature: float = 4.0
    alternate: float = -2.0
    shared_admin1: float = 0.5
    shared_cap: int = 3
    coherence: bool = True
    capital: float = 2.0


DEFAULT_WEIGHTS: Final = ResolutionWeights()


def geoparse(
    doc: Doc,
    *,
    gaz: Gazetteer | None = None,
    weights: ResolutionWeights = DEFAULT_WEIGHTS,
    text: str | None = None,
) -> tuple[Place, ...]:
    """Every place mention of ``doc``, resolved where the gazetteer knows it. ``text`` is
    ``doc.text`` where the caller has it already (``doc.text`` joins every token anew)."""
    gaz = gaz or gazetteer()
    text = doc.text if text is None else text
    mentions = find_mentions(doc, gaz, text=text)
    places = resolve(mentions, text, gaz=gaz, weights=weights)
    return _within_their_town(mentions, places, text)


def find_mentions(
    doc: Doc, gaz: Gazetteer | None = None, *, text: str | None = None
) -> list[Mention]:
    """Place names and demonyms: the parser's entities, then gazetteer names it missed.

    Steps: (1) GPE, LOC, FAC and demonym NORP entities, an entity the gazetteer does not know
    read by the place it names (:func:`_by_named_part`: "North Texas", "Anderson County
    Jail"; a town out of a facility's name only with the other entities' support); (2) with a
    gazetteer, capitalised names outside those entities that name a place
    (:func:`_gazetteer_mentions`); (3) less the names that are people's
    (:func:`_names_a_person`). Bounded by :data:`MAX_MENTIONS`.
    """
    gaz = gaz or gazetteer()
    ents = doc.ents  # computed from the tokens on every access: once per article
    persons = [ent for ent in ents if ent.label_ == "PERSON" and len(ent) > 1]
    surnames = frozenset(token.lower_ for ent in persons for token in ent)
    others, people = _mostly_other_names(ents)  # people: "Clinton", a person's 9 times
    brands = frozenset(
        name for name in others if is_english_word(doc, name) or not gaz.lookup(name)
    )
    titled = _titled_names(ents)  # "Mrs. Clinton" once: "Clinton" is hers throughout

    def names_no_place(mention: Mention) -> bool:
        return (
            _not_a_proper_name(mention)
            or _is_a_generic_noun(mention)
            or _names_a_person(mention, surnames, gaz)
            or _names_a_titled_person(mention, titled, gaz)
            or _names_a_brand(mention, brands, gaz)
            or _names_the_articles_person(mention, people, gaz)
            or _is_an_adjective(mention, doc, gaz)
        )

    mentions: list[Mention] = []
    for ent in ents:
        if len(mentions) >= MAX_MENTIONS:
            break
        mention = _mention_of(ent, gaz)
        if mention is None:
            continue
        if not names_no_place(mention):
            mentions.append(mention)
    text = doc.text if text is None else text  # doc.text is rebuilt on every access
    upper = _upper_initials(doc, text)
    settled = [m for m in mentions if m.entity_end is None]
    countries, admin1s = _context([_candidates(m, gaz, text, aliases=True) for m in settled])
    evidence = _Evidence(countries, admin1s, frozenset(m.text.lower() for m in settled))
    mentions = [_unless_unsupported(m, evidence, gaz, text) for m in mentions]
    written_as_places = frozenset(m.text.lower() for m in mentions if m.label != "FAC")
    mentions = [
        m if _facility_is_a_town(m, written_as_places, evidence, gaz) else replace(m, facility=True)
        for m in mentions
    ]
    countries, admin1s = _context([_candidates(m, gaz, text, aliases=True) for m in mentions])
    covered = {i for m in mentions for i in range(m.start, m.entity_end or m.end)}
    evidence = _Evidence(
        countries,
        admin1s,
        frozenset(m.text.lower() for m in mentions if not (m.is_demonym or m.facility)),
    )
    extra = [
        mention
        for mention in _gazetteer_mentions(doc, text, upper, gaz, covered, evidence, persons)
        if not names_no_place(mention)
    ]
    covered.update(i for m in extra for i in range(m.start, m.end))
    extra += _derived_demonyms(
        doc, upper, covered, {m.text.lower(): m.text for m in [*mentions, *extra]}
    )
    merged = sorted([*mentions, *extra], key=lambda m: m.start)
    return merged[:MAX_MENTIONS]


DEMONYM_SUFFIXES: Final = (
    ("ans", ""), ("ans", "o"), ("ans", "a"), ("ns", ""), ("ers", ""), ("is", ""), ("i", ""),
    ("ites", ""), ("ites", "e"),
)  # fmt: skip
"""English demonym endings as (ending, what the place name ends with instead): Manitob-a-ns,
Ontari-o-ans, Gaza-ns, Island-ers, Dagestan-i, Richmond-ites."""


def _upper_initials(doc: Doc, text: str) -> list[bool]:
    """Whether each token (by index) begins with an upper-case letter, read off ``text`` (the
    document's) at the token offsets: the passes over capitalised words build no other token."""
    return [text[start].isupper() for start in doc.to_array(IDX).tolist()]


def _derived_demonyms(
    doc: Doc, upper: list[bool], covered: set[int], places: dict[str, str]
) -> list[Mention]:
    """Capitalised words that are a demonym of a place the article names ("Manitobans" where
    it names Manitoba, "Long Islanders" where it names Long Island): flagged ``is_demonym``
    and resolved as that place. ``upper`` is :func:`_upper_initials` of ``doc``."""
    found: list[Mention] = []
    if not places:
        return found  # a demonym is derived from a place the article names
    for index, capital in enumerate(upper):
        if not capital:
            continue
        token = doc[index]
        if len(token) < 5 or token.idx in covered:
            continue
        word = token.text
        base = _demonym_base(word, places)
        start = token
        if base is None and token.i > 0 and doc[token.i - 1].text[:1].isupper():
            start = doc[token.i - 1]
            base = _demonym_base(f"{start.text} {word}", places)
        if base is not None and start.idx not in covered:
            span = doc[start.i : token.i + 1]
            found.append(
                Mention(span.start_char, span.end_char, span.text, "derived-demonym", True,
                        base=base)
            )  # fmt: skip
        if len(found) >= MAX_MENTIONS:
            break
    return found


def _demonym_base(word: str, places: dict[str, str]) -> str | None:
    lowered = word.lower()
    for ending, replacement in DEMONYM_SUFFIXES:
        if lowered.endswith(ending):
            stem = lowered[: -len(ending)] + replacement
            if stem in places and stem != lowered:
                return places[stem]
    return None


LOCAL_HEAD_NOUNS: Final = frozenset(
    {
        "man", "woman", "men", "women", "resident", "residents", "native", "family", "couple",
        "teen", "teenager", "boy", "girl", "police", "township", "schools", "home", "homes",
    }
)  # fmt: skip
"""Nouns a town name modifies as where people or local bodies are from ("a Fargo man", "the
Dublin City Council" has its own rule): the modifier names the place."""


PERSONAL_TITLES: Final = frozenset(
    {
        "mr", "mrs", "ms", "miss", "dr", "coach", "president", "sen", "senator", "rep", "gov",
        "governor", "mayor", "judge", "sheriff", "officer", "sgt", "lt", "capt", "chief",
        "minister", "prof", "professor", "rev", "father", "sister", "king", "queen", "prince",
    }
)  # fmt: skip
"""Words written before a person's name ("coach Ripley", "President Saakashvili"): the name
after one is a person's even where the parser labels it a place."""


def _not_a_proper_name(mention: Mention) -> bool:
    """Whether a mention has no capital letter ("crawfish", "the gulf", "n't", "south city"):
    a toponym is a proper name, which English writes with capitals (the gazetteer pass asks
    for them too); the parser's place label on a lower-case word is a misreading."""
    return not any(character.isupper() for character in mention.text)


GENERIC_PLACE_NOUNS: Final = frozenset(
    {
        "university", "college", "center", "centre", "county", "area", "district", "resort",
        "province", "region", "township",
    }
)  # fmt: skip
"""Common nouns of kinds of places and institutions that news does not use alone as a name
(unlike "the Gulf", "the Valley", "the City"): alone, such a word is a name's head whose
specific part stands elsewhere ("the University of Toronto", "Area funeral director")."""


def _is_a_generic_noun(mention: Mention) -> bool:
    """Whether a mention is one of :data:`GENERIC_PLACE_NOUNS` alone: a kind of place, not a
    place ("University", Florida and "Center", Texas are what the gazetteer would make of it)."""
    return mention.base is None and mention.text.lower() in GENERIC_PLACE_NOUNS


def _names_a_person(mention: Mention, surnames: frozenset[str], gaz: Gazetteer) -> bool:
    """Whether a town-like mention is a person's name: a word of a person the article names in
    full ("Hopkins" after "David Hopkins", "Saakashvili" after "Mikheil Saakashvili": the parser
    labels lone surnames inconsistently), or a name after a personal title. Countries, states
    and continents are kept ("Georgia", "Washington" stay places)."""
    if mention.is_demonym:
        return False
    person = mention.text.lower() in surnames or mention.previous in PERSONAL_TITLES
    if not person:
        return False
    return not any(
        entry.feature in (COUNTRY, ADMIN1, CONTINENT) for entry in gaz.lookup(mention.text)
    )


def _titled_names(ents: Sequence[Span]) -> frozenset[str]:
    """The lower-cased one-word names the article writes after a personal title somewhere
    ("Mrs. Clinton", "Senator Warren"). One pass over the entities."""
    return frozenset(
        ent.text.lower()
        for ent in ents
        if len(ent) == 1 and ent.start > 0 and _previous_word(ent) in PERSONAL_TITLES
    )


_OWN_PLACE_EVIDENCE: Final = frozenset(
    {
        "gazetteer:locative",
        "gazetteer:class-noun",
        "gazetteer:county",
        "gazetteer:local-noun",
        "gazetteer:dateline",
    }
)
"""What the words around a mention say of it as a place ("in Clinton", "the town of Clinton",
"Clinton County", "Clinton residents", a dateline), as opposed to what the rest of the article
says (a state it names, the same name labelled a place elsewhere)."""


def _names_a_titled_person(mention: Mention, titled: frozenset[str], gaz: Gazetteer) -> bool:
    """Whether a small town's name is a person's that the article writes after a personal
    title elsewhere ("Mrs. Clinton said ..." and later "Clinton supporters"): a town is never
    "Mrs." anything, and a name keeps one sense in a text (Gale, Church and Yarowsky 1992), so
    that reading outweighs the article's other evidence for a town (a US state it names, the
    parser's place label on another mention). Evidence in the mention's own words ("in
    Clinton", :data:`_OWN_PLACE_EVIDENCE`) keeps it a place, and a state's name or a city's of
    100,000 stays a place ("Mr. Washington" does not unmake the capital)."""
    if mention.is_demonym or mention.text.lower() not in titled:
        return False
    if mention.label in _OWN_PLACE_EVIDENCE:
        return False
    return _only_small_towns(mention.text, gaz)


_OTHER_NAME_LABELS: Final = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "EVENT"})
"""The parser's labels of names of organisations, products, works and events: what a word
shared with a small town more often names in the news ("Opera" the browser, "Sky" the
broadcaster). Not PERSON: the parser labels a lone town name a person's too often."""

BRAND_TOWN_POPULATION: Final = 100_000
"""A name whose places are all smaller than this is taken for the organisation or product the
parser mostly labels it (:func:`_names_a_brand`); a city's name stays a place however often a
club or a firm bears it ("Liverpool", "Chelsea"), which news also counts as its toponym
(GeoWebNews' metonyms)."""


def _mostly_other_names(ents: Sequence[Span]) -> tuple[frozenset[str], frozenset[str]]:
    """The lower-cased names the parser labels an organisation, product, work or event more
    often than a place among the article's entities, and those it labels a person's more often
    than a place: one label among several may be wrong ("a lone town name a person's"), the
    article's majority seldom is. One pass over the entities."""
    others: Counter[str] = Counter()
    people: Counter[str] = Counter()
    for ent in ents:
        name = ent.text.lower()
        if ent.label_ in _OTHER_NAME_LABELS:
            others[name] += 1
        elif ent.label_ == "PERSON":
            people[name] += 1
        elif ent.label_ in PLACE_LABELS:
            others[name] -= 1
            people[name] -= 1
    return (
        frozenset(name for name, balance in others.items() if balance > 0),
        frozenset(name for name, balance in people.items() if balance > 0),
    )


def _is_an_adjective(mention: Mention, doc: Doc, gaz: Gazetteer) -> bool:
    """Whether a one-word mention is an English word the tagger reads as an adjective ("the
    Olympic champion", "Olympic medals") that only small towns bear: a toponym is a proper
    noun, and the adjective of a place is a demonym (found as one); an adjective of the
    dictionary that GeoNames also lists as a town's name ("Olympic" of Hong Kong) describes the
    noun after it. A region the gazetteer lacks ("Caribbean") stays a place name."""
    if mention.is_demonym or mention.base is not None:
        return False
    span = doc.char_span(mention.start, mention.end)
    if span is None or len(span) != 1 or span[0].tag_ != "JJ":
        return False
    if not is_english_word(doc, mention.text):
        return False  # a town's name the tagger misreads ("Grovetown")
    return bool(gaz.lookup(mention.text)) and _only_small_towns(mention.text, gaz)


def _names_a_brand(mention: Mention, brands: frozenset[str], gaz: Gazetteer) -> bool:
    """Whether a mention is the name of an organisation or product that is also an English
    word or no place's name at all, that the article mostly names as an organisation or
    product (:func:`_mostly_other_names`; ``brands``, such names among those) and that no
    larger place than a small town bears. A name keeps one sense in a text (Gale, Church and
    Yarowsky 1992), and the parser's majority reading of it over the article is that sense,
    where one place label among organisation labels ("Opera" the browser, labelled a place once
    among six mentions; "Verizon", a place three times among eight) would otherwise spread to
    every mention as the discourse's evidence. A dictionary word is what firms and products are
    named with ("Sky", "Opera", "Orange"), and a name GeoNames does not know gives no place to
    weigh against the parser's majority; a town's own name the parser mislabels an
    organisation ("Torrington", "Sligo") is neither."""
    if mention.is_demonym or mention.text.lower() not in brands:
        return False
    if mention.label.startswith("gazetteer:") and mention.label != "gazetteer:discourse":
        return False  # its own evidence: "in Opera", "the town of Sky"
    return _only_small_towns(mention.text, gaz)


def _names_the_articles_person(mention: Mention, people: frozenset[str], gaz: Gazetteer) -> bool:
    """Whether a small town's name is the person the article mostly names so: the parser labels
    it a person more often than a place (:func:`_mostly_other_names` with
    its second set; "Clinton said ... Clinton would win ... Clinton supporters"), and
    the gazetteer gives the mention no evidence of its own or of its state (local news names
    its towns' state, and the parser labels a lone town name a person's too often: LGL's tune
    half lost four towns when a named state did not count); a name keeps one sense in a text
    (Gale, Church and Yarowsky 1992). A state's name or a city's of 100,000 stays a place."""
    if mention.is_demonym or mention.text.lower() not in people:
        return False
    if mention.label.startswith("gazetteer:") and mention.label != "gazetteer:discourse":
        return False  # its own evidence or its state's: "in Clinton", "Clinton, Iowa" news
    return _only_small_towns(mention.text, gaz)


def _only_small_towns(name: str, gaz: Gazetteer) -> bool:
    """Whether no country, first-order division, continent or town of
    :data:`BRAND_TOWN_POPULATION` people bears ``name`` (a name such a place bears stays a
    place whatever else the article calls it)."""
    return not any(
        entry.feature in (COUNTRY, ADMIN1, CONTINENT) or entry.population >= BRAND_TOWN_POPULATION
        for entry in gaz.lookup(name)
    )


_MAX_NAME_TOKENS: Final = 4
"""The longest gazetteer name tried at one position ("Sri Lanka", "Kanawha County")."""

_LOCATIVE: Final = frozenset({"in", "at", "near", "outside", "from", "around"})
"""Prepositions whose object is typically a place (a town the NER took for a person or
organisation: "in Fargo", "from Alexandria"); not "of" or "to" ("the grace of God")."""

_NOT_PLACE_LABELS: Final = frozenset(
    {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"}
)
"""Entities that are never a place, though GeoNames has towns of such names ("May",
"March", "August")."""


@dataclass(frozen=True)
class _Evidence:
    """What the parser's place entities already tell about the article."""

    countries: Counter[str]
    admin1s: Counter[tuple[str, str]]
    names: frozenset[str]
    """Lowercased texts of the place entities."""


def _gazetteer_mentions(
    doc: Doc,
    text: str,
    upper: list[bool],
    gaz: Gazetteer,
    covered: set[int],
    evidence: _Evidence,
    persons: list[Span],
) -> list[Mention]:
    """Capitalised names the parser did not label as places but the gazetteer knows.

    A country, US state or demonym is taken wherever it is written capitalised (not inside a
    longer person's name: "George Washington"); a town or county only with evidence
    (:func:`_accepted`) — "Split" the town needs context, "split" the verb is never
    capitalised mid-sentence. ``upper`` is :func:`_upper_initials` of ``doc``.
    """
    found: list[Mention] = []
    person_at = {token.i: ent for ent in persons for token in ent}
    index = 0
    while index < len(doc) and len(found) < MAX_MENTIONS:
        if not upper[index]:  # most words: no token built
            index += 1
            continue
        token = doc[index]
        if not _capitalised(token) or token.idx in covered:
            index += 1
            continue
        region = _region_demonym_at(doc, index, covered, gaz)
        if region is not None:  # "North American" of the North American Free Trade Agreement
            found.append(region)
            index += 2
            continue
        match = _longest_match(doc, text, index, gaz, covered)
        if match is None:
            index += 1
            continue
        span, entries, demonym = match
        person = person_at.get(span.start)
        inside_person = person is not None and (person.start < span.start or person.end > span.end)
        reason = (
            None
            if inside_person
            else _accepted(span, entries, demonym, evidence) or _as_dateline(span, entries, text)
        )
        if reason is not None:
            found.append(
                Mention(
                    span.start_char,
                    span.end_char,
                    span.text,
                    f"gazetteer:{reason}",
                    demonym is not None,
                    demonym_country=demonym,
                    previous=_previous_word(span),
                )
            )
        index = span.end
    return found


def _region_demonym_at(doc: Doc, index: int, covered: set[int], gaz: Gazetteer) -> Mention | None:
    """A region's demonym of two capitalised words at ``index`` (:func:`_names_a_region_of`),
    which the gazetteer pass would otherwise read by its last word ("American" of "North
    American Free Trade Agreement")."""
    if index + 1 >= len(doc):
        return None
    second = doc[index + 1]
    if second.idx in covered or not _capitalised(second):
        return None
    span = doc[index : index + 2]
    if not _names_a_region_of(span.text):
        return None
    return Mention(span.start_char, span.end_char, span.text, "gazetteer:region", True,
                   base=_continent_of(span.text, gaz))  # fmt: skip


def _capitalised(token: Token) -> bool:
    return (
        token.text[:1].isupper()
        and token.pos_ in {"PROPN", "ADJ", "NOUN"}
        and token.ent_type_ not in _NOT_PLACE_LABELS
    )


def _longest_match(
    doc: Doc, text: str, index: int, gaz: Gazetteer, covered: set[int]
) -> tuple[Span, tuple[GazetteerEntry, ...], str | None] | None:
    """The longest name from ``index`` on that the gazetteer knows; ``text`` is ``doc.text``
    (each name tried is cut from it; only the match becomes a span)."""
    run: list[Token] = []  # capitalised tokens outside the entities from ``index`` on
    while len(run) < _MAX_NAME_TOKENS and index + len(run) < len(doc):
        token = doc[index + len(run)]
        if token.idx in covered or not _capitalised(token):
            break
        run.append(token)
    for length in range(len(run), 0, -1):
        last = run[length - 1]
        name = text[run[0].idx : last.idx + len(last)]  # the span's text
        demonym = _demonym_country(name, gaz)
        if demonym is not None:
            return doc[index : index + length], (), demonym
        entries = gaz.lookup(name)
        if entries:
            return doc[index : index + length], entries, None
    return None


def _accepted(
    span: Span,
    entries: tuple[GazetteerEntry, ...],
    demonym: str | None,
    evidence: _Evidence,
) -> str | None:
    """Why a gazetteer match outside the place entities names a place, or None if it does not.

    Countries, US states, divisions of a million people and demonyms: always ("name"). Towns,
    counties and smaller divisions when (1) the parser
    labelled the same name a place elsewhere in the article ("discourse": one sense per
    discourse, "Dublin" in "the Dublin City Council" after "in Dublin"); (2) a locative
    preposition governs it and it is the whole name ("locative": "in Fargo", not "at Columbia
    University" nor an acronym, "at TLC"); or (3) the article names the town's state ("state").
    """
    if demonym is not None or any(_well_known(entry) for entry in entries):
        return "name"
    if any(entry.feature == ADMIN2 for entry in entries) and span[-1].lower_ in _COUNTY_WORDS:
        return "county"
    if span.text.lower() in evidence.names:
        return "discourse"
    previous = span.doc[span.start - 1] if span.start > 0 else None
    if previous is not None and previous.lower_ in _LOCATIVE and _whole_name(span):
        return "locative"
    if _after_place_class_noun(span) and _whole_name(span):
        return "class-noun"
    following = span.doc[span.end] if span.end < len(span.doc) else None
    if following is not None and following.lower_ in LOCAL_HEAD_NOUNS:
        return "local-noun"
    if _after_a_persons_name(span) and _whole_name(span):
        return "residence"
    if _goal_of_motion(span) and _whole_name(span):
        return "goal"
    if _names_a_civic_body(span):
        return "civic-body"
    in_named_state = any(
        (entry.admin1 is not None and evidence.admin1s[(entry.country, entry.admin1)] > 0)
        for entry in entries
    )
    return "state" if in_named_state else None


def _as_dateline(span: Span, entries: tuple[GazetteerEntry, ...], text: str) -> str | None:
    """A town written as a wire dateline ("KABUL, Afghanistan (AP) —", "TORONTO -"): the form
    says it is the place the story was filed from, whatever the parser labelled it (the small
    model reads most upper-case words as organisations)."""
    if not any(entry.feature not in (COUNTRY, ADMIN1, CONTINENT) for entry in entries):
        return None
    start, end = span.start_char, span.end_char
    dateline = _DATELINE_TAIL.match(text, end) is not None and _dateline_at(start, end, text)
    return "dateline" if dateline else None


_COUNTY_WORDS: Final = frozenset({"county", "parish", "borough"})
"""The type word of a US county-level name ("Edgar County", "Jefferson Parish"): written with
it, the name says what kind of place it is, even inside an organisation's name ("the Edgar
County Community Foundation")."""


WELL_KNOWN_DIVISION_POPULATION: Final = 1_000_000
"""A first-order division outside the US is taken by its name alone ("Ontario", "Punjab",
"Dagestan") from this many people (its towns' sum) up: smaller ones are less known than their
names are common ("Lib" of the Marshall Islands, in "Lib Dems")."""


def _well_known(entry: GazetteerEntry) -> bool:
    """A country, a US state, or a populous division elsewhere."""
    if entry.feature == COUNTRY:
        return True
    return entry.feature == ADMIN1 and (
        entry.country == "USA" or entry.population >= WELL_KNOWN_DIVISION_POPULATION
    )


def _after_place_class_noun(span: Span) -> bool:
    """Whether a name follows "the city of", "the village of", "the province of": the head noun
    says what kind of place the name is (the parser often takes such a name for a person)."""
    if span.start < 2:
        return False
    of, noun = span.doc[span.start - 1], span.doc[span.start - 2]
    return of.lower_ == "of" and noun.lower_ in PLACE_HEAD_NOUNS


CIVIC_BODIES: Final = frozenset(
    {
        ("town", "council"), ("city", "council"), ("county", "council"), ("borough", "council"),
        ("district", "council"), ("town", "board"), ("city", "commission"), ("town", "hall"),
        ("city", "hall"), ("fire", "department"), ("police", "department"),
        ("superior", "court"), ("crown", "court"), ("magistrates", "court"),
        ("municipal", "court"), ("public", "library"), ("school", "district"),
        ("school", "board"),
    }
)  # fmt: skip
"""Two-word heads of a town's civic bodies ("Groton Town Council", "Rochester Fire
Department", "Litchfield Superior Court"), which are named by the town they serve; not
schools, which are often named for people ("Lincoln High School")."""


def _names_a_civic_body(span: Span) -> bool:
    """Whether a name is followed by the head of a civic body: the town the body serves."""
    doc = span.doc
    if span.end + 1 >= len(doc):
        return False
    return (doc[span.end].lower_, doc[span.end + 1].lower_) in CIVIC_BODIES


_MOTION_WORDS: Final = frozenset(
    {
        "return", "move", "travel", "fly", "drive", "sail", "flee", "head",
        "relocate", "emigrate", "commute", "evacuate", "deport", "march", "trip", "journey",
        "flight", "voyage", "visit",
    }
)  # fmt: skip
"""Verbs and nouns of motion (lemmas), whose "to" phrase is the goal of the motion: a place
(Levin 1993, verbs of inherently directed motion, 51.1, and their nominalisations)."""


def _goal_of_motion(span: Span) -> bool:
    """Whether a name is the object of "to" after a verb or noun of motion ("returns to
    Hampshire", "a trip to Cancun", "move from Grant County to Nitro"): the goal of a motion is
    a place, whatever the parser labelled the name ("spoke to Hayes" is no motion; "went to"
    and "came to" are also said of prizes and votes, "went to Muse")."""
    root, doc = span.root, span.doc
    prep = root.head
    before = doc[span.start - 1] if span.start else None
    if before is not None and before.lower_ == "the" and before.i > 0:
        before = doc[before.i - 1]
    return (
        root.dep_ == "pobj"
        and before == prep  # the whole object: not "to the High Court", "to Cardiff University"
        and prep.lower_ in {"to", "into"}
        and prep.dep_ == "prep"
        and prep.head.lemma_.lower() in _MOTION_WORDS
    )


def _after_a_persons_name(span: Span) -> bool:
    """Whether a name follows a person's name, perhaps an age, and "of" ("Jodi Mahler of
    Bellmore", "Ann Lowe, 24, of Elkhart", "Miss Abdhou, of Hayes,"): the news convention for
    where a person lives (AP style: "John Smith, 34, of Dayton"), so the name is a town. The
    person's name is a full one or follows a title: a lone word ("the Duke of Edinburgh",
    "Kings of Leon") is a title or a name's part."""
    doc, index = span.doc, span.start - 1
    if index < 1 or doc[index].lower_ != "of":
        return False
    index -= 1
    if doc[index].text == ",":
        index -= 1
        if index > 0 and doc[index].like_num and doc[index - 1].text == ",":
            index -= 2
    if index < 0 or doc[index].ent_type_ != "PERSON":
        return False
    start = index
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1  # the first token of the person's name
    titled = start > 0 and doc[start - 1].lower_.rstrip(".") in PERSONAL_TITLES
    return start < index or titled  # a full name, or a titled one: not "Duke", "Kings"


def _whole_name(span: Span) -> bool:
    """Not the start of a longer capitalised name, and not an acronym ("TLC", "HHS")."""
    doc = span.doc
    following = doc[span.end] if span.end < len(doc) else None
    if following is not None and following.text[:1].isupper() and following.pos_ == "PROPN":
        return False
    return not (len(span) == 1 and span.text.isupper() and len(span.text) <= 4)


def _mention_of(ent: Span, gaz: Gazetteer) -> Mention | None:
    if ent.label_ in PLACE_LABELS:
        ent = _whole_hyphenated_name(ent, gaz)
        start, end = _trimmed(ent)
        if start >= end:
            return None
        text = ent.text[start - ent.start_char : end - ent.start_char]
        known = bool(gaz.lookup(text))
        demonym = None if known else _demonym_country(text, gaz)
        mention = Mention(
            start, end, text, ent.label_, demonym is not None, demonym, _previous_word(ent)
        )
        if known or demonym is not None:
            return mention
        return _by_named_part(mention, ent.doc.char_span(start, end), gaz)
    if ent.label_ == "NORP":
        country = _demonym_country(ent.text, gaz)
        if country is not None:
            return Mention(
                ent.start_char, ent.end_char, ent.text, ent.label_, True, demonym_country=country
            )
        if _names_a_region_of(ent.text):
            return Mention(
                ent.start_char, ent.end_char, ent.text, ent.label_, True,
                base=_continent_of(ent.text, gaz),
            )  # fmt: skip
    return None


_REGION_QUALIFIERS: Final = frozenset({"north", "south", "east", "west", "central", "latin"})
"""Words that make a demonym one of a region ("North American", "Latin American", "Central
Americans", "East African") where they are not part of the country's name ("South Korean")."""


def _names_a_region_of(text: str) -> bool:
    """Whether a two-word demonym is a region's: a qualifier and a country's demonym that
    the country's name does not hold (:func:`_demonym_country` reads "South Korean" and "Sri
    Lankan" first). The qualifier heads a larger or other area than the country: "North
    American" is of North America, not of the United States, as "Central Americans" are not
    Americans."""
    words = text.split()
    return (
        len(words) == 2
        and words[0].lower() in _REGION_QUALIFIERS
        and country_for_demonym(words[1]) is not None
    )


def _continent_of(text: str, gaz: Gazetteer) -> str | None:
    """The continent a region's demonym names, if it is one ("North American(s)" -> "North
    America", "South American" -> "South America"); else None (no GeoNames entry: "Latin
    America", "East Africa" stay unresolved)."""
    qualifier, demonym = text.split()
    stem = demonym.removesuffix("s")
    for name in (stem[:-1], stem[:-2]):  # America-n, Europe-an
        place = f"{qualifier} {name}"
        if any(entry.feature == CONTINENT for entry in gaz.lookup(place)):
            return place
    return None


_MAX_HYPHENATED_PARTS: Final = 4
"""Parts of a hyphenated name tried after an entity ("Mazar-e-Sharif": 2 more)."""


def _whole_hyphenated_name(ent: Span, gaz: Gazetteer) -> Span:
    """An entity that stops inside a hyphenated name ("Mazar" of "Mazar-e-Sharif": the tokenizer
    splits at hyphens and the parser's entity may end there), extended to the longest whole
    name the gazetteer knows, as gazetteer matching takes the longest name at a position."""
    doc, best, end = ent.doc, ent, ent.end
    for _ in range(_MAX_HYPHENATED_PARTS):
        joined = (
            end + 1 < len(doc)
            and not doc[end - 1].whitespace_
            and doc[end].text == "-"
            and not doc[end].whitespace_
        )
        if not joined:
            break
        end += 2
        if gaz.lookup(doc[ent.start : end].text):
            best = doc[ent.start : end]
    return best


def _previous_word(span: Span) -> str:
    if span.start == 0:
        return ""
    return span.doc[span.start - 1].lower_.rstrip(".")


def _demonym_country(text: str, gaz: Gazetteer) -> str | None:
    """The country of a demonym; a two-word one by its last word when its first word is one of
    the country's name ("Sri Lankan" -> Sri Lanka; not "North American", "Latin American")."""
    country = country_for_demonym(text)
    words = text.split()
    if country is None and len(words) == 2:
        country = _country_named_by(words[0], words[1], gaz)
    if country is None and len(words) == 2:
        candidate = country_for_demonym(words[1])
        entry = None if candidate is None else gaz.country(candidate)
        if entry is not None and words[0].lower() in entry.name.lower().split():
            country = candidate
    return country


def _country_named_by(qualifier: str, demonym: str, gaz: Gazetteer) -> str | None:
    """The country whose two-word name a demonym is formed from with an English suffix
    ("North Korean" -> North Korea, "South African" -> South Africa, "New Zealanders" -> New
    Zealand): the whole name is the base of the derivation, not its last word ("Korean" alone
    is of South Korea)."""
    stem = demonym.removesuffix("s")
    for name in (stem[:-1], stem[:-2]):  # Korea-n, Zealand-er
        entries = gaz.lookup(f"{qualifier} {name}")
        if entries and entries[0].feature == COUNTRY:
            return entries[0].country
    return None


def _trimmed(ent: Span) -> tuple[int, int]:
    """The entity's characters without a leading "the" and a trailing possessive ("Ohio's",
    "the United States'")."""
    start, end = ent.start_char, ent.end_char
    text = ent.text
    for word in _LEADING_WORDS:
        if text.lower().startswith(word):
            start += len(word)
    if text.endswith(("'s", "’s")):
        end -= 2
    elif text.endswith(("s'", "s’")):
        end -= 1
    return start, end


COMPASS_WORDS: Final = frozenset(
    {
        "north", "south", "east", "west", "northern", "southern", "eastern", "western",
        "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
        "southeastern", "southwestern", "central", "n.", "s.", "e.", "w.", "-",
    }
)  # fmt: skip
"""Words that name a part of a place ("North Texas", "north-west London", "Northwest D.C.",
"S. Jersey"): the part lies inside the place the rest names."""

FEATURE_GENERICS: Final = frozenset(
    {
        "river", "lake", "bay", "creek", "sea", "ocean", "gulf", "sound", "strait", "channel",
        "harbor", "harbour", "falls", "island", "islands", "beach", "coast", "peninsula",
        "mountain", "mountains", "mount", "hill", "hills", "ridge", "valley", "canyon", "heights",
        "desert", "forest", "park", "dunes", "field", "street", "st.", "road", "rd.", "avenue",
        "ave.", "drive", "dr.", "lane", "boulevard", "blvd.", "highway", "trail", "parade",
        "place", "square", "bridge", "tunnel", "tower", "memorial", "airport", "stadium",
    }
)  # fmt: skip
"""Generic words of GeoNames' feature classes the gazetteer does not hold (H streams and
lakes, T relief, L parks, R roads, S spots and buildings): "Sacramento River", "Dublin Road",
"Lincoln Memorial" name another place than the town their first word names."""

PART_TOWN_POPULATION: Final = 15_000
"""A town read out of a longer name the gazetteer does not know ("Fargo City", "Sligo Town
Hall") needs this many people under its own name: the first word of a small town's name is
more often a person's or a common word ("Scott West", "Olive Garden")."""


def _by_named_part(mention: Mention, span: Span | None, gaz: Gazetteer) -> Mention:
    """A place entity the gazetteer does not know as a whole, read by the place it names.

    (1) A compass word or "the city of" before a place ("North Texas", "north west London",
    "the City of Canton") names a part of that place or the place itself: the mention keeps
    its text and resolves as the rest (``base``). (2) A place followed by other words
    ("Anderson County Jail", "Fargo City", "Sligo Town Hall": a building or body of the place)
    is that place: the mention shrinks to its name. Unless the words after it are a generic
    of a feature the gazetteer lacks ("Red River", "Dublin Road": :data:`FEATURE_GENERICS`).
    """
    if span is None or len(span) < 2:
        return mention
    rest = _after_qualifier(span)
    if rest is not None and _stands_alone(gaz.lookup(rest.text)):
        return replace(mention, base=rest.text)
    for length in range(len(span) - 1, 0, -1):
        head, tail = span[:length], span[length]
        if tail.lower_ in FEATURE_GENERICS:
            return mention
        if tail.lower_ == "of":
            return _of_complement(mention, span[length + 1 :], gaz)
        if head[-1].text == "-":
            continue
        if _stands_alone(gaz.lookup(head.text)):
            return replace(mention, end=head.end_char, text=head.text, entity_end=mention.end)
    return mention


def _of_complement(mention: Mention, complement: Span, gaz: Gazetteer) -> Mention:
    """A name of the form "X of Y" ("the Republic of Congo", "Bank of England", "University of
    Ghana"): the words before "of" are its head, a kind of thing (a state, a bank, a school),
    and the place is the complement, if any; the head is never read as a town of its own
    ("Republic", Missouri)."""
    if complement and _stands_alone(gaz.lookup(complement.text)):
        return replace(mention, base=complement.text)
    return mention


def _unless_unsupported(
    mention: Mention, evidence: _Evidence, gaz: Gazetteer, text: str
) -> Mention:
    """A town read out of a facility's name ("Sligo Town Hall") needs the article's support:
    the town named as a place elsewhere, a town of that name in a state the article's other
    places name, or one of :data:`PART_TOWN_POPULATION` people in a country they name.
    Facilities are often named for people ("George Washington High School", "Kennedy
    Center"). A country, division or county needs none."""
    if mention.entity_end is None or mention.label != "FAC":
        return mention
    entries = gaz.lookup(mention.text)
    supported = mention.text.lower() in evidence.names or any(
        _well_known(entry)
        or entry.feature == ADMIN2
        or (_stands_alone((entry,)) and evidence.countries[entry.country] > 0)
        or (entry.admin1 is not None and evidence.admin1s[(entry.country, entry.admin1)] > 0)
        for entry in entries
    )
    if supported:
        return mention
    whole = text[mention.start : mention.entity_end]
    return replace(mention, end=mention.entity_end, text=whole, entity_end=None)


def _facility_is_a_town(
    mention: Mention, written_as_places: frozenset[str], evidence: _Evidence, gaz: Gazetteer
) -> bool:
    """Whether a facility the parser named ("Stamford Bridge", "Old Trafford", "Heathrow") is
    the town of that name: a stadium, an airport, a theatre or a park shares its name with a
    village or district far more often than it stands in one, so a name whose places all have
    fewer than :data:`PART_TOWN_POPULATION` people needs what :func:`_unless_unsupported` asks
    of a town out of a facility's name: the name written as a place (not a facility)
    elsewhere (``written_as_places``: the lower-cased names of the non-facility mentions), or its
    first-order division named by another of the article's places. A larger
    town ("Guantanamo", "Auschwitz" for Oswiecim) passes: a camp or a plant in it is there.
    Other entities pass."""
    if mention.label != "FAC" or mention.entity_end is not None or mention.is_demonym:
        return True
    entries = gaz.lookup(mention.text)
    if (
        not entries
        or _stands_alone(entries)
        or any(entry.population >= PART_TOWN_POPULATION for entry in entries)
    ):
        return True
    if mention.text.lower() in written_as_places:
        return True
    own = _context_of(entries)[1]
    return any(
        entry.admin1 is not None
        and evidence.admin1s[(entry.country, entry.admin1)] > (own == (entry.country, entry.admin1))
        for entry in entries
    )


def _after_qualifier(span: Span) -> Span | None:
    """The place after leading compass words or after "city of" ("North Texas" -> "Texas")."""
    index = 0
    while index < len(span) - 1 and span[index].lower_ in COMPASS_WORDS:
        index += 1
    if index == 0 and len(span) > 2 and span[1].lower_ == "of":
        index = 2 if span[0].lower_ in PLACE_HEAD_NOUNS else 0
    return span[index:] if index else None


def _stands_alone(entries: tuple[GazetteerEntry, ...]) -> bool:
    """Whether a name read out of a longer one surely names a place: a continent, a country,
    a known division (:func:`_well_known`), a US county, or a town of
    :data:`PART_TOWN_POPULATION` people under its own name as the text writes it (not an
    alternate name, nor the name less its diacritics: a longer name that opens with a town's
    English name is more often a sponsor's or a firm's than a part of the town: "Zurich
    Premiership" is a rugby league, "Munich Re" an insurer)."""
    return any(
        entry.feature in (CONTINENT, ADMIN2)
        or _well_known(entry)
        or (
            entry.feature.startswith("P.")
            and not (entry.by_alternate or entry.by_fold)
            and entry.population >= PART_TOWN_POPULATION
        )
        for entry in entries
    )


def resolve(
    mentions: Sequence[Mention],
    text: str,
    *,
    gaz: Gazetteer,
    weights: ResolutionWeights = DEFAULT_WEIGHTS,
) -> tuple[Place, ...]:
    """Resolve each mention against the article's other mentions.

    Steps: (1) candidates of every mention; (2) parents written next to a mention, and a
    capital's name read as the capital (:func:`_without_namesake_division`); (3) the
    article's context — the countries and admin1 areas that mentions name unambiguously;
    (4) the best-scored candidate of each mention, in the context of the other names;
    (5) with ``weights.coherence``, once more in the context of the other mentions' choices
    of step 4 (a story about small towns of one state names that state rarely, but most of
    its towns' likeliest readings lie there), less the swaps it makes
    (:func:`_without_swaps`).
    """
    candidates = [_candidates(mention, gaz, text) for mention in mentions]
    parents = _parents(mentions, candidates, text)
    candidates = [
        options if index in parents else _division_over_small_namesakes(options)
        for index, options in enumerate(candidates)
    ]
    capital_readings = frozenset(
        index
        for index, options in enumerate(candidates)
        if _capital_namesake(options) is not None
        and not _reads_as_division(index, mentions, candidates, parents, text)
    )
    candidates = [
        _without_namesake_division(options) if index in capital_readings else options
        for index, options in enumerate(candidates)
    ]
    contributions = [_context_of(options) for options in candidates]
    names = [normalize_name(mention.base or mention.text) for mention in mentions]
    others = _OtherCountries(names, contributions)
    candidates = _countries_over_foreign_divisions(names, candidates, others, parents)
    chosen = _choose(names, candidates, contributions, parents, capital_readings, weights)
    if weights.coherence:
        first = chosen
        contributions = [
            (entry.country or None, _admin1_of(entry)) if entry is not None else (None, None)
            for entry in first
        ]
        chosen = _choose(names, candidates, contributions, parents, capital_readings, weights)
        chosen = _without_swaps(names, first, chosen)
    chosen = _relative_parts_in_named_countries(mentions, names, chosen)
    return tuple(_place(mention, entry) for mention, entry in zip(mentions, chosen, strict=True))


LOCAL_FEATURE_WORDS: Final = frozenset(
    {
        # streets: a town's street grid, named in local news by the street alone
        "street", "st.", "road", "rd.", "avenue", "ave.", "drive", "lane", "boulevard",
        "blvd.", "parade", "square", "crescent", "terrace",
        # buildings and grounds a town holds
        "hall", "station", "hospital", "school", "stadium", "airport", "embassy", "church",
        "cathedral", "prison", "jail", "mall", "library", "museum", "park", "bridge",
    }
)  # fmt: skip
"""Last words of the names of streets, buildings and grounds ("Mill Road", "Whitby Town Hall",
"Kings Park"): a feature inside one town, which GeoNames' populated places do not list."""


_IN_TOWN: Final = re.compile(r"(?:,\s*|\s+in\s+(?:the\s+)?(?:(?:city|town|village) of\s+)?)")
"""What joins a feature to the town written after it: "Mill Road in Whitby", "Kings Park,
Whitby", "a hall in the town of Whitby"."""

_TOWNS_OWN: Final = re.compile(r"['’]s\s+")
"""What joins a town written before a feature to it: "Whitby's Kings Park"."""


def _within_their_town(
    mentions: Sequence[Mention], places: tuple[Place, ...], text: str
) -> tuple[Place, ...]:
    """Unresolved streets, buildings and facilities (:data:`LOCAL_FEATURE_WORDS`; the
    parser's facilities) placed at the town or county written with them: after "in" or a
    comma ("a crash on Mill Road in Whitby", "the Kings Park stadium, Whitby"), or before
    them as their owner ("Whitby's Kings Park"). The parent written next to a place contains
    it (as "Athens, Ga." does: :func:`_parents`), and a street or a building lies in one town
    (the containment by which Lieberman, Samet and Sankaranarayanan's "local lexicon" reads
    a local story's places; GeoWebNews counts such features, Gritta et al. 2019). A town
    elsewhere in the sentence or the article is no evidence: national news names streets and
    grounds known by their own name ("Downing Street", "Celtic Park") among the towns of
    other events. The point only: the feature has no GeoNames entry, so it keeps no name,
    country or id, and the events read it as unresolved. One pass over the mentions."""
    found = list(places)
    for index, (mention, place) in enumerate(zip(mentions, places, strict=True)):
        if place.lat is not None or mention.is_demonym or not _is_local_feature(mention):
            continue
        town = None
        after = places[index + 1] if index + 1 < len(places) else None
        before = places[index - 1] if index else None
        if after is not None and _IN_TOWN.fullmatch(text, place.end, after.start):
            town = after
        elif before is not None and _TOWNS_OWN.fullmatch(text, before.end, place.start):
            town = before
        if town is not None and _is_town(town):
            found[index] = place.model_copy(update={"lat": town.lat, "lon": town.lon})
    return tuple(found)


def _is_town(place: Place) -> bool:
    """A resolved town or county (not a demonym): a place that holds streets and buildings."""
    feature = place.feature
    return (
        place.lat is not None
        and not place.is_demonym
        and feature is not None
        and (feature == ADMIN2 or feature.startswith("P."))
    )


def _is_local_feature(mention: Mention) -> bool:
    words = mention.text.lower().split()
    return mention.label == "FAC" or (len(words) > 1 and words[-1] in LOCAL_FEATURE_WORDS)


_Area = tuple[str, str | None]


def _without_swaps(
    names: Sequence[str],
    first: Sequence[GazetteerEntry | None],
    again: Sequence[GazetteerEntry | None],
) -> list[GazetteerEntry | None]:
    """The coherence step's readings, less its swaps: a mention keeps its first reading when
    every other name whose first reading drew it to its new area (its admin1 area, or its
    country if it has none) has itself left for the mention's first area. Two names that each
    pull the other ("Liverpool" and "Newcastle", each a town of England and of New South Wales)
    would otherwise each follow the other's first reading into the place the other has just
    left. Decided once per name and pair of areas (an article repeats its names)."""
    firsts: dict[_Area, list[int]] = {}
    for index, entry in enumerate(first):
        if entry is not None:
            for area in {(entry.country, entry.admin1), (entry.country, None)}:
                firsts.setdefault(area, []).append(index)
    decided: dict[tuple[str, _Area, _Area], bool] = {}
    readings = list(again)
    for index, (before, after) in enumerate(zip(first, again, strict=True)):
        if after is before or after is None or before is None:
            continue
        key = (names[index], _area(after), _area(before))
        if key not in decided:
            drawn_by = [i for i in firsts.get(key[1], ()) if names[i] != names[index]]
            swapped = bool(drawn_by) and all(
                (moved := again[i]) is not None and _in_area(moved, key[2]) for i in drawn_by
            )
            decided[key] = swapped and not _better_together(
                before, after, drawn_by, names, first, again
            )
        if decided[key]:
            readings[index] = before
    return readings


def _better_together(
    before: GazetteerEntry,
    after: GazetteerEntry,
    drawn_by: Sequence[int],
    names: Sequence[str],
    first: Sequence[GazetteerEntry | None],
    again: Sequence[GazetteerEntry | None],
) -> bool:
    """For a swap between two names, whether both lie rather in the mention's new area than in
    its first: the pair of readings with more people ("Liverpool" and "Newcastle" both in
    England rather than both in New South Wales). Swaps among more names keep first readings."""
    if len({names[i] for i in drawn_by}) != 1:
        return False
    other = drawn_by[0]
    other_first, other_again = first[other], again[other]
    if other_first is None or other_again is None:
        return False
    here = _people(before) + _people(other_again)
    there = _people(after) + _people(other_first)
    return there > here


def _people(entry: GazetteerEntry) -> float:
    return math.log10(entry.population + 1)


def _area(reading: GazetteerEntry) -> _Area:
    """A reading's area: its country and admin1 area, or its country alone if it has none."""
    return reading.country, reading.admin1


def _in_area(entry: GazetteerEntry, area: _Area) -> bool:
    return entry.country == area[0] and (area[1] is None or entry.admin1 == area[1])


def _division_over_small_namesakes(
    options: tuple[GazetteerEntry, ...],
) -> tuple[GazetteerEntry, ...]:
    """Without the small towns named like a well-known first-order division among ``options``
    (:func:`_well_known`): "Wales" is the division of the United Kingdom, not the village of
    South Yorkshire that the article's English towns would otherwise draw it to; a town of
    :data:`BRAND_TOWN_POPULATION` people keeps its reading ("New York"), and a town written
    with its parent ("Wales, South Yorkshire") is left to the parent (the caller skips it).
    A name names its most prominent bearer unless the text says otherwise (the population
    and administrative-level priors of toponym resolution: Leidner 2007; Lieberman, Samet and
    Sankaranarayanan 2010)."""
    if not any(entry.feature == ADMIN1 and _well_known(entry) for entry in options):
        return options
    kept = tuple(
        entry
        for entry in options
        if not entry.feature.startswith("P.") or entry.population >= BRAND_TOWN_POPULATION
    )
    return kept or options


def _foreign_division(options: tuple[GazetteerEntry, ...]) -> GazetteerEntry | None:
    """The first-order division of another country among the readings of a name that names
    a country first ("Georgia" the US state, beside the country; "Niger" the Nigerian state)."""
    if not options or options[0].feature != COUNTRY:
        return None
    country = options[0].country
    return next(
        (entry for entry in options if entry.feature == ADMIN1 and entry.country != country),
        None,
    )


class _OtherCountries:
    """The countries an article's mentions name (:func:`_context_of`), less those of the
    mentions of one name: the context another name gives a name (a name repeated is not
    evidence for its own reading). Counted once, per name on demand."""

    def __init__(
        self, names: Sequence[str], contributions: Sequence[tuple[str | None, object]]
    ) -> None:
        self._names = names
        self._countries = [country for country, _ in contributions]
        self._all = Counter(country for country in self._countries if country)
        self._by_name: dict[str, Counter[str]] = {}

    def of(self, name: str) -> Counter[str]:
        if name not in self._by_name:
            own = Counter(
                country
                for other, country in zip(self._names, self._countries, strict=True)
                if other == name and country
            )
            self._by_name[name] = self._all - own
        return self._by_name[name]


def _countries_over_foreign_divisions(
    names: Sequence[str],
    candidates: Sequence[tuple[GazetteerEntry, ...]],
    others: _OtherCountries,
    parents: dict[int, GazetteerEntry],
) -> list[tuple[GazetteerEntry, ...]]:
    """A name that is both a country and a first-order division of another country reads as
    the country unless the division's country is the setting of the article: at least half
    of the countries its other names are read in. A first-order division is named bare
    where its country is the story's setting and the reader supplies it (Lieberman, Samet
    and Sankaranarayanan's "local lexicon": "Georgia" beside Atlanta and Alabama is the
    American state); a story set elsewhere names the country ("Georgia" beside Dagestan and
    Azerbaijan, among Ukraine and Kazakhstan, in a draw beside Samoa and Italy). An article
    with no other place is left to the scoring, and a mention written as a parent or with
    one ("Athens, Georgia") is left to the parent's reading. Decided once per name."""
    result = list(candidates)
    decided: dict[str, bool] = {}
    for index, options in enumerate(candidates):
        written_with_parent = index in parents or index - 1 in parents
        division = None if written_with_parent else _foreign_division(options)
        if division is None:
            continue
        name = names[index]
        if name not in decided:
            context = others.of(name)
            decided[name] = 2 * context[division.country] < context.total()
        if decided[name]:
            result[index] = tuple(entry for entry in options if entry is not division)
    return result


PART_WORDS: Final = frozenset({"coast", "shore", "bank", "side", "end"})
"""Nouns of a part of a place by its edge or side, which a compass word before them makes
a relative description ("the West Coast", "the North Shore", "the East End", "the South
Side"): WordNet's coast.n.02, shore.n.01, bank.n.01, side.n.01 (a region of a place) and
end.n.01 (a region at the boundary of a place)."""


def _is_relative_part(mention: Mention) -> bool:
    """A compass word and a part word ("West Coast", "North Shore", "the East End"), or a
    part word found after a compass word outside the parser's entities ("a South Side man",
    where "Side" alone is a Turkish town)."""
    words = normalize_name(mention.base or mention.text).replace("-", " ").split()
    if len(words) == 1:
        return words[0] in PART_WORDS and mention.previous in COMPASS_WORDS - {"-"}
    return len(words) == 2 and words[0] in COMPASS_WORDS and words[1] in PART_WORDS


def _relative_parts_in_named_countries(
    mentions: Sequence[Mention], names: Sequence[str], chosen: Sequence[GazetteerEntry | None]
) -> list[GazetteerEntry | None]:
    """A compass word and a part word (:func:`_is_relative_part`) name the part of the place
    the story is about: "the West Coast" of an American story is the Pacific states, "the
    East End" of a London story is London's, "the North Shore" of a Chicago story is
    Chicago's suburbs. The description is relative to the setting (a deictic use of the
    compass word, as in "the North" of :func:`_names_a_region`), so a town or division of
    that name elsewhere (New Zealand's West Coast region, the North Shore of Auckland;
    Western Australia, which GeoNames also calls "West Coast") is its reading only where
    the article's other names are read in its country. A name the alias table gives a
    country keeps it ("West Bank")."""
    relative = [
        index
        for index, entry in enumerate(chosen)
        if entry is not None
        and _is_relative_part(mentions[index])
        and country_for_name(mentions[index].base or mentions[index].text) is None
    ]
    if not relative:
        return list(chosen)
    countries = {
        (names[index], entry.country) for index, entry in enumerate(chosen) if entry is not None
    }
    readings = list(chosen)
    for index in relative:
        entry = chosen[index]
        assert entry is not None
        if not any(
            country == entry.country and name != names[index] for name, country in countries
        ):
            readings[index] = None
    return readings


def _capital_namesake(options: tuple[GazetteerEntry, ...]) -> GazetteerEntry | None:
    """The first-order division among ``options`` named like its country's capital, also
    among them ("Washington" the state, beside the city), diacritics aside (GeoNames' city
    "Tehran" and province "Tehrān")."""
    capitals = {(entry.country, _bare_name(entry)) for entry in options if entry.feature == CAPITAL}
    return next(
        (
            entry
            for entry in options
            if entry.feature == ADMIN1 and (entry.country, _bare_name(entry)) in capitals
        ),
        None,
    )


def _bare_name(entry: GazetteerEntry) -> str:
    return without_diacritics(normalize_name(entry.name))


def _without_namesake_division(
    options: tuple[GazetteerEntry, ...],
) -> tuple[GazetteerEntry, ...]:
    """A name shared by a capital and a first-order division of its country reads as the
    capital, which takes the division's place (and its feature weight): news names the seat
    of government far more often ("WASHINGTON (AP) —", "Washington said"), and writes the
    division as one where it means it (:func:`_reads_as_division`)."""
    division = _capital_namesake(options)
    return tuple(entry for entry in options if entry is not division)


_DIVISION_WORDS: Final = frozenset({"state", "province", "region", "county"})
"""Type words written after a division's name ("Washington state", "Punjab province")."""

_COORDINATION: Final = frozenset({"and", "or", ",", "&"})


def _reads_as_division(
    index: int,
    mentions: Sequence[Mention],
    candidates: Sequence[tuple[GazetteerEntry, ...]],
    parents: dict[int, GazetteerEntry],
    text: str,
) -> bool:
    """Whether a mention is written as a first-order division: the parent of the mention
    before it ("Spokane, Washington"), followed by a division's type word ("Washington
    state"), or coordinated with a division ("Oregon and Washington")."""
    mention = mentions[index]
    if index - 1 in parents:
        return True
    following = text[mention.end : mention.end + 12].split()
    if following and following[0].lower().strip(".,") in _DIVISION_WORDS:
        return True
    for other in (index - 1, index + 1):
        if not 0 <= other < len(mentions) or not candidates[other]:
            continue
        first, second = sorted((mention, mentions[other]), key=lambda m: m.start)
        between = text[first.end : second.start].strip().lower()
        if between in _COORDINATION and candidates[other][0].feature == ADMIN1:
            return True
    return False


def _admin1_of(entry: GazetteerEntry) -> tuple[str, str] | None:
    return None if entry.admin1 is None else (entry.country, entry.admin1)


def _choose(
    names: Sequence[str],
    candidates: Sequence[tuple[GazetteerEntry, ...]],
    contributions: Sequence[tuple[str | None, tuple[str, str] | None]],
    parents: dict[int, GazetteerEntry],
    capital_readings: frozenset[int],
    weights: ResolutionWeights,
) -> list[GazetteerEntry | None]:
    """Each mention's best candidate, given what every other mention adds to the context
    (``capital_readings``: the mentions :func:`_without_namesake_division` applies to)."""
    countries = Counter(country for country, _ in contributions if country)
    admin1s = Counter(admin1 for _, admin1 in contributions if admin1)
    own_countries: dict[str, Counter[str]] = {}
    own_admin1s: dict[str, Counter[tuple[str, str]]] = {}
    for name, (country, admin1) in zip(names, contributions, strict=True):
        own_countries.setdefault(name, Counter()).update([country] if country else [])
        own_admin1s.setdefault(name, Counter()).update([admin1] if admin1 else [])
    local = _local_admin1s(names, candidates)
    shared = Counter(admin1 for areas in local.values() for admin1 in areas)
    context = {
        name: (
            countries - own_countries[name],
            admin1s - own_admin1s[name],
            shared - Counter(local[name]),
        )
        for name in local
    }  # once per distinct name: an article repeats its names
    return [
        _best(options, parents.get(index), *context[names[index]], weights,
              capital_reading=index in capital_readings)
        for index, options in enumerate(candidates)
    ]  # fmt: skip


def _local_admin1s(
    names: Sequence[str], candidates: Sequence[tuple[GazetteerEntry, ...]]
) -> dict[str, set[tuple[str, str]]]:
    """Each distinct name -> the admin1 areas that hold a town or county of that name."""
    local: dict[str, set[tuple[str, str]]] = {}
    for name, options in zip(names, candidates, strict=True):
        areas = local.setdefault(name, set())
        areas.update(
            (entry.country, entry.admin1)
            for entry in options
            if entry.admin1 is not None
            and (entry.feature == ADMIN2 or entry.feature.startswith("P."))
        )
    return local


def _candidates(
    mention: Mention, gaz: Gazetteer, text: str, *, aliases: bool = False
) -> tuple[GazetteerEntry, ...]:
    """The gazetteer entries a mention may name; for a dateline, only towns and counties.

    With ``aliases`` a name the alias table gives a country keeps the country first
    ("England" the United Kingdom): the recognition's evidence reads it so, since the towns
    of a constituent country are not those of one state a local story names
    (:func:`_accepted`); resolution takes the division (:func:`_division_over_alias`).
    """
    if mention.facility:
        return ()
    if mention.demonym_country is not None:
        country = gaz.country(mention.demonym_country)
        return () if country is None else (country,)
    if mention.is_demonym and mention.base is None:
        return ()  # a region's demonym without an entry ("Latin American")
    name = mention.base or mention.text
    options = gaz.lookup(name)
    if not aliases:
        options = _division_over_alias(normalize_name(name), options)
    if _names_a_region(mention.text):
        return tuple(entry for entry in options if not entry.feature.startswith("P."))
    if _is_abbreviation(mention.text):
        units = tuple(entry for entry in options if entry.feature in (COUNTRY, ADMIN1))
        return units or options
    if _is_dateline(mention, text):
        namesake = _capital_namesake(options)  # left for the capital's reading to drop
        local = tuple(
            entry
            for entry in options
            if entry.feature not in (COUNTRY, ADMIN1) or entry is namesake
        )
        return local or options
    return options


def _is_abbreviation(name: str) -> bool:
    """An upper-case abbreviation of three letters at most ("US", "U.K.", "UAE"): it abbreviates
    a country's or a state's name, and a town of those letters ("Us", Val-d'Oise) is not what
    it names wherever a country or state bears it."""
    letters = name.replace(".", "")
    return 0 < len(letters) <= 3 and letters.isalpha() and letters.isupper()


def _division_over_alias(
    name: str, options: tuple[GazetteerEntry, ...]
) -> tuple[GazetteerEntry, ...]:
    """Without a country reached through an alias when ``name`` (folded) is the own name of a
    first-order division of that country ("Scotland", "England", "Wales": divisions of the
    United Kingdom in GeoNames, which the alias table maps to the whole): the division is the
    place the name names."""
    if len(options) < 2 or options[0].feature != COUNTRY:
        return options
    country = options[0]
    if normalize_name(country.name) == name:
        return options
    division = any(
        entry.feature == ADMIN1
        and entry.country == country.country
        and normalize_name(entry.name) == name
        for entry in options
    )
    return options[1:] if division else options


_REGION_WORDS: Final = COMPASS_WORDS | {"middle", "far", "near", "mid"}


def _names_a_region(name: str) -> bool:
    """A name made of compass words only ("the North East", "Middle East", "the South") names
    a region, which the gazetteer does not hold, not the small towns GeoNames has of that name
    (North East, Maryland; Middle East, Maryland)."""
    words = name.lower().replace("-", " ").split()
    return bool(words) and all(word in _REGION_WORDS for word in words)


_DATELINE_TAIL: Final = re.compile(
    r"\)?(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?\s*(?:\([\w .&-]{1,30}\))?\s*(?:—|–|--|-|:|\x97)\s"
)
"""What follows the place of a wire dateline: its parent, the agency and a dash ("BEIRUT:",
"ALBUQUERQUE, N.M. (AP) -", "(NEW YORK) —")."""


def _is_dateline(mention: Mention, text: str) -> bool:
    """An upper-case name opening a line ("WASHINGTON (AP) —", "ST. LOUIS –"), or anywhere
    in the form of a dateline (pasted stories and bylines put datelines mid-text: "...
    Associated Press WASHINGTON (AP) —"): a wire dateline, which names the town the story was
    filed from, never a state or a country."""
    return _dateline_at(mention.start, mention.end, text)


def _dateline_at(start: int, end: int, text: str) -> bool:
    name = text[start:end]
    if len(name) <= 2 or not name.isupper():
        return False
    line_start = text.rfind("\n", 0, start) + 1
    if not text[line_start:start].strip():
        return True
    # mid-text, four letters at least: "USA -", "UAE:" are countries written in capitals
    return len(name) > 3 and _DATELINE_TAIL.match(text, end) is not None


def _context(
    candidates: Iterable[tuple[GazetteerEntry, ...]],
) -> tuple[Counter[str], Counter[tuple[str, str]]]:
    """Countries and admin1 areas the article names without much ambiguity (summed over the
    mentions: :func:`_context_of`)."""
    countries: Counter[str] = Counter()
    admin1s: Counter[tuple[str, str]] = Counter()
    for options in candidates:
        country, admin1 = _context_of(options)
        if country:
            countries[country] += 1
        if admin1 is not None:
            admin1s[admin1] += 1
    return countries, admin1s


def _context_of(
    options: tuple[GazetteerEntry, ...],
) -> tuple[str | None, tuple[str, str] | None]:
    """The country and admin1 area one mention adds to its article's context: its country if
    all its candidates lie in one, or if it names a country or a first-order division (these
    rank first among a name's candidates: "Louisiana" is the state before the Missouri town);
    its admin1 area if it names one and no country."""
    if not options:
        return None, None
    first = options[0]
    country = None
    if first.feature in (COUNTRY, ADMIN1) or len({entry.country for entry in options}) == 1:
        country = first.country
    admin1 = None
    names_no_country = not any(entry.feature == COUNTRY for entry in options)
    if first.feature == ADMIN1 and first.admin1 is not None and names_no_country:
        admin1 = (first.country, first.admin1)
    return country, admin1


def _parents(
    mentions: Sequence[Mention], candidates: Sequence[tuple[GazetteerEntry, ...]], text: str
) -> dict[int, GazetteerEntry]:
    """Mention index -> the parent written right after it: "Athens, Ga.", "Paris, Texas",
    "MYKOLAIV, Ukraine" (a comma between, the second an admin1 area or a country that
    contains one of the first's places, if the gazetteer knows any). Names listed with
    commas are no parent and child: in "Baghdad and Basra in Iraq, Kabul in Afghanistan"
    Iraq does not lie in the province of Kabul."""
    parents: dict[int, GazetteerEntry] = {}
    for index in range(len(mentions) - 1):
        here, after = mentions[index], mentions[index + 1]
        between = text[here.end : after.start]
        if between.strip() != "," or after.is_demonym:
            continue
        inner = candidates[index]
        larger = [
            e
            for e in candidates[index + 1]
            if e.feature in (COUNTRY, ADMIN1)
            and (not inner or any(_contains(e, entry) for entry in inner))
        ]
        if larger:
            parents[index] = larger[0]
    return parents


def _best(
    options: tuple[GazetteerEntry, ...],
    parent: GazetteerEntry | None,
    countries: Counter[str],
    admin1s: Counter[tuple[str, str]],
    shared: Counter[tuple[str, str]],
    weights: ResolutionWeights,
    *,
    capital_reading: bool = False,
) -> GazetteerEntry | None:
    if not options:
        return None
    largest = max(entry.population for entry in options)
    capital = next((entry for entry in options if entry.feature == CAPITAL), None)

    def score(entry: GazetteerEntry) -> float:
        value = math.log10(entry.population + 1)
        named_admin1 = entry.admin1 is not None and admin1s[(entry.country, entry.admin1)] > 0
        qualified = parent is not None and _contains(parent, entry)
        namesake = _dwarfed(entry, largest) or (
            capital is not None and entry.country != capital.country
        )
        if named_admin1 or qualified or not namesake:
            value += weights.country_context * min(countries[entry.country], weights.context_cap)
        if entry.admin1 is not None:
            value += weights.admin1_context * min(
                admin1s[(entry.country, entry.admin1)], weights.context_cap
            )
        if parent is not None and _contains(parent, entry):
            value += weights.parent
        if entry.feature == COUNTRY:
            value += weights.country_feature
        elif (
            (entry.feature == ADMIN2 and entry.country == "USA")  # "Laurel County", written so
            or (entry.feature == ADMIN1 and _well_known(entry))
            or (capital_reading and entry.feature == CAPITAL)
        ):
            value += weights.admin1_feature
        if entry.by_alternate:
            value += weights.alternate
        if entry.feature == CAPITAL and not capital_reading:
            value += weights.capital
        return value

    scores = {id(entry): score(entry) for entry in options}
    if not shared or not weights.shared_admin1:
        return max(options, key=lambda entry: scores[id(entry)])
    country = max(options, key=lambda entry: scores[id(entry)]).country

    def within_country(entry: GazetteerEntry) -> float:
        value = scores[id(entry)]
        local = entry.feature == ADMIN2 or entry.feature.startswith("P.")
        if entry.country == country and local and entry.admin1 is not None:
            value += weights.shared_admin1 * min(
                shared[(entry.country, entry.admin1)], weights.shared_cap
            )
        return value

    return max(options, key=within_country)


NAMESAKE_POPULATION_RATIO: Final = 100
"""How many times larger than a place another of its name must be for the article's naming
of the small one's country to be no evidence for it. A name's most populous place is the
likeliest reading (Leidner 2007's "largest population" heuristic; the population prior of
Mordecai and CLAVIN), and a country named elsewhere in the article does not move a name two
orders of magnitude down: a story on the US economy that mentions "London" means the capital,
not London, Ohio. Local evidence does: the namesake's state named in the article or written
next to it ("London, Ky.", "Paris, Texas")."""


def _dwarfed(entry: GazetteerEntry, largest: int) -> bool:
    """Whether another place of the name has :data:`NAMESAKE_POPULATION_RATIO` times the
    people of ``entry``."""
    return (entry.population + 1) * NAMESAKE_POPULATION_RATIO < largest


def _contains(parent: GazetteerEntry, entry: GazetteerEntry) -> bool:
    if parent.feature == COUNTRY:
        return entry.country == parent.country and entry is not parent
    return entry.country == parent.country and entry.admin1 == parent.admin1 and entry != parent


def _place(mention: Mention, entry: GazetteerEntry | None) -> Place:
    if entry is None:
        return Place(
            start=mention.start, end=mention.end, text=mention.text, is_demonym=mention.is_demonym
        )
    return Place(
        start=mention.start,
        end=mention.end,
        text=mention.text,
        name=entry.name,
        lat=entry.lat,
        lon=entry.lon,
        country=entry.country or None,
        geonameid=entry.geonameid,
        feature=entry.feature,
        admin1=entry.admin1,
        is_demonym=mention.is_demonym,
    )
