"""A compass word and a part word ("the West Coast", "the East End"): a part of the story's
setting, not a namesake abroad (invented sentences)."""

from __future__ import annotations

from spacy.language import Language

from services.extract.domain.toponyms import geoparse
from shared.models import Place


def _places(nlp: Language, text: str) -> dict[str, Place]:
    return {place.text: place for place in geoparse(nlp(text))}


def test_compass_and_part_word_is_no_foreign_region_the_article_never_names(
    nlp: Language,
) -> None:
    # GeoNames: West Coast is a region of New Zealand and an alternate name of Western Australia
    text = "Wildfires spread along the West Coast as California and Oregon burned."
    assert _places(nlp, text)["West Coast"].country is None


def test_compass_and_part_word_in_the_named_country_is_read(nlp: Language) -> None:
    text = "Floods hit the West Coast of New Zealand, and Greymouth was cut off."
    assert _places(nlp, text)["West Coast"].country == "NZL"


def test_compass_and_part_word_that_names_a_territory_stays(nlp: Language) -> None:
    assert _places(nlp, "Israeli troops left the West Bank.")["West Bank"].country == "PSE"


def test_part_word_after_a_compass_word_is_no_foreign_town(nlp: Language) -> None:
    # "Side" alone is a Turkish town; "a South Side man" names a part of the story's city
    places = _places(nlp, "A South Side man was charged after a fight in Chicago on Monday.")
    assert all(place.country != "TUR" for place in places.values())
