"""Modality and factuality of events the tense alone would assert (Saurí & Pustejovsky 2009).

Invented sentences, one phenomenon per test, each with a control the rule must leave alone. The
status follows the MEANTIME reading: a future event is ``planned``, a possible or non-specific
one ``hypothetical``, a negative one ``negated``.
"""

from collections.abc import Callable

from services.extract.domain.extractor import Extraction

Extract = Callable[..., Extraction]


def _status(extraction: Extraction, trigger: str) -> str:
    (event,) = [e for e in extraction.events if e.trigger.text == trigger]
    return event.status


def test_passive_to_infinitive_names_an_act_still_to_come(extract: Extract) -> None:
    # "are to be arrested" is the passive of "are to arrest": arranged, not done
    assert _status(extract("The suspects are to be arrested."), "arrested") == "planned"
    assert _status(extract("The embassy is to be attacked."), "attacked") == "planned"


def test_passive_infinitive_after_an_ordinal_tells_of_a_deed_done(extract: Extract) -> None:
    # "the first athlete to be banned" ranks bans that took place
    first = extract("She is the first athlete to be banned from the games.")
    twelfth = extract("He is the twelfth man to be arrested after the riot.")
    assert _status(first, "banned") == "occurred"
    assert _status(twelfth, "arrested") == "occurred"


def test_perfect_passive_infinitive_is_not_an_aim(extract: Extract) -> None:
    # "to have been discussed" tells of something already done; its framing verb decides
    extraction = extract("The sweeteners reported to have been discussed were plans.")
    assert _status(extraction, "discussed") == "occurred"


def test_event_after_ahead_of_is_still_to_come(extract: Extract) -> None:
    ahead = extract("Ahead of talks with the union on Friday, the minister said wages would rise.")
    advance = extract("The minister spoke in advance of the meeting.")
    assert _status(ahead, "talks") == "planned"
    assert _status(advance, "meeting") == "planned"


def test_clause_timed_ahead_of_an_event_keeps_its_own_status(extract: Extract) -> None:
    extraction = extract("Ahead of the summit, the ministers met in Rome.")
    assert _status(extraction, "met") == "occurred"
    assert _status(extract("The minister took part in the talks."), "talks") == "occurred"


def test_event_noun_with_any_is_not_asserted(extract: Extract) -> None:
    # "any" picks out no particular event (FactBank: non-specific)
    assert _status(extract("Supporters remain opposed to any deal."), "deal") == "hypothetical"
    negated = extract("The minister did not take part in any talks.")
    assert _status(negated, "talks") == "negated"
    refused = extract("The minister refused to take part in any talks.")
    assert _status(refused, "talks") == "negated"


def test_gerund_after_before_shares_an_unrealized_act(extract: Extract) -> None:
    # what comes after an act still to come is still to come
    planned = extract("Inspectors will scan the bags before allowing passengers to board.")
    possible = extract("The army could shell the town before attacking it.")
    assert _status(planned, "allowing") == "planned"
    assert _status(possible, "attacking") == "hypothetical"


def test_gerund_after_before_a_past_act_occurred(extract: Extract) -> None:
    extraction = extract("Inspectors scanned the bags before allowing passengers to board.")
    assert _status(extraction, "allowing") == "occurred"


def test_present_time_clause_of_a_future_act_is_planned(extract: Extract) -> None:
    # English puts a future time clause in the present: "when Britain chairs the summit"
    when = extract("The minister will visit Africa when Britain chairs the summit next year.")
    after = extract("Hunting will continue after the ban comes in.")
    assert _status(when, "summit") == "planned"
    assert _status(after, "ban") == "planned"


def test_time_clause_of_a_past_act_keeps_its_tense(extract: Extract) -> None:
    assert _status(extract("The minister resigned when the strike began."), "strike") == (
        "occurred"
    )


def test_gerund_subject_of_a_modal_verb_is_not_done(extract: Extract) -> None:
    # a course of action weighed: "banning the games would be wrong"
    assert _status(extract("Banning violent games would be wrong."), "Banning") == ("hypothetical")
    assert _status(extract("Suing the sites will cut piracy."), "Suing") == "planned"


def test_gerund_subject_of_a_past_verb_occurred(extract: Extract) -> None:
    assert _status(extract("Banning the games was wrong."), "Banning") == "occurred"


def test_participle_after_a_comma_is_not_a_gerund_subject(extract: Extract) -> None:
    # the parser at times takes an adjunct ("..., warning that") for a clausal subject
    extraction = extract("Businesses wanted it frozen, warning more rises could damage trade.")
    assert _status(extraction, "warning") == "occurred"


def test_what_one_looks_forward_to_is_still_to_come(extract: Extract) -> None:
    extraction = extract("The side can now look forward to welcoming England next month.")
    assert _status(extraction, "welcoming") == "planned"


def test_what_one_looks_back_on_keeps_its_tense(extract: Extract) -> None:
    extraction = extract("The side looked back to welcoming England last year.")
    assert _status(extraction, "welcoming") == "occurred"


def test_a_gerund_after_ahead_of_is_not_timed_by_it(extract: Extract) -> None:
    # "ahead of" ranks here; the parser reads the adjective "promising" as a gerund
    extraction = extract("Smith won the title ahead of promising young athlete Dale Garland.")
    assert _status(extraction, "promising") == "occurred"
