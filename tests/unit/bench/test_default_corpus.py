"""``make bench`` runs on any machine: its default corpus is generated from installed packages
(no absolute path of the development machines, nothing downloaded)."""

from __future__ import annotations

from pathlib import Path

from services.bench.corpus import default_corpus, load_sample


def test_the_default_corpus_is_generated_on_first_use_and_sampled(tmp_path: Path) -> None:
    path = default_corpus(tmp_path)

    assert path.is_file() and path.parent == tmp_path
    docs = load_sample(path, size=160)
    assert len(docs) == 160
    assert len({d.doc_id for d in docs}) == 160
    assert all(d.title and len(d.text) > 800 for d in docs)


def test_the_default_corpus_is_the_same_on_every_machine(tmp_path: Path) -> None:
    first = default_corpus(tmp_path / "a").read_bytes()
    second = default_corpus(tmp_path / "b").read_bytes()
    assert first == second


def test_an_existing_corpus_file_is_reused(tmp_path: Path) -> None:
    path = default_corpus(tmp_path)
    path.write_text('{"doc_id": "mine", "text": "Kept."}\n', encoding="utf-8")
    assert default_corpus(tmp_path) == path
    assert [d.doc_id for d in load_sample(path, size=5)] == ["mine"]
