"""Whether an event occurred, is ongoing, planned, threatened, negated or hypothetical.

Decided from the trigger's clause: negation, modal auxiliaries, the verbs that govern it
("set to resume" is planned, "threatened to strike" threatened, "expects attacks"
hypothetical) and finally tense.
"""

from __future__ import annotations

from typing import Final

from spacy.tokens import Token

from services.extract.domain.lexicon import (
    DIRECTIVE_LEMMAS,
    EVENT_LIGHT_VERBS,
    FUTURE_AUXILIARIES,
    HYPOTHETICAL_AUXILIARIES,
    HYPOTHETICAL_VERBS,
    NEGATING_VERBS,
    NOUN_TRIGGERS,
    PLAN_VERBS,
    THREAT_VERBS,
    UNREALIZED_MODIFIERS,
)
from shared.models import EventStatus

_VERBAL = frozenset({"VERB", "AUX"})
_COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "advcl", "pcomp"})
_BASE = frozenset({"VB", "VBP"})
"""The base form: in a "that" clause under a directive, English's mandative subjunctive (the
demanded act, not yet done: "insists that he resign")."""
_REPORTING = frozenset({"say", "tell", "announce", "report", "state", "add"})
_IMPLICATIVE = frozenset({"manage", "continue", "begin", "start", "keep", "help", "use"})
_PREVENTING = frozenset({"avert", "avoid", "prevent", "stem", "forestall", "stave"})
_THWARTING = frozenset({"thwart", "foil", "halt", "stop"})
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})
_LIKELIHOOD_ADJECTIVES = frozenset({"likely", "unlikely", "possible", "probable"})
_FUTURE_TEMPORAL_MARKS = frozenset({"before", "until", "till", "once"})
_NON_FACTIVE = frozenset({"allege", "claim", "purport", "rumour", "rumor"})
"""Reporting verbs that do not commit the writer to their complement ("claimed that troops
had fired": the firing is asserted by the claimant only; FactBank/MEANTIME: not certain)."""


def clause_verb(trigger: Token) -> Token | None:
    """The verb whose clause holds the trigger: the trigger itself, or the nearest verb above."""
    token = trigger
    for _ in range(5):
        if token.pos_ in _VERBAL:
            return token
        if token.head == token:
            return None
        token = token.head
    return None


def status_of(trigger: Token, *, headline: bool = False) -> EventStatus:
    """The status of the event named by ``trigger``.

    In a headline the simple present tells of the past ("Taliban attacks consulate"), so an
    event that would be ongoing there occurred.
    """
    status = _status(trigger)
    if headline and status == "ongoing":
        verb = clause_verb(trigger)
        if verb is None or verb.tag_ in _PRESENT_TAGS or verb.tag_ == "VBG":
            return "occurred"
    return status


def _status(trigger: Token) -> EventStatus:
    verb = clause_verb(trigger)
    if _is_negated(trigger) or (
        verb is not None and verb is not trigger and _noun_negated(trigger, verb)
    ):
        return "negated"
    if verb is trigger and _has_negative_subject(verb):
        return "negated"
    for child in trigger.children:
        if child.dep_ == "amod" and child.lower_ in UNREALIZED_MODIFIERS:
            return "planned" if UNREALIZED_MODIFIERS[child.lower_] == "planned" else "hypothetical"
    framed = _status_from_framing_word(trigger)
    if framed is not None:
        return framed
    if _is_anticipated(trigger):
        return "planned"
    if any(c.dep_ == "det" and c.lower_ == "any" for c in trigger.children):
        # "opposed to any deal", "part of any agreement": "any" picks out no particular
        # event, so none is asserted (FactBank: non-specific, not factual)
        negated = verb is not None and _status_of_clause(verb) == "negated"
        return "negated" if negated else "hypothetical"
    if verb is None or _is_topic(trigger):
        return "occurred"
    if verb is not trigger:
        governed = _status_from_governing_verb(trigger, verb)
        if governed is not None:
            return governed
        if trigger.dep_ in {"nsubj", "nsubjpass"} and not _brings_about(trigger, verb):
            return _status_of_clause(verb, negation=False)
    elif _is_asked(verb) or _is_hedged(verb):
        return "hypothetical"
    return _status_of_clause(verb)


_FRAMING_NOUNS: dict[str, EventStatus] = {
    # a plan names an act decided on and not yet done (TimeML: a modal SLINK)
    **dict.fromkeys(("plan", "proposal", "preparation"), "planned"),
    # a threat is an act announced as a sanction (CAMEO 13)
    "threat": "threatened",
    # attitudes and chances: the event is feared, hoped for or judged possible, not asserted
    # (FactBank: possible or probable, MEANTIME: POSSIBLE)
    **dict.fromkeys(
        ("fear", "hope", "risk", "danger", "prospect", "possibility", "chance", "likelihood"),
        "hypothetical",
    ),
    # directives: what is demanded is not done (CAMEO 10)
    **dict.fromkeys(("call", "demand", "appeal", "plea", "request"), "hypothetical"),
    # non-factive reports: the writer does not vouch for what is alleged (FactBank: uncommitted)
    **dict.fromkeys(
        ("allegation", "accusation", "claim", "rumour", "rumor", "speculation", "suspicion"),
        "hypothetical",
    ),
}
"""Nouns whose "of"/"for" object or "that" clause names an event that has not
happened, or that the writer does not vouch for ("plans for a strike",
"fears of an attack", "claims that troops fired")."""

_ALLEGING: Final = frozenset({"accuse", "suspect"})
"""Verbs whose "of" gerund is a deed alleged ("accused of killing", "suspected of bombing")."""

_FRAMING_VERBS: dict[str, EventStatus] = {
    **dict.fromkeys(("plan", "prepare", "vote"), "planned"),
    **dict.fromkeys(THREAT_VERBS, "threatened"),
    **dict.fromkeys(("hope", "press", "push", "campaign", "lobby"), "hypothetical"),
    **dict.fromkeys(DIRECTIVE_LEMMAS, "hypothetical"),
    # an accusation does not establish the deed; a conviction does ("convicted of killing")
    **dict.fromkeys(_ALLEGING, "hypothetical"),
}
"""Verbs whose "for"/"of" object is an act sought, prepared, threatened or alleged, not done
("voted for a strike", "called for talks", "warned of attacks", "accused of attacking")."""

_FRAMING_PREPOSITIONS = frozenset({"of", "for"})


def _status_from_framing_word(trigger: Token) -> EventStatus | None:
    """The status a noun or verb puts on the event it frames: its "of"/"for" object ("plans for
    a strike") or its "that" clause ("claims that rebels attacked"); the object of "without"
    is negated ("left without a fight")."""
    head = trigger.head
    if trigger.dep_ in {"pobj", "pcomp"}:
        if head.lower_ == "without":
            return "occurred" if _is_counterfactual(head.head) else "negated"
        if head.lower_ not in _FRAMING_PREPOSITIONS or head.dep_ != "prep":
            return None
        framer = head.head
        if framer.pos_ == "VERB":
            if framer.lemma_.lower() in _ALLEGING and trigger.tag_ != "VBG":
                return None  # "accused of a broken pledge": the breaking is alleged, not the pledge
            return _FRAMING_VERBS.get(framer.lemma_.lower())
    elif trigger.dep_ == "acl" and any(
        c.dep_ == "mark" and c.lower_ == "that" for c in trigger.children
    ):
        framer = head
    else:
        return None
    if framer.pos_ != "NOUN" or framer.lemma_.lower() not in _FRAMING_NOUNS:
        return None
    if any(c.dep_ == "det" and c.lower_ == "no" for c in framer.children):
        return "negated"  # "there is no plan for an invasion"
    return _FRAMING_NOUNS[framer.lemma_.lower()]


_ANTICIPATING: Final = frozenset({("ahead", "of"), ("advance", "of")})
"""Phrases whose object is an event still to come when the sentence is told ("said ahead of
talks on Friday", "shares rose in advance of the meeting"): the clause is timed before it
(TimeML: the event is AFTER the reference time; MEANTIME: FUTURE)."""


def _is_anticipated(trigger: Token) -> bool:
    """The object of "ahead of" or "in advance of", or what one looks forward to ("looking
    forward to welcoming England"): an event awaited, not yet come."""
    preposition = trigger.head
    if trigger.dep_ == "pobj" and (preposition.head.lower_, preposition.lower_) in _ANTICIPATING:
        return True  # not a gerund: "came second ahead of promising Dale" ranks, not times
    if trigger.dep_ not in {"pobj", "pcomp"}:
        return False
    looker = preposition.head
    return (
        preposition.lower_ == "to"
        and looker.lemma_.lower() == "look"
        and any(c.dep_ == "advmod" and c.lower_ == "forward" for c in looker.children)
    )


def _is_counterfactual(verb: Token) -> bool:
    """ "Without the deal the firm would have failed" is "if not for the deal": it presupposes
    the deal."""
    return any(c.dep_ == "aux" and c.lower_ in {"would", "could", "might"} for c in verb.children)


_SAYING_VERBS = frozenset({"comment", "elaborate", "remark", "speak", "testify", "write"})
"""Verbs of saying whose "on"/"about" object is a given topic: the saying's negation or
modality ("declined to comment on the lawsuit", "will speak about the attack") is not the
topic's."""


def _is_topic(trigger: Token) -> bool:
    preposition = trigger.head
    return (
        trigger.dep_ == "pobj"
        and preposition.lower_ in {"on", "about"}
        and preposition.head.lemma_.lower() in _SAYING_VERBS
    )


def _status_of_clause(verb: Token, *, negation: bool = True) -> EventStatus:
    """The status a clause gives its verb's event; without ``negation``, as if unnegated (the
    status of a subject the negated predicate presupposes, :func:`_brings_about`)."""
    if negation and _is_negated(verb):
        return "negated"
    if _shares_head_clause(verb):
        shared = _status_of_clause(verb.head)
        # "denied the talks had failed but refused to resign": a contrasting conjunct is not
        # under the first one's negation (as in _is_negated), though it shares its modality
        if shared != "negated" or not _starts_contrast(verb):
            return shared
    modal = _modal_status(verb)
    if modal is not None:
        return modal
    if verb.tag_ in _PRESENT_TAGS and any(
        c.dep_ == "mark" and c.lower_ in _FUTURE_TEMPORAL_MARKS for c in verb.children
    ):
        # English puts a future time clause in the present: "before the deal closes".
        return "planned"
    if _is_future_time_clause(verb):
        return "planned"
    governed = _status_from_ancestors(verb)
    if governed is not None:
        return governed
    if _is_infinitive(verb):
        return "planned"
    return _tense_status(verb)


_TIME_CONJUNCTIONS: Final = frozenset({"when", "after"})
"""Conjunctions whose present-tense clause is future only when its main clause is ("will put
Africa first when Britain chairs the summit"); alone they also tell of habits ("prices fall
when rates rise")."""


def _is_future_time_clause(verb: Token) -> bool:
    return (
        verb.tag_ in _PRESENT_TAGS
        and verb.dep_ == "advcl"
        and any(
            c.dep_ in {"mark", "advmod"} and c.lower_ in _TIME_CONJUNCTIONS for c in verb.children
        )
        and _modal_status(verb.head) == "planned"
    )


def _shares_head_clause(verb: Token) -> bool:
    """ "will set prices or release them": a conjunct with no subject or auxiliary of its own
    shares its head's tense and modality."""
    return (
        verb.dep_ == "conj"
        and verb.head.pos_ in _VERBAL
        and not any(c.dep_ in {"aux", "auxpass", "nsubj", "nsubjpass"} for c in verb.children)
    )


def _is_asked(verb: Token) -> bool:
    """A verb trigger in an indirect question ("asked whether the army fired") or in the main
    clause of a direct one ("Did the army fire first?") is asked about, not asserted. Only the
    verb: in "whether the attack was justified" the attack is presupposed."""
    if any(c.dep_ == "mark" and c.lower_ == "whether" for c in verb.children):
        return True
    sentence = verb.sent
    last = next((t for t in reversed(sentence) if not t.is_space and t.text not in _QUOTES), None)
    if last is None or last.text != "?":
        return False
    clause = verb
    while clause.dep_ == "conj" and clause.head != clause:
        clause = clause.head
    return clause == sentence.root


_QUOTES = frozenset({'"', "'", "”", "’"})

_HEDGES = frozenset(
    {"allegedly", "maybe", "perhaps", "possibly", "probably", "purportedly", "supposedly"}
)
"""Adverbs of epistemic modality and hearsay: the writer judges the event possible or probable
or leaves it to others (MEANTIME certainty POSSIBLE/PROBABLE; FactBank: not certain)."""


def _is_hedged(verb: Token) -> bool:
    """A verb trigger with a hedging adverb ("rebels allegedly fired"), unless a future
    auxiliary already makes it planned. Only the verb: in "the attack was probably carried out
    by rebels" the hedge is on who did it, not on the attack."""
    children = list(verb.children)
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUXILIARIES for c in children):
        return False
    return any(c.dep_ == "advmod" and c.lower_ in _HEDGES for c in children)


_EPISTEMIC_RAISING = frozenset(
    {"allege", "appear", "believe", "know", "report", "say", "seem", "suspect", "think"}
)
"""Verbs that raise the subject of a stative "to be" ("the man believed to be responsible for
the blast", "he is said to be behind the attack"): the infinitive states a belief about now,
not an aim."""


def _is_infinitive(verb: Token) -> bool:
    """A to-infinitive not under an implicative verb names an aim, not a fact ("efforts to
    ease the crisis", "the reason to file a lawsuit"), in the passive too ("200 jobs are to be
    created", "a prize to be donated"); a copula under a verb of belief or report does not."""
    if (
        verb.lemma_ == "be"
        and verb.dep_ == "xcomp"
        and verb.head.lemma_.lower() in _EPISTEMIC_RAISING
    ):
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    return verb.tag_ == "VB" or (_is_passive_infinitive(verb) and not _follows_ordinal(verb))


def _is_passive_infinitive(verb: Token) -> bool:
    """ "to be created": a participle whose passive auxiliary is the bare "be" (not the perfect
    "to have been created", which tells of something already done)."""
    return verb.tag_ == "VBN" and any(
        c.dep_ == "auxpass" and c.lower_ == "be" for c in verb.children
    )


_ORDINAL_LIKE: Final = frozenset({"first", "last", "latest", "only"})
"""Modifiers that make an infinitival relative tell of a deed done: "the first athlete to be
banned", "the latest contestant to be evicted" (the ordinal ranks acts that took place)."""


def _follows_ordinal(verb: Token) -> bool:
    """A passive infinitive on a noun (or on "first" itself: "was first to be evicted") ranked
    by an ordinal or a superlative."""
    head = verb.head
    ranked = [head, *(c for c in head.children if c.dep_ in {"amod", "advmod"})]
    return verb.dep_ in {"relcl", "acl", "xcomp"} and any(
        t.lower_ in _ORDINAL_LIKE or t.ent_type_ == "ORDINAL" or t.tag_ == "JJS" for t in ranked
    )


_NEGATIVE_SUBJECTS = frozenset({"nobody", "none", "nothing", "neither"})
"""Negative quantifiers: as a clause's subject ("no one was arrested", "neither side fired",
"none of the rebels attacked") they negate it as "not" does."""


def _is_negated(token: Token) -> bool:
    if any(c.dep_ == "neg" or c.lower_ in {"no", "never"} for c in token.children):
        return True
    if token.dep_ == "conj" and not _starts_contrast(token):
        head = token.head
        own_subject = any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children)
        return not own_subject and any(c.dep_ == "neg" for c in head.children)
    return False


def _has_negative_subject(verb: Token) -> bool:
    """Only for a verb trigger: in "no charges were brought over the allegations" the
    allegations were made; the negation is the bringing's."""
    return any(
        c.dep_ in {"nsubj", "nsubjpass"}
        and (
            c.lower_ in _NEGATIVE_SUBJECTS
            or any(d.dep_ == "det" and d.lower_ in {"no", "neither"} for d in c.children)
        )
        for c in verb.children
    )


def _starts_contrast(conj: Token) -> bool:
    head = conj.head
    between = head.doc[head.i + 1 : conj.i]
    return any(t.lower_ in {"but", "instead", "yet", "rather"} for t in between) or any(
        c.lower_ == "instead" for c in conj.children
    )


_COMPELLING: Final = frozenset({"force", "compel", "oblige"})


def _is_compelled(verb: Token) -> bool:
    """A past compulsion ("was forced", "has been compelled", "obliged") or the past-tense "had"
    of "had to": its infinitive's act was done when the compulsion was (BBC: "was forced to
    withdraw", "had to settle for bronze", "had to pull out", 33 events in 25 documents, all
    done). A present one is an obligation still to meet ("the Act obliges firms to sign",
    "has to resign")."""
    lemma = verb.lemma_.lower()
    if lemma == "have":
        return verb.tag_ == "VBD"
    # "was forced", "is forced", "has been forced"; not "will be forced" (a bare "be")
    return lemma in _COMPELLING and (
        verb.tag_ == "VBD"
        or any(
            c.dep_ in {"aux", "auxpass"} and c.lemma_ in {"be", "have"} and c.tag_ != "VB"
            for c in verb.children
        )
    )


def is_conditional(trigger: Token) -> bool:
    """Whether the trigger's clause, or a clause it depends on, is a condition: opened by "if"
    or "unless", or inverted ("had they attacked", :func:`_is_inverted_condition`)."""
    verb = clause_verb(trigger)
    for _ in range(4):
        if verb is None:
            return False
        if _has_condition_mark(verb) or _is_inverted_condition(verb):
            return True
        if verb.head == verb:
            return False
        verb = clause_verb(verb.head)
    return False


def _has_condition_mark(verb: Token) -> bool:
    """Whether a clause is opened by "if" or "unless"."""
    return any(c.lower_ in {"if", "unless"} and c.dep_ == "mark" for c in verb.children)


_POSSIBILITY_MODALS: Final = frozenset({"may", "might", "could"})


def is_only_possible(trigger: Token) -> bool:
    """Whether the trigger's clause verb, or a verb whose infinitive it is, carries a modal of
    possibility ("could strike", "may be signed", "could begin to strike"): the event is judged
    possible, not scheduled, whatever date it is given."""
    verb = clause_verb(trigger)
    for _ in range(3):
        if verb is None:
            return False
        if any(c.dep_ == "aux" and c.lower_ in _POSSIBILITY_MODALS for c in verb.children):
            return True
        if verb.dep_ != "xcomp":
            return False
        verb = verb.head
    return False


def _noun_negated(trigger: Token, verb: Token) -> bool:
    """ "did not attack" negates the verb; for a noun object, "held no talks" or "no attack";
    for a noun subject, only a verb that says the event came about (:func:`_brings_about`)."""
    return (
        trigger.dep_ in {"dobj", "nsubj", "nsubjpass"}
        and _is_negated(verb)
        and (verb.lemma_.lower() not in _REPORTING)
        and (trigger.dep_ == "dobj" or _brings_about(trigger, verb))
    )


_OCCURRENCE_VERBS: Final = frozenset(
    {"happen", "occur", "exist", "materialise", "materialize", "proceed", "resume", "begin"}
    | {"start", "gather", "convene", "continue"}
)
"""Intransitive verbs whose subject is an event and which say no more than that it takes place
("the talks did not resume", "such a deal never existed")."""

_EFFECTING_VERBS: Final = EVENT_LIGHT_VERBS | frozenset(
    {"reach", "offer", "sign", "seal", "strike", "agree", "announce", "call", "file", "bring"}
)
"""Verbs whose object comes into being by the act, Quirk et al.'s (1985, §10.8) effected
objects ("make a complaint", "reach an agreement", "offer a deal", "sign a treaty", "call a
strike"): the passive subject of one negated was not made ("no complaint was made")."""


def _brings_about(subject: Token, verb: Token) -> bool:
    """Whether a negated ``verb`` denies that its noun-event ``subject`` took place: a verb of
    occurrence ("the talks did not resume", "did not take place", "did not go ahead") or the
    passive of an effecting verb ("no deal was offered"). Any other predicate presupposes its
    subject (Strawson 1950; a definite subject is taken to exist): "the support did not go far
    enough", "the withdrawal did not mean a break", "the attack was not a stunt" all tell of an
    event that took place."""
    lemma = verb.lemma_.lower()
    if subject.dep_ == "nsubjpass":
        return lemma in _EFFECTING_VERBS
    if lemma in _OCCURRENCE_VERBS:
        return True
    return any(
        (c.dep_ == "xcomp" and c.lemma_.lower() in _OCCURRENCE_VERBS)  # "is not to gather"
        or (lemma == "take" and c.dep_ == "dobj" and c.lower_ == "place")
        or (lemma == "go" and c.dep_ in {"advmod", "prt"} and c.lower_ in {"ahead", "through"})
        for c in verb.children
    )


def _modal_status(verb: Token) -> EventStatus | None:
    auxiliaries = [c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if any(a in FUTURE_AUXILIARIES for a in auxiliaries):
        return "planned"
    if _has_condition_mark(verb):
        return "hypothetical"
    if _is_inverted_condition(verb):
        return "hypothetical"
    if "would" in auxiliaries:
        head = verb.head
        if verb.dep_ == "ccomp" and head.lemma_.lower() in PLAN_VERBS | THREAT_VERBS | _REPORTING:
            return "threatened" if head.lemma_.lower() in THREAT_VERBS else "planned"
        if _is_content_of_a_plan(verb, auxiliaries):
            return "planned"
        return "hypothetical"
    if any(a in HYPOTHETICAL_AUXILIARIES for a in auxiliaries):
        return "hypothetical"
    return None


_PLAN_NOUNS: Final = frozenset(
    {
        *("plan", "proposal", "scheme", "bill"),  # acts decided on or proposed (TimeML SLINK)
        *("announcement", "pledge", "promise", "commitment", "decision"),  # acts declared
        *("agreement", "deal", "accord"),  # acts the parties bound themselves to
    }
)
"""Nouns whose "that"/"which" clause with "would" tells what was decided, proposed or
declared: "would" is there the past of "will", as after "announced that" ("its announcement
that it would buy bonds", "a plan which would close five plants": future in the past, Quirk
et al. 1985 §4.58; MEANTIME: FUTURE), not a condition."""


def _is_content_of_a_plan(verb: Token, auxiliaries: list[str]) -> bool:
    """A "would" clause that is the content of a plan, a declaration or an agreement: the
    nominal counterpart of "announced it would withdraw"; "would have" is counterfactual
    ("a plan that would have closed them was dropped"), and one on a condition hypothetical
    ("… would withdraw if the rebels disarm")."""
    return (
        verb.dep_ in {"acl", "relcl"}
        and "have" not in auxiliaries
        and verb.head.pos_ == "NOUN"
        and verb.head.lemma_.lower() in _PLAN_NOUNS
        and not any(
            c.dep_ == "advcl" and any(m.lower_ in {"if", "unless"} for m in c.children)
            for c in verb.children
        )
    )


_CALLING_OFF = frozenset({("call", "off"), ("rule", "out")})
"""Phrasal verbs that cancel or exclude their object ("called off the strike", "ruled out
talks"); their particle turns "call", otherwise a planning verb, into a cancelling one."""


def _is_inverted_condition(verb: Token) -> bool:
    """ "had he attacked the guard", "should the rebels attack": an adverbial clause whose
    "had" or "should" comes before its subject is a condition without "if"."""
    if verb.dep_ != "advcl":
        return False
    subjects = [c.i for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return bool(subjects) and any(
        c.dep_ in {"aux", "auxpass"} and c.lower_ in {"had", "should"} and c.i < subjects[0]
        for c in verb.children
    )


_DECIDING_ON: Final = frozenset(
    {"plan", "schedule", "prepare", "propose", "announce", "call", "seek", "order"}
)
"""Verbs whose object is an act decided on or sought and not yet done: "called a strike",
"ordered an inquiry" (TimeML: a modal SLINK)."""

_ASKING_FOR: Final = (DIRECTIVE_LEMMAS - {"call", "propose", "order"}) | {"want", "need"}
"""Verbs whose object is an act asked for or wanted, not done: "demanded an apology", "urged a
boycott", "wants an agreement" (CAMEO 10 demands; FactBank: the object of a directive or a
desire is uncommitted, MEANTIME: not FACTUAL); what is called, proposed or ordered is
decided on (:data:`_DECIDING_ON`)."""


def _status_from_governing_verb(trigger: Token, verb: Token) -> EventStatus | None:
    """A noun trigger that is the object (active or passive) or subject of a planning,
    expecting or cancelling verb ("called a strike", "talks are scheduled")."""
    lemma = verb.lemma_.lower()
    if trigger.dep_ in {"dobj", "nsubjpass"}:
        if any(c.dep_ == "prt" and (lemma, c.lower_) in _CALLING_OFF for c in verb.children):
            return "negated"
        if lemma in THREAT_VERBS:
            return "threatened"
        if trigger.dep_ == "dobj" or _is_present_passive(verb):
            # a past passive is often about an act that took place: "the attack was planned
            # in secret", "the attack was discussed in parliament"
            if lemma in HYPOTHETICAL_VERBS:
                return "hypothetical"
            if lemma in _DECIDING_ON and not _names_its_object(verb):
                return "planned"
            if trigger.dep_ == "dobj" and lemma in _ASKING_FOR:
                return "hypothetical"
        if lemma in _REJECTING and _is_offered_act(trigger):
            return "negated"
        if lemma in _PREVENTING:
            return "hypothetical"
        if lemma in _THWARTING:
            return "negated"
    if trigger.dep_ in {"nsubj", "nsubjpass"}:
        for child in verb.children:
            if child.dep_ == "xcomp" and lemma in PLAN_VERBS:
                return "planned"
            if child.dep_ != "acomp":
                continue
            # "talks are likely to resume", "an attack is possible", "the vote is due to take
            # place"
            adjective = child.lemma_.lower()
            if adjective in _LIKELIHOOD_ADJECTIVES:
                return "hypothetical"
            if adjective in PLAN_VERBS and any(c.dep_ == "xcomp" for c in child.children):
                return "planned"
    return None


def _names_its_object(verb: Token) -> bool:
    """ "called the explosion an attack", "called the strike a disgrace": a verb with an object
    predicative names or judges its object (WordNet call.v.01 "assign a specified name to"),
    which it does not call for (call.v "order, convene": "called a strike")."""
    return any(c.dep_ == "oprd" for c in verb.children)


_REJECTING: Final = frozenset({"reject", "refuse", "rebuff", "spurn", "veto"})
"""Verbs that turn down what is offered: a deal, a treaty or aid they take as object was not
concluded or given (FactBank: a negative implicative's event object is counterfactual)."""

_OFFERED_TYPES: Final = frozenset({"AGREE", "AID", "COOPERATE"})


def _is_offered_act(noun: Token) -> bool:
    """A noun of an act one side offers and the other must accept (a deal, an accord, aid), not
    a speech act that took place however it is received ("rejected the allegation", "refused
    the request")."""
    sense = NOUN_TRIGGERS.get(noun.lemma_.lower())
    return sense is not None and sense.type in _OFFERED_TYPES


def _is_present_passive(verb: Token) -> bool:
    """ "talks are scheduled", "a strike will be called": a plan still to be carried out ("the
    deal is expected to close" is left to its infinitive)."""
    if any(c.dep_ == "xcomp" for c in verb.children):
        return False
    return any(
        (c.dep_ in {"aux", "auxpass"} and c.lemma_ == "be" and c.tag_ in _PRESENT_TAGS)
        or (c.dep_ == "aux" and c.lower_ in FUTURE_AUXILIARIES)
        for c in verb.children
    )


_BARE_INFINITIVE_HEADS: Final[dict[str, str]] = {
    # causatives are implicative: X happens as far as making or letting it happen does
    # ("the deal would see pilots accept", "could let hackers seize control"; Karttunen 1971)
    **dict.fromkeys(("let", "make", "have", "help"), "causative"),
    # a perceived act took place if the seeing did ("saw troops fire"; Barwise 1981), but not
    # seeing an act does not deny it
    **dict.fromkeys(("see", "watch", "hear", "witness", "notice"), "perception"),
}
"""Verbs whose bare-infinitive complement ("let them seize", "saw troops fire") has no tense
of its own: it takes the status of the clause that causes or perceives it."""


def _status_of_bare_infinitive(verb: Token) -> EventStatus | None:
    """The status a causative or perception verb passes to its bare infinitive, else None."""
    head = verb.head
    kind = _BARE_INFINITIVE_HEADS.get(head.lemma_.lower())
    if (
        kind is None
        or verb.tag_ != "VB"
        or verb.dep_ not in {"ccomp", "xcomp"}
        or head.pos_ != "VERB"
        or any(c.dep_ in {"aux", "auxpass"} for c in verb.children)
    ):
        return None
    status = _status_of_clause(head)
    return None if status == "negated" and kind == "perception" else status


def _status_from_ancestors(verb: Token) -> EventStatus | None:
    if _is_mandative(verb):
        return "planned"
    bare = _status_of_bare_infinitive(verb)
    if bare is not None:
        return bare
    if verb.dep_ == "csubj" and verb.tag_ == "VBG" and not _follows_comma(verb):
        # a gerund subject of a modal or future verb is a course of action weighed, not done:
        # "banning the games would be wrong", "suing the trackers will cut piracy"
        modal = _modal_status(verb.head)
        if modal in _UNREALIZED:
            return modal
    token = verb
    for _ in range(4):
        if token.dep_ not in _COMPLEMENT_DEPS or token.head == token:
            return None
        head = token.head
        lemma = head.lemma_.lower()
        if _is_means_gerund(token):
            # "will respond by shelling", "a plan that would consist in supporting banks":
            # the means or content of an act is as real as the act, but not negated with it:
            # "did not hesitate in attacking", "has not helped by attacking" attacked
            act = _status_of_clause(head.head)
            return act if act != "negated" else None
        if _is_later_gerund(token):
            # "will scan fingers before allowing voters in", "could meet Agassi before meeting
            # Safin": what comes after an act still to come is still to come
            act = _status_of_clause(head.head)
            return act if act in _UNREALIZED else None
        if head.pos_ == "ADJ" and head.dep_ == "acomp" and token.dep_ == "xcomp":
            if lemma in _LIKELIHOOD_ADJECTIVES:
                return "hypothetical"  # "the union is likely to strike": judged probable
            if lemma == "unable":
                # "was unable to agree terms", "have been unable to visit": a negative
                # implicative, like "failed to" (Karttunen 1971)
                return "negated"
            if lemma == "able" and (act := _status_of_clause(head.head)) in {
                "occurred",
                "negated",
            }:
                return act  # "were able to agree": in the past, "able" is implicative
            head = head.head  # "will be able to release": the modality is on "be"
        if (lemma in _IMPLICATIVE and token.dep_ == "xcomp") or _goes_on_to(token, head):
            # an implicative passes its own status on: "managed to flee" occurred, "will
            # continue to arrest" is planned, "could begin to strike" hypothetical (Karttunen)
            return _status_of_clause(head)
        if token.dep_ == "xcomp" and _is_compelled(head):
            # "was forced to withdraw", "had to pull out": what one is made to do, one does
            # (Karttunen 1971, "if"-implicatives); not being made to ("did not have to") leaves
            # it open
            act = _status_of_clause(head)
            return act if act != "negated" else "hypothetical"
        if token.dep_ == "xcomp" and (modal := _modal_status(head)) is not None:
            return modal
        if (
            token.dep_ == "advcl"
            and _is_infinitive(token)
            and _modal_status(head) == "hypothetical"
        ):
            # a purpose is as unreal as the act meant to serve it: "must ensure safety to
            # allow convoys through", "could cut rates to help exporters"
            return "hypothetical"
        if lemma in NEGATING_VERBS and token.dep_ == "xcomp":
            return "negated"
        if lemma == "deny" and token.dep_ == "ccomp" and token.i > head.i:
            # "denied that troops fired": asserted not to have happened (a clause before the
            # verb is a misparse, not its content)
            return "negated"
        if lemma in THREAT_VERBS and token.dep_ == "xcomp":
            return "threatened"
        if lemma in PLAN_VERBS and token.dep_ == "xcomp":
            return "planned"
        if lemma in HYPOTHETICAL_VERBS:
            return "hypothetical"
        if lemma in _NON_FACTIVE and token.dep_ == "ccomp":
            return "hypothetical"
        if token.dep_ != "xcomp":
            return None
        token = head
    return None


def _follows_comma(token: Token) -> bool:
    """ "wanted it frozen, warning more rises could hurt": a participle after a comma is an
    adjunct of the clause before, which the parser at times takes for a clausal subject."""
    return token.i > 0 and token.doc[token.i - 1].text == ","


def _is_means_gerund(verb: Token) -> bool:
    """A gerund after "by" or "in" on a verb: the act's means or content. Not "for", "after"
    or "despite", whose gerund is an act of its own ("could be jailed for protesting")."""
    preposition = verb.head
    return (
        verb.dep_ == "pcomp"
        and verb.tag_ == "VBG"
        and preposition.lower_ in {"by", "in"}
        and preposition.dep_ == "prep"
        and preposition.head.pos_ in _VERBAL
    )


_UNREALIZED: Final = frozenset({"planned", "threatened", "hypothetical"})
_LATER_PREPOSITIONS: Final = frozenset({"before", "until"})
"""Prepositions whose gerund comes after the act they attach to ("before signing")."""


def _is_later_gerund(verb: Token) -> bool:
    """A gerund after "before" or "until" on a verb. Not "after", whose gerund comes first and
    is often done ("could face a ban after failing a test")."""
    preposition = verb.head
    return (
        verb.dep_ == "pcomp"
        and verb.tag_ == "VBG"
        and preposition.lower_ in _LATER_PREPOSITIONS
        and preposition.dep_ == "prep"
        and preposition.head.pos_ in _VERBAL
    )


def _goes_on_to(verb: Token, head: Token) -> bool:
    """ "went on to attack": "go on" with an infinitive tells what was done next (an
    implicative), not an aim; the parser often attaches the infinitive as an adverbial."""
    return (
        verb.dep_ in {"xcomp", "advcl"}
        and head.lemma_.lower() == "go"
        and any(c.dep_ == "prt" and c.lower_ == "on" for c in head.children)
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )


def _is_mandative(verb: Token) -> bool:
    """A base-form verb in the "that" clause of a directive verb or noun: the mandative
    subjunctive ("demanded that the army withdraw", "its demand that Israel ease")."""
    if not any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children):
        return False
    if (
        verb.tag_ in _BASE
        and verb.dep_ in {"ccomp", "acl"}
        and verb.head.lemma_.lower() in DIRECTIVE_LEMMAS
    ):
        return True
    return _is_subjunctive(verb)


def _is_subjunctive(verb: Token) -> bool:
    """A "that" clause whose verb has a singular subject of its own but no tense ("that Israel
    ease restrictions", not "eases"): English keeps the present subjunctive for mandative clauses
    only (Quirk et al. 1985 §3.58), so the clause is demanded or proposed, whatever word the
    parser hangs it on ("reiterated its demand today that Israel ease …")."""
    return (
        verb.tag_ == "VB"
        and verb.dep_ in {"ccomp", "acl", "advcl", "relcl"}
        and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)
        and any(
            c.dep_ == "nsubj" and (c.tag_ in _SINGULAR_NOUNS or c.lower_ in _SINGULAR_PRONOUNS)
            for c in verb.children
        )
    )


_SINGULAR_NOUNS = frozenset({"NN", "NNP"})
_SINGULAR_PRONOUNS = frozenset({"he", "she", "it"})
"""Subjects after which a tenseless verb can only be a subjunctive: with a plural one ("found
that kids protest") it is a present tense the tagger took for a base form."""


def _tense_status(verb: Token) -> EventStatus:
    tag = verb.tag_
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if tag == "VBG" and auxiliaries & {"is", "are", "am", "'s", "'re", "been"}:
        return "ongoing"
    if tag in {"VBZ", "VBP"}:
        return "ongoing"
    return "occurred"
