"""Place names written without the diacritics of their own language ("Cancun", "Zurich"):
the gazetteer's folded names, and what they may not do (invented sentences)."""

from __future__ import annotations

from spacy.language import Language

from services.extract.domain.gazetteer import Gazetteer, GazetteerEntry, gazetteer
from services.extract.domain.geo import without_diacritics
from services.extract.domain.toponyms import geoparse
from shared.models import Place


def _places(nlp: Language, text: str) -> dict[str, Place]:
    return {place.text: place for place in geoparse(nlp(text))}


def _town(name: str, population: int) -> GazetteerEntry:
    return GazetteerEntry(name, "P.PPL", "XXX", None, population, None, 0.0, 0.0)


def test_fold_drops_diacritics_but_keeps_other_letters() -> None:
    assert without_diacritics("Zürich São Bogotá") == "Zurich Sao Bogota"
    assert without_diacritics("Łódź") == "Łodz"  # the stroke is no combining mark


def test_large_town_is_found_under_its_name_without_diacritics() -> None:
    gaz = Gazetteer([("nórdby", _town("Nórdby", 500_000), False)])
    [entry] = gaz.lookup("Nordby")
    assert (entry.name, entry.by_fold, entry.by_alternate) == ("Nórdby", True, False)
    assert gaz.lookup("Nórdby")[0].by_fold is False


def test_village_is_not_found_under_its_name_without_diacritics() -> None:
    gaz = Gazetteer([("tītan", _town("Tītan", 800), False)])
    assert gaz.lookup("Titan") == ()
    assert gaz.lookup("Tītan")[0].name == "Tītan"


def test_town_bearing_the_bare_name_as_alternate_reads_as_its_own_name() -> None:
    # GeoNames lists "Armentieres" among Armentières' alternate names
    town = _town("Armentières", 26_000)
    gaz = Gazetteer([("armentières", town, False), ("armentieres", town, True)])
    [entry] = gaz.lookup("Armentieres")
    assert (entry.by_alternate, entry.by_fold) == (False, True)


def test_gazetteer_index_keeps_the_folded_names() -> None:
    assert gazetteer().lookup("Zurich")[0].country == "CHE"


def test_name_written_without_diacritics_is_no_part_of_a_longer_name(nlp: Language) -> None:
    # "Zurich" stands for Zürich, but a town read out of a longer name must be written as
    # its own name: the Zurich Premiership is a rugby league
    places = _places(nlp, "Bath drew both Zurich Premiership fixtures last month.")
    assert all(place.country != "CHE" for place in places.values())


def test_name_written_without_its_accent_finds_the_accented_town(nlp: Language) -> None:
    # GeoNames writes "Cancún"; an alternate name of Changchun is also "Cancun"
    places = _places(nlp, "The couple flew to Cancun for their honeymoon last week.")
    assert places["Cancun"].country == "MEX"


def test_accented_name_still_finds_its_town(nlp: Language) -> None:
    places = _places(nlp, "The couple flew to Cancún for their honeymoon last week.")
    assert places["Cancún"].country == "MEX"


def test_capital_written_without_diacritics_is_not_its_province(nlp: Language) -> None:
    # GeoNames: the city "Tehran" and the province "Tehrān"; a bare "Tehran" is the capital
    places = _places(nlp, "Pilots said the new airport near Tehran would open in May.")
    assert places["Tehran"].feature == "P.PPLC"


def test_province_written_as_one_stays_the_province(nlp: Language) -> None:
    places = _places(nlp, "Gunmen attacked a bank in Tehran province on Monday.")
    assert places["Tehran"].feature == "A.ADM1"
