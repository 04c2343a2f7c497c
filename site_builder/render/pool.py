"""Article pages rendered by several processes, for builds that render many.

A cold build or a template change renders every article page: about a
quarter of a cold build's CPU, in one process. Pages only read the linked
site, so worker processes forked after linking (they inherit the site and
the renderer, nothing is pickled on the way in) each render a share and
send back the bytes, the body ids and the warnings. Only where forking is
safe (no other thread) and there is more than one core.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Iterator, Sequence

from site_builder.errors import working_on
from site_builder.model import Site
from site_builder.processes import can_fork, cpu_count
from site_builder.render.renderer import Renderer

log = logging.getLogger(__name__)

# Below this many pages to render, starting the workers costs more than it saves.
MIN_PAGES = 64
CHUNK = 16

# Rendered: the page's outputs, the ids of its body, the warnings it gave.
Rendered = tuple[dict[str, bytes], frozenset[str], list[str]]

_JOB: tuple[Renderer, Site] | None = None  # what the forked workers inherit


def render_workers(pages: int) -> int:
    """How many processes to render `pages` article pages with; 1 = this one."""
    if pages < MIN_PAGES or not can_fork():
        return 1
    return max(1, min(cpu_count(), pages // MIN_PAGES))


def render_articles(renderer: Renderer, site: Site, indexes: Sequence[int],
                    workers: int) -> Iterator[Rendered]:
    """The outputs of `site.articles[i]` for each index, in order, from `workers` processes."""
    global _JOB
    log.debug("rendering %d article pages in %d processes", len(indexes), workers)
    _JOB = (renderer, site)
    context = multiprocessing.get_context("fork")
    try:
        with context.Pool(workers) as pool:
            yield from pool.imap(_render, indexes, chunksize=CHUNK)
    finally:
        _JOB = None


def _render(index: int) -> Rendered:
    assert _JOB is not None
    renderer, site = _JOB
    item = site.articles[index]
    renderer.warnings = []
    with working_on(f"the page of content/{item.article.path}"):  # crosses the pipe with it
        pages = renderer.article_outputs(site, item)
    return pages, renderer.anchors(site, item), renderer.warnings
