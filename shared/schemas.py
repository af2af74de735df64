"""Export of the message JSON Schemas (``newsflow schemas``), generated from the models."""

from __future__ import annotations

import json
from pathlib import Path

from shared.cloudevents import schema_uri
from shared.models import MESSAGE_MODELS

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"  # what pydantic 2 writes


def export_schemas(out_dir: Path) -> list[Path]:
    """Write one ``<Model>.schema.json`` per message model into ``out_dir``; return the paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in MESSAGE_MODELS.items():
        path = out_dir / f"{name}.schema.json"
        schema = {
            "$schema": JSON_SCHEMA_DIALECT,
            "$id": schema_uri(model),
            **model.model_json_schema(mode="serialization"),
        }
        path.write_text(json.dumps(schema, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        written.append(path)
    return written
