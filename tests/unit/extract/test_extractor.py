import pytest
from spacy.language import Language

from services.extract.domain.extractor import ArticleText, Extractor, load_nlp
from shared.errors import ConfigurationError, PoisonMessageError


def test_missing_model_package_is_a_configuration_error() -> None:
    with pytest.raises(ConfigurationError, match="no_such_model_pkg"):
        load_nlp("no_such_model_pkg")


def test_loaded_pipeline_breaks_sentences_at_line_breaks(nlp: Language) -> None:
    doc = nlp("Read more: a headline without a stop\n\nThe minister said no.")
    assert [s.text.strip() for s in doc.sents] == [
        "Read more: a headline without a stop",
        "The minister said no.",
    ]


def test_extract_many_yields_in_input_order(extractor: Extractor) -> None:
    articles = [ArticleText(f"a{i}", f"Officials said {i} bridges were shut.") for i in range(5)]
    results = list(extractor.extract_many(articles, batch_size=2))
    assert [r.article_id for r in results] == [a.article_id for a in articles]


def test_extract_on_empty_text_returns_nothing(extractor: Extractor) -> None:
    result = extractor.extract(ArticleText("a-empty", ""))
    assert (result.claims, result.events) == ((), ())


def test_text_beyond_the_pipeline_limit_is_a_poison_message(nlp: Language) -> None:
    small = Extractor(nlp)
    limit = nlp.max_length
    with pytest.raises(PoisonMessageError, match="a-long"):
        small.extract(ArticleText("a-long", "x" * (limit + 1)))


def test_windows_line_breaks_still_split_paragraphs(extractor: Extractor) -> None:
    text = "Also read: Rebels attack convoy\r\n\r\nOfficials said the road was open."
    result = extractor.extract(ArticleText("a-crlf", text))
    assert [c.cue.text for c in result.claims if c.cue] == ["said"]
    assert all("attack" not in e.trigger.text for e in result.events)
