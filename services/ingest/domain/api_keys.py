"""API keys of the write API: which configured key (if any) a request presented.

Keys are secrets: they are never logged or exported. A key is named by its *fingerprint*, the
first 8 hex digits of its SHA-256, which identifies it in logs and metrics without revealing it
(operators compute it with ``printf %s "$KEY" | sha256sum | cut -c1-8``).

Presented keys are compared with every configured key in constant time (SHA-256 digests compared
with :func:`hmac.compare_digest`, all keys checked), so the answer's timing tells an attacker
neither how much of a guess was right nor which key it resembled.

>>> keys = ApiKeys(["k" * 20, "m" * 20])
>>> keys.identify("m" * 20) == fingerprint("m" * 20)
True
>>> keys.identify("wrong") is None
True
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable

MIN_KEY_CHARS = 16
FINGERPRINT_HEX_DIGITS = 8


class InvalidApiKeyError(ValueError):
    """A configured key is unusable. The message names its position, never the key."""


def fingerprint(key: str) -> str:
    """Short, non-reversible name of a key for logs and metrics.

    >>> fingerprint("change-me-dev-key")
    'fb5afaf7'
    """
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:FINGERPRINT_HEX_DIGITS]


def check_key_format(key: str, *, position: int) -> None:
    """Refuse keys that are too short to resist guessing or that a header cannot carry.

    Keys are visible ASCII without spaces or commas (a comma separates keys in the setting).
    """
    if len(key) < MIN_KEY_CHARS:
        raise InvalidApiKeyError(f"API key #{position} is shorter than {MIN_KEY_CHARS} characters")
    if not all("!" <= char <= "~" and char != "," for char in key):
        raise InvalidApiKeyError(
            f"API key #{position} may only contain visible ASCII characters, no spaces or commas"
        )


class ApiKeys:
    """The configured keys, held as digests. Immutable; safe to share between threads."""

    def __init__(self, keys: Iterable[str]) -> None:
        self._entries = tuple(
            (hashlib.sha256(key.encode("utf-8")).digest(), fingerprint(key))
            for key in dict.fromkeys(keys)
        )

    def __len__(self) -> int:
        return len(self._entries)

    def identify(self, presented: str | None) -> str | None:
        """The fingerprint of the configured key equal to ``presented``, or ``None``."""
        if not presented:
            return None
        digest = hashlib.sha256(presented.encode("utf-8", "surrogatepass")).digest()
        match: str | None = None
        for configured, name in self._entries:  # no early exit: same work for every answer
            if hmac.compare_digest(configured, digest):
                match = name
        return match
