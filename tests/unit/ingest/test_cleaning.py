from __future__ import annotations

import pytest

from services.ingest.domain.cleaning import clean_body, is_boilerplate_line
from services.ingest.domain.html_text import html_to_text


def test_clean_body_removes_also_read_lines_and_keeps_paragraphs_apart() -> None:
    text = (
        "First paragraph.\n\n"
        "Also read: Ukraine's economy to shrink by 20%\n\n"
        "Second paragraph.\n\n"
        "Also Read:\n\n"
        "Third paragraph."
    )
    cleaned = clean_body(text)
    assert cleaned.text == "First paragraph.\n\nSecond paragraph.\n\nThird paragraph."
    assert cleaned.removed_lines == 2


def test_clean_body_keeps_a_sentence_that_merely_contains_also_read() -> None:
    text = "He said he had also read the report.\n\nAlso read the fine print, he added."
    cleaned = clean_body(text)
    assert cleaned.text == text
    assert cleaned.removed_lines == 0


@pytest.mark.parametrize(
    "line",
    [
        "Also read: Crude oil prices fall as Joe Biden considers releasing oil reserves",
        "ALSO READ | Markets rally",
        "Also Read:",
        "READ MORE: Talks to resume on Friday",
        "Read more: https://example.com/x",
        "Read more »",
        "Related: NATO summit in Brussels",
        "Related Articles: one, two",
        "See also: Timeline of the war",
        "Click here to read the full report",
        "Subscribe to our newsletter for daily updates",
        "Follow us on Twitter and Facebook",
        "» Also read: Something else",
        "[Read more: the background]",
        "   Also read: indented",
    ],
)
def test_boilerplate_lines_are_recognised(line: str) -> None:
    assert is_boilerplate_line(line)
    assert clean_body(f"Text.\n\n{line}\n\nMore.").text == "Text.\n\nMore."


@pytest.mark.parametrize(
    "line",
    [
        "He said he had also read the report.",
        "Also read the report carefully, officials urged.",
        "Related-party transactions rose 5% in the quarter.",
        "Related to the case, police arrested two men.",
        "Read more carefully, the judge said, and you will see the gap.",
        "See also the statement from the ministry.",
        "Readers who subscribe to the paper got the story first.",
        "They follow us on every trip, the minister said.",
        "Subscribe to " + " ".join(["a long paragraph that is not a call to action"] * 10),
    ],
)
def test_normal_sentences_are_not_boilerplate(line: str) -> None:
    assert not is_boilerplate_line(line)
    assert clean_body(line).text == line


def test_clean_body_normalises_newlines_and_trailing_spaces() -> None:
    cleaned = clean_body("  One. \r\nTwo.\t\r\rThree.\u2028Four. ")
    assert cleaned.text == "  One.\nTwo.\n\nThree.\nFour."


def test_clean_body_collapses_runs_of_blank_lines_and_trims_the_ends() -> None:
    assert clean_body("\n\n \nA.\n\n\n\n   \nB.\n\n\n").text == "A.\n\nB."


def test_clean_body_drops_control_characters() -> None:
    assert clean_body("A\x00B\x07C\ufeff").text == "ABC"


def test_clean_body_of_the_seed_article_removes_its_three_related_links(
    seed_article: dict[str, str],
) -> None:
    cleaned = clean_body(seed_article["body"])
    assert cleaned.removed_lines == 3
    assert "Also read" not in cleaned.text
    assert "\n\n\n" not in cleaned.text
    assert cleaned.text.startswith("NATO\u00a0Secretary General Jens Stoltenberg on Thursday")
    assert cleaned.text.endswith("David Arakhamia.")


def test_clean_body_of_empty_or_boilerplate_only_text_is_empty() -> None:
    assert clean_body("").text == ""
    assert clean_body("Also read: X\n\nFollow us on Twitter").text == ""


def test_html_to_text_makes_paragraphs_of_blocks_and_drops_page_furniture() -> None:
    html = """<!doctype html>
    <html><head><title>Site</title><style>p {color: red}</style></head>
    <body>
      <nav><a href="/">Home</a> <a href="/world">World</a></nav>
      <article>
        <h1>Talks resume</h1>
        <p>Talks between Kyiv and
           Moscow are <b>set</b> to resume&nbsp;Friday.</p>
        <!-- advert slot -->
        <script>track("view")</script>
        <p>First line<br>second line</p>
        <ul><li>one</li><li>two</li></ul>
        <aside>Most read: something else</aside>
      </article>
      <footer>© Example News</footer>
    </body></html>"""
    assert html_to_text(html) == (
        "Talks resume\n\n"
        "Talks between Kyiv and Moscow are set to resume\u00a0Friday.\n\n"
        "First line\nsecond line\n\n"
        "one\n\n"
        "two"
    )


def test_html_to_text_of_a_fragment_and_of_plain_text() -> None:
    assert html_to_text("Just text &amp; an entity") == "Just text & an entity"
    assert html_to_text("<div>a</div><div>b</div>") == "a\n\nb"
    assert html_to_text("<script>x()</script>") == ""
