"""One exception tree for newsflow.

Retry and dead-letter policy key off the class, never off the message text:

* :class:`RetriableError` — the outside world hiccuped (network, timeout, broker or database
  unavailable, serialization failure in the database). Retrying the same input may succeed.
* :class:`PoisonMessageError` — the record itself is bad (invalid JSON, unknown schema version,
  wrong types). Retrying cannot help; the record goes to the dead-letter topic.
* :class:`ConfigurationError` — the process is set up wrongly. Fail fast at start-up.
"""

from __future__ import annotations


class NewsflowError(Exception):
    """Root of every error newsflow raises on purpose."""


class RetriableError(NewsflowError):
    """A transient failure: the same call may succeed later."""


class PoisonMessageError(NewsflowError):
    """A record that can never be processed as it is."""


class ConfigurationError(NewsflowError):
    """The process is configured wrongly; it must not start."""


class BrokerUnavailableError(RetriableError):
    """The Kafka broker did not acknowledge in time."""
