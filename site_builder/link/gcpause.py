"""Pause Python's cyclic garbage collector around allocation-heavy, cycle-free work."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def without_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector, restoring its previous state.

    Linking and indexing allocate a few small objects per mention and create
    no reference cycles, but every few hundred allocations the collector
    would walk the whole site's annotations (and, in a build, the spaCy
    models): measured on 1000 articles, a third of the run time. Reference
    counting still frees everything as usual.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
