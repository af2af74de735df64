"""Quotations attributed by the words around them rather than by a reporting verb: after a word
of showing or writing, after a colon, after "to her,", given by a naming verb ("calls them
“…”"), coordinated with another, inside a reported paragraph. Sentences written for the
tests."""

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


def test_quote_after_to_phrase_is_that_persons_view(extract: Extract) -> None:
    text = (
        "She thanks the writers for their work because to her, "
        "“there is nothing more important than telling the story right.”"
    )
    claims = [c for c in extract(text).claims if c.kind == "direct"]
    assert [c.content.text for c in claims] == [
        "there is nothing more important than telling the story right"
    ]


def test_object_of_to_after_a_verb_does_not_give_a_view(extract: Extract) -> None:
    text = "The mayor handed the keys to Ana Lopez, “the best driver in town.”"
    assert all(c.cue is None or c.cue.text != "to" for c in extract(text).claims)


def test_quoted_name_given_by_a_naming_verb_is_direct(extract: Extract) -> None:
    text = "When they are caught, the ministers call them “lone wolves” and move on."
    (claim,) = [c for c in extract(text).claims if c.kind == "direct"]
    assert claim.content.text == "lone wolves"
    assert claim.cue is not None and claim.cue.lemma == "call"
    assert claim.speaker.name == "ministers"


def test_coordinated_quoted_names_are_one_claim(extract: Extract) -> None:
    text = "The mayor calls people “losers” and “sad.”"
    (claim,) = [c for c in extract(text).claims if c.cue is not None and c.cue.lemma == "call"]
    assert claim.content.text.startswith("losers")
    assert claim.content.text.rstrip(".”").endswith("sad")


def test_quotation_inside_a_reported_paragraph_keeps_its_own_writer(extract: Extract) -> None:
    text = (
        "The reporter writes:\n\n"
        "She had been ill for weeks. On her papers, a doctor had typed “severe fatigue.” "
        "Then she went home."
    )
    claims = extract(text).claims
    typed = [c for c in claims if c.cue is not None and c.cue.lemma == "type"]
    assert [c.content.text for c in typed] == ["severe fatigue"]
    assert typed[0].speaker.name == "doctor"
