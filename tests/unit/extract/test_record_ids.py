"""One record per id in an extraction: two readings of one fact are one record (issue 15)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from services.extract.domain.extractor import Extraction, one_per_id


def test_quotation_reached_through_two_cues_is_one_claim(
    extract: Callable[..., Extraction],
) -> None:
    text = (
        '"The harbour will reopen within a week," the Daily Courier quoted a port official '
        "as saying."
    )
    claims = extract(text).claims
    assert len(claims) == 1
    assert claims[0].cue is not None and claims[0].cue.lemma == "say"


def test_no_two_records_of_an_extraction_share_an_id(
    extract: Callable[..., Extraction],
) -> None:
    text = (
        "Rebels attacked an army base near the border on Monday, the ministry said.\n\n"
        '"We will respond," the spokesman told the Evening Post, which quoted him as saying '
        "that talks were over. The spokesman added that the army would retaliate.\n\n"
        '"Talks are over," Reuters quoted a senior officer as saying.'
    )
    extraction = extract(text)
    ids = Counter([c.claim_id for c in extraction.claims] + [e.event_id for e in extraction.events])
    assert ids and ids.most_common(1)[0][1] == 1


def test_the_best_ranked_record_of_an_id_is_kept_where_its_id_first_appeared() -> None:
    records = [("a", 0.5), ("b", 0.9), ("a", 0.8), ("b", 0.1)]
    kept = one_per_id(records, key=lambda r: r[0], rank=lambda r: r[1])
    assert kept == (("a", 0.8), ("b", 0.9))
