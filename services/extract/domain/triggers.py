"""Event triggers: the verb or noun that names what happened, typed with PLOVER.

A lexicon lookup on the lemma proposes a sense; the parse then vetoes idioms and other false
friends ("strike a deal", "heart attack", "stocks rallied", "news conference" is only a public
statement).
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from spacy.attrs import LEMMA
from spacy.symbols import NOUN, VERB
from spacy.tokens import Doc, Span, Token

from services.extract.domain.document import tag_arrays
from services.extract.domain.event_frames import is_demanded
from services.extract.domain.event_selection import (
    CONTENT_NOUNS,
    is_disaster,
    is_hostile_content,
    is_inside_a_name,
    kills_a_thing,
    names_a_topic,
    names_an_entity,
    strikers,
    strikes_without_force,
    violates_restriction,
)
from services.extract.domain.geo import country_for_demonym
from services.extract.domain.lexicon import (
    ADMITTING_VERBS,
    AGENTIVE_TYPES,
    ARMED_FORCE_SECTORS,
    ARMED_VIOLENCE_WORDS,
    ATTACK_CONTEXT_WORDS,
    ATTACK_MANNER_NOUNS,
    AUTHORITY_SECTORS,
    COERCIVE_MEASURES,
    COLLECTIVE_NOUNS,
    COMMERCIAL_FLOWS,
    COMPETITION_STAGES,
    CONCLUDING_VERBS,
    CONTEST_VERBS,
    COOPERATION_OBJECTS,
    COOPERATIVE_TYPES,
    CURRENCY_NAMES,
    CUSTODY_PURPOSES,
    CYBER_STORY_WORDS,
    CYBER_TARGETS,
    CYBER_WORDS,
    ECONOMIC_MEASURES,
    ECONOMIC_SUBJECTS,
    ENDING_VERBS,
    EVENT_HEAD_NOUNS,
    EXECUTING_VERBS,
    EXPLOSIVE_DEVICES,
    FELT_RELIEF_HOLDERS,
    FIXTURE_CUES,
    FORCE_POSITIONS,
    FORCE_WORDS,
    GAME_PLAY_WORDS,
    GAME_SENSE_WORDS,
    IDIOM_MODIFIERS,
    IDIOM_OBJECTS,
    IDIOMATIC_PREPOSITIONAL_VERBS,
    IGO_NAMES,
    INTERNATIONAL_PRESENCE,
    JOINED_STRIKE_VERBS,
    LABOUR_STRIKE_HEADS,
    LABOUR_WORDS,
    LEAKED_SUBSTANCES,
    LIFTING_VERBS,
    LINKING_VERBS,
    MEDIA_OUTLETS,
    MILITARY_MODIFIERS,
    MODE_WORDS,
    NAMING_VERBS,
    NON_AID_RELIEF_MODIFIERS,
    NON_EVENT_COMPOUNDS,
    NON_EVENT_PARTICLE_VERBS,
    NOUN_PREPOSITION_TRIGGERS,
    NOUN_TRIGGERS,
    NUMBER_WORDS,
    OBJECT_TRIGGERS,
    PERSON_NOUNS,
    PERSON_OBJECT_VERBS,
    PHRASAL_TRIGGERS,
    PLACE_HEAD_NOUNS,
    PRESS_EVENT_MODIFIERS,
    PRESSING_VERBS,
    PRESSURES,
    PROTEST_STRIKE_CUES,
    QUARREL_NOUNS,
    RECORDING_NOUNS,
    ROAD_VEHICLES,
    SILENCING_VERBS,
    SPEECH_ACT_NOUNS,
    TO_INFINITIVE,
    TRADED_GOODS,
    VERB_TRIGGERS,
    VIOLENCE_WORDS,
    WORKS,
    YIELDING_VERBS,
    TriggerSense,
)
from services.extract.domain.participants import (
    can_act,
    is_counted_participle,
    phrase_objects,
    sector_of_word,
)

_VERBAL_ATTACKS = frozenset({"attack", "assault", "battle", "fight", "clash", "offensive"})
_VERBAL_ATTACK = TriggerSense("ACCUSE", None, 0.5)
_DEMAND = TriggerSense("REQUEST", "demand", 0.55)
_KILLING = TriggerSense("ASSAULT", "beating", 0.8)
_DETENTION = TriggerSense("COERCE", "arrest", 0.7)
_BURIAL_VERBS = frozenset({"burn", "bury"})
_HARM_VERBS = frozenset({"beat", "hack", "club", "stone", "batter", "kick", "burn", "strangle"})
"""Verbs of bodily harm outside the trigger lexicon (their everyday senses are no attack:
"beat the odds"), which a result of death ("beaten to death", "shot dead") makes killings."""
"""Verbs whose "alive" is a result of death ("burnt alive", "buried alive")."""
_CASUALTY_VERBS = frozenset({"kill", "die", "perish", "injure", "wound"})
_DISASTER_TYPES = frozenset({"DISASTER", "ACCIDENT"})
_EXPLOSION_WORDS = frozenset({"explode", "explosion", "blow", "go"})
_MILITARY_MEASURES = frozenset({"blockade", "siege"})
_RELATIVES = frozenset({"which", "that"})
_STRUGGLE_WORDS = frozenset({"fight", "battle"})
_PERSONAL = frozenset({"him", "her", "them", "us", "me", "he", "she", "they", "we"})
_POLYSEMOUS_WEIGHT = 0.6
"""Senses the lexicon weighs below this are of words whose everyday sense is no act between
actors ("support", "allow", "offer", "ease", "fund"): with a thing as subject they are that."""
_HEAVY_FIRE_MODES = frozenset({"heavy-weapons", "missile", "small-arms", "air"})
_TRIGGER_POS_IDS = frozenset({VERB, NOUN})
_RESULTS_OF_DEATH = frozenset({"dead", "alive"})
"""The result words :func:`to_death` reads after a verb ("shot dead", "burnt alive")."""
_LEXICON_VERBS = frozenset(
    {
        *VERB_TRIGGERS,
        *(verb for verb, _ in OBJECT_TRIGGERS),
        *(verb for verb, _ in PHRASAL_TRIGGERS),
    }
    | PRESSING_VERBS
    | {"hold"}
)
"""Lemmas :func:`_match_verb` can find a sense for in the lexicon or a rule of its own (custody
"held"), beyond the compositions of death, ending and lifting, which it tries first."""


@dataclass(frozen=True)
class TriggerMatch:
    """A trigger: its head token, the token range ``[start, end)`` it spans, and its sense."""

    token: Token
    start: int
    end: int
    sense: TriggerSense
    absorbs: int | None = None
    """Index of an object noun this verb's sense already covers ("lifted the curfew")."""


def find_triggers(
    sentence: Span,
    *,
    violent_story: bool = True,
    attack_story: bool = False,
    cyber_story: bool = False,
    headline: bool = False,
) -> list[TriggerMatch]:
    """Every trigger in a sentence, one per head token, in text order.

    In a story with no sign of violence (``violent_story`` False), an "attack" is verbal: an
    accusation, not an assault, unless a date names it ("the 11 September attacks") or the
    story is about computer crime (``cyber_story``: an attack noun there is a cyber attack, the
    sense the document keeps). In a story about an attack (``attack_story``: bombers,
    militants, IEDs), an explosion is the attack; elsewhere it is an accident. A polysemous verb
    whose subject names a thing is no act of an actor, except in a ``headline``, whose dropped
    articles make the small parser take a verb for a noun ("Singer stages protest").
    """
    found: list[TriggerMatch] = []
    doc = sentence.doc
    tags = tag_arrays(doc)[0]
    names_by_case = not headline or _is_sentence_case(sentence)
    for i in range(sentence.start, sentence.end):
        if tags[i] not in _TRIGGER_POS_IDS:
            continue  # only verbs and nouns are tried below: the other tokens are never built
        token = doc[i]
        pos = token.pos_
        match = _match_verb(token, headline) if pos == "VERB" else None
        if match is not None and names_by_case and _is_verb_in_a_name(token):
            match = None  # "on Band Aid 20's website", "the IRB Rugby Aid match"
        if match is None and pos == "NOUN":
            match = _match_noun(token)
            if match is not None and (
                (names_by_case and is_inside_a_name(token))
                or (not headline and (_is_classifier(token) or _is_offence_named(token)))
            ):
                match = None  # "the Band Aid single", "an aid agency", "charged with murder"
        if match is not None and pos == "NOUN" and _is_a_name_given(token):
            continue  # 'called the explosion an "attack"', 'calling it a "threat"'
        if match is not None and _is_in_a_title(token):
            continue  # "his new comedy, Meet the Fockers", "Why We Fight was made for the BBC"
        if match is None and pos == "VERB" and is_demanded(token):
            match = TriggerMatch(token, token.i, token.i + 1, _DEMAND)
        if match is not None and _names_a_fixture(token, violent_story):
            continue  # "Saturday's Six Nations clash with Italy", "the clash against Scotland"
        if match is not None and pos == "NOUN" and _is_a_sporting_encounter(token):
            continue  # "won their last six meetings", "a second round meeting with Roddick"
        if match is not None:
            lemma = token.lemma_.lower()
            if lemma in _ATTACK_WORDS and (
                _is_cyber_attack(token) or (cyber_story and not violent_story and pos == "NOUN")
            ):
                match = _resensed(match, TriggerSense("COERCE", "cyber", match.sense.weight))
            elif lemma in _VERBAL_ATTACKS and (
                (not violent_story and not _is_dated_attack(token))
                or _attacks_words(token)
                or _judges_as(token)
                or _blames_for_conduct(token)
                or _is_legal_contest(token)
                or _is_clash_of_politicians(token)
            ):
                match = _resensed(match, _VERBAL_ATTACK)
            elif lemma == "explosion" or (
                lemma in _EXPLOSION_WORDS and match.sense.mode == "explosives"
            ):
                if _blows_up_figuratively(token):
                    continue  # "the row blew up when ...", "I blew up in the end" (in a race)
                attack = attack_story or _has_attack_context(token)
                match = _explosion(match, attack and not _malfunctions(token))
            if match.sense.mode == "death" and _dies_of_violence(token):
                match = _resensed(match, _VIOLENT_DEATH)
            if match.sense.type == "ASSAULT" and (
                (not violent_story and _is_figurative_force(token)) or _is_filming(token)
            ):
                continue  # "a first-time strike", "bombarded with pop-up ads", "a film shot in"
            if match.sense.type == "ASSAULT" and _is_play_in_a_game(token):
                continue  # "shot wildly over the bar", "the keeper saved his strike"
            if match.sense.type == "ASSAULT" and _is_accidental(token):
                match = _resensed(match, TriggerSense("ACCIDENT", match.sense.mode, 0.5))
            elif match.sense.type == "ASSAULT" and _struck_by_a_disaster(token):
                match = _resensed(match, TriggerSense("DISASTER", None, match.sense.weight))
            elif match.sense.type == "ASSAULT" and _strikes_without_force(token):
                match = _resensed(match, TriggerSense("OTHER", None, match.sense.weight))
            elif match.sense.type == "ASSAULT" and pos == "VERB" and lemma == "kill":
                if kills_a_thing(token):  # "kill the bill", "killing the ball": ended, stopped
                    match = _resensed(match, TriggerSense("OTHER", None, match.sense.weight))
            elif match.sense.type == "MOBILIZE" and _is_peacekeeping(token):
                match = _resensed(match, TriggerSense("AID", "peacekeeping", match.sense.weight))
            found.append(match)
    found = [
        m
        for m in found
        if not _is_struggle_without_opponent(m.token)
        and not _is_struggle_for_a_prize(m.token)
        and not _is_battle_of_no_arms(m.token)
        and (violent_story or not _is_contest_without_opponent(m.token))
    ]
    found = _with_preparations(found)
    absorbed = {m.absorbs for m in found if m.absorbs is not None}
    return [m for m in found if m.token.i not in absorbed and not _is_casualty_of_other(m, found)]


def _is_a_name_given(noun: Token) -> bool:
    """'Macron called the explosion an "attack"', 'calling it a "significant threat"', "police
    called the shooting a terrorist attack": the object predicative of a verb of naming
    (:data:`NAMING_VERBS`; "call X Y", "describe X as Y") characterises its object and refers
    to no event of its own (Quirk et al. 1985 16.44). When the object is an event already
    named ("the explosion", "the shooting") or the name is quoted (the speaker's word, a
    mention rather than a use), the name is no second event; "described this as the most
    important agreement" keeps the agreement this refers to."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ == "as" and verb.dep_ == "prep":
        verb = verb.head
    elif noun.dep_ != "oprd":
        return False
    if verb.lemma_.lower() not in NAMING_VERBS:
        return False
    if _is_quoted(noun):
        return True
    return any(
        c.dep_ == "dobj" and NOUN_TRIGGERS.get(c.lemma_.lower()) is not None for c in verb.children
    )


_QUOTES = frozenset({'"', "“", "”", "'", "‘", "’"})

_TITLE_ENTITIES = frozenset({"WORK_OF_ART", "ORG", "PERSON", "PRODUCT", "FAC"})
"""Names a capitalised event word may stand in: a film, a song, a band, a group."""

_TITLE_OPENERS = _QUOTES | frozenset({":", "-", "–", "—", "(", "["})
"""Marks after which a capital may open a quotation or a list item rather than a title."""


def _is_in_a_title(token: Token) -> bool:
    """ "his new comedy, Meet the Fockers", "Die Another Day was released", "Why We Fight is
    due to be screened", "known as Drink Or Die": an event word capitalised inside a sentence
    written in sentence case is part of a title or a name (a film, a song, a group), which
    refers to the work, not an event (BBC: 5 documents). The capital counts when the word is
    not the first of its sentence or of a quotation, and the title shows in a named entity or
    a capitalised neighbour; a headline in title case capitalises every word and decides
    nothing."""
    if not token.is_title or token.is_sent_start or token.i == 0:
        return False
    before = token.doc[token.i - 1]
    if before.text in _TITLE_OPENERS or before.is_space:
        return False
    sent = token.sent
    if not any(t.is_lower and t.pos_ in {"VERB", "NOUN"} for t in sent):
        return False  # a headline in title case
    if token.ent_type_ in _TITLE_ENTITIES:
        return True
    after = token.doc[token.i + 1] if token.i + 1 < sent.end else None
    return (before.is_title and not before.is_sent_start) or (after is not None and after.is_title)


def _is_quoted(noun: Token) -> bool:
    """Whether a noun phrase stands inside quotation marks: a mark just before its first word
    and one just after the noun ('an "attack"', 'a "significant threat"', 'an "attack."')."""
    doc = noun.doc
    start = noun.left_edge.i
    while start < noun.i and doc[start].dep_ == "det":
        start += 1  # 'an "attack"': the article may stand outside the marks
    before = doc[start].text in _QUOTES or (start > 0 and doc[start - 1].text in _QUOTES)
    end = noun.i + 1
    if end + 1 < len(doc) and doc[end].text in {".", ","}:
        end += 1  # 'an "attack."': American usage closes the quotation after the stop
    return before and end < len(doc) and doc[end].text in _QUOTES


_PREPARATION = TriggerSense("MOBILIZE", "preparation", 0.8)
_PREPARING_VERBS = frozenset({"prepare", "ready"})
_PREPARATION_REACH = 3
"""Heads climbed from an assault to the verb of preparing ("prepared [to resume [shelling]]")."""


def _with_preparations(found: list[TriggerMatch]) -> list[TriggerMatch]:
    """Add the verb of preparing that governs an assault ("the army prepared to resume
    shelling", "a government preparing a major offensive", "preparing for strikes against
    Iran"): readying forces for an attack is a show of force (CAMEO 15 "exhibit force
    posture", PLOVER MOBILIZE: military preparations), an event of its own while the attack
    is still to come."""
    taken = {m.token.i for m in found}
    added: list[TriggerMatch] = []
    for match in found:
        if match.sense.type != "ASSAULT":
            continue
        verb = _preparing_verb(match.token)
        if verb is not None and verb.i not in taken:
            taken.add(verb.i)
            added.append(TriggerMatch(verb, verb.i, verb.i + 1, _PREPARATION))
    return sorted(found + added, key=lambda m: m.token.i) if added else found


def _preparing_verb(token: Token) -> Token | None:
    """The verb "prepare" whose object, "for" phrase or infinitive (through "resume",
    "launch": up to :data:`_PREPARATION_REACH` heads) the token is."""
    node = token
    for _ in range(_PREPARATION_REACH):
        if node.dep_ not in {"dobj", "xcomp", "pobj"} or node.head is node:
            return None
        head = node.head
        if node.dep_ == "pobj":
            if head.lower_ != "for":
                return None
            head = head.head
        if head.pos_ == "VERB" and head.lemma_.lower() in _PREPARING_VERBS:
            return None if _is_state_of_readiness(head) else head
        node = head
    return None


def _is_state_of_readiness(verb: Token) -> bool:
    """ "people have to be prepared for an attack", "were ready for strikes": the participle
    after "be" is a state of the subject (Quirk 3.74, an adjectival passive), those who await
    the attack, not forces readied for one."""
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children) or verb.dep_ == "acomp"


def _names_a_fixture(token: Token, violent_story: bool) -> bool:
    """A "clash" that is a scheduled match: a day or a competition named just before it
    ("Saturday's Six Nations clash", "the third round Scottish Cup clash", "the second singles
    clash"; the small parser often takes such a headline-like phrase for a verb), or, in a story
    without violence, a clash *against* a side ("finish with a clash against France"): a
    contest in sport, no dispute (CAMEO 11) and no fighting (CAMEO 19)."""
    if token.lemma_.lower() != "clash":
        return False
    before = token.doc[max(token.sent.start, token.i - _FIXTURE_REACH) : token.i]
    if any(t.lemma_.lower() in FIXTURE_CUES or t.lower_ in FIXTURE_CUES for t in before):
        return True
    return (
        token.pos_ == "NOUN"
        and not violent_story
        and any(c.dep_ == "prep" and c.lower_ == "against" for c in token.children)
    )


_FIXTURE_REACH = 4
"""Words before a "clash" read for a day or a competition ("Sunday's RBS Six Nations clash")."""
_QUANTIFIERS = frozenset({"NUM", "DET", "PRON", "ADJ"})


def _is_a_sporting_encounter(noun: Token) -> bool:
    """ "Celtic had won their last six meetings", "has beaten Agassi in two of their three
    meetings", "lost all nine of her previous meetings", "a second round meeting with Roddick":
    in sport a "meeting" is a game between two sides or players (Oxford: "a sporting contest
    between two teams or players"; an athletics "meeting" holds contests, WordNet meet.n.01),
    no consultation (CAMEO 04 meets to talk). The game is told by its outcome, a verb of
    winning or losing (:data:`CONTEST_VERBS`) whose object it is or in which one side beats
    the other, or by a competition or stage that classifies it (:data:`COMPETITION_STAGES`);
    "won support at the meeting", "a round of meetings" and "the final meeting of the
    commission" keep theirs."""
    if noun.lemma_.lower() != "meeting":
        return False
    if any(
        c.dep_ in _NOMINAL_MODIFIERS and c.lemma_.lower() in COMPETITION_STAGES
        for c in noun.children
    ):  # a noun: "a Cup meeting", "a second round meeting"; not "the final meeting" (the last)
        return True
    counted = noun
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ in _QUANTIFIERS:
        counted = noun.head.head  # "two of their three meetings"
    head = counted.head
    if counted.dep_ == "pobj" and head.lower_ == "in":
        head = head.head
    elif counted.dep_ != "dobj":
        return False
    return head.lemma_.lower() in CONTEST_VERBS


def _explosion_subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _blows_up_figuratively(verb: Token) -> bool:
    """ "the row blew up when he was approached", "I blew up in the end" (ran out of strength):
    a quarrel breaking out or a runner failing, no explosion. A person who blows something up
    has an object ("blew up the bridge")."""
    subject = _explosion_subject(verb)
    if verb.pos_ != "VERB" or subject is None:
        return False
    if subject.lemma_.lower() in QUARREL_NOUNS:
        return True
    return subject.lower_ in _PERSONAL | {"i"} and not any(c.dep_ == "dobj" for c in verb.children)


def _malfunctions(verb: Token) -> bool:
    """ "her cable modem blew up", "the boiler exploded": a thing that is no weapon blowing
    up is a malfunction or an accident even in a story of attacks elsewhere, unless its own
    sentence speaks of one; "the car bomb exploded" stays the attack."""
    subject = _explosion_subject(verb)
    return (
        verb.pos_ == "VERB"
        and subject is not None
        and subject.pos_ == "NOUN"
        and subject.lemma_.lower() not in EXPLOSIVE_DEVICES
        and not _has_attack_context(verb)
    )


_CASED_WORDS = frozenset({NOUN, VERB})
_NAME_ENTITIES = frozenset({"ORG", "WORK_OF_ART", "EVENT", "PRODUCT", "FAC"})
_NOMINAL_MODIFIERS = frozenset({"compound", "nmod"})


def _is_sentence_case(headline: Span) -> bool:
    """A headline in sentence case ("Band Aid retains number one spot"): a common noun or verb
    after its first word is in lower case, so a capital inside it marks a name, as in a body
    sentence; a title-case headline ("Rebels Attack Town") capitalises every word."""
    return any(t.pos in _CASED_WORDS and t.is_lower for t in headline[1:])


def _is_verb_in_a_name(verb: Token) -> bool:
    """A word the tagger takes for a verb, capitalised inside a sentence, and inside the name
    of an organisation, a work or an event or in a noun's place ("download it on Band Aid 20's
    website", "the IRB Rugby Aid match", "Live Aid single tops the charts"): part of the
    name, no act."""
    return (
        verb.pos == VERB
        and (verb.ent_type_ in _NAME_ENTITIES or verb.dep_ in _NOMINAL_MODIFIERS)
        and is_inside_a_name(verb)
    )


def article_lemmas(doc: Doc) -> frozenset[str]:
    """The lower-cased lemmas of an article's words, each distinct lemma read once (from the
    document's array of lemma ids: no token is built)."""
    strings = doc.vocab.strings
    return frozenset(strings[lemma].lower() for lemma in set(doc.to_array(LEMMA).tolist()))


def is_violent_story(lemmas: AbstractSet[str]) -> bool:
    """Whether an article (its :func:`article_lemmas`) speaks of weapons, fighting forces or
    casualties anywhere."""
    return not VIOLENCE_WORDS.isdisjoint(lemmas)


def is_cyber_story(lemmas: AbstractSet[str]) -> bool:
    """Whether an article (its :func:`article_lemmas`) speaks of hackers, malware or
    denial-of-service anywhere: its attacks are on computers (one sense per discourse, Gale,
    Church and Yarowsky 1992)."""
    return not CYBER_STORY_WORDS.isdisjoint(lemmas)


def is_attack_story(lemmas: AbstractSet[str]) -> bool:
    """Whether an article (its :func:`article_lemmas`) speaks of bombers, militants, explosives
    or terrorism anywhere."""
    return not ATTACK_CONTEXT_WORDS.isdisjoint(lemmas)


_CRITICISED = CONTENT_NOUNS | SPEECH_ACT_NOUNS | {"lie", "word"}
"""What one attacks in words: acts, policies, statements, words and lies."""


def _attacks_words(verb: Token) -> bool:
    """ "attacked the plans", "attacking Blair's lies", "an attack on the Tory plans": what is
    attacked is an act, a policy or words, so the attack is criticism (CAMEO 111), even in a
    story of war. So it is when what is attacked stands in quotation marks ("Tories attack
    burglar 'U-turns'", "attacked German 'empire'"): the marks cite the other side's words or
    label them (a mention, not a use); BBC politics/007, 034, 292, 351, 364."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if verb.pos_ == "NOUN":
        objects += phrase_objects(verb, _TARGET_PREPOSITIONS - {"at"})
    objects += [c for o in objects for c in o.children if c.dep_ == "conj"]
    return any(o.lemma_.lower() in _CRITICISED or _cites_words(o) for o in objects)


def _cites_words(noun: Token) -> bool:
    """Whether a noun closes a quotation opened in its phrase or just before it ("Blair's
    Tory 'lies'", "'pay later'")."""
    doc = noun.doc
    first = noun.left_edge.i
    opened = any(t.text in _QUOTES for t in doc[max(first - 1, 0) : noun.i])
    return opened and noun.i + 1 < len(doc) and doc[noun.i + 1].text in _QUOTES


def _judges_as(verb: Token) -> bool:
    """ "attacked by the Tories as too little, too late", "attacked the report as a whitewash":
    an "as" predicative of what is attacked makes "attack" a verb of judging, like "denounce X
    as", "condemn X as" (object predicative, Quirk et al. 1985 16.47): criticism (CAMEO 111).
    A clause "as he walked home" is no predicative (its "as" is a subordinator), nor is an "as"
    that tells the attack itself ("as part of an offensive", :data:`ATTACK_MANNER_NOUNS`)."""
    return (
        verb.pos_ == "VERB"
        and verb.lemma_.lower() == "attack"
        and any(
            c.dep_ == "prep"
            and c.lower_ == "as"
            and not any(o.lemma_.lower() in ATTACK_MANNER_NOUNS for o in c.children)
            for c in verb.children
        )
    )


def _blames_for_conduct(verb: Token) -> bool:
    """ "attacked Mr Brown for failing to mention the environment", "attack the Lib Dems for
    wanting to abolish faith schools": a "for" phrase of someone's conduct (a gerund) is the
    ground of blame (PropBank criticize.01/blame.01 ARG2), so the attack is criticism, CAMEO
    111. Active clauses only: a victim "attacked for refusing to ..." may be beaten for it."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() != "attack":
        return False
    if any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
        return False
    return any(
        c.dep_ == "prep" and c.lower_ == "for" and any(g.tag_ == "VBG" for g in c.children)
        for c in verb.children
    )


def _resensed(match: TriggerMatch, sense: TriggerSense) -> TriggerMatch:
    return TriggerMatch(match.token, match.start, match.end, sense, match.absorbs)


def _explosion(match: TriggerMatch, attack: bool) -> TriggerMatch:
    """An explosion, a bomb going off or blowing up: an attack in an attack story."""
    if attack:
        return _resensed(match, TriggerSense("ASSAULT", "explosives", max(match.sense.weight, 0.7)))
    return _resensed(match, TriggerSense("ACCIDENT", "explosion", 0.5))


def _supported(noun: Token, sense: TriggerSense) -> int | None:
    """The index of an event noun a support verb turns into a clause ("provided aid", "imposed
    a curfew", "declared a ceasefire", "expressed support": one event, the verb's, whose subject
    is its actor; NomBank's support verbs), when the noun names an event of the verb's type."""
    own = NOUN_TRIGGERS.get(noun.lemma_.lower())
    return noun.i if own is not None and own.type == sense.type else None


def _match_verb(token: Token, headline: bool = False) -> TriggerMatch | None:
    lemma = token.lemma_.lower()
    if _is_nominal_participle(token):
        return None  # "the accused", "the injured": people, not events
    death = to_death(token)
    if death is not None:
        own = VERB_TRIGGERS.get(lemma)
        mode = own.mode if own is not None and own.type == "ASSAULT" else None
        killing = _KILLING if mode is None else TriggerSense("ASSAULT", mode, _KILLING.weight)
        return TriggerMatch(token, token.i, death.i + 1, killing)
    composed = _ending_or_lifting(token, lemma)
    if composed is not None:
        return composed
    if lemma in ADMITTING_VERBS and _admits_international_presence(token):
        return TriggerMatch(token, token.i, token.i + 1, _ADMISSION)
    if lemma in SILENCING_VERBS and _silences_an_outlet(token):
        down = any(c.dep_ == "prt" and c.i == token.i + 1 for c in token.children)
        return TriggerMatch(token, token.i, token.i + (2 if down else 1), _CENSORSHIP)
    if lemma in YIELDING_VERBS and _yields_to_pressure(token):
        with_in = lemma in _GIVING_WAY and token.i + 1 < len(token.doc)
        return TriggerMatch(token, token.i, token.i + (2 if with_in else 1), _YIELDING)
    if lemma in _PLACING_VERBS and _places_in_custody(token):
        return TriggerMatch(token, token.i, token.i + 1, _DETENTION)
    if lemma == "pick" and (particle := _picks_up_in_custody(token)) is not None:
        end = particle.i + 1 if particle.i == token.i + 1 else token.i + 1
        return TriggerMatch(token, token.i, end, _DETENTION)
    if lemma not in _LEXICON_VERBS:
        return None  # no sense below can match: each is looked up by the verb's lemma
    for child in token.children:
        if child.dep_ in {"dobj", "nsubjpass"} or (
            child.dep_ == "prep" and child.lower_ in {"on", "into"}
        ):
            for word in (child, *(c for c in child.children if c.dep_ == "pobj")):
                sense = OBJECT_TRIGGERS.get((lemma, word.lemma_.lower()))
                if sense is not None and lemma == "meet" and _is_mass_demand(word):
                    continue  # "met demand for its phones" supplied a market, yielded to no one
                if sense is not None:
                    return TriggerMatch(token, token.i, token.i + 1, sense, _supported(word, sense))
    for child in (*token.children, *_clause_complementizers(token)):
        if child.dep_ in {"prt", "prep", "dobj", "mark"}:
            if child.dep_ in {"prep", "mark"} and not _follows_directly(token, child):
                continue  # "called the plan a machine for profit", "called up for the squad"
            sense = PHRASAL_TRIGGERS.get((lemma, child.lemma_.lower()))
            if sense is not None and sense.type == "MOBILIZE" and not _involves_armed_force(token):
                return None  # "debts built up", "build up a collection"
            if sense is not None and sense.type == "RETREAT" and _leaves_a_contest(token):
                return None  # "pulled out of the Australian Open"
            if sense is not None and violates_restriction(token):
                return None  # "pushing for promotion"
            if sense is not None:
                end = child.i + 1 if child.i == token.i + 1 else token.i + 1
                return TriggerMatch(token, token.i, end, sense)
    if _is_particle_lexeme(token):
        return None  # "signed up for broadband", "marches on in Mexico"
    if lemma in PRESSING_VERBS and _presses_someone_to_act(token):
        return TriggerMatch(token, token.i, token.i + 1, _DEMAND)
    if lemma == "hold" and _holds_in_custody(token, headline=headline):
        return TriggerMatch(token, token.i, token.i + 1, _DETENTION)
    sense = VERB_TRIGGERS.get(lemma)
    if sense is None or token.dep_ == "amod" or _is_idiom(token):
        return None
    if _is_linked_state(token):
        return None  # "she has become withdrawn": a participial adjective, a state
    if (
        sense.type in AGENTIVE_TYPES
        and sense.weight < _POLYSEMOUS_WEIGHT
        and not headline
        and _subject_is_a_thing(token)
    ):
        return None
    if sense.type == "CONCEDE" and lemma in _PERMITTING and _permitted_by_no_authority(token):
        return None  # "Easymobile will allow customers to order SIM cards online"
    if violates_restriction(token):
        return None  # "shares rallied", "visited the website", "declined to comment"
    if sense.type == "MOBILIZE" and sense.mode != "patrols" and _moves_no_force(token):
        return None  # "deploying new technology", "mobilise public opinion"
    if sense.type == "RETREAT" and _leaves_a_contest(token):
        return None  # "withdrew from the Athens Games"
    if lemma == "commit" and not any(c.dep_ == "prep" and c.lower_ == "to" for c in token.children):
        return None  # "committed a crime" (or "to commit fraud") is not a commitment
    if lemma in PERSON_OBJECT_VERBS and not _has_person_object(token):
        return None  # "released an album" returns no one (CAMEO 0841 releases persons)
    if lemma in EXECUTING_VERBS and not _has_person_object(token):
        return None  # "search warrants were executed", "executed the plan": carried out
    if lemma == "warn" and _warns_as_advice(token):
        return None  # "warned users to update their systems", "warned against complacency"
    if lemma == "offer" and not _offers_to_an_actor(token):
        return None  # "offers broadband" is trade; "offered to mediate" expresses intent (CAMEO 03)
    if lemma == "strike" and _struck_by_a_vehicle(token):
        sense = _COLLISION
    elif lemma == "strike" and _is_labour_dispute(token):
        sense = TriggerSense("PROTEST", "strike", 0.7)
    if lemma == "sign" and _signs_a_player(token):
        sense = _HIRING
    return TriggerMatch(token, token.i, token.i + 1, sense)


_COLLISION = TriggerSense("ACCIDENT", "collision", 0.6)


def _struck_by_a_vehicle(verb: Token) -> bool:
    """ "She was struck by an SUV", "the lorry struck a cyclist", "a worker was struck by a
    train": a road or rail vehicle that strikes (see :func:`_is_road_vehicle`) collides, an accident
    (CAMEO 18 is an actor's force); a sentence that speaks of an attack ("a van struck
    pedestrians in a terror attack") keeps the assault, and a "car bomb" is a weapon."""
    causes = strikers(verb)
    if not causes and verb.dep_ == "conj":
        causes = strikers(verb.head)  # "was traveling west and struck the truck": one subject
    return (
        bool(causes) and all(_is_road_vehicle(s) for s in causes) and not _has_attack_context(verb)
    )


def _is_road_vehicle(noun: Token) -> bool:
    """A road or rail vehicle by its noun ("an SUV", "the lorry"; a "car bomb" is a weapon) or
    by being "driven" ("a brown Cadillac driven by a local man": what is driven is a vehicle)."""
    if noun.lemma_.lower() in ROAD_VEHICLES:
        return not any(c.dep_ == "compound" for c in noun.children)
    return any(c.dep_ == "acl" and c.lemma_.lower() == "drive" for c in noun.children)


_ADVICE_REACH = 12
"""Words of an advised act read for a consequence of force ("to leave or face an assault")."""


def _warns_as_advice(verb: Token) -> bool:
    """ "Microsoft warned users to update their systems", "users are warned never to open
    attachments", "warned his supporters against complacency": a warning of what the hearer
    should (not) do is advice (PropBank warn.01 with an infinitive or "against": to caution,
    CAMEO 02's counsel), no threat; the warner's own act to come is no part of it. One whose
    advised act carries a consequence of force ("warned the rebels to leave or face an
    assault") stays a threat (CAMEO 139, an ultimatum)."""
    hearers = [c for c in verb.children if c.dep_ == "dobj"]  # the parser may hang "against"
    advised = [  # on the hearer: "warned [his players against complacency]"
        c
        for c in (*verb.children, *(g for h in hearers for g in h.children))
        if (c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))
        or (c.dep_ == "prep" and c.lower_ == "against")
    ]
    if not advised:
        return False
    doc = verb.doc
    return not any(
        is_hostile_content(t)
        for c in advised
        for t in doc[c.i : min(c.right_edge.i + 1, c.i + _ADVICE_REACH)]
    )


def _is_linked_state(verb: Token) -> bool:
    """A participle after a linking verb ("has become withdrawn", "seemed relieved"; the small
    parser reads "became withdrawn" as a passive with "became" its auxiliary): a state the
    subject is in, an adjective (Quirk §7.15), no act."""
    if verb.dep_ == "acomp" and verb.head.lemma_.lower() in LINKING_VERBS:
        return True
    return any(
        c.dep_ == "auxpass" and (c.lemma_.lower() in LINKING_VERBS or c.lower_ in _BECAME)
        for c in verb.children
    )


_BECAME = frozenset({"became", "becomes", "becoming"})
"""Forms of "become" the small model leaves unlemmatised as a passive auxiliary."""


def _is_particle_lexeme(token: Token) -> bool:
    """A particle verb of a sense of its own ("signed up for", "marches on in Mexico", "backed
    away from"), its particle right after it: tagged a particle, an adverb, or a preposition
    with no object of its own (as the small parser reads "Nadal marches on in Mexico", a
    headline it takes the verb of for a noun, and the "out" of "backed out of a pledge"); or a
    prepositional verb of a sense of its own ("gunning for the minister")."""
    lemma = token.lemma_.lower()
    return any(
        (lemma, c.lower_) in IDIOMATIC_PREPOSITIONAL_VERBS
        or (
            (lemma, c.lower_) in NON_EVENT_PARTICLE_VERBS
            and (c.dep_ == "prt" or (c.i == token.i + 1 and _is_bare_particle(c)))
        )
        for c in token.children
    )


def _is_bare_particle(word: Token) -> bool:
    """An adverb ("away"), or a preposition with no object of its own: alone ("marches on") or
    followed by another preposition that has the object ("out of a pledge", Quirk et al. 1985,
    §16.6 phrasal-prepositional verbs)."""
    if word.dep_ == "advmod":
        return True
    return word.dep_ == "prep" and all(
        c.dep_ == "prep" and c.i == word.i + 1 for c in word.children
    )


_HIRING = TriggerSense("AGREE", None, 0.55)
_CLUB_NAMES = frozenset({"ORG", "GPE", "PERSON"})
"""What the small model calls a club's name ("Everton" is often a PERSON to it)."""


_EMPLOYERS = frozenset({"label", "club", "team", "side", "agency", "studio"})
"""What one is "signed to" under contract: a record label, a club, a team, an agency."""


def _signs_a_player(verb: Token) -> bool:
    """ "Bolton have signed Candela", "he was signed from AC Milan", "after signing for
    Charlton", "signed to a record label": a club or a label signs a person, or a person signs
    for a club or to a label: an employment contract entered (PLOVER AGREE), not an endorsement
    of the person (SUPPORT signs a treaty, a petition or a motion: CAMEO 057, 05)."""
    signed = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    if _has_person_object(verb) or any(o.ent_type_ == "PERSON" for o in signed):
        return True  # "signed the Roma defender Vincent Candela"
    if not any(c.dep_ == "dobj" for c in verb.children) and any(
        o.lemma_.lower() in _EMPLOYERS for o in phrase_objects(verb, {"to"})
    ):
        return True  # "signed to a record label", "who is signed to Dr Dre's label"
    return not signed and any(
        o.pos_ == "PROPN" and o.ent_type_ in _CLUB_NAMES for o in phrase_objects(verb, {"for"})
    )


_ADMISSION = TriggerSense("RETREAT", "access", 0.7)


def _admits_international_presence(verb: Token) -> bool:
    """ "received a mission of observers", "accepted UN monitors", "will allow the return of
    the inspectors", "allowed peacekeeping troops in": letting inspectors, observers, monitors
    or peacekeepers in allows international involvement (CAMEO 086, 0861 peacekeepers, 0862
    inspectors), a RETREAT in PLOVER. What is let in is the verb's object, a phrase of it
    ("a mission of", "the return of") or the subject of its clause ("allowed them to return")."""
    let_in = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    let_in += [
        s
        for c in verb.children
        if c.dep_ in {"xcomp", "ccomp"}
        for s in c.children
        if s.dep_ == "nsubj"
    ]
    let_in += [o for w in let_in for o in phrase_objects(w, {"of"})]
    return any(w.lemma_.lower() in INTERNATIONAL_PRESENCE or _names_peacekeeping(w) for w in let_in)


_CENSORSHIP = TriggerSense("COERCE", "censorship", 0.7)
_ORDERING_VERBS = frozenset({"order", "force", "compel", "tell", "instruct"})


def _silences_an_outlet(verb: Token) -> bool:
    """ "the authorities shut down 700 websites", "China blocks Google news site", "the
    government ordered the newspaper to suspend publication": an authority (a state, its
    government, police, army or courts) stopping a newspaper, a broadcaster or a website
    restricts free expression, CAMEO 1721 (COERCE). The outlet is the object (or the one
    ordered: "ordered the paper to suspend"); the authority is the subject or the one who
    ordered it; an outlet that blocks ("the official site is blocking visits") is no outlet
    blocked. A firm "blocking infected sites" restricts no one's freedom."""
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    actors = [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _ORDERING_VERBS:
        objects += [c for c in verb.head.children if c.dep_ == "dobj"]  # "ordered the paper"
        actors = [c for c in verb.head.children if c.dep_ == "nsubj"]
    outlets = [o for w in objects for o in (w, *w.children) if o.dep_ != "det"]
    if not any(o.lemma_.lower() in MEDIA_OUTLETS for o in outlets):
        return False
    actors += [o for c in verb.children if c.dep_ == "agent" for o in c.children]
    return any(a.ent_type_ == "GPE" or _phrase_sector(a) in AUTHORITY_SECTORS for a in actors)


_YIELDING = TriggerSense("CONCEDE", None, 0.65)
_GIVING_WAY = frozenset({"give", "cave"})
"""Yielding verbs that give way only with the particle "in" ("gave in to", "caved in to")."""


def _yields_to_pressure(verb: Token) -> bool:
    """ "bowed to demands to recognise it", "giving in to French and German pressure", "will
    not bow to the campaign": giving way to a demand or a pressure is CAMEO 080 "yield" (083
    "accede to requests or demands"), a CONCEDE. The "to" phrase is the verb's or its
    particle's, and the pressure anywhere in it ("the terrorists' demands")."""
    heads = [verb]
    if verb.lemma_.lower() in _GIVING_WAY:
        heads = [c for c in verb.children if c.dep_ in {"prt", "advmod"} and c.lower_ == "in"]
        if not heads:
            return False
        heads.append(verb)
    return any(
        prep.dep_ == "prep"
        and prep.lower_ == "to"
        and any(t.lemma_.lower() in PRESSURES for t in prep.subtree)
        for head in heads
        for prep in head.children
    )


_PLACING_VERBS = frozenset({"remand", "send", "put", "place", "keep"})
"""Verbs that put someone somewhere: with "custody" as where, a detention ("take" into custody
is in :data:`OBJECT_TRIGGERS`)."""
_CUSTODY_PREPOSITIONS = frozenset({"in", "into", "to", "under"})


def _places_in_custody(verb: Token) -> bool:
    """ "remanded to judicial custody", "the court remanded the accused in police custody",
    "was sent to 14 days' custody", "kept in custody": putting a person in custody detains
    them (CAMEO 173 "arrest, detain, or charge with legal action"), whoever orders it (the
    police or a court). The custody phrase is the verb's or, as the small parser often
    attaches it, its object's; "remanded on bail" frees the accused and is no detention."""
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    # "remanded the three accused to custody": "accused" misread as a participle on "three"
    holders = [verb, *objects, *(c for o in objects for c in o.children if c.dep_ == "acl")]
    return any(
        prep.dep_ == "prep"
        and prep.lower_ in _CUSTODY_PREPOSITIONS
        and any(o.dep_ == "pobj" and o.lemma_.lower() == "custody" for o in prep.children)
        for holder in holders
        for prep in holder.children
    )


_CUSTODY_SECTORS = frozenset({"COP", "MIL"})


def _picks_up_in_custody(verb: Token) -> Token | None:
    """The particle of "pick up" in its custody sense: "the crime branch picked up three
    suspects", "were picked up for questioning". Police or troops picking up persons, or
    persons picked up to be questioned, are detained (CAMEO 173); anyone else picks up a prize,
    the phone, speed, or children from school."""
    particle = next((c for c in verb.children if c.dep_ == "prt" and c.lower_ == "up"), None)
    persons = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    if particle is None or not persons or not all(_is_person(p) for p in persons):
        return None
    takers = [c for c in verb.children if c.dep_ == "nsubj"]
    takers += [o for c in verb.children if c.dep_ == "agent" for o in c.children]
    if any(_phrase_sector(t) in _CUSTODY_SECTORS for t in takers) or any(
        o.lower_ in CUSTODY_PURPOSES
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "for"
        for o in c.children
    ):
        return particle
    return None


def _phrase_sector(head: Token) -> str | None:
    """The sector of a noun or of a noun modifying it ("the police", "the city police",
    "crime branch sleuths")."""
    return sector_of_word(head) or next(
        (
            sector
            for c in head.children
            if c.dep_ in {"compound", "nmod", "amod"} and (sector := sector_of_word(c))
        ),
        None,
    )


def _presses_someone_to_act(verb: Token) -> bool:
    """ "pressured the drivers to cancel the strike", "is pressing the US to cut emissions":
    an actor as object and a to-infinitive saying what it is to do make pressing a demand
    (CAMEO 10), as "urge" is one; "pressed the button to start it" presses a thing."""
    return any(c.dep_ == "dobj" and can_act(c) for c in verb.children) and any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in verb.children
    )


_NOT_CUSTODY_DEPS = frozenset({"dobj", "prt", "acomp", "oprd", "xcomp", "ccomp", "attr", "dative"})
_HOLDING_ADVERBS = frozenset({"on", "off", "back", "out", "up", "down", "together"})
_ATTITUDE_NOUNS = frozenset({"esteem", "regard", "contempt", "awe", "suspicion"})
_PERSON_PRONOUNS = frozenset({"he", "him", "she", "her", "who", "i", "me", "we", "us", "you"})
_PERSON_ENDINGS = ("ee", "ist", "ian")
_PERSON_SECTORS = frozenset({"MIL", "COP", "REB", "OPP", "MED", "JUD"})
"""Sectors whose words name people in a role ("soldiers", "protesters", "a reporter"); the
civilian and government sectors also name places and bodies ("market", "embassy")."""


def _holds_in_custody(verb: Token, *, headline: bool) -> bool:
    """ "Two men were held by police", "the suspects held at the station", headline "Man held
    over killing": *hold* with persons as the ones held, and nothing else held, is keeping them
    in custody (CAMEO 173 "arrest, detain"). A meeting, a seat or a record is held as a thing;
    a team is "held to a draw" or "held on", a person "held responsible", "held up", "held back"
    or "held in high esteem" in other senses, and an active "held her son" has an object. Only
    a headline drops the passive's auxiliary ("Dozens held"): in running text an active "held"
    has its object before it ("the posts he held") or none in these senses ("Hearts held on")."""
    for child in verb.children:
        if child.dep_ in _NOT_CUSTODY_DEPS:
            return False
        if child.lower_ in _HOLDING_ADVERBS and not any(c.dep_ == "pobj" for c in child.children):
            return False  # "held on", "held back", "held up" (a particle, however parsed)
        if child.dep_ == "prep" and (
            child.lower_ == "to" or any(o.lemma_.lower() in _ATTITUDE_NOUNS for o in child.children)
        ):
            return False
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        held = [verb.head]  # a reduced passive relative: "the suspects held at the station"
    else:
        subjects = {"nsubjpass", "nsubj"} if headline else {"nsubjpass"}
        held = [c for c in verb.children if c.dep_ in subjects]
    return bool(held) and all(_is_person(h) for h in held)


def _is_person(token: Token) -> bool:
    """A person or persons, not a body or a thing: a person's name, a personal pronoun, "the
    accused", a count of people ("Dozens", "seven of the men"), or a noun for individuals
    (:data:`PERSON_NOUNS` less the collectives, a demonym, "detainee", "activist", "civilian",
    or a sector word for people in a role: "soldiers", "protesters", "a reporter")."""
    if token.ent_type_ == "PERSON" or token.lower_ in _PERSON_PRONOUNS:
        return True
    if token.tag_ == "VBN":
        return _is_nominal_participle(token)  # "the accused"
    if token.pos_ == "NUM" or token.like_num or token.lemma_.lower() in NUMBER_WORDS:
        counted = [o for c in token.children if c.lower_ == "of" for o in c.children]
        return not counted or _is_person(counted[0])
    if token.pos_ != "NOUN" and country_for_demonym(token.text) is None:
        return False
    lemma = token.lemma_.lower()
    return (
        (lemma in PERSON_NOUNS and lemma not in COLLECTIVE_NOUNS and lemma not in _PRONOUN_NOUNS)
        or lemma.endswith(_PERSON_ENDINGS)
        or sector_of_word(token) in _PERSON_SECTORS
        or country_for_demonym(token.text) is not None
    )


_PRONOUN_NOUNS = frozenset({"it", "they", "he", "she", "we", "i", "you", "who"})


_EVENT_ENTITY = frozenset({"EVENT"})


def _leaves_a_contest(verb: Token) -> bool:
    """ "withdrew from the Athens Games", "pulled out of the Australian Open qualifying draw": to
    leave a named event (a competition, a festival) is no retreat from a position or territory
    (PLOVER RETREAT, CAMEO 0874/192), as leaving "Gaza", "the town" or "the talks" is."""
    particles = [c for c in verb.children if c.lower_ in {"out", "back", "away"}]  # "out of"
    return any(
        child.dep_ == "prep"
        and child.lower_ in {"from", "of"}
        and any(names_an_entity(o, _EVENT_ENTITY) for o in child.children)
        for head in (verb, *particles)
        for child in head.children
    )


def _clause_complementizers(verb: Token) -> list[Token]:
    """The "for" of a for-to clause after the verb ("called for the minister to resign",
    "pushing for Ruritania to back the plan"), which the small parser hangs on the clause as
    its marker: the prepositional verb's "for" all the same, and the clause what is asked
    (CAMEO 10 names the demanded act)."""
    return [
        mark
        for clause in verb.children
        if clause.dep_ == "advcl"
        for mark in clause.children
        if mark.dep_ == "mark" and mark.lower_ == "for"
    ]


def _follows_directly(verb: Token, prep: Token) -> bool:
    """A prepositional verb's preposition comes right after it, adverbs aside ("called for",
    "called again on"); one further on belongs to an object or a particle verb ("called the
    sale a swindle for ...", "called up for ...")."""
    between = verb.doc[verb.i + 1 : prep.i]
    return prep.i > verb.i and all(t.pos_ == "ADV" for t in between)


def _has_person_object(verb: Token) -> bool:
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    if verb.dep_ in {"acl", "relcl"} and not objects:
        objects = [verb.head]  # "the prisoners released on Monday"
    # Not by an -er ending: one releases "a trailer", "a thriller", "a screensaver" too; nor a
    # date, a number or an ordinal ("Released 25 February on PC", "the first to be released").
    return any(_names_a_person(o, objects) for o in objects)


def _names_a_person(noun: Token, objects: list[Token]) -> bool:
    """Whether an object names someone who can be freed: a pronoun, a person or group noun, or
    a name the tagger knows as a person's, a people's, a state's or a body's. A name it does
    not know, or one a common noun classifies (close apposition, Quirk et al. 1985, §17.65:
    "the video game Halo 2", "the browser Firefox"; the parser may make the two joint
    subjects), is a product's: "the PSP is released", "the original Doom, released in 1994"."""
    if noun.lower_ in _PERSONAL:
        return True
    if noun.pos_ not in _NOMINAL or noun.ent_type_ in _NON_PERSONS:
        return False
    if noun.pos_ != "PROPN":
        return can_act(noun, by_ending=False)
    classifiers = [c for c in noun.lefts if c.dep_ in {"compound", "appos"} and c.pos_ == "NOUN"]
    classifiers += [o for o in objects if o.i < noun.i and o.pos_ == "NOUN"]
    if any(not can_act(c, by_ending=False) for c in classifiers):
        return False
    return noun.ent_type_ in _GROUP_OR_PERSON_NAMES or _is_titled(noun)


_GROUP_OR_PERSON_NAMES = frozenset({"PERSON", "NORP", "ORG", "GPE"})


def _is_titled(name: Token) -> bool:
    """A name after a courtesy title ("Mr Mubanga"): a person's, whatever the tagger says."""
    return any(c.dep_ == "compound" and c.lower_.rstrip(".") in _COURTESY for c in name.lefts)


_COURTESY = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady"})


_NOMINAL = frozenset({"NOUN", "PROPN"})
_NON_PERSONS = frozenset(
    {
        "DATE",
        "TIME",
        "MONEY",
        "PERCENT",
        "QUANTITY",
        "CARDINAL",
        "ORDINAL",
        "PRODUCT",
        "WORK_OF_ART",
    }
)


def _involves_armed_force(verb: Token) -> bool:
    """Whether the subject or object of a build-up is an armed force ("troops", "the army")."""
    return any(
        c.dep_ in {"nsubj", "nsubjpass", "dobj"} and sector_of_word(c) in ARMED_FORCE_SECTORS
        for c in verb.children
    )


_FORCE_PLACES = frozenset({"GPE", "LOC", "FAC"})
_UNSPECIFIED = frozenset({"PRON", "NUM"})
_MANOEUVRES = frozenset({"maneuver", "manoeuvre"})


def _moves_no_force(verb: Token) -> bool:
    """ "deploying EV-DO technology", "mobilise public opinion", "reinforce its unity": a force
    posture (CAMEO 15: 152 "increase military alert status", 154 "mobilize or increase armed
    forces") deploys, masses, stations or reinforces armed forces, their arms or their
    positions; a verb of it whose every object (or passive subject) names something else shows
    no force. With no object ("the army mobilised"), an unnamed one ("deploy them", "deployed
    2,000") or a place ("reinforced the border") the verb keeps its sense. A patrol's object
    is the ground it covers ("patrolled the streets"), so "patrol" is not read here."""
    moved = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    if not moved and verb.dep_ in {"acl", "relcl"} and verb.tag_ == "VBN":
        moved = [verb.head]  # "soldiers stationed overseas"
    moved += [c for m in moved for c in m.children if c.dep_ == "conj"]
    return bool(moved) and not any(_is_force_or_position(m) for m in moved)


def _is_no_force_posture(noun: Token, modifiers: set[str]) -> bool:
    """The noun forms of :func:`_moves_no_force`: "the deployment of digital screens", "a
    build-up of debt" (an "of" phrase that names no force, arms or position); and a manoeuvre
    that is not military by a modifier or an armed force acting ("legal manoeuvres", "room to
    manoeuvre"), while "military manoeuvres" and "troops held manoeuvres" are CAMEO 152."""
    if noun.lemma_.lower() in _MANOEUVRES:
        return not (
            modifiers & MILITARY_MODIFIERS
            or any(
                sector_of_word(c) in ARMED_FORCE_SECTORS
                for c in noun.children
                if c.dep_ in _MODIFIERS
            )
            or (noun.head.pos_ == "VERB" and _involves_armed_force(noun.head))
        )
    moved = phrase_objects(noun, {"of"})
    return bool(moved) and not any(_is_force_or_position(m) for m in moved)


def _is_force_or_position(noun: Token) -> bool:
    """An armed force, its arms or its position, by the noun, its "of" phrase ("a fleet of
    warships") or its modifiers ("peacekeeping troops"); a pronoun or a bare number names
    nothing either way and counts as one."""
    words = [noun, *phrase_objects(noun, {"of"})]
    words += [c for w in words for c in w.children if c.dep_ in _MODIFIERS]
    return noun.pos_ in _UNSPECIFIED or any(
        sector_of_word(w) in ARMED_FORCE_SECTORS
        or w.lemma_.lower() in FORCE_WORDS
        or w.lemma_.lower() in FORCE_POSITIONS
        or w.lemma_.lower() in PLACE_HEAD_NOUNS
        or w.ent_type_ in _FORCE_PLACES
        or _names_peacekeeping(w)
        for w in words
    )


def _is_struggle_without_opponent(token: Token) -> bool:
    """ "fight hunger", "fighting to stay in the match", "the battle between satellite and
    cable": a fight or battle is an event (an assault, CAMEO 19, or a verbal fight, CAMEO 11)
    only against someone; one whose opponents are all things, or that is an effort towards a
    goal, is none."""
    if token.lemma_.lower() not in _STRUGGLE_WORDS:
        return False
    if any(c.dep_ == "xcomp" for c in token.children):
        return True
    opponents = [c for c in token.children if c.dep_ == "dobj"] + phrase_objects(
        token, {"against", "with", "between", "on"}
    )
    opponents += [c for o in opponents for c in o.children if c.dep_ == "conj"]
    return bool(opponents) and not any(can_act(o, by_ending=False) for o in opponents)


def _is_battle_of_no_arms(noun: Token) -> bool:
    """ "the election battle", "a bid battle for the LSE", "the relegation battle", "a format
    battle": a battle (the noun) that a compound classifies by what is contested, with no one
    named to fight, no place fought over and no arms, fighting forces or casualties in its
    sentence, is a contest (WordNet battle.n.02 "an energetic attempt to achieve something"),
    whatever the rest of the story says; "a gun battle", "a tank battle", "the Falluja
    battle", "the battle left 40 dead" and a bare "the battle" in a story of war keep theirs
    (CAMEO 19 is armed fighting)."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() != "battle" or _is_legal_contest(noun):
        return False  # "the court room battle" is a lawsuit (CAMEO 115)
    classifiers = [c for c in noun.children if c.dep_ == "compound"]
    if not classifiers or any(
        c.pos_ == "PROPN" or c.lemma_.lower() in VIOLENCE_WORDS | MILITARY_MODIFIERS
        for c in classifiers
    ):
        return False  # bare, named after a place or a side ("the Falluja battle"), or armed
    named = classifiers + [c for c in noun.children if c.dep_ in {"amod", "poss"}]
    named += phrase_objects(noun, {"against", "with", "between", "for", "of", "in", "over"})
    if any(
        w.ent_type_ in _FORCE_PLACES or w.lemma_.lower() in PLACE_HEAD_NOUNS or can_act(w)
        for w in named
    ):
        return False
    # "war" is left out: it is the contest's own metaphor ("a format war", "a price war").
    return {t.lemma_.lower() for t in noun.sent}.isdisjoint(VIOLENCE_WORDS - {"war"})


def _is_struggle_for_a_prize(token: Token) -> bool:
    """ "the battle for supremacy", "battle for the Bafta awards", "fighting for inclusion": a
    battle or fight "for" something that is neither a place nor an actor, in a sentence that
    names no arms or armed people, is a contest or a campaign (WordNet battle.n.02 "an
    energetic attempt to achieve something", fight.v "crusade"), whatever the story: no
    assault (CAMEO 19 is armed fighting) and no dispute with anyone. "The battle for the city"
    and "rebels fighting for independence" keep theirs."""
    if token.lemma_.lower() not in _STRUGGLE_WORDS:
        return False
    prizes = phrase_objects(token, {"for"})
    if not prizes or any(
        p.ent_type_ in _FORCE_PLACES
        or p.lemma_.lower() in PLACE_HEAD_NOUNS
        or can_act(p, by_ending=False)
        for p in prizes
    ):
        return False
    opponents = [c for c in token.children if c.dep_ == "dobj"]
    opponents += phrase_objects(token, {"against", "with", "between"})
    if any(can_act(o, by_ending=False) for o in opponents):
        return False
    words = {t.lemma_.lower() for t in token.sent}
    return words.isdisjoint(ARMED_VIOLENCE_WORDS)


_LEGAL_MODIFIERS = frozenset({"legal", "court", "courtroom", "libel", "judicial"})


def _is_contest_without_opponent(noun: Token) -> bool:
    """In a story without violence a "battle" or "fight" is a verbal or legal one (CAMEO 11,
    115 "bring lawsuit against") only against someone or in court ("a court battle against
    the publisher", "its legal battle with Apple"); "the battle for control of the club", "the
    market share battle", "a never-ending battle" name a contest or an effort, no event."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in _STRUGGLE_WORDS:
        return False
    if _is_legal_contest(noun):
        return False
    opponents = phrase_objects(noun, {"against", "with", "between"})
    return not any(can_act(o, by_ending=False) for o in opponents)


_MODIFIERS = frozenset({"amod", "compound", "nmod"})


def _is_legal_contest(noun: Token) -> bool:
    """ "legal battles with the label", "a High Court battle", "the libel fight": a battle or
    fight that a legal word classifies is fought in court (CAMEO 115 "bring lawsuit against",
    under 11 "disapprove"), in a story of violence too: no assault (CAMEO 18-20 use force)."""
    return (
        noun.pos_ == "NOUN"
        and noun.lemma_.lower() in _STRUGGLE_WORDS
        and any(
            t.lemma_.lower() in _LEGAL_MODIFIERS
            for c in noun.children
            if c.dep_ in _MODIFIERS
            for t in c.subtree  # "the court room battle"
        )
    )


_POLITICAL_SECTORS = frozenset({"GOV", "JUD", "PTY", "LEG"})
_POLITICAL_MODIFIERS = frozenset({"political", "parliamentary", "commons"})


def _is_clash_of_politicians(token: Token) -> bool:
    """ "the top judge has clashed with ministers", "the two political leaders clashed",
    "their Commons clashes": a clash whose sides are officials, judges, parties or
    legislators (a political modifier or sector) and whose sentence names no arms is a
    dispute (CAMEO 11), in a story that speaks of a war elsewhere too (BBC politics/013, 211,
    277). Police, troops or rebels on a side keep the clash a fight."""
    if token.lemma_.lower() != "clash":
        return False
    sides = [c for c in token.children if c.dep_ in {"nsubj", "poss", "compound"}]
    sides += phrase_objects(token, {"with", "between"})
    sides += [c for s in sides for c in s.children if c.dep_ == "conj"]
    sides.append(token)  # "their Commons clashes": the clash's own modifiers
    sectors = {_phrase_sector(s) for s in sides} - {None}
    political = bool(sectors & _POLITICAL_SECTORS) or any(
        c.dep_ in _MODIFIERS and c.lower_ in _POLITICAL_MODIFIERS for s in sides for c in s.children
    )
    words = {t.lemma_.lower() for t in token.sent}
    return political and sectors <= _POLITICAL_SECTORS and words.isdisjoint(ARMED_VIOLENCE_WORDS)


def _is_nominal_participle(verb: Token) -> bool:
    """A participle used as a noun with a determiner ("the accused was arrested", "these
    injured") names people, not an event; so does one counted by a numeral, which the small
    parser makes the head ("the two accused", "the four injured": no noun for the participle to
    modify, and nothing of its own, unlike "three men accused of murder")."""
    if is_counted_participle(verb):
        return True
    return any(c.dep_ == "det" for c in verb.children) and not any(
        c.dep_ in {"dobj", "prt", "agent"} for c in verb.children
    )


def to_death(verb: Token) -> Token | None:
    """The last word of a resultative phrase of death after a verb — "beaten/hacked/stoned to
    death", "shot dead", "burnt alive": the result state makes any act of harm a killing."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "to":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.lemma_.lower() == "death":
                    return obj
    following = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    if following is None or following.lower_ not in _RESULTS_OF_DEATH:
        return None
    if following.head != verb and following.head.head != verb:
        return None  # the result word belongs to the verb or, misparsed, to its object
    lemma = verb.lemma_.lower()
    own = VERB_TRIGGERS.get(lemma)
    harms = lemma in _HARM_VERBS or (own is not None and own.type == "ASSAULT")
    if (following.lower_ == "dead" and harms) or (
        following.lower_ == "alive" and lemma in _BURIAL_VERBS
    ):
        return following  # "found dead" is a state found, not a result caused
    return None


def _offers_to_an_actor(verb: Token) -> bool:
    """An offer between actors: of an act ("offered to mediate") or to a named recipient
    ("offered its troops to Lebanon's president", "offered Kyiv help")."""
    for child in verb.children:
        if child.dep_ in {"xcomp", "ccomp"}:
            return True
        recipients = [child] if child.dep_ == "dative" else []
        if child.dep_ == "prep" and child.lower_ == "to":
            recipients = [c for c in child.children if c.dep_ == "pobj"]
        if any(_is_named_actor(r) for r in recipients):
            return True
    return False


def _is_named_actor(token: Token) -> bool:
    return token.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} or any(
        c.dep_ == "poss" and c.ent_type_ in {"GPE", "ORG", "NORP", "PERSON"} for c in token.children
    )


_PERMITTING = frozenset({"allow", "permit", "let"})
_AUTHORITY_SECTORS = frozenset({"GOV", "JUD", "MIL", "COP", "IGO", "REB", "OPP", "PTY"})
"""Sectors that hold a power to restrict or to yield (PLOVER/CAMEO agent codes)."""


def _permitted_by_no_authority(verb: Token) -> bool:
    """A permission granted by one with no power over the matter: "the phone allows users
    to", "the firm will allow customers to", "the merger will allow foreigners to". CAMEO 08
    (yield) is an authority easing its restrictions or admitting others (ease sanctions,
    dissent or a state of emergency; allow international involvement), so its subject is a
    state, a government body, a court, a force or a party, by sector or as a place or people
    named; without a subject the permission may still be an authority's ("were allowed to
    return")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return bool(subjects) and not any(_is_authority(s) for s in subjects)


def _is_authority(subject: Token) -> bool:
    return (
        sector_of_word(subject) in _AUTHORITY_SECTORS
        or subject.ent_type_ in {"GPE", "NORP"}
        or any(sector_of_word(c) in _AUTHORITY_SECTORS for c in subject.lefts)
    )


def _subject_is_a_thing(verb: Token) -> bool:
    """Whether the verb's active subject names a thing, not an actor ("the data supported")."""
    subjects = [
        verb.head if c.lower_ in _RELATIVES and verb.dep_ == "relcl" else c
        for c in verb.children
        if c.dep_ == "nsubj"
    ]
    return bool(subjects) and not any(can_act(subject) for subject in subjects)


_STATE_SECTORS = frozenset({"GOV", "MIL", "IGO"})


def _ends_trade_of_no_state(verb: Token, ended: set[str]) -> bool:
    """ "US Airways cancelled 100 flights", "1,100 flights were cancelled", "OPEC does not need
    to cut supply": flights or supplies ended by a firm, or by no one named, are commerce;
    "Turkmenistan cut off gas supplies", "the government suspended flights to Kabul", "the UN
    reduced food supplies to the camp" are sanctions. Ties, talks, aid or visits ended are
    sanctions whoever ends them."""
    if not ended & COMMERCIAL_FLOWS or ended & (COOPERATION_OBJECTS - COMMERCIAL_FLOWS):
        return False
    enders = [c for c in verb.children if c.dep_ == "nsubj"]
    enders += [o for c in verb.children if c.dep_ == "agent" for o in c.children]
    return not any(
        e.ent_type_ in {"GPE", "NORP"}
        or e.lower_ in IGO_NAMES
        or _phrase_sector(e) in _STATE_SECTORS
        for e in enders
    )


def _ending_or_lifting(verb: Token, lemma: str) -> TriggerMatch | None:
    """Verb + object compositions: ending cooperation is a sanction ("suspended aid
    deliveries"), relaxing a coercive measure a concession ("lifted the curfew"), and an army
    lifting a blockade or ending the fighting a retreat (CAMEO 16, 08 and 087); easing
    economic sanctions or an embargo is CAMEO 085, which PLOVER files under RETREAT."""
    if lemma not in ENDING_VERBS and lemma not in LIFTING_VERBS:
        return None
    for child in verb.children:
        if child.dep_ not in {"dobj", "nsubjpass"}:
            continue
        words = {child.lemma_.lower(), *(c.lemma_.lower() for c in child.children)}
        words |= {  # "a state of emergency", "the closure of the border"
            o.lemma_.lower()
            for c in child.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for o in c.children
            if o.dep_ == "pobj"
        }
        noun_sense = NOUN_TRIGGERS.get(child.lemma_.lower())
        sense: TriggerSense | None = None
        if words & _MILITARY_MEASURES or (noun_sense and noun_sense.type == "ASSAULT"):
            sense = TriggerSense("RETREAT", "de-escalation", 0.7)
        elif words & ECONOMIC_MEASURES or ("ban" in words and words & TRADED_GOODS):
            sense = TriggerSense("RETREAT", "ease", 0.7)  # CAMEO 085, under PLOVER RETREAT
        elif words & COERCIVE_MEASURES or (
            noun_sense and noun_sense.type in {"COERCE", "SANCTION"}
        ):
            sense = TriggerSense("CONCEDE", "easing", 0.7)
        elif (
            lemma in ENDING_VERBS
            and (
                words & COOPERATION_OBJECTS or (noun_sense and noun_sense.type in COOPERATIVE_TYPES)
            )
            and not _ends_trade_of_no_state(verb, words)
        ):
            sense = TriggerSense("SANCTION", "cut", 0.7)
        if sense is not None:
            absorbs = child.i if noun_sense is not None else None
            return TriggerMatch(verb, verb.i, verb.i + 1, sense, absorbs)
    return None


def _is_figurative_force(token: Token) -> bool:
    """In a story with no sign of violence (see :func:`is_violent_story`), a "strike" that no
    target phrase or modifier ties to arms, described as someone's blow (see
    :func:`_describes_a_blow`), is a shot in a game ("a first-time strike", "Henry's strike";
    an "air strike", a "strike on the base", a bare "the strike" keep their senses), and
    one "bombarded with" or "by" something is flooded with it ("bombarded with pop-up ads",
    "by requests"): WordNet's senses strike.n.04-05 and bombard.v.01, which need no weapon."""
    lemma = token.lemma_.lower()
    if lemma == "strike" and token.pos_ == "NOUN":
        children = list(token.children)
        if any(
            (c.dep_ == "compound" and not _is_hyphenated(c))
            or (c.dep_ == "prep" and c.lower_ in _TARGET_PREPOSITIONS)
            for c in children
        ):
            return False
        return any(_describes_a_blow(c) for c in children)
    if lemma == "bombard" and token.pos_ == "VERB":
        return any(
            (c.dep_ == "prep" and c.lower_ == "with") or c.dep_ == "agent" for c in token.children
        )
    return False


_TARGET_PREPOSITIONS = frozenset({"on", "against", "at"})


def _is_play_in_a_game(token: Token) -> bool:
    """ "Garcia shot wildly over the top", "a tremendous strike from Bryson put the ball in the
    net", "Liverpool's desperate attacks" before a late goal: a word of force with a sense in
    ball games (:data:`GAME_SENSE_WORDS`) in a sentence that names the play of one (the ball,
    the goal, the keeper, the match: :data:`GAME_PLAY_WORDS`) and no arms or armed people
    (:data:`ARMED_VIOLENCE_WORDS`) is a move in the game, no assault (CAMEO 18 is force used
    on someone). The sentence's own words decide, not the story's: a football report that
    speaks of a "shoot-out" or a "war" elsewhere is no war story. Someone attacked or shot
    ("fans attacked the players") keeps the assault."""
    lemma = token.lemma_.lower()
    if lemma not in GAME_SENSE_WORDS and token.lower_ not in GAME_SENSE_WORDS:
        return False
    if any(c.dep_ in {"dobj", "nsubjpass"} and _is_person(c) for c in token.children):
        return False
    words = {t.lemma_.lower() for t in token.sent} | {t.lower_ for t in token.sent}
    return not words.isdisjoint(GAME_PLAY_WORDS) and words.isdisjoint(ARMED_VIOLENCE_WORDS)


def _is_filming(token: Token) -> bool:
    """ "The film was shot in Cape Town", "films shot in the UK", "shooting of the sequel":
    shoot's sense of making a film (WordNet shoot.v.04) is the one whose patient is a
    recording; a person or a place shot is the assault sense."""
    if token.lemma_.lower() not in {"shoot", "shooting"}:
        return False
    patients = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
    if token.dep_ == "acl":
        patients.append(token.head)  # "a film version shot in Cape Town"
    elif token.dep_ == "xcomp" and any(c.dep_ == "auxpass" for c in token.children):
        patients += [c for c in token.head.children if c.dep_ == "nsubj"]  # "continued to be"
    if token.pos_ == "NOUN":
        patients += [
            o
            for c in token.children
            if c.dep_ == "prep" and c.lower_ in {"of", "on"}
            for o in c.children
            if o.dep_ == "pobj"
        ]
    return any(_names_a_recording(p) for p in patients)


def _names_a_recording(noun: Token) -> bool:
    """A film, a programme or a part of one ("parts of the film"), or a work's title."""
    if noun.ent_type_ == "WORK_OF_ART" or noun.lemma_.lower() in RECORDING_NOUNS:
        return True
    return any(
        o.dep_ == "pobj" and o.lemma_.lower() in RECORDING_NOUNS
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for o in c.children
    )


def _describes_a_blow(modifier: Token) -> bool:
    """A modifier of a "strike" that makes it one person's blow or shot: an adjective of
    quality or manner ("a sublime strike", "a right-footed strike", not a participle: "the
    planned strike"), a measure ("a 25-yard strike"), the striker ("Henry's strike", "his
    strike", "a strike from Bryson")."""
    if modifier.dep_ == "amod":
        return modifier.tag_ == "JJ" or _is_hyphenated(modifier)
    if modifier.dep_ == "compound":
        return _is_hyphenated(modifier)
    if modifier.dep_ == "poss":
        return modifier.ent_type_ == "PERSON" or modifier.lower_ in {"his", "her"}
    if modifier.dep_ == "prep" and modifier.lower_ == "from":
        return any(o.ent_type_ == "PERSON" for o in modifier.children)
    return False


def _is_hyphenated(token: Token) -> bool:
    """A word joined by a hyphen to the one before it ("first-time", "25-yard"): a modifier
    of manner or measure, not a noun that classifies ("air", "missile")."""
    return token.i > 0 and token.doc[token.i - 1].text == "-"


_CLAUSAL = frozenset({"VERB", "AUX"})


def _is_labour_dispute(token: Token) -> bool:
    """A "strike" of workers, unions or pay, or one someone goes "on" or calls off."""
    modifiers = {
        c.lemma_.lower() for c in token.children if c.dep_ in {"compound", "amod", "nummod"}
    }
    if modifiers & PROTEST_STRIKE_CUES:
        return True
    if token.dep_ == "pobj" and token.head.lower_ == "on" and token.head.head.pos_ in _CLAUSAL:
        return True  # "went on strike", "were on strike"; "a strike on the camps" names a target
    if token.dep_ == "compound" and token.head.lemma_.lower() in LABOUR_STRIKE_HEADS:
        return True  # "strike action", "a strike ballot"
    if token.dep_ == "dobj" and token.head.lemma_.lower() in JOINED_STRIKE_VERBS:
        return True  # "thousands join strike", "staged a one-day strike"
    return any(t.lemma_.lower() in LABOUR_WORDS for t in token.sent)


def _is_idiom(verb: Token) -> bool:
    """Idioms and formulas: "strike a deal", "stocks rallied", a subjectless "Thank you for
    subscribing" (a politeness formula) and a passive "was met with boos" (a reaction)."""
    lemma = verb.lemma_.lower()
    deps = {child.dep_ for child in verb.children}
    if lemma == "thank" and "nsubj" not in deps and any(c.lower_ == "you" for c in verb.children):
        return True
    if lemma == "meet" and deps & {"nsubjpass", "auxpass"}:
        return True
    if lemma == "rally" and _has_result_complement(verb):
        return True
    idioms = IDIOM_OBJECTS.get(verb.lemma_.lower(), frozenset())
    concluding = verb.lemma_.lower() in CONCLUDING_VERBS
    for child in verb.children:
        lemma = child.lemma_.lower()
        if child.dep_ == "dobj" and (lemma in idioms or lemma in WORKS):
            return True
        if child.dep_ == "dobj" and concluding and _names_an_agreement(child):
            return True  # "signed a deal", "agreed a deal": a support verb, the noun is the event
        if child.dep_ in {"nsubj", "nsubjpass"} and lemma in ECONOMIC_SUBJECTS:
            return True
    return False


def _names_an_agreement(noun: Token) -> bool:
    """An agreement noun ("deal", "settlement"): with a verb of concluding it, the verb only
    supports the noun (a support-verb construction, as in "make a decision"), and the
    agreement is one event, named by the noun, whose parties are the verb's subject."""
    sense = NOUN_TRIGGERS.get(noun.lemma_.lower())
    return sense is not None and sense.type == "AGREE"


def _has_result_complement(verb: Token) -> bool:
    """A "rally" to a figure ("rallied to a 53-37 win", "before rallying to 2.20 dollars") is a
    recovery to a score or a price: the gathering of CAMEO 141 ("demonstrate or rally") goes to
    a place ("rallied to Trafalgar Square"). A to-infinitive tells neither ("rallied to beat
    Sweden", "rallied to demand his release")."""
    return any(
        child.dep_ == "prep"
        and child.lower_ == "to"
        and any(token.like_num for token in child.subtree)
        for child in verb.children
    )


def _of_a_market(noun: Token) -> bool:
    """A noun whose "in"/"for"/"of" phrase names a price, a currency or a market ("the rally in
    global oil prices", "a rally for sterling"): a market move, as with a modifier."""
    return any(
        obj.lemma_.lower() in ECONOMIC_SUBJECTS or obj.lower_ in CURRENCY_NAMES
        for obj in phrase_objects(noun, {"in", "for", "of"})
    )


def _match_noun(token: Token) -> TriggerMatch | None:
    lemma = token.lemma_.lower()
    sense = NOUN_TRIGGERS.get(lemma) or NOUN_TRIGGERS.get(token.lower_) or _complemented(token)
    if sense is None or _inside_hyphenated_word(token):
        return None
    modifiers = {c.lemma_.lower() for c in token.lefts if c.dep_ in {"compound", "amod"}}
    if lemma == "conference":
        if not modifiers & PRESS_EVENT_MODIFIERS:
            sense = TriggerSense("CONSULT", None, 0.5)
        start = min([c.i for c in token.lefts if c.dep_ == "compound"] + [token.i])
        return TriggerMatch(token, start, token.i + 1, sense)
    if lemma == "strike" and _is_labour_dispute(token):
        return TriggerMatch(token, token.i, token.i + 1, TriggerSense("PROTEST", "strike", 0.75))
    forms = modifiers | {c.lower_ for c in token.lefts if c.dep_ in {"compound", "amod"}}
    if modifiers & NON_EVENT_COMPOUNDS or forms & IDIOM_MODIFIERS.get(lemma, frozenset()):
        return None  # "a heart attack"; "a great deal of money", "a raw deal", "state aid"
    if lemma == "deal" and "big" in modifiers and token.dep_ == "attr":
        return None  # "it is no big deal": a matter of weight (big_deal.n.01), no agreement
    if token.lower_ == "aids" and token.text != token.lower_ and _is_sentence_case(token.sent):
        return None  # "people living with Aids": the disease's name, no help given
    if _is_particle_lexeme(token):
        return None  # "Nadal marches on in Mexico", a verb the parser takes for a noun
    if lemma == "deal" and "good" in modifiers and _is_quantity(token):
        return None  # "a good deal of evidence", "a good deal more"
    if violates_restriction(token):
        return None  # "will appeal to voters", "appealed against the ruling"
    if lemma == "leak" and not _leaks_a_substance(token):
        return None  # "the Treasury leak", "leaks of its products": a disclosure
    if sense.type == "PROTEST" and (modifiers & ECONOMIC_SUBJECTS or _of_a_market(token)):
        return None  # "an oil rally", "a rally in oil prices": what "oil rallied" says of a verb
    if lemma in SPEECH_ACT_NOUNS and not _is_made_by_someone(token):
        return None
    if lemma == "warning" and not _warns_of_an_act(token):
        return None  # "a profits warning", "warnings of starvation": a caution, no threat
    if lemma == "relief" and _is_felt_or_fiscal_relief(token, modifiers):
        return None  # "a sigh of relief", "his relief at the result", "tax relief"
    if lemma == "fire":
        return _fire(token, modifiers, sense)
    if sense.type == "MOBILIZE" and _is_no_force_posture(token, modifiers):
        return None  # "the deployment of digital screens", "legal manoeuvres"
    return TriggerMatch(token, token.i, token.i + 1, sense)


_COMPLEMENTED_NOUNS = frozenset(noun for noun, _ in NOUN_PREPOSITION_TRIGGERS)


def _complemented(noun: Token) -> TriggerSense | None:
    """The sense of a noun that names an event only with its complement
    (:data:`NOUN_PREPOSITION_TRIGGERS`: "renewed their call for a cap"); a compound before it
    makes it another thing ("a phone call for her"), and as a subject complement it classifies
    its subject, no act of anyone ("the report was a wake-up call for the industry"), unless
    the subject is existential "there" ("there have been calls for an inquiry")."""
    lemma = noun.lemma_.lower()
    if lemma not in _COMPLEMENTED_NOUNS:
        return None  # the cheap test first: this runs on every noun the lexicon lacks
    if noun.dep_ == "attr" and not any(c.dep_ == "expl" for c in noun.head.children):
        return None
    if any(c.dep_ == "compound" for c in noun.lefts):
        return None
    keys = [c.lower_ for c in noun.rights if c.dep_ == "prep"]
    if _takes_an_infinitive(noun):
        keys.append(TO_INFINITIVE)
    senses = [NOUN_PREPOSITION_TRIGGERS.get((lemma, key)) for key in keys]
    return next((sense for sense in senses if sense is not None), None)


def _takes_an_infinitive(noun: Token) -> bool:
    """A "to" infinitive right after the noun ("calls to publish the advice"), which the small
    parser hangs on the noun (acl, relcl) or on the noun's verb (advcl) alike."""
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    return (
        after is not None
        and after.dep_ == "aux"
        and after.lower_ == "to"
        and (after.head.pos_ == "VERB")
    )


_COMPARATIVE_TAGS = frozenset({"JJR", "RBR"})


def _is_quantity(noun: Token) -> bool:
    """A "deal" measuring an amount: with an "of" phrase ("a good deal of money") or before a
    comparative ("a good deal more meaning"), as WordNet's great_deal.n.01 is used."""
    following = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    return any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children) or (
        following is not None and following.tag_ in _COMPARATIVE_TAGS
    )


_FELT_CLAUSE_MARKS = frozenset({"that", "when", "as"})
_PERSONAL_POSSESSIVES = frozenset({"his", "her", "their", "my", "our", "your"})


def _is_felt_or_fiscal_relief(noun: Token, modifiers: set[str]) -> bool:
    """A "relief" that is a feeling or a tax cut, not humanitarian aid (CAMEO 073): felt at or
    because of something ("relief at the result", "relief that he is fit", "relief when it
    ended", headline "Beckham relief as Real go through"), had by a person ("his relief", "a
    relief for the fans", "a sigh of relief") or lowering a tax or a pain ("tax relief", "light
    relief"). Relief sent, delivered or given to victims ("famine relief", "the relief effort",
    "relief for flood victims") stays aid."""
    if modifiers & NON_AID_RELIEF_MODIFIERS:
        return True
    if (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "of"
        and noun.head.head.lemma_.lower() in FELT_RELIEF_HOLDERS
    ):
        return True
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "at":
            return True
        if child.dep_ == "det" and child.lower_ in {"a", "an"}:
            return True
        if child.dep_ == "poss" and child.lower_ in _PERSONAL_POSSESSIVES:
            return True
        if child.dep_ == "compound" and child.ent_type_ == "PERSON":
            return True
        if child.dep_ in {"acl", "ccomp", "advcl", "relcl"} and any(
            m.dep_ == "mark" and m.lower_ in _FELT_CLAUSE_MARKS for m in child.children
        ):
            return True
    return False


def _leaks_a_substance(noun: Token) -> bool:
    """Whether a "leak" is of matter, so an accident (a chemical spill's kind): its sentence
    names a substance or a container of one ("a gas leak", "a leak at the reactor")."""
    return any(t.lemma_.lower() in LEAKED_SUBSTANCES for t in noun.sent)


def _is_classifier(noun: Token) -> bool:
    """A trigger noun modifying another noun names a kind of that thing, not an event ("aid
    agency", "strike ballot"), unless the other noun needs an event ("strike action", "crash
    survivor", see :data:`EVENT_HEAD_NOUNS`). Not in headlines, whose small parser reads many a
    verb as a noun modifier ("Gunmen attack bank")."""
    head = noun.head
    return (
        noun.dep_ == "compound"
        and head.pos_ in {"NOUN", "PROPN"}
        and head.lemma_.lower() not in EVENT_HEAD_NOUNS
    )


_OFFENCE_FRAMES = frozenset(
    {
        "accuse",
        "acquit",
        "allegation",
        "arrest",
        "charge",
        "convict",
        "guilty",
        "indict",
        "jail",
        "sentence",
        "suspect",
        "suspicion",
        "try",
    }
)


def _is_offence_named(noun: Token) -> bool:
    """A bare crime noun in a legal frame names the offence, not an event that happened there:
    "charged with murder", "jailed for assault", "on suspicion of arson". With a determiner or
    a possessor it is a particular act again ("charged with the murder of his wife")."""
    if any(c.dep_ in {"det", "poss"} for c in noun.children) or noun.dep_ != "pobj":
        return False
    preposition = noun.head
    if preposition.lower_ not in {"of", "with", "for"}:
        return False
    return preposition.head.lemma_.lower() in _OFFENCE_FRAMES


def _is_made_by_someone(noun: Token) -> bool:
    """Whether a demand or threat has a maker or a content in the parse."""
    if _is_mass_demand(noun):
        return False
    for child in noun.children:
        if child.dep_ == "poss" or child.dep_ in {"acl", "ccomp", "relcl"}:
            return True
        if child.dep_ == "prep" and child.lower_ in {"by", "from"}:
            return True
        if child.dep_ in {"compound", "amod", "nmod"} and child.pos_ != "VERB" and can_act(child):
            return True
        if (
            child.dep_ == "prep"
            and child.lower_ in {"for", "to"}
            and any(g.dep_ in {"pcomp", "xcomp"} or g.tag_ == "VB" for g in child.subtree)
        ):
            return True  # "demands for him to resign"
    head = noun.head
    if noun.dep_ in {"dobj", "nsubjpass"} and head.pos_ == "VERB":
        return (
            any(c.dep_ == "nsubj" and can_act(_antecedent(c)) for c in head.children)
            or noun.dep_ == "nsubjpass"
        )
    return False


def _antecedent(subject: Token) -> Token:
    """What a relative pronoun subject stands for: in "charges that carry the threat of
    prison" the charges carry it, and a charge is no one who threatens (CAMEO 13 needs an
    actor who makes the threat); "the rebels, who issued a demand" keeps its maker."""
    verb = subject.head
    if subject.lower_ in _RELATIVES | {"who"} and verb.dep_ == "relcl":
        return verb.head
    return subject


_CONTENT_PREPOSITIONS = frozenset({"of", "about", "over", "against", "on"})


def _warns_of_an_act(noun: Token) -> bool:
    """A warning is a threat (CAMEO 13) when it announces a hostile act: "a warning of
    retaliation", "the army's warning to the rebels". One whose kind is a thing ("a profits
    warning", "health warnings") or whose content is a danger or a thing ("warnings of
    starvation", "a warning about fake e-mails", "a warning on the deficit") is a caution, as a
    verb "warned" of a trend is a forecast."""
    for child in noun.children:
        if (
            child.dep_ in {"compound", "nmod"}
            and child.pos_ == "NOUN"
            and not (can_act(child) or is_hostile_content(child))  # "a strike warning" threatens
        ):
            return False
        if child.dep_ == "prep" and child.lower_ in _CONTENT_PREPOSITIONS and names_a_topic(child):
            contents = [o for o in child.children if o.dep_ in {"pobj", "pcomp"}]
            if contents and not any(is_hostile_content(o) for o in contents):
                return False
    return True


def _is_mass_demand(noun: Token) -> bool:
    """ "rising demand for fuel", "consumer demand", "the extra demand that drove sales": the
    economic sense of "demand" is a mass noun (a quantity that rises and falls), the political
    one a count noun — "a demand", "demands", "their demand", "the demand that he resign"."""
    if noun.lemma_.lower() != "demand" or noun.tag_ != "NN":
        return False
    return not any(
        c.dep_ == "poss"
        or (c.dep_ == "det" and c.lower_ in {"a", "an", "this", "that"})
        or (c.dep_ in {"acl", "ccomp"} and any(m.lower_ in {"that", "to"} for m in c.children))
        for c in noun.children
    )


def _inside_hyphenated_word(token: Token) -> bool:
    """ "video-on-demand", "all-out-attack" compounds: a word joined to its neighbours by
    hyphens is part of one lexical item, not a mention of an event."""
    doc = token.doc
    before = token.i > 0 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_
    after = token.i + 1 < len(doc) and doc[token.i + 1].text == "-" and not token.whitespace_
    return bool(before or after)


def _fire(token: Token, modifiers: set[str], sense: TriggerSense) -> TriggerMatch | None:
    """ "rocket fire" is an attack, "a fire at the factory" an accident; "under fire" and
    "open fire" are handled elsewhere."""
    modes = {MODE_WORDS[m] for m in modifiers if m in MODE_WORDS} & _HEAVY_FIRE_MODES
    if modes or modifiers & {"artillery", "mortar", "machine-gun", "sniper", "tank"}:
        mode = sorted(modes)[0] if modes else "heavy-weapons"
        return TriggerMatch(token, token.i, token.i + 1, TriggerSense("ASSAULT", mode, 0.8))
    if token.head.lower_ in {"under", "open", "cease"} or token.dep_ == "dobj":
        return None
    return TriggerMatch(token, token.i, token.i + 1, sense)


_UNINTENDED = frozenset(
    {"accidental", "accidentally", "inadvertent", "inadvertently", "unintended", "unintentionally"}
)


def _struck_by_a_disaster(verb: Token) -> bool:
    """ "the tsunami which struck south Asia", "the US was struck by four hurricanes": a natural
    disaster striking is the disaster (WordNet strike "affect suddenly"), no attack (CAMEO 19
    is an actor's force)."""
    return (
        verb.pos_ == "VERB"
        and verb.lemma_.lower() == "strike"
        and any(is_disaster(s) for s in strikers(verb))
    )


def _strikes_without_force(verb: Token) -> bool:
    """ "viruses have struck", "struck by the level of concern": see
    :func:`strikes_without_force`; typed OTHER, an occurrence that is no attack."""
    return verb.pos_ == "VERB" and verb.lemma_.lower() == "strike" and strikes_without_force(verb)


def _is_accidental(token: Token) -> bool:
    """ "an accidental explosion", "the device detonated accidentally": an assault is intended
    harm (CAMEO 18-20), so harm said to be unintended is an accident."""
    return any(c.dep_ in {"amod", "advmod"} and c.lower_ in _UNINTENDED for c in token.children)


_DEPLOYMENT_PREPOSITIONS = frozenset({"of", "to", "as", "with"})


def _is_peacekeeping(trigger: Token) -> bool:
    """ "deployed peacekeepers", "the deployment of peacekeeping troops", "contribute troops
    to a peace-keeping force": troops sent to keep a peace are aid to the host, not a show of
    force (CAMEO 074 "provide military protection or peacekeeping", under 07 aid; CAMEO 15
    "exhibit force posture" is force aimed at someone)."""
    arguments = [c for c in trigger.children if c.dep_ in {"dobj", "nsubjpass"}]
    arguments += phrase_objects(trigger, _DEPLOYMENT_PREPOSITIONS)
    return any(_names_peacekeeping(a) for a in arguments)


def _names_peacekeeping(noun: Token) -> bool:
    """Whether a noun or its premodifiers say "peacekeeping" (also "peace-keeping")."""
    words = noun.doc[noun.left_edge.i : noun.i + 1].text.lower()
    return "peacekeep" in words.replace("-", "").replace(" ", "")


_ATTACK_WORDS = frozenset({"attack", "assault"})
_CYBER_WINDOW = 4
"""Words before an attack noun searched for a cyber modifier: the small parser breaks up
"a denial of service attack", so the premodifiers are read as a window, not a subtree."""


def _is_cyber_attack(token: Token) -> bool:
    """ "denial of service attacks", "phishing attacks", "an attack on the website": an
    attack on computers is coercion by cyber means (CAMEO 176 "attack cybernetically", under
    17), neither armed force (18-20) nor, in a story without violence, a verbal attack."""
    start = max(token.sent.start, token.i - _CYBER_WINDOW)
    if any(
        t.lower_ in CYBER_WORDS or t.lemma_.lower() in CYBER_WORDS
        for t in token.doc[start : token.i]
    ):
        return True
    return any(o.lemma_.lower() in CYBER_TARGETS for o in phrase_objects(token, {"on", "against"}))


_DATE_SHAPE = re.compile(r"\d{1,2}/\d{1,2}")
"""A date written with a slash, which the recogniser takes for a number ("9/11", "7/7")."""


def _is_dated_attack(token: Token) -> bool:
    """ "the 11 September attacks", "the 9/11 attacks": an attack named by its date is an
    event that happened on a day, an assault; a verbal attack is never so named."""
    return token.pos_ == "NOUN" and any(
        child.i < token.i
        and child.dep_ in {"nummod", "compound", "nmod", "amod"}
        and (child.ent_type_ == "DATE" or _DATE_SHAPE.fullmatch(child.text) is not None)
        for child in token.children
    )


def _has_attack_context(token: Token) -> bool:
    """Whether the sentence speaks of an attack ("suicide bomber", "militants")."""
    return any(t.lemma_.lower() in ATTACK_CONTEXT_WORDS for t in token.sent)


_VIOLENT_DEATH = TriggerSense("ASSAULT", None, 0.7)
_VIOLENT_CAUSES = frozenset({"firing", "pelting", "stoning", "violence", "rioting", "riot"})
"""Nouns of violence that name no attack of their own in the trigger lexicon ("firing" is
also a dismissal, "riot" a protest): a death "in" one is a killing."""
_CAUSE_REACH = 4
"""Words of the "in" phrase read for its cause: "in police firing", "in the stone pelting"."""


def _dies_of_violence(verb: Token) -> bool:
    """ "one person died in police firing", "two died in stone pelting", "was killed ... died
    in the violence": a death in violence is a killing (CAMEO 18x assault, 20x mass violence),
    whether or not its agent is named. A death in an attack, a clash or a blast is already the
    toll of that trigger (see :func:`_is_casualty_of_other`); one in custody, hospital or an
    accident stays a death."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in {"in", "during"}:
            words = verb.doc[prep.i + 1 : min(prep.right_edge.i + 1, prep.i + 1 + _CAUSE_REACH)]
            if any(w.lower_ in _VIOLENT_CAUSES or w.lemma_ in _VIOLENT_CAUSES for w in words):
                return True
    return False


def _is_casualty_of_other(match: TriggerMatch, found: list[TriggerMatch]) -> bool:
    """ "20 were killed in the earthquake": the killing is the disaster's toll, not an attack;
    "two died in the attack": a death beside an attack, disaster or accident is its toll."""
    lemma = match.token.lemma_.lower()
    if lemma not in _CASUALTY_VERBS:
        return False
    causes = _DISASTER_TYPES | {"ASSAULT"} if match.sense.type == "OTHER" else _DISASTER_TYPES
    return any(other is not match and other.sense.type in causes for other in found)
