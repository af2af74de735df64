"""What the observability tests share: a service process with a metrics port and JSON logs, and
a scraper that reads its /metrics like Prometheus does."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from prometheus_client.parser import text_string_to_metric_families

Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]


def scrape(port: int) -> Samples:
    """Every sample of ``http://127.0.0.1:port/metrics``, keyed by name and labels."""
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as response:
        text = response.read().decode()
    samples: Samples = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            samples[(sample.name, frozenset(sample.labels.items()))] = sample.value
    return samples


def value(samples: Samples, name: str, **labels: str) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


def series(samples: Samples, name: str) -> dict[frozenset[tuple[str, str]], float]:
    return {labels: v for (n, labels), v in samples.items() if n == name}


@dataclass
class ServiceProcess:
    """``newsflow serve NAME`` with its stderr (the logs) in a file."""

    name: str
    proc: subprocess.Popen[bytes]
    log: Path
    metrics_port: int

    @classmethod
    def start(cls, name: str, env: dict[str, str], log: Path, metrics_port: int) -> ServiceProcess:
        with log.open("wb") as err:
            proc = subprocess.Popen(
                [sys.executable, "-m", "services.cli", "serve", name],
                env={**os.environ, **env},
                stdout=subprocess.DEVNULL,
                stderr=err,
            )
        return cls(name, proc, log, metrics_port)

    def scrape_until(
        self, done: Callable[[Samples], bool], *, timeout_s: float, what: str
    ) -> Samples:
        """Scrape until ``done(samples)``; fail with the log's tail if the time runs out."""
        deadline = time.monotonic() + timeout_s
        samples: Samples = {}
        while time.monotonic() < deadline:
            self.assert_running()
            try:
                samples = scrape(self.metrics_port)
            except OSError:  # not listening yet
                samples = {}
            if samples and done(samples):
                return samples
            time.sleep(0.5)
        raise AssertionError(f"{self.name}: {what} not seen in time; log tail:\n{self.tail()}")

    def assert_running(self) -> None:
        code = self.proc.poll()
        if code is not None:
            raise AssertionError(f"{self.name} exited with {code}:\n{self.tail()}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def tail(self) -> str:
        return self.log.read_text(errors="replace")[-4000:]

    def json_logs(self) -> list[dict[str, object]]:
        """The log lines, each parsed as JSON (fails on a line that is not)."""
        lines = [line for line in self.log.read_text().splitlines() if line.strip()]
        parsed = []
        for line in lines:
            try:
                parsed.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise AssertionError(f"{self.name}: not a JSON log line: {line!r}") from exc
        return parsed
