from collections.abc import Callable

import pytest
from spacy.language import Language

from services.extract.domain.magnitudes import counts_in


@pytest.fixture(scope="module")
def counts(nlp: Language) -> Callable[[str], list[tuple[str, int, bool]]]:
    def run(text: str) -> list[tuple[str, int, bool]]:
        sentence = next(iter(nlp(text).sents))
        magnitudes = [count.magnitude for count in counts_in(sentence)]
        return sorted((m.kind, m.value, m.cumulative) for m in magnitudes)

    return run


def test_people_killed_and_injured_are_counted(counts: Callable[..., list[object]]) -> None:
    assert counts("At least 12 people were killed and 40 injured in the blast.") == [
        ("injured", 40, False),
        ("killed", 12, False),
    ]


def test_number_words_and_vague_plurals_count(counts: Callable[..., list[object]]) -> None:
    assert counts("Two soldiers died and dozens were wounded.") == [
        ("injured", 24, False),
        ("killed", 2, False),
    ]


def test_bodies_found_are_killed(counts: Callable[..., list[object]]) -> None:
    assert counts("Rescuers recovered 7 bodies from the river.") == [("killed", 7, False)]


def test_toll_of_is_cumulative(counts: Callable[..., list[object]]) -> None:
    assert counts("The flood has left a death toll of 1,250 across the region.") == [
        ("killed", 1250, True)
    ]


def test_arrests_and_displacement_are_counted(counts: Callable[..., list[object]]) -> None:
    assert counts("Police arrested 30 protesters as 5,000 residents fled.") == [
        ("arrested", 30, False),
        ("displaced", 5000, False),
    ]


def test_dates_percentages_and_money_are_not_counts(counts: Callable[..., list[object]]) -> None:
    assert counts("Prices rose 20% in 2021, costing $3 million.") == []
