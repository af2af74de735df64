"""*Hold* in its custody sense (CAMEO 173 "arrest, detain"): persons held, and nothing else
held, are detained; meetings, seats, records, teams and people held in other senses are not.
Every sentence is invented for the test."""

from collections.abc import Callable

import pytest

from services.extract.domain.extractor import Extraction

Extract = Callable[..., Extraction]


def _detentions(extraction: Extraction) -> list[tuple[list[str], list[str]]]:
    return [
        ([a.text for a in e.actors], [t.text for t in e.targets])
        for e in extraction.events
        if e.trigger.text == "held" and e.type == "COERCE" and e.mode == "arrest"
    ]


@pytest.mark.parametrize(
    ("text", "actors", "targets"),
    [
        ("Two men were held by police after the robbery.", ["police"], ["Two men"]),
        ("the main accused was held by the police on tuesday.", ["police"], ["main accused"]),
        ("The suspects, held at a station in the north, were questioned.", [], ["suspects"]),
        ("Seven of the protesters have been held without charge.", [], ["Seven of the protesters"]),
    ],
)
def test_persons_held_are_detained_by_whoever_holds_them(
    extract: Extract, text: str, actors: list[str], targets: list[str]
) -> None:
    assert _detentions(extract(text)) == [(actors, targets)]


def test_a_headline_drops_the_auxiliary_and_its_subject_is_the_one_held(extract: Extract) -> None:
    title = "Reporter held over leaked papers"
    extraction = extract(f"{title}\n\nA reporter was questioned on Monday.", title=title)
    assert _detentions(extraction) == [([], ["Reporter"])]


@pytest.mark.parametrize(
    "text",
    [
        "The talks were held in Geneva on Monday.",
        "The seat was held by Labour until 1997.",
        "Rovers were held to a goalless draw by the visitors.",
        "The minister was held responsible for the delays.",
        "The reporters were held up by heavy snow.",
        "The soldiers are held in high esteem by the villagers.",
        "He resigned all the posts he held in the company.",
        "Reporter held back by the crowd",
        "She held her son in her arms.",
    ],
)
def test_things_held_and_other_senses_of_hold_are_no_detention(extract: Extract, text: str) -> None:
    assert _detentions(extract(text)) == []
