"""Cutting articles into the texts the pipelines analyse.

Each block becomes one unit in its detected language; each quotation in
another language becomes one more unit (an *island*). All offsets here are in
the block's normalized text; `assemble` maps them back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from site_builder.annotate.acronyms import AcronymContext
from site_builder.annotate.langroute import Island, LanguageDetector, route_block
from site_builder.annotate.normalize import Normalized, normalize
from site_builder.annotate.recase import recase
from site_builder.config import AnnotateConfig
from site_builder.model import Article, Block


@dataclass(slots=True)
class PreparedBlock:
    block: Block
    norm: Normalized
    lang: str
    islands: list[Island] = field(default_factory=list)
    # What the models and the filters read: the normalized text with names in
    # capitals recased (recase.py); same length, same offsets.
    text: str = ""


@dataclass(slots=True)
class PreparedArticle:
    index: int  # position in the caller's list
    article: Article
    blocks: list[PreparedBlock]
    acronyms: AcronymContext = field(default_factory=AcronymContext)


@dataclass(frozen=True, slots=True)
class Unit:
    """One text to analyse: a whole block, or an island inside it."""

    article: int  # PreparedArticle.index
    block: int  # index into PreparedArticle.blocks
    island: int | None  # index into PreparedBlock.islands, None for the block itself
    lang: str
    text: str  # what the model reads for entities: names in capitals recased
    original: str = ""  # the normalized text as written, same length


def _detector(config: AnnotateConfig, lang: str,
              cache: dict[str, LanguageDetector]) -> LanguageDetector:
    if lang not in cache:
        cache[lang] = LanguageDetector({*config.languages, lang}, config.detect_min_letters)
    return cache[lang]


def prepare(indexed: Sequence[tuple[int, Article]], config: AnnotateConfig,
            registry_texts: Sequence[str] = ()) -> tuple[list[PreparedArticle], list[Unit]]:
    """Normalize, recase and route every block of the given articles."""
    detectors: dict[str, LanguageDetector] = {}
    prepared: list[PreparedArticle] = []
    units: list[Unit] = []
    for index, article in indexed:
        detector = _detector(config, article.lang, detectors)
        norms = [normalize(block.text) for block in article.blocks]
        acronyms = AcronymContext.build([n.text for n in norms], registry_texts)
        blocks: list[PreparedBlock] = []
        for b, (block, norm) in enumerate(zip(article.blocks, norms, strict=True)):
            lang, islands = route_block(norm, block.protected, article.lang, detector)
            text = recase(norm.text, acronyms)
            blocks.append(PreparedBlock(block, norm, lang, islands, text))
            if text.strip():
                units.append(Unit(index, b, None, lang, text, norm.text))
            for k, island in enumerate(islands):
                span = slice(island.start, island.end)
                units.append(Unit(index, b, k, island.lang, text[span], norm.text[span]))
        prepared.append(PreparedArticle(index, article, blocks, acronyms))
    return prepared, units
