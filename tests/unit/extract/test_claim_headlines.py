"""Headlines: a name and a colon opening the first line gives it the headline; a title-case
headline's verb is a cue; labels and datelines are not speakers. Sentences written for the
tests."""

from collections.abc import Callable

from services.extract.domain.extractor import Extraction

Extract = Callable[..., Extraction]


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
