"""A name the article writes after a personal title is that person's throughout: a town is
never "Mrs." anything, and a name keeps one sense in a text. The words around a mention can
still make it a place, and a city of its own standing stays one. Every sentence is invented for
the test."""

from collections.abc import Callable

from services.extract.domain.extractor import Extraction

Extract = Callable[..., Extraction]

_CAMPAIGN = (
    "Mrs. Clinton toured Ohio and Iowa on Monday. Clinton was ahead in the latest poll, and "
    "Clinton told reporters in Des Moines that the race was close. Mrs. Clinton then flew home."
)


def _place_texts(extraction: Extraction) -> list[str]:
    return [place.text for place in extraction.places]


def test_a_surname_written_after_mrs_is_no_town_elsewhere_in_the_article(
    extract: Extract,
) -> None:
    assert "Clinton" not in _place_texts(extract(_CAMPAIGN))


def test_a_place_preposition_keeps_the_namesake_town_a_place(extract: Extract) -> None:
    # control: "in Clinton" is the mention's own evidence of a town
    text = _CAMPAIGN + " The rally will be held in Clinton, a small town in Iowa."
    places = [p for p in extract(text).places if p.text == "Clinton"]
    assert [p.start for p in places] == [text.index("in Clinton") + 3]


def test_a_citys_name_after_a_title_stays_a_place_elsewhere(extract: Extract) -> None:
    # control: a city of 100,000 people keeps its reading whoever shares its name
    text = (
        "Mr. Phoenix spoke at the launch in Boston. Phoenix has grown faster than any other "
        "American city this decade."
    )
    assert "Phoenix" in _place_texts(extract(text))
