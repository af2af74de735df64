"""Mojibake (UTF-8 read as Windows-1252) is repaired for the parser; offsets and spans still
index and quote the text as published. Sentences are invented."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.extract.domain.extractor import ArticleText, Extractor
from services.extract.domain.mojibake import MAX_CHUNK, repair


def _garbled(text: str) -> str:
    """``text`` as a feed that wrote UTF-8 and was read as Windows-1252 shows it (the five
    bytes Windows-1252 leaves undefined pass through as the control characters of Latin-1)."""
    return "".join(
        chr(byte) if byte in _UNDEFINED else bytes([byte]).decode("cp1252")
        for byte in text.encode("utf-8")
    )


_UNDEFINED = frozenset({0x81, 0x8D, 0x8F, 0x90, 0x9D})


def test_garbled_quote_marks_apostrophes_and_dashes_are_repaired() -> None:
    published = _garbled("“Police came,” she said — it’s over. Café prices rose.")
    assert published.startswith("â€œPolice")
    repaired = repair(published)
    assert repaired is not None
    assert repaired.text == "“Police came,” she said — it’s over. Café prices rose."


def test_each_repaired_character_points_at_the_published_characters_it_came_from() -> None:
    published = "â€œpolice said"
    repaired = repair(published)
    assert repaired is not None
    assert repaired.text == "“police said"
    starts = repaired.origin
    assert len(starts) == len(repaired.text) + 1 and starts[-1] == len(published)
    assert published[starts[0] : starts[1]] == "â€œ"
    assert published[starts[1] : starts[7]] == "police"


def test_a_garbled_dash_ending_in_a_quote_mark_still_maps_every_character() -> None:
    # The third character of a garbled em dash ("â€”") is "”", which the repaired closing quote
    # before it also is: the shared character must not pull the alignment out of step.
    repaired = repair("â€œâ€\x9dâ€”")
    assert repaired is not None
    assert (repaired.text, repaired.origin) == ("“”—", (0, 3, 6, 9))


def test_a_chunk_longer_than_any_word_is_left_as_published() -> None:
    # Aligning a chunk costs the square of its length: a hostile run without spaces is not
    # repaired, while the same garble split into words is.
    glued = "â€œa" * MAX_CHUNK
    assert repair(glued) is None
    split = repair(" ".join(["â€œa"] * MAX_CHUNK))
    assert split is not None and split.text.startswith("“a “a")


@pytest.mark.parametrize(
    "clean",
    [
        "Plain ASCII news about a meeting in Geneva.",
        "Curly “quotes”, an en dash – and accents: São Paulo, Zürich, pâté.",
        "Câmara dos Deputados voted; Âge d'or is a film.",
    ],
)
def test_text_without_mojibake_is_left_alone(clean: str) -> None:
    assert repair(clean) is None


_PIECES = st.sampled_from(
    ["â€œ", "â€\x9d", "â€", "â€™", "â€”", "Ã©", "ã©", "Â£", "Â", "police", "said", " ", "\n", ","]
)


@given(st.lists(_PIECES, max_size=40))
def test_origin_map_rises_and_keeps_whitespace_where_it_was(pieces: list[str]) -> None:
    published = "".join(pieces)
    repaired = repair(published)
    if repaired is None:
        return
    starts = repaired.origin
    assert len(starts) == len(repaired.text) + 1 and starts[-1] == len(published)
    assert all(a < b for a, b in pairwise(starts))
    for offset, char in enumerate(repaired.text):
        if char.isspace():
            assert published[starts[offset]] == char


def test_police_behind_a_garbled_quote_mark_are_the_actor_of_their_arrest(
    extractor: Extractor,
) -> None:
    text = _garbled("“police arrested two men on tuesday,” the officer said.").lower()
    extraction = extractor.extract(ArticleText("mojibake", text))
    (arrest,) = [e for e in extraction.events if e.type == "COERCE"]
    assert [(a.text, a.sector) for a in arrest.actors] == [("police", "COP")]
    assert text[arrest.trigger.start : arrest.trigger.end] == arrest.trigger.text
    for arg in (*arrest.actors, *arrest.targets):
        assert text[arg.start : arg.end] == arg.text
    assert extraction.claims and all(
        0 <= start <= end <= len(text) for c in extraction.claims for start, end in c.content.spans
    )


def test_garbled_apostrophe_is_no_actor_of_its_own(extractor: Extractor) -> None:
    text = _garbled("police arrested three people on monday. it’s the second arrest this week.")
    extraction = extractor.extract(ArticleText("mojibake", text))
    actors = [a.text for e in extraction.events for a in e.actors]
    assert actors and all("€" not in actor and "™" not in actor for actor in actors)
