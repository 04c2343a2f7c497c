"""spaCy loaded in a worker process while the build reads the site.

A command-line rebuild after an edit analyses one article, but loading the
French pipeline takes seconds, as long as reading every article and every
cached annotation of a 1000-article site. `start` forks one worker that
loads the pipeline and the language detector right away; the analysis of
the articles the cache cannot serve then runs there, and the two waits
overlap. Used only where forking is possible and there is a second core.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from site_builder.annotate.registry_terms import RegistryTerm
from site_builder.config import AnnotateConfig
from site_builder.processes import can_fork, cpu_count

if TYPE_CHECKING:
    from multiprocessing.pool import Pool

    from site_builder.annotate.analysis import Batch, BatchResult


class Prefetch:
    """One forked worker with the pipelines loaded; `close` when done with it."""

    def __init__(self, pool: Pool) -> None:
        self._pool: Pool | None = pool

    def run(self, batches: Sequence[Batch]) -> Iterator[BatchResult]:
        assert self._pool is not None, "closed"
        return self._pool.imap(_analyse, batches)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()  # a worker nobody needed stops loading at once
            self._pool.join()
            self._pool = None


def start(config: AnnotateConfig, terms: Sequence[RegistryTerm],
          langs: Sequence[str]) -> Prefetch | None:
    """Start loading; None where it cannot overlap (no fork, one core)."""
    if not can_fork() or cpu_count() < 2:
        return None
    context = multiprocessing.get_context("fork")
    log.debug("loading the pipelines for %s in a worker while the site is read",
              ", ".join(langs))
    return Prefetch(context.Pool(1, _init, (config, tuple(terms), tuple(langs))))


log = logging.getLogger(__name__)
_ANALYZER = None
_FAILED: BaseException | None = None


def _init(config: AnnotateConfig, terms: tuple[RegistryTerm, ...],
          langs: tuple[str, ...]) -> None:
    global _ANALYZER, _FAILED
    # An initializer that raises makes the pool start the worker again and
    # again: keep the error for the first task, which reports it.
    try:
        from site_builder.annotate.analysis import Analyzer, warm_up

        warm_up(config, langs)
        _ANALYZER = Analyzer(config, terms)
    except Exception as exc:
        _FAILED = exc


def _analyse(batch: Batch) -> BatchResult:
    if _FAILED is not None:
        raise _FAILED
    assert _ANALYZER is not None
    return _ANALYZER(batch)
