"""YAML front matter: split it from the body and validate it, with line numbers.

PyYAML's node tree keeps the position of every key, so a wrong type is
reported on the line where the editor wrote it, not on line 1.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from site_builder.content.clean import has_surrogate, strip_controls
from site_builder.content.yaml_bounds import BoundedComposer, check_depth
from site_builder.errors import Problem
from site_builder.slugs import is_safe_slug

_FENCE = re.compile(r"^---[ \t]*$")
_LANG = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z]{2,4})?$")


class _Loader(BoundedComposer, yaml.SafeLoader):
    """SafeLoader that keeps an impossible timestamp (2026-13-45) as text.

    PyYAML raises a bare ValueError there, with no line; as text, the value
    reaches validation and is reported on the line of its key.
    """

    def construct_yaml_timestamp(self, node: yaml.Node) -> object:
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)


@dataclass(slots=True)
class FrontMatter:
    data: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)  # key -> 1-based line in the file
    body: str = ""
    body_line: int = 1  # line of the body's first line in the file
    present: bool = False


def split(text: str, path: str, problems: list[Problem]) -> FrontMatter | None:
    """Separate the front matter from the body. Returns None on a fatal problem."""
    lines = text.splitlines(keepends=True)
    if not lines or not _FENCE.match(lines[0].rstrip("\r\n")):
        return FrontMatter(body=text, body_line=1)
    for i in range(1, len(lines)):
        if _FENCE.match(lines[i].rstrip("\r\n")) or lines[i].rstrip("\r\n") == "...":
            yaml_text = "".join(lines[1:i])
            fm = _parse_yaml(yaml_text, path, problems)
            if fm is None:
                return None
            fm.body = "".join(lines[i + 1 :])
            fm.body_line = i + 2
            fm.present = True
            return fm
    problems.append(Problem.at(path, 1, "front matter is not closed",
                               "add a line with only --- after the front matter"))
    return None


# libyaml's parser, when PyYAML has it: the pure-Python one made reading
# front matter the slowest part of loading a site. Its error messages are
# worded differently, so a text it refuses is read again by the Python
# parser, whose messages (and lines) editors get.
_FAST: type[yaml.SafeLoader] | None = None
if getattr(yaml, "__with_libyaml__", False):
    class _FastLoader(yaml.CSafeLoader):  # type: ignore[name-defined,misc]
        def construct_yaml_timestamp(self, node: yaml.Node) -> object:  # as _Loader's
            try:
                return yaml.constructor.SafeConstructor.construct_yaml_timestamp(self, node)
            except ValueError:
                return self.construct_scalar(node)

    _FastLoader.add_constructor("tag:yaml.org,2002:timestamp",
                                _FastLoader.construct_yaml_timestamp)
    _FAST = _FastLoader


# Where the two parsers are known to disagree (libyaml accepts tabs as
# separators, and reads some tags and block-scalar headers differently), the
# Python parser decides: whether an article builds must not depend on how
# PyYAML was compiled.
_PYTHON_ONLY = re.compile(r"[\t!%&*|>]")


def _compose(yaml_text: str) -> tuple[yaml.Node | None, type[yaml.SafeLoader]]:
    if _FAST is not None and not _PYTHON_ONLY.search(yaml_text):
        try:
            node = yaml.compose(yaml_text, Loader=_FAST)
            check_depth(node)  # libyaml composes without our bounds; no aliases reach it
            return node, _FAST
        except yaml.YAMLError:
            pass
    return yaml.compose(yaml_text, Loader=_Loader), _Loader


def _parse_yaml(yaml_text: str, path: str, problems: list[Problem]) -> FrontMatter | None:
    first_line = 2  # the YAML starts on the line after the opening ---
    try:
        node, loader = _compose(yaml_text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        # An unclosed bracket or quote is only noticed at the end of the
        # front matter; the line that opened it is where the editor must look.
        if exc.context_mark is not None and (
                mark is None or not yaml_text[mark.index:].strip()):
            mark = exc.context_mark
        line = first_line + (mark.line if mark else 0)
        reason = exc.problem or exc.context or "invalid YAML"
        if exc.context and mark is exc.context_mark:
            reason = f"{reason} ({exc.context})"
        problems.append(Problem.at(path, line, f"invalid YAML in front matter: {reason}",
                                   "check indentation, colons and quotes"))
        return None
    except yaml.YAMLError as exc:
        problems.append(Problem.at(path, first_line, f"invalid YAML in front matter: {exc}"))
        return None
    if node is None:
        return FrontMatter()
    if not isinstance(node, yaml.MappingNode):
        problems.append(Problem.at(path, first_line + node.start_mark.line,
                                   "front matter must be a mapping of `key: value` lines"))
        return None
    lines: dict[str, int] = {}
    for key_node, _value in node.value:
        if isinstance(key_node, yaml.ScalarNode):
            if key_node.value in lines:
                problems.append(Problem.at(path, first_line + key_node.start_mark.line,
                                           f"duplicate key `{key_node.value}` in front matter",
                                           "keep only one"))
            lines[key_node.value] = first_line + key_node.start_mark.line
    try:
        data = loader(yaml_text).construct_document(node)
    except (yaml.YAMLError, ValueError, TypeError) as exc:
        problems.append(Problem.at(path, first_line, f"invalid YAML in front matter: {exc}"))
        return None
    if not isinstance(data, dict) or not all(isinstance(k, str) for k in data):
        problems.append(Problem.at(path, first_line, "front matter keys must be text"))
        return None
    cleaned = {}
    for key, value in data.items():
        try:
            cleaned[strip_controls(key)] = _cleaned(value)
        except _Surrogate:
            problems.append(Problem.at(
                path, lines.get(key, first_line), f"`{key}` holds a lone surrogate "
                "(an escape such as \\ud800), which is not a character",
                "write the character itself, or a \\U escape of its code point"))
    if len(cleaned) < len(data):
        return None
    return FrontMatter(data=cleaned, lines=lines)


class _Surrogate(ValueError):
    pass


def _cleaned(value: Any) -> Any:
    """Strings anywhere in `value` without control characters (depth is bounded)."""
    if isinstance(value, str):
        if has_surrogate(value):
            raise _Surrogate
        return strip_controls(value)
    if isinstance(value, list):
        return [_cleaned(v) for v in value]
    if isinstance(value, dict):
        return {_cleaned(k): _cleaned(v) for k, v in value.items()}
    return value


@dataclass(slots=True)
class Fields:
    """The known front matter fields after validation; absent ones are None."""

    title: str | None = None
    date: dt.datetime | dt.date | None = None
    lang: str | None = None
    source: str | None = None
    authors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    summary: str | None = None
    slug: str | None = None
    image_credit: str | None = None
    draft: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


MAX_LIST_ITEMS = 50  # tags, authors (docs/content.md, "Limits")
KNOWN = ("title", "date", "lang", "source", "authors", "tags", "summary", "slug", "image_credit",
         "draft")


def validate(fm: FrontMatter, path: str, problems: list[Problem]) -> Fields:
    """Check the type of every known key; unknown keys are kept in `extra`."""
    out = Fields(extra={k: v for k, v in fm.data.items() if k not in KNOWN})

    def bad(key: str, message: str, hint: str) -> None:
        problems.append(Problem.at(path, fm.lines.get(key, 1), message, hint))

    for key in ("title", "source", "summary", "image_credit"):
        if key in fm.data and fm.data[key] is not None:
            value = fm.data[key]
            if isinstance(value, str | int | float) and not isinstance(value, bool):
                setattr(out, key, str(value).strip() or None)
            else:
                bad(key, f"`{key}` must be text, not {_type_name(value)}",
                    f'write {key}: "..." on one line')
    if "date" in fm.data:
        out.date = _date(fm.data["date"])
        if out.date is None:
            bad("date", f"`date` is not a date: {fm.data['date']!r}",
                "write date: 2026-03-12 or date: 2026-03-12T14:30:00+01:00")
    if "lang" in fm.data:
        lang = fm.data["lang"]
        if isinstance(lang, str) and _LANG.match(lang.strip()):
            out.lang = lang.strip().split("-")[0].lower()
        else:
            bad("lang", f"`lang` must be a language code, not {lang!r}", "write lang: fr")
    for key in ("authors", "tags"):
        if key in fm.data and fm.data[key] is not None:
            items = _str_list(fm.data[key])
            if items is None:
                bad(key, f"`{key}` must be a list of text",
                    f"write {key}: [first, second] or one item per line")
            elif len(items) > MAX_LIST_ITEMS:
                # Every tag has a page listing the article, with its tags:
                # the output grows with the square of this number.
                bad(key, f"`{key}` lists {len(items)} items; at most {MAX_LIST_ITEMS} "
                    "are allowed", f"keep the {key} that matter most")
            else:
                setattr(out, key, items)
    if "draft" in fm.data and fm.data["draft"] is not None:
        if isinstance(fm.data["draft"], bool):
            out.draft = fm.data["draft"]
        else:
            # `draft: "no"` would be true in many tools: a typo must not publish.
            bad("draft", f"`draft` must be true or false, not {fm.data['draft']!r}",
                "write draft: true to keep the article out of `build`, or delete the line")
    if "slug" in fm.data:
        slug = fm.data["slug"]
        if isinstance(slug, str) and is_safe_slug(slug):
            out.slug = slug
        else:
            bad("slug", f"`slug` {slug!r} is not a safe URL segment",
                "use lower-case ASCII letters, digits and hyphens, e.g. slug: alep-combats")
    return out


def is_language_code(text: str) -> bool:
    """What `lang:` accepts: an ISO 639 code, optionally with a region (fr, en-GB)."""
    return _LANG.match(text.strip()) is not None


def _type_name(value: object) -> str:
    return {list: "a list", dict: "a mapping", bool: "true/false"}.get(type(value), "a value")


def _date(value: object) -> dt.datetime | dt.date | None:
    if isinstance(value, dt.datetime | dt.date):
        return value
    if isinstance(value, str):
        text = value.strip().replace("Z", "+00:00")
        try:
            return dt.datetime.fromisoformat(text) if ("T" in text or " " in text) \
                else dt.date.fromisoformat(text)
        except ValueError:
            return None
    return None


def _str_list(value: object) -> tuple[str, ...] | None:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return None
    items: list[str] = []
    for item in value:
        if isinstance(item, bool) or not isinstance(item, str | int | float):
            return None
        text = str(item).strip()
        if text and text not in items:
            items.append(text)
    return tuple(items)
