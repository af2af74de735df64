"""SimHash near-duplicate detection on plain calls."""

from __future__ import annotations

from services.ingest.domain.simhash import (
    Fingerprint,
    find_near_duplicate,
    hamming_distance,
    shingles,
    simhash,
    to_signed,
    to_unsigned,
)
from tests.unit.ingest.feed_server import OTHER_STORY, STORY

BASE = " ".join(STORY)
THRESHOLD = 8  # the service's default (NEWSFLOW_FEED_NEAR_DUPLICATE_BITS)


def test_identical_texts_have_identical_fingerprints() -> None:
    assert simhash(BASE) == simhash(BASE)
    assert simhash(BASE) == simhash(BASE.upper())  # words are compared lower-cased


def test_the_same_story_with_a_byline_or_a_corrected_figure_is_within_the_threshold() -> None:
    # The distance grows with the share of shingles changed: on this short (80-word) story one
    # small change stays well inside the threshold.
    for variant in (
        "By Staff Reporter. " + BASE,
        BASE + " Reporting by Jane Doe; editing by John Smith.",
        BASE.replace("12 million", "12.5 million"),
    ):
        assert hamming_distance(simhash(BASE), simhash(variant)) <= THRESHOLD


def test_an_unrelated_story_is_far_away() -> None:
    assert hamming_distance(simhash(BASE), simhash(" ".join(OTHER_STORY))) > 3 * THRESHOLD


def test_a_text_without_words_has_no_fingerprint_and_duplicates_nothing() -> None:
    assert simhash("  ... !!! ") == 0
    assert find_near_duplicate(0, [Fingerprint("a-1", 0)], max_distance=64) is None


def test_shingles_are_overlapping_word_triples() -> None:
    assert shingles("One two three four") == ["one two three", "two three four"]
    assert shingles("Just two") == ["just two"]


def test_near_duplicate_points_at_the_original_not_at_another_copy() -> None:
    original = simhash(BASE)
    copy = simhash(BASE + " Updated.")
    known = [Fingerprint("a-orig", original), Fingerprint("a-copy", copy, duplicate_of="a-orig")]
    assert find_near_duplicate(copy, known[1:], max_distance=THRESHOLD) == "a-orig"


def test_an_article_is_never_its_own_near_duplicate() -> None:
    known = [Fingerprint("a-1", simhash(BASE))]
    assert find_near_duplicate(simhash(BASE), known, max_distance=0, exclude="a-1") is None


def test_the_closest_candidate_wins() -> None:
    fp = simhash(BASE)
    known = [Fingerprint("far", fp ^ 0b111), Fingerprint("near", fp ^ 0b1)]
    assert find_near_duplicate(fp, known, max_distance=5) == "near"


def test_fingerprints_round_trip_through_a_signed_bigint() -> None:
    for value in (0, 1, 2**63 - 1, 2**63, 2**64 - 1):
        signed = to_signed(value)
        assert -(2**63) <= signed < 2**63
        assert to_unsigned(signed) == value
