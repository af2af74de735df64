"""The "by" agent of a passive support verb acts in its event noun, and an occasion one hosts
is no visit (invented sentences)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of, texts, triggers

Extract = Callable[..., Extraction]


@pytest.mark.parametrize(
    ("sentence", "trigger", "actor"),
    [
        (
            "A new crackdown on smugglers was launched by the interior minister.",
            "crackdown",
            "interior minister",
        ),
        ("The ambush was carried out by rebels from the hills.", "ambush", "rebels"),
        ("A demonstration was staged by nurses outside the hospital.", "demonstration", "nurses"),
    ],
)
def test_by_agent_of_passive_support_verb_is_the_actor(
    extract: Extract, sentence: str, trigger: str, actor: str
) -> None:
    assert texts(event_of(extract(sentence), trigger).actors) == [actor]


def test_passive_support_verb_without_agent_names_no_actor(extract: Extract) -> None:
    # control: "by midnight" is a deadline, no agent
    event = event_of(extract("The raid was launched by midnight."), "raid")
    assert event.actors == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "The comedian hosted the Late Hour Show for ten years.",
        "The city will host the tournament next summer.",
        "The club hosted the awards ceremony in May.",
    ],
)
def test_hosting_an_occasion_is_no_visit(extract: Extract, sentence: str) -> None:
    assert not any(t.startswith("host") for t in triggers(extract(sentence)))


def test_hosting_a_delegation_is_a_visit(extract: Extract) -> None:
    event = event_of(extract("The president hosted the Chilean delegation on Monday."), "hosted")
    assert event.type == "CONSULT"
