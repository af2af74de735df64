"""Bounded work per article: symbol runs defused before the tokenizer, sentences capped, token
count bounded; offsets still index the text as published."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from services.extract.domain.extractor import (
    MAX_TOKENS,
    ArticleText,
    ArticleTooLongError,
    Extraction,
    Extractor,
)
from services.extract.domain.text_bounds import (
    MAX_SENTENCE_TOKENS,
    MAX_SYMBOL_RUN,
    defuse_symbol_runs,
    is_shouted,
    sentence_cased_headline,
)


def test_a_run_of_quote_marks_keeps_its_length_and_parses_as_few_tokens(nlp: Language) -> None:
    text = "Before. " + '"' * 5_000 + " After."
    defused = defuse_symbol_runs(text)
    assert len(defused) == len(text)
    assert defused.startswith('Before. """"') and defused.endswith(" After.")
    assert len(nlp.make_doc(defused)) < 10


@pytest.mark.parametrize(
    "ordinary",
    [
        'He asked, "Why?!" and left.',
        "Prices rose… “by 5%”.",
        "The vote (50–50) was tied.",
        "Email: a.b@example.org, cost: $1,000.",
        "Café, naïve, São Paulo",
    ],
)
def test_ordinary_punctuation_and_accents_are_left_alone(ordinary: str) -> None:
    assert defuse_symbol_runs(ordinary) == ordinary


def test_stacked_combining_marks_are_blanked_after_the_first_few() -> None:
    zalgo = "e" + "\u0301" * 50
    defused = defuse_symbol_runs(zalgo)
    assert defused == "e" + "\u0301" * MAX_SYMBOL_RUN + " " * (50 - MAX_SYMBOL_RUN)


def test_emoji_run_is_cut_to_a_few_emoji() -> None:
    assert defuse_symbol_runs("Great news 🎉🎉🎉🎉🎉🎉🎉🎉") == "Great news 🎉🎉🎉🎉    "


def test_a_sentence_without_an_end_is_cut_into_bounded_sentences(nlp: Language) -> None:
    doc = nlp("the committee said that the council moved the budget and " * 200)
    assert max(len(sentence) for sentence in doc.sents) <= MAX_SENTENCE_TOKENS


def test_claim_after_a_symbol_run_keeps_offsets_into_the_published_text(
    extract: Callable[..., Extraction],
) -> None:
    text = "$" * 3_000 + '\n\n"We will rebuild the bridge," the mayor said.'
    extraction = extract(text)
    assert extraction.claims
    for claim in extraction.claims:
        for start, end in claim.content.spans:
            assert text[start:end] in claim.content.text


def test_text_far_denser_than_prose_is_refused_naming_the_token_bound(
    extractor: Extractor,
) -> None:
    dense = "😀 " * (MAX_TOKENS + 10)  # one token per two characters
    with pytest.raises(ArticleTooLongError, match=f"at most {MAX_TOKENS}"):
        extractor.extract(ArticleText("dense", dense))


_HOSTILE_PIECES = st.one_of(
    st.text(alphabet=st.sampled_from('"$([{«»€😀🎉!?\u0301\u200f'), min_size=20, max_size=400),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=200),
    st.sampled_from(["שלום עולם ", "مرحبا بالعالم ", "Москва ", "東京都 ", "e\u0301\u0302\u0303"]),
    st.integers(min_value=10**30, max_value=10**60).map(lambda n: f"{n} killed "),
    st.just("the minister said that the army moved on the town and "),
    st.just('"We will respond," General Lena Hart said on Monday. '),
    st.lists(st.sampled_from(["â€œ", "â€\x9d", "â€™", "Ã©", "Â", "ã", "police", " "])).map("".join),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieces=st.lists(_HOSTILE_PIECES, min_size=1, max_size=30))
def test_fuzzed_text_extracts_with_offsets_into_the_published_text(
    extractor: Extractor, pieces: list[str]
) -> None:
    text = "".join(pieces)
    extraction = extractor.extract(ArticleText("fuzz", text))
    for claim in extraction.claims:
        for start, end in claim.content.spans:
            assert 0 <= start <= end <= len(text)
    for event in extraction.events:
        assert 0 <= event.trigger.start <= event.trigger.end <= len(text)


def test_text_in_capitals_is_shouted_but_a_title_case_headline_or_acronyms_are_not() -> None:
    assert is_shouted("POLICE DETAINED TWELVE PROTESTERS IN THE CAPITAL ON SUNDAY.")
    assert not is_shouted("Police Detain Twelve Protesters In The Capital On Sunday")
    assert not is_shouted("The UN and NATO said the EU and the US would meet the IMF.")
    assert not is_shouted("UN VOTE")


def test_text_in_capitals_is_read_in_lower_case_and_quoted_as_written(
    extractor: Extractor,
) -> None:
    text = "PROTESTERS MARCHED THROUGH KABUL ON SUNDAY AND POLICE DETAINED TWELVE OF THEM."
    extraction = extractor.extract(ArticleText("shouted", text))
    (arrest,) = [e for e in extraction.events if e.type == "COERCE"]
    assert arrest.trigger.text == "DETAINED" == text[arrest.trigger.start : arrest.trigger.end]
    assert [(a.text, a.sector) for a in arrest.actors] == [("POLICE", "COP")]
    assert [(p.text, p.country) for p in extraction.places] == [("KABUL", "AFG")]


_BODY = (
    "\n\nA court in Valdoria on Monday convicted a friend of the man accused of the bombing, "
    "and the judge said the friend had lied to investigators from Ruritania."
)


def test_a_title_case_headline_is_parsed_in_sentence_case_keeping_its_names() -> None:
    text = "Court Convicts Friend of Valdoria Bombing Suspect" + _BODY
    cased = sentence_cased_headline(text)
    assert cased.split("\n")[0] == "Court convicts friend of Valdoria bombing suspect"
    assert cased[len("Court convicts friend of Valdoria bombing suspect") :] == _BODY


def test_a_sentence_case_headline_is_left_as_written() -> None:
    text = "Court convicts friend of Valdoria bombing suspect" + _BODY
    assert sentence_cased_headline(text) == text


def test_a_title_case_line_without_a_body_is_left_as_written() -> None:
    text = "Court Convicts Friend of Valdoria Bombing Suspect\n\nMore soon."
    assert sentence_cased_headline(text) == text


def test_words_in_capitals_keep_them_in_a_title_case_headline() -> None:
    text = "Agents Question FBI Witness in Valdoria Bombing" + _BODY
    assert sentence_cased_headline(text).startswith("Agents question FBI witness in Valdoria")


@given(text=st.text(max_size=400))
def test_sentence_casing_a_headline_changes_only_the_case_of_its_letters(text: str) -> None:
    cased = sentence_cased_headline(text)
    assert len(cased) == len(text)
    assert cased.lower() == text.lower()
