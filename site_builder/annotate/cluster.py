"""The articles the cache cannot serve, analysed on a Dask cluster (docs/distributed.md).

`site-builder build --scheduler tcp://HOST:PORT`, or `[annotate] scheduler`
in site.toml. The batches are those of a local build (`analysis.make_batches`)
and each is analysed by the same `Analyzer`, on a worker that loaded the
models once through `cluster_worker.AnnotatePlugin`; results come back as
they finish and the stage stores each in the same on-disk cache, so an
interrupted build keeps every finished article and the output is that of a
local build. Linking, rendering and publishing stay on this machine.

Only this module's functions import `distributed`: without the optional
extra, a build that does not ask for a cluster never notices.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.util
import logging
import pickle
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import CancelledError
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from site_builder.annotate.registry_terms import RegistryTerm
from site_builder.annotate.stats import AnnotateStats
from site_builder.config import AnnotateConfig
from site_builder.errors import Problem, SiteError
from site_builder.model import Annotations, Article

if TYPE_CHECKING:
    from distributed import Client

    from site_builder.annotate.analysis import Batch

log = logging.getLogger(__name__)

EXTRA = "site-builder[distributed]"
# An unreachable scheduler is reported within this many seconds (the issue asks under 10).
CONNECT_TIMEOUT = 5.0
# A lost scheduler: how long the client may try to get it back before the build gives up.
RECONNECT_TIMEOUT = 5.0
# How long the scheduler may take to answer one request (the workers' versions, the
# live workers, its services): generous, for a loaded machine; then the build stops.
ANSWER_TIMEOUT = 60.0
# How long every worker may take to load its models (3 to 7 s each, in parallel).
LOAD_TIMEOUT = 300.0
PLUGIN = "site-builder-annotate"


class ClusterError(SiteError):
    """The cluster could not analyse the articles; what was finished is in the cache."""


def _problem(address: str, message: str, hint: str = "") -> ClusterError:
    # Not a file: the command line prints "<scheduler …>: message — hint".
    return ClusterError(Problem.at(f"<scheduler {address}>", 1, message, hint))


@dataclass(slots=True)
class ClusterReport:
    """What one run on the cluster did: for the command line and the benchmark."""

    address: str
    dashboard: str = ""  # "" when the scheduler serves none (started with --no-dashboard)
    workers: list[str] = field(default_factory=list)  # the workers used
    refused: dict[str, list[str]] = field(default_factory=dict)  # worker -> what differs
    batches: int = 0
    articles: int = 0
    bytes_sent: int = 0  # pickled batches: the articles' blocks
    bytes_received: int = 0  # pickled results: the annotations
    load_seconds: float = 0.0  # registering the plugin: every worker loading its models
    task_seconds: float = 0.0  # analysis time on the workers, summed
    stream_seconds: float = 0.0  # from the first batch sent to the last result back
    seconds: float = 0.0  # from connecting to the last result


@dataclass(slots=True)
class _Settings:
    address: str = ""  # the command line's --scheduler; "" lets site.toml decide
    announce: Callable[[ClusterReport], None] | None = None
    last: ClusterReport | None = None


_SETTINGS = _Settings()


def use_scheduler(address: str = "",
                  announce: Callable[[ClusterReport], None] | None = None) -> None:
    """Send this process's analyses to `address` ("" for site.toml's setting).

    `announce` is called once connected (the command line prints the
    dashboard's address). The command line's flag wins over site.toml.
    """
    _SETTINGS.address = address
    _SETTINGS.announce = announce


def scheduler_for(config: AnnotateConfig) -> str:
    """The scheduler this build uses; "" to analyse on this machine."""
    return _SETTINGS.address or config.scheduler


def last_report() -> ClusterReport | None:
    """What the last run on a cluster in this process did."""
    return _SETTINGS.last


def require_extra(address: str) -> None:
    """ClusterError naming the extra when dask's `distributed` is not installed."""
    if importlib.util.find_spec("distributed") is None:
        raise _problem(address, "analysing on a Dask cluster needs the optional packages "
                       "dask and distributed, which are not installed",
                       f"pip install '{EXTRA}', or build without a scheduler")


def connect(address: str, timeout: float = CONNECT_TIMEOUT) -> Client:
    """A client of the scheduler at `address`; ClusterError within `timeout` if unreachable."""
    require_extra(address)
    _probe(address, timeout)
    from distributed import Client

    try:
        return Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise _unreachable(address, timeout, exc) from None


def _probe(address: str, timeout: float) -> None:
    """One handshake with the scheduler, before a `Client` exists.

    A `Client` whose first connection fails still closes itself when
    collected, and waits 10 s doing so; and an address where some other
    server answers makes its handshake read garbage (a frame size of
    exabytes: MemoryError). Probed alone, both are a clear error, quickly.
    The probe runs its own event loop in a thread of its own: the caller's
    thread may be running one already (a notebook, Playwright's sync API).
    """
    import asyncio
    import threading

    from distributed.comm import connect as open_comm

    async def handshake() -> None:
        comm = await open_comm(address, timeout=timeout)
        await comm.close()

    failed: list[BaseException] = []

    def probe() -> None:
        try:
            asyncio.run(asyncio.wait_for(handshake(), timeout + 1))
        except Exception as exc:
            failed.append(exc)

    thread = threading.Thread(target=probe, name="site-builder-probe", daemon=True)
    thread.start()
    thread.join(timeout + 2)
    try:
        if thread.is_alive():
            raise TimeoutError(f"no answer in {timeout:.0f} s")
        if failed:
            raise failed[0]
    except (OSError, TimeoutError) as exc:
        raise _unreachable(address, timeout, exc) from None
    except Exception as exc:
        raise _problem(address, f"the server at this address does not answer as a Dask "
                       f"scheduler ({type(exc).__name__})", "check the address and port "
                       "(`dask scheduler` prints them)") from None


def _unreachable(address: str, timeout: float, exc: BaseException) -> ClusterError:
    return _problem(address, f"cannot reach the Dask scheduler within {timeout:.0f} s "
                    f"({type(exc).__name__}: {exc})".replace(" ()", ""),
                    "start it with `dask scheduler`, check the address, or build without "
                    "--scheduler")


def _no_answer(address: str, what: str, timeout: float) -> ClusterError:
    return _problem(address, f"the Dask scheduler did not answer within {timeout:.0f} s "
                    f"({what}); every finished article is kept in the cache",
                    "check the scheduler and its workers (the dashboard), and rebuild")


def _within(timeout: float, address: str, what: str, call: Callable[[], Any]) -> Any:
    """`call()`, a request to the scheduler that takes no timeout of its own, bounded.

    It runs in a thread of its own, left behind should it not return: the
    build stops, and the client is closed, which ends the request.
    """
    import threading

    answer: list[Any] = []
    failed: list[BaseException] = []

    def run() -> None:
        try:
            answer.append(call())
        except BaseException as exc:
            failed.append(exc)

    thread = threading.Thread(target=run, name="site-builder-request", daemon=True)
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        raise _no_answer(address, what, timeout)
    if failed:
        raise failed[0]
    return answer[0]


def check_workers(client: Client, config: AnnotateConfig, address: str,
                  expected: dict[str, str], report: ClusterReport) -> list[str]:
    """The workers whose installation matches this client's; ClusterError if none does."""
    from site_builder.annotate.cluster_worker import differences, environment

    try:
        found: dict[str, dict[str, str]] = client.run(environment, config,
                                                      callback_timeout=ANSWER_TIMEOUT)
    except TimeoutError:
        raise _no_answer(address, "the workers' versions", ANSWER_TIMEOUT) from None
    if not found:
        raise _problem(address, "the scheduler has no workers",
                       f"start some with `dask worker {address}`")
    for worker, env in sorted(found.items()):
        diff = differences(expected, env)
        if diff:
            report.refused[worker] = diff
        else:
            report.workers.append(worker)
    if not report.workers:
        raise _problem(address, "every worker was refused: " + "; ".join(
            f"{w}: {', '.join(d)}" for w, d in report.refused.items()),
            f"install on the workers what this machine has (pip install -r "
            f"requirements/lock.txt and '{EXTRA}'), see docs/distributed.md")
    return report.workers


def _slim(article: Article) -> Article:
    """The article with what the analysis reads only: its blocks and its language.

    The Markdown body and the front matter stay here: they would double the
    bytes sent and change nothing of the result.
    """
    return dataclasses.replace(article, body="", title="", summary=None, extra={},
                               authors=(), tags=(), source=None, image_credit=None)


def _setting_name(config: AnnotateConfig, terms: Sequence[RegistryTerm]) -> str:
    """The plugin's name for this setting: a different site loads its own analyzer."""
    digest = hashlib.sha256(repr((config, config.wordlists, sorted(
        (t.text, t.kind, t.actor, t.lang or "") for t in terms))).encode("utf-8"))
    return f"{PLUGIN}-{digest.hexdigest()[:16]}"


def analyse_on_cluster(
    indexed: Sequence[tuple[int, Article]],
    config: AnnotateConfig,
    terms: Sequence[RegistryTerm],
    stats: AnnotateStats,
    address: str,
) -> Iterator[tuple[int, Annotations]]:
    """(index, annotations) for each article, in the order the cluster finishes them.

    The cluster counterpart of `analysis.analyse_articles`: same batches, same
    analyzer, same statistics.
    """
    from site_builder.annotate.analysis import make_batches, record
    from site_builder.annotate.cluster_worker import AnnotatePlugin, environment

    started = time.perf_counter()
    report = ClusterReport(address)
    _SETTINGS.last = report
    client = connect(address)
    try:
        report.dashboard = _dashboard(client, address)
        expected = environment(config)
        workers = check_workers(client, config, address, expected, report)
        for worker, diff in report.refused.items():
            stats.warn(f"Dask worker {worker} refused: {'; '.join(diff)}")
        stats.processes = len(workers)
        if _SETTINGS.announce is not None:
            _SETTINGS.announce(report)
        langs = sorted({a.lang for _, a in indexed})
        name = _setting_name(config, terms)
        loading = time.perf_counter()
        plugin = AnnotatePlugin(config, terms, langs, expected)
        _within(LOAD_TIMEOUT, address, "the workers loading the models",
                lambda: client.register_plugin(plugin, name=name))
        report.load_seconds = time.perf_counter() - loading
        batches = [[(i, _slim(a)) for i, a in batch]
                   for batch in make_batches(indexed, config.batch_size)]
        report.batches = len(batches)
        report.articles = len(indexed)
        # Only the workers checked above; unrestricted when all matched, so a
        # worker that replaces a killed one (a nanny's restart) takes work too.
        allowed = workers if report.refused else None
        sending = time.perf_counter()
        yield from _stream(client, batches, name, allowed, address, stats, record, report)
        report.stream_seconds = time.perf_counter() - sending
    finally:
        report.seconds = time.perf_counter() - started
        _close(client)


def _nthreads(client: Client) -> dict[str, int]:
    """{worker: threads} of the workers the scheduler knows; TimeoutError if it does not answer."""
    return dict(client.nthreads(callback_timeout=ANSWER_TIMEOUT))


def _window(client: Client, allowed: list[str] | None, address: str, current: int = 0) -> int:
    """How many batches to keep on the cluster: two per worker thread.

    Enough that no worker waits for its next batch while a result travels
    back, and few enough that a million articles are never all held by the
    scheduler at once (a batch's text stays in its memory until it is run).
    """
    try:
        threads = _nthreads(client)
    except (OSError, TimeoutError):
        if current:
            return current  # the scheduler is gone: the cancelled futures will say so
        raise _no_answer(address, "its workers' threads", ANSWER_TIMEOUT) from None
    return max(2, 2 * sum(n for w, n in threads.items() if allowed is None or w in allowed))


# Every this many results, the window is measured again: workers come and go.
REWINDOW = 16
# A result is fetched from its worker in attempts of this many seconds, doubling up to
# ANSWER_TIMEOUT: a result lost with its worker is seen at the first one.
FETCH = 2.0


def _stream(client: Client, batches: list[Batch], name: str, allowed: list[str] | None,
            address: str, stats: AnnotateStats, record: Callable[[AnnotateStats, Any], None],
            report: ClusterReport) -> Iterator[tuple[int, Annotations]]:
    """The batches' results as they finish, a window of them on the cluster at a time.

    ClusterError when the cluster fails; what came back before is stored already.
    """
    from distributed import KilledWorker, as_completed

    from site_builder.annotate.cluster_worker import WorkerRefused, analyse_batch

    pending = iter(batches)
    running = as_completed(loop=client.loop)
    paths: dict[Any, list[str]] = {}  # each running batch's articles, by its future's key
    attempts: dict[Any, float] = {}  # how long the next fetch of a result may take

    def top_up(window: int) -> None:
        while running.count() < window and (batch := next(pending, None)) is not None:
            report.bytes_sent += len(pickle.dumps(batch, protocol=pickle.HIGHEST_PROTOCOL))
            future = client.submit(analyse_batch, name, batch, workers=allowed, pure=False)
            paths[future.key] = [f"content/{article.path}" for _, article in batch]
            running.add(future)

    def lost(exc: BaseException) -> ClusterError:
        # The scheduler went away: its futures are cancelled.
        return _problem(address, f"lost the Dask scheduler with {len(batches) - done} of "
                        f"{len(batches)} batches unfinished ({type(exc).__name__}); "
                        "every finished article is kept in the cache",
                        "start the scheduler again and rebuild: the build resumes "
                        "from the cache")

    window = _window(client, allowed, address)
    top_up(window)
    done = 0
    for future in _finished(running, client, allowed, address):
        timeout = attempts.get(future.key, FETCH)
        try:
            # Bounded: the worker that holds a finished result may be lost before it
            # is fetched. Dask then computes the batch again, and a fetch without a
            # timeout would wait for that, even when no worker may take it.
            result, seconds, size = future.result(timeout=timeout)
        except TimeoutError as exc:
            if future.status == "cancelled":
                raise lost(exc) from None
            if future.status == "error":
                raise  # the task's own: not a slow fetch
            # Computed again, or slow to come: it is waited for again, with the
            # others, under the liveness check.
            attempts[future.key] = min(2 * timeout, ANSWER_TIMEOUT)
            running.add(future)
            continue
        except WorkerRefused as exc:
            raise _problem(address, str(exc), "see docs/distributed.md, \"Installing the "
                           "workers\"") from None
        except KilledWorker:
            # Dask gave up on the batch after it ended several workers in turn.
            raise _problem(address, "the batch of " + ", ".join(paths.get(future.key, []))
                           + " ended every worker that ran it (killed, or out of memory)",
                           "give the workers more memory, or split the largest of these "
                           "articles") from None
        except (CancelledError, OSError) as exc:
            raise lost(exc) from None
        done += 1
        report.task_seconds += seconds
        report.bytes_received += size
        future.release()  # the scheduler and the worker may forget it now
        del paths[future.key]
        attempts.pop(future.key, None)
        if done % REWINDOW == 0:
            window = _window(client, allowed, address, window)
        top_up(window)
        record(stats, result)
        yield from result.annotations


# How often the client checks that a worker may still take the work, results or not.
LIVENESS_CHECK = 2.0


def _finished(running: Any, client: Client, allowed: list[str] | None,
              address: str) -> Iterator[Any]:
    """The futures of `running` (an `as_completed`) as they finish.

    With refused workers, the batches are restricted to the matching ones,
    strictly: Dask's work stealing hands a loosely restricted task to any
    idle worker, refused ones included. Should every matching worker be
    lost, nobody may take the batches left: ClusterError, not a wait without
    end. The check runs every LIVENESS_CHECK seconds whatever comes back: a
    result lost with its worker and put back in `running` (`_stream`) is
    ready again at once, and must not keep it from running.
    """
    checked = time.monotonic()
    while not running.is_empty():
        if allowed is not None and time.monotonic() - checked >= LIVENESS_CHECK:
            _check_alive(client, allowed, address)
            checked = time.monotonic()
        if running.has_ready():
            yield next(running)
        else:
            time.sleep(0.05)  # as_completed itself polls every 0.1 s


def _check_alive(client: Client, allowed: list[str], address: str) -> None:
    """ClusterError when none of the `allowed` workers is left on the scheduler.

    The scheduler removes a worker whose process ends as soon as its connection
    closes; one whose machine vanishes, after `distributed.scheduler.worker-ttl`.
    """
    try:
        alive = set(_nthreads(client)) & set(allowed)
    except (OSError, TimeoutError):
        return  # the scheduler is gone: the cancelled futures will say so
    if not alive:
        raise _problem(address, "every worker that matches this machine is gone, and "
                       "the refused ones may not take the batches left; every finished "
                       "article is kept in the cache",
                       "start workers installed as this machine is, and rebuild")


def _dashboard(client: Client, address: str) -> str:
    """The scheduler's dashboard address, or "" when it serves none."""
    info = _within(ANSWER_TIMEOUT, address, "its services", client.scheduler_info)
    return str(client.dashboard_link) if "dashboard" in info.get("services", {}) else ""


def _close(client: Client) -> None:
    # A lost scheduler must not keep the build waiting on a polite goodbye.
    try:
        client.close(timeout=RECONNECT_TIMEOUT)
    except (OSError, TimeoutError, CancelledError) as exc:
        log.debug("closing the Dask client: %s", exc)
