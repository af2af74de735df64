"""Service processes of a benchmark phase (``newsflow serve NAME``, exactly as a container runs
it) and what they cost: resident memory and CPU time, read by psutil when it is installed, else
from ``/proc``."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from shared.errors import RetriableError


class ServiceDiedError(RetriableError):
    """A service process of the benchmark exited while it was needed."""


@dataclass(frozen=True)
class ProcStats:
    rss_bytes: int
    cpu_s: float


def proc_stats(pid: int) -> ProcStats | None:
    """RSS and user+system CPU seconds of ``pid``; None when the process is gone."""
    try:
        import psutil  # type: ignore[import-untyped]  # optional; /proc answers the same
    except ImportError:
        return _proc_stats_from_proc(pid)
    try:
        process = psutil.Process(pid)
        with process.oneshot():
            times = process.cpu_times()
            return ProcStats(process.memory_info().rss, times.user + times.system)
    except psutil.Error:
        return None


def _proc_stats_from_proc(pid: int) -> ProcStats | None:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    rss_kb = next(
        (int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0
    )
    # Fields after the command name (which may hold spaces) start at index 2 of stat(5).
    fields = stat.rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return ProcStats(rss_kb * 1024, (int(fields[11]) + int(fields[12])) / ticks)


def find_pid(marker: str) -> int | None:
    """The first process whose command line contains ``marker`` (e.g. the broker's port)."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if marker in cmdline:
            return int(entry.name)
    return None


@dataclass
class ServiceProcess:
    """One ``newsflow serve NAME`` with its own environment and log file."""

    name: str
    service: str
    env: dict[str, str]
    log_path: Path
    proc: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def pid(self) -> int:
        assert self.proc is not None, f"{self.name} was not started"
        return self.proc.pid

    def start(self) -> None:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("ab") as out:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "services.cli", "serve", self.service],
                env={**os.environ, **self.env},
                stdout=out,
                stderr=subprocess.STDOUT,
            )

    def check_alive(self) -> None:
        """Raise :class:`ServiceDiedError` with the end of the log if the process exited."""
        if self.proc is None:
            return
        code = self.proc.poll()
        if code is not None:
            tail = self.log_path.read_text(errors="replace")[-2000:]
            raise ServiceDiedError(f"{self.name} exited with code {code}; log tail:\n{tail}")

    def stats(self) -> ProcStats | None:
        return proc_stats(self.pid) if self.proc is not None else None

    def stop(self, *, grace_s: float = 20.0) -> None:
        """SIGTERM, wait up to ``grace_s``, then SIGKILL."""
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=grace_s)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def cpu_seconds(services: list[ServiceProcess]) -> dict[str, float]:
    """CPU seconds each service has used so far (0 for one that is gone)."""
    out: dict[str, float] = {}
    for service in services:
        stats = service.stats()
        out[service.name] = stats.cpu_s if stats else 0.0
    return out


def wait_for_files(
    paths: list[Path], services: list[ServiceProcess], *, timeout_s: float = 120.0
) -> None:
    """Wait until every readiness file exists; fail fast when a service dies."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        for service in services:
            service.check_alive()
        if all(p.exists() for p in paths):
            return
        time.sleep(0.05)
    missing = ", ".join(str(p) for p in paths if not p.exists())
    raise RetriableError(f"services not ready in {timeout_s:.0f}s (no {missing})")


def stop_all(services: list[ServiceProcess]) -> None:
    """Stop in reverse start order (ingest, when there is one, was started last)."""
    for service in reversed(services):
        service.stop()
