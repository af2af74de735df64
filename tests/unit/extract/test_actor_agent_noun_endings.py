"""An ending that looks agentive does not make a noun someone who can act: a particle verb's
nominalisation ("takeover") and a result noun in "-ment" name no actor, while the bodies among
"-ment" nouns ("management", "department") still act (invented sentences)."""

from __future__ import annotations

from collections.abc import Callable

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of, texts, triggers

Extract = Callable[..., Extraction]


def test_financing_a_takeover_gives_no_aid(extract: Extract) -> None:
    extraction = extract("The bank will finance the takeover.")
    assert "finance" not in triggers(extraction)


def test_financing_rebels_stays_aid(extract: Extract) -> None:
    extraction = extract("The neighbouring state will finance the rebels.")
    assert event_of(extraction, "finance").type == "AID"


def test_the_management_still_acts(extract: Extract) -> None:
    extraction = extract("The management visited the striking workers.")
    assert texts(event_of(extraction, "visited").actors) == ["management"]


def test_a_department_still_acts(extract: Extract) -> None:
    extraction = extract("The department hosted the peace talks.")
    assert event_of(extraction, "hosted").type == "CONSULT"
