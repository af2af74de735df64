"""The AsyncAPI 3.0 document of newsflow's topics (``docs/asyncapi.json``), for subscribers.

Generated from the message models and :mod:`shared.topics` (``newsflow schemas`` rewrites it;
a unit test fails when the committed file is stale). One channel per topic, one message per
model, a ``receive`` operation per channel (the document describes what a subscriber can
consume), the Kafka key of every message and the payload schemas.

Payload schemas are the models' JSON Schemas in the form AsyncAPI's default schema format
(a superset of JSON Schema draft 07) reads: nested models are shared under
``components.schemas`` and fixed-length tuples (spans) use draft-07 ``items: [...]`` instead of
2020-12 ``prefixItems``.

>>> doc = build_asyncapi()
>>> doc["channels"]["claimsExtracted"]["address"]
'claims.extracted'
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from shared.cloudevents import CONTENT_TYPE, SPEC_VERSION, TYPE_STEMS, schema_uri
from shared.models import (
    MESSAGE_MODELS,
    SCHEMA_VERSION,
    Claim,
    DeadLetter,
    Event,
    ExtractionManifest,
    RawArticle,
    Retraction,
)
from shared.settings import DEFAULT_BOOTSTRAP
from shared.topics import (
    ARTICLES_EXTRACTED,
    ARTICLES_RAW,
    CLAIMS_EXTRACTED,
    DEADLETTER,
    EVENTS_EXTRACTED,
)

ASYNCAPI_VERSION = "3.0.0"
KAFKA_BINDING_VERSION = "0.5.0"
DEFAULT_PATH = Path("docs/asyncapi.json")


@dataclass(frozen=True)
class TopicContract:
    """What one topic carries: its message model, its key, who publishes, one per what."""

    channel_id: str
    model: type[BaseModel]
    key: str
    publisher: str
    description: str
    also: tuple[type[BaseModel], ...] = ()  # other messages on the topic (retractions)

    @property
    def models(self) -> tuple[type[BaseModel], ...]:
        return (self.model, *self.also)


_RETRACTIONS = (
    " When a newer extraction of the article no longer contains a record, the store publishes "
    "a `Retraction` of its id here (CloudEvents type `newsflow.{kind}.retracted.v1`), after "
    "the new extraction's records: add what is extracted, remove what is retracted, in topic "
    "order, and you hold what Postgres holds."
)

TOPIC_CONTRACTS: dict[str, TopicContract] = {
    ARTICLES_RAW: TopicContract(
        channel_id="articlesRaw",
        model=RawArticle,
        key="article_id of the article (deterministic, from the canonical URL).",
        publisher="services/ingest",
        description="One message per accepted, cleaned article. Every span in claims and "
        "events indexes into this message's `body`.",
    ),
    CLAIMS_EXTRACTED: TopicContract(
        channel_id="claimsExtracted",
        model=Claim,
        key="article_id of the article the claim was extracted from (all claims and events "
        "of an article share a partition, in order).",
        publisher="services/extract (claims), services/store (retractions)",
        description="One message per attributed statement (who said what)."
        + _RETRACTIONS.format(kind="claim"),
        also=(Retraction,),
    ),
    EVENTS_EXTRACTED: TopicContract(
        channel_id="eventsExtracted",
        model=Event,
        key="article_id of the article the event was extracted from.",
        publisher="services/extract (events), services/store (retractions)",
        description="One message per event mention (what happened, to whom, where, when)."
        + _RETRACTIONS.format(kind="event"),
        also=(Retraction,),
    ),
    ARTICLES_EXTRACTED: TopicContract(
        channel_id="articlesExtracted",
        model=ExtractionManifest,
        key="article_id of the extracted article.",
        publisher="services/extract",
        description="One message per extraction of an article, published with its claims and "
        "events (the extractor acks the article only when the broker has all of them): the ids "
        "of the claims and events that are now current for the article. When an article is "
        "extracted again (new extractor version, `newsflow reprocess`, a new revision of its "
        "text), the manifest with the newest `extracted_from` (Kafka timestamp, then offset) wins; "
        "the article's claims and events from older extractions (smaller `extracted_from`) are "
        "superseded: delete them on your side. The manifest also carries the article's `places` "
        "(every toponym and demonym, resolved to GeoNames): the winning manifest's list replaces "
        "the article's places.",
    ),
    DEADLETTER: TopicContract(
        channel_id="deadletter",
        model=DeadLetter,
        key="The key of the record that failed (an article_id for every newsflow topic), or "
        "empty when it had none.",
        publisher="services/extract, services/store",
        description="One message per record a stage could not process, with the error, the "
        "source topic/partition/offset and the original payload (`newsflow deadletter` lists, "
        "exports and replays them).",
    ),
}

_DELIVERY = (
    "Delivery is at-least-once: after a crash or a rebalance a subscriber can see a message "
    "again. Ids are deterministic (`article_id`, `claim_id`, `event_id`), so deduplicate or "
    "upsert on them. Messages are JSON; consumers must ignore unknown fields (changes are "
    "additive; a breaking change is a new `schema_version`). Spans are `[start, end)` Python "
    "string indices into the article `body` as published on `articles.raw`."
)


def build_asyncapi() -> dict[str, Any]:
    """The AsyncAPI document as a JSON-ready dict (deterministic: same models, same dict)."""
    schemas = _component_schemas()
    channels: dict[str, Any] = {}
    operations: dict[str, Any] = {}
    messages: dict[str, Any] = {}
    for topic, contract in TOPIC_CONTRACTS.items():
        names = [model.__name__ for model in contract.models]
        for model in contract.models:
            messages[model.__name__] = _message(contract, model)
        channels[contract.channel_id] = {
            "address": topic,
            "title": topic,
            "description": f"{contract.description} Published by {contract.publisher}.",
            "messages": {name: {"$ref": f"#/components/messages/{name}"} for name in names},
            "bindings": {"kafka": {"topic": topic, "bindingVersion": KAFKA_BINDING_VERSION}},
        }
        operations[f"receive{names[0]}"] = {
            "action": "receive",
            "title": f"Consume {topic}",
            "summary": f"Read {' and '.join(names)} messages from `{topic}` in your own "
            "consumer group.",
            "channel": {"$ref": f"#/channels/{contract.channel_id}"},
            "messages": [
                {"$ref": f"#/channels/{contract.channel_id}/messages/{name}"} for name in names
            ],
            "bindings": {
                "kafka": {
                    "groupId": {
                        "type": "string",
                        "description": "Your own consumer group; newsflow's groups are "
                        "newsflow-extract and newsflow-store.",
                    },
                    "bindingVersion": KAFKA_BINDING_VERSION,
                }
            },
        }
    return {
        "asyncapi": ASYNCAPI_VERSION,
        "info": {
            "title": "newsflow topics",
            "version": f"{SCHEMA_VERSION}.0.0",
            "description": "Claims and events extracted from news articles, on Kafka. " + _DELIVERY,
            "license": {"name": "Apache-2.0"},
        },
        "defaultContentType": "application/json",
        "servers": {
            "kafka": {
                "host": "{bootstrap}",
                "protocol": "kafka",
                "description": "The brokers in NEWSFLOW_KAFKA_BOOTSTRAP. Topic names get "
                "NEWSFLOW_TOPIC_PREFIX prepended when it is set; partitions: "
                "NEWSFLOW_TOPIC_PARTITIONS (default 4).",
                "variables": {
                    "bootstrap": {
                        "default": DEFAULT_BOOTSTRAP,
                        "description": "host:port of a broker",
                    }
                },
            }
        },
        "channels": channels,
        "operations": operations,
        "components": {"messages": messages, "schemas": schemas},
    }


def render_asyncapi() -> str:
    """The document as the text committed in ``docs/asyncapi.json``."""
    return json.dumps(build_asyncapi(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_asyncapi(path: Path = DEFAULT_PATH) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_asyncapi(), encoding="utf-8")
    return path


def _message(contract: TopicContract, model: type[BaseModel]) -> dict[str, Any]:
    name = model.__name__
    return {
        "name": name,
        "title": name,
        "summary": (model.__doc__ or name).strip().splitlines()[0],
        "contentType": "application/json",
        "headers": _cloudevents_headers(model),
        "payload": {"$ref": f"#/components/schemas/{name}"},
        "bindings": {
            "kafka": {
                "key": {"type": "string", "description": contract.key},
                "bindingVersion": KAFKA_BINDING_VERSION,
            }
        },
    }


def _cloudevents_headers(model: type[BaseModel]) -> dict[str, Any]:
    """The CloudEvents 1.0 attributes every record carries as Kafka headers (binary content
    mode, ``shared/cloudevents.py``)."""
    text = {"type": "string"}
    return {
        "type": "object",
        "description": "CloudEvents 1.0, Kafka protocol binding, binary content mode.",
        "required": [
            "ce_specversion",
            "ce_id",
            "ce_source",
            "ce_type",
            "ce_subject",
            "ce_time",
            "content-type",
        ],
        "properties": {
            "ce_specversion": {"const": SPEC_VERSION},
            "ce_id": {**text, "description": "The record's id (unique with ce_source)."},
            "ce_source": {**text, "description": "The producing service, /newsflow/<service>."},
            "ce_type": {
                "enum": [f"{stem}.v{SCHEMA_VERSION}" for stem in TYPE_STEMS[model]],
                "description": "What the record is, with its schema version.",
            },
            "ce_subject": {**text, "description": "The claim, event or article id."},
            "ce_time": {**text, "format": "date-time"},
            "ce_dataschema": {"const": schema_uri(model)},
            "content-type": {"const": CONTENT_TYPE},
        },
    }


def _component_schemas() -> dict[str, Any]:
    """Every message model and every model nested in one, referenced as components."""
    _, top = models_json_schema(
        [(model, "serialization") for model in MESSAGE_MODELS.values()],
        ref_template="#/components/schemas/{model}",
    )
    defs: dict[str, Any] = top.get("$defs", {})
    return {name: _draft07(schema) for name, schema in sorted(defs.items())}


def _draft07(node: Any) -> Any:
    """``prefixItems`` (JSON Schema 2020-12, pydantic's form of a fixed tuple) as draft-07."""
    if isinstance(node, list):
        return [_draft07(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _draft07(value) for key, value in node.items()}
    if "prefixItems" in out:
        rest = out.pop("items", False)  # pydantic's form of tuple[int, *tuple[str, ...]]
        out["items"] = out.pop("prefixItems")
        out["additionalItems"] = rest
    return out
