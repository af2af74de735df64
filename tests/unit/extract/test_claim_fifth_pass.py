from collections.abc import Callable

from services.extract.domain.extractor import Extraction

Extract = Callable[..., Extraction]


def test_object_content_stops_before_a_phrase_of_time(extract: Extract) -> None:
    claims = extract("The senator has not criticized the governor since the storm.").claims
    assert [c.content.text for c in claims] == ["the governor"]


def test_object_content_stops_before_a_phrase_of_place(extract: Extract) -> None:
    claims = extract("The mayor attacked the council in a late-night post.").claims
    assert [c.content.text for c in claims] == ["the council"]


def test_object_predicate_keeps_its_phrase_of_place(extract: Extract) -> None:
    claims = extract("The coach likened the referee to a wall in a storm.").claims
    assert [c.content.text for c in claims] == ["the referee to a wall in a storm"]


def test_headline_opened_by_a_name_and_colon_gives_the_headline_to_the_name(
    extract: Extract,
) -> None:
    text = (
        "Ana Lopez: Harbour Budget Will Not Pass This Year\nThe mayor spoke to reporters on Monday."
    )
    (claim,) = [c for c in extract(text).claims if c.cue is not None and c.cue.text == ":"]
    assert claim.content.text == "Harbour Budget Will Not Pass This Year"
    assert claim.speaker.mention is not None
    assert claim.speaker.mention.text == "Ana Lopez"


def test_headline_label_with_a_function_word_is_not_a_speaker(extract: Extract) -> None:
    for headline in ("The Latest: Harbour Budget Will Not Pass", "Rain Over Harbour: Roads Close"):
        text = headline + "\nThe mayor spoke to reporters on Monday."
        assert all(c.cue is None or c.cue.text != ":" for c in extract(text).claims)


def test_colon_after_a_name_later_in_the_text_is_not_a_headline(extract: Extract) -> None:
    text = "The council met on Monday.\nAna Lopez: Harbour Budget Will Not Pass This Year"
    assert all(c.cue is None or c.cue.text != ":" for c in extract(text).claims)


def test_dateline_before_a_colon_is_not_a_speaker(extract: Extract) -> None:
    text = "HARBOUR CITY: The council voted on Monday to close the old bridge for repairs."
    assert all(c.cue is None or c.cue.text != ":" for c in extract(text).claims)


def test_title_case_headline_verb_is_a_cue(extract: Extract) -> None:
    text = "Harbour Mayor Vows To Rebuild The Old Bridge\nThe mayor spoke to reporters on Monday."
    (claim,) = [c for c in extract(text).claims if c.cue is not None and c.cue.text == "Vows"]
    assert claim.content.text == "To Rebuild The Old Bridge"
    assert claim.speaker.mention is not None
    assert claim.speaker.mention.text == "Harbour Mayor"


def test_sentence_case_headline_is_left_to_the_parser(extract: Extract) -> None:
    text = "Harbour mayor vows to rebuild the old bridge\nThe mayor spoke to reporters on Monday."
    claims = [c for c in extract(text).claims if c.cue is not None and c.cue.text == "vows"]
    assert len(claims) == 1


def test_first_listed_preposition_after_the_cue_gives_the_content(extract: Extract) -> None:
    text = "The union called for more school funding in a statement on Thursday."
    (claim,) = extract(text).claims
    assert claim.content.text.startswith("more school funding")


def test_a_name_in_apposition_with_a_title_is_a_person_whatever_the_ner_says(
    extract: Extract,
) -> None:
    # The small model labels "Pieter de Vries" ORG here; the title in apposition says person,
    # and the pronoun of the next sentence resolves to him.
    text = (
        "The union's chairman, Pieter de Vries, said the workers were ready to accept a "
        'mediator. "Nobody wants this to drag on," he said.'
    )
    claims = extract(text).claims
    assert [(c.speaker.name, c.speaker.type, c.speaker.role) for c in claims] == [
        ("Pieter de Vries", "PERSON", "union's chairman"),
        ("Pieter de Vries", "PERSON", "union's chairman"),
    ]
