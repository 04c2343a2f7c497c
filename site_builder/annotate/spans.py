"""Does any of these spans overlap [start, end)? Answered by bisection.

A paragraph pasted whole can hold thousands of mentions, registry matches
or acronym uses: asking each against all the others costs their square.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable


class Overlaps:
    """A fixed set of [start, end) spans, in any order, overlapping or not."""

    __slots__ = ("_reach", "_starts")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        # The furthest end of the spans up to each, in start order.
        self._reach: list[int] = []
        furthest = None
        for _, end in ordered:
            furthest = end if furthest is None else max(furthest, end)
            self._reach.append(furthest)

    def __bool__(self) -> bool:
        return bool(self._starts)

    def any(self, start: int, end: int) -> bool:
        """Whether some span has span.start < end and span.end > start.

        With start == end: whether some span starts before the offset and
        ends after it (the offset is inside it).
        """
        i = bisect.bisect_left(self._starts, end)  # the spans starting before `end`
        return i > 0 and self._reach[i - 1] > start
