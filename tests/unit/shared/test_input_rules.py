"""The rules both HTTP APIs apply to incoming values (control characters, numeric times)."""

from __future__ import annotations

import doctest

import pytest

from shared import input_rules
from shared.input_rules import control_character_message, iso_time_only


def test_the_examples_in_the_docstrings_run() -> None:
    assert doctest.testmod(input_rules).failed == 0


@pytest.mark.parametrize("text", ["\x00", "a\x08", "\x0b", "\x1f", "\x7f", "\ud800"])
def test_control_characters_and_lone_surrogates_are_named(text: str) -> None:
    message = control_character_message(text)
    assert message is not None and f"U+{ord(text[-1]):04X}" in message


@pytest.mark.parametrize("value", [0, 0.5, -1, "0.5", " 1648737000 ", "1e9", "+3"])
def test_numbers_are_not_times(value: object) -> None:
    with pytest.raises(ValueError, match="ISO-8601"):
        iso_time_only(value)


@pytest.mark.parametrize("value", ["2022-03-31", "2022-03-31T14:30:00Z", True, None])
def test_anything_else_goes_on_to_pydantic(value: object) -> None:
    assert iso_time_only(value) == value
