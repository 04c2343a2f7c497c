"""content/actors.yml → Registry, reporting every problem at once with its line.

We walk the YAML node tree (`yaml.compose`) rather than the loaded Python
objects because only nodes remember where they were written, and because
the loader would quietly turn `id: 2024` into an int and `name: yes` into
True. A missing file is an empty registry: the registry is optional.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from site_builder.content.clean import has_surrogate, strip_controls
from site_builder.content.files import MAX_SETTINGS_BYTES, Unreadable, read_text
from site_builder.content.yaml_bounds import BoundedSafeLoader
from site_builder.errors import Problem, RegistryError
from site_builder.link.normalize import normalize_name
from site_builder.link.registry import Registry, RegistryActor
from site_builder.link.slugs import MAX_ID_LENGTH, RESERVED_IDS, SAFE_ID
from site_builder.model import ENTITY_KINDS, EntityKind

_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
_FIELDS = ("id", "name", "kind", "aliases", "description", "links")
_REQUIRED = ("id", "name", "kind")
_LANG = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")
_WIKIDATA = re.compile(r"^Q[1-9]\d*$")
_EXAMPLE = "see docs/actors.md for the format"


def load_registry(path: Path, display_path: str = "content/actors.yml") -> Registry:
    """Read and validate the registry; a missing file is an empty registry."""
    if not path.exists() and not path.is_symlink():
        return Registry(path=display_path)
    try:
        text = read_text(path, MAX_SETTINGS_BYTES)
    except Unreadable as error:
        raise RegistryError(Problem.at(display_path, error.line, error.message,
                                       error.hint)) from None
    return parse_registry(text, display_path)


def parse_registry(text: str, display_path: str = "content/actors.yml") -> Registry:
    """Validate registry YAML text; raise RegistryError listing every problem."""
    checker = _Checker(display_path)
    try:
        root = yaml.compose(text, Loader=BoundedSafeLoader)
    except yaml.MarkedYAMLError as error:
        raise RegistryError(_syntax_problem(error, display_path)) from None
    except yaml.YAMLError as error:
        raise RegistryError(Problem.at(display_path, 1, f"YAML error: {error}")) from None
    actors = checker.document(root)
    if checker.problems:
        raise RegistryError(sorted(checker.problems, key=lambda p: p.line))
    return Registry(tuple(actors), display_path)


def _syntax_problem(error: yaml.MarkedYAMLError, path: str) -> Problem:
    """Point at the line to fix: for a construct left open (a quote, a bracket)
    that is where it started, not the end of the file where the parser gave up."""
    mark = error.problem_mark or error.context_mark
    message = f"YAML syntax error: {error.problem}"
    if error.context and error.context_mark:
        message += f" ({error.context} at line {error.context_mark.line + 1})"
        if any(end in (error.problem or "") for end in ("end of stream", "stream end")):
            mark = error.context_mark
    line = mark.line + 1 if mark else 1
    return Problem.at(path, line, message, "check indentation, colons and quotes")


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


class _Checker:
    """Collects problems while turning nodes into RegistryActors."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        # (entry line, a name or alias) -> its own line, so that problems
        # found across entries point at the offending line, not the entry.
        self.lines: dict[tuple[int, str], int] = {}
        self.entry_line = 0
        self.id_lines: dict[str, int] = {}

    def bad(self, node: yaml.Node, message: str, hint: str = "") -> None:
        self.problems.append(Problem.at(self.path, _line(node), message, hint))

    # ------------------------------------------------------------------ shapes

    def mapping(self, node: yaml.MappingNode, allowed: tuple[str, ...] | None,
                where: str) -> dict[str, yaml.Node]:
        """Key → value node; reports non-string, duplicate and unknown keys."""
        result: dict[str, yaml.Node] = {}
        for key_node, value in node.value:
            if not (isinstance(key_node, yaml.ScalarNode) and key_node.tag == _STR):
                self.bad(key_node, f"{where}: keys must be plain words")
                continue
            key = key_node.value
            if key in result:
                self.bad(key_node, f"{where}: `{key}` is given twice", "keep one")
                continue
            if allowed is not None and key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1)
                hint = f"did you mean `{close[0]}`?" if close else f"allowed: {', '.join(allowed)}"
                self.bad(key_node, f"{where}: unknown field `{key}`", hint)
                continue
            result[key] = value
        return result

    def string(self, node: yaml.Node, what: str, hint: str = "") -> str | None:
        if isinstance(node, yaml.ScalarNode) and node.tag == _STR and has_surrogate(node.value):
            self.bad(node, f"{what} holds a lone surrogate (an escape such as \\ud800)",
                     "write the character itself")
            return None
        if isinstance(node, yaml.ScalarNode) and node.tag == _STR and node.value.strip():
            return strip_controls(node.value).strip() or None
        if isinstance(node, yaml.ScalarNode) and node.tag == _STR:
            self.bad(node, f"{what} is empty", hint)
        else:
            self.bad(node, f"{what} must be text", hint or 'quote it: "…"')
        return None

    @staticmethod
    def is_null(node: yaml.Node) -> bool:
        return isinstance(node, yaml.ScalarNode) and node.tag == _NULL

    # ---------------------------------------------------------------- document

    def document(self, root: yaml.Node | None) -> list[RegistryActor]:
        if root is None or self.is_null(root):
            return []
        if not isinstance(root, yaml.MappingNode):
            self.bad(root, "the registry must be a mapping with an `actors:` list", _EXAMPLE)
            return []
        top = self.mapping(root, ("actors",), "top level")
        entries = top.get("actors")
        if entries is None or self.is_null(entries):
            return []
        if not isinstance(entries, yaml.SequenceNode):
            self.bad(entries, "`actors` must be a list of entries starting with `- id:`",
                     _EXAMPLE)
            return []
        actors = [a for a in (self.entry(node) for node in entries.value) if a is not None]
        self.check_unique(actors)
        return actors

    def entry(self, node: yaml.Node) -> RegistryActor | None:
        if not isinstance(node, yaml.MappingNode):
            self.bad(node, "each actor must be a mapping (id, name, kind…)", _EXAMPLE)
            return None
        self.entry_line = _line(node)
        fields = self.mapping(node, _FIELDS, "actor")
        for name in _REQUIRED:
            if name not in fields or self.is_null(fields[name]):
                self.bad(node, f"actor is missing `{name}`",
                         "every actor needs id, name and kind")
        actor_id = self.actor_id(fields["id"]) if "id" in fields else None
        name = self.string(fields["name"], "`name`") if "name" in fields else None
        if name is not None:
            self.lines[(self.entry_line, name)] = _line(fields["name"])
        kind = self.kind(fields["kind"]) if "kind" in fields else None
        aliases = self.aliases(fields["aliases"]) if "aliases" in fields else ()
        description = None
        if "description" in fields and not self.is_null(fields["description"]):
            description = self.string(fields["description"], "`description`")
        links = self.links(fields["links"]) if "links" in fields else ()
        if actor_id is not None:
            # Checked here, on every entry that has an id, so that a duplicate
            # is reported even when one of the two entries has other problems.
            line = _line(fields["id"])
            if actor_id in self.id_lines:
                self.bad(fields["id"], f"duplicate id `{actor_id}` (first used at line "
                         f"{self.id_lines[actor_id]})",
                         "ids must be unique; merge the two entries or rename one")
                return None
            self.id_lines[actor_id] = line
        if actor_id is None or name is None or kind is None:
            return None
        return RegistryActor(actor_id, name, kind, aliases, description, links, _line(node))

    # ------------------------------------------------------------------ fields

    def actor_id(self, node: yaml.Node) -> str | None:
        if self.is_null(node):
            return None
        value = self.string(node, "`id`", "ids are lower-case words joined by hyphens")
        if value is None:
            return None
        if not SAFE_ID.match(value) or len(value) > MAX_ID_LENGTH:
            self.bad(node, f"id `{value}` is not a safe path segment",
                     f"use a-z, 0-9 and single hyphens, at most {MAX_ID_LENGTH} "
                     "characters, e.g. `bachar-al-assad`")
            return None
        if value in RESERVED_IDS:
            self.bad(node, f"id `{value}` is the name of a page of the actors index",
                     f"choose another id; reserved: {', '.join(sorted(RESERVED_IDS))}")
            return None
        return value

    def kind(self, node: yaml.Node) -> EntityKind | None:
        if self.is_null(node):
            return None
        value = self.string(node, "`kind`")
        for kind in ENTITY_KINDS:
            if value == kind:
                return kind
        if value is not None:
            self.bad(node, f"unknown kind `{value}`", f"use one of {', '.join(ENTITY_KINDS)}")
        return None

    def alias_list(self, node: yaml.Node, lang: str | None) -> list[tuple[str | None, str]]:
        if isinstance(node, yaml.ScalarNode) and node.tag == _STR:
            items = [node]  # a lone alias is accepted as a list of one
        elif isinstance(node, yaml.SequenceNode):
            items = node.value
        else:
            self.bad(node, "aliases must be a list of names", "write aliases: [OSDH, SOHR]")
            return []
        result = []
        for item in items:
            text = self.string(item, "an alias")
            if text is not None:
                result.append((lang, text))
                self.lines.setdefault((self.entry_line, text), _line(item))
        return result

    def aliases(self, node: yaml.Node) -> tuple[tuple[str | None, str], ...]:
        if self.is_null(node):
            return ()
        if not isinstance(node, yaml.MappingNode):
            return tuple(self.alias_list(node, None))
        result: list[tuple[str | None, str]] = []
        for lang, value in self.mapping(node, None, "aliases").items():
            if not _LANG.match(lang):
                self.bad(node, f"`{lang}` is not a language code",
                         "group aliases by ISO 639 code, e.g. fr: […], en: […]")
                continue
            result += self.alias_list(value, lang)
        return tuple(result)

    def links(self, node: yaml.Node) -> tuple[tuple[str, str], ...]:
        if self.is_null(node):
            return ()
        if not isinstance(node, yaml.MappingNode):
            self.bad(node, "links must be a mapping", "write links: {wikidata: Q42}")
            return ()
        result: list[tuple[str, str]] = []
        for key, value in self.mapping(node, None, "links").items():
            text = self.string(value, f"link `{key}`")
            if text is None:
                continue
            if key == "wikidata":
                if not _WIKIDATA.match(text):
                    self.bad(value, f"wikidata id `{text}` must look like Q1130787",
                             "the Q-number from the item's Wikidata page")
                    continue
            else:
                parts = urlsplit(text)
                if parts.scheme not in ("http", "https") or not parts.netloc:
                    self.bad(value, f"link `{key}` must be an http(s) URL, not `{text}`",
                             "write the full address, https://…")
                    continue
            result.append((key, text))
        return tuple(sorted(result))

    # ----------------------------------------------------------- across entries

    def check_unique(self, actors: list[RegistryActor]) -> None:
        """Names or aliases that would point at two actors."""
        owner: dict[str, tuple[str, str, int]] = {}  # key -> (id, text, line)
        for actor in actors:
            for _, text in actor.texts():
                line = self.lines.get((actor.line, text), actor.line)
                key = normalize_name(text, actor.kind).key
                if not key:
                    self.problems.append(Problem.at(
                        self.path, line,
                        f"`{text}` ({actor.id}) has nothing left to match once titles "
                        "and punctuation are ignored", "give a real name"))
                    continue
                seen = owner.setdefault(key, (actor.id, text, line))
                if seen[0] != actor.id:
                    self.problems.append(Problem.at(
                        self.path, line,
                        f"`{text}` ({actor.id}) is also a name or alias of `{seen[0]}` "
                        f"(`{seen[1]}`, line {seen[2]})",
                        "a name may point to one actor only; remove it from one of them"))
