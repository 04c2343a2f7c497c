"""The preview's search index, run at the lowest CPU priority.

Pagefind reads every page again after each rebuild (search.py) and uses
every core while it does: on a small machine, the next edit's analysis and
page waited for it (docs/performance.md, "Preview server"). Here it runs
niced to 19, so it takes only the CPU the rebuilds leave, and the index
follows the pages a little later instead of slowing them.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading

from site_builder.search import BackgroundIndex

# The nice value of the indexing thread, and so of the Pagefind it starts.
NICE = 19


class LowPriorityIndex(BackgroundIndex):
    """A `BackgroundIndex` whose thread, and the Pagefind it runs, yield the CPU."""

    def _run(self) -> None:
        lower_this_thread()
        super()._run()


def lower_this_thread(nice: int = NICE) -> bool:
    """Lower the calling thread's CPU priority (Linux only); True if done.

    On Linux the nice value belongs to a thread, and a process started from
    it inherits it; elsewhere it would lower the whole server, so nothing
    is done.
    """
    if sys.platform != "linux":
        return False
    with contextlib.suppress(OSError):  # not permitted: the index runs as before
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), nice)
        return True
    return False
