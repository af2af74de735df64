"""Speech acts about events: promises, threats, refusals and demands (PLOVER/CAMEO 03, 13,
12 and 10).

A newswire sentence often reports what an actor *says it will do* rather than what it did.
CAMEO codes that by the stance: a promise of a cooperative act is an agreement ("Portugal will
support Turkey's bid" is AGREE), a promise of a hostile act a threat ("the farmers said they
would blockade Paris" is THREATEN), a refusal to cooperate a rejection ("Syria will not accept
more refugees" is REJECT), and what someone says another *must* do a demand (REQUEST).

>>> stance_type("AID", committed=True, refused=False)
'AGREE'
>>> stance_type("COERCE", committed=True, refused=False)
'THREATEN'
"""

from __future__ import annotations

from spacy.tokens import Token

from services.extract.domain.lexicon import (
    FUTURE_AUXILIARIES,
    INTENT_VERBS,
    READINESS_ADJECTIVES,
)
from shared.models import EventStatus, EventType

_PROMISABLE = frozenset({"SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "CONSULT"})
"""Cooperative acts whose announcement is CAMEO 03 (express intent to cooperate): 031-039 name
material cooperation, aid, concessions and, 036, meeting or negotiating."""
_THREATENABLE = frozenset({"SANCTION", "COERCE", "ASSAULT", "REJECT"})
_REFUSABLE = frozenset({"AGREE", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
_DEMAND_MODALS = frozenset({"must"})
_DECLARING = frozenset(
    {
        "say",
        "declare",
        "tell",
        "insist",
        "conclude",
        "state",
        "announce",
        "add",
        "warn",
        "stress",
        "confirm",
        "indicate",
        "signal",
        "reiterate",
    }
)
_NON_ACTOR_SUBJECTS = frozenset({"there", "this", "that", "which", "what"})


def stance_type(event_type: EventType, *, committed: bool, refused: bool) -> EventType:
    """The PLOVER type of a promised (``committed``) or refused event of ``event_type``."""
    if refused and event_type in _REFUSABLE:
        return "REJECT"
    if committed and event_type in _PROMISABLE:
        return "AGREE"
    if committed and event_type in _THREATENABLE:
        return "THREATEN"
    return event_type


def reframe(
    trigger: Token, event_type: EventType, status: EventStatus
) -> tuple[EventType, EventStatus]:
    """Type and status of an event once the speech act around it is read.

    The status keeps describing the promised, refused or demanded act itself (a promise to
    withdraw is AGREE with status planned).
    """
    verb = _governing_verb(trigger)
    if verb is None:
        return event_type, status
    if is_demanded(verb):
        return "REQUEST", "hypothetical"
    if _is_ultimatum(verb, event_type, status):
        return "THREATEN", "threatened"
    if status == "negated" and _has_actor(verb) and _future_modal(verb):
        new_type = stance_type(event_type, committed=False, refused=True)
        return (new_type, "planned") if new_type != event_type else (event_type, status)
    if status in {"planned", "threatened", "hypothetical"} and _is_committed(verb):
        # "NATO confirmed it would tighten the blockade": a declared "would" commits its
        # subject, though the modal alone reads as hypothetical
        new_type = stance_type(event_type, committed=True, refused=False)
        if new_type == "THREATEN":
            return new_type, "threatened"
        return new_type, status
    return event_type, status


_WITHHOLDABLE = _THREATENABLE | {"RETREAT"}
"""Acts that a conditional announcement turns into a threat: harm (CAMEO 13 "threaten with
sanctions / force") and the withdrawal of what the other side has (1313 "threaten to reduce or
break relations", 1311 "threaten to reduce or stop aid")."""


def _is_ultimatum(verb: Token, event_type: EventType, status: EventStatus) -> bool:
    """ "X will withdraw its troops unless Y holds elections": an act announced on a condition
    the other side must meet is an ultimatum (CAMEO 139) — a threat — whatever the act's own
    type; so is a refusal on such a condition ("talks will not resume unless …", 1313)."""
    if status not in {"planned", "threatened", "hypothetical", "negated"} or not _has_actor(verb):
        return False
    if status == "negated":
        withheld = event_type in _REFUSABLE | {"CONSULT"}
    else:
        withheld = event_type in _WITHHOLDABLE
    if not withheld or not (_future_modal(verb) or status == "threatened"):
        return False
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
        for c in verb.children
    )


def _governing_verb(trigger: Token) -> Token | None:
    """The trigger if it is a verb, else the verb it is the object of ("impose a curfew")."""
    if trigger.pos_ == "VERB":
        return trigger
    if trigger.dep_ in {"dobj", "nsubjpass"} and trigger.head.pos_ == "VERB":
        return trigger.head
    return None


def _has_actor(verb: Token) -> bool:
    token = verb
    for _ in range(3):
        subjects = [c for c in token.children if c.dep_ == "nsubj"]
        if subjects:
            return subjects[0].lower_ not in _NON_ACTOR_SUBJECTS
        if token.dep_ not in {"xcomp", "conj"} or token.head == token:
            return False
        token = token.head
    return False


def _future_modal(verb: Token) -> bool:
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    return bool(auxiliaries & (FUTURE_AUXILIARIES | {"would"}))


def _is_committed(verb: Token) -> bool:
    """ "X said it will/would do", "X is ready/decided to do": the actor commits itself.

    A narrator's plain future ("rebels will shell the town") is a plan, not a commitment, and
    verbs that are events of their own ("promised", "threatened") frame their complement
    instead of retyping it.
    """
    if _future_modal(verb) and _has_actor(verb) and _is_declared(verb):
        return True
    token = verb
    for _ in range(3):
        if token.dep_ not in {"xcomp", "conj"} or token.head == token:
            return False
        head = token.head
        lemma = head.lemma_.lower()
        if token.dep_ == "xcomp" and (lemma in INTENT_VERBS or lemma in READINESS_ADJECTIVES):
            return True
        token = head
    return False


def _is_declared(verb: Token) -> bool:
    """Whether the clause is what someone said, announced or confirmed."""
    token = verb
    for _ in range(3):
        if token.dep_ == "ccomp" and token.head.lemma_.lower() in _DECLARING:
            return True
        if token.dep_ not in {"conj", "ccomp"} or token.head == token:
            return False
        token = token.head
    return False


_SPEAKER_SUBJECTS = frozenset({"i", "we", "it"})
"""Subjects that are the speaker itself: "we must cut costs", "the firm said it must cut costs"
is an obligation the speaker owns, not a demand made of another."""


def is_demanded(verb: Token) -> bool:
    """ "X said Y must do Z": a demand made of Y."""
    if not any(c.dep_ == "aux" and c.lower_ in _DEMAND_MODALS for c in verb.children):
        return False
    if any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in _SPEAKER_SUBJECTS for c in verb.children
    ):
        return False
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in _DECLARING


def demanding_verb(trigger: Token) -> Token | None:
    """The verb of saying that makes the trigger's clause a demand ("the charity *said* both
    armies must ensure safety"), else ``None``. CAMEO 10 codes a demand from the one who makes
    it (the source) to the one it is made of (the target): the speaker is the demand's actor,
    the demanded clause's subject its target."""
    verb = _governing_verb(trigger)
    if verb is None or not is_demanded(verb):
        return None
    return verb.head
