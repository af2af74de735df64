"""A tenseless verb with a singular subject in a "that" clause is a subjunctive, which English
keeps for demands and proposals: the act is asked for, not done, whatever word the parser
hangs the clause on (sentences written here)."""

from collections.abc import Callable

import pytest

from services.extract.domain.extractor import Extraction

Extract = Callable[..., Extraction]


def _status(extraction: Extraction, trigger: str) -> str:
    (event,) = [e for e in extraction.events if e.trigger is not None and e.trigger.text == trigger]
    return event.status


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        (
            "The bishops renewed their appeal on Sunday that the army release the prisoners.",
            "release",
        ),
        ("The council reiterated its demand today that Peru ease restrictions on traders.", "ease"),
    ],
)
def test_a_subjunctive_that_clause_is_not_an_event_that_occurred(
    extract: Extract, text: str, trigger: str
) -> None:
    assert _status(extract(text), trigger) == "planned"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a plural subject: the tenseless form is a present tense
        ("Witnesses added that the soldiers attack the village every night.", "attack"),
        ("The report added that the army attacks the village every night.", "attacks"),
    ],
)
def test_a_present_tense_that_clause_stays_ongoing(
    extract: Extract, text: str, trigger: str
) -> None:
    assert _status(extract(text), trigger) == "ongoing"


def test_a_plural_subject_makes_no_subjunctive(extract: Extract) -> None:
    # the tagger reads "protest" here as a base form; after "kids" it is a present tense
    assert _status(extract("They found that kids protest against homework."), "protest") != (
        "planned"
    )
