"""The articles of a bulk-ingest input: one JSONL file, or a directory of ``.json``/``.jsonl``.

An input is a sequence of *items* numbered from 0 in a stable order: the files sorted by their
path relative to the directory, in each ``.jsonl`` file its non-blank lines, in each ``.json``
file its object or the elements of its list. A position (how many items are done) therefore
names the same point of the input as long as its files are unchanged, which
:func:`input_key` captures (paths, sizes, modification times).

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.jsonl").write_text('{"url": "https://e.com/1"}\\n\\nnot json\\n')
>>> _ = (folder / "b.json").write_text('[{"url": "https://e.com/2"}, {"url": "https://e.com/3"}]')
>>> files = input_files(folder)
>>> [(i.position, i.origin, i.error is None) for i in read_items(files, root=folder)]
[(0, 'a.jsonl:1', True), (1, 'a.jsonl:3', False), (2, 'b.json[0]', True), (3, 'b.json[1]', True)]
>>> [i.position for i in read_items(files, root=folder, start=3)]
[3]
>>> count_items(files)
4
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SUFFIXES = (".json", ".jsonl")


@dataclass(frozen=True, slots=True)
class InputItem:
    """One article of the input: its parsed JSON, or why it could not be parsed."""

    position: int
    origin: str  # file and line ("a.jsonl:3") or list index ("b.json[1]")
    article: Any = None
    error: str | None = None


def input_files(path: Path) -> list[Path]:
    """The files of an input: the file itself, or the ``.json``/``.jsonl`` files under a
    directory (recursively, sorted). Raises :class:`FileNotFoundError`."""
    if path.is_file():
        return [path]
    if path.is_dir():
        return sorted(
            (p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES),
            key=lambda p: p.relative_to(path).as_posix(),
        )
    raise FileNotFoundError(f"{path}: no such file or directory")


def input_key(path: Path, files: Sequence[Path]) -> str:
    """Identifies the input as it is now: its absolute path and each file's path, size and
    modification time. Any change to the files gives another key (a fresh start)."""
    digest = hashlib.sha256(str(path.resolve()).encode("utf-8"))
    for file in files:
        stat = file.stat()
        digest.update(f"\x1f{file.resolve()}\x1f{stat.st_size}\x1f{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:32]


def count_items(files: Sequence[Path]) -> int:
    """How many items the files hold (reads them once; for the progress bar)."""
    return sum(1 for _ in _items(files, root=None))


def read_items(files: Sequence[Path], *, root: Path | None, start: int = 0) -> Iterator[InputItem]:
    """The items from position ``start`` on. ``root`` shortens the files' names in ``origin``."""
    for item in _items(files, root=root):
        if item.position >= start:
            yield item


def _items(files: Sequence[Path], *, root: Path | None) -> Iterator[InputItem]:
    position = 0
    for file in files:
        name = _name(file, root)
        if file.suffix.lower() == ".jsonl" or (len(files) == 1 and file.suffix.lower() != ".json"):
            for item in _jsonl_items(file, name=name, first=position):
                yield item
                position += 1
        else:
            for item in _json_items(file, name=name, first=position):
                yield item
                position += 1


def _jsonl_items(file: Path, *, name: str, first: int) -> Iterator[InputItem]:
    position = first
    with file.open("rb") as lines:
        for number, raw in enumerate(lines, start=1):
            if not raw.strip():
                continue
            article, error = _parse(raw)
            yield InputItem(position, f"{name}:{number}", article, error)
            position += 1


def _json_items(file: Path, *, name: str, first: int) -> Iterator[InputItem]:
    article, error = _parse(file.read_bytes())
    if error is not None:
        yield InputItem(first, name, None, error)
    elif isinstance(article, list):
        for index, element in enumerate(article):
            yield InputItem(first + index, f"{name}[{index}]", element)
    else:
        yield InputItem(first, name, article)


def _parse(raw: bytes) -> tuple[Any, str | None]:
    try:
        return json.loads(raw.decode("utf-8-sig")), None
    except UnicodeDecodeError as exc:
        return None, f"not UTF-8 (byte {exc.start})"
    except json.JSONDecodeError as exc:
        return None, f"invalid JSON: {exc.msg} at column {exc.colno}"
    except (ValueError, RecursionError) as exc:
        return None, f"invalid JSON: {exc}"


def _name(file: Path, root: Path | None) -> str:
    if root is not None and root.is_dir():
        return file.relative_to(root).as_posix()
    return file.name
