"""Cutting articles into the texts the pipelines analyse.

Each block becomes one unit in its detected language; each quotation in
another language becomes one more unit (an *island*). All offsets here are in
the block's normalized text; `assemble` maps them back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from site_builder.annotate.langroute import Island, LanguageDetector, route_block
from site_builder.annotate.normalize import Normalized, normalize
from site_builder.config import AnnotateConfig
from site_builder.model import Article, Block


@dataclass(slots=True)
class PreparedBlock:
    block: Block
    norm: Normalized
    lang: str
    islands: list[Island] = field(default_factory=list)


@dataclass(slots=True)
class PreparedArticle:
    index: int  # position in the caller's list
    article: Article
    blocks: list[PreparedBlock]


@dataclass(frozen=True, slots=True)
class Unit:
    """One text to analyse: a whole block, or an island inside it."""

    article: int  # PreparedArticle.index
    block: int  # index into PreparedArticle.blocks
    island: int | None  # index into PreparedBlock.islands, None for the block itself
    lang: str
    text: str


def _detector(config: AnnotateConfig, lang: str,
              cache: dict[str, LanguageDetector]) -> LanguageDetector:
    if lang not in cache:
        cache[lang] = LanguageDetector({*config.languages, lang}, config.detect_min_letters)
    return cache[lang]


def prepare(indexed: Sequence[tuple[int, Article]], config: AnnotateConfig,
            ) -> tuple[list[PreparedArticle], list[Unit]]:
    """Normalize and route every block of the given articles."""
    detectors: dict[str, LanguageDetector] = {}
    prepared: list[PreparedArticle] = []
    units: list[Unit] = []
    for index, article in indexed:
        detector = _detector(config, article.lang, detectors)
        blocks: list[PreparedBlock] = []
        for b, block in enumerate(article.blocks):
            norm = normalize(block.text)
            lang, islands = route_block(norm, block.protected, article.lang, detector)
            blocks.append(PreparedBlock(block, norm, lang, islands))
            if norm.text.strip():
                units.append(Unit(index, b, None, lang, norm.text))
            for k, island in enumerate(islands):
                units.append(Unit(index, b, k, island.lang,
                                  norm.text[island.start : island.end]))
        prepared.append(PreparedArticle(index, article, blocks))
    return prepared, units
