"""Third pass on claims: quotations introduced by words of showing, colon introductions on
nouns, agentless charges, stranded and question complements, participial reports. Sentences
written for the tests."""

from collections.abc import Callable

from services.extract.domain.extractor import Extraction

Extract = Callable[..., Extraction]


def _by_content(extraction: Extraction) -> dict[str, str | None]:
    return {c.content.text: c.speaker.name for c in extraction.claims}


def test_quotation_after_a_noun_of_showing_belongs_to_the_user(extract: Extract) -> None:
    claims = _by_content(
        extract("The mayor has often used the phrase “city of bridges” in her speeches.")
    )
    assert claims == {"city of bridges": "mayor"}


def test_quotation_after_a_verb_of_writing_belongs_to_the_writer(extract: Extract) -> None:
    claims = _by_content(extract("On the form, a clerk had typed “no further action.”"))
    assert claims == {"no further action": "clerk"}


def test_as_someone_put_it_introduces_a_quotation(extract: Extract) -> None:
    text = "The senator is seen, as the Harbour Gazette put it, “the great survivor.”"
    claims = _by_content(extract(text))
    assert claims["the great survivor"] == "Harbour Gazette"


def test_colon_after_an_object_noun_introduces_the_subjects_quotation(extract: Extract) -> None:
    text = 'Governor Ada Price is trying out a new slogan: "Build it here."'
    claims = _by_content(extract(text))
    assert claims.get("Build it here") == "Ada Price"


def test_words_before_a_colon_are_not_part_of_the_said_quotation(extract: Extract) -> None:
    text = "Senator Joan Avery scolded him: “The figures do not add up,” she said."
    (claim,) = extract(text).claims
    assert claim.content.text == "The figures do not add up"
    assert claim.kind == "direct"
    assert claim.speaker.name == "Joan Avery"


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
