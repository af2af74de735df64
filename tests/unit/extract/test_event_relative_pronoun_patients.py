"""A relative pronoun that is the patient of its clause ("the men, who were arrested", "the
town that rebels attacked") stands for the noun the clause modifies, as a subject one does;
"whom" is objective and never the subject. Every sentence is invented for the test."""

from collections.abc import Callable

import pytest

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of, texts

Extract = Callable[..., Extraction]


@pytest.mark.parametrize(
    ("text", "trigger", "patient"),
    [
        (
            "Customs officers questioned the two sailors, who were arrested at the port.",
            "arrested",
            "sailors",
        ),
        ("The village that rebels attacked last week is quiet again.", "attacked", "village"),
        ("Her brother, who was jailed in March, has appealed.", "jailed", "Her brother"),
    ],
)
def test_a_relative_pronoun_patient_is_its_antecedent(
    extract: Extract, text: str, trigger: str, patient: str
) -> None:
    targets = texts(event_of(extract(text), trigger).targets)
    assert patient in " ".join(targets)
    assert not {"who", "that", "which"} & set(targets)


def test_whom_is_the_patient_even_when_parsed_as_subject(extract: Extract) -> None:
    event = event_of(extract("The journalist whom soldiers detained was freed."), "detained")
    assert "journalist" in " ".join(texts(event.targets))
    assert "journalist" not in " ".join(texts(event.actors))


def test_a_relative_pronoun_agent_stays_the_actor(extract: Extract) -> None:
    # control: a relative pronoun subject is the actor, not a target
    event = event_of(extract("The rebels who attacked the town fled north."), "attacked")
    assert (texts(event.actors), texts(event.targets)) == (["rebels"], ["town"])


def test_who_does_not_stand_for_an_abstract_noun(extract: Extract) -> None:
    # control: the parser hangs "who" on "involvement"; an abstract noun is no one's antecedent
    text = "Migrants accused of involvement in fraud who cannot be deported are held in camps."
    assert texts(event_of(extract(text), "deported").targets) == []


@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        ("The US, which can veto any resolution, objected to the draft.", "veto", "US"),
        (
            "The villagers trust the local authorities, who promised them a new school.",
            "promised",
            "local authorities",
        ),
    ],
)
def test_a_relative_pronoun_fits_a_state_or_a_body(
    extract: Extract, text: str, trigger: str, actor: str
) -> None:
    # control: "US" is no pronoun for "which"; "authorities" is a body for "who"
    assert texts(event_of(extract(text), trigger).actors) == [actor]


def test_a_date_is_no_antecedent(extract: Extract) -> None:
    # control: "which" hung on a year names no one denied
    text = "The mayor said the budget meant fewer buses by 2030, which the unions deny."
    assert texts(event_of(extract(text), "deny").targets) == []
