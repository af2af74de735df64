"""Rules for values that cross newsflow's HTTP boundaries, shared by the ingest API and the query
API so that both refuse the same things the same way.

* **Control characters** in identifiers, URLs and query parameters are refused (``422`` naming
  the field): Postgres ``text`` and ``jsonb`` cannot hold NUL, and no id, URL or search term
  legitimately holds a C0 control character. (Free text — titles, bodies — is cleaned
  instead, in ingest, before it is published.)
* **Times are ISO-8601 strings**: pydantic would read ``"1648737000"`` or ``"0.5"`` as Unix
  time, which nobody who sends a number into a ``published_at`` or ``seen_to`` means.

>>> control_character_message("a\\x00b")
'must not contain control characters (U+0000 at position 1)'
>>> control_character_message("tab\\tand newline\\n are text") is None
True
>>> iso_time_only("1648737000")
Traceback (most recent call last):
...
ValueError: must be an ISO-8601 date or date-time string, not a number
"""

from __future__ import annotations

import re
from typing import Any

# C0 controls except tab, line feed and carriage return (which are ordinary text in a search
# term), DEL, and UTF-16 surrogates (which cannot be encoded as UTF-8 on their own).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
# In a URL even tab and line breaks are control characters (urlsplit would silently drop them).
URL_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f\ud800-\udfff]")
# What pydantic would take for Unix time: an integer or decimal number, possibly signed.
_NUMBER = re.compile(r"\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*")


def control_character_message(
    value: str, *, pattern: re.Pattern[str] = CONTROL_CHARACTERS
) -> str | None:
    """Why ``value`` is refused, naming the first control character, or ``None``."""
    found = pattern.search(value)
    if found is None:
        return None
    return (
        f"must not contain control characters (U+{ord(found.group()):04X} "
        f"at position {found.start()})"
    )


def refuse_control_characters(value: str) -> str:
    """A validator: ``value`` unchanged, or :class:`ValueError` naming the character."""
    message = control_character_message(value)
    if message is not None:
        raise ValueError(message)
    return value


def refuse_url_control_characters(value: str) -> str:
    """A validator for URLs: also tab and line breaks are refused."""
    message = control_character_message(value, pattern=URL_CONTROL_CHARACTERS)
    if message is not None:
        raise ValueError(message)
    return value


def iso_time_only(value: Any) -> Any:
    """A before-validator for ``datetime``/``date`` fields: numbers, and strings that are
    numbers, raise :class:`ValueError`; anything else goes on to pydantic's own parsing."""
    is_number = isinstance(value, (int, float)) and not isinstance(value, bool)
    if is_number or (isinstance(value, str) and _NUMBER.fullmatch(value)):
        raise ValueError("must be an ISO-8601 date or date-time string, not a number")
    return value
