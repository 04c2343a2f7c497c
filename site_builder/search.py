"""The search index: Pagefind run over the published pages, at publish time.

Pagefind reads the HTML a build wrote and writes a static bundle (its
`pagefind.js`, a WebAssembly engine and the index split into chunks) that
the search page loads in the browser. It indexes each page under the
language of its `<html lang>`, only inside the element marked
`data-pagefind-body` (the article, actor and figures pages: never the
navigation or the listings), with the filters and metadata the templates
mark (docs/search.md).

A full build indexes its staging tree before the swap, so a failed index
fails the build and leaves the previous output as it was. The preview
indexes in the background after a rebuild (`BackgroundIndex`): the edited
page reloads first, the index follows. Pagefind has no incremental mode:
every run reads every page.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

from site_builder.errors import Problem, PublishError
from site_builder.publish import replace_tree, staging_prefix

log = logging.getLogger(__name__)

BUNDLE = "pagefind"  # the bundle's directory in the output; site.js loads it from there
# Where a problem of the index is reported: it belongs to no input file.
_WHERE = "(search index)"
# A Pagefind that hangs must not hang the build forever; 1000 articles take ~2 s.
_TIMEOUT = 600.0


def is_bundle_path(rel: str) -> bool:
    """Whether an output-relative path is part of the search bundle."""
    return rel.split("/", 1)[0] == BUNDLE


def index_tree(site_root: Path, into: Path | None = None) -> list[str]:
    """Index the pages under `site_root` into the bundle `into/pagefind`.

    `into` defaults to `site_root` itself. Returns the bundle's files,
    relative to `into` ("pagefind/…"). Raises PublishError when Pagefind
    cannot run or fails.
    """
    into = (into or site_root).absolute()
    bundle_dir = into / BUNDLE
    command = [str(_executable()), "--site", str(site_root.absolute()),
               "--output-path", str(bundle_dir),
               # Results link to `…/index.html`, like every link of the site,
               # so they work from any sub-path.
               "--keep-index-url", "--silent"]
    # Pagefind reads pagefind.yml/.toml/.json from its working directory and
    # PAGEFIND_* variables: neither may change what a build writes.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PAGEFIND_")}
    with tempfile.TemporaryDirectory(prefix="site-builder-pagefind-") as cwd:
        try:
            done = subprocess.run(command, cwd=cwd, env=env, capture_output=True,
                                  text=True, errors="replace", timeout=_TIMEOUT, check=False)
        except subprocess.TimeoutExpired as exc:
            raise PublishError(Problem.at(
                _WHERE, 1, f"Pagefind did not finish indexing in {_TIMEOUT:.0f} s",
                "run the build again; if it hangs again, report it")) from exc
        except OSError as exc:
            raise PublishError(Problem.at(
                _WHERE, 1, f"could not run Pagefind ({exc.strerror or exc})",
                "reinstall the locked dependencies: "
                "pip install --require-hashes -r requirements/lock.txt")) from exc
    if done.returncode != 0:
        said = " ".join((done.stderr or done.stdout).split())[-300:] or "no message"
        raise PublishError(Problem.at(
            _WHERE, 1, f"Pagefind failed to index the site (exit {done.returncode}): {said}",
            "the previous output is unchanged; fix what Pagefind names and build again"))
    return sorted(p.relative_to(into).as_posix() for p in bundle_dir.rglob("*") if p.is_file())


def _executable() -> Path:
    """The Pagefind binary shipped in the pagefind-bin wheel."""
    try:
        from pagefind_bin import get_executable  # type: ignore[import-untyped]
    except ImportError as exc:
        raise PublishError(Problem.at(
            _WHERE, 1, "the pagefind-bin package is not installed",
            "pip install --require-hashes -r requirements/lock.txt")) from exc
    try:
        return Path(get_executable())
    except FileNotFoundError as exc:
        raise PublishError(Problem.at(
            _WHERE, 1, f"the Pagefind binary is missing: {exc}",
            "reinstall pagefind-bin from requirements/lock.txt")) from exc


class BackgroundIndex:
    """Keeps `output_dir/pagefind` current in the preview, off the rebuild's path.

    `request()` returns at once; one thread indexes the output as it is
    into a new bundle beside it and swaps that in whole, so a reader never
    fetches a half-written index. Requests made while it runs are merged
    into one more run. A failure is logged and the previous index stays.
    """

    def __init__(self, output_dir: Path) -> None:
        self.output_dir = output_dir.absolute()
        self._lock = threading.Lock()
        self._pending = False
        self._thread: threading.Thread | None = None
        self.runs = 0  # finished runs, for the tests and the benchmark
        self.last_problem: Problem | None = None

    def request(self) -> None:
        with self._lock:
            self._pending = True
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="search-index",
                                                daemon=True)
                self._thread.start()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until no run is pending; False if `timeout` passed first."""
        with self._lock:
            thread = self._thread
        if thread is None:
            return True
        thread.join(timeout)
        return not thread.is_alive()

    def _run(self) -> None:
        while True:
            with self._lock:
                if not self._pending:
                    self._thread = None
                    return
                self._pending = False
            self._index_once()

    def _index_once(self) -> None:
        # Named like a staging tree: a server killed mid-run leaves it for
        # the next build to clean (publish.recover).
        new = Path(tempfile.mkdtemp(prefix=staging_prefix(self.output_dir) + "search-",
                                    dir=self.output_dir.parent))
        try:
            index_tree(self.output_dir, new)
            replace_tree(new / BUNDLE, self.output_dir / BUNDLE)
            self.last_problem = None
        except PublishError as exc:
            self.last_problem = exc.problems[0]
            for problem in exc.problems:
                log.warning("%s", problem)
        finally:
            shutil.rmtree(new, ignore_errors=True)
            self.runs += 1
