"""deploy/k8s is complete and valid: every manifest validates against the OpenAPI schemas of a
pinned Kubernetes version (kubernetes-validate, strict: unknown fields fail), KEDA's
ScaledObjects against a schema kept here (kubernetes-validate has none for custom resources),
every ``newsflow serve X`` has a Deployment, every Secret key reaches a container, and the
autoscalers stay within what the consumer groups can use."""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from kubernetes_validate import utils as kubernetes_validate

from services.cli import _parser

ROOT = Path(__file__).resolve().parents[3]
K8S = ROOT / "deploy" / "k8s"
# The oldest Kubernetes minor version still supported upstream when this was written; the
# manifests use nothing newer (autoscaling/v2, policy/v1 PodDisruptionBudget).
KUBERNETES_VERSION = "1.33"
SCALED_OBJECT_SCHEMA = Path(__file__).with_name("keda-scaledobject.schema.json")
KAFKA_CLIENTS = ("init", "ingest", "extract", "store")

Manifest = dict[str, Any]


def manifests() -> list[tuple[str, Manifest]]:
    docs = []
    for path in sorted(K8S.glob("*.yaml")):
        if path.name == "kustomization.yaml":
            continue
        for doc in yaml.safe_load_all(path.read_text(encoding="utf-8")):
            if doc:
                docs.append((path.name, doc))
    return docs


def of_kind(kind: str) -> list[Manifest]:
    return [doc for _, doc in manifests() if doc["kind"] == kind]


def one(kind: str, name: str) -> Manifest:
    found = [doc for doc in of_kind(kind) if doc["metadata"]["name"] == name]
    assert len(found) == 1, (kind, name)
    return found[0]


def pod_specs() -> Iterator[tuple[str, Manifest]]:
    for doc in of_kind("Deployment") + of_kind("Job"):
        yield doc["metadata"]["name"], doc["spec"]["template"]["spec"]


def serve_choices() -> list[str]:
    sub = next(a for a in _parser()._actions if isinstance(a, argparse._SubParsersAction))
    serve = sub.choices["serve"]
    service = next(a for a in serve._actions if a.dest == "service")
    return list(service.choices or [])


@pytest.mark.parametrize(
    "source,manifest",
    manifests(),
    ids=[f"{f}:{m['kind']}/{m['metadata']['name']}" for f, m in manifests()],
)
def test_every_manifest_validates(source: str, manifest: Manifest) -> None:
    if manifest["kind"] == "ScaledObject":
        schema = json.loads(SCALED_OBJECT_SCHEMA.read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator(schema).validate(manifest)
        return
    validated = kubernetes_validate.validate(manifest, KUBERNETES_VERSION, strict=True)
    assert validated == KUBERNETES_VERSION


def test_a_misspelt_field_fails_strict_validation() -> None:
    deployment = one("Deployment", "newsflow-ingest")
    broken = json.loads(json.dumps(deployment))
    broken["spec"]["template"]["spec"]["containers"][0]["resource"] = {}
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, KUBERNETES_VERSION, strict=True)


def test_kustomization_lists_every_manifest() -> None:
    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text(encoding="utf-8"))
    on_disk = {p.name for p in K8S.glob("*.yaml")} - {"kustomization.yaml"}
    assert set(kustomization["resources"]) == on_disk


def test_every_served_service_has_a_deployment() -> None:
    served = {}
    for name, pod in pod_specs():
        for container in pod["containers"]:
            args = container.get("args", [])
            if args[:1] == ["serve"]:
                served[args[1]] = name
    assert set(serve_choices()) <= served.keys(), set(serve_choices()) - served.keys()


def test_every_http_service_has_a_service_on_its_port() -> None:
    ports = {
        svc["spec"]["selector"]["app.kubernetes.io/component"]: svc["spec"]["ports"][0]["port"]
        for svc in of_kind("Service")
    }
    assert ports == {"ingest": 8080, "api": 8081}


def test_every_secret_key_is_consumed_and_every_reference_exists() -> None:
    (secret,) = of_kind("Secret")
    keys = set(secret.get("stringData", {})) | set(secret.get("data", {}))
    consumed: set[str] = set()
    for name, pod in pod_specs():
        for container in pod["containers"]:
            for env in container.get("env", []):
                ref = env.get("valueFrom", {}).get("secretKeyRef")
                if ref:
                    assert ref["name"] == secret["metadata"]["name"], name
                    consumed.add(ref["key"])
        for volume in pod.get("volumes", []):
            if "secret" in volume:
                consumed.update(item["key"] for item in volume["secret"].get("items", []))
    assert keys - consumed == set(), "secret keys no container reads"
    assert consumed - keys == set(), "keys read that the Secret lacks"


def test_every_kafka_client_gets_the_sasl_password_and_the_ca_mount() -> None:
    config = one("ConfigMap", "newsflow-config")
    text = (K8S / "configmap.yaml").read_text(encoding="utf-8")
    cafile = re.search(r'NEWSFLOW_KAFKA_SSL_CAFILE: "([^"]+)"', text)
    assert cafile, "configmap.yaml names the CA file"
    assert config["data"]  # the ConfigMap itself parsed
    ca_dir = str(Path(cafile.group(1)).parent)
    for name, pod in pod_specs():
        component = name.removeprefix("newsflow-")
        if component not in KAFKA_CLIENTS:
            continue
        (container,) = pod["containers"]
        env = {e["name"] for e in container.get("env", [])}
        assert "NEWSFLOW_KAFKA_SASL_PASSWORD" in env, name
        mounts = {m["mountPath"] for m in container.get("volumeMounts", [])}
        assert ca_dir in mounts, name


def test_consumer_autoscaling_is_capped_at_the_partition_count() -> None:
    partitions = int(one("ConfigMap", "newsflow-config")["data"]["NEWSFLOW_TOPIC_PARTITIONS"])
    scaled = {s["spec"]["scaleTargetRef"]["name"]: s for s in of_kind("ScaledObject")}
    assert set(scaled) == {"newsflow-extract", "newsflow-store"}
    for name, obj in scaled.items():
        one("Deployment", name)
        assert 1 <= obj["spec"]["maxReplicaCount"] <= partitions, name
        for trigger in obj["spec"]["triggers"]:
            assert trigger["metadata"].get("allowIdleConsumers", "false") == "false"
    hpas = {h["spec"]["scaleTargetRef"]["name"] for h in of_kind("HorizontalPodAutoscaler")}
    assert hpas == {"newsflow-ingest", "newsflow-api"}
    for name in scaled.keys() | hpas:
        assert "replicas" not in one("Deployment", name)["spec"], f"{name}: autoscaled"


def test_every_deployment_has_a_disruption_budget() -> None:
    covered = {
        pdb["spec"]["selector"]["matchLabels"]["app.kubernetes.io/component"]
        for pdb in of_kind("PodDisruptionBudget")
    }
    deployed = {
        d["spec"]["selector"]["matchLabels"]["app.kubernetes.io/component"]
        for d in of_kind("Deployment")
    }
    assert deployed <= covered


def test_prometheus_annotations_name_a_container_port() -> None:
    for name, doc in ((d["metadata"]["name"], d) for d in of_kind("Deployment")):
        template = doc["spec"]["template"]
        port = int(template["metadata"]["annotations"]["prometheus.io/port"])
        ports = {p["containerPort"] for c in template["spec"]["containers"] for p in c["ports"]}
        assert port in ports, name


def test_the_rate_limit_is_sized_for_the_ingest_autoscalers_ceiling() -> None:
    """The limit is counted per replica: deploy/k8s/README.md states the aggregate a key can
    reach at the HPA's ceiling, which must follow the ConfigMap and the HPA."""
    config = one("ConfigMap", "newsflow-config")["data"]
    per_s = int(config["NEWSFLOW_RATE_LIMIT_PER_S"])
    burst = int(config["NEWSFLOW_RATE_LIMIT_BURST"])
    ceiling = one("HorizontalPodAutoscaler", "newsflow-ingest")["spec"]["maxReplicas"]
    text = " ".join((K8S / "README.md").read_text(encoding="utf-8").split())
    stated = re.search(
        r"(\d+)/s \(burst (\d+)\) × `maxReplicas: (\d+)` = at most (\d+)/s per key", text
    )
    assert stated, "deploy/k8s/README.md states the per-key aggregate"
    assert tuple(int(g) for g in stated.groups()) == (per_s, burst, ceiling, per_s * ceiling)


def test_every_service_using_postgres_gets_its_database_url() -> None:
    """ingest too: without NEWSFLOW_DATABASE_URL it polls no feeds and does not version pushes."""
    for name in ("newsflow-init", "newsflow-ingest", "newsflow-store", "newsflow-api"):
        pod = dict(pod_specs())[name]
        (container,) = pod["containers"]
        env = {e["name"]: e for e in container.get("env", [])}
        assert "secretKeyRef" in env["NEWSFLOW_DATABASE_URL"]["valueFrom"], name
