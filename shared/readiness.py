"""Readiness as a file: a consumer service touches ``ready_file`` once it has its partitions.

Consumers have no HTTP port to probe; a file is what an orchestrator (``newsflow up``, a
Kubernetes exec probe ``test -f``) can watch without one.
"""

from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger(__name__)


def mark_ready(path: Path | None) -> None:
    """Create ``path`` (and its folder) if it is set; does nothing for ``None``."""
    if path is None or path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch()
    log.info("ready (%s)", path)
