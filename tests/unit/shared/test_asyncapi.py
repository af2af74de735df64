"""The AsyncAPI document of the topics: complete, internally consistent, and not stale."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from shared.asyncapi import DEFAULT_PATH, TOPIC_CONTRACTS, build_asyncapi, render_asyncapi
from shared.models import MESSAGE_MODELS
from shared.topics import ALL_TOPICS

ROOT = Path(__file__).resolve().parents[3]


def _refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return found + [r for value in node.values() for r in _refs(value)]
    if isinstance(node, list):
        return [r for item in node for r in _refs(item)]
    return []


def _resolve(doc: dict[str, Any], ref: str) -> Any:
    assert ref.startswith("#/"), ref
    node: Any = doc
    for part in ref[2:].split("/"):
        node = node[part]
    return node


def test_every_topic_has_a_channel_and_a_receive_operation() -> None:
    doc = build_asyncapi()
    addresses = {channel["address"] for channel in doc["channels"].values()}
    assert addresses == set(ALL_TOPICS)
    received = {
        _resolve(doc, op["channel"]["$ref"])["address"]
        for op in doc["operations"].values()
        if op["action"] == "receive"
    }
    assert received == set(ALL_TOPICS)


def test_every_message_model_is_a_message_with_its_schema_and_key() -> None:
    doc = build_asyncapi()
    messages = doc["components"]["messages"]
    assert set(messages) == set(MESSAGE_MODELS)
    for name, model in MESSAGE_MODELS.items():
        payload = _resolve(doc, messages[name]["payload"]["$ref"])
        assert set(payload["properties"]) == set(model.model_fields)
        key = messages[name]["bindings"]["kafka"]["key"]
        assert key["type"] == "string" and "article_id" in key["description"]


def test_channels_carry_the_model_of_their_topic() -> None:
    doc = build_asyncapi()
    for topic, contract in TOPIC_CONTRACTS.items():
        channel = doc["channels"][contract.channel_id]
        assert channel["address"] == topic
        assert list(channel["messages"]) == [m.__name__ for m in contract.models]


def test_every_reference_resolves_and_no_2020_12_keywords_remain() -> None:
    doc = build_asyncapi()
    refs = _refs(doc)
    assert refs
    for ref in refs:
        assert _resolve(doc, ref) is not None
    text = json.dumps(doc)
    assert "prefixItems" not in text and "$defs" not in text


def test_spans_are_draft07_fixed_length_tuples() -> None:
    content = build_asyncapi()["components"]["schemas"]["ClaimContent"]
    span = content["properties"]["spans"]["items"]
    assert span["items"] == [{"type": "integer"}, {"type": "integer"}]
    assert span["additionalItems"] is False


def test_committed_document_is_up_to_date() -> None:
    committed = (ROOT / DEFAULT_PATH).read_text(encoding="utf-8")
    assert committed == render_asyncapi(), (
        "docs/asyncapi.json is stale: run `newsflow schemas` (or `make schemas`) and commit it"
    )
    assert json.loads(committed)["asyncapi"] == "3.0.0"
