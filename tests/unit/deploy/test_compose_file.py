"""docker-compose.yml is a valid Compose (v2, the Compose Specification) file: parsed by
compose-spec (Python bindings of the Rust ``compose_spec`` parser, pinned in the dev lock),
which refuses unknown keys, bad enum values and malformed ports. YAML merge keys (``<<:``, which
Compose v2 supports) are resolved by PyYAML first. Compose v1 (``docker-compose``, end of life)
is not checked: README says the file needs Compose v2."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from compose_spec import PyCompose

from tests.unit.deploy.test_k8s_manifests import serve_choices

COMPOSE = Path(__file__).resolve().parents[3] / "docker-compose.yml"


def parse(text: str) -> Any:
    return PyCompose.from_json(json.dumps(yaml.safe_load(text)))


def test_the_compose_file_is_valid() -> None:
    compose = parse(COMPOSE.read_text(encoding="utf-8"))
    assert "ingest" in compose.service_names()


@pytest.mark.parametrize(
    "old,new",
    [
        ("restart: unless-stopped", "restrat: unless-stopped"),
        ("condition: service_healthy", "condition: service_healty"),
        ('"8080:8080"', '"80x80:8080"'),
    ],
)
def test_a_broken_compose_file_is_refused(old: str, new: str) -> None:
    text = COMPOSE.read_text(encoding="utf-8")
    assert old in text
    with pytest.raises(ValueError):
        parse(text.replace(old, new, 1))


def test_every_served_service_is_in_the_compose_file() -> None:
    doc = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    served = {
        service["command"][1]
        for service in doc["services"].values()
        if service.get("command", [])[:1] == ["serve"]
    }
    assert served == set(serve_choices())
