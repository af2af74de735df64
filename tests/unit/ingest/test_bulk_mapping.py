"""Mapping research corpora onto the ingest API's article fields (``newsflow ingest --map``)."""

from __future__ import annotations

import pytest

from services.ingest.bulk_mapping import FieldMap, FieldMapError, map_item, synthetic_url


def test_an_extract_format_item_is_mapped_without_options() -> None:
    item = {"doc_id": "afp-17", "title": "Strike", "text": "Troops fired.", "lang": "en"}
    article, dropped, detected = map_item(item, mapping=None, namespace="corpus")
    assert detected
    assert article == {
        "url": "https://corpus.invalid/corpus/afp-17",
        "title": "Strike",
        "body": "Troops fired.",
    }
    assert dropped == ("lang",)


def test_the_synthetic_url_is_stable_and_scoped_by_the_corpus() -> None:
    first = synthetic_url("42", namespace="a")
    assert first == synthetic_url("42", namespace="a") == synthetic_url(42, namespace="a")
    assert first != synthetic_url("42", namespace="b")
    assert synthetic_url("a/b c?", namespace="x y") == "https://corpus.invalid/x%20y/a%2Fb%20c%3F"


def test_a_real_url_is_kept() -> None:
    assert synthetic_url(" https://e.com/1 ", namespace="a") == "https://e.com/1"


def test_an_explicit_map_takes_published_at_from_a_field() -> None:
    mapping = FieldMap.parse("url=id, body=content, published_at=date")
    item = {"id": 7, "content": "Text.", "date": "2024-05-08T10:00:00Z", "title": "T"}
    article, dropped, detected = map_item(item, mapping=mapping, namespace="n")
    assert not detected and dropped == ()
    assert article == {
        "url": "https://corpus.invalid/n/7",
        "body": "Text.",
        "published_at": "2024-05-08T10:00:00Z",
        "title": "T",  # already an article field: kept
    }


def test_an_item_already_in_the_api_shape_passes_unchanged() -> None:
    item = {"url": "https://e.com/1", "body": "x", "doc_id": "1", "text": "y"}
    assert map_item(item, mapping=None, namespace="n") == (item, (), False)


@pytest.mark.parametrize("text", ["url", "url=", "=doc_id", "link=doc_id", " , "])
def test_a_malformed_map_is_refused(text: str) -> None:
    with pytest.raises(FieldMapError):
        FieldMap.parse(text)
