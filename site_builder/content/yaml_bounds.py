"""YAML that cannot cost more than a few thousand values: depth and aliases bounded.

PyYAML composes recursively, so a few thousand `[` end in RecursionError,
and it expands aliases on construction, so 470 bytes of `&a [*b, *b, …]`
become gigabytes. Front matter and the actor registry are composed by
these loaders instead, which refuse such a document with an ordinary
`MarkedYAMLError`: the callers already report those as `path:line`.
"""

from __future__ import annotations

from typing import Any

import yaml

MAX_DEPTH = 40  # front matter and a registry need four or five
MAX_VALUES = 50_000  # every value, an alias counted as the values it repeats


class TooComplex(yaml.MarkedYAMLError):
    """The document is deeper, or expands to more values, than allowed."""


class BoundedComposer:
    """Mixed into a Python loader: counts depth and values while composing."""

    _depth = 0
    _values = 0
    _sizes: dict[str, int]

    def compose_document(self) -> Any:
        self._depth, self._values, self._sizes = 0, 0, {}
        return super().compose_document()  # type: ignore[misc]

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()  # type: ignore[attr-defined]
        if self._depth >= MAX_DEPTH:
            raise TooComplex(None, None, f"nested deeper than {MAX_DEPTH} levels; "
                             "write it flatter", event.start_mark)
        start = self._values
        alias = isinstance(event, yaml.AliasEvent)
        self._values += self._sizes.get(event.anchor, 1) if alias else 1
        if self._values > MAX_VALUES:
            raise TooComplex(None, None, f"expands to more than {MAX_VALUES:,} values "
                             "(aliases `*name` repeat what they name)", event.start_mark)
        self._depth += 1
        try:
            node = super().compose_node(parent, index)  # type: ignore[misc]
        finally:
            self._depth -= 1
        if not alias and getattr(event, "anchor", None):
            self._sizes[event.anchor] = self._values - start
        return node


class BoundedSafeLoader(BoundedComposer, yaml.SafeLoader):
    """yaml.SafeLoader with the bounds above."""


def check_depth(node: yaml.Node | None) -> None:
    """Raise TooComplex for a node tree composed elsewhere (by libyaml) that is too deep.

    Walked with an explicit stack: the point is to refuse what recursion
    would choke on.
    """
    stack: list[tuple[yaml.Node, int]] = [(node, 1)] if node is not None else []
    seen = 0
    while stack:
        current, depth = stack.pop()
        seen += 1
        if depth > MAX_DEPTH:
            raise TooComplex(None, None, f"nested deeper than {MAX_DEPTH} levels; "
                             "write it flatter", current.start_mark)
        if seen > MAX_VALUES:
            raise TooComplex(None, None, f"holds more than {MAX_VALUES:,} values",
                             current.start_mark)
        if isinstance(current, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in current.value)
        elif isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                stack.append((key, depth + 1))
                stack.append((value, depth + 1))
