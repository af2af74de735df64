"""Bounds on what one article can cost the parser, kept before and inside the spaCy pipeline.

Two inputs make spaCy's cost grow faster than the text:

* **Long runs of punctuation, symbols or emoji** (quote marks, dollar signs or emoji by the
  thousand). The tokenizer peels prefixes and suffixes off a whitespace-free chunk one at a
  time, searching the rest of the chunk each time, so a run of n such characters costs O(n²)
  (8,000 quote marks took 8 s) and leaves n one-character tokens for the parser.
  :func:`defuse_symbol_runs` keeps the first :data:`MAX_SYMBOL_RUN` characters of every such
  run and turns the rest into spaces, which the tokenizer folds into one whitespace token. The
  replacement keeps the text's length, so every offset still points into the body as
  published.
* **Very long sentences.** Extraction walks subtrees and neighbours within a sentence, which is
  quadratic in the sentence's length (one 22,000-token "sentence" without a full stop took
  8 minutes). :func:`cap_sentence_length` starts a new sentence after
  :data:`MAX_SENTENCE_TOKENS` tokens; the parser keeps preset boundaries.

Two inputs cost quality, not time. **Text written in capitals** (wire alerts, shouted
headlines pasted as whole stories): the small model's tagger and recogniser read capitals as
names, so such a text loses most of its events and actors. **Mojibake** (UTF-8 read as
Windows-1252, "â€œpolice"): the tokenizer glues the garbled quote to the word. :func:`parse_form`
gives the parser the text repaired and, when in capitals, in lower case (a headline in title
case, in sentence case: :func:`sentence_cased_headline`), and :func:`with_text` puts the
published words back on the parsed tokens, so spans quote the article as written and every
offset indexes it.

Real prose never reaches either bound: English sentences in news average 20–25 tokens and
runs of more than a few punctuation marks are typos or decoration (``?!``, ``…”``, ``—``).

>>> defuse_symbol_runs("Wow!!!!!!!! Really.")
'Wow!!!!     Really.'
>>> len(defuse_symbol_runs("😀" * 10)) == 10
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc
from thinc.types import Ints2d

from services.extract.domain.mojibake import repair

MAX_SYMBOL_RUN = 4
"""Punctuation/symbol/emoji characters kept in a row; ``?!”`` and ``…)”`` fit, decoration not."""

MAX_SENTENCE_TOKENS = 150
"""Tokens a sentence may have before a boundary is forced: six times the average news sentence,
above the longest sentences of ordinary prose, small enough that per-sentence work stays cheap."""

# A run of characters that are neither word characters nor whitespace: punctuation, symbols,
# emoji and combining marks (Python's \w excludes the combining marks, so a "zalgo" letter with
# hundreds of stacked accents is a run too).
_SYMBOL_RUN = re.compile(rf"[^\w\s]{{{MAX_SYMBOL_RUN + 1},}}")

SENTENCE_CAP_COMPONENT = "newsflow_sentence_cap"


def defuse_symbol_runs(text: str) -> str:
    """``text`` with every run of over :data:`MAX_SYMBOL_RUN` non-word, non-space characters
    cut to its first :data:`MAX_SYMBOL_RUN`, the rest blanked; same length as ``text``.

    Linear in the text (one regular-expression scan without backtracking)."""

    def blank_tail(match: re.Match[str]) -> str:
        run = match.group()
        return run[:MAX_SYMBOL_RUN] + " " * (len(run) - MAX_SYMBOL_RUN)

    return _SYMBOL_RUN.sub(blank_tail, text)


SHOUTED_SHARE = 0.8
"""The share of a text's letters in upper case above which it is written in capitals (a
headline in title case and acronyms in ordinary prose stay far below it)."""

SHOUTED_MIN_LETTERS = 20
"""Letters a text needs before its case says anything ("UN VOTE" is a headline, not a style)."""


def is_shouted(text: str) -> bool:
    """Whether ``text`` is written in capitals (:data:`SHOUTED_SHARE` of its letters); its
    opening decides for ordinary prose, so the whole text is counted only when that is shouted."""
    return _shouted(text[:_OPENING]) and (len(text) <= _OPENING or _shouted(text))


_OPENING = 300


def _shouted(text: str) -> bool:
    letters = sum(map(str.isalpha, text))
    upper = sum(map(str.isupper, text))
    return letters >= SHOUTED_MIN_LETTERS and upper > SHOUTED_SHARE * letters


@dataclass(frozen=True)
class ParseForm:
    """The text the parser reads and, when its offsets differ from the published text's, the
    published offset of each of its characters and of its end (see :mod:`.mojibake`)."""

    text: str
    origin: tuple[int, ...] | None = None


def parse_form(text: str) -> ParseForm:
    """The text the parser reads: ``text`` with its mojibake repaired (:func:`.mojibake.repair`),
    then lower-cased when it is written in capitals and lower-casing keeps its length (it does
    for all but a few letters, such as "İ")."""
    repaired = repair(text)
    form = repaired.text if repaired is not None else text
    if is_shouted(form):
        lowered = form.lower()
        form = lowered if len(lowered) == len(form) else form
    else:
        form = sentence_cased_headline(form)
    return ParseForm(form, repaired.origin if repaired is not None else None)


MAX_HEADLINE_CHARS = 300
"""The longest first line read as a headline (longer, it is a paragraph)."""

TITLE_CASE_SHARE = 0.8
"""The share of a headline's longer words (four letters and more: style guides leave short
function words in lower case) that must be capitalised for it to be in title case."""

TITLE_CASE_MIN_WORDS = 3
"""... and how many such words it needs ("Obama Visits Kenya" is the shortest)."""

MIN_BODY_WORDS = 8
"""Words of body below which there is no evidence of which headline words are names."""

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_POSSESSIVE = re.compile(r"['’]s?$")
_SENTENCE_OPENERS = frozenset(".!?:;\"“”‘’'()—–-\n")
"""Characters after which a capital says nothing about a word (a sentence or a quotation
begins there)."""

_LOOK_BACK = 8
"""Characters read before a word for the one that precedes it (a longer gap of spaces says
nothing: the word is taken for a sentence's first)."""


def sentence_cased_headline(text: str) -> str:
    """``text`` with its first line, when that is a headline in title case ("Court Convicts
    Friend of Boston Bombing Suspect"), in sentence case ("Court convicts friend of Boston
    bombing suspect"): the small model reads capitalised words as names, so a title-case
    headline loses its verbs and event nouns. A capitalised word keeps its capital when the
    body writes it capitalised where a capital says nothing else (not after a sentence or
    quotation opens): a name, the document-centred evidence of Mikheev (1999, "A knowledge-free
    method for capitalized word disambiguation"). The first word and words in capitals ("FBI")
    are kept; the length of the text does not change. Text without a body is left alone."""
    end = text.find("\n", 0, MAX_HEADLINE_CHARS + 1)
    if end <= 0 or text[:end].rstrip()[-1:] in {".", "!", "?"}:
        return text
    words = list(_WORD.finditer(text, 0, end))
    longer = [w.group() for w in words if len(w.group()) >= 4]
    capitalised = sum(w[0].isupper() for w in longer)
    if len(longer) < TITLE_CASE_MIN_WORDS or capitalised < TITLE_CASE_SHARE * len(longer):
        return text
    names, body_words = _names_in_body(text, end)
    if body_words < MIN_BODY_WORDS:
        return text  # no body to learn its names from
    chars = list(text)
    for word in words[1:]:
        token = word.group()
        if _is_plain_capitalised(token) and _POSSESSIVE.sub("", token) not in names:
            chars[word.start()] = token[0].lower()
    return "".join(chars)


def _is_plain_capitalised(word: str) -> bool:
    """A capital and then lower case only ("Convicts", not "FBI", "McCain" or "iPhone")."""
    return len(word) > 1 and word[0].isupper() and word[1:].islower()


def _names_in_body(text: str, start: int) -> tuple[set[str], int]:
    """Words the body after ``start`` writes capitalised where a capital is not required, and
    how many words it has."""
    names: set[str] = set()
    count = 0
    for match in _WORD.finditer(text, start):
        word = match.group()
        count += 1
        if not word[0].isupper():
            continue
        before = text[max(0, match.start() - _LOOK_BACK) : match.start()].rstrip(" \t")[-1:]
        if before and before not in _SENTENCE_OPENERS:
            names.add(_POSSESSIVE.sub("", word))
    return names, count


_PARSE_ATTRS = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE]


def with_text(doc: Doc, text: str, origin: Sequence[int] | None = None) -> Doc:
    """``doc``'s parse on ``text``'s words: the same tokens, tags, tree and entities, each token's
    text cut from ``text`` at its offsets (``text`` is ``doc.text`` in another case), or at
    the offsets ``origin`` gives for the token's start and end (``doc`` parsed a repaired
    ``text``)."""

    def published(offset: int) -> int:
        return origin[offset] if origin is not None else offset

    words = [text[published(token.idx) : published(token.idx + len(token))] for token in doc]
    spaces = [bool(token.whitespace_) for token in doc]
    recased = Doc(doc.vocab, words=words, spaces=spaces)
    recased.from_array(_PARSE_ATTRS, cast(Ints2d, doc.to_array(_PARSE_ATTRS)))
    return recased


@Language.component(SENTENCE_CAP_COMPONENT)
def cap_sentence_length(doc: Doc) -> Doc:
    """Start a sentence after :data:`MAX_SENTENCE_TOKENS` tokens without a preset start."""
    since_start = 0
    for token in doc[1:]:
        since_start = 0 if token.is_sent_start else since_start + 1
        if since_start >= MAX_SENTENCE_TOKENS:
            token.is_sent_start = True
            since_start = 0
    return doc


def add_sentence_cap(nlp: Language) -> None:
    """Insert :func:`cap_sentence_length` right before the parser (idempotent); it runs after
    the line-break segmenter, so it counts from the boundaries that one has set."""
    if SENTENCE_CAP_COMPONENT in nlp.pipe_names:
        return
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(SENTENCE_CAP_COMPONENT, before="parser")
    else:
        nlp.add_pipe(SENTENCE_CAP_COMPONENT, last=True)
