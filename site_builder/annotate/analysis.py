"""Analysing the articles the cache could not serve.

Imported lazily by the stage: it pulls in lingua (through routing) and,
when pipelines run, spaCy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from site_builder import wordlists
from site_builder.annotate import commonness, nlp
from site_builder.annotate.assemble import assemble
from site_builder.annotate.cache import model_for
from site_builder.annotate.labels import is_known
from site_builder.annotate.langroute import LanguageDetector
from site_builder.annotate.pipelines import PipelineInfo
from site_builder.annotate.prefetch import Prefetch
from site_builder.annotate.registry_terms import RegistryTerm
from site_builder.annotate.stats import AnnotateStats
from site_builder.annotate.terms import TermMatcher
from site_builder.annotate.units import prepare
from site_builder.config import AnnotateConfig
from site_builder.model import Annotations, Article

Batch = list[tuple[int, Article]]


@dataclass(slots=True)
class BatchResult:
    annotations: list[tuple[int, Annotations]]
    pipelines: list[PipelineInfo] = field(default_factory=list)
    unknown_labels: set[str] = field(default_factory=set)


class Analyzer:
    """Everything one process needs to annotate batches; built once per process."""

    def __init__(self, config: AnnotateConfig, terms: Sequence[RegistryTerm]) -> None:
        # A spawned worker starts with the package's lists: install the site's.
        wordlists.configure(dict(config.wordlists))
        self.config = config
        self.terms = tuple(terms)
        self._matchers: dict[str, TermMatcher] = {}
        self._registry_texts = [t.text for t in terms]

    def matcher(self, lang: str) -> TermMatcher:
        if lang not in self._matchers:
            self._matchers[lang] = TermMatcher(self.terms, lang)
        return self._matchers[lang]

    def __call__(self, batch: Batch) -> BatchResult:
        prepared, units = prepare(batch, self.config, self._registry_texts)
        result = BatchResult([])
        by_lang: dict[str, list[int]] = {}
        for n, unit in enumerate(units):
            by_lang.setdefault(unit.lang, []).append(n)
        raws: dict[int, dict[tuple[int, int | None], nlp.Raw]] = {p.index: {} for p in prepared}
        for lang, ids in by_lang.items():
            info, analysed = nlp.analyse_texts(lang, model_for(self.config, lang),
                                               [units[n].text for n in ids],
                                               self.config.batch_size,
                                               [units[n].original or units[n].text
                                                for n in ids])
            result.pipelines.append(info)
            for n, raw in zip(ids, analysed, strict=True):
                raws[units[n].article][(units[n].block, units[n].island)] = raw

        def on_label(label: str) -> None:
            if not is_known(label):
                result.unknown_labels.add(label)

        for article in prepared:
            result.annotations.append((article.index, assemble(
                article, raws[article.index], article.acronyms, self.matcher, on_label)))
        return result


def make_batches(indexed: Sequence[tuple[int, Article]], size: int) -> list[Batch]:
    """Consecutive articles, about `size` blocks per batch (one article at least)."""
    batches: list[Batch] = []
    current: Batch = []
    blocks = 0
    for item in indexed:
        current.append(item)
        blocks += len(item[1].blocks)
        if blocks >= size:
            batches.append(current)
            current, blocks = [], 0
    if current:
        batches.append(current)
    return batches


def record(stats: AnnotateStats, result: BatchResult) -> None:
    """What one batch tells the build's statistics: the models loaded, their warnings,
    and the entity labels the stage does not map."""
    for info in result.pipelines:
        stats.model_loaded = True
        stats.models[info.lang] = info.describe()
        if info.warning:
            stats.warn(info.warning)
    for label in sorted(result.unknown_labels):
        stats.warn(f"entity label {label!r} is not mapped to a kind; treated as 'other'")


def analyse_articles(
    indexed: Sequence[tuple[int, Article]],
    config: AnnotateConfig,
    terms: Sequence[RegistryTerm],
    stats: AnnotateStats,
    prefetch: Prefetch | None = None,
) -> Iterator[tuple[int, Annotations]]:
    """(index, annotations) for each article, batch by batch as they complete.

    `prefetch`, a worker already loading the pipelines, takes the work a
    single process would do.
    """
    batches = make_batches(indexed, config.batch_size)
    chars = sum(len(b.text) for _, a in indexed for b in a.blocks)
    stats.processes = nlp.workers_for(chars, len(batches), config.processes)
    results: Iterator[BatchResult]
    if stats.processes == 1 and prefetch is not None:
        results = prefetch.run(batches)
    elif stats.processes == 1:
        analyzer = Analyzer(config, terms)
        results = (analyzer(batch) for batch in batches)
    else:
        if prefetch is not None:
            # Its pool's threads would keep the workers below from being forked.
            prefetch.close()
        # The articles' own languages are certain to be needed: load them before
        # forking. Languages found only by detection load where they are met.
        langs = sorted({a.lang for _, a in indexed})
        preload = [(lang, model_for(config, lang)) for lang in langs]
        if nlp.can_fork():
            commonness.warm(langs)  # inherited by every worker
        results = nlp.run_pool(batches, stats.processes, _make_analyzer, (config, tuple(terms)),
                               preload)
    for result in results:
        record(stats, result)
        yield from result.annotations


def warm_up(config: AnnotateConfig, langs: Sequence[str]) -> None:
    """Load, in this process, what analysing articles in `langs` will need.

    A long-lived process (the preview server) calls this while idle, so
    the first edit does not wait seconds for spaCy and lingua to load.
    """
    for lang in sorted(set(langs)):
        nlp.pipeline(lang, model_for(config, lang))
        LanguageDetector({*config.languages, lang}, config.detect_min_letters).detect(
            "x " * config.detect_min_letters, lang)


def _make_analyzer(config: AnnotateConfig,
                   terms: tuple[RegistryTerm, ...]) -> Callable[[Batch], BatchResult]:
    return Analyzer(config, terms)
