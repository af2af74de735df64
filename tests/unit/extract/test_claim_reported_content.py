"""What a reporting verb's content is: its object and where the object ends, a passive
charge, an embedded question, a coordinated noun phrase, a participial report that is a claim
of its own. Sentences written for the tests."""

from collections.abc import Callable

from services.extract.domain.extractor import Extraction

Extract = Callable[..., Extraction]


def _by_content(extraction: Extraction) -> dict[str, str | None]:
    return {c.content.text: c.speaker.name for c in extraction.claims}


def test_agentless_charge_keeps_the_accused_and_the_charge(extract: Extract) -> None:
    (claim,) = extract("The treasurer was accused of moving club funds abroad.").claims
    assert claim.content.text == "The treasurer … moving club funds abroad"
    assert claim.speaker.mention is None


def test_embedded_question_of_a_speech_verb_is_its_content(extract: Extract) -> None:
    claims = _by_content(extract("The council has not said when the pool will reopen."))
    assert list(claims) == ["when the pool will reopen"]


def test_participial_report_is_not_part_of_the_first_content(extract: Extract) -> None:
    text = "Ivan Petrov said the tax was unfair, arguing that farmers would pay twice."
    contents = list(_by_content(extract(text)))
    assert "the tax was unfair" in contents
    assert "that farmers would pay twice" in contents


def test_pronoun_object_of_a_naming_verb_is_part_of_the_content(extract: Extract) -> None:
    claims = _by_content(extract("Dr. Lena Voss called it a reckless experiment."))
    assert claims == {"it a reckless experiment": "Lena Voss"}


def test_object_content_runs_to_the_end_of_its_clause(extract: Extract) -> None:
    (claim,) = extract("The coach complained about the pitch the morning after the match.").claims
    assert claim.content.text == "the pitch the morning after the match"


def test_noun_phrase_coordinated_after_the_object_is_part_of_it(extract: Extract) -> None:
    text = "She started off by emphasizing economic fairness, and a need to raise the minimum wage."
    (claim,) = extract(text).claims
    assert claim.content.text == "economic fairness, and a need to raise the minimum wage"


def test_object_content_stops_before_a_phrase_of_time(extract: Extract) -> None:
    claims = extract("The senator has not criticized the governor since the storm.").claims
    assert [c.content.text for c in claims] == ["the governor"]


def test_object_content_stops_before_a_phrase_of_place(extract: Extract) -> None:
    claims = extract("The mayor attacked the council in a late-night post.").claims
    assert [c.content.text for c in claims] == ["the council"]


def test_object_predicate_keeps_its_phrase_of_place(extract: Extract) -> None:
    claims = extract("The coach likened the referee to a wall in a storm.").claims
    assert [c.content.text for c in claims] == ["the referee to a wall in a storm"]


def test_first_listed_preposition_after_the_cue_gives_the_content(extract: Extract) -> None:
    text = "The union called for more school funding in a statement on Thursday."
    (claim,) = extract(text).claims
    assert claim.content.text.startswith("more school funding")
