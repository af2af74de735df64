"""A town named by a civic body that serves it ("the Groton Town Council", "Elkhart Fire
Department"), whatever the parser labelled the whole (invented sentences)."""

from __future__ import annotations

from spacy.language import Language

from services.extract.domain.toponyms import geoparse
from shared.models import Place


def _places(nlp: Language, text: str) -> dict[str, Place]:
    return {place.text: place for place in geoparse(nlp(text))}


def test_town_council_names_its_town(nlp: Language) -> None:
    places = _places(nlp, "Ann Price resigned from the Groton Town Council on Monday.")
    assert places["Groton"].country == "USA"


def test_fire_department_names_its_town(nlp: Language) -> None:
    places = _places(nlp, "The Elkhart Fire Department was called at noon.")
    assert places["Elkhart"].country == "USA"


def test_court_names_its_town(nlp: Language) -> None:
    places = _places(nlp, "A judge at Litchfield Superior Court set bail.")
    assert places["Litchfield"].country == "USA"


def test_school_named_like_a_town_is_no_place(nlp: Language) -> None:
    # control: schools are often named for people ("Lincoln High School")
    assert "Lincoln" not in _places(nlp, "Pupils at Lincoln High School won the contest.")
