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
