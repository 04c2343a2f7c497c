"""Characters no page, feed or attribute may carry, removed where text comes in.

XML 1.0 forbids the C0 controls but tab and line breaks, and HTML calls
controls in text a parse error: one pasted \\x01 in a title made feed.xml
unreadable. They never carry meaning in prose, so they are dropped at load
time rather than escaped in every template. A lone surrogate cannot be
encoded at all; it is reported, since it means the YAML escape is wrong.
"""

from __future__ import annotations

import re

_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def strip_controls(text: str) -> str:
    """`text` without control characters (tab and line breaks are kept)."""
    return _CONTROLS.sub("", text) if _CONTROLS.search(text) else text


def blank_controls(text: str) -> str:
    """Control characters replaced by spaces: the length, and so every offset, is kept."""
    return _CONTROLS.sub(" ", text) if _CONTROLS.search(text) else text


def has_surrogate(text: str) -> bool:
    return _SURROGATE.search(text) is not None
