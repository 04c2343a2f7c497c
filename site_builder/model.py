"""The plain data that flows between pipeline stages.

load (content/) -> annotate (annotate/) -> link (link/) -> render (render/) -> publish.

Everything here is a dataclass with no behaviour beyond small derived
properties, so that stages stay pure and their results can be cached,
pickled to worker processes and compared in tests.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any, Literal

EntityKind = Literal["person", "organization", "place", "other"]
ENTITY_KINDS: tuple[EntityKind, ...] = ("person", "organization", "place", "other")

Qualifier = Literal["exact", "more_than", "at_least", "less_than", "about", "up_to", "range"]
QUALIFIERS: tuple[Qualifier, ...] = ("exact", "more_than", "at_least", "less_than", "about",
                                     "up_to", "range")


# --------------------------------------------------------------------------- content


@dataclass(frozen=True, slots=True)
class Block:
    """A text-bearing Markdown block (paragraph, heading, table cell...).

    `text` is the plain text the annotation offsets refer to: the
    concatenation of the block's inline text, code spans included, with soft
    and hard breaks as "\\n". `protected` lists the [start, end) ranges of that
    text that must never be annotated (code spans, autolinks).
    """

    id: str
    line: int  # 1-based line in the source file
    text: str
    protected: tuple[tuple[int, int], ...] = ()


@dataclass(slots=True)
class Article:
    """One Markdown file of content/, parsed but not yet annotated."""

    path: PurePosixPath  # relative to content/, POSIX separators
    slug: str
    title: str
    date: dt.datetime  # timezone-aware
    lang: str
    body: str  # the Markdown after the front matter
    body_line: int  # 1-based line of the body's first line in the file
    source: str | None = None
    authors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    summary: str | None = None
    image_credit: str | None = None
    draft: bool = False  # built by `serve` (marked as a draft), left out of `build`
    extra: dict[str, Any] = field(default_factory=dict)
    blocks: tuple[Block, ...] = ()
    digest: str = ""  # sha256 of the raw file bytes

    @property
    def url(self) -> str:
        """Site-relative URL of the article page, with a trailing slash."""
        return f"articles/{self.slug}/"


# ----------------------------------------------------------------------- annotation


@dataclass(frozen=True, slots=True)
class BlockLang:
    """The language decided for one block, and the text offsets refer to."""

    id: str
    lang: str
    text: str


@dataclass(slots=True)
class Entity:
    """A named-entity mention. Offsets are into `Block.text` of `block`."""

    text: str
    kind: EntityKind
    label: str  # the model's (or registry's) raw label, e.g. "PER", "GPE"
    start: int
    end: int
    block: str
    lang: str
    actor: str | None = None  # actor id, filled by the link stage


@dataclass(frozen=True, slots=True)
class Sentence:
    block: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class SyntaxToken:
    """One token of a parsed sentence. Offsets are into `Block.text` of its parse's block."""

    start: int
    end: int
    pos: str  # universal part of speech, e.g. "VERB"
    dep: str  # the model's dependency label, e.g. "nsubj"
    head: int  # index of the head token in the same parse; a root is its own head
    morph: str = ""  # the features attribution reads, e.g. "Mood=Cnd|VerbForm=Fin"


@dataclass(frozen=True, slots=True)
class Parse:
    """The dependency parse of one sentence, kept where attribution needs syntax."""

    block: str
    lang: str
    tokens: tuple[SyntaxToken, ...]


@dataclass(slots=True)
class Figure:
    """A number that matters, and who reported it."""

    text: str
    value: float
    qualifier: Qualifier
    unit: str
    block: str
    start: int
    end: int
    source: str | None = None  # actor id
    source_text: str | None = None  # the words that named the source
    source_start: int | None = None  # offsets of source_text in the figure's block
    source_end: int | None = None
    source_block: str | None = None


@dataclass(slots=True)
class Quote:
    text: str
    block: str
    start: int
    end: int
    speaker: str | None = None  # actor id
    speaker_text: str | None = None
    end_block: str | None = None  # set when the quote runs over several blocks


@dataclass(slots=True)
class Annotations:
    """Everything the annotate stage found in one article."""

    blocks: list[BlockLang] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    parses: list[Parse] = field(default_factory=list)
    # Indices of `quotes` too short to be quotes on their own (« cibles
    # militaires »): kept only if attribution credits them. Set by the annotate
    # stage, which finds figures and quotes; the attribute stage fills them in.
    tentative: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class Naming:
    """Who a figure or a quote is attributed to, and the words that say so.

    `actor` is None when the words name no actor ("un diplomate occidental").
    """

    actor: str | None
    text: str
    block: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Attribution:
    """The attribute stage's result for one article, by figure and quote index."""

    figures: tuple[Naming | None, ...] = ()
    quotes: tuple[Naming | None, ...] = ()


# ------------------------------------------------------------------------- actors


@dataclass(slots=True)
class Actor:
    """A canonical person, organization, place... merged across the site."""

    id: str
    name: str
    kind: EntityKind
    aliases: list[str] = field(default_factory=list)
    description: str | None = None
    links: dict[str, str] = field(default_factory=dict)
    from_registry: bool = False

    @property
    def url(self) -> str:
        return f"actors/{self.id}/"


@dataclass(slots=True)
class AnnotatedArticle:
    article: Article
    annotations: Annotations


@dataclass(slots=True)
class Site:
    """The whole site after linking: what the render stage consumes."""

    articles: list[AnnotatedArticle]  # newest first
    actors: dict[str, Actor] = field(default_factory=dict)
