"""Child processes that die with the stack.

If ``newsflow up`` itself is killed (SIGKILL leaves it no chance to clean up), its broker and
services must not live on as orphans holding ports: on Linux each child asks the kernel for a
SIGTERM when its parent dies (``PR_SET_PDEATHSIG``). Elsewhere this is a no-op.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import signal
import sys
from collections.abc import Callable

_PR_SET_PDEATHSIG = 1


def terminate_with_parent() -> Callable[[], None] | None:
    """A ``preexec_fn`` for :class:`subprocess.Popen`, or None where it is not supported."""
    if not sys.platform.startswith("linux"):
        return None
    libc_name = ctypes.util.find_library("c")
    if libc_name is None:
        return None
    libc = ctypes.CDLL(libc_name, use_errno=True)

    def set_death_signal() -> None:
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)

    return set_death_signal
