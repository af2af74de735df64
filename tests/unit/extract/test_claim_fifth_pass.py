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
