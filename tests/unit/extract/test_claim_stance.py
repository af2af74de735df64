"""Attributions beyond speech verbs: nominal cues, stance adjectives, intentions and opinion
adjuncts. Sentences written for the tests."""

from collections.abc import Callable

from services.extract.domain.extractor import Extraction

Extract = Callable[..., Extraction]


def _by_speaker(extraction: Extraction) -> dict[str | None, str]:
    return {c.speaker.name: c.content.text for c in extraction.claims}


def test_light_verb_with_nominal_cue_gives_the_subjects_view(extract: Extract) -> None:
    text = "Senator Maria Lopez raised questions about the new pipeline on Tuesday."
    (claim,) = extract(text).claims
    assert claim.speaker.name == "Maria Lopez"
    assert "the new pipeline" in claim.content.text


def test_possessive_holds_a_nominal_cue_of_evaluation(extract: Extract) -> None:
    text = "Governor Paul Hart's criticism of the budget surprised his own party."
    (claim,) = extract(text).claims
    assert claim.speaker.name == "Paul Hart"
    assert claim.content.text == "the budget"


def test_stance_adjective_takes_its_prepositional_object(extract: Extract) -> None:
    text = "Ellen Park has been critical of the trade agreement for years."
    (claim,) = extract(text).claims
    assert claim.speaker.name == "Ellen Park"
    assert claim.content.text.startswith("the trade agreement")


def test_refusal_reports_the_intended_act(extract: Extract) -> None:
    text = "The mayor, Dan Cole, refused to release the audit of the city budget."
    claims = extract(text).claims
    assert any("release the audit" in c.content.text for c in claims)


def test_as_clause_attributes_the_clause_it_modifies(extract: Extract) -> None:
    text = "The harbour, as the minister said on Monday, will reopen next spring."
    (claim,) = extract(text).claims
    assert claim.content.text.startswith("The harbour")
    assert "will reopen next spring" in claim.content.text
    assert "minister" not in claim.content.text


def test_in_someones_view_is_an_attribution(extract: Extract) -> None:
    text = "In Anna Berg's view, the reform is too timid and will not last."
    (claim,) = extract(text).claims
    assert claim.speaker.name == "Anna Berg"
    assert claim.content.text == "the reform is too timid and will not last"


def test_a_conjoined_report_is_not_part_of_the_first_content(extract: Extract) -> None:
    text = "His advisers say it is too early to decide but noted that polls look good."
    contents = [c.content.text for c in extract(text).claims]
    assert "it is too early to decide" in contents
    assert all("polls look good" not in c or "too early" not in c for c in contents)


def test_regard_verb_needs_its_predicate(extract: Extract) -> None:
    assert not extract("Tom Reyes viewed the parade from a balcony.").claims
    (claim,) = extract("Tom Reyes viewed the deal as a betrayal.").claims
    assert "a betrayal" in claim.content.text


def test_one_named_object_of_an_endorsement_is_content(extract: Extract) -> None:
    (claim,) = extract("On Sunday, the Daily Ledger endorsed Hernandez.").claims
    assert claim.content.text == "Hernandez"
