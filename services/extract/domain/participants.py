"""Actors and targets of an event, read off the parse around the trigger.

Verbs: the subject acts (or the "by" agent of a passive), the object or passive subject is the
target, "on"/"against" name targets of attacks. Nouns: a demonym or place modifier or a
possessive is the actor ("Russian missile strike", "Russia's offensive"), "on"/"against" the
target, "between X and Y" and "with X" name the parties of talks and deals.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from typing import Final

from spacy.tokens import Doc, Span, Token

from services.extract.domain.document import DocumentContext
from services.extract.domain.gazetteer import gazetteer
from services.extract.domain.geo import country_for_demonym, country_for_name, country_name
from services.extract.domain.lemmas import is_english_word
from services.extract.domain.lexicon import (
    AGENT_SUFFIXES,
    AGENTIVE_TYPES,
    CHARGING_VERBS,
    CONCLUDING_VERBS,
    CUSTODY_PURPOSES,
    EVENT_LIGHT_VERBS,
    GIVING_VERBS,
    HARM_VERBS,
    IGO_NAMES,
    INSTRUMENT_SUBJECT_VERBS,
    NON_AGENT_ENDINGS,
    NOUN_TRIGGERS,
    NUMBER_WORDS,
    PARTICIPATION_PREDICATES,
    PATIENT_SUBJECT_VERBS,
    PERSON_NOUNS,
    PHRASAL_TRIGGERS,
    POLICE_OFFICES,
    POLICE_UNIT_NAMES,
    PROPOSAL_NOUNS,
    RAISING_PREDICATES,
    SECTOR_WORDS,
    UNDERGOING_STATE_VERBS,
    UNDERGOING_VERBS,
    VERB_TRIGGERS,
    WEAPON_NOUNS,
)
from services.extract.domain.places import is_city_name, places_between
from services.extract.domain.speakers import after_glued_time, mention_bounds, resolve_speaker
from services.extract.domain.speech_lexicon import (
    GENERIC_ORGANISATION_NOUNS,
    ORG_NOUNS,
    PERSON_TITLE_NOUNS,
)
from shared.models import Participant, Place

_AGENTLESS_TYPES = frozenset({"ACCIDENT", "DISASTER"})
_AMOUNT_ENTITIES = frozenset({"MONEY", "PERCENT", "QUANTITY"})
_VIA_PREP = frozenset({"agent", "prep"})
_NOT_PARTICIPANTS = frozenset({"DATE", "TIME"})
_RELATIVE_PRONOUNS = frozenset({"who", "whom", "which", "that"})
_AGREEMENT_TYPES = frozenset({"AGREE", "COOPERATE", "CONSULT"})
_OBJECTIVE_OF_TYPES = frozenset({"ASSAULT", "COERCE"})
_CAUSING_TYPES = frozenset({"ASSAULT", "ACCIDENT", "DISASTER"})
_QUANTITY_NOUNS = frozenset({"series", "wave", "spate", "string", "number", "couple", "round"})
_ADDRESSEE_PREPS = frozenset({"to", "with"})
"""Prepositions of an event noun's recipient or addressee (NomBank's ARG2 of "ultimatum",
"aid", "protest"); "with" names a second party only of symmetric acts (talks, deals)."""
_MOVEMENT_TYPES = frozenset({"MOBILIZE", "RETREAT"})
_ADDRESSED_TYPES = frozenset({"AGREE", "CONCEDE", "REJECT", "REQUEST", "ACCUSE", "SUPPORT"})
"""Acts of talk whose target is whom they answer or address (see :func:`_addressees`)."""
_COMMITTING_TYPES = frozenset({"THREATEN", "AGREE", "REJECT", "CONCEDE"})
"""Threats, offers, promises and refusals: their target is that of the act they announce
(see :func:`_targets_of_complement`)."""
_PERSON_PLURAL_ENDINGS = ("er", "or", "ist", "ian")
"""Agent-noun endings of people ("villagers", "protesters", "activists", "civilians")."""
_AIMED_PREPS = frozenset({"to", "with", "against", "on", "from"})
"""Prepositions of the one an act is aimed at: "cut off electricity to X", "break relations
with X", "restrictions against X", "a curfew on X", "ban X from"."""
_GIVEN_TYPES = frozenset({"AID", "SUPPORT"})
"""Events a noun names that someone gives (see :func:`_giver_and_receiver`)."""
_SOURCED_TYPES = frozenset({"REQUEST", "THREATEN", "ACCUSE", "AID", "SUPPORT", "REJECT"})
"""Event nouns whose "from" phrase is their source, the actor (NomBank's ARG0 of "demand",
"threat", "criticism", "aid"); "withdrawal from X" is a place left, not a source."""
_AGENT_SECTORS = frozenset({"COP", "MIL", "GOV", "REB", "OPP", "JUD", "IGO", "PTY"})
_LOCATED_SECTORS = frozenset({"COP", "JUD", "GOV", "CVL", "OPP", "REB"})
"""Sectors whose members act in their own country (police, courts, government, civilians,
opposition, rebels: events' domestic actors), so where they are is whose they are."""
METONYMY_MIN_POPULATION = 100_000
"""The fewest people of a town that stands for its country in a participant ("Tripoli
rejected …"): a city by the usual statistical measure of a large town."""
_DEMAND_TYPES = frozenset({"REQUEST"})
"""Requests and demands (CAMEO 10): their target is the one asked (:func:`_asked_of`)."""
_DEMANDED_OF = frozenset({"from", "of", "to", "with", "on"})
"""Prepositions of the one asked on the verb itself: "demanded of the council", "appealed to
donors", "pleaded with residents", "called on the government" (PropBank's ARG2 of appeal.02 and
plead.01; "call on" is the particle verb of CAMEO 10's appeals)."""
_ADDRESSED_ON_THE_VERB = frozenset({"to", "with", "on"})
"""The prepositions of :data:`_DEMANDED_OF` that name the one appealed to, a person or body."""
_DEMANDED_FROM = frozenset({"from"})
"""... and on what is demanded ("an apology from Tokyo"; its "of" is the thing's own:
"the release of the prisoners")."""

VERB_ROLE_RULES: tuple[tuple[str, str | None, str | None, str], ...] = (
    # (dependency of the child, its word or None, event types ("!" = all but) or None, role)
    ("nsubj", None, None, "actor"),  # the subject of an active verb acts
    ("compound", None, None, "actor"),  # headlinese "Bakery chain shrinks": a misparsed subject
    ("agent", None, None, "actor"),  # "was attacked by rebels": the by-phrase is the agent
    ("dobj", None, None, "target"),  # the object undergoes the act
    ("nsubjpass", None, None, "target"),  # the passive subject undergoes it
    ("prep", "on", "ASSAULT COERCE SANCTION", "target"),  # "fired on", "cracked down on"
    ("prep", "against", "!CONSULT AGREE COOPERATE", "target"),  # "rallied against"
    ("prep", "at", "ASSAULT", "target"),  # "shot at the crowd"
    ("prep", "with", "CONSULT AGREE COOPERATE", "actor"),  # "met with X": X takes part
    ("prep", "with", "ASSAULT", "target"),  # "clashed with police": the other side
    ("prep", "to", "AID", "target"),  # "sent aid to Haiti": the recipient (CAMEO 07)
    ("dative", None, "AID", "target"),  # "gave the refugees food"
    ("prep", "between", "CONSULT AGREE COOPERATE", "actor"),  # parties of talks
    ("prep", "among", "CONSULT AGREE COOPERATE", "actor"),
)
"""How a verb's dependents map to the event's roles (PLOVER: source actor, target actor)."""
_GROUND_NOUNS = frozenset(
    {"accusation", "allegation", "basis", "charge", "ground", "order", "suspicion"}
)
"""Objects of a preposition that make a phrase of reason, not of a role: "arrested on
suspicion of theft", "on charges of fraud", "on the orders of", "on the grounds that"."""
_LEFT_DEPS = frozenset({"compound", "amod", "nmod", "nummod", "poss", "quantmod"})
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
_PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her"})
"""Pronouns of a person: an actor when the person index finds their antecedent."""
_GROUP_PRONOUNS = frozenset({"it", "they"})
"""Pronouns of a state, organisation or group: an actor when the clause that embeds theirs has
such a subject ("Iraq said it would allow …", "the rebels said they would meet …")."""
_NOMINAL = frozenset({"NOUN", "PROPN"})
_ASSERTING_VERBS = frozenset(
    {"say", "tell", "confirm", "report", "announce", "add", "state", "reveal", "disclose"}
)
"""Speech verbs that assert their complement as fact; "deny", "order" or "demand" do not."""
_PLURAL_ONLY_NOUNS = frozenset({"police", "personnel", "people"})
"""Nouns plural whatever their form (pluralia tantum: "the police are", "personnel were"): the
tagger's singular or proper-noun reading of one ("the police" as NN, "west yorkshire police"
as a name in lower-case text) does not keep it from binding "they"."""
_BODY_NOUNS = ORG_NOUNS | GENERIC_ORGANISATION_NOUNS
"""Nouns for an organisation ("the company", "the ministry", "the club"), the claims' table:
what "it" can stand for besides a name."""
_REFERRING_BODY_NOUNS = GENERIC_ORGANISATION_NOUNS - {"club"}
"""Nouns whose definite singular ("the company") refers back to the organisation last named;
not "the club", whose name is most often its town's, tagged as a place, not an organisation."""
_GROUP_POSSESSIVES = frozenset({"its", "their"})
_PERSONAL_POSSESSIVES = frozenset({"his", "her"})
_POSSESSOR_AGENT_TYPES = AGENTIVE_TYPES - {"SANCTION"}
"""Event types whose noun's possessor is its agent ("his pledge", "her refusal", "his veto":
NomBank's ARG0); a harm, a detention or a sanction's possessor is who undergoes it ("his
arrest", "her abduction", "his suspension") and names no actor."""
_OBJECT_DEED_PREPS = frozenset({"for", "of", "from", "with"})
"""Prepositions whose gerund tells the deed of the verb's object: "praised / fined / rewarded
X for V-ing", "accused / convicted X of V-ing", "prevented / banned X from V-ing", "charged X
with V-ing"."""
_CLIMBING_DEPS = frozenset({"conj", "xcomp", "advcl", "acomp"})
"""Clauses whose verb shares the subject of the clause above: coordination, control ("vowed
to attack"), adverbial clauses, and, above the infinitive of a control or raising adjective,
the adjective ("is willing to withdraw", "is ready to talk": its copula has the subject)."""


def participants_of(
    ctx: DocumentContext, trigger: Token, *, event_type: str, headline: bool = False
) -> tuple[list[Participant], list[Participant]]:
    """``(actors, targets)`` of the event named by ``trigger``; ``headline`` when its sentence
    is the article's headline (see :func:`is_headline_passive`)."""
    if trigger.pos_ == "VERB":
        actor_heads, target_heads = _verb_roles(trigger, event_type, headline=headline)
    else:
        actor_heads, target_heads = _noun_roles(trigger, event_type)
    actor_heads = _with_companions(trigger, actor_heads)
    actor_heads = [a for h in actor_heads for a in _wielders(h)]
    actor_heads = [a for h in actor_heads for a in _agents_of_happening(h)]
    if event_type == "OTHER":
        actor_heads = [h for h in actor_heads if not _names_a_thing(ctx, h)]
    if event_type == "PROTEST":
        target_heads = _protested(trigger, target_heads)
    elif event_type in _CRITICAL_TYPES:
        target_heads = _criticised(trigger, target_heads)
    actors = [p for head in actor_heads for p in _participants_for(ctx, head)]
    targets = [p for head in target_heads for p in _participants_for(ctx, head)]
    return actors, targets


def _with_companions(trigger: Token, actors: list[Token]) -> list[Token]:
    """ "joined Blunkett in a visit to Sheffield", "joined other campaigners at a rally",
    "joined Ferguson in backing the plan": the act one joins another in is both's (join.v.03
    "become part of; participate with"), its subject's and its object's."""
    prep = trigger.head
    if (
        trigger.dep_ not in {"pobj", "pcomp"}
        or prep.dep_ != "prep"
        or prep.lower_ not in {"in", "at"}
    ):
        return actors
    join = prep.head
    if join.lemma_.lower() != "join":
        return actors
    joiners = [c for c in join.children if c.dep_ == "nsubj"] or _inherited_subject(join)
    companions = _with_conjuncts([c for c in join.children if c.dep_ == "dobj"])
    found = (actors or joiners) + companions
    return list(dict.fromkeys(found))


def _wielders(head: Token) -> list[Token]:
    """The actor an actor head stands for: itself, or, for a common noun of a weapon
    (:data:`WEAPON_NOUNS`; a name such as "Shell" is a company), the state or group it is
    said to be of ("rebel rockets", "Ruritanian missiles", "the navy's shells": whose weapon it is
    wields it), else no one: the weapon is the harm's instrument, not its agent."""
    if head.pos_ != "NOUN" or head.lemma_.lower() not in WEAPON_NOUNS:
        return [head]
    return [
        c
        for c in head.children
        if c.dep_ in {"amod", "compound", "poss", "nmod"}
        and (_names_a_country_or_org(c) or is_agent_noun(c))
    ]


def _agents_of_happening(head: Token) -> list[Token]:
    """The actor an actor head stands for: itself, or, for a noun of an attack, accident or
    disaster (:data:`NOUN_TRIGGERS` of :data:`_CAUSING_TYPES`), that happening's own agents
    ("the rebel attack killed five": the rebels), else no one ("the blast injured several
    people", "the attack, which killed five", "the tsunami which struck south Asia"). The
    happening is the harm's cause, not an agent (PLOVER's actor is who acts); it decides the
    harm's type (:func:`agent_heads`), not who did it."""
    sense = NOUN_TRIGGERS.get(head.lemma_.lower())
    if head.pos_ != "NOUN" or sense is None or sense.type not in _CAUSING_TYPES:
        return [head]
    return _noun_roles(head, sense.type)[0]


def agent_heads(trigger: Token, *, event_type: str, headline: bool = False) -> list[Token]:
    """The head tokens of the event's actors (see :func:`participants_of`), pronouns left out."""
    if trigger.pos_ == "VERB":
        heads = _verb_roles(trigger, event_type, headline=headline)[0]
    else:
        heads = _noun_roles(trigger, event_type)[0]
    return [
        h
        for h in heads
        if h.lower_ not in _PERSONAL_PRONOUNS | _GROUP_PRONOUNS | _PERSONAL_POSSESSIVES
    ]


def _verb_roles(
    verb: Token, event_type: str, *, headline: bool = False
) -> tuple[list[Token], list[Token]]:
    """Agent and patient of a verbal trigger, from the dependency relations in
    :data:`VERB_ROLE_RULES` (subject, passive "by" agent, object, passive subject,
    "on"/"against" phrase of an attack, "with"/"between" parties of talks); an agentless verb
    inherits the agent of the clause it is coordinated with or controlled by."""
    actors: list[Token] = []
    targets: list[Token] = []
    headline_passive = (
        (headline and is_headline_passive(verb))
        or _is_participle_clause(verb)
        or _is_participle_adjunct(verb)
        or _is_causative_participle(verb)
    )
    # Custody "held" has no object (see triggers._holds_in_custody): its subject is the one held,
    # as in the headline "Man held over killing".
    patient_subject = (
        headline_passive
        or verb.lemma_.lower() in PATIENT_SUBJECT_VERBS
        or (verb.lemma_.lower() == "hold" and event_type == "COERCE")
    )
    for child in verb.children:
        role = _verb_role(child, event_type)
        if child.dep_ == "nsubj" and verb.lemma_.lower() in INSTRUMENT_SUBJECT_VERBS:
            continue  # "the device exploded": the bomb is the instrument, not the attacker
        if patient_subject and role == "actor" and child.dep_ == "nsubj":
            role = "target"
        if child.dep_ == "nsubj" and child.lower_ == "whom":
            role = "target"  # the objective case is never a subject: "the man whom police shot"
        if role is None:
            continue
        if child.dep_ in _VIA_PREP or child.pos_ == "ADP":  # "to" as the parser's dative too
            heads = [
                c
                for c in child.children
                if c.dep_ == "pobj" and c.lemma_.lower() not in _GROUND_NOUNS
            ]
        else:
            heads = [child]
        heads = [h for h in heads if h.ent_type_ not in _NOT_PARTICIPANTS]
        (actors if role == "actor" else targets).extend(heads)
    targets = _without_occasions(verb, targets)
    if not actors:
        actors = _misparsed_subject(verb) or _ing_relative_head(verb)
    if not targets:
        targets = _object_after_result(verb)
    if event_type in _DEMAND_TYPES and not any(can_act(t, by_ending=False) for t in targets):
        targets = targets + (_asked_of(verb) or _subject_of_demanded_clause(verb))
    if event_type in _ADDRESSED_TYPES:
        targets = _addressees(verb, targets)
    if event_type in _COMMITTING_TYPES and not any(can_act(t, by_ending=False) for t in targets):
        targets = targets + _targets_of_complement(verb)
    if event_type in _REACHING_TYPES and not any(can_act(t, by_ending=False) for t in targets):
        targets = targets + _parties_of_things(verb, targets)
    if not targets and _is_reduced_passive_relative(verb):
        targets = [verb.head]  # "the man shot dead by police"
    actors = [_antecedent_of_relative(verb, a) for a in actors]
    targets = [_antecedent_of_relative(verb, t) for t in targets]
    if not targets and _is_participle_adjunct(verb):
        targets = [c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}][:1]
    if not targets and _is_passive_conjunct(verb):
        targets = _inherited_subject(verb)  # "arrived in Kabul and was attacked": the patient
    elif not targets and _is_adjunct_gerund(verb, passive=True):
        targets = _adjunct_controllers(verb.head) or []  # "face trial after being charged"
    elif not patient_subject and _has_only_parties(verb, actors):
        # "spent the week meeting with shareholders": the controller meets them too
        actors = _inherited_subject(verb) + actors
    if not actors and _is_causative_participle(verb) and not _befalls_the_subject(verb):
        # "the minister had the men arrested": causative "have", its subject the instigator
        actors = [c for c in verb.head.children if c.dep_ == "nsubj"]
    passive = headline_passive or _is_passive(verb)
    if not actors and (passive or patient_subject):
        actors = _agent_in_event_phrase(verb) or _agent_of_harm_conjunct(verb)
    if not actors and event_type == "COERCE" and passive:
        actors = _agent_after_purpose(verb)
    if not actors and event_type == "COERCE" and passive:
        actors = _reporting_police(verb)
    return _with_conjuncts(actors), _with_conjuncts(targets)


def _without_occasions(verb: Token, targets: list[Token]) -> list[Token]:
    """A verb whose object or passive subject names someone has its patient: an "on" phrase
    beside it tells the occasion or the place ("arrested on their arrival", "beat prisoners on
    the island", "injuring two guards on the bridge"), not a second patient, as each
    role is given once (the theta criterion, Chomsky 1981). Without one, "on" names whom an
    attack or a crackdown falls on ("fired on the crowd", "fired rockets on the village")."""
    patients = [
        _antecedent_of_relative(verb, c) for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}
    ]
    if not any(_names_someone(p) for p in patients):
        return targets
    return [t for t in targets if not (t.head.lower_ == "on" and t.head.head == verb)]


_REACHING_TYPES = frozenset(
    {"AGREE", "AID", "COERCE", "CONCEDE", "CONSULT", "COOPERATE", "REQUEST", "SANCTION", "THREATEN"}
)
"""Acts that reach whom the thing they act on is for: aid, ties, a ban. Criticism, backing or
rejection of a thing is aimed at whoever stands behind it ("denounced the army's crackdown on
students" is aimed at the army)."""
_THING_PARTY_PREPS = frozenset({"to", "with", "against"})
_VERB_PARTY_PREPS = frozenset({"to", "against"})
_IMPOSED_TYPES = frozenset({"SANCTION", "COERCE"})


def _parties_of_things(verb: Token, things: list[Token]) -> list[Token]:
    """Whom a verb's act on a thing reaches: the one a "to", "with" or "against" phrase of the
    thing or a "to"/"against" phrase of the verb names ("halted aid to Serbia", "boycott contact
    with the United States", "cut ties with Iran"), or the "on" phrase of a measure imposed
    ("lift the ban on the Front"). A noun of aid, contact or restriction keeps its arguments
    under a support verb (NomBank: aid.01's ARG2, ban.01's ARG1), wherever the parser hangs the
    phrase. Only a thing the verb takes as its object counts ("detained on the way to ..." is
    no act on a way)."""
    objects = [t for t in things if t.dep_ in {"dobj", "nsubjpass"}]
    if not objects:
        return []
    imposed = [_is_imposed(thing) for thing in objects]
    found = [
        o
        for thing, on in zip(objects, imposed, strict=True)
        for o in phrase_objects(thing, _THING_PARTY_PREPS | ({"on"} if on else set()))
    ]  # and the verb's, where the parser hangs them: "lifted the ban on X"
    found += phrase_objects(verb, _VERB_PARTY_PREPS | ({"on"} if any(imposed) else set()))
    return [
        o
        for o in dict.fromkeys(found)
        if o.pos_ in _NOMINAL
        and can_act(o, by_ending=False)
        and o.ent_type_ not in _NOT_PARTICIPANTS | {"FAC", "LOC"}
    ]


def _is_imposed(thing: Token) -> bool:
    """A measure imposed on someone (a ban, sanctions), whose "on" phrase names them."""
    sense = NOUN_TRIGGERS.get(thing.lemma_.lower())
    return sense is not None and sense.type in _IMPOSED_TYPES


def _has_only_parties(verb: Token, actors: list[Token]) -> bool:
    """Whether a verb without a subject of its own has no actor but the other parties of a
    "with"/"between" phrase (none at all counts)."""
    if any(c.dep_ in {"nsubj", "nsubjpass", "agent", "csubj", "auxpass"} for c in verb.children):
        return not actors  # a passive's controller is its patient: "has to be negotiated"
    return all(a.head.dep_ == "prep" and a.head.lower_ in _PARTY_PREPS for a in actors)


def _asked_of(verb: Token) -> list[Token]:
    """Whom a demand is made of, when the object is what is demanded: "demanded autonomy from
    Belgrade", "will seek $80bn from Congress", "demanded of the council that …" (PropBank's
    ARG2 of demand.01, seek.01, request.01; CAMEO 10's target is the one asked). A "from"
    phrase on the object counts unless the object is a movement ("demanded a withdrawal from
    the city" names a place left, not whom it is asked of)."""
    phrases = [(c, _DEMANDED_OF) for c in verb.children if c.dep_ == "prep"]
    phrases += [
        (p, _DEMANDED_FROM)
        for o in verb.children
        if o.dep_ == "dobj" and not _is_movement_noun(o)
        for p in o.children
        if p.dep_ == "prep"
    ]
    return [
        o
        for prep, words in phrases
        if prep.lower_ in words
        for o in prep.children
        if o.dep_ == "pobj"
        and o.ent_type_ not in _NOT_PARTICIPANTS
        # the one appealed to is a person or body ("donors", "the court"); a source of what is
        # demanded, a body or a thing ("from the budget"), is taken only when it names one
        and can_act(o, by_ending=prep.lower_ in _ADDRESSED_ON_THE_VERB)
        # "pleaded with residents"; a transitive verb's "with" phrase is a circumstance
        # ("will seek approval …, with vintners receiving compensation")
        and (prep.lower_ != "with" or not any(c.dep_ == "dobj" for c in verb.children))
    ]


def _subject_of_demanded_clause(verb: Token) -> list[Token]:
    """Whom a demand made with a "that" or a "for ... to" clause is made of: the clause's subject
    ("demanded that the US cancel the sale", "called for the minister to resign"; the mandative
    subjunctive's subject is the one asked to act, Quirk et al. 1985, §16.32)."""
    return [
        s
        for clause in verb.children
        if clause.dep_ == "ccomp" or (clause.dep_ == "advcl" and _has_for_subject(clause))
        for s in clause.children
        if s.dep_ == "nsubj" and can_act(s, by_ending=False) and not _names_no_one(s)
    ][:1]


def _has_for_subject(clause: Token) -> bool:
    """A "for ... to" infinitive: "called for the minister to resign" (the "for" phrase is the
    infinitive's subject, Quirk et al. 1985, §15.10)."""
    return any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children)


def _addressees(verb: Token, targets: list[Token]) -> list[Token]:
    """The targets of an act of talk, which PLOVER codes as actors: the one an offer, demand or
    call (:data:`PROPOSAL_NOUNS`) came from stands for it when a response takes it as object
    ("rejected an offer from Kabul", "accepted demands by the rebels", "rejected Belarus's
    calls"; NomBank's ARG0 of the noun), and the one addressed or given to joins them
    ("apologised to Brazil", "complained to the United Nations", "offered troops to Lebanon")."""
    resolved: list[Token] = []
    for target in targets:
        sources = _source_of_thing(target) if target.lemma_.lower() in PROPOSAL_NOUNS else []
        resolved.extend(sources or [target])
    if any(can_act(t, by_ending=False) for t in resolved):
        return resolved  # "welcomed England to Lansdowne Road": the one welcomed is the object
    resolved.extend(
        o for o in _to_phrase_objects(verb) if o.pos_ != "NUM" and can_act(o, by_ending=False)
    )
    return resolved


def _to_phrase_objects(verb: Token) -> list[Token]:
    """The objects of a verb's "to" phrase, which the parser labels a preposition or a dative
    ("apologised to Spain", "gave its support to the chancellor")."""
    return phrase_objects(verb, {"to"}, deps={"prep", "dative"})


def _targets_of_complement(verb: Token) -> list[Token]:
    """Whom a threat, offer, promise or refusal is aimed at: the one its infinitive would act on
    ("threatened to break relations with Russia", "offered to negotiate with Armenia's
    president", "refused to lift the curfew on Palestinians", "threatened to ban opposition
    candidates"). CAMEO codes a threat or an offer by the act it announces, whose target is
    its own (CAMEO 13 and 05 codebook notes; the infinitive is a control complement, Quirk
    et al. 1985, §16.39); a named state the act is done in is its target as a last resort
    ("threatened to resume attacks in Israel")."""
    found: list[Token] = []
    places: list[Token] = []
    for complement in verb.children:
        if complement.dep_ != "xcomp" or complement.pos_ != "VERB":
            continue
        giving = complement.lemma_.lower() in GIVING_VERBS  # what is sent is no target
        heads = [
            c
            for c in complement.children
            if c.dep_ in ({"dative"} if giving else {"dobj", "dative"})
        ]
        phrases = [c for c in complement.children if c.dep_ in {"prep", "dative"}]
        phrases += [p for h in heads for p in h.children if p.dep_ == "prep"]
        for head in heads:
            if head.lemma_.lower() in PROPOSAL_NOUNS:
                found.extend(_source_of_thing(head))
            elif _names_someone(head):
                found.append(head)
        for prep in phrases:
            objects = _objects(prep)
            if prep.lower_ in _AIMED_PREPS:
                # "restrictions against German goods": the state of a thing acted against
                found.extend(someone for o in objects for someone in _behind(o, possessor=False))
                # "refused to respond to a demand from the unions": whoever made it
                found.extend(
                    s
                    for o in objects
                    if o.lemma_.lower() in PROPOSAL_NOUNS
                    for s in _source_of_thing(o)
                )
            elif prep.lower_ == "in":
                places.extend(o for o in objects if o.ent_type_ == "GPE")
    return found or places[:1]


_PROTESTED_PREPS: Final = frozenset({"against", "at", "over", "of"})
"""What follows "in protest" names what is protested: "in protest against the war", "in
protest at the cuts", "in protest over the killing", "in protest of the ban"."""

_AIMS_OF_PROTEST: Final = frozenset({"PROTEST", "REQUEST", "ACCUSE"})
"""The types of a clause that says what a protest is for ("marched to protest the decision",
"rallied demanding his resignation", "went on strike to denounce the arrests")."""

REMOVAL_NOUNS: Final = frozenset(
    {"resignation", "ouster", "removal", "dismissal", "sacking", "impeachment", "overthrow"}
)
"""Nouns of someone's going from office: their "of" phrase is the one who would go ("the
resignation of the prime minister"; NomBank's resignation.01 ARG0, ouster.01 ARG1)."""


def _names_a_thing(ctx: DocumentContext, head: Token) -> bool:
    """Whether a subject is a common noun of the dictionary that names no one who can act
    ("Shares rise", "Technologies have proved a pull", "title hopes hit by loss"): a predicate
    of no type says what it did or underwent, and the actor of an event is someone. A name is
    no thing, whatever a headline's tagging made of it: a word the dictionary lacks ("Parmalat
    to return"), an acronym ("FA decides", "MPs assess"), a surname the article gives a person
    ("Davenport dismantles young rival") or a word it capitalises mid-sentence ("Tories leave
    door open")."""
    return (
        head.pos_ == "NOUN"
        and not can_act(head)
        and (is_english_word(head.doc, head.text) or is_english_word(head.doc, head.lemma_))
        and not any(c.isupper() for c in head.text[1:])
        and not ctx.people.is_known_surname(head)
        and head.lower_ not in ctx.capitalised_mid_sentence
    )


def _protested(trigger: Token, targets: list[Token]) -> list[Token]:
    """Whom a protest is aimed at (CAMEO 14: "collective actions carried out as protests against
    the target actor"): each target, and each thing protested or demanded, gives the one behind
    it (:func:`_behind`; a target that names someone is itself) — the trigger's own targets, an
    "against" phrase on the trigger or on the verb that stages it ("staged rallies against the
    minister"), "in protest against X", and the object of a clause of protest or demand that
    says what the protest is for ("marched to protest the government's decision",
    "demonstrated demanding the resignation of the president", "calling for independence from
    Indonesia"). A target with no one behind it stays ("blocked the road")."""
    aims: list[Token] = []
    anchors = [trigger]
    if trigger.dep_ == "dobj" and trigger.head.pos_ == "VERB":
        anchors.append(trigger.head)  # "staged rallies ... against X", "began a strike to ..."
    for anchor in anchors:
        for child in anchor.children:
            if child.dep_ == "prep" and child.lower_ == "against":
                aims.extend(_objects(child))
            elif child.dep_ == "prep" and child.lower_ == "in":
                aims.extend(
                    o
                    for protest in _objects(child)
                    if protest.lemma_.lower() == "protest"
                    for prep in protest.children
                    if prep.dep_ == "prep" and prep.lower_ in _PROTESTED_PREPS
                    for o in _objects(prep)
                )
            elif child.dep_ in {"advcl", "xcomp"} and _is_aim_of_protest(child):
                aims.extend(c for c in child.children if c.dep_ == "dobj")
                aims.extend(
                    o
                    for prep in child.children
                    if prep.dep_ == "prep" and prep.lower_ in {"against", "for"}
                    for o in _objects(prep)
                )
    found = _each_behind(targets) + [someone for aim in aims for someone in _behind(aim)]
    return _distinct(_with_conjuncts(found))


_CRITICAL_TYPES: Final = frozenset({"ACCUSE", "REJECT"})
"""Criticism, accusation and rejection (CAMEO 11, 12): their target is the one criticised or
rebuffed, whom a deed or proposal taken as object stands for ("denounced Serbia's
crackdown", "condemned the army's raids", "rejected the rebels' terms")."""

_CRITICISED_OVER: Final = frozenset({"over", "about"})
"""What a complaint is about: "complained to the UN over Israeli raids"."""


def _criticised(trigger: Token, targets: list[Token]) -> list[Token]:
    """Whom criticism or a rejection is aimed at: the one behind a deed or proposal it takes as
    object (:func:`_behind`), and for a verb of complaint the one behind what it is "over" —
    who did what is complained of comes before whom the complaint is made to ("complained to
    the UN over Israeli raids": Israel; PLOVER codes the criticised as the target). A target
    with no one behind it stays ("rejected the plan")."""
    if trigger.lemma_.lower() == "blame":
        return _blamed_on(trigger) or targets
    aims = [
        o for prep in _preps(trigger) if prep.lower_ in _CRITICISED_OVER for o in _objects(prep)
    ]
    criticised = [someone for aim in aims for someone in _behind(aim)]
    if criticised and trigger.pos_ == "VERB":
        return _distinct(_with_conjuncts(criticised))
    return _distinct(_with_conjuncts(_each_behind(targets)))


def _each_behind(targets: list[Token]) -> list[Token]:
    """Each target, or the ones behind it where it names a deed or a proposal (:func:`_behind`):
    "denounced the army's crackdown" → the army; "rejected the plan" keeps the plan."""
    return [someone for target in targets for someone in (_behind(target) or [target])]


def _blamed_on(verb: Token) -> list[Token]:
    """Who is blamed in "blamed the loss on the referee": the "on" phrase, on the verb or (as the
    parser often attaches it) on its object, when it names someone (PropBank blame.01: ARG1
    the one blamed, ARG2 what for); what is blamed on things names no one ("blamed her defeat
    by X on injuries": X is not blamed)."""
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    return [
        o
        for head in heads
        for prep in _preps(head)
        if prep.lower_ == "on"
        for o in _objects(prep)
        if _names_someone(o)
    ]


def _preps(head: Token) -> list[Token]:
    return [c for c in head.children if c.dep_ == "prep"]


def _distinct(heads: list[Token]) -> list[Token]:
    """``heads`` in order, each once ("the chancellor and the Tories": the conjunct is found
    both as itself and through the first)."""
    return list({head.i: head for head in heads}.values())


VICTIM_POSSESSOR_NOUNS: Final = frozenset(
    {
        "murder", "killing", "assassination", "execution", "arrest", "detention", "abduction",
        "kidnapping", "kidnap",
    }
)  # fmt: skip
"""Nouns of harm done to a person, whose possessive is that person ("Anna's murder", "the men's
arrest", "his abduction"): the affected object of the verb is what a process nominal's
possessor names when the act affects it (NomBank's ARG1 of murder.01 and arrest.01; the
affectedness constraint, Anderson 1979), and their agents are seldom written as possessors.
A state or an organisation written so still acts ("Russia's detention of the crew")."""


_TEMPORAL_PREPS: Final = frozenset({"after", "following", "since", "before", "until", "upon"})


def _is_victims_time(noun: Token) -> bool:
    """A noun of harm done to a person (:data:`VICTIM_POSSESSOR_NOUNS`) in a temporal adjunct
    ("held without charge since his arrest", "fled after her abduction"): its possessive is
    the one harmed, and the clause's subject binds it (an adjunct's understood subject is the
    clause's, Williams 1980: "after being arrested"). Elsewhere "his" may be anyone ("pleaded
    guilty to her murder": the victim is not the subject)."""
    prep = noun.head
    return (
        noun.lemma_.lower() in VICTIM_POSSESSOR_NOUNS
        and noun.dep_ == "pobj"
        and prep.lower_ in _TEMPORAL_PREPS
    )


def _is_agent_possessor(child: Token, noun: Token) -> bool:
    """Whether a possessor is the agent of the deed its noun names ("Israel's raids", "the
    army's crackdown", "the mayor's proposals"), not its victim (:data:`VICTIM_POSSESSOR_NOUNS`)."""
    if child.dep_ != "poss" or child.pos_ not in _NOMINAL:
        return False
    victim = noun.lemma_.lower() in VICTIM_POSSESSOR_NOUNS
    return not victim or child.ent_type_ in {"GPE", "NORP", "ORG"}


def _is_aim_of_protest(clause: Token) -> bool:
    """A clause of protest, demand or denunciation ("to protest", "demanding", "calling for"),
    or one that presses a demand ("to press their demands")."""
    lemma = clause.lemma_.lower()
    senses = [VERB_TRIGGERS.get(lemma)]
    particles = [c.lower_ for c in clause.children if c.dep_ in {"prep", "prt"}]
    senses += [PHRASAL_TRIGGERS.get((lemma, particle)) for particle in particles]
    return any(sense is not None and sense.type in _AIMS_OF_PROTEST for sense in senses) or any(
        c.dep_ == "dobj" and c.lemma_.lower() in PROPOSAL_NOUNS for c in clause.children
    )


def _objects(prep: Token) -> list[Token]:
    return [o for o in prep.children if o.dep_ == "pobj"]


def phrase_objects(
    head: Token, prepositions: AbstractSet[str], *, deps: AbstractSet[str] = frozenset({"prep"})
) -> list[Token]:
    """The objects of ``head``'s phrases headed by one of ``prepositions`` ("talks with Iran",
    "a demand from the unions")."""
    return [
        o for c in head.children if c.dep_ in deps and c.lower_ in prepositions for o in _objects(c)
    ]


def _behind(aim: Token, *, possessor: bool = True) -> list[Token]:
    """The one a protested thing is laid at: the thing itself when it names someone ("against
    the minister"); else the agent of a deed or decision — its possessor, its "by" phrase, or
    its state or people as a modifier ("the government's decision", "abuses by the police",
    "Indonesian rule"); the one who would go of a removal ("the resignation of the
    president"); the one something is wanted from ("independence from Iraq", "compensation
    from the company", "demands for pay from the firm"; not the maker of a demand, "demands
    from the rebels", nor a place left, "a withdrawal from the city"). ``possessor`` unset, an
    owner is no one behind a thing ("a clampdown on Britain's compensation culture")."""
    if _names_someone(aim):
        return [aim]
    lemma = aim.lemma_.lower()
    preps = {"by"}
    if lemma in REMOVAL_NOUNS:
        preps.add("of")  # "removal from office" names no one
    elif lemma not in PROPOSAL_NOUNS and not _is_movement_noun(aim):
        preps.add("from")  # "demands from the rebels" are the rebels' own
    found = [c for c in aim.children if possessor and _is_agent_possessor(c, aim)]
    found += [
        c for c in aim.children if c.dep_ in {"amod", "compound"} and c.ent_type_ in {"NORP", "GPE"}
    ]
    found += phrase_objects(aim, preps)
    # "demands for pay from the firm"
    found += [o for thing in phrase_objects(aim, {"for"}) for o in phrase_objects(thing, {"from"})]
    return [f for f in found if _names_someone(f) or _names_a_country_or_org(f)]


def _names_someone(token: Token) -> bool:
    """Whether an object names someone: a plural agent noun counts ("villagers", "strikers"),
    which a thing in "-er" seldom is ("the border", "an order")."""
    plural_agent = token.tag_ == "NNS" and token.lemma_.lower().endswith(_PERSON_PLURAL_ENDINGS)
    return (
        (plural_agent or can_act(token, by_ending=False))
        and token.ent_type_ not in _NOT_PARTICIPANTS
        and not _names_no_one(token)
    )


def _source_of_thing(noun: Token) -> list[Token]:
    """Who the offer, demand or call ``noun`` comes from: its "from" or "by" phrase or its
    possessor, when that names someone."""
    sources = phrase_objects(noun, {"from", "by"})
    sources += [c for c in noun.children if c.dep_ == "poss" and c.pos_ in _NOMINAL]
    return [
        o for o in sources if can_act(o, by_ending=False) and o.ent_type_ not in _NOT_PARTICIPANTS
    ]


def _is_movement_noun(noun: Token) -> bool:
    sense = NOUN_TRIGGERS.get(noun.lemma_.lower())
    return sense is not None and sense.type in _MOVEMENT_TYPES


def _misparsed_subject(verb: Token) -> list[Token]:
    """Headlinese "Dominici backs France", "Ivanovic seals victory": the small parser takes an
    unknown name before a finite verb for an adjective of it; a verb has no adjectives, so a
    capitalised word it attaches so on its left is its subject."""
    if verb.tag_ not in {"VBZ", "VBD"} or any(
        c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children
    ):
        return []
    return [c for c in verb.lefts if c.dep_ == "amod" and c.is_title]


def _ing_relative_head(verb: Token) -> list[Token]:
    """ "protesters demanding his resignation", headlinese "Microsoft seeking spyware author"
    (the auxiliary "is" left out): an -ing clause after a noun is a reduced relative clause
    whose subject is that noun (Quirk et al. 1985, §17.29), when it names someone who can
    act."""
    head = verb.head
    if verb.tag_ != "VBG" or verb.dep_ != "acl" or head.pos_ not in {"NOUN", "PROPN"}:
        return []
    if verb.lemma_.lower() in PATIENT_SUBJECT_VERBS:
        return []  # "5,000 people dying": they undergo it
    return [head] if can_act(head) else []


def _is_reduced_passive_relative(verb: Token) -> bool:
    """A bare past participle modifying a noun ("the man shot dead by police"): the noun is its
    patient. A participle with a subject or an auxiliary of its own heads a finite content
    clause instead ("reports that she has pulled out"), which tells nothing of the noun.
    After an apposition or a dash ("the gunman, John Smith, shot dead by police,") the tagger
    often reads the participle as a past tense (VBD) though it parses it as the noun's clause;
    a "by" agent marks it passive all the same (BBC: "The politicians - led out by John
    Prescott -", politics/261; "Bent, played onside by Gabriel Heintze", sport/095; "A
    mesmeric display ..., topped off by his howitzer", sport/401). The demonstrative "those"
    with such a participle names the people it happened to (Quirk et al. 1985: "those
    arrested"; BBC: "those detained", politics/040 and politics/224; "Those arrested",
    tech/120; "most of those banned", tech/195)."""
    return (
        verb.dep_ == "acl"
        and (verb.tag_ == "VBN" or (verb.tag_ == "VBD" and _has_agent(verb)))
        and (verb.head.pos_ in _NOMINAL or verb.head.lower_ == "those")
        and not any(c.dep_ in {"nsubj", "nsubjpass", "aux"} for c in verb.children)
    )


def _has_agent(verb: Token) -> bool:
    """Whether a verb has a passive "by" agent."""
    return any(c.dep_ == "agent" for c in verb.children)


def _agent_after_purpose(verb: Token) -> list[Token]:
    """ "two men were held for questioning by the police": the small parser hangs the
    passive's "by" phrase on the purpose noun before it. Whoever questions those held is who
    holds them, so an agent noun there is the detention's agent (CAMEO 173 codes the arrest to
    the arresting authority)."""
    return [
        agent
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ == "for"
        for purpose in prep.children
        if purpose.lower_ in CUSTODY_PURPOSES
        for by in purpose.children
        if by.lower_ == "by"
        for agent in by.children
        if agent.dep_ == "pobj" and is_agent_noun(agent)
    ][:1]


def _object_after_result(verb: Token) -> list[Token]:
    """ "a sub-inspector shot dead a youth": a result word before the object (a heavy object
    shifted past it), which the small parser reads as a preposition with the object as its
    own; the object is the verb's, and its patient."""
    return [
        obj
        for child in verb.children
        if child.dep_ == "prep" and child.lower_ == "dead" and child.i == verb.i + 1
        for obj in child.children
        if obj.dep_ == "pobj"
    ]


def _reporting_police(verb: Token) -> list[Token]:
    """ "police said two men had been arrested", "the driver has been arrested, transport police
    said": an agentless passive of coercion that the police report tells of their own act (the
    implicit agent is recoverable from the reporter; CAMEO codes an arrest to the arresting
    authority). Only a police reporter: "a party spokesman said X was arrested" names no agent."""
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in _ASSERTING_VERBS:
        return []
    reporters = [c for c in verb.head.children if c.dep_ == "nsubj"]
    return [r for r in reporters[:1] if _phrase_sector(r) == "COP"]


def _phrase_sector(head: Token) -> str | None:
    """The sector of the participant phrase ``head`` heads ("a police spokesman" -> COP)."""
    start, end = _phrase_bounds(head)
    return _sector_of(head.doc[start:end], head)


def _verb_role(child: Token, event_type: str) -> str | None:
    for dep, word, types, role in VERB_ROLE_RULES:
        if child.dep_ != dep or (word is not None and child.lower_ != word):
            continue
        if types is None or (types.startswith("!") and event_type not in types[1:].split()):
            return role
        if not types.startswith("!") and event_type in types.split():
            return role
    return None


def _inherited_subject(verb: Token) -> list[Token]:
    """The agent of a verb without a subject of its own: that of the verb it is coordinated
    with or that controls it ("X vowed to attack Y" -> X), or, under an object-control verb,
    that verb's object ("ordered the troops to attack" -> the troops)."""
    headline = _headline_infinitive_subject(verb)
    if headline:
        return headline
    token = verb
    for _ in range(3):
        if _is_adjunct_gerund(token) or (
            token is not verb and _is_adjunct_gerund(token, passive=True)
        ):  # "accused of helping X": the one accused helped
            prep = token.head
            token = prep.head
            controllers = _adjunct_controllers(prep)
            if controllers is not None:
                return controllers
            continue  # "first pleading no contest to attacking X": climb on from "pleading"
        raising = token.dep_ == "oprd" and token.lemma_.lower() in RAISING_PREDICATES
        if (token.dep_ not in _CLIMBING_DEPS and not raising) or token.head == token:
            return []
        if token.dep_ == "acomp" and token.i == verb.i:
            return []  # "the standards are settled": an adjective trigger has its own subject
        controlled = token.dep_ == "xcomp" and token.head.pos_ == "VERB"
        token = token.head
        if controlled and token.lemma_.lower() not in _USING_VERBS:
            # "spent two days visiting Iran": a span of time spent is no controller
            objects = [c for c in token.children if c.dep_ == "dobj" and not _names_a_time(c)]
            if objects:
                return objects
        subjects = [
            c
            for c in token.children
            if c.dep_ == "nsubj"
            # a passive's subject is its infinitive's, raised or object-controlled: "Day is
            # set to join Preston", "the rebels were ordered to attack the town"
            or (c.dep_ == "nsubjpass" and controlled)
        ] or _headline_subject(token)
        if subjects:
            return [_antecedent_of_relative(token, subjects[0])]
        if token.dep_ == "relcl" and token.head.pos_ in {"NOUN", "PROPN"}:
            return [token.head]
    return []


_USING_VERBS = frozenset({"use", "employ", "exploit", "utilise", "utilize"})
"""Verbs whose object is an instrument: their to-infinitive is a purpose the subject pursues
("used his blog to criticise", "used helicopters to attack"), subject control, not object
control (Quirk et al. 1985, §15.13: the purpose infinitive takes the subject as agent)."""

_TIME_UNITS = frozenset(
    {"second", "minute", "hour", "day", "night", "week", "weekend", "fortnight", "month", "year"}
)


def _names_a_time(noun: Token) -> bool:
    """A date or a span of time ("two days", "the week"), which a verb of spending or wasting
    takes as object (spend.v.01 "pass time in a specific way")."""
    return noun.ent_type_ in _NOT_PARTICIPANTS or noun.lemma_.lower() in _TIME_UNITS


def _headline_infinitive_subject(verb: Token) -> list[Token]:
    """Headlinese "EU to probe Alitalia" (the EU will probe it), "Blair ready to call
    election": a verbless title's root noun is the subject of the infinitive it governs, directly
    or through an adjective of readiness."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return []
    head = verb.head
    if verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ == "amod":
        head = head.head
    elif verb.dep_ != "acl":
        return []
    if head.dep_ != "ROOT" or head.pos_ not in {"NOUN", "PROPN"} or not can_act(head):
        return []
    return [head]


def _is_adjunct_gerund(verb: Token, *, passive: bool = False) -> bool:
    """A gerund or participle without a subject, the object of a preposition that modifies a
    verb: "responded by accusing the minister", "was fined for having violated the rules";
    active, or with ``passive``, passive: "face trial after being charged with …", whose
    controller is its patient."""
    prep = verb.head
    return (
        verb.dep_ == "pcomp"
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
        and any(c.dep_ == "auxpass" for c in verb.children) == passive
        and prep.dep_ == "prep"
        and prep.head.pos_ in {"VERB", "AUX"}  # a copula has the subject: "is in trouble after"
    )


def _adjunct_controllers(prep: Token) -> list[Token] | None:
    """Who does what an adjunct gerund tells (adjunct control, Williams 1980): the subject of
    the verb the phrase modifies ("X responded by accusing Y", "X was fined for cutting the
    supply": the surface subject, a passive's too), or, after a preposition of the object's
    deed ("reward Y for giving up", "accuse Y of lying", "prevent Y from fighting"), the
    object, when it names someone. None when the verb has no subject either (the caller climbs
    on); empty when its subject names no one ("the package is aimed at assisting …")."""
    matrix = prep.head
    if prep.lower_ in _OBJECT_DEED_PREPS:
        objects = [c for c in matrix.children if c.dep_ == "dobj" and can_act(c, by_ending=False)]
        if objects:
            return objects[:1]
    subjects = [c for c in matrix.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects:
        return None
    subject = _antecedent_of_relative(matrix, subjects[0])
    return [subject] if can_act(subject, by_ending=False) else []


def _headline_subject(root: Token) -> list[Token]:
    """Headlinese "Donald Trump lands in Washington to meet Obama": the small parser reads the
    verb "lands" as a noun with "Donald Trump" as its compound; a root noun that governs a
    clause takes that name as the subject the clause inherits."""
    if root.dep_ != "ROOT" or root.pos_ != "NOUN":
        return []
    names = [c for c in root.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return names[-1:]


def _antecedent_of_relative(verb: Token, subject: Token) -> Token:
    """ "the rebels who attacked the town", "the men, who were arrested on Monday", "the town
    that rebels attacked": the relative pronoun stands for the noun the relative clause
    modifies, whichever role it fills in its clause (Quirk et al. 1985, §17.10: the relative
    pronoun is coreferent with the antecedent). A pronoun whose gender does not fit the noun
    the parser hangs its clause on ("accused of involvement in fraud who cannot be expelled")
    stays itself, and names no one."""
    if subject.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        antecedent = verb.head
        return antecedent if _agrees_with_relative(subject, antecedent) else subject
    return subject


_ABSTRACT_SUFFIXES = ("ment", "tion", "sion", "ness", "ity", "ance", "ence", "ism")
"""Endings of abstract nouns, of acts, states and qualities ("involvement", "detention",
"illness", "security"; Quirk et al. 1985, App. I.33-37): a person only as a body that acts
("the authorities")."""


def _agrees_with_relative(pronoun: Token, antecedent: Token) -> bool:
    """Whether a relative pronoun fits its antecedent's gender: "who" and "whom" take a
    personal one, never an abstract noun (but "the authorities, who"); "which" a non-personal
    one, never a person's name or a personal pronoun (Quirk et al. 1985, §17.13); "that" takes
    either. A date ("cuts by 2030, which the unions deny") is no participant's antecedent."""
    if antecedent.ent_type_ in _NOT_PARTICIPANTS:
        return False
    if pronoun.lower_ in {"who", "whom"}:
        abstract = antecedent.pos_ == "NOUN" and antecedent.lemma_.lower().endswith(
            _ABSTRACT_SUFFIXES
        )
        return not abstract or can_act(antecedent, by_ending=False)
    if pronoun.lower_ == "which":
        return antecedent.pos_ != "PRON" and antecedent.ent_type_ != "PERSON"
    return True


def _is_passive_conjunct(verb: Token) -> bool:
    """A passive verb coordinated with an earlier one, sharing its subject as its patient."""
    deps = {c.dep_ for c in verb.children}
    return verb.dep_ == "conj" and "auxpass" in deps and "nsubjpass" not in deps


def is_headline_passive(verb: Token) -> bool:
    """Headlinese leaves out the passive's auxiliary and tells past news in the present tense
    ("Singer jailed for swearing": the singer was jailed; "Rebels seize town": they seized it),
    so a headline verb in its past form after its subject, with no auxiliary and no object or
    clause of its own, is a passive participle, whatever the tagger's VBD says (Mårdh 1980,
    *Headlinese*; Biber et al. 1999, §3.13: the reduced register of headlines)."""
    if verb.tag_ not in {"VBD", "VBN"}:
        return False
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if after is not None and after.pos_ in _OBJECT_STARTS:
        return False  # "Weak sales hit Next": a present tense like "hit", its object misparsed
    deps = {c.dep_ for c in verb.children}
    return not deps & _ACTIVE_CLAUSE_DEPS and any(
        c.dep_ == "nsubj" and c.i < verb.i for c in verb.children
    )


_OBJECT_STARTS = frozenset({"NOUN", "PROPN", "DET", "NUM", "PRON"})
"""Words that open a noun phrase: right after the verb, its object."""
_ACTIVE_CLAUSE_DEPS = frozenset({"aux", "auxpass", "dobj", "dative", "ccomp", "nsubjpass"})
"""Dependents that make a past-form verb active, or already passive: an auxiliary ("has
won"), an object ("Police arrested 20"), a reported clause ("Minister admitted he lied")."""


def _is_causative_participle(verb: Token) -> bool:
    """ "having its assets seized", "got his passport confiscated": the -ed small clause of
    "have" or "get" is passive (Quirk et al. 1985, §16.52: causative and experiential "have"
    with an object and an -ed participle), its subject what the act befalls."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in {"ccomp", "xcomp"}
        and verb.head.lemma_.lower() in {"have", "get"}
        and any(c.dep_ == "nsubj" for c in verb.children)
        and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)
    )


def _befalls_the_subject(verb: Token) -> bool:
    """Experiential "have": the small clause's subject is the matrix subject's own ("had its
    assets seized", "got his passport confiscated"), and what happens befalls the subject."""
    return any(
        p.dep_ == "poss" and p.pos_ == "PRON"
        for s in verb.children
        if s.dep_ == "nsubj"
        for p in s.children
    )


def _is_participle_clause(verb: Token) -> bool:
    """A past participle with a subject but no auxiliary after "with": an absolute small
    clause, passive in meaning ("with Delaney injured", "with Neville criticised for ...",
    which the tagger may read as finite, since no finite verb follows "with"); Quirk et al.
    1985, §15.56-59: -ed clauses of transitive verbs are passive."""
    absolute = any(c.dep_ == "mark" and c.lower_ == "with" for c in verb.children)
    if verb.tag_ not in {"VBN", "VBD"} or not absolute:
        return False  # the tagger's VBN is no evidence alone: it writes it for "X called on Y"
    deps = {c.dep_ for c in verb.children}
    return "nsubj" in deps and not deps & _ACTIVE_CLAUSE_DEPS


def _is_participle_adjunct(verb: Token) -> bool:
    """A past participle without subject or auxiliary adjoined to a clause ("limped off
    injured", "Arrested in May, he was freed"): its understood subject, the clause's, is its
    patient, as the -ed clause is passive (see :func:`_is_participle_clause`)."""
    if verb.tag_ != "VBN" or verb.dep_ not in _PARTICIPLE_ADJUNCT_DEPS:
        return False
    deps = {c.dep_ for c in verb.children}
    return not deps & (_ACTIVE_CLAUSE_DEPS | {"nsubj"})


_PARTICIPLE_ADJUNCT_DEPS = frozenset({"advcl", "oprd"})


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children) or verb.tag_ == "VBN"


def _agent_of_harm_conjunct(verb: Token) -> list[Token]:
    """ "a youth was killed and four injured in police firing", "two were killed and five
    injured when police opened fire": a cause phrase after coordinated harms is shared by them
    (it takes scope over the coordination), so a killing without one takes the agent its
    conjunct's phrase names. The small parser may hang the second harm as a participle on its
    count ("four injured"), so that count's participle is a conjunct too."""
    if verb.lemma_.lower() not in HARM_VERBS:
        return []
    conjuncts = [c for c in verb.children if c.dep_ == "conj"]
    conjuncts += [a for c in conjuncts for a in c.children if a.dep_ in {"acl", "amod"}]
    for conjunct in conjuncts:
        if conjunct.pos_ == "VERB" and conjunct.lemma_.lower() in HARM_VERBS:
            agents = _agent_in_event_phrase(conjunct)
            if agents:
                return agents
    return []


def _agent_in_event_phrase(verb: Token) -> list[Token]:
    """ "two men were killed in police firing", "killed in an Israeli air strike": an agentless
    passive whose "in" phrase names the attack takes that attack's agent (an agent noun or a
    demonym/state modifying it)."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"in", "during"}):
        for obj in _objects(prep):
            if obj.lemma_.lower() not in NOUN_TRIGGERS and not is_agent_noun(obj):
                continue  # "died in Los Angeles", "detained in British jails": a place, no act
            for token in (obj, *obj.subtree):
                if token.i > obj.right_edge.i:
                    break
                if is_agent_noun(token) or (
                    token.i != obj.i
                    and token.dep_ in {"amod", "compound", "poss"}
                    and _names_a_country_or_org(token)
                ):
                    return [token]
    for clause in (c for c in verb.children if c.dep_ == "advcl"):
        # "two men were killed when police opened fire": the agent of the clause that tells
        # how they were killed.
        if any(
            (m.dep_ == "advmod" and m.lower_ == "when") or m.dep_ == "mark" for m in clause.children
        ):
            agents = [c for c in clause.children if c.dep_ == "nsubj" and _attacks(c, clause)]
            if agents:
                return agents
    return []


def _attacks(subject: Token, clause: Token) -> bool:
    """Whether the subject of a "when" clause is the killer of the clause above: an agent noun
    ("when police opened fire"), or anyone who can act and whose verb is an attack ("when a mob
    attacked the chowki", "when a gang stabbed him"). A pronoun is left to the clause's own
    event ("he was killed when he fell")."""
    if is_agent_noun(subject):
        return True
    sense = VERB_TRIGGERS.get(clause.lemma_.lower())
    return (
        sense is not None
        and sense.type == "ASSAULT"
        and subject.pos_ != "PRON"
        and can_act(subject, by_ending=False)
    )


def is_agent_noun(token: Token) -> bool:
    """Whether ``token`` is a noun for a state or group agent (police, army, protesters, …)
    from the CAMEO agent lexicon, in any letter case."""
    return token.pos_ in {"NOUN", "PROPN"} and sector_of_word(token) in _AGENT_SECTORS


def can_act(token: Token, *, by_ending: bool = True) -> bool:
    """Whether a subject names someone who can act: a person, group, organisation or state (by
    name, pronoun, sector or person noun, or, with ``by_ending``, an agentive noun ending, a
    looser test: "hunger" and "terror" end like "worker" and "actor"); a thing cannot."""
    lemma = token.lemma_.lower()
    amount = token.ent_type_ in _AMOUNT_ENTITIES or any(c.is_currency for c in token.children)
    if amount or token.pos_ == "NUM" or token.like_num or lemma in NUMBER_WORDS:
        # "Thousands of Kurds demonstrated", "Two were arrested", "44 percent of voters": the
        # counted ones; an amount of money or a measure is no one ("charge up to £1").
        counted = [o for c in token.children if c.lower_ == "of" for o in c.children]
        if counted:
            return can_act(counted[0], by_ending=by_ending)
        return not amount
    return (
        token.pos_ in {"PROPN", "PRON"}
        or token.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}
        or sector_of_word(token) is not None
        or lemma in PERSON_NOUNS
        or token.lower_ in PERSON_NOUNS
        or (by_ending and lemma.endswith(AGENT_SUFFIXES) and not lemma.endswith(NON_AGENT_ENDINGS))
        or country_for_demonym(token.text) is not None
    )


def sector_of_word(token: Token) -> str | None:
    """The CAMEO/PLOVER sector code a word names, case-insensitively: the last word of a police
    unit's name ("crime branch", "rapid action force") names police, and a part of a word the
    tokenizer split at its hyphens ("sub-inspector") names what the whole word names."""
    if token.lower_ in _UNIT_LAST_WORDS and _ends_police_unit_name(token):
        return "COP"
    return (
        SECTOR_WORDS.get(token.lower_)
        or SECTOR_WORDS.get(token.lemma_.lower())
        or SECTOR_WORDS.get(_hyphenated_word(token).lower())
    )


def _is_police_office(head: Token) -> bool:
    """ "the commissioner of police", "the deputy superintendent of police": an office whose
    "of" phrase is the police is a police rank."""
    return head.lemma_.lower() in POLICE_OFFICES and any(
        o.dep_ == "pobj" and sector_of_word(o) == "COP"
        for c in head.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for o in c.children
    )


def _modifier_sector(token: Token) -> str | None:
    """The sector a modifier names by its form ("police station"), or as the last word of a
    police unit's name ("rapid action force personnel")."""
    if token.lower_ in _UNIT_LAST_WORDS and _ends_police_unit_name(token):
        return "COP"
    return SECTOR_WORDS.get(token.lower_)


_UNIT_LAST_WORDS = frozenset(name.split()[-1] for name in POLICE_UNIT_NAMES)


def _ends_police_unit_name(token: Token) -> bool:
    """Whether the text up to ``token`` ends with one of :data:`POLICE_UNIT_NAMES`."""
    text = token.doc.text
    end = token.idx + len(token)
    for name in POLICE_UNIT_NAMES:
        start = end - len(name)
        if start >= 0 and text[start:end].lower() == name:
            return start == 0 or not text[start - 1].isalnum()
    return False


_HYPHEN_REACH = 2
"""Hyphens followed each way from a token: "sub-inspector", "station-house-officer"."""


def _hyphenated_word(token: Token) -> str:
    """The whole word a token is part of when the tokenizer split it at its hyphens (no space
    either side): "sub-inspector" for "sub" or "inspector"; the token itself otherwise."""
    start, end = _hyphen_bounds(token)
    return token.doc[start:end].text


def _hyphen_bounds(token: Token) -> tuple[int, int]:
    doc = token.doc
    start, end = token.i, token.i + 1
    for _ in range(_HYPHEN_REACH):
        if start >= 2 and doc[start - 1].text == "-" and _joined(doc, start - 2):
            start -= 2
    for _ in range(_HYPHEN_REACH):
        if end + 1 < len(doc) and doc[end].text == "-" and _joined(doc, end - 1):
            end += 2
    return start, end


def _joined(doc: Doc, i: int) -> bool:
    """Whether tokens ``i``, ``i + 1`` (a hyphen) and ``i + 2`` are written without spaces."""
    return not doc[i].whitespace_ and not doc[i + 1].whitespace_ and doc[i + 2].is_alpha


def _noun_roles(noun: Token, event_type: str) -> tuple[list[Token], list[Token]]:
    """Agent and patient of an event noun: an actor modifier or possessor ("Russia's attack"),
    "by"/"between"/"with" phrases, "on"/"against" targets and, for harm and coercion, the
    objective "of" ("the bombing of the building", "the arrest of 12 men"); a participle that
    describes the event gives its agent ("attacks carried out by militants"); the subject of a
    light verb acts ("Islamic State launched a series of attacks"), and what the event does
    as a subject it does to its target ("the explosion destroyed the bakery")."""
    actors: list[Token] = []
    targets: list[Token] = []
    parties: list[Token] = []  # the other side of talks or a deal: "talks with X"
    for child in noun.children:
        if (
            child.dep_ in {"amod", "compound", "nmod"}
            and (_names_a_country_or_org(child) or is_agent_noun(child))
            and not _names_a_scene(child, event_type)
        ) or (child.dep_ == "poss" and child.pos_ in {"PROPN", "NOUN"}):
            if child.ent_type_ in _NOT_PARTICIPANTS:  # "Saturday's attack" names a time
                continue
            if child.dep_ == "poss" and not _is_agent_possessor(child, noun):
                targets.append(child)  # "Anna's murder": the victim
            else:
                actors.append(child)
        elif child.dep_ == "poss" and child.lower_ in _GROUP_POSSESSIVES:
            actors.extend(_binding_subject(noun))
        elif child.dep_ == "poss" and child.lower_ in _PERSONAL_POSSESSIVES:
            if event_type in _POSSESSOR_AGENT_TYPES:
                actors.append(child)  # "his pledge", "her refusal": the one who pledged
            elif _is_victims_time(noun):
                targets.append(child)  # "jailed after his arrest": the one arrested
        elif child.dep_ == "prep":
            objects = _objects(child)
            if child.lower_ in {"by", "between", "among"} or (
                child.lower_ == "with" and event_type in _AGREEMENT_TYPES
            ):  # "talks with X" has two parties; "a protest with X" is lodged with X
                # ("an agreement by June" names a deadline, not who agrees)
                found = [o for o in objects if o.ent_type_ not in _NOT_PARTICIPANTS]
                actors.extend(found)
                parties.extend(found if child.lower_ in _PARTY_PREPS else [])
            elif child.lower_ in {"on", "against"} and event_type != "CONSULT":
                targets.extend(o for o in objects if o.ent_type_ != "DATE")
            elif child.lower_ in _ADDRESSEE_PREPS and event_type not in _MOVEMENT_TYPES:
                # "an ultimatum to Ecuador", "a protest with Albania", "aid to Haiti"
                targets.extend(o for o in objects if can_act(o, by_ending=False))
            elif child.lower_ == "for" and event_type == "SUPPORT":
                # "support for the rebels", "backing for the plan's authors" (CAMEO 05)
                targets.extend(o for o in objects if can_act(o))
            elif child.lower_ == "from" and event_type in _SOURCED_TYPES:
                # "demands from the rebels", "threats from Moscow", "aid from Japan"
                actors.extend(o for o in objects if can_act(o, by_ending=False))
            elif child.lower_ == "of" and event_type in _OBJECTIVE_OF_TYPES:
                targets.extend(o for o in objects if o.ent_type_ not in _NOT_PARTICIPANTS)
        elif child.dep_ == "acl":
            actors.extend(o for a in child.children if a.dep_ == "agent" for o in _objects(a))
    if not actors:
        actors = _participant_subject(noun) or _subject_of_manner_adjunct(noun)
    governor = _through_quantity(noun)
    if event_type in _AGREEMENT_TYPES and (party := _concluding_verb(governor)) is not None:
        actors = [c for c in party.children if c.dep_ == "nsubj"] + actors
        actors += phrase_objects(party, _PARTY_PREPS)  # "signed a deal with China"
    elif governor.dep_ == "dobj" and governor.head.lemma_.lower() in EVENT_LIGHT_VERBS:
        # "Trump and Obama hold a White House meeting": the subject of the light verb is the
        # actor, ahead of any modifier of the noun.
        # The parties the noun names stay ("held talks with X": X talks too).
        subjects = [c for c in governor.head.children if c.dep_ == "nsubj"]
        actors = subjects + parties if subjects else actors
    elif governor.dep_ == "nsubjpass" and governor.head.lemma_.lower() in EVENT_LIGHT_VERBS:
        # "a crackdown was launched by the minister", "the raid was carried out by rebels": the
        # passive light verb's "by" agent is the subject of its active, the event's actor
        agents = [
            o
            for a in governor.head.children
            if a.dep_ == "agent"
            for o in _objects(a)
            if o.ent_type_ not in _NOT_PARTICIPANTS
        ]
        actors = agents + parties if agents else actors
    elif governor.dep_ == "dobj" and event_type in _GIVEN_TYPES:
        actors, targets = _giver_and_receiver(governor.head, actors, targets)
    undergoers = _undergoers(governor)
    if undergoers:
        actors = [a for a in actors if a not in undergoers] + _sources_of_undergone(governor)
        targets = undergoers + [t for t in targets if t not in undergoers]
    if not targets and event_type in _CAUSING_TYPES:
        targets = _affected_by(noun)
    return _distinct(_with_conjuncts(actors)), _with_conjuncts(targets)


_HANDING_VERBS: Final = GIVING_VERBS | {"hand"}
"""Verbs of giving (hand.v.01 "place into the hands or custody of"), whose passive subject is
the recipient of what they give ("was handed a four-year ban", "were given warnings")."""


def _undergoers(noun: Token) -> list[Token]:
    """Who undergoes the act an event noun names, by the support verb that governs it: the
    subject of an undergoing verb taking it as object ("the firm faces an inquiry", "the
    winger is serving a ban"; :data:`UNDERGOING_VERBS`), of a verb of state with an "under"
    phrase ("came under fire", "is under inquiry"), or the passive subject of a giving verb
    ("was handed a ban": the recipient). A verb without a subject of its own
    takes the one it inherits ("could face charges", "expected to face a ban")."""
    verb = noun.head
    if noun.dep_ == "dobj" and verb.lemma_.lower() in UNDERGOING_VERBS:
        deps = {"nsubj"}
    elif noun.dep_ == "dobj" and verb.lemma_.lower() in _HANDING_VERBS:
        deps = {"nsubjpass"}
    elif _is_under(noun) and verb.head.lemma_.lower() in UNDERGOING_STATE_VERBS:
        verb, deps = verb.head, {"nsubj"}
    else:
        return []
    subjects = [_antecedent_of_relative(verb, c) for c in verb.children if c.dep_ in deps]
    if not subjects and "nsubj" in deps:
        subjects = _inherited_subject(verb)
    return [s for s in subjects[:1] if not _names_no_one(s)]


def _is_under(noun: Token) -> bool:
    """ "under criticism", "under investigation by regulators", "under the scrutiny of": the
    object of "under" after a verb of state names an act its holder is subject to."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "under"


def _sources_of_undergone(noun: Token) -> list[Token]:
    """Whom an undergone act comes from: a "from" phrase of the noun or of its verb that names
    someone ("came under attack from rebels", "faced criticism from unions", "receives aid
    from the League")."""
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    found = phrase_objects(noun, {"from"}) + phrase_objects(verb, {"from"})
    return [o for o in found if _names_someone(o) and o.ent_type_ not in {"FAC", "LOC"}]


def _giver_and_receiver(
    verb: Token, actors: list[Token], targets: list[Token]
) -> tuple[list[Token], list[Token]]:
    """Aid or support a verb of giving takes as object: the verb's subject gives it and its
    dative or "to" phrase receives it ("the union gave its support to the chancellor", "lent
    support to the coalition", "provided aid to the refugees"; NomBank's support verbs of "aid"
    and "support", whose ARG0 and ARG2 are the verb's subject and recipient)."""
    if verb.lemma_.lower() not in GIVING_VERBS:
        return actors, targets
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    receivers = [o for o in _to_phrase_objects(verb) if can_act(o)]
    receivers += [c for c in verb.children if c.dep_ == "dative" and c.pos_ in _NOMINAL]
    return subjects or actors, targets or receivers


def _participant_subject(noun: Token) -> list[Token]:
    """Who took part in an event a noun names, by the predicate of participation around it:
    "X was involved in the attack", "X took part in the protest", "X is responsible for the
    blast", "X was behind the bombing" — the subject of that predicate is the event's agent."""
    if noun.dep_ == "compound":
        noun = noun.head  # "involved in the assassination attempt"
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.head == prep:
        return []
    predicate = prep.head
    if _is_on_strike(noun, prep):
        if predicate.pos_ in _NOMINAL:
            return [predicate]  # headlinese "Russian ex-spy on hunger strike"
        if predicate.lemma_.lower() in _STATE_VERBS:
            clause = predicate.head if predicate.dep_ == "xcomp" else predicate  # "want to go"
            subjects = [s for s in predicate.children if s.dep_ == "nsubj"]
            return (subjects or [s for s in clause.children if s.dep_ == "nsubj"])[:1]
    lemma = predicate.lemma_.lower()
    if lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "part" for c in predicate.children):
        lemma = "part"  # "took part in the protest", the phrase attached to the verb
    if (prep.lower_, lemma) not in PARTICIPATION_PREDICATES:
        return []
    clause = predicate
    if predicate.dep_ in {"acomp", "dobj", "attr"} and predicate.pos_ != "VERB":
        clause = predicate.head  # "is responsible for", "took part in"
    subjects = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects and predicate.dep_ == "amod":
        subjects = [predicate.head]  # "the men responsible for the attack"
    return [_antecedent_of_relative(clause, s) for s in subjects[:1]]


def _subject_of_manner_adjunct(noun: Token) -> list[Token]:
    """ "resigned in protest", "went on strike in protest at the rosters", "in support of the
    appeal, the club sold its shirts", "shelled the town in retaliation": a bare event noun
    after "in" on a verb tells the purpose or manner of the clause's act, and the clause's
    subject does it (Quirk et al. 1985, 9.7: bare nouns in idiomatic prepositional phrases;
    their understood agent is the subject, as in adjunct control). "Killed in the protest"
    (a determiner) names an event the subject was caught in, not one it staged; a passive's
    subject, or one that receives or undergoes (:data:`UNDERGOING_VERBS`), did nothing."""
    prep = noun.head
    if (
        noun.dep_ != "pobj"
        or prep.lower_ != "in"
        or prep.dep_ != "prep"
        or prep.head.pos_ != "VERB"
        or any(c.dep_ in {"det", "poss", "nummod"} for c in noun.children)
    ):
        return []
    verb = prep.head
    if verb.lemma_.lower() in UNDERGOING_VERBS:
        return []  # "received £2m in donations": the one who receives it gives nothing
    subjects = [c for c in verb.children if c.dep_ == "nsubj"] or _inherited_subject(verb)
    return [_antecedent_of_relative(verb, s) for s in subjects[:1] if can_act(s)]


_STATE_VERBS: Final = frozenset({"be", "go", "remain", "stay", "come"})
"""Verbs that put their subject in, or keep it in, the state a bare "on" phrase names ("were
on strike", "went on hunger strike", "remain on strike", "came out on strike")."""


def _is_on_strike(noun: Token, prep: Token) -> bool:
    """ "on strike", "on hunger strike": a bare noun after "on" names a state its holder is in,
    like "on duty" or "on leave" (Quirk et al. 1985, 9.7: bare nouns in idiomatic prepositional
    phrases), always singular; "a report on the strike" (a determiner) and "to ballot members
    on strikes" (a plural) name a topic."""
    return (
        prep.lower_ == "on"
        and noun.lower_ == "strike"
        and not any(c.dep_ in {"det", "poss"} for c in noun.children)
    )


def _binding_subject(noun: Token) -> list[Token]:
    """The subject that binds "its"/"their" on an event noun in its own clause ("the union
    reiterated its demand", "the rebels ended their offensive"): a possessive pronoun in the
    object of a verb refers to that verb's subject, when that subject can act."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    if noun.dep_ not in {"dobj", "pobj"} or verb.pos_ != "VERB":
        return []
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return [s for s in subjects[:1] if not _names_no_one(s) and can_act(s)]


def _concluding_verb(noun: Token) -> Token | None:
    """The verb that makes the agreement a noun names ("signed a deal", "opted for a deal")."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    elif noun.dep_ != "dobj":
        return None
    return verb if verb.lemma_.lower() in CONCLUDING_VERBS else None


def _through_quantity(noun: Token) -> Token:
    """ "a series of attacks": the quantity noun stands in the clause for the events."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lemma_.lower() in _QUANTITY_NOUNS:
        return prep.head
    return noun


def _affected_by(noun: Token) -> list[Token]:
    """What an attack, accident or disaster noun does to something as the subject (or the
    passive's "by" agent) of a verb: "the blast destroyed the bakery", "the building was
    shattered by an explosion"."""
    verb = noun.head
    if noun.dep_ == "nsubj" and verb.pos_ == "VERB":
        return [c for c in verb.children if c.dep_ == "dobj"]
    if noun.dep_ == "pobj" and verb.dep_ == "agent":
        return [c for c in verb.head.children if c.dep_ == "nsubjpass"]
    return []


def _names_a_scene(modifier: Token, event_type: str) -> bool:
    """A modifier that names where, not who: a city or building ("the Croydon tram crash",
    "a White House meeting"), or any place or people in front of an accident or a disaster
    ("the Asian tsunami": no one acts in a disaster). An initialism the parser labels an
    organisation is one, though GeoNames lists it among a town's alternate names ("UN
    sanctions": Un, India; "IMF support": Imphal's airport code); a town's name it mislabels so
    in lower case stays a scene ("the Croydon tram crash")."""
    if modifier.ent_type_ == "FAC":
        return True
    if event_type in _AGENTLESS_TYPES and modifier.ent_type_ in {"GPE", "LOC", "NORP"}:
        return True
    initialism = modifier.ent_type_ == "ORG" and modifier.text.isupper()
    return modifier.pos_ == "PROPN" and not initialism and is_city_name(modifier.text)


def _names_a_country_or_org(token: Token) -> bool:
    return (
        token.ent_type_ in {"NORP", "GPE", "ORG"}
        or country_for_demonym(token.text) is not None
        or country_for_name(token.text) is not None
    )


_MAX_CONJUNCTS = 12
"""The longest list of coordinated participants followed ("the mayor, his deputy, ...")."""


def _with_conjuncts(heads: list[Token]) -> list[Token]:
    """``heads`` and the members coordinated with each. The parser hangs each member of a
    multiple coordination on the one before it ("the mayor, his deputy and the head of the
    council": "head" is the conjunct of "deputy"), but every member is coordinated with the
    first alike (Quirk et al. 1985, 13.2: multiple coordination), so the chain is followed to
    its end, up to :data:`_MAX_CONJUNCTS` members."""
    expanded: list[Token] = []
    for head in heads:
        if head.is_punct:
            continue  # "the u.s. invasion": the split-off period of "u.s." names no one
        if _names_no_one(head) and _group_antecedent(head) is None:
            continue
        if any(_hyphen_bounds(head)[0] <= h.i < head.i for h in expanded):
            continue  # "by a police sub-inspector": "inspector", misparsed as a second head
        expanded.append(head)
        expanded.extend(_conjunct_chain(head))
    return expanded


def _conjunct_chain(head: Token) -> list[Token]:
    """The conjuncts below ``head``, and theirs in turn, in order (bounded); not one joined by
    an ampersand, which joins the parts of one name ("Deloitte & Touche", BBC business/492;
    "Marks & Spencer")."""
    chain: list[Token] = []
    queue = [c for c in head.children if c.dep_ == "conj"]
    while queue and len(chain) < _MAX_CONJUNCTS:
        member = queue.pop(0)
        if member.i > 0 and member.doc[member.left_edge.i - 1].text == "&":
            continue
        chain.append(member)
        queue.extend(c for c in member.children if c.dep_ == "conj")
    return chain


def _names_no_one(head: Token) -> bool:
    """Whether a head refers to no one: one of :data:`_PRONOUNS_TO_SKIP` ("US" in capitals is
    the United States, not the pronoun "us", which is never written so inside a sentence)
    unless a modifier restricts it (:func:`_is_restricted_demonstrative`), or a phrase under the
    negative determiner "no" (:func:`_is_negated_phrase`)."""
    if _is_negated_phrase(head):
        return True
    return (
        head.lower_ in _PRONOUNS_TO_SKIP
        and not (len(head) > 1 and head.is_upper)
        and not _is_restricted_demonstrative(head)
        and not _is_partitive_of_people(head)
    )


def _is_negated_phrase(head: Token) -> bool:
    """ "no group has claimed the attack", "no residents were injured", "no minister signed it":
    a phrase of people under the negative determiner "no" is a negative quantifier, which picks
    out no referent (Quirk et al. 1985), so it names no participant. A thing so negated ("found
    no wrongdoing") is the content of what is found or denied, not a party."""
    return can_act(head) and any(c.dep_ == "det" and c.lower_ == "no" for c in head.children)


def _is_restricted_demonstrative(head: Token) -> bool:
    """ "those responsible", "those who were killed", "those in custody": the demonstrative
    "those" with a modifier after it is a noun phrase of people, which refers by its modifier
    and not to an antecedent (Quirk et al. 1985: "those who ..."); alone it stays an
    unresolved pronoun."""
    return head.lower_ == "those" and any(
        c.dep_ in {"amod", "relcl", "acl", "prep"} and c.i > head.i for c in head.children
    )


_PARTITIVE_PRONOUNS = frozenset({"one", "some"})
"""Quantifying pronouns that take a partitive "of" phrase ("one of the men", "some of them")."""


def _is_partitive_of_people(head: Token) -> bool:
    """ "one of the suspects was arrested", "some of the protesters were held": a quantifying
    pronoun with a partitive "of" phrase names members of the set that phrase names (Quirk et
    al. 1985: partitive "of"), people when its object names someone (:func:`_names_someone`);
    alone ("one was held"), or of an unresolved pronoun ("some of them"), it names no one."""
    return head.lower_ in _PARTITIVE_PRONOUNS and any(
        o.dep_ == "pobj" and _names_someone(o)
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for o in prep.children
    )


def _participants_for(ctx: DocumentContext, head: Token) -> list[Participant]:
    """One participant per head; a phrase naming several countries is one per country."""
    if head.lower_ in _PERSONAL_PRONOUNS | _PERSONAL_POSSESSIVES:
        return _resolved_pronoun(ctx, head)
    antecedent = _group_antecedent(head) if head.lower_ in _GROUP_PRONOUNS else None
    if antecedent is not None:
        return [
            p.model_copy(
                update={
                    "text": head.text,
                    "start": head.idx,
                    "end": head.idx + len(head),
                    "name": p.name or p.text,
                }
            )
            for p in _participants_for(ctx, antecedent)
        ]
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
    if country is None and sector in _LOCATED_SECTORS:
        country = _located_country(ctx, head)
    appositive = _appositive_name(head) if name is None else None
    if appositive is not None:
        named = ctx.doc[appositive.left_edge.i : _hyphen_bounds(appositive)[1]]  # "Wal-Mart"
        name, named_country = _identify(ctx, named, appositive)
        name, country = name or named.text, country or named_country
    if name is None and head.tag_ == "NN" and head.lemma_.lower() in _REFERRING_BODY_NOUNS:
        name = _organisation_referred_to(ctx, head)
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


def _organisation_referred_to(ctx: DocumentContext, head: Token) -> str | None:
    """ "the company", "the firm": a definite description of an organisation refers back to
    the organisation last named (definite anaphora, as the claims' speakers resolve it)."""
    start, end = mention_bounds(head)
    if end - start != 2 or ctx.doc[start].lower_ != "the":
        return None  # "a company", "the car company" describe; "the company" refers
    speaker = resolve_speaker(ctx, start, end, previous=None)
    return speaker.name if speaker.type == "ORG" and speaker.name != head.text else None


def _appositive_name(head: Token) -> Token | None:
    """The proper name in apposition to a common-noun participant ("the world's largest
    retailer, Northmart", "his Ruritanian counterpart, Jan Kovac", "luxury goods group LVMH"):
    an apposition names the same referent, so the name is the participant's."""
    if head.pos_ != "NOUN" or head.tag_ != "NN":
        return None  # "Nigerian banks, United Bank and Trust Bank": several, not one name
    names = [
        c
        for c in head.children
        if c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ in {"PERSON", "ORG", "GPE"}
    ]
    return names[0] if names else None


def _resolved_pronoun(ctx: DocumentContext, pronoun: Token) -> list[Participant]:
    """ "he", "she": the subject of the clause that embeds the pronoun's clause ("Trump said
    he would meet Obama", "Kasich said he called for calm"), else the person the claims'
    speaker resolution takes as antecedent (:mod:`people`, the most recent subject first);
    none without one. The mention stays the pronoun's span: ``text`` is what the text says; a
    pronoun bound by the embedding subject has that phrase's referent, so its country and
    sector too ("Russia's foreign minister said he would visit …": RUS, GOV)."""
    if pronoun.dep_ == "poss":
        return _resolved_possessor(ctx, pronoun)
    speaker = None
    embedding = _embedding_subject(pronoun)
    if embedding is not None:
        speaker = resolve_speaker(ctx, *mention_bounds(embedding), previous=None)
    if speaker is None or speaker.type != "PERSON":
        embedding = None
        speaker = resolve_speaker(ctx, pronoun.i, pronoun.i + 1, previous=None)
    if speaker.type != "PERSON" or (speaker.name or "he").lower() in _PERSONAL_PRONOUNS:
        return []
    country = sector = None
    if embedding is not None:
        bound = _participants_for(ctx, embedding)[0]
        country, sector = bound.country, bound.sector
    return [
        Participant(
            text=pronoun.text,
            start=pronoun.idx,
            end=pronoun.idx + len(pronoun),
            name=speaker.name,
            country=country,
            sector=sector,
        )
    ]


def _resolved_possessor(ctx: DocumentContext, pronoun: Token) -> list[Participant]:
    """ "his", "her" on an event noun (:func:`_noun_roles` keeps it only where the possessor
    is the agent): bound by the subject of the clause whose object or adjunct the noun is
    ("he went back on his pledge", "if Kovac wins and fulfils his promise"), that subject's
    referent with the pronoun's span; none when the noun is no part of a clause with a person
    for subject ("his threat … took a twist": the person index's guess is too often another)."""
    noun = pronoun.head
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return []
    # "wins and fulfils his promise": a conjunct's subject is the one it inherits; "has been
    # held since his arrest": a passive's subject binds a victim's possessive as well
    deps = {"nsubj", "nsubjpass"} if _is_victims_time(noun) else {"nsubj"}
    subjects = [c for c in verb.children if c.dep_ in deps] or _inherited_subject(verb)
    if not subjects:
        return []
    subject = subjects[0]
    if subject.lower_ in _PERSONAL_PRONOUNS:
        bound = _resolved_pronoun(ctx, subject)
    elif subject.ent_type_ == "PERSON" or ctx.people.is_known_surname(subject):
        bound = _participants_for(ctx, subject)
    else:
        return []
    return [
        p.model_copy(
            update={"text": pronoun.text, "start": pronoun.idx, "end": pronoun.idx + len(pronoun)}
        )
        for p in bound[:1]
    ]


def _embedding_subject(pronoun: Token) -> Token | None:
    """The subject of the verb whose complement or adverbial clause the pronoun is subject of
    (binding across a clause boundary: "X said (that) he ...", "X cried after he ...")."""
    clause = pronoun.head
    if pronoun.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    for _ in range(3):  # bounded: at most three clauses up
        above = _clause_above(clause, {"ccomp", "advcl", "xcomp"})
        if above is None:
            return None
        clause = above
        for child in clause.children:
            if (
                child.dep_ == "nsubj"
                and child.tag_ in {"NN", "NNP"}  # "he" is one person: not "activists"
                and not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in child.children)
            ):  # "his attorney said he": the possessor is the likelier antecedent
                return child
    return None


def _clause_above(clause: Token, deps: set[str]) -> Token | None:
    """The verb of the clause that embeds ``clause`` by one of ``deps``, or whose object's
    content ``clause`` tells ("the firm denied reports (that) it was withdrawing", "she
    rejected claims that she had pulled out": a content clause of the object is embedded in
    the verb's clause as a complement is, and its subject is bound the same way)."""
    if clause.head == clause:
        return None
    if clause.dep_ in deps:
        return clause.head
    noun = clause.head
    if clause.dep_ == "acl" and noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
        return noun.head
    return None


def _group_antecedent(pronoun: Token) -> Token | None:
    """The state, organisation or group an "it"/"they" subject stands for: the subject of the
    clause that embeds the pronoun's clause, when it names such an actor ("Syria says it is
    willing to withdraw", "rebel leaders said they would meet") — an embedded subject pronoun
    is bound by the matrix subject, the commonest anaphora of reported news. "it" takes a
    singular state or organisation, "they" a plural group; a thing takes neither."""
    if pronoun.lower_ not in _GROUP_PRONOUNS or pronoun.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    clause = pronoun.head
    for _ in range(3):  # bounded: at most three clauses up
        above = _clause_above(clause, {"ccomp", "advcl", "xcomp", "conj"})
        if above is None:
            return None
        clause = above
        subjects = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not subjects:
            continue
        if _can_be_bound(pronoun, subjects[0]):
            return subjects[0]
        return _body_spoken_for(subjects[0]) if pronoun.lower_ == "it" else None
    return None


def _can_be_bound(pronoun: Token, subject: Token) -> bool:
    if (
        subject.ent_type_ == "PERSON"
        or _names_no_one(subject)
        or subject.lower_ in _PERSONAL_PRONOUNS
    ):
        return False
    if pronoun.lower_ == "it":
        return _names_a_body(subject)
    plural = (
        subject.tag_ in {"NNS", "NNPS"}
        or subject.lower_ in _PLURAL_ONLY_NOUNS
        or any(c.dep_ == "conj" for c in subject.children)
    )
    return plural and can_act(subject, by_ending=False)


def _names_a_body(subject: Token) -> bool:
    """Whether "it" can stand for ``subject``: one state, organisation or body, by name ("Iraq",
    "General Motors": a name is singular whatever its form, so a plural-looking organisation
    name, tagged NNPS, counts) or by a noun for an organisation ("the company", "the ministry",
    "the union"); "it" never stands for a person or for several."""
    if subject.tag_ == "NNPS":
        return subject.ent_type_ in {"GPE", "ORG"}
    if subject.lemma_.lower() in PERSON_TITLE_NOUNS:
        return False  # "the minister said it …": "it" is not the minister
    return subject.tag_ in {"NN", "NNP"} and (
        subject.ent_type_ in {"GPE", "ORG"}
        or country_for_name(subject.text) is not None
        or is_agent_noun(subject)
        or subject.lemma_.lower() in _BODY_NOUNS
    )


def _body_spoken_for(subject: Token) -> Token | None:
    """The organisation a spokesperson or official in a subject speaks for: "an Eastport
    spokesman said it would …", "a spokesman for the bank said it had …". "it" cannot stand
    for the person, so it stands for the body the person's phrase names (a name or
    organisation noun modifying the person, or the object of its "for"/"of"/"at" phrase).
    Bounded: the subject's own dependents and those of its "for"/"of"/"at" phrases."""
    if subject.lemma_.lower() not in PERSON_TITLE_NOUNS:
        return None
    candidates = [c for c in subject.children if c.dep_ in {"compound", "poss", "nmod"}]
    candidates += phrase_objects(subject, {"for", "of", "at"})
    bodies = [c for c in candidates if c.ent_type_ != "PERSON" and _names_a_body(c)]
    return bodies[0] if len(bodies) == 1 else None


def _phrase_bounds(head: Token) -> tuple[int, int]:
    """The participant phrase: modifiers on the left, "of"/"around" phrases on the right."""
    start = head.i
    for child in head.lefts:
        if child.dep_ == "poss" and head.ent_type_ == "PERSON":
            continue  # "Brazil's Massa" is Massa
        if child.lower_ == "dead" and child.i > 0 and head.doc[child.i - 1].pos_ == "VERB":
            continue  # "shot dead two men": the result of the verb, misparsed onto its object
        if child.dep_ in _LEFT_DEPS:
            start = min(start, child.left_edge.i)
    end = head.i + 1
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in {"of", "around"}:
            if not _is_verbs_charge(head, child):
                end = max(end, child.right_edge.i + 1)
        elif child.dep_ == "compound" or is_counted_participle(child):
            end = max(end, child.i + 1)  # "the two accused"
    doc = head.doc
    while start < head.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    start = after_glued_time(head, start)
    start, end = _whole_words(doc, head, start, end)
    if _is_split_abbreviation(doc, end):
        end += 1
    return start, end


def _is_verbs_charge(head: Token, prep: Token) -> bool:
    """Whether an "of" phrase the parser hangs on the object of a verb of charging is the
    verb's own complement, the deed charged (Quirk et al. 1985, §16.60: "accuse sb of sth"): a
    gerund ("accused the minister of misleading parliament", "suspected the player of taking
    drugs") or a noun that names no one ("accused the minister of corruption"). "Accused the
    director of the company of fraud" keeps the company in the director's phrase; a capitalised
    "-ing" word of a title-case headline may be a noun ("Friend of Boston Bombing Suspect")."""
    verb = head.head
    if head.dep_ != "dobj" or verb.lemma_.lower() not in CHARGING_VERBS:
        return False
    after = prep.doc[prep.i + 1] if prep.i + 1 < len(prep.doc) else prep
    if after.tag_ == "VBG" and not after.is_title:
        return True  # "of misleading parliament", whatever the parser made of the gerund
    objects = _objects(prep)
    return bool(objects) and not any(can_act(o, by_ending=False) for o in objects)


def is_counted_participle(verb: Token) -> bool:
    """ "the two accused", "the four injured": a bare participle right after the numeral the
    small parser hangs it from is a noun counted by the numeral (people), not a verb."""
    head = verb.head
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in {"acl", "amod"}
        and head.i == verb.i - 1
        and head.pos_ == "NUM"
        and not any(True for _ in verb.children)
    )


_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "attr"})


def _whole_words(doc: Doc, head: Token, start: int, end: int) -> tuple[int, int]:
    """A phrase neither starts nor ends inside a word the tokenizer split at its hyphens: the
    word is taken whole ("a police sub-inspector", headed by "sub"; "Ex-PM Lord Callaghan"),
    unless the small parser made its other part the head of another phrase ("co" heads one
    participant and "founder Steve Jobs" the next): then the word is left to that phrase."""
    first, last = _hyphen_bounds(doc[start])
    if first < start:
        start = last if _heads_other_phrase(doc[first:start], first, last, head) else first
    first, last = _hyphen_bounds(doc[end - 1])
    if last > end:
        end = first if _heads_other_phrase(doc[end:last], first, last, head) else last
    return start, end


def _heads_other_phrase(part: Span, first: int, last: int, head: Token) -> bool:
    """Whether ``part``, the piece of the hyphenated word ``[first, last)`` outside a phrase,
    heads another phrase; never when the phrase's own head is in the word."""
    return not first <= head.i < last and any(t.dep_ in _ARGUMENT_DEPS for t in part)


def _is_split_abbreviation(doc: Doc, end: int) -> bool:
    """ "u.s." in lower-case text: the tokenizer knows "U.S." as one word but splits the
    lower-case form into "u.s" and ".", so the abbreviation's closing period belongs back to
    the phrase ("u.s." is the United States, "u.s" is nothing)."""
    last = doc[end - 1]
    return (
        end < len(doc)
        and doc[end].text == "."
        and not last.whitespace_
        and "." in last.text
        and last.text.replace(".", "").isalpha()
    )


NATIONS_WITHIN_A_STATE: Final = frozenset({"england", "scotland", "wales", "northern ireland"})
"""The countries of the United Kingdom (ISO 3166-2:GB subdivisions of category "country"): each
fields its own national teams and Scotland, Wales and Northern Ireland have their own
governments, so "Wales make two changes" or "Scotland consults on a bill" names Wales or
Scotland, not the United Kingdom, though the state's code (GBR) is theirs."""


def _identify(ctx: DocumentContext, phrase: Span, head: Token) -> tuple[str | None, str | None]:
    """Canonical name and ISO3 country of a participant phrase."""
    iso3 = country_for_name(phrase.text) or country_for_demonym(phrase.text)
    if iso3 is not None:
        nation = " ".join(phrase.text.split())
        if nation.lower() in NATIONS_WITHIN_A_STATE:
            return nation, iso3
        return country_name(iso3), iso3
    if _is_people_noun(head):
        return None, _group_country(phrase, head)
    if head.ent_type_ == "PERSON" or ctx.people.is_known_surname(head):
        return ctx.people.canonical(head.text, head.i), _country_of_title(phrase, head)
    if phrase.text.lower() in IGO_NAMES:
        return phrase.text, None
    for ent in ctx.entities_in(phrase):
        if ent.label_ != "GPE":
            continue
        iso3 = country_for_name(ent.text) or _place_country(ctx, ent.start_char, ent.end_char)
        if iso3 is not None:
            return None, iso3
    for token in phrase:
        iso3 = country_for_demonym(token.text) or (
            country_for_name(token.text) if _is_name_like(token, head) else None
        )
        if iso3 is not None:
            return None, iso3
    if head.ent_type_ in {"ORG", "GPE", "NORP"}:
        return _entity_name(head, phrase), None
    return None, None


def _is_people_noun(head: Token) -> bool:
    """A plural demonym ("Serbs", "Bosnian Serbs", "Kurds"): a people, whatever the small
    recogniser makes of it (it often tags such a phrase a PERSON)."""
    return head.tag_ in {"NNS", "NNPS"} and country_for_demonym(head.text) is not None


def _group_country(phrase: Span, head: Token) -> str | None:
    """A people's country: its modifier's ("Bosnian Serbs" are of Bosnia) else its own."""
    for token in phrase:
        if token.i < head.i and (iso3 := country_for_demonym(token.text)) is not None:
            return iso3
    return country_for_demonym(head.text)


def _place_country(ctx: DocumentContext, start: int, end: int) -> str | None:
    """The country of the first place the geoparser resolved in ``[start, end)``:
    "Beirut rejected the appeal" (a capital or a town standing for its government or people,
    the commonest metonymy of place names in news, GeoWebNews's "metonymic" toponyms)."""
    for place in places_between(ctx.places, start, end):
        if place.country and not place.is_demonym and _can_stand_for_a_polity(place):
            return place.country
    return None


def _can_stand_for_a_polity(place: Place) -> bool:
    """A country, a division or a city of :data:`METONYMY_MIN_POPULATION` people: "Beirut",
    "California", "Sydney" act for their governments or people; a village of the name of a
    character ("Santa Claus", Indiana) or of a club ("Sociedad") is most likely a misreading."""
    if place.feature is None or not place.feature.startswith("P."):
        return place.feature is not None
    return any(
        entry.geonameid == place.geonameid and entry.population >= METONYMY_MIN_POPULATION
        for entry in gazetteer().lookup(place.text)
    )


def _located_country(ctx: DocumentContext, head: Token) -> str | None:
    """The country of the place a group is said to be in: "rebels in the Ivory Coast",
    "security forces in Guinea", "a newspaper based in Beirut". Only for the sectors that
    act at home (:data:`_LOCATED_SECTORS`): soldiers or reporters in a country may be
    foreign."""
    based = [a for a in head.children if a.dep_ == "acl" and a.lemma_.lower() == "base"]
    for obj in (o for h in (head, *based) for o in phrase_objects(h, {"in"})):
        country = _place_country(ctx, obj.left_edge.idx, obj.idx + len(obj))
        if country is not None:
            return country
    return None


def _entity_name(head: Token, phrase: Span) -> str:
    """The whole name the head ends ("Royal Mail", "Police Federation"), not its last word,
    within the participant's phrase ("Amnesty International and Liberty" are two). Walks the
    entity's own tokens (IOB tags), not the document's entity list."""
    doc = head.doc
    start, end = head.i, head.i + 1
    if head.ent_iob_ == "I":
        while start > phrase.start and doc[start].ent_iob_ == "I":
            start -= 1
    while end < phrase.end and doc[end].ent_iob_ == "I":
        end += 1
    return doc[max(start, phrase.start) : end].text.removeprefix("the ").removeprefix("The ")


def _is_name_like(token: Token, head: Token) -> bool:
    """A proper name, or a capitalised pre-modifier the small tagger took for an adjective
    ("the Mozambique government")."""
    return token.pos_ == "PROPN" or (token.i < head.i and token.is_title)


def _country_of_title(phrase: Span, head: Token) -> str | None:
    """The country in a person's title ("Serbian President X", "Kenya's foreign minister X"):
    CAMEO codes a state's official with the state's country."""
    for token in phrase:
        if token.i >= head.i or token.ent_type_ == "PERSON":
            continue
        iso3 = country_for_demonym(token.text) or (
            country_for_name(token.text) if token.is_title or token.is_upper else None
        )
        if iso3 is not None:
            return iso3
    return None


def _sector_of(phrase: Span, head: Token) -> str | None:
    """Sector from the head noun, else from a modifier ("government headquarters" -> GOV)."""
    sector = sector_of_word(head)
    if sector is not None:
        return sector
    if _is_police_office(head):
        return "COP"
    if phrase.text.lower().removeprefix("the ") in IGO_NAMES or head.lower_ in IGO_NAMES:
        return "IGO"
    title = head.lemma_.lower() in PERSON_TITLE_NOUNS or head.ent_type_ == "PERSON"
    for token in phrase:
        if token.i < head.i and not _is_general_not_rank(token, head):
            sector = _modifier_sector(token)
            if sector is not None and not (title and sector == "CVL"):
                # a title's modifier names the office's domain: "home secretary" is no civilian
                return sector
    return None


def _is_general_not_rank(token: Token, head: Token) -> bool:
    """ "general" that is no military rank: after another title it means "chief" ("Secretary
    General Kofi Annan", "Attorney General"), and in front of no person it is a word of a
    company's name ("General Motors", "General Electric")."""
    if token.lower_ != "general":
        return False
    before = token.doc[token.i - 1] if token.i > 0 else None
    after_title = before is not None and before.lemma_.lower() in PERSON_TITLE_NOUNS
    return after_title or head.ent_type_ != "PERSON"
