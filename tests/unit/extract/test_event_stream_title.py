"""An article as a stream delivers it: its title apart from its text (the body does not repeat
the headline), which still says what the news is, and its publication time in the outlet's own
time zone. Every sentence is invented for the test."""

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone

from services.extract.domain.extractor import ArticleText, Extraction, Extractor
from tests.unit.extract.event_lookup import event_of, main_event

Extract = Callable[..., Extraction]

_STRIKE_BODY = (
    "The transport union has rejected the latest pay offer from the operators. "
    "Its members will stage a protest outside the ministry next month, the union said."
)
_BAKERY_BODY = (
    "The bakery chain Crumbs has opened twelve shops in Scotland this year. "
    "The firm was founded in 1990. "
    "Hundreds of farmers protested outside parliament on Monday against a tax on bread."
)


def test_the_body_event_of_the_kind_the_title_names_is_the_news(extract: Extract) -> None:
    # the title's strike and the body's protest are one kind of event (PLOVER PROTEST)
    main = main_event(extract(_STRIKE_BODY, title="Rail union to strike over pay"))
    assert (main.type, main.trigger.text) == ("PROTEST", "protest")


def test_without_a_title_the_lede_event_comes_first(extract: Extract) -> None:
    # control: nothing but the inverted pyramid then ranks the two
    main = main_event(extract(_STRIKE_BODY))
    assert (main.type, main.trigger.text) == ("REJECT", "rejected")


def test_under_a_title_naming_no_event_the_ledes_predicate_is_the_news(extract: Extract) -> None:
    # not the protest deep in the body that the title does not mention
    main = main_event(extract(_BAKERY_BODY, title="Bakery chain expands north"))
    assert (main.type, main.trigger.text) == ("OTHER", "opened")


def test_under_a_title_naming_the_bodys_event_that_event_is_the_news(extract: Extract) -> None:
    # control: a title that names the protest keeps it the news
    main = main_event(extract(_BAKERY_BODY, title="Farmers protest over bread tax"))
    assert (main.type, main.trigger.text) == ("PROTEST", "protested")


def test_the_body_event_named_by_the_titles_verb_is_the_news(extract: Extract) -> None:
    body = (
        "Thousands of fans marched through the city centre on Sunday to honour the singer. "
        "The singer, who led the band for 40 years, died in hospital on Friday."
    )
    assert main_event(extract(body, title="Folk singer dies at 81")).trigger.text == "died"
    assert main_event(extract(body)).trigger.text == "marched"  # control: no title


def test_a_title_far_longer_than_a_headline_is_cut_and_still_read(extract: Extract) -> None:
    # a hostile "title" of 200,000 characters: its first 300 are parsed (MAX_TITLE_CHARACTERS)
    title = "Rail union to strike over pay " + "and more " * 25_000
    main = main_event(extract(_STRIKE_BODY, title=title))
    assert (main.type, main.trigger.text) == ("PROTEST", "protest")


def test_yesterday_counts_from_the_outlets_own_day(extractor: Extractor) -> None:
    # 23:30 on Sunday 5 May in New York is 04:30 on Monday in UTC
    text = "Police arrested two men in Chicago yesterday, officials said."
    new_york = datetime(2024, 5, 5, 23, 30, tzinfo=timezone(timedelta(hours=-5)))
    utc = datetime(2024, 5, 6, 4, 30, tzinfo=UTC)
    for published, day in ((new_york, date(2024, 5, 4)), (utc, date(2024, 5, 5))):
        arrest = event_of(extractor.extract(ArticleText("a", text, None, published)), "arrested")
        assert arrest.time is not None and arrest.time.date == day
