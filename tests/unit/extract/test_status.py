from collections.abc import Callable

import pytest

from services.extract.domain.extractor import Extraction

Extract = Callable[..., Extraction]


def _status(extraction: Extraction, trigger: str) -> str:
    (event,) = [e for e in extraction.events if e.trigger.text == trigger]
    return event.status


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        ("Rebels shelled the town on Monday.", "shelled", "occurred"),
        ("Rebels have shelled the town.", "shelled", "occurred"),
        ("Rebels are shelling the town.", "shelling", "ongoing"),
        ("Rebels will shell the town.", "shell", "planned"),
        ("Rebels did not shell the town.", "shell", "negated"),
        ("Rebels threatened to shell the town.", "shell", "threatened"),
        ("Rebels could shell the town.", "shell", "hypothetical"),
        ("If rebels shell the town, the army will respond.", "shell", "hypothetical"),
        ("The army expects further attacks.", "attacks", "hypothetical"),
        ("The ministers plan to meet in Rome.", "meet", "planned"),
        ("The army refused to withdraw.", "withdraw", "negated"),
    ],
)
def test_status_follows_tense_negation_and_modality(
    extract: Extract, text: str, trigger: str, status: str
) -> None:
    assert _status(extract(text), trigger) == status


def test_present_tense_in_a_before_clause_is_planned(extract: Extract) -> None:
    extraction = extract("Regulators must approve the merger before the deal closes.")
    (deal,) = [e for e in extraction.events if e.trigger.text == "deal"]
    assert deal.status == "planned"


def test_event_noun_said_to_be_likely_is_hypothetical(extract: Extract) -> None:
    (talks,) = [e for e in extract("Talks are likely to resume.").events]
    assert talks.status == "hypothetical"


def test_an_act_demanded_or_wanted_has_not_happened(extract: Extract) -> None:
    # The object of a directive or of a desire is asked for, not done (FactBank: uncommitted).
    demanded = extract("Villagers demanded an apology from the garrison.")
    wanted = extract("The mayor wants a boycott of the games.")
    assert _status(demanded, "apology") == "hypothetical"
    assert _status(wanted, "boycott") == "hypothetical"


def test_an_act_ordered_is_planned(extract: Extract) -> None:
    ordered = extract("The court ordered the arrest of the former minister.")
    assert _status(ordered, "arrest") == "planned"


def test_a_deed_someone_is_accused_of_is_not_established(extract: Extract) -> None:
    # FactBank: the writer does not vouch for what an accusation says; a conviction does.
    accused = extract("Two men suspected of bombing the station were arrested.")
    convicted = extract("Two men convicted of bombing the station were jailed.")
    assert _status(accused, "bombing") == "hypothetical"
    assert _status(convicted, "bombing") == "occurred"


def test_an_act_named_in_an_accusation_of_something_else_stands(extract: Extract) -> None:
    # "accused of a broken pledge": the breaking is alleged, the pledge was made
    accused = extract("The minister was accused of a broken pledge on tuition fees.")
    assert _status(accused, "pledge") == "occurred"
