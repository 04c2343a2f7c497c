"""The annotation stage: articles -> per-article `Annotations`, through the cache.

1. Key every article (cache.Fingerprint) and serve what the cache holds:
   nothing heavy is imported for that.
2. For the rest: normalize and route each block (units), group the texts by
   language into chunks, run the pipelines (nlp), in-process, in workers, or
   on a Dask cluster (cluster.py).
3. As soon as all units of an article are back, assemble its annotations,
   store them and report progress.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from site_builder.annotate.cache import AnnotationCache, Fingerprint
from site_builder.annotate.cluster import analyse_on_cluster, scheduler_for
from site_builder.annotate.registry_terms import RegistryTerm
from site_builder.annotate.stats import AnnotateStats
from site_builder.config import AnnotateConfig
from site_builder.model import Annotations, Article

if TYPE_CHECKING:
    from site_builder.annotate.prefetch import Prefetch


def annotate_articles(
    articles: Sequence[Article],
    config: AnnotateConfig,
    cache_dir: Path | None,
    terms: Sequence[RegistryTerm] = (),
    progress: Callable[[int], None] | None = None,
    prefetch: Prefetch | None = None,
) -> tuple[list[Annotations], AnnotateStats]:
    """Annotations for each article, in input order, and what it took.

    `prefetch` (prefetch.py) is a worker already loading the pipelines.
    """
    stats = AnnotateStats(articles=len(articles))
    cache = AnnotationCache(cache_dir)
    fingerprint = Fingerprint(config, terms)
    results: list[Annotations | None] = [None] * len(articles)
    keys: dict[int, str] = {}
    for i, article in enumerate(articles):
        key = fingerprint.key(article)
        stats.keys.append(key)
        cached = cache.load(article, key)
        if cached is not None:
            results[i] = cached
        else:
            keys[i] = key
    stats.cache_hits = len(articles) - len(keys)
    stats.cache_misses = len(keys)
    if progress is not None and stats.cache_hits:
        progress(stats.cache_hits)
    if keys:
        todo = [(i, articles[i]) for i in keys]
        found: Iterator[tuple[int, Annotations]]
        if address := scheduler_for(config):
            # On a Dask cluster (cluster.py): the same batches and analyzer, elsewhere.
            found = analyse_on_cluster(todo, config, terms, stats, address)
        else:
            # Imported only now: this pulls in lingua, and spaCy when models run.
            from site_builder.annotate.analysis import analyse_articles

            found = analyse_articles(todo, config, terms, stats, prefetch)
        for i, annotations in found:
            results[i] = annotations
            cache.store(articles[i], keys[i], annotations)
            if progress is not None:
                progress(1)
    return [r if r is not None else Annotations() for r in results], stats



def warm_up(config: AnnotateConfig, langs: Sequence[str]) -> None:
    """Load the pipelines and the language detector for `langs` now, not on first use."""
    from site_builder.annotate.analysis import warm_up as load

    load(config, langs)
