"""Event types as the PLOVER/CAMEO codebooks assign them, on sentences written for the tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of

Extract = Callable[..., Extraction]


def _main_type(extraction: Extraction) -> str | None:
    return next((e.type for e in extraction.events if e.is_main), None)


def test_pushing_for_a_policy_is_a_demand(extract: Extract) -> None:
    """CAMEO 10 (demand): "push for" asks for a policy, as "press for" and "call for" do."""
    result = extract("The Ruritanian farmers' union is pushing for lower fuel taxes.")
    assert event_of(result, "pushing for").type == "REQUEST"


@pytest.mark.parametrize(
    "text",
    [
        "Grand Fenwick United are pushing for promotion this season.",
        "The Fenwick flanker will be pushing hard for a recall against Borduria.",
    ],
)
def test_pushing_for_a_place_in_a_contest_is_competing_not_demanding(
    extract: Extract, text: str
) -> None:
    assert not [e for e in extract(text).events if e.type == "REQUEST"]


def test_a_for_to_clause_after_call_is_what_is_demanded(extract: Extract) -> None:
    """ "called for X to resign": the parser hangs "for" on the clause; it is still the
    prepositional verb "call for", a demand (CAMEO 10)."""
    result = extract("The Ruritanian opposition called for the interior minister to resign.")
    event = event_of(result, "called for")
    assert (event.type, event.is_main) == ("REQUEST", True)


def test_pushing_for_another_to_act_is_the_main_demand(extract: Extract) -> None:
    result = extract("Ruritania is pushing hard for Borduria to support its debt relief plan.")
    assert _main_type(result) == "REQUEST"


def test_imposing_restrictions_is_coercion(extract: Extract) -> None:
    """CAMEO 172 (impose administrative sanctions), under 17 coerce."""
    result = extract("Ruritania imposed restrictions on Bordurian traders on Monday.")
    assert event_of(result, "imposed").type == "COERCE"


def test_planning_to_impose_restrictions_is_a_threat(extract: Extract) -> None:
    """CAMEO 13: an announced plan to coerce threatens it (1321 restrictions)."""
    result = extract("Ruritania plans to impose restrictions on its labour market for Bordurians.")
    assert _main_type(result) == "THREATEN"
