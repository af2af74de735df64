"""The ``places`` table: the places of each article's current extraction (migration 0008).

Written by :func:`replace_places` inside the store's batch transaction, for the manifests that
replace their article's extraction (``services/store/domain/extractions.py``, rule 2): the
article's rows are deleted and the manifest's places inserted, so a replayed or older manifest,
which replaces nothing, changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, LiteralString

import psycopg

from shared.models import ExtractionManifest, Place

# The article's rows were deleted in the same transaction and a batch replaces each article
# once (one newest manifest per article), so the rows are new: COPY, as fast as Postgres takes
# rows.
_COPY: LiteralString = """
COPY places (place_id, article_id, start_char, end_char, text, name, lat, lon, country,
             geonameid, feature, admin1, is_demonym) FROM STDIN
"""


def place_id(article_id: str, place: Place) -> str:
    """The row id of a place mention: its article and span.

    >>> place_id("a-1", Place(start=3, end=9, text="Lisbon"))
    'a-1:3:9'
    """
    return f"{article_id}:{place.start}:{place.end}"


def replace_places(cur: psycopg.Cursor[Any], manifests: Sequence[ExtractionManifest]) -> int:
    """Replace the places of the manifests' articles with theirs; returns the rows inserted."""
    if not manifests:
        return 0
    cur.execute(
        "DELETE FROM places WHERE article_id = ANY(%s)", ([m.article_id for m in manifests],)
    )
    rows = {
        place_id(m.article_id, place): _row(m.article_id, place)
        for m in manifests
        for place in m.places
    }  # one row per id, should a manifest name one span twice
    if rows:
        with cur.copy(_COPY) as copy:
            for row in rows.values():
                copy.write_row(row)
    return len(rows)


def _row(article_id: str, p: Place) -> tuple[Any, ...]:
    return (
        place_id(article_id, p),
        article_id,
        p.start,
        p.end,
        p.text,
        p.name,
        p.lat,
        p.lon,
        p.country,
        p.geonameid,
        p.feature,
        p.admin1,
        p.is_demonym,
    )
