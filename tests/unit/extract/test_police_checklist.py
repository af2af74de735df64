"""A behavioural checklist (Ribeiro et al. 2020, "Beyond accuracy") for police actions in
lower-case South-Asian crime reporting: arrests (CAMEO 173 "arrest, detain") and killings
(CAMEO 18x assault, 20x mass violence), and whether the police did them.

Every sentence is invented for the test, in the register of Indian city crime pages (lower
case, "cops", "sho", "crime branch", "picked up", "shot dead", "police firing"). Each case
states, for the sentence as a whole:

* ``arrest``: a COERCE event that happened (not negated, hypothetical, planned or threatened)
  whose trigger or mode names an arrest, a detention or custody;
* ``kill``: an ASSAULT event that happened with a count of the killed or a killing trigger;
* ``by_police``: whether such an arrest or killing has the police as actor (an actor of sector
  COP, or a police word in its text).

``None`` leaves a question unasked (the sentence tests something else).
"""

from collections.abc import Callable
from typing import NamedTuple

import pytest

from services.extract.domain.extractor import Extraction
from shared.models import Event

Extract = Callable[..., Extraction]

_HAPPENED = frozenset({"occurred", "ongoing"})
_ARREST_WORDS = ("arrest", "detain", "detention", "custody", "apprehend")
_KILLING_WORDS = ("kill", "murder", "dead", "death", "lynch", "massacre", "slay", "slain")
_POLICE_WORDS = ("police", "cop", "constable")


class Case(NamedTuple):
    text: str
    arrest: bool | None
    kill: bool | None
    by_police: bool | None = None
    """Of the arrest when ``arrest`` is true, else of the killing."""


def _is_arrest(event: Event) -> bool:
    said = f"{event.trigger.text} {event.mode or ''}".lower()
    return event.type == "COERCE" and any(word in said for word in _ARREST_WORDS)


def _is_killing(event: Event) -> bool:
    return event.type == "ASSAULT" and (
        any(m.kind == "killed" for m in event.magnitudes)
        or any(word in event.trigger.text.lower() for word in _KILLING_WORDS)
    )


def _by_police(event: Event) -> bool:
    return any(
        a.sector == "COP" or any(word in a.text.lower() for word in _POLICE_WORDS)
        for a in event.actors
    )


def _id(case: Case) -> str:
    return case.text[:40]


def _check(extract: Extract, case: Case) -> None:
    events = [e for e in extract(case.text).events if e.status in _HAPPENED]
    arrests = [e for e in events if _is_arrest(e)]
    killings = [e for e in events if _is_killing(e)]
    found = Case(case.text, bool(arrests), bool(killings))
    if case.by_police is not None:
        of = arrests if case.arrest else killings
        found = found._replace(by_police=any(_by_police(e) for e in of))
    expected = case._replace(
        arrest=found.arrest if case.arrest is None else case.arrest,
        kill=found.kill if case.kill is None else case.kill,
    )
    assert found == expected, [(e.type, e.trigger.text, e.mode, e.actors) for e in events]


GAPS: dict[str, str] = {}
"""Cases the extractor still fails, each with its cause: strict expected failures, so a fix
that turns one green fails the run until its entry is removed."""


def _params(cases: list[Case]) -> list[object]:
    return [
        pytest.param(c, marks=pytest.mark.xfail(strict=True, reason=GAPS[c.text]))
        if c.text in GAPS
        else c
        for c in cases
    ]


PASSIVE_BY_POLICE = [
    Case("three youths were arrested by the police on tuesday.", True, False, True),
    Case("the gang leader was nabbed by the crime branch from his hideout.", True, False, True),
    Case("two suspects were detained by police for questioning.", True, False, True),
    Case("a local goon was apprehended by the cops near the bus stand.", True, False, True),
    Case("the two men were held for questioning by the police.", True, False, True),
    Case("two youths were detained for interrogation by the crime branch.", True, False, True),
]

PASSIVE_WITHOUT_AGENT = [
    Case("the main accused was arrested on sunday.", True, False),
    Case("four persons were detained in connection with the murder.", True, None),
    Case("he was arrested in 1998 and later released on bail.", True, False),
    Case("the absconding accused was nabbed from surat on wednesday.", True, False),
    Case("over 50 people were rounded up from the riot-hit areas.", True, False),
]

POLICE_AS_SUBJECT = [
    Case("police arrested five people for rioting in the old city.", True, False, True),
    Case("the police lathicharged the mob and detained 20 persons.", True, False, True),
    Case("cops nabbed two chain snatchers in naranpura on friday.", True, False, True),
    Case("the city police have arrested a 25-year-old man for the murder.", True, None, True),
    Case("the cops detained the rickshaw driver for questioning.", True, False, True),
    Case("police arrested three men for killing a shopkeeper in shahpur.", True, None, True),
]

RANKS_AND_UNITS = [
    Case("a constable arrested the thief at the railway station.", True, False, True),
    Case("the sho of the naroda police station detained three men.", True, False, True),
    Case("the police commissioner said 45 people had been arrested.", True, False, True),
    Case("the commissioner of police said 300 persons had been detained.", True, False, True),
    Case("the crime branch picked up three suspects late on monday night.", True, False, True),
    Case("rapid action force personnel detained 12 persons in juhapura.", True, False, True),
    Case("a sub-inspector arrested the two youths on the spot.", True, False, True),
    Case("the dsp arrested the sarpanch on charges of corruption.", True, False, True),
    Case("psi patel detained three youths near the temple.", True, False, True),
    Case("srp jawans rounded up 30 persons from the area.", True, False, True),
    Case("the anti-terrorist squad arrested a suspected militant.", True, False, True),
]

CUSTODY_IDIOMS = [
    Case("the accused was taken into custody and remanded to judicial custody.", True, False),
    Case("the police took the driver into custody after the accident.", True, False, True),
    Case("police picked up the youth from his house in shahpur.", True, False, True),
    Case("police rounded up over 100 people after the violence.", True, False, True),
    Case("the police have picked up 15 persons for questioning.", True, False, True),
    Case("three youths were picked up for questioning on friday.", True, False),
    Case("the court remanded the accused in police custody till march 10.", True, False),
    Case("the magistrate remanded the three accused to judicial custody.", True, False),
    Case("the accused were sent to 14 days' police custody.", True, False),
    Case("the two were remanded on bail.", False, False),
]

KILLINGS = [
    Case("a police sub-inspector shot dead a youth during the clashes.", False, True, True),
    Case("two persons were killed in police firing in vadodara on friday.", False, True, True),
    Case("one person died in police firing at kalupur.", False, True, True),
    Case("a rioter was killed when the police opened fire on the mob.", False, True, True),
    Case("police shot dead two alleged criminals in an encounter.", False, True, True),
    Case("crpf jawans opened fire, killing two rioters.", False, True, True),
    Case("two people died in the communal violence in the old city.", False, True, False),
    Case("a mob lynched two suspected thieves in dholka village.", False, True, False),
    Case("the youth was stabbed to death by unidentified persons.", False, True, False),
    Case("three people were burnt alive by a mob in naroda patiya.", False, True, False),
    Case("two men were burnt alive by rioters inside their shop.", False, True, False),
    Case(
        "curfew was imposed and the rapid action force was deployed after two people died in "
        "stone pelting.",
        False,
        True,
        False,
    ),
    Case("a head constable was killed when a mob attacked the police chowki.", False, True, False),
    Case("the sho was shot dead by militants.", False, True, False),
    Case("a youth was killed and four injured in police firing.", False, True, True),
    Case(
        "two persons were killed and five injured when police opened fire on the mob.",
        False,
        True,
        True,
    ),
    Case("two men were killed when a gang stabbed them near the market.", False, True, False),
]

NEGATED_OR_NOT_YET = [
    Case("no one was arrested in connection with the incident.", False, False),
    Case("police denied that anyone was killed in the firing.", False, False),
    Case("police will arrest the culprits soon, the commissioner said.", False, False),
    Case("the police have not yet arrested anyone.", False, False),
    Case("the family demanded that the police arrest the killers.", False, False),
    Case("if the police had acted in time, no one would have been killed.", False, False),
]

NOT_POLICE_ACTIONS = [
    Case("the police station was set on fire by a mob.", False, False),
    Case("the police chowki was attacked by a mob of 500 people.", False, False),
    Case("a police jeep was torched by rioters in gomtipur.", False, False),
    Case("the police commissioner visited the riot-hit areas on friday.", False, False),
    Case("the accused was released on bail by the sessions court.", False, False),
    Case("his father picked up the children from school.", False, False),
    Case("three workers died in a fire at the factory.", False, False),
    Case("a labourer was killed when he fell from the roof.", False, False),
    Case("a youth was killed and four injured in a road accident.", False, False),
    Case("the police picked up the trail of the gang.", False, False),
    Case("two policemen were injured in stone pelting by the mob.", False, False),
    Case("an undertrial died in police custody at the naroda police station.", False, False),
    Case("sub-inspector k patel and two constables were injured by the mob.", False, False),
]


@pytest.mark.parametrize("case", _params(PASSIVE_BY_POLICE), ids=_id)
def test_a_passive_arrest_by_police_is_a_police_arrest(extract: Extract, case: Case) -> None:
    _check(extract, case)


@pytest.mark.parametrize("case", _params(PASSIVE_WITHOUT_AGENT), ids=_id)
def test_an_agentless_passive_arrest_is_an_arrest(extract: Extract, case: Case) -> None:
    _check(extract, case)


@pytest.mark.parametrize("case", _params(POLICE_AS_SUBJECT), ids=_id)
def test_police_as_lower_case_subject_arrest(extract: Extract, case: Case) -> None:
    _check(extract, case)


@pytest.mark.parametrize("case", _params(RANKS_AND_UNITS), ids=_id)
def test_police_ranks_and_units_are_police(extract: Extract, case: Case) -> None:
    _check(extract, case)


@pytest.mark.parametrize("case", _params(CUSTODY_IDIOMS), ids=_id)
def test_custody_idioms_are_arrests(extract: Extract, case: Case) -> None:
    _check(extract, case)


@pytest.mark.parametrize("case", _params(KILLINGS), ids=_id)
def test_killings_and_who_killed(extract: Extract, case: Case) -> None:
    _check(extract, case)


@pytest.mark.parametrize("case", _params(NEGATED_OR_NOT_YET), ids=_id)
def test_denied_or_future_arrests_and_killings_did_not_happen(extract: Extract, case: Case) -> None:
    _check(extract, case)


@pytest.mark.parametrize("case", _params(NOT_POLICE_ACTIONS), ids=_id)
def test_harm_done_to_the_police_or_their_property_is_no_police_action(
    extract: Extract, case: Case
) -> None:
    _check(extract, case)


@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        ("the youth was shot dead by a police sub-inspector.", "shot dead", "police sub-inspector"),
        ("a sub-inspector arrested the two youths on the spot.", "arrested", "sub-inspector"),
    ],
)
def test_a_rank_the_tokenizer_splits_at_its_hyphen_is_one_police_actor(
    extract: Extract, text: str, trigger: str, actor: str
) -> None:
    (event,) = [e for e in extract(text).events if e.trigger.text == trigger]
    assert [(a.text, a.sector) for a in event.actors] == [(actor, "COP")]


def test_a_participle_counted_by_a_numeral_names_people_not_an_event(extract: Extract) -> None:
    events = extract("the three accused were arrested and the four injured were taken away.").events
    assert [(e.type, e.trigger.text, [t.text for t in e.targets]) for e in events] == [
        ("COERCE", "arrested", ["three accused"])
    ]
    assert extract("three men accused of murder were arrested.").events[0].type == "ACCUSE"


def test_the_object_after_shot_dead_is_the_one_killed(extract: Extract) -> None:
    text = "a police sub-inspector shot dead a youth during the clashes."
    (event,) = [e for e in extract(text).events if e.trigger.text == "shot dead"]
    assert [t.text for t in event.targets] == ["youth"]


def test_a_number_with_its_own_participle_counts_what_that_says(extract: Extract) -> None:
    text = "a youth was killed and four injured in police firing."
    counts = [(m.kind, m.value) for e in extract(text).events for m in e.magnitudes]
    assert ("injured", 4) in counts and ("killed", 4) not in counts


def test_a_hyphenated_word_split_between_two_phrases_is_whole_in_one(extract: Extract) -> None:
    text = "Norland Motors co-founder Anna Vale was attacked by critics."
    (event,) = extract(text).events
    assert [t.text for t in event.targets] == ["Norland Motors co-founder", "Anna Vale"]
