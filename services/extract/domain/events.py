"""Events: what happened, to whom, where, when and how many.

One event per trigger token. For each trigger the event gets a PLOVER type and mode from the
lexicon, a status from the clause, participants, a location and a time from the parse around
it, and casualty counts from its sentence. The most salient event is marked ``is_main``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Final

from spacy.tokens import Span, Token

from services.extract.domain.document import DocumentContext
from services.extract.domain.event_cameo import cameo_code
from services.extract.domain.event_frames import demanding_verb, reframe
from services.extract.domain.event_time import lead_time, time_of
from services.extract.domain.lexicon import (
    HARM_VERBS,
    MACHINE_WORDS,
    MODE_WORDS,
    NOUN_TRIGGERS,
    PLACE_HEAD_NOUNS,
    RAISING_PREDICATES,
    READINESS_ADJECTIVES,
    STATIVE_VERBS,
    TOLL_NOUNS,
    VERB_TRIGGERS,
    TriggerSense,
)
from services.extract.domain.magnitudes import counts_in
from services.extract.domain.participants import agent_heads, can_act, participants_of
from services.extract.domain.places import (
    SPEECH_ACT_TYPES,
    article_country,
    city_in_lead,
    dateline_place,
    location_of,
    names_an_occasion,
    occasion_town,
    places_between,
    setting_place,
    story_place,
)
from services.extract.domain.speech_lexicon import SPEECH_VERBS, TOPIC_CUES
from services.extract.domain.status import is_conditional, is_only_possible, status_of
from services.extract.domain.triggers import (
    TriggerMatch,
    article_lemmas,
    find_triggers,
    is_attack_story,
    is_cyber_story,
    is_violent_story,
    to_death,
)
from shared.ids import event_id_for
from shared.models import (
    Claim,
    Event,
    EventStatus,
    EventTime,
    EventType,
    Location,
    Magnitude,
    Participant,
    TextSpan,
)

_COUNTED_TYPES = frozenset({"ASSAULT", "DISASTER", "ACCIDENT", "COERCE", "PROTEST"})
_HARM_TYPES = frozenset({"ASSAULT", "DISASTER", "ACCIDENT"})
_TYPES_FOR_COUNT: dict[str, frozenset[str]] = {
    "killed": _HARM_TYPES,
    "injured": _HARM_TYPES,
    "missing": _HARM_TYPES,
    "displaced": _HARM_TYPES,
    "arrested": frozenset({"COERCE"}),
}
_FRAMING_DEPS = frozenset({"xcomp", "ccomp", "dobj", "pobj", "pcomp", "prep", "nsubjpass", "advcl"})
_TEMPORAL_PREPOSITIONS = frozenset({"after", "before", "since", "during", "until", "amid", "while"})
_BACKGROUND_DAYS = 14
_NON_EVENTS = frozenset({"negated", "hypothetical"})
_LEAD_WINDOW_DAYS = 7
_LEAD_SENTENCES = 4
_OPENING_SENTENCES = 2
_LEDE_SENTENCES = 2
"""A story's lede: the first two sentences of its body state the news (the inverted pyramid;
a one-sentence lede is often followed by the sentence that completes it)."""
_HEADLINE_FALLBACK_SALIENCE = 100.0
_SPEECH_TYPES = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "AGREE", "SUPPORT"})
_MILITARY_TYPES = frozenset({"ASSAULT", "MOBILIZE", "RETREAT"})
_DOMESTIC_SECTORS = frozenset({"COP", "JUD", "GOV", "CVL", "OPP"})
_AGENTLESS_TYPES = frozenset({"ACCIDENT", "DISASTER"})
_RELATIVES = frozenset({"who", "which", "that"})
_REPORTING_LEMMAS = frozenset(
    {"say", "tell", "report", "announce", "add", "state", "claim", "confirm", "quote"}
)
_TYPE_SALIENCE = {
    "ASSAULT": 3.0,
    "DISASTER": 3.0,
    "ACCIDENT": 2.5,
    "COERCE": 2.0,
    "PROTEST": 2.0,
    "MOBILIZE": 2.0,
    "SANCTION": 2.0,
    "THREATEN": 1.5,
    "RETREAT": 1.5,
    "AGREE": 1.5,
    "CONSULT": 1.5,
    "CONCEDE": 1.5,
    "AID": 1.5,
    "ACCUSE": 1.2,
    "REJECT": 1.2,
    "REQUEST": 1.2,
    "COOPERATE": 1.2,
    "SUPPORT": 1.0,
    "OTHER": 0.3,
}


@dataclass(frozen=True)
class _Scored:
    event: Event
    salience: float
    trigger: Token
    headline: bool = False
    position: int = 0
    """The sentence's place in the body (0: the lede; the headline counts as 0 too)."""


def extract_events(
    ctx: DocumentContext,
    *,
    version: str,
    claims: Sequence[Claim] = (),
    news_day: date | None = None,
) -> list[Event]:
    """Every event in the article, in text order, with at most one ``is_main``.

    An event inside the content of one of ``claims`` is reported speech: it keeps that claim's
    id in ``reported_by_claim_id``. ``news_day`` is accepted for compatibility and not used:
    since 0.4.0 a main event that nothing in the text dates takes the publication day (a guess
    of "the day before" from the timestamp's hour did not beat it on unseen articles).

    The main event (``is_main``) is chosen by one rule: an event the headline names, the
    highest in the headline's parse; else, when the headline names no event of the ontology,
    the headline's own predicate (an OTHER event); else the most salient event, the lede first
    (inverted pyramid). Without actors of its own, the main event takes those of another
    mention of the same kind of event in the lead ("Fatal attack on consulate" ... "a suicide
    bomber attacked the consulate").
    """
    scored: list[_Scored] = []
    sentences = [s for s in ctx.doc.sents if not ctx.sentence_is_boilerplate(s)]
    lead = lead_time(sentences, ctx.published)
    lemmas = article_lemmas(ctx.doc)
    violent = is_violent_story(lemmas)
    attack = is_attack_story(lemmas)
    cyber = is_cyber_story(lemmas)
    cues = _title_cues(ctx, violent_story=violent, attack_story=attack, cyber_story=cyber)
    headline_seen = False
    for position, sentence in enumerate(sentences):
        headline = position == 0 and _is_headline(ctx, sentence)
        headline_seen = headline_seen or headline
        body_position = position - 1 if headline_seen and not headline else position
        triggers = find_triggers(
            sentence,
            violent_story=violent,
            attack_story=attack,
            cyber_story=cyber,
            headline=headline,
        )
        counts = _assign_counts(sentence, triggers)
        # The lead's time dates the news the lead tells, not the background the body adds
        # ("his father, who died", "the 1996 shooting"): all BBC, 25 of 30 such events sampled
        # were not of the lead's day. Later events without a time of their own get the
        # publication day, marked as such.
        dated_by_lead = lead if body_position < _LEAD_SENTENCES else None
        for match in triggers:
            magnitudes = counts.get(match.token.i, [])
            event = _build_event(ctx, sentence, match, magnitudes, dated_by_lead, version, headline)
            event = _link_claim(event, claims)
            salience = _salience(ctx, event, match, body_position, headline, cues)
            salience += _prominence(match, triggers)
            scored.append(_Scored(event, salience, match.token, headline, max(0, body_position)))
    headline_end = sentences[0].end_char if headline_seen else 0
    headline_news = [
        item
        for item in scored
        if item.event.trigger.start < headline_end and item.event.status not in _NON_EVENTS
    ]
    if not headline_news or (
        headline_seen and all(_describes_a_participant(item.trigger) for item in headline_news)
    ):
        # The headline names no event of the ontology: its own predicate is the news
        # ("Toblerone changes its bars"), ahead of any event found in the body.
        scored.extend(_headline_event(ctx, sentences, lead, version))
    titled = headline_seen or (cues is not None and not cues.types)
    if titled and not any(_is_news(item) and _in_lede(item) for item in scored):
        # Neither the headline nor the lede names an event: the lede's own predicate is the
        # news ("Winn-Dixie has filed for bankruptcy"), not an event deep in the body. Under a
        # title given apart from the text (a stream's article) the first sentence is the lede.
        lede = sentences[1:] if headline_seen else sentences
        scored.extend(_lede_event(ctx, lede, lead, version))
    idle = {item.event.event_id for item in scored if _is_unattributed_exchange(item)}
    events = [e for e in _mark_main(scored) if e.is_main or e.event_id not in idle]
    main_trigger = next((item.trigger for item in scored if _is_same(item.event, events)), None)
    article_place = _ArticlePlace(ctx)
    return [
        _with_story_actors(
            _located_as_story(
                ctx,
                _dated_as_story(e, events, sentences, ctx.published),
                events,
                sentences,
                main_trigger,
            ),
            events,
            sentences,
        )
        if e.is_main and main_trigger is not None
        else _set_by_article(article_place, e)
        for e in events
    ]


_EXCHANGE_TYPES = frozenset(
    {
        "CONSULT",
        "AGREE",
        "SUPPORT",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "CONCEDE",
        "COOPERATE",
    }
)
"""Verbal and cooperative acts (PLOVER's, CAMEO 01-08 and 10-13): an exchange between a source
and a target, which event data codes only when at least one side is named."""


def _is_unattributed_exchange(item: _Scored) -> bool:
    """A verb of exchange with neither side in its clause ("the defending champion", "fighting
    to the very end") is a use of the word, not an event between actors. A noun may name an
    exchange whose sides are elsewhere ("the London meeting"), so only verbs; the main event
    is exempt (it takes the lead's actors)."""
    event = item.event
    return (
        event.type in _EXCHANGE_TYPES
        and item.trigger.pos_ == "VERB"
        and not event.actors
        and not event.targets
    )


def _is_same(event: Event, events: list[Event]) -> bool:
    return any(e.is_main and e.event_id == event.event_id for e in events)


def _headline_event(
    ctx: DocumentContext, sentences: list[Span], lead: EventTime | None, version: str
) -> list[_Scored]:
    """The headline's main verb as an OTHER event ("Cubs win World Series"), for an article
    whose headline names no event of the ontology: the news is what the headline says, not an
    event found in the body. Articles without a headline, or whose headline has no verb of its
    own (a noun phrase, a report of speech with nothing reported), get none."""
    if not sentences or not _is_headline(ctx, sentences[0]):
        return []
    headline = sentences[0]
    verb = _headline_predicate(headline)
    misread = _verb_read_as_plural_noun(headline) if verb is None or _is_imperative(verb) else None
    if misread is not None:
        return [_misread_headline_event(ctx, headline, misread, lead, version)]
    if verb is None:
        return []
    match = TriggerMatch(verb, verb.i, verb.i + 1, TriggerSense("OTHER", None, 0.2))
    event = _build_event(ctx, headline, match, [], lead, version, headline=True)
    if verb.dep_ == "relcl":
        event = _with_headline_subject(ctx, event, verb)
    return [_Scored(event, _HEADLINE_FALLBACK_SALIENCE, verb, headline=True)]


def _with_headline_subject(ctx: DocumentContext, event: Event, verb: Token) -> Event:
    """The root noun of "PlayStation chip to be unveiled", which the parser made the head of
    a relative clause, is the subject of the headline's infinitive: its target when the
    infinitive is passive, else its actor ("Musicians to tackle US red tape"), unless the
    parse gave that role another phrase."""
    noun = verb.head
    subject = _bare_phrase(ctx.doc[noun.left_edge.i : noun.i + 1])
    role = "targets" if any(c.dep_ == "auxpass" for c in verb.children) else "actors"
    if getattr(event, role):
        return event
    return event.model_copy(update={role: subject})


def _is_imperative(verb: Token) -> bool:
    """A base-form verb opening the headline with no subject: an imperative, which a news
    headline does not use to report ("Ask Jeeves tips online ad revival", "Drink remark 'acts
    as diversion'": the parser took the first word of a name or a compound for a command)."""
    return (
        verb.tag_ == "VB"
        and verb.i == verb.sent.start
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
    )


_HEADLINE_SUBJECT_POS = frozenset({"NOUN", "PROPN"})
_OTHER_SENSE = TriggerSense("OTHER", None, 0.2)
_OBJECT_STOPS = frozenset({"ADP", "CCONJ", "SCONJ", "VERB", "AUX", "PUNCT"})
_OBJECT_START_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON", "ADP"})
_COPULA_DROPPED_PREPOSITIONS = frozenset({"at", "in"})
"""Headlinese drops the copula before a level or a place ("Australia rates [are] at four-year
high", "Car sales in the US [are] down"): a plural noun before a locative preposition is a
subject or is placed by it, not a verb."""


def _verb_read_as_plural_noun(headline: Span) -> Token | None:
    """The verb of a headline the parser read as a plural noun ("Trump slams 'rigged' FBI",
    "Toblerone triangle change upsets fans"). Headlinese reports in the simple present and
    drops articles (Mårdh 1980, *Headlinese*), so its third-person "-s" verb follows a bare
    noun phrase and looks like a plural noun in a compound. Read so: a plural noun, not the
    first word, right after a noun or name (quotation marks aside), governed by no preposition
    or verb (:func:`_governs_as_argument`), and followed by what a verb takes: an object's
    first word or a preposition. Not before a possessive ("Lib Dems' policy"), a locative
    preposition (:data:`_COPULA_DROPPED_PREPOSITIONS`), an infinitive ("EU ministers to mull
    tax": the plural is its subject), an adverb ("Oil prices back above $50") or a verb
    ("newspapers axe 90 jobs", :func:`_is_verb_before_its_object`), nor after a plural
    subject's verb (:func:`_follows_a_plural_subject`)."""
    for token in headline[1:]:
        if token.tag_ != "NNS" or not token.lower_.endswith("s"):
            continue
        before = _next_word_to(token, -1)
        after = _next_word_to(token, 1)
        if (
            before is not None
            and after is not None
            and before.pos_ in _HEADLINE_SUBJECT_POS
            and not _follows_a_plural_subject(before)
            and after.pos_ in _OBJECT_START_POS
            and after.tag_ != "POS"
            and after.lower_ not in _COPULA_DROPPED_PREPOSITIONS
            and not _is_verb_before_its_object(after)
            and not any(_governs_as_argument(a, token) for a in (token, *token.ancestors))
        ):
            return token
    return None


def _governs_as_argument(governor: Token, noun: Token) -> bool:
    """A preposition (a subject is never a preposition's object: "Warning over US pensions
    deficit") or a verb the parser did read before the noun ("Airbus announces job cuts": the
    plural noun is its object), except the imperative it made of a name's first word. A verb
    after the noun is what the misread verb says ("Firm tips sales rise")."""
    if governor.dep_ in {"prep", "agent"}:
        return True
    return governor.pos_ in {"VERB", "AUX"} and governor.i < noun.i and not _is_imperative(governor)


def _is_verb_before_its_object(word: Token) -> bool:
    """An open-class word right before a numeral or determiner ("Telegraph newspapers axe 90
    jobs"; the tagger may call such a word anything): a noun phrase opens with its determiner
    or numeral, so the word ends a phrase and, after a plural subject, is the misread verb
    (its base form agrees with the plural)."""
    after = _next_word_to(word, 1)
    return (
        not word.is_stop
        and word.pos_ != "NUM"
        and after is not None
        and after.pos_ in {"NUM", "DET"}
    )


def _follows_a_plural_subject(word: Token) -> bool:
    """Whether ``word`` comes right after a plural noun ("MPs quiz aides over income"): then
    ``word`` is the base-form verb that agrees with that plural subject, and the plural noun
    after it is its object, not a verb."""
    subject = _next_word_to(word, -1)
    return subject is not None and (
        subject.tag_ in {"NNS", "NNPS"}
        or (subject.text.endswith("s") and subject.text[:-1].isupper() and len(subject) > 2)
    )


def _next_word_to(token: Token, step: int) -> Token | None:
    """The word before (``step`` -1) or after (1) ``token`` in its sentence, past quotation
    marks; None at the sentence's edge or its closing line break."""
    sentence = token.sent
    i = token.i + step
    while sentence.start <= i < sentence.end and token.doc[i].is_quote:
        i += step
    if not sentence.start <= i < sentence.end or token.doc[i].is_space:
        return None
    return token.doc[i]


def _misread_headline_event(
    ctx: DocumentContext, headline: Span, verb: Token, lead: EventTime | None, version: str
) -> _Scored:
    """The headline's event at a verb the parser misread (:func:`_verb_read_as_plural_noun`):
    the words before it, after a kicker's colon, are its subject, the bare phrase after it up
    to a preposition, conjunction or punctuation its object; the parse, which read them as one
    noun phrase, cannot say. A verb of the lexicon keeps its sense when its subject can act
    ("Trump slams FBI": ACCUSE; "Film festival battles on" is no assault). Its
    status is what the headline's simple present reports, a past act (Mårdh 1980): the parse
    around a misread verb says nothing of its mood ("Ask Jeeves tips ...": no imperative)."""
    sense = _OTHER_SENSE
    subject_head = _next_word_to(verb, -1)
    if subject_head is not None and can_act(subject_head):
        sense = VERB_TRIGGERS.get(verb.lemma_.lower(), _OTHER_SENSE)
    match = TriggerMatch(verb, verb.i, verb.i + 1, sense)
    event = _build_event(ctx, headline, match, [], lead, version, headline=True)
    start = max(
        (t.i + 1 for t in headline[: verb.i - headline.start] if t.text == ":"),
        default=headline.start,
    )
    subject = _bare_phrase(ctx.doc[start : verb.i])
    end = next(
        (
            t.i
            for t in ctx.doc[verb.i + 1 : headline.end]
            if t.pos_ in _OBJECT_STOPS and not t.is_quote and t.tag_ != "HYPH"
        ),
        headline.end,
    )
    obj = _bare_phrase(ctx.doc[verb.i + 1 : end])
    update = {"actors": subject, "targets": obj, "status": "occurred"}
    return _Scored(
        event.model_copy(update=update), _HEADLINE_FALLBACK_SALIENCE, verb, headline=True
    )


def _bare_phrase(span: Span) -> tuple[Participant, ...]:
    """The phrase of ``span`` without its outer quotation marks, as one participant."""
    words = [t for t in span if not t.is_quote and not t.is_space]
    if not words:
        return ()
    phrase = span.doc[words[0].i : words[-1].i + 1]
    return (Participant(text=phrase.text, start=phrase.start_char, end=phrase.end_char),)


def _describes_a_participant(trigger: Token) -> bool:
    """An event noun that only describes a participant of the headline's news ("Police name
    victims of tram crash", "Minister visits scene of the explosion", "Judge delays trial over
    protest"), or classifies one as the modifier of a compound ("Gurkhas to help tsunami
    victims", "Stars join tsunami TV show"): a definite description or a compound's modifier
    presupposes its event, it does not report it (Levi 1978: the modifier of a noun compound is
    not referential); the headline's predicate does. A toll's event is the news ("Death toll
    from quake rises")."""
    if trigger.pos_ not in {"NOUN", "PROPN"}:
        return False
    if trigger.dep_ == "compound":
        described = trigger.head
        while described.dep_ == "compound" and described.head is not described:
            described = described.head  # "tsunami TV show": the show
        # A witness who tells of it keeps the event the news ("Crash survivor describes carnage").
        return _is_a_participant(described) and not _is_speech_lemma(described.head)

    if trigger.dep_ != "pobj":
        return False
    preposition = trigger.head
    return preposition.dep_ == "prep" and _is_a_participant(preposition.head)


def _is_speech_lemma(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    return lemma in SPEECH_VERBS or lemma in TOPIC_CUES


def _is_a_participant(noun: Token) -> bool:
    """A common noun that is an argument of the headline's predicate (a toll is the news)."""
    return (
        noun.pos_ == "NOUN"
        and noun.lemma_.lower() not in TOLL_NOUNS
        and noun.dep_ in {"dobj", "pobj", "nsubj", "nsubjpass", "attr"}
    )


def _lede_event(
    ctx: DocumentContext,
    lede: list[Span],
    lead: EventTime | None,
    version: str,
) -> list[_Scored]:
    """The predicate of the first lede sentence that states one, as an OTHER event, for a
    headlined article whose headline and lede name no event of the ontology (a title without a verb:
    "Australia rates at four year high"). A lede of states only ("He is the longest serving
    chancellor") gives none."""
    for position, sentence in enumerate(lede[:_LEDE_SENTENCES]):
        verb = _headline_predicate(sentence)
        if verb is None or not _has_subject(verb):
            continue  # "Listen to the full interview": an imperative tells no news
        match = TriggerMatch(verb, verb.i, verb.i + 1, TriggerSense("OTHER", None, 0.2))
        event = _build_event(ctx, sentence, match, [], lead, version)
        if event.status in _NON_EVENTS:
            continue
        return [_Scored(event, _HEADLINE_FALLBACK_SALIENCE, verb, position=position)]
    return []


def _has_subject(verb: Token) -> bool:
    """Whether the verb's clause, or a clause it is the complement of, has a subject."""
    return any(
        c.dep_ in {"nsubj", "nsubjpass", "expl"}
        for t in (verb, *verb.ancestors)
        for c in t.children
    )


def _in_lede(item: _Scored) -> bool:
    """Whether the event is in the headline or the lede, where a news story states its news
    (the inverted pyramid)."""
    return item.headline or item.position < _LEDE_SENTENCES


def _is_stative(verb: Token) -> bool:
    """A verb of state, or "act as" (a role, not an action: "Video phones act as dating
    tools")."""
    lemma = verb.lemma_.lower()
    return lemma in STATIVE_VERBS or (
        lemma == "act" and any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children)
    )


def _headline_predicate(headline: Span) -> Token | None:
    """The verb that states a headline's news: its root, or what a reporting root reports, or
    for a verbless title before a clause ("Tears of joy as fans celebrate") the highest verb with
    a subject of its own."""
    verb = headline.root
    if verb.lemma_.lower() in _REPORTING_LEMMAS:
        verb = next((c for c in verb.children if c.dep_ == "ccomp"), verb)
    verb = _raised(verb)
    if verb.pos_ != "AUX" and _is_stative(verb):
        # "China had role in Yukos split-up", "there is no way …": a state, no happening (a
        # copula is read past: "X is confident Y will win")
        return None
    if verb.pos_ == "VERB" and verb.lemma_.lower() not in _REPORTING_LEMMAS:
        return verb
    subjects_verbs = [
        t
        for t in headline
        if t.pos_ == "VERB"
        and t.lemma_.lower() not in _REPORTING_LEMMAS
        and any(c.dep_ == "nsubj" and c.lower_ not in _RELATIVES for c in t.children)
    ]
    return min(subjects_verbs, key=_depth, default=None) or _clause_of_a_name(headline.root)


def _clause_of_a_name(root: Token) -> Token | None:
    """Headlinese without its auxiliary: "EU to probe Alitalia", "Blair ready to call
    election" (what the title's root noun will do: an infinitive it governs, directly or
    through an adjective of readiness), "PlayStation chip to be unveiled" (what will be done
    to it: the parser reads the passive infinitive as a relative clause, but a headline's
    "to"-infinitive is its future, Quirk §4.48) and "Stevens named in line-up" (what was done
    to it: a past participle)."""
    if root.pos_ not in {"NOUN", "PROPN"}:
        return None
    for child in root.children:
        verbs = [child] if child.dep_ in {"acl", "relcl"} else []
        if child.dep_ == "amod" and child.pos_ == "ADJ":
            verbs = [c for c in child.children if c.dep_ == "xcomp"]
        for verb in verbs:
            infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
            participle = verb.tag_ == "VBN" and verb is child and child.dep_ == "acl"
            if verb.pos_ == "VERB" and (infinitive or participle):
                return verb
    return None


_PASSING_TO_INFINITIVE = RAISING_PREDICATES | READINESS_ADJECTIVES


def _raised(verb: Token) -> Token:
    """The infinitive a raising predicate or an adjective of readiness takes ("are set to
    prosper", "seems certain to end", "are to tour", "Mayor ready to call vote"): that verb
    states the happening (see :data:`RAISING_PREDICATES`, :data:`READINESS_ADJECTIVES`)."""
    for _ in range(2):  # bounded: "is expected to be set to …" at most
        if not _passes_to_infinitive(verb):
            return verb
        complement = next((c for c in verb.children if c.dep_ == "xcomp"), None)
        if complement is None:
            adjective = next(
                (
                    c
                    for c in verb.children
                    if c.dep_ in {"acomp", "oprd"} and c.lemma_.lower() in RAISING_PREDICATES
                ),
                None,
            )
            complement = adjective and next(
                (c for c in adjective.children if c.dep_ == "xcomp"), None
            )
        if complement is None or complement.pos_ not in {"VERB", "AUX"}:
            return verb
        verb = complement
    return verb


def _passes_to_infinitive(verb: Token) -> bool:
    """A raising predicate or an adjective of readiness, by its lemma or, for the participles
    the tagger reads as verbs in headlines ("Owen determined to stay", "Euronext poised to
    make bid"), by its form."""
    return verb.lemma_.lower() in _PASSING_TO_INFINITIVE or verb.lower_ in _PASSING_TO_INFINITIVE


def _with_story_actors(main: Event, events: list[Event], sentences: list[Span]) -> Event:
    """A main event without actors takes those of another mention of the same kind of event
    in the lead: a headline often names the event without its agent, which the lede gives."""
    if main.actors or not sentences or main.type in _AGENTLESS_TYPES:
        return main
    lead_end = sentences[min(len(sentences), _LEAD_SENTENCES) - 1].end_char
    for other in events:
        if (
            other is not main
            and other.type == main.type
            and other.trigger.start < lead_end
            and other.status not in _NON_EVENTS
            and other.actors
        ):
            return main.model_copy(update={"actors": other.actors})
    return main


def _located_as_story(
    ctx: DocumentContext,
    main: Event,
    events: list[Event],
    sentences: list[Span],
    trigger: Token,
) -> Event:
    """The main event's place, read strictly: a place governed by its trigger or clause (not
    one merely nearby), else the place of another mention of the same kind of event in the
    lead, else the article's dateline, else the place the headline or the lede sentence names
    (the inverted pyramid puts where in the lede), else the place the article keeps naming or
    its country (a story's focus location; BBC: the country right for 28 of 30 main events
    placed so, Giveme5W1H tune halves: 4 of 5 right, the fifth has no gold place), else the
    place of the gathering the opening paragraphs report from ("at a conference in Washington
    DC"); a country is narrowed to a city of it the lead names. The name of an occasion the
    parser read as a place ("at the Olivier Awards", :func:`names_an_occasion`) gives the town
    its name opens with ("the Dubai Championships"), else it is passed over for the next of
    these."""
    location = _no_occasion(
        location_of(ctx, trigger, event_type=main.type, attached_only=True, story=True)
    )
    if location is None:
        location = _no_occasion(_lead_mention_location(main, events, sentences))
    if location is None:
        location = dateline_place(ctx)
    if location is None:
        location = _no_occasion(_opening_place(ctx, sentences, main.type))
    if location is None:
        location = story_place(ctx)
    if location is None:
        location = setting_place(ctx, sentences)
    if location is None:
        location = _elaborating_place(ctx, sentences, main.type)
    if location is not None and location.precision == "country" and location.country:
        location = city_in_lead(ctx, sentences, location.country) or location
    return main.model_copy(update={"location": location})


def _no_occasion(location: Location | None) -> Location | None:
    """``location``, unless it names an occasion rather than a place: then the town the
    occasion's name opens with, if any (:func:`occasion_town`)."""
    if location is None or not names_an_occasion(location):
        return location
    return occasion_town(location)


@dataclass(frozen=True)
class _ArticlePlace:
    """The dateline's place, else the article's country: the setting of events that name no
    place, found once per article, when the first such event asks."""

    ctx: DocumentContext

    @cached_property
    def location(self) -> Location | None:
        return dateline_place(self.ctx) or article_country(self.ctx)


def _set_by_article(article_place: _ArticlePlace, event: Event) -> Event:
    """An event other than the main one, without a place of its own or of its sentence, is set
    in the dateline's place, else the article's country: its ``setting``, not its location.

    A dateline says where the story was filed and the article's country what it is about; both
    place the story's news (the main event), not every event it mentions ("the attack recalled
    the 2015 bombings in Paris"). A place argument is one the text ties to the event (PropBank's
    ARGM-LOC, ACE's Place): on the WikiEvents tune half, none of the 25 such guesses given as
    locations was a gold place argument. Done after the main event is chosen: these guesses say
    nothing about which event is the news."""
    if event.location is not None:
        return event
    setting = article_place.location
    return event if setting is None else event.model_copy(update={"setting": setting})


def _opening_place(ctx: DocumentContext, sentences: list[Span], event_type: str) -> Location | None:
    """The place a place preposition attaches to the main clause of the headline or the lede
    sentence ("... in Brazil"), not a name that merely modifies a noun ("the US election")."""
    for sentence in sentences[:_OPENING_SENTENCES]:
        location = location_of(
            ctx, sentence.root, event_type=event_type, attached_only=True, story=True
        )
        if location is not None:
            return location.model_copy(update={"source": "lead"})
    return None


_BACKGROUND_AFTER_DAYS: Final = 31
"""A time more than this many days before publication dates background, not the news."""


def _elaborating_place(
    ctx: DocumentContext, sentences: list[Span], event_type: str
) -> Location | None:
    """The resolved place a place phrase ties to the main clause of the sentence after the
    lede, when nothing earlier in the chain placed the story: a news report's second sentence
    elaborates its lede, giving the where the lede left out ("A saxophone is expected to fetch
    $1m at an auction next month. | The sale, at an auction house in New York, ..."; "... has
    quit the band. | He told a radio station in California ..."). Two kinds of phrase are no
    place of the news: a continent or a name the gazetteer cannot resolve (a scope, "films
    from Europe"; a stadium or an occasion), and one in a clause dated more than
    :data:`_BACKGROUND_AFTER_DAYS` before publication (the background a report gives after its
    lede: "crushed 5-1 at the Nou Camp in 2000", "sidelined since the European Cup in Poland
    in June 2004"). BBC, no-location main events: of 70 such second sentences read, about 45
    placed the news; the filters drop 10 of the 25 others and 4 right ones."""
    if len(sentences) <= _OPENING_SENTENCES:
        return None
    sentence = sentences[_OPENING_SENTENCES]
    if _is_present_perfect(sentence.root):
        return None
    location = location_of(
        ctx, sentence.root, event_type=event_type, attached_only=True, story=True
    )
    if location is None or location.country is None or ctx.published is None:
        return None
    span = ctx.doc.char_span(location.start, location.end, alignment_mode="expand")
    head = None if span is None else span.root
    if head is None or _classifies_a_noun(head) or _after_another_event(head, sentence.root):
        return None
    time = time_of(sentence, sentence.root, status="occurred", published=ctx.published)
    if (
        time is not None
        and time.date is not None
        and (ctx.published - time.date).days > _BACKGROUND_AFTER_DAYS
    ):
        return None
    return location.model_copy(update={"source": "lead"})


def _is_present_perfect(verb: Token) -> bool:
    """Whether a clause is in the present perfect ("The team has played in Nairobi"): after a
    lede, the perfect of experience states what has been so up to now at some indefinite time
    (Quirk et al. 4.22), no occasion with a place of its own (BBC: 1 of the 55 sentences this
    step placed, which was right, "Smith has joined his squad near Manchester")."""
    return any(
        c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in {"VBZ", "VBP"} for c in verb.children
    )


_CLASSIFIER_DEPS: Final = frozenset({"compound", "nmod", "amod"})
"""Dependencies of a name that modifies a noun in front of it ("an England match")."""


def _classifies_a_noun(head: Token) -> bool:
    """Whether a place name modifies a noun in front of it that is not a place's own head
    noun ("an England Under-21 match", "the Scotland squad", "the East Kilbride seat", but
    "Cojedes state"): a premodifying noun classifies its head (Quirk et al. 17.104-108), naming
    a team or a constituency, not where something happens (BBC: 4 such second sentences, all
    wrong as the news's place, one right: "a New Orleans jail")."""
    return head.dep_ in _CLASSIFIER_DEPS and head.head.lemma_.lower() not in PLACE_HEAD_NOUNS


_SEQUENCING_WORDS: Final = frozenset({"after", "ahead", "before", "following", "since", "until"})
"""Prepositions and subordinators that order one event after or before another."""


def _after_another_event(head: Token, root: Token) -> bool:
    """Whether the place phrase lies in an adjunct that sets another event before or after the
    clause's ("after being sent off at Southampton", "since returning from his holiday in
    Egypt", "After Saturday's draw in Paris, Ireland face ...", "ahead of an EU summit in
    Brussels"): a time adjunct of sequence
    (Quirk et al. 8.62) relates the clause to an earlier or later happening, whose place is not
    the clause's (BBC: 4 such second sentences, all background)."""
    return any(
        token.lower_ in _SEQUENCING_WORDS and token.dep_ in {"prep", "mark", "advmod"}
        for token in head.ancestors
        if token.i != root.i
    )


def _lead_mention_location(
    main: Event, events: list[Event], sentences: list[Span]
) -> Location | None:
    lead_end = sentences[min(len(sentences), _LEAD_SENTENCES) - 1].end_char if sentences else 0
    for other in events:
        if (
            other is not main
            and other.trigger.start < lead_end
            and other.type == main.type
            and other.status not in _NON_EVENTS
            and other.location is not None
            and other.location.source in {"attached", "sentence"}
        ):
            return other.location.model_copy(update={"source": "lead"})
    return None


def _dated_as_story(
    main: Event, events: list[Event], sentences: list[Span], published: date | None
) -> Event:
    """The main event's date, never a worse guess than the publication day.

    A time of its own counts when it is a day within the news window (an event that occurred
    in the week up to publication, a plan after it); a main event without one takes that of
    another mention of the same kind of event ("the bombing late Thursday"), else the time of
    the lead (the first sentences), else the publication day with ``source`` "publication".
    A main event still to come, negated or hypothetical keeps a time of its own ("talks on
    Monday"); without one it too takes the publication day (the day it was announced or
    denied), marked "publication", rather than no date.
    """
    if published is None:
        return main
    if main.status not in {"occurred", "ongoing"}:
        if main.time is not None and main.time.date is not None:
            return main
        return main.model_copy(update={"time": _publication_time(published)})
    if _has_own_time(main):
        if _in_news_window(main.time, published):
            return main
        return main.model_copy(update={"time": _publication_time(published)})
    lead_end = sentences[min(len(sentences), _LEAD_SENTENCES) - 1].end_char if sentences else 0
    mentions = [
        other
        for other in events
        if other.trigger.start < lead_end
        and other.type == main.type
        and other.status in {"occurred", "ongoing"}
        and _has_own_time(other)
        and other.time is not None
        and other.time.date is not None
        and other.time.precision == "day"
        and 0 <= (published - other.time.date).days <= _LEAD_WINDOW_DAYS
    ]
    # A mention dated by a modifier of its own ("the bombing late Thursday") is surer than one
    # dated through the clause around it ("the toll rose Friday, with 100 wounded").
    mentions.sort(key=lambda other: not _time_in_own_phrase(sentences, other))
    if mentions and mentions[0].time is not None:
        return main.model_copy(update={"time": mentions[0].time})
    story = lead_time(sentences, published, reported=main.type in _SPEECH_TYPES)
    evidence = main.evidence
    if story is not None and not (
        evidence is not None and evidence.start <= story.start < evidence.end
    ):
        return main.model_copy(update={"time": story})
    return main.model_copy(update={"time": _publication_time(published)})


def _publication_time(published: date) -> EventTime:
    return EventTime(text="", start=0, end=0, date=published, source="publication")


def _in_news_window(time: EventTime | None, published: date) -> bool:
    """Whether a resolved time can date a news story's main event that occurred: a day in the
    week up to publication (news reports what just happened; an older date is background, a
    later one a misread)."""
    if time is None or time.date is None or time.precision != "day":
        return False
    return 0 <= (published - time.date).days <= _LEAD_WINDOW_DAYS


def _time_in_own_phrase(sentences: list[Span], event: Event) -> bool:
    """Whether the event's time expression lies inside the trigger's own phrase."""
    if event.time is None or not sentences:
        return False
    doc = sentences[0].doc
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None:
        return False
    subtree = list(span.root.subtree)
    start, end = subtree[0].idx, subtree[-1].idx + len(subtree[-1])
    return start <= event.time.start and event.time.end <= end


def _has_own_time(event: Event) -> bool:
    """Whether the event's time expression is in its own sentence."""
    time, evidence = event.time, event.evidence
    if time is None or time.source == "publication" or evidence is None:
        return False
    return evidence.start <= time.start and time.end <= evidence.end


def _is_headline(ctx: DocumentContext, sentence: Span) -> bool:
    """Whether the first sentence is the article's headline: its title, or a first line with no
    closing punctuation."""
    text = sentence.text.strip()
    if not text:
        return False
    if ctx.title:
        title = " ".join(ctx.title.split()).lower()
        first = " ".join(text.split()).lower()
        return title.startswith(first) or first.startswith(title)
    end = sentence.start_char + len(sentence.text.rstrip())  # the line break may be inside
    return text[-1] not in ".!?\"'”’" and ctx.text[end : end + 1] in {"\n", ""}


def _link_claim(event: Event, claims: Sequence[Claim]) -> Event:
    position = event.trigger.start
    for claim in claims:
        if any(start <= position < end for start, end in claim.content.spans):
            return event.model_copy(update={"reported_by_claim_id": claim.claim_id})
    return event


def _assign_counts(sentence: Span, triggers: list[TriggerMatch]) -> dict[int, list[Magnitude]]:
    """Each count goes to the nearest trigger whose type can have it: victims to attacks,
    disasters and accidents, arrests to coercion, crowds to protests."""
    counted = [m for m in triggers if m.sense.type in _COUNTED_TYPES]
    if not counted:
        return {}
    assigned: dict[int, list[Magnitude]] = {}
    for count in counts_in(sentence):
        preferred = _TYPES_FOR_COUNT.get(count.magnitude.kind, _COUNTED_TYPES)
        candidates = [m for m in counted if m.sense.type in preferred] or counted
        nearest = min(candidates, key=lambda m: abs(m.token.i - count.token_index))
        assigned.setdefault(nearest.token.i, []).append(count.magnitude)
    return assigned


def _build_event(
    ctx: DocumentContext,
    sentence: Span,
    match: TriggerMatch,
    magnitudes: list[Magnitude],
    lead: EventTime | None,
    version: str,
    headline: bool = False,
) -> Event:
    trigger = match.token
    span = ctx.doc[match.start : match.end]
    event_type, status = reframe(trigger, match.sense.type, status_of(trigger, headline=headline))
    event_type = _harm_without_attacker(trigger, event_type, headline=headline)
    mode = match.sense.mode or _mode_from_modifiers(trigger)
    actors, targets = _parties(ctx, trigger, event_type, headline=headline)
    # A multiword trigger's own words are none of its arguments ("opened fire": not "fire").
    actors = [p for p in actors if not _overlaps(p, span)]
    targets = [p for p in targets if not _overlaps(p, span)]
    if match.absorbs is not None and _names_its_event(ctx.doc[match.absorbs], match):
        targets = _targets_of_named_event(ctx, ctx.doc[match.absorbs], targets, event_type)
    location = location_of(ctx, trigger, event_type=event_type)
    concerned = location
    if concerned is None and event_type in SPEECH_ACT_TYPES:
        # Where what a speech act is about happens gives its parties' countries ("called for
        # the release of prisoners in Iran"), though the act was not made there.
        concerned = location_of(ctx, trigger, event_type=event_type, story=True)
    targets = _fill_target_country(targets, concerned.country if concerned else None)
    actors = _fill_domestic_actor_country(
        actors,
        concerned.country if concerned else _sentence_country(ctx, sentence, targets),
    )
    if event_type in _MILITARY_TYPES:
        actors = [_assume_military(a) for a in actors]
    time = time_of(sentence, trigger, status=status, published=ctx.published, lead=lead)
    status = _future_by_its_time(status, time, ctx.published, trigger)
    return Event(
        event_id=event_id_for(ctx.article_id, span.start_char, span.end_char, event_type),
        article_id=ctx.article_id,
        type=event_type,
        mode=mode,
        status=status,
        trigger=TextSpan(text=span.text, start=span.start_char, end=span.end_char),
        actors=tuple(actors),
        targets=tuple(targets),
        location=location,
        time=time,
        magnitudes=tuple(magnitudes),
        confidence=_confidence(match, ctx.token_in_quote(trigger)),
        extractor_version=version,
        cameo_code=cameo_code(event_type, mode),
        evidence=TextSpan(text=sentence.text, start=sentence.start_char, end=sentence.end_char),
    )


def _names_its_event(noun: Token, match: TriggerMatch) -> bool:
    """Whether the verb's absorbed object names the verb's own event (a support verb: "imposed
    a curfew"), not an event the verb acts on ("lifted the curfew", "stopped the attacks":
    there the object is what undergoes the act)."""
    own = NOUN_TRIGGERS.get(noun.lemma_.lower())
    return own is not None and own.type == match.sense.type


def _targets_of_named_event(
    ctx: DocumentContext, noun: Token, targets: list[Participant], event_type: EventType
) -> list[Participant]:
    """The targets of a verb whose object names its event ("imposed a curfew on the capital",
    "lifted the ban on rallies"): the object is the event, not a party to it; the noun's own
    complements name whom it is aimed at."""
    own = [p for p in targets if not (p.start <= noun.idx < p.end)]
    return own or _parties(ctx, noun, event_type)[1]


def _overlaps(participant: Participant, span: Span) -> bool:
    return participant.start < span.end_char and span.start_char < participant.end


def _parties(
    ctx: DocumentContext, trigger: Token, event_type: EventType, *, headline: bool = False
) -> tuple[list[Participant], list[Participant]]:
    """Actors and targets of the event; a demand's are who made it and of whom it is made
    (see :func:`~services.extract.domain.event_frames.demanding_verb`)."""
    actors, targets = participants_of(ctx, trigger, event_type=event_type, headline=headline)
    speech = demanding_verb(trigger) if event_type == "REQUEST" else None
    if speech is None:
        return actors, targets
    speakers, _ = participants_of(ctx, speech, event_type=event_type)
    if not speakers:
        return actors, targets
    return speakers, actors or targets


def _future_by_its_time(
    status: EventStatus, time: EventTime | None, published: date | None, trigger: Token
) -> EventStatus:
    """An event whose own time lies after publication is planned: in the present or past
    tense, the futurate present ("the plant closes next month", "talks are held tomorrow");
    an expected or required one given a date is scheduled ("a meeting expected to take place
    next month", "must attend a hearing on Wednesday": TimeML's and MEANTIME's FUTURE, which
    outranks their certainty), unless it hangs on a condition ("if they attack on Monday") or
    is only possible ("the union could strike next week": :func:`is_only_possible`)."""
    if (
        published is None
        or time is None
        or time.source == "publication"
        or time.date is None
        or time.date <= published
    ):
        return status
    if status in {"occurred", "ongoing"}:
        return "planned"
    if status == "hypothetical" and not (is_conditional(trigger) or is_only_possible(trigger)):
        return "planned"
    return status


STRIKING_VERBS: Final = frozenset({"beat", "hack", "stone", "club", "batter", "kick"})
"""Verbs of hitting and cutting (Levin 1993, 18.1 and 21.1) that are not triggers of their own
(a team "beat" its rival): "beaten to death", "hacked to death" tell of someone's blows, an
assault whether or not the text names the assailant."""


def _harm_without_attacker(
    trigger: Token, event_type: EventType, *, headline: bool = False
) -> EventType:
    """A killing or injuring with no attacker named is no assault (CAMEO codes an assault by
    its agent): "seven were killed" tells of deaths, "the bus killed three" of an accident,
    "the quake killed 20" of a disaster and "crushed to death" of either. A verb that names the
    manner of an attack ("shot dead", "stabbed to death", "beaten to death") implies its
    assailant, named or not (PLOVER ASSAULT, "use of ... small arms, ... beating")."""
    lemma = trigger.lemma_.lower()
    manner = VERB_TRIGGERS.get(lemma)
    assailed = lemma in STRIKING_VERBS or (manner is not None and manner.type == "ASSAULT")
    if (
        event_type != "ASSAULT"
        or trigger.pos_ != "VERB"
        or (lemma not in HARM_VERBS and (to_death(trigger) is None or assailed))
    ):
        return event_type
    heads = agent_heads(trigger, event_type=event_type, headline=headline)
    causes = [_cause_type(head) for head in heads]
    if heads and any(cause is None for cause in causes):
        return event_type
    return next((cause for cause in causes if cause is not None and cause != "OTHER"), "OTHER")


def _cause_type(head: Token) -> EventType | None:
    """The type of the happening a subject names when it is not an agent ("the crash",
    "the bus", "the earthquake"), else None."""
    lemma = head.lemma_.lower()
    if lemma in MACHINE_WORDS:
        # "British aircraft killed four": a state's or a force's machine is its weapon.
        owned = any(
            c.dep_ in {"amod", "compound", "poss", "nmod"} and can_act(c) for c in head.children
        )
        return None if owned else "ACCIDENT"
    sense = NOUN_TRIGGERS.get(lemma)
    if sense is not None and sense.type in {"ACCIDENT", "DISASTER"}:
        return sense.type
    return None


def _mode_from_modifiers(trigger: Token) -> str | None:
    """ "missile strike" -> missile, "talks by video" -> video."""
    for child in trigger.children:
        words = [child]
        if child.dep_ == "prep":
            words.extend(c for c in child.children if c.dep_ == "pobj")
        for word in words:
            mode = MODE_WORDS.get(word.lemma_.lower())
            if mode is not None and word.dep_ in {"compound", "amod", "pobj", "dobj", "nmod"}:
                return mode
    return None


def _fill_target_country(targets: list[Participant], country: str | None) -> list[Participant]:
    """A target with no country of its own is in the country where the event took place."""
    if country is None:
        return targets
    return [t if t.country else t.model_copy(update={"country": country}) for t in targets]


def _fill_domestic_actor_country(
    actors: list[Participant], country: str | None
) -> list[Participant]:
    """Police, courts, officials, civilians and the opposition act in their own country: one
    whose phrase names no country is of the country where the event took place."""
    if country is None:
        return actors
    return [
        a.model_copy(update={"country": country})
        if a.country is None and a.sector in _DOMESTIC_SECTORS
        else a
        for a in actors
    ]


def _sentence_country(
    ctx: DocumentContext, sentence: Span, targets: list[Participant]
) -> str | None:
    """The one country a sentence names (by places or demonyms: "returning to Kyrgyzstan", "28
    Chilean officials"), the country of its officials, courts and police when the event has no
    place; two countries name none ("demanded that the US cancel the sale to Taiwan"), nor
    does one named inside a target's phrase ("sanctions on the faction that controls
    Afghanistan")."""
    named = [
        place
        for place in places_between(ctx.places, sentence.start_char, sentence.end_char)
        if place.country is not None
    ]
    if len({place.country for place in named}) != 1:
        return None
    reach = [_subtree_bounds(ctx, t) for t in targets]
    if any(start <= p.start and p.end <= end for start, end in reach for p in named):
        return None
    return named[0].country


def _subtree_bounds(ctx: DocumentContext, participant: Participant) -> tuple[int, int]:
    """The characters of a participant's whole noun phrase, its relative clause included."""
    span = ctx.doc.char_span(participant.start, participant.end, alignment_mode="expand")
    if span is None:
        return participant.start, participant.end
    last = span.root.right_edge
    return span.root.left_edge.idx, last.idx + len(last.text)


def _assume_military(actor: Participant) -> Participant:
    """A state that attacks or moves troops does so through its military."""
    if actor.sector is None and actor.country is not None:
        return actor.model_copy(update={"sector": "MIL"})
    return actor


def _confidence(match: TriggerMatch, quoted: bool) -> float:
    confidence = match.sense.weight
    if quoted:
        confidence *= 0.85
    return round(min(1.0, max(0.0, confidence)), 3)


def _salience(
    ctx: DocumentContext,
    event: Event,
    match: TriggerMatch,
    position: int,
    headline: bool,
    cues: _TitleCues | None,
) -> float:
    """How likely an event is the article's news: the headline and the lead sentence first
    (inverted pyramid), then what the event is (harm and counts), then its syntax. Under a
    title given apart from the text, an event of a kind the title names, or named by one of its
    words, counts as the headline's."""
    score = 0.4 * _TYPE_SALIENCE.get(event.type, 1.0) * match.sense.weight + match.sense.weight
    if event.magnitudes:
        score += 1.0
    if event.location is not None:
        score += 0.3
    if event.status in {"negated", "hypothetical"} and not _is_demand(event, match.token):
        score -= 2.5
    if headline or (cues is not None and cues.echoed_by(event, match.token)):
        score += 3.0
    elif _in_title(ctx.title, match.token):
        score += 2.0
    if _is_background(event, ctx.published):
        score -= 1.5
    return score + 2.0 / (1 + max(0, position))


@dataclass(frozen=True)
class _TitleCues:
    """What a title given apart from the text names: the event types of its triggers (not
    negated) and the lemmas of its content words."""

    types: frozenset[str]
    lemmas: frozenset[str]

    def echoed_by(self, event: Event, trigger: Token) -> bool:
        return event.type in self.types or trigger.lemma_.lower() in self.lemmas


def _title_cues(
    ctx: DocumentContext, *, violent_story: bool, attack_story: bool, cyber_story: bool
) -> _TitleCues | None:
    """The cues of ``ctx.title_doc`` (None without one): its triggers are found as a headline's
    are, in the light of the whole story ("Oil rebounds", "Russia repositions forces")."""
    doc = ctx.title_doc
    if doc is None:
        return None
    matches = [
        match
        for sentence in doc.sents
        for match in find_triggers(
            sentence,
            violent_story=violent_story,
            attack_story=attack_story,
            cyber_story=cyber_story,
            headline=True,
        )
    ]
    return _TitleCues(
        types=frozenset(
            m.sense.type
            for m in matches
            if m.sense.type != "OTHER" and not any(c.dep_ == "neg" for c in m.token.children)
        ),
        lemmas=frozenset(t.lemma_.lower() for t in doc if t.pos_ in _CONTENT_POS),
    )


_CONTENT_POS = frozenset({"NOUN", "VERB", "PROPN"})


def _is_background(event: Event, published: date | None) -> bool:
    """An event dated weeks before publication is background, not the story's news."""
    if published is None or event.time is None or event.time.date is None:
        return False
    return (published - event.time.date).days > _BACKGROUND_DAYS


def _prominence(match: TriggerMatch, triggers: list[TriggerMatch]) -> float:
    """Syntactic weight within the sentence: a trigger that frames another ("refused to
    withdraw" is a refusal) outranks it, and one deeper than the sentence's top trigger or in a
    relative clause is background to it."""
    token = match.token
    frames = any(_frames(token, other.token) for other in triggers if other is not match)
    shallowest = min(_depth(other.token) for other in triggers)
    background = 1.5 if _in_relative_clause(token) else 0.0
    return (1.5 if frames else 0.0) - 0.6 * min(_depth(token) - shallowest, 5) - background


def _in_relative_clause(token: Token) -> bool:
    """Whether the trigger is in a relative clause: what a relative clause says of a noun is
    presupposed background ("Carson, who hosted the show for 30 years, died"), not the news."""
    return any(t.dep_ == "relcl" for t in (token, *token.ancestors))


def _depth(token: Token) -> int:
    """Clause depth, not counting reporting verbs ("X said Y attacked": "attacked" is on top)."""
    return sum(1 for a in token.ancestors if a.lemma_.lower() not in _REPORTING_LEMMAS)


def _frames(governor: Token, governed: Token) -> bool:
    """Whether ``governed`` is a complement or object inside ``governor``'s clause."""
    token = governed
    for _ in range(4):
        if token.dep_ not in _FRAMING_DEPS or token.head == token:
            return False
        if token.dep_ == "prep" and token.lower_ in _TEMPORAL_PREPOSITIONS:
            return False
        token = token.head
        if token == governor:
            return True
    return False


def _in_title(title: str | None, trigger: Token) -> bool:
    if not title:
        return False
    lowered = title.lower()
    stem = trigger.lemma_.lower()[:5]
    return len(stem) >= 4 and stem in lowered


def _is_news(item: _Scored) -> bool:
    """An event that happened or is set to happen. A demand ("X said Y must withdraw") was
    made, though what it demands is hypothetical (its status)."""
    return item.event.status not in _NON_EVENTS or _is_demand(item.event, item.trigger)


def _is_demand(event: Event, trigger: Token) -> bool:
    return event.type == "REQUEST" and demanding_verb(trigger) is not None


def _mark_main(scored: list[_Scored]) -> list[Event]:
    """The main event: the most salient of the headline's events, else of the lede's, else of
    the article's; a negated or hypothetical event only when the article has nothing else (the
    news is what happened or is set to happen)."""
    if not scored:
        return []
    factual = [i for i, item in enumerate(scored) if _is_news(item)]
    in_headline = [i for i in factual if scored[i].headline]
    in_lede = [i for i in factual if _in_lede(scored[i])]
    best = max(
        in_headline or in_lede or factual or range(len(scored)),
        key=lambda i: scored[i].salience,
    )
    return [
        item.event.model_copy(update={"is_main": True}) if i == best else item.event
        for i, item in enumerate(scored)
    ]
