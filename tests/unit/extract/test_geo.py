from services.extract.domain.geo import country_for_demonym, country_for_name, geocode


def test_alternate_spelling_geocodes_to_the_city() -> None:
    place = geocode("Mykolaiv")
    assert place is not None
    assert (place.name, place.country, place.geonameid) == ("Mykolayiv", "UKR", 700569)
    assert place.lat is not None and place.lon is not None


def test_ambiguous_city_prefers_a_country_the_article_mentions() -> None:
    default = geocode("Moscow")
    preferred = geocode("Moscow", preferred_countries=["USA"])
    assert default is not None and default.country == "RUS"
    assert preferred is not None and preferred.country == "USA"


def test_country_name_is_a_country_place() -> None:
    place = geocode("Ukraine")
    assert place is not None and place.is_country and place.country == "UKR"


def test_demonyms_and_capitals_map_to_countries() -> None:
    assert country_for_demonym("Russian") == "RUS"
    assert country_for_demonym("Ukrainians") == "UKR"
    assert country_for_name("Moscow") == "RUS"
    assert country_for_name("the United States") == "USA"


def test_unknown_name_does_not_geocode() -> None:
    assert geocode("Qwertyville") is None
