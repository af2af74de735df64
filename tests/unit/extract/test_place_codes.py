"""A code GeoNames lists among a town's alternate names (an airport's: "BBC" of Bay City, "MOD"
of Modesto) is no name of it; initials are ("NYC", "LA"). Every sentence is invented for the
test."""

from collections.abc import Callable

from services.extract.domain.extractor import Extraction

Extract = Callable[..., Extraction]


def test_an_airport_code_is_no_town(extract: Extract) -> None:
    text = "The BBC said the MoD had briefed MPs on Tuesday in Texas."
    named = {p.text: p.name for p in extract(text).places}
    assert [named.get(code) for code in ("BBC", "MoD", "MPs")] == [None, None, None]
    assert named["Texas"] == "Texas"


def test_initials_of_a_towns_name_still_name_it(extract: Extract) -> None:
    # control
    places = extract("Fans in NYC and LA watched the final on Sunday.").places
    assert {(p.text, p.name) for p in places} >= {
        ("NYC", "New York City"),
        ("LA", "Los Angeles"),
    }
