"""When an event happened: the time expression closest to the trigger in the parse tree."""

from __future__ import annotations

import itertools
from datetime import date

from spacy.tokens import Span, Token

from services.extract.domain.dates import Direction, resolve_time
from services.extract.domain.status import clause_verb
from shared.models import EventStatus, EventTime

_WEEKDAY_OR_RELATIVE = frozenset(
    {
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "yesterday",
        "today",
        "tonight",
        "tomorrow",
    }
)
_TIME_OF_DAY = frozenset({"morning", "afternoon", "evening", "night", "overnight"})
_ADJUNCT_DEPS = frozenset({"npadvmod", "pobj", "tmod", "advmod", "nsubj", "dobj", "appos", "conj"})
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "ROOT"})
_FUTURE_STATUSES = frozenset({"planned", "threatened", "hypothetical"})
_MAX_TREE_DISTANCE = 6
_LEAD_SENTENCES = 3
_REPORTING = frozenset(
    {"say", "tell", "report", "announce", "add", "state", "confirm", "write", "post", "tweet"}
)


def time_of(
    sentence: Span,
    trigger: Token,
    *,
    status: EventStatus,
    published: date | None,
    lead: EventTime | None = None,
) -> EventTime | None:
    """The resolved time of the event.

    Falls back, for an event that occurred, to ``lead``, the lead's time (news leads date the
    story's event: "late Thursday"; the caller passes it for events of the lead only), and for
    occurred or ongoing events to the publication date.
    """
    if published is None:
        return None
    direction: Direction = "future" if status in _FUTURE_STATUSES else "past"
    best: tuple[int, Span] | None = None
    clause = clause_verb(trigger) or trigger
    for expression in _time_expressions(sentence):
        if direction == "future" and not _is_within(expression.root, clause):
            continue
        if not _can_date(expression.root, trigger):
            continue
        distance = _tree_distance(expression.root, trigger)
        if distance <= _MAX_TREE_DISTANCE and (best is None or distance < best[0]):
            best = (distance, expression)
    if best is not None:
        expression = best[1]
        resolved = resolve_time(expression.text, published, direction)
        if resolved is not None and resolved.date > published and _is_past_tense(clause):
            resolved = None  # "banned the play, due to open this weekend": the play's time
        if resolved is not None:
            return EventTime(
                text=expression.text,
                start=expression.start_char,
                end=expression.end_char,
                date=resolved.date,
                precision=resolved.precision,
                source=resolved.source,
            )
    if status == "occurred" and lead is not None and not _is_inside(lead, sentence):
        return lead
    if status in {"occurred", "ongoing"}:
        return EventTime(text="", start=0, end=0, date=published, source="publication")
    return None


def lead_time(
    sentences: list[Span], published: date | None, *, reported: bool = False
) -> EventTime | None:
    """The time of the news in the opening sentences: a day-precise past time (or a weekend)
    within a week of publication, closest to its sentence's main verb, never the time of a
    reporting verb ("police said on Friday") or of a noun ("Tuesday's election").

    With ``reported`` (the story's event is itself a statement: an accusation, a demand), the
    time of a reporting verb counts too ("on a call on Saturday, she said ...").
    """
    if published is None:
        return None
    for sentence in sentences[:_LEAD_SENTENCES]:
        expressions = [
            e
            for e in _time_expressions(sentence)
            if _dates_a_happening(e, reported=reported) and _in_main_clause(e.root, sentence)
        ]
        for expression in sorted(expressions, key=lambda e: _tree_distance(e.root, sentence.root)):
            resolved = resolve_time(expression.text, published, "past")
            if (
                resolved is not None
                and (resolved.precision == "day" or _is_past_weekend(expression))
                and 0 <= (published - resolved.date).days <= 7
            ):
                return EventTime(
                    text=expression.text,
                    start=expression.start_char,
                    end=expression.end_char,
                    date=resolved.date,
                    precision=resolved.precision,
                    source=resolved.source,
                )
    return None


def _is_past_tense(verb: Token) -> bool:
    """A verb in the simple past or the perfect, active or passive ("banned", "have banned",
    "was banned"): what it tells happened by the time of writing, so a time after publication
    is another event's."""
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(
        (c.dep_ == "aux" and c.lemma_ == "have") or (c.dep_ == "auxpass" and c.tag_ == "VBD")
        for c in verb.children
    )


def _is_past_weekend(expression: Span) -> bool:
    """ "protested at the weekend": two days, as good as a day for dating a story's news, when
    its clause is in a past tense ("will spend the weekend", "faces a test this weekend" are
    still to come)."""
    if not any(t.lower_ == "weekend" for t in expression):
        return False
    verb = clause_verb(expression.root)
    return verb is not None and _is_past_tense(verb)


def _date_entities(sentence: Span) -> list[Span]:
    """The DATE entities of ``sentence`` (and the TIME entities that name a day). ``Span.ents``
    rebuilds every entity of the document on each call; the document's DATE entities are
    listed once and kept in its ``user_data``."""
    doc = sentence.doc
    dates: list[Span] | None = doc.user_data.get(_DATE_ENTITIES)
    if dates is None:
        dates = [ent for ent in doc.ents if ent.label_ == "DATE" or _names_a_day(ent)]
        doc.user_data[_DATE_ENTITIES] = dates
    return [ent for ent in dates if sentence.start <= ent.start and ent.end <= sentence.end]


_DATE_ENTITIES = "newsflow.date_entities"


def _names_a_day(entity: Span) -> bool:
    """A TIME entity that says which day: "last night", "early this morning", "Sunday night"
    (OntoNotes tags times of day TIME, so the day they name would be lost); not "10pm" or
    "the night"."""
    if entity.label_ != "TIME":
        return False
    words = [t.lower_ for t in entity]
    return any(w in _WEEKDAY_OR_RELATIVE for w in words) or any(
        w in _DEICTIC and after in _TIME_OF_DAY for w, after in itertools.pairwise(words)
    )


_DEICTIC = frozenset({"last", "this"})


def _time_expressions(sentence: Span) -> tuple[Span, ...]:
    """DATE entities used as time adjuncts, plus weekday and relative words the NER missed.
    Every event of a sentence asks; they are found once per sentence and kept in the document's
    ``user_data``."""
    by_sentence: dict[tuple[int, int], tuple[Span, ...]] = sentence.doc.user_data.setdefault(
        _TIME_EXPRESSIONS, {}
    )
    key = (sentence.start, sentence.end)
    if key not in by_sentence:
        by_sentence[key] = tuple(_find_time_expressions(sentence))
    return by_sentence[key]


_TIME_EXPRESSIONS = "newsflow.time_expressions"


def _find_time_expressions(sentence: Span) -> list[Span]:
    found: list[Span] = []
    covered: set[int] = set()
    for ent in _date_entities(sentence):
        if not _is_adjunct(ent.root) or _is_in_a_name(ent):
            continue
        found.append(ent)
        covered.update(range(ent.start, ent.end))
    for token in sentence:
        if token.i not in covered and token.lower_ in _WEEKDAY_OR_RELATIVE:
            word = sentence.doc[token.i : token.i + 1]
            if token.ent_type_ not in _NAME_ENTITIES and not _is_in_a_name(word):
                found.append(word)
    return found


def _is_in_a_name(expression: Span) -> bool:
    """A day word that is part of a name is no time: it modifies a proper noun ("the Sunday
    Telegraph", "the Sunday Programme") or a proper noun modifies it ("Bloody Sunday", the film
    "Black Friday"); a proper name's words are fixed and refer as a whole (Quirk et al. 1985,
    §5.60-66), and a named day is not the weekday nearest the publication."""
    before = expression.doc[expression.start - 1] if expression.start > 0 else None
    if before is not None and (before.tag_ == "IN" or before.lower_ in _DEICTIC):
        return False  # "on Tuesday Mr Ebbers denied": the parser glues the day to the name
    root = expression.root
    head = root.head
    if root.dep_ == "compound" and head.tag_ in _PROPER and head not in expression:
        return True
    return any(
        c.dep_ == "compound" and c.tag_ in _PROPER and c.i < expression.start for c in root.children
    )


_PROPER = frozenset({"NNP", "NNPS"})
_NAME_ENTITIES = frozenset({"ORG", "WORK_OF_ART", "EVENT", "PRODUCT", "FAC", "PERSON", "LAW"})
"""Entity types whose words are a name's, not a time: "the Sunday Programme" (EVENT)."""


def _in_main_clause(token: Token, sentence: Span) -> bool:
    """Whether ``token`` belongs to the sentence's main clause (or a clause coordinated with it
    or reported by it), not to a subordinate one: in "Trump stunned America as he took the
    title on Tuesday", Tuesday dates the subordinate taking of the title."""
    verb = clause_verb(token)
    while verb is not None and verb.head != verb and _is_main_clause_extension(verb):
        verb = clause_verb(verb.head)
    return verb is None or verb.i == sentence.root.i


def _is_main_clause_extension(verb: Token) -> bool:
    """Coordinated, reported and non-finite clauses continue the main clause ("fans spilled out
    to celebrate on Wednesday"); a clause opened by a subordinator ("as", "after") does not."""
    if verb.dep_ in {"conj", "ccomp", "xcomp"}:
        return True
    return verb.dep_ == "advcl" and not any(c.dep_ == "mark" for c in verb.children)


def _dates_a_happening(expression: Span, *, reported: bool = False) -> bool:
    """Whether a time expression modifies a clause (a report of speech only if ``reported``)."""
    verb = clause_verb(expression.root)
    if verb is None or expression.root.dep_ in {"poss", "nsubj"}:
        return False
    return reported or verb.lemma_.lower() not in _REPORTING


def _is_inside(time: EventTime, sentence: Span) -> bool:
    """Whether the lead's time is in this sentence: then it was weighed above and found to date
    another happening ("the toll from the bombing rose Friday")."""
    return sentence.start_char <= time.start < sentence.end_char


def _can_date(root: Token, trigger: Token) -> bool:
    """Whether a time expression can date the event of ``trigger``.

    A verb takes the times of its clause. An event noun takes its own modifiers ("the bombing
    late Thursday") and the times of the clause it is an argument of ("the attack happened on
    Friday", "killed in an attack on Friday"), not those of a noun phrase it is buried in: in
    "the toll from the bombing rose to six Friday", Friday dates the rise of the toll.
    """
    if trigger.pos_ not in {"NOUN", "PROPN"} or _is_within(root, trigger):
        return True
    governor = trigger.head
    if trigger.dep_ == "pobj" and governor.dep_ == "prep":
        governor = governor.head
    elif trigger.dep_ not in _ARGUMENT_DEPS:
        return False
    return governor.pos_ in {"VERB", "AUX"} and _is_within(root, governor)


def _is_adjunct(root: Token) -> bool:
    if root.dep_ in _ADJUNCT_DEPS or root.dep_ == "ROOT":
        return True
    return root.dep_ == "compound" and root.head.lower_ in _TIME_OF_DAY


def _is_within(token: Token, root: Token) -> bool:
    """Whether ``token`` is in ``root``'s subtree: a plan's own time, not its report's."""
    return token.i == root.i or any(a.i == root.i for a in token.ancestors)


def _tree_distance(a: Token, b: Token) -> int:
    a_path = [a, *a.ancestors]
    b_index = {t.i: depth for depth, t in enumerate([b, *b.ancestors])}
    for depth, token in enumerate(a_path):
        if token.i in b_index:
            return depth + b_index[token.i]
    return 99
