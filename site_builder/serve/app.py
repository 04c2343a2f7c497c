"""The dev server: watcher → debouncer → builder → broadcaster → browser.

One thread runs builds, so the builder (and its in-memory spaCy models and
incremental state) is only ever used by one caller. Watcher threads only
add paths to the debouncer; HTTP threads only read files and build events.
"""

from __future__ import annotations

import functools
import threading
import traceback
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Protocol

from site_builder.errors import Problem, internal_error, terminal_safe
from site_builder.serve.debounce import Batch, Debouncer
from site_builder.serve.reload import Broadcaster, BuildEvent
from site_builder.serve.server import DevHTTPServer, bind
from site_builder.serve.watch import ObserverFactory, SiteLayout, Watcher

Log = Callable[[str], None]


class BuildOutcome(Protocol):
    """What `site_builder.build.BuildResult` offers the server."""

    @property
    def ok(self) -> bool: ...
    @property
    def problems(self) -> list[Problem]: ...
    @property
    def written(self) -> list[str]: ...
    @property
    def duration(self) -> float: ...


class SiteBuilder(Protocol):
    """What `site_builder.build.Builder` offers the server."""

    output_dir: Path

    def build(self, changed: Collection[Path] | None = None) -> BuildOutcome: ...


def _log(message: str) -> None:
    # File names and problems quote content: escape it before it reaches a terminal.
    print("\n".join(terminal_safe(line) for line in message.split("\n")), flush=True)


class DevServer:
    """Serve a builder's output, rebuild on change, push reloads.

    Use as a context manager, or `start()` then `stop()`. `serve()` in
    __init__.py wraps it for the command line.
    """

    def __init__(self, builder: SiteBuilder, site_dir: Path, *, host: str = "127.0.0.1",
                 port: int = 8000, quiet: float = 0.1, max_wait: float = 1.0,
                 observer_factory: ObserverFactory | None = None, log: Log = _log,
                 debug: bool = False) -> None:
        self.builder = builder
        self.host = host
        self.port = port
        self.log = log
        self.debug = debug  # a builder crash prints its traceback, not one line
        self.broadcaster = Broadcaster()
        self.debouncer = Debouncer(quiet, max_wait)
        layout = SiteLayout(site_dir, excluded=(builder.output_dir,))
        self.watcher = Watcher(layout, self.debouncer, observer_factory=observer_factory,
                               log=log)
        self.httpd: DevHTTPServer | None = None
        self._threads: list[threading.Thread] = []
        self._stopping = threading.Event()
        self.builds = 0  # finished builds, the initial one included
        self._announced: set[str] = set()  # pages of the running build already pushed
        if hasattr(builder, "on_pages"):  # not part of the minimal builder contract
            builder.on_pages = self._pages_ready

    @property
    def url(self) -> str:
        assert self.httpd is not None, "start() first"
        host, port = self.httpd.server_address[:2]
        shown = f"[{host}]" if ":" in str(host) else str(host)
        return f"http://{shown}:{port}/"

    def start(self) -> BuildEvent:
        """Bind, watch, build once, then serve. Returns the first build's event.

        The port is bound first so a port problem shows before a long cold
        build; the watcher starts before the build so an edit made during it
        is not lost.
        """
        self.httpd = bind(self.host, self.port, lambda: self.builder.output_dir,
                          self.broadcaster, log=self.log)
        try:
            self.watcher.start()
            first = self._build(None)
        except BaseException:
            self.httpd.server_close()
            self.watcher.stop()
            raise
        # A short poll interval makes shutdown() (and so Ctrl-C) return promptly.
        serve_http = functools.partial(self.httpd.serve_forever, poll_interval=0.1)
        for name, target in (("serve-http", serve_http), ("serve-rebuild", self._rebuild_loop)):
            thread = threading.Thread(target=target, name=name, daemon=True)
            thread.start()
            self._threads.append(thread)
        return first

    def stop(self) -> None:
        """Stop watching, finish the build in progress, end streams, close the socket."""
        self._stopping.set()
        self.watcher.stop()
        self.debouncer.close()
        if self.httpd is not None:
            if self._threads:  # shutdown() would wait forever for a loop never started
                self.httpd.shutdown()
            self.broadcaster.close()
            self.httpd.server_close()
        for thread in self._threads:
            thread.join(timeout=30)
        self._threads.clear()

    def __enter__(self) -> DevServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _rebuild_loop(self) -> None:
        self._warm_up()
        while not self._stopping.is_set():
            batch = self.debouncer.wait(timeout=0.5)
            if batch is None or self._stopping.is_set():
                continue
            # Before the build: a templates/ created just now gets its watch
            # first, so a file written into it after this point is seen by
            # the watch, and one written before is seen by the build.
            self.watcher.refresh()
            self._build(batch)

    def _warm_up(self) -> None:
        """Load the NLP models now, so the first save does not wait for them.

        Runs in the rebuild thread, the only one that uses the builder; a
        change saved meanwhile waits in the debouncer and is built next.
        """
        warm_up = getattr(self.builder, "warm_up", None)  # not part of the minimal contract
        if warm_up is None:
            return
        try:
            warm_up()
        except Exception as exc:  # a model that fails to load fails the build that needs it
            self.log(f"Could not preload the NLP models: {exc!r}")

    def _pages_ready(self, written: list[str]) -> None:
        """Pages a rebuild wrote ahead of the rest (the edited article): reload them now."""
        self._announced.update(written)
        self.broadcaster.publish(True, written, [])

    def _build(self, batch: Batch | None) -> BuildEvent:
        """Run one build and publish its outcome; never raises for a builder bug."""
        changed = None if batch is None or batch.full else batch.paths
        self._announced = set()
        try:
            result = self.builder.build(changed)
        except Exception as exc:
            # A crash in the builder must not kill the server: show it like
            # any build problem and keep serving the last good pages.
            line = internal_error(exc)
            if self.debug:
                self.log(traceback.format_exc().rstrip())
            else:
                self.log(f"{line} (rerun with --debug to see the traceback)")
            problem = Problem("(site-builder)", 1, line,
                              "this is a bug in site-builder; rerun with --debug for the "
                              "traceback")
            event = self.broadcaster.publish(False, [], [problem])
        else:
            # `removed` is not part of the minimal builder contract; use it when offered.
            removed: list[str] = getattr(result, "removed", [])
            # A page already pushed ahead must not make its tab reload twice.
            rest = [p for p in result.written if p not in self._announced]
            event = self.broadcaster.publish(result.ok, rest, result.problems, removed)
            self._report(result, batch)
        self.builds += 1
        return event

    def _report(self, result: BuildOutcome, batch: Batch | None) -> None:
        what = "Built" if batch is None else "Rebuilt"
        if result.ok:
            n = len(result.written)
            self.log(f"{what} in {result.duration:.2f} s: {n} file{'s' * (n != 1)} written.")
            for warning in getattr(result, "warnings", []):
                self.log(f"  warning: {warning}")
            return
        n = len(result.problems)
        failed = "Build" if batch is None else "Rebuild"
        lines = [f"{failed} failed in {result.duration:.2f} s with {n} problem"
                 f"{'s' * (n != 1)}; still serving the last good pages:"]
        lines += [f"  {p}" for p in result.problems]
        self.log("\n".join(lines))
