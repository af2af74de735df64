"""What the claim and event passes share about one parsed article."""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from spacy.attrs import IDX, LOWER, POS, TAG
from spacy.tokens import Doc, Span, Token

from services.extract.domain.boilerplate import find_boilerplate, overlaps_any
from services.extract.domain.geo import country_for_demonym, country_for_name
from services.extract.domain.people import PersonIndex, build_person_index
from services.extract.domain.quotes import Quote, find_quotes
from services.extract.domain.toponyms import geoparse
from shared.models import Place


@dataclass(frozen=True)
class DocumentContext:
    """Article-level facts computed once: boilerplate, quotes, people, countries, date."""

    doc: Doc
    text: str
    article_id: str
    published: date | None
    title: str | None
    boilerplate: list[tuple[int, int]]
    quotes: list[Quote]
    people: PersonIndex
    entities: tuple[Span, ...]
    """The document's named entities, in text order (``doc.ents`` rebuilds them on every
    access)."""
    countries: tuple[str, ...] = field(default=())
    title_doc: Doc | None = None
    """The parse of a title given apart from the text (a stream's article, whose body does not
    open with its headline); None otherwise."""

    @cached_property
    def places(self) -> tuple[Place, ...]:
        """Every place name of the article, geoparsed once (for its places and its events'
        locations), in text order."""
        return geoparse(self.doc, text=self.text)

    @cached_property
    def capitalised_mid_sentence(self) -> frozenset[str]:
        """The lower-cased words the article writes with a capital where no sentence begins
        ("the Tories said"): names, whatever a headline's tagging makes of them. One pass over
        the tokens, made the first time it is asked for."""
        return frozenset(
            token.lower_
            for token in self.doc
            if token.text[:1].isupper() and not token.is_sent_start
        )

    @cached_property
    def _place_roots(self) -> dict[tuple[int, int], Token | None]:
        return {}

    def place_root(self, place: Place) -> Token | None:
        """The syntactic head of a place mention, found once (every event of a sentence asks
        about the same places)."""
        key = (place.start, place.end)
        roots = self._place_roots
        if key not in roots:
            span = self.doc.char_span(place.start, place.end, alignment_mode="expand")
            roots[key] = None if span is None else span.root
        return roots[key]

    def entities_in(self, span: Span) -> list[Span]:
        """The entities that fall completely within ``span``: ``span.ents`` without rebuilding
        the document's entities."""
        found = []
        for ent in self.entities:
            if ent.start >= span.start:
                if ent.end > span.end:
                    break
                found.append(ent)
        return found

    def in_boilerplate(self, start: int, end: int) -> bool:
        return overlaps_any(start, end, self.boilerplate)

    def sentence_is_boilerplate(self, sentence: Span) -> bool:
        return self.in_boilerplate(sentence.start_char, sentence.end_char)

    @cached_property
    def _quote_starts(self) -> list[int]:
        return [quote.start for quote in self.quotes]

    def quote_at(self, position: int) -> Quote | None:
        """The quotation covering ``position`` (quotes never overlap; they are sorted)."""
        index = bisect.bisect_right(self._quote_starts, position) - 1
        if index >= 0 and position < self.quotes[index].end:
            return self.quotes[index]
        return None

    @cached_property
    def _token_quoted(self) -> list[bool]:
        """For each token (by index), whether :meth:`quote_at` finds a quotation at its first
        character; one sweep over the token starts and the quotations, both in text order."""
        quotes = self.quotes
        if not quotes:
            return [False] * len(self.doc)
        flags: list[bool] = []
        current = -1  # the last quotation starting at or before the token
        for start in self.doc.to_array(IDX).tolist():
            while current + 1 < len(quotes) and quotes[current + 1].start <= start:
                current += 1
            flags.append(current >= 0 and start < quotes[current].end)
        return flags

    def token_in_quote(self, token: Token) -> bool:
        return self._token_quoted[token.i]

    def index_in_quote(self, index: int) -> bool:
        """:meth:`token_in_quote` of the token at ``index``, without building the token."""
        return self._token_quoted[index]


_TAG_ARRAYS = "newsflow.tag_arrays"


def tag_arrays(doc: Doc) -> tuple[list[int], list[int], list[int]]:
    """Every token's coarse tag, fine tag and lower-case form, as the ids ``Token.pos``,
    ``Token.tag`` and ``Token.lower`` hold, read once per document from its arrays and kept in
    its ``user_data``: a pass that looks at a few kinds of word picks them out without building
    the other tokens."""
    arrays: tuple[list[int], list[int], list[int]] | None = doc.user_data.get(_TAG_ARRAYS)
    if arrays is None:
        rows = doc.to_array([POS, TAG, LOWER])
        arrays = (rows[:, 0].tolist(), rows[:, 1].tolist(), rows[:, 2].tolist())
        doc.user_data[_TAG_ARRAYS] = arrays
    return arrays


def build_context(
    doc: Doc,
    *,
    article_id: str,
    published: date | None,
    title: str | None,
    text: str | None = None,
    title_doc: Doc | None = None,
) -> DocumentContext:
    """Analyse ``doc`` once for everything the extraction passes look up. ``text`` is
    ``doc.text`` where the caller has it already (``doc.text`` joins every token anew)."""
    text = doc.text if text is None else text
    boilerplate = find_boilerplate(text)
    entities = tuple(doc.ents)
    return DocumentContext(
        doc=doc,
        text=text,
        article_id=article_id,
        published=published,
        title=title,
        boilerplate=boilerplate,
        quotes=find_quotes(text),
        people=build_person_index(doc, boilerplate, entities=entities),
        entities=entities,
        countries=rank_countries(entities, boilerplate),
        title_doc=title_doc,
    )


def rank_countries(entities: Iterable[Span], boilerplate: list[tuple[int, int]]) -> tuple[str, ...]:
    """ISO3 codes of the countries the story mentions, most mentioned first."""
    counts: Counter[str] = Counter()
    for ent in entities:
        if ent.label_ not in {"GPE", "NORP", "LOC"} or overlaps_any(
            ent.start_char, ent.end_char, boilerplate
        ):
            continue
        iso3 = country_for_name(ent.text) or country_for_demonym(ent.text)
        if iso3 is not None:
            counts[iso3] += 1
    return tuple(iso3 for iso3, _ in counts.most_common())
