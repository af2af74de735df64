"""Reading bulk inputs into numbered items, and the key that says whether they changed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from services.ingest.domain.bulk_input import count_items, input_files, input_key, read_items


def test_a_jsonl_file_gives_one_item_per_non_blank_line(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"url": "u1"}\n\n{"url": "u2"}\n{broken\n', encoding="utf-8")
    items = list(read_items(input_files(source), root=None))
    assert [i.origin for i in items] == ["in.jsonl:1", "in.jsonl:3", "in.jsonl:4"]
    assert items[1].article == {"url": "u2"}
    assert items[2].error is not None and items[2].error.startswith("invalid JSON")


def test_a_directory_is_read_in_path_order_json_lists_element_by_element(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.jsonl").write_text('{"n": 3}\n', encoding="utf-8")
    (tmp_path / "a.json").write_text('[{"n": 1}, {"n": 2}]', encoding="utf-8")
    (tmp_path / "notes.txt").write_text("ignored", encoding="utf-8")
    files = input_files(tmp_path)
    items = list(read_items(files, root=tmp_path))
    assert [i.article["n"] for i in items] == [1, 2, 3]
    assert [i.origin for i in items] == ["a.json[0]", "a.json[1]", "b/2.jsonl:1"]
    assert count_items(files) == 3
    assert [i.position for i in read_items(files, root=tmp_path, start=2)] == [2]


def test_the_key_changes_when_a_file_changes(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"url": "u1"}\n', encoding="utf-8")
    key = input_key(source, input_files(source))
    assert input_key(source, input_files(source)) == key
    stat = source.stat()
    os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert input_key(source, input_files(source)) != key


def test_a_missing_input_is_reported(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        input_files(tmp_path / "nope.jsonl")
