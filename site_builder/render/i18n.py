"""Words of the page chrome from message catalogs, and dates and numbers in a language.

A page speaks its language: an article's page its article's, the pages over
the whole site (home, tags, actors, figures, 404) the site's `language`. A
body's markup (tooltips, aria-labels) speaks the language of the block it is
written into.

The words come from message catalogs, one flat TOML table per language
(`i18n/<lang>.toml`, `key = "words"`): the theme's under templates/i18n/,
and the site's own under its templates/i18n/, whose keys replace the theme's
for that language or bring a new one. English (`REFERENCE`) is complete and
fills every key a catalog lacks. Babel formats dates, numbers and plurals for
any locale it knows.
"""

from __future__ import annotations

import datetime as dt
import re
import string
import tomllib
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.numbers import format_decimal

from site_builder.config import LANGUAGE_CODE
from site_builder.content.files import MAX_SETTINGS_BYTES, Unreadable, is_ignored, read_text
from site_builder.errors import Problem, TemplateError
from site_builder.model import ENTITY_KINDS
from site_builder.theme import theme_dir

CATALOG_DIR = "i18n"  # under each templates directory
REFERENCE = "en"  # the complete catalog: others are checked against it and fall back to it

Words = Mapping[str, str]


class Catalogs:
    """Message catalogs by language, the site's over the theme's.

    What a language gives (`words`, `kind_labels`, `gaps`) is computed once
    and shared by every page in it.
    """

    def __init__(self, tables: Mapping[str, Words], files: Mapping[str, str] | None = None,
                 ) -> None:
        self._tables = tables
        self._files = files or {}  # language -> the site's catalog file, as the user names it
        self._words: dict[str, Words] = {}
        self._labels: dict[str, Words] = {}
        self._gaps: dict[str, list[Problem]] = {}

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages with a catalog, in order."""
        return tuple(sorted(self._tables))

    def words(self, lang: str) -> Words:
        """The chrome's words in `lang`; English for the keys (or the language) it lacks."""
        key = lang.lower()
        found = self._words.get(key)
        if found is None:
            found = self._words[key] = {**self._tables.get(REFERENCE, {}),
                                        **self._tables.get(key, {})}
        return found

    def kind_labels(self, lang: str) -> Words:
        """Entity kind -> its word in `lang` ("person", "lieu")."""
        found = self._labels.get(lang)
        if found is None:
            words = self.words(lang)
            found = self._labels[lang] = {kind: words[kind] for kind in ENTITY_KINDS}
        return found

    def gaps(self, lang: str) -> list[Problem]:
        """What a page in `lang` shows in English for want of words: a warning, or none."""
        found = self._gaps.get(lang)
        if found is None:
            found = self._gaps[lang] = self._find_gaps(lang.lower())
        return found

    def _find_gaps(self, key: str) -> list[Problem]:
        reference = self._tables.get(REFERENCE, {})
        table = self._tables.get(key)
        if key == REFERENCE:
            return []
        where = self._files.get(key, f"templates/{CATALOG_DIR}/{key}.toml")
        if table is None:
            return [Problem.at(where, 1, f"no message catalog for language {key!r}: pages "
                               "in it show the theme's words in English",
                               f"write this file (copy site_builder/templates/{CATALOG_DIR}/"
                               f"{REFERENCE}.toml and translate it; docs/theming.md, "
                               "\"Languages and message catalogs\")")]
        missing = sorted(set(reference) - set(table))
        if not missing:
            return []
        shown = ", ".join(missing[:5]) + (", …" if len(missing) > 5 else "")
        return [Problem.at(where, 1, f"{len(missing)} of {len(reference)} messages missing "
                           f"({shown}): pages in {key!r} show them in English",
                           f"add them; every key is in site_builder/templates/{CATALOG_DIR}/"
                           f"{REFERENCE}.toml")]


def load_catalogs(template_dirs: Sequence[Path], site_dir: Path | None = None) -> Catalogs:
    """The catalogs under `template_dirs`' i18n/ folders, the first directory's words winning.

    Raises one TemplateError listing every broken catalog file. Paths in
    problems are relative to `site_dir` when the file is the site's.
    """
    tables: dict[str, dict[str, str]] = {}
    files: dict[str, str] = {}
    problems: list[Problem] = []
    reference: Words = {}
    # The theme (last) first: its English is what site catalogs are checked against.
    for directory in reversed(template_dirs):
        folder = directory / CATALOG_DIR
        paths = sorted(folder.glob("*.toml")) if folder.is_dir() else []
        for path in paths:
            if is_ignored(path.name):
                continue
            shown = _display(path, site_dir)
            lang = path.stem.lower()
            if not LANGUAGE_CODE.match(lang):
                problems.append(Problem.at(shown, 1, f"{path.name!r} is not named after a "
                                           "language", "name a catalog after its ISO 639 "
                                           "code: es.toml, de.toml"))
                continue
            try:
                text = read_text(path, MAX_SETTINGS_BYTES)
            except Unreadable as exc:
                problems.append(Problem.at(shown, exc.line, exc.message, exc.hint))
                continue
            table, found = parse_catalog(text, shown, reference)
            problems.extend(found)
            tables.setdefault(lang, {}).update(table)
            if site_dir is not None and path.is_relative_to(site_dir):
                files[lang] = shown
        reference = tables.get(REFERENCE, {})
    if problems:
        raise TemplateError(problems)
    return Catalogs(tables, files)


def parse_catalog(text: str, shown: str, reference: Words) -> tuple[dict[str, str], list[Problem]]:
    """The words of one catalog's `text`, and what is wrong with it (`shown` names the file).

    Values must be strings; a message the reference fills in (`{n}`, `{source}`)
    may use only its placeholders: a misspelt one would fail every page.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = int(m.group(1)) if (m := re.search(r"line (\d+)", str(exc))) else 1
        return {}, [Problem.at(shown, line, f"invalid TOML: {exc}",
                               'write one message a line: legend = "Entities in this article"')]
    table: dict[str, str] = {}
    problems: list[Problem] = []
    for key, value in data.items():
        line = _line_of(text, key)
        if not isinstance(value, str):
            problems.append(Problem.at(shown, line, f"message {key!r} is not a string",
                                       f'write {key} = "…" (a catalog is one flat table)'))
            continue
        # Only the messages with placeholders go through str.format; in the
        # others a brace is a brace.
        allowed = _fields(reference.get(key, ""))
        fields = _fields(value) if allowed else frozenset()
        if fields is None or not fields <= (allowed or frozenset()):
            names = " and ".join(f"{{{f}}}" for f in sorted(allowed or ()))
            problems.append(Problem.at(shown, line, f"message {key!r} uses placeholders the "
                                       "page cannot fill", f"it may use {names}; write a "
                                       "literal brace as {{ or }}"))
            continue
        table[key] = value
    return table, problems


@lru_cache(maxsize=1)
def theme_catalogs() -> Catalogs:
    """The default theme's catalogs alone (what pages use without a Renderer)."""
    return load_catalogs([theme_dir()])


def messages(lang: str) -> Words:
    """The theme's words in `lang`, English for the words or languages it lacks."""
    return theme_catalogs().words(lang.split("-")[0])


def _fields(text: str) -> frozenset[str] | None:
    """The names of `text`'s placeholders; None when it is not a valid format string.

    Only bare `{name}`s: a conversion or format spec ("{n:>5}", "{n!z}") could
    fail for the values a page passes.
    """
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError:
        return None
    if any(name is not None and (spec or conversion) for _, name, spec, conversion in parsed):
        return None
    return frozenset(name for _, name, _, _ in parsed if name is not None)


def _line_of(text: str, key: str) -> int:
    # tomllib gives no positions: the first line that sets the key.
    m = re.search(rf'^\s*"?{re.escape(key)}"?\s*=', text, re.MULTILINE)
    return text.count("\n", 0, m.start()) + 1 if m else 1


def _display(path: Path, site_dir: Path | None) -> str:
    if site_dir is not None and path.is_relative_to(site_dir):
        return path.relative_to(site_dir).as_posix()
    return f"site_builder/templates/{CATALOG_DIR}/{path.name}"


# ---------------------------------------------------------------------- dates and numbers


@lru_cache(maxsize=64)
def locale_for(lang: str, fallback: str) -> Locale:
    # Cached: parsing a locale costs more than formatting a number with it, and
    # pages format thousands of counts.
    for candidate in (lang, fallback, "en"):
        try:
            return Locale.parse(candidate.replace("-", "_"))
        except (UnknownLocaleError, ValueError):
            continue
    return Locale("en")


def local_date(when: dt.datetime, lang: str, *, timezone: str, fallback: str) -> str:
    """`when` as a long date in `lang` ("3 mars 2026"), on the site's clock."""
    return format_date(when.astimezone(ZoneInfo(timezone)).date(), format="long",
                       locale=locale_for(lang, fallback))


@lru_cache(maxsize=4096)
def short_date(when: dt.date, lang: str) -> str:
    """A day and month, as `lang` abbreviates them ("9 nov.", "Nov 9"), for chart axes."""
    return format_date(when, format="d MMM", locale=locale_for(lang, "en")) if lang != "en" \
        else format_date(when, format="MMM d", locale=locale_for(lang, "en"))


@lru_cache(maxsize=4096)
def short_month(when: dt.date, lang: str) -> str:
    """A month and year, as `lang` abbreviates them ("nov. 2026", "Nov 2026")."""
    return format_date(when, format="MMM y", locale=locale_for(lang, "en"))


@lru_cache(maxsize=4096)
def local_number(value: float, lang: str) -> str:
    """`value` written the way `lang` writes numbers ("16 500 000", "1,5")."""
    number: float | int = int(value) if value.is_integer() else value
    return format_decimal(number, locale=locale_for(lang, "en"))


def counted(n: int, word: str, lang: str, t: Words) -> str:
    """`n` and the word for it: `word` names keys of `t` ("mention_one", "mention_other").

    The form follows the language's plural rules: "0 mention" in French, "0 mentions"
    in English. A catalog may add the other categories its language has
    (`mention_few`, `mention_many`…); without one, `_other` is used.
    """
    form = _plural(n, lang)
    return f"{local_number(float(n), lang)} {t.get(f'{word}_{form}', t[f'{word}_other'])}"


@lru_cache(maxsize=4096)
def _plural(n: int, lang: str) -> str:
    return str(locale_for(lang, "en").plural_form(n))
