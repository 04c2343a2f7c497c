"""The NLP stage on a real Dask cluster: `dask scheduler` and `dask worker` on 127.0.0.1.

The sample site built through the cluster must be the local build, byte for
byte; a worker killed mid-build leaves its batches to the others; a worker
with another spaCy is refused by name, and takes no batch even when the
matching workers are gone; an unreachable scheduler is reported
within 10 s; a lost scheduler stops the build, keeps what was finished, and
the next build resumes from it. Waits are on conditions (a log line, a cache
file), each with a deadline; nothing sleeps for a fixed time.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from site_builder.cli import EXIT_FAILED, main
from tests.conftest import ARTICLE_FR, build_ok, tree, write

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[1]
DASK = Path(sys.executable).with_name("dask")
# Small batches: the 40 sample articles make about 40 of them, so every
# worker is busy whenever a result comes back.
SITE_TOML = (ROOT / "site.toml").read_text(encoding="utf-8") + "batch_size = 4\n"
STARTUP = 60.0  # seconds a scheduler or a worker may take to come up on a loaded machine
BUILD = 300.0  # seconds a build of the sample site may take


def wait_for(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"waited {timeout} s for {what}"
        time.sleep(0.05)


class Cluster:
    """A scheduler and its workers, each a process with its log in `folder`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.procs: dict[str, subprocess.Popen[bytes]] = {}
        self.address = ""

    def _start(self, name: str, args: list[str], env: dict[str, str] | None = None,
               ) -> subprocess.Popen[bytes]:
        with (self.folder / f"{name}.log").open("wb") as log:
            proc = subprocess.Popen([str(DASK), *args], stdout=log, stderr=subprocess.STDOUT,
                                    env={**os.environ, **(env or {})}, cwd=self.folder)
        self.procs[name] = proc
        return proc

    def log(self, name: str) -> str:
        return (self.folder / f"{name}.log").read_text(encoding="utf-8", errors="replace")

    def start_scheduler(self) -> None:
        info = self.folder / "scheduler.json"
        self._start("scheduler", ["scheduler", "--host", "127.0.0.1", "--port", "0",
                                  "--dashboard-address", "127.0.0.1:0",
                                  "--scheduler-file", str(info)])
        wait_for(lambda: "Scheduler at:" in self.log("scheduler"), STARTUP, "the scheduler")
        line = next(x for x in self.log("scheduler").splitlines() if "Scheduler at:" in x)
        self.address = line.split("Scheduler at:")[1].strip()

    def start_worker(self, name: str, env: dict[str, str] | None = None) -> None:
        # No nanny: a killed worker stays dead, as a lost machine would.
        self._start(name, ["worker", self.address, "--nthreads", "1", "--no-nanny",
                           "--host", "127.0.0.1", "--no-dashboard", "--name", name], env)
        wait_for(lambda: "Registered to:" in self.log(name), STARTUP, f"worker {name}")

    def kill(self, name: str) -> None:
        proc = self.procs[name]
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)

    def stop(self) -> None:
        for proc in self.procs.values():
            if proc.poll() is None:
                proc.terminate()
        for proc in self.procs.values():
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    running = Cluster(tmp_path_factory.mktemp("cluster"))
    try:
        running.start_scheduler()
        running.start_worker("one")
        running.start_worker("two")
        yield running
    finally:
        running.stop()


def sample_site(folder: Path) -> Path:
    """A copy of the bundled sample site (40 articles), with small batches."""
    folder.mkdir(parents=True)
    shutil.copytree(ROOT / "content", folder / "content")
    (folder / "site.toml").write_text(SITE_TOML, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site built on this machine, without a cluster."""
    site = sample_site(tmp_path_factory.mktemp("local") / "site")
    build_ok(site)
    return site


def cache_entries(site: Path) -> dict[str, bytes]:
    folder = site / ".cache/site-builder/annotations/annotate"
    if not folder.is_dir():
        return {}
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.json"))}


def build_command(site: Path, address: str) -> list[str]:
    return [sys.executable, "-m", "site_builder", "build", str(site), "--scheduler", address]


# Run in a process of its own: until the scheduler holds a finished batch that
# the build has not fetched yet.
HELD = """
import sys, time
from distributed import Client
with Client(sys.argv[1], timeout=30, set_as_default=False) as watcher:
    while not watcher.run_on_scheduler(lambda dask_scheduler: any(
            task.state == "memory" for task in dask_scheduler.tasks.values())):
        time.sleep(0.05)
"""


def build_killing(site: Path, cluster: Cluster, name: str,
                  behind: bool = False) -> tuple[int, str]:
    """Build `site` on the cluster, killing process `name` when the first article is back.

    By then every worker has its models loaded (the plugin is registered
    before any batch is sent) and a batch in hand. `behind`: the build is
    stopped (SIGSTOP) until a worker holds a finished batch the build has
    not fetched, as on a loaded machine, and continued after the kill. The
    exit status and stderr.
    """
    build = subprocess.Popen(build_command(site, cluster.address), stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    try:
        wait_for(lambda: bool(cache_entries(site)) or build.poll() is not None, BUILD,
                 "the first article from the cluster")
        assert build.poll() is None, build.communicate()
        if behind:
            build.send_signal(signal.SIGSTOP)
            subprocess.run([sys.executable, "-c", HELD, cluster.address], timeout=BUILD,
                           check=True)
        cluster.kill(name)
        if behind:
            build.send_signal(signal.SIGCONT)
        _, err = build.communicate(timeout=BUILD)
    finally:
        if build.poll() is None:
            build.kill()
    return build.returncode, err


def test_the_sample_site_built_on_the_cluster_is_the_local_build(
        cluster: Cluster, reference: Path, tmp_path: Path) -> None:
    site = sample_site(tmp_path / "site")
    done = subprocess.run(build_command(site, cluster.address), capture_output=True,
                          text=True, timeout=BUILD, check=False)
    assert done.returncode == 0, done.stderr
    assert "(40 analysed by spaCy)" in done.stdout
    assert f"annotating on 2 Dask worker(s) of {cluster.address}; dashboard: " in done.stderr
    assert tree(site / "output") == tree(reference / "output")
    # The same content-addressed entries: a local build after this one analyses nothing.
    assert cache_entries(site) == cache_entries(reference)


def test_a_worker_killed_mid_build_leaves_its_batches_to_the_others(
        cluster: Cluster, reference: Path, tmp_path: Path) -> None:
    cluster.start_worker("victim")
    site = sample_site(tmp_path / "site")
    returncode, err = build_killing(site, cluster, "victim")
    assert returncode == 0, err
    assert "annotating on 3 Dask worker(s)" in err
    assert "Remove worker" in cluster.log("scheduler")
    assert tree(site / "output") == tree(reference / "output")
    assert cache_entries(site) == cache_entries(reference)


def test_a_worker_with_another_spacy_is_refused_by_name(cluster: Cluster,
                                                        tmp_path: Path) -> None:
    # The worker's metadata says spaCy 9.9.9: what `environment` reads there.
    fake = tmp_path / "fake"
    write(fake / "spacy-9.9.9.dist-info/METADATA",
          "Metadata-Version: 2.1\nName: spacy\nVersion: 9.9.9\n")
    cluster.start_worker("odd", env={"PYTHONPATH": str(fake)})
    try:
        site = tmp_path / "small"
        write(site / "content/2026/a.md", ARTICLE_FR)
        done = subprocess.run(build_command(site, cluster.address), capture_output=True,
                              text=True, timeout=BUILD, check=False)
    finally:
        cluster.kill("odd")
    assert done.returncode == 0, done.stderr
    assert "(1 analysed by spaCy)" in done.stdout
    assert " refused: spacy " in done.stderr
    assert "on the client, 9.9.9 on the worker" in done.stderr


@pytest.mark.parametrize("behind", [False, True], ids=["in-step", "behind"])
def test_when_every_matching_worker_is_lost_the_refused_ones_take_nothing(
        tmp_path: Path, behind: bool) -> None:
    # A cluster of its own: one matching worker, one with another spaCy.
    # Behind: the matching worker dies holding a result the build has not
    # fetched; Dask would compute it again, on no worker (it waited for ever).
    fake = write(tmp_path / "fake/spacy-9.9.9.dist-info/METADATA",
                 "Metadata-Version: 2.1\nName: spacy\nVersion: 9.9.9\n").parents[1]
    small = Cluster(tmp_path / "cluster")
    small.folder.mkdir()
    try:
        small.start_scheduler()
        small.start_worker("good")
        small.start_worker("odd", env={"PYTHONPATH": str(fake)})
        site = sample_site(tmp_path / "site")
        returncode, err = build_killing(site, small, "good", behind)
    finally:
        small.stop()
    assert returncode == EXIT_FAILED, err
    assert " refused: spacy " in err
    assert "every worker that matches this machine is gone" in err
    assert 0 < len(cache_entries(site)) < 40


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_an_unreachable_scheduler_is_reported_within_ten_seconds(
        make_site: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    site = make_site({"content/2026/a.md": ARTICLE_FR})
    address = f"tcp://127.0.0.1:{free_port()}"  # nothing listens there
    started = time.monotonic()
    assert main(["build", str(site), "--scheduler", address]) == EXIT_FAILED
    assert time.monotonic() - started < 10
    err = capsys.readouterr().err
    assert f"<scheduler {address}>: cannot reach the Dask scheduler within 5 s" in err
    assert "start it with `dask scheduler`" in err
    assert not (site / "output").exists()


def test_a_lost_scheduler_stops_the_build_and_the_next_build_resumes(
        cluster: Cluster, reference: Path, tmp_path: Path) -> None:
    # Last in this module: the scheduler does not come back.
    site = sample_site(tmp_path / "site")
    returncode, err = build_killing(site, cluster, "scheduler")
    assert returncode == EXIT_FAILED, err
    assert "lost the Dask scheduler" in err
    assert "every finished article is kept in the cache" in err
    assert not (site / "output").exists()
    kept = cache_entries(site)
    assert 0 < len(kept) < 40
    # On this machine now: only what the cluster did not finish is analysed.
    result = build_ok(site)
    assert result.analysed == 40 - len(kept)
    assert tree(site / "output") == tree(reference / "output")
