"""How many cores this process may use, and whether it may fork workers.

Shared by the stages that start worker processes (annotate/nlp.py,
annotate/prefetch.py, render/pool.py).
"""

from __future__ import annotations

import multiprocessing
import os
import threading


def cpu_count() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    """Whether worker processes may be forked: forking beside another thread
    can leave the child holding a lock nobody will release."""
    return ("fork" in multiprocessing.get_all_start_methods()
            and threading.active_count() == 1)
