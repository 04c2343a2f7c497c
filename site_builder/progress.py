"""A progress bar for long builds, shown only in a terminal and only after a second.

Short builds stay silent: a bar that flashes for 200 ms is noise.
"""

from __future__ import annotations

import sys
import time
from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

DELAY = 1.0


class BuildProgress:
    def __init__(self, enabled: bool = True, delay: float = DELAY) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.delay = delay
        self._started = time.monotonic()
        self._progress: Progress | None = None
        self._task: int | None = None

    def __enter__(self) -> BuildProgress:
        self._started = time.monotonic()
        return self

    def update(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        if self._progress is None:
            if time.monotonic() - self._started < self.delay or done >= total:
                return
            self._progress = Progress(
                TextColumn("annotating"), BarColumn(), MofNCompleteColumn(),
                TimeRemainingColumn(), console=Console(stderr=True), transient=True)
            self._progress.start()
            self._task = self._progress.add_task("annotate", total=total)
        assert self._task is not None
        self._progress.update(self._task, completed=done, total=total)

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._progress is not None:
            self._progress.stop()
