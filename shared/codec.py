"""Encoding of models to Kafka record values and back.

Decoding failures raise :class:`PoisonMessageError`: a record that does not parse never will.
"""

from __future__ import annotations

from typing import TypeVar

from pydantic import BaseModel, ValidationError

from shared.errors import PoisonMessageError

M = TypeVar("M", bound=BaseModel)


def encode(message: BaseModel) -> bytes:
    return message.model_dump_json().encode("utf-8")


def decode(model: type[M], raw: bytes | str | None) -> M:
    """Parse a record value into ``model``.

    >>> from shared.models import DeadLetter
    >>> decode(DeadLetter, b"{}")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    shared.errors.PoisonMessageError: ...
    """
    if raw is None:
        raise PoisonMessageError(f"{model.__name__}: empty record value (tombstone)")
    try:
        return model.model_validate_json(raw)
    except ValidationError as exc:
        raise PoisonMessageError(f"{model.__name__}: {_summarise(exc)}") from exc


def _summarise(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        loc = ".".join(str(p) for p in err["loc"]) or "<root>"
        parts.append(f"{loc}: {err['msg']}")
    return "; ".join(parts)
