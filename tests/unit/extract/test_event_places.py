"""An event's location: the geoparsed place tied to its trigger, else its sentence's; the
dateline's or the article's country is the main event's location and any other event's
setting; ``Location.source`` says which (invented sentences)."""

from __future__ import annotations

from collections.abc import Callable

from services.extract.domain.extractor import Extraction
from shared.models import Event, Location

Extract = Callable[..., Extraction]


def _location(extraction: Extraction, trigger: str) -> Location | None:
    (event,) = [e for e in extraction.events if e.trigger.text == trigger]
    return event.location


def _setting(extraction: Extraction, trigger: str) -> Location | None:
    (event,) = [e for e in extraction.events if e.trigger.text == trigger]
    return event.setting


def _main(extraction: Extraction) -> Event:
    (event,) = [e for e in extraction.events if e.is_main]
    return event


def test_place_phrase_of_the_trigger_is_attached(extract: Extract) -> None:
    location = _location(extract("Police arrested two men in Kharkiv on Monday."), "arrested")
    assert location is not None
    assert (location.text, location.country, location.source) == ("Kharkiv", "UKR", "attached")
    assert location.precision == "city" and location.geonameid is not None


def test_most_specific_place_of_a_phrase_is_the_location(extract: Extract) -> None:
    location = _location(
        extract("Police arrested two men in the US state of Michigan on Monday."), "arrested"
    )
    assert location is not None
    assert (location.text, location.precision) == ("Michigan", "region")


def test_town_modifying_the_head_of_a_place_phrase_is_its_place(extract: Extract) -> None:
    location = _location(
        extract("Police arrested two men in a Nairobi suburb on Monday."), "arrested"
    )
    assert location is not None
    assert (location.text, location.source) == ("Nairobi", "attached")


def test_small_town_name_before_an_event_noun_is_not_its_place(extract: Extract) -> None:
    title = "Protesters march through Nairobi"
    extraction = extract(f"{title}\n\nThe Arsenal deal collapsed on Monday.", title=title)
    assert _location(extraction, "deal") is None


def test_town_before_its_parent_is_the_location(extract: Extract) -> None:
    location = _location(
        extract("Police arrested two men in Baltimore, Maryland, on Monday."), "arrested"
    )
    assert location is not None and location.name == "Baltimore"


def test_location_text_is_the_place_as_written_with_its_parents(extract: Extract) -> None:
    location = _location(
        extract("Police arrested two men in Baltimore, Maryland, on Monday."), "arrested"
    )
    assert location is not None
    assert (location.text, location.country) == ("Baltimore, Maryland", "USA")


def test_parent_division_noun_and_compass_part_belong_to_the_written_place(
    extract: Extract,
) -> None:
    province = _location(
        extract("Police arrested two men in Chengde, Hebei province, on Monday."), "arrested"
    )
    london = _location(extract("A tram crashed in Bromley, south London, on Monday."), "crashed")
    assert province is not None and province.text == "Chengde, Hebei province"
    assert london is not None and london.text == "Bromley, south London"


def test_comma_list_of_places_is_no_parent(extract: Extract) -> None:
    location = _location(
        extract("Police arrested two men in Leeds, Bradford and Hull on Monday."), "arrested"
    )
    assert location is not None and location.text == "Leeds"


def test_place_elsewhere_in_the_sentence_is_the_sentence_place(extract: Extract) -> None:
    title = "Protesters march through Nairobi"
    extraction = extract(
        f"{title}\n\nPolice arrested two protesters, officials in Kenya said on Monday.",
        title=title,
    )
    location = _location(extraction, "arrested")
    assert location is not None
    assert (location.text, location.country, location.source) == ("Kenya", "KEN", "sentence")


def test_place_modifying_another_noun_is_not_the_sentence_place(extract: Extract) -> None:
    title = "Protesters march through Nairobi"
    extraction = extract(f"{title}\n\nPolice arrested two US soldiers on Monday.", title=title)
    assert _location(extraction, "arrested") is None


def test_place_standing_for_its_government_is_not_the_sentence_place(extract: Extract) -> None:
    title = "Protesters march through Nairobi"
    extraction = extract(
        f"{title}\n\nPolice arrested two US soldiers, Japan said on Monday.", title=title
    )
    assert _location(extraction, "arrested") is None


def test_origin_of_people_in_the_sentence_is_not_the_sentence_place(extract: Extract) -> None:
    title = "Protesters march through Nairobi"
    extraction = extract(
        f"{title}\n\nPolice arrested two men as representatives from France watched on Monday.",
        title=title,
    )
    assert _location(extraction, "arrested") is None


def test_event_without_a_place_takes_the_dateline(extract: Extract) -> None:
    extraction = extract(
        "LVIV, Ukraine (AP) — The mayor spoke on Monday.\n\n"
        "Later, police arrested two men after the meeting."
    )
    location = _location(extraction, "arrested")
    assert location is not None
    assert (location.name, location.country, location.source) == ("Lviv", "UKR", "dateline")


def test_other_event_without_a_place_is_set_in_the_dateline_place(extract: Extract) -> None:
    title = "Rebels attack a convoy in Kharkiv"
    extraction = extract(
        f"{title}\n\nLVIV, Ukraine (AP) — Rebels attacked a convoy in Kharkiv on Monday.\n\n"
        "Later, police arrested two men after a meeting.",
        title=title,
    )
    assert _main(extraction).trigger.text != "arrested"
    assert _location(extraction, "arrested") is None
    setting = _setting(extraction, "arrested")
    assert setting is not None
    assert (setting.name, setting.country, setting.source) == ("Lviv", "UKR", "dateline")


def test_event_with_a_place_of_its_own_has_no_setting(extract: Extract) -> None:
    extraction = extract(
        "LVIV, Ukraine (AP) — The mayor spoke on Monday.\n\n"
        "Later, police arrested two men in Kharkiv after the meeting."
    )
    location = _location(extraction, "arrested")
    assert location is not None and location.name == "Kharkiv"
    assert _setting(extraction, "arrested") is None


def test_event_without_a_place_in_a_story_about_one_country_is_set_in_the_country(
    extract: Extract,
) -> None:
    extraction = extract(
        "Kenya's parliament met in Nairobi on Monday. Lawmakers from Kenya debated the "
        "budget.\n\nLater, police arrested two protesters after the debate."
    )
    assert _location(extraction, "arrested") is None
    setting = _setting(extraction, "arrested")
    assert setting is not None
    assert (setting.country, setting.precision, setting.source) == ("KEN", "country", "article")
    assert setting.text == "Kenya" and setting.geonameid == 192950


def test_story_about_several_countries_gives_no_country_to_events_without_a_place(
    extract: Extract,
) -> None:
    title = "Ministers of Kenya and Uganda meet in Nairobi"
    extraction = extract(
        f"{title}\n\nMinisters of Kenya and Uganda met in Nairobi and Kampala on Monday.\n\n"
        "Later, police arrested two protesters after the debate.",
        title=title,
    )
    assert _location(extraction, "arrested") is None
    assert _setting(extraction, "arrested") is None


def test_main_event_place_from_the_headline_is_attached(extract: Extract) -> None:
    title = "Police arrest protesters in Lviv"
    extraction = extract(f"{title}\n\nThe mayor said the arrests were lawful.", title=title)
    location = _main(extraction).location
    assert location is not None
    assert (location.text, location.source) == ("Lviv", "attached")


def test_main_event_without_a_place_of_its_own_does_not_take_the_story_country(
    extract: Extract,
) -> None:
    title = "Police arrest protesters"
    extraction = extract(
        f"{title}\n\nPolice arrested twenty protesters on Monday, officials said. Kenya's "
        "parliament had banned the march. Lawmakers from Kenya debated the ban.",
        title=title,
    )
    assert _main(extraction).location is None
    (other,) = [e for e in extraction.events if e.trigger.text == "arrested"]
    assert other.setting is not None and other.setting.source == "article"


def test_main_event_without_a_place_of_its_own_takes_the_place_the_story_keeps_naming(
    extract: Extract,
) -> None:
    title = "Fans celebrate the title"
    extraction = extract(
        f"{title}\n\nThousands of fans celebrated the title on Monday. The team has played in "
        "Nairobi since 1950. Shops in Nairobi stayed open late, and the mayor of Nairobi "
        "thanked the players.",
        title=title,
    )
    location = _main(extraction).location
    assert location is not None
    assert (location.text, location.country, location.source) == ("Nairobi", "KEN", "article")


def test_place_named_as_often_as_many_others_is_not_the_story_place(extract: Extract) -> None:
    title = "Fans celebrate the title"
    extraction = extract(
        f"{title}\n\nThousands of fans celebrated the title on Monday. The team has played in "
        "Nairobi. It toured Uganda, Nigeria, Ghana, Rwanda, Egypt, Zambia, Mali and Senegal "
        "last year. Shops in Nairobi stayed open late, and the mayor of Nairobi thanked the "
        "players.",
        title=title,
    )
    assert _main(extraction).location is None


def test_main_event_takes_the_sentence_place_of_a_lead_mention_of_the_same_event(
    extract: Extract,
) -> None:
    title = "Police arrest protesters"
    extraction = extract(
        f"{title}\n\nThe march began at noon on Monday. Police arrested twenty protesters, "
        "officials in Kenya said.",
        title=title,
    )
    location = _main(extraction).location
    assert location is not None
    assert (location.text, location.source) == ("Kenya", "lead")
