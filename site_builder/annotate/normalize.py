"""Typographic normalization with an exact, two-way offset map.

The spaCy models were trained on text with straight apostrophes and quotes and
ordinary spaces; wire copy uses ’ « » and narrow no-break spaces, which makes
the French tokenizer miss elisions ("n’" becomes an entity, "l’Homme" splits
off a name). So the models read a normalized copy, and every offset they
produce is mapped back to the source text.

The text is processed in *clusters* (a character plus the combining marks that
follow it), each replaced independently. Because a replacement never looks at
its neighbours, normalizing a cluster-aligned slice of the source gives exactly
the matching slice of the normalized text: that is the invariant the offset map
relies on, and what the property tests check.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_SPACE = " "
# Characters replaced on their own. Anything not listed is only NFC-composed.
REPLACEMENTS: dict[str, str] = {
    # apostrophes
    "\u2019": "'",  # ’ right single quotation mark, the usual typographic apostrophe
    "\u2018": "'",  # ‘
    "\u02bc": "'",  # ʼ modifier letter apostrophe
    "\u201b": "'",  # ‛
    "\u2032": "'",  # ′ prime, a common keyboard stand-in
    "\uff07": "'",  # fullwidth apostrophe
    # double quotes and guillemets
    "\u00ab": '"',  # «
    "\u00bb": '"',  # »
    "\u2039": '"',  # ‹
    "\u203a": '"',  # ›
    "\u201c": '"',  # “
    "\u201d": '"',  # ”
    "\u201e": '"',  # „
    "\u201f": '"',  # ‟
    "\u2033": '"',  # ″
    "\uff02": '"',  # fullwidth quotation mark
    # spaces: no-break, narrow no-break (French punctuation), thin, figure...
    "\u00a0": _SPACE,
    "\u202f": _SPACE,
    "\u2002": _SPACE,
    "\u2003": _SPACE,
    "\u2004": _SPACE,
    "\u2005": _SPACE,
    "\u2006": _SPACE,
    "\u2007": _SPACE,
    "\u2008": _SPACE,
    "\u2009": _SPACE,
    "\u200a": _SPACE,
    "\u205f": _SPACE,
    "\u3000": _SPACE,
    "\t": _SPACE,
    # Line breaks inside a block are soft wraps of the Markdown source far more
    # often than meaningful: a name wrapped over two lines is still one name.
    "\n": _SPACE,
    "\r": _SPACE,
    # invisible characters that split or glue tokens
    "\u00ad": "",  # soft hyphen
    "\u200b": "",  # zero-width space
    "\u2060": "",  # word joiner
    "\ufeff": "",  # byte-order mark / zero-width no-break space
    # hyphens the tokenizers do not know
    "\u2010": "-",
    "\u2011": "-",
    # ellipsis; "[…]" becomes "[...]" as a consequence
    "\u2026": "...",
}
_TABLE = str.maketrans(REPLACEMENTS)
# Only replacements that change the length need entries in the offset map.
_RESIZING = re.compile(
    "[" + re.escape("".join(k for k, v in REPLACEMENTS.items() if len(v) != 1)) + "]"
)

_DELETED = re.compile("[" + re.escape("".join(k for k, v in REPLACEMENTS.items() if not v)) + "]")


def _marked_deletion(source: str) -> bool:
    """Does a deleted character carry combining marks? Only the cluster path drops both."""
    return any(m.end() < len(source) and unicodedata.combining(source[m.end()])
               for m in _DELETED.finditer(source))


# (source start, source end, normalized length, offset-by-offset)
_Piece = tuple[int, int, int, bool]


def _clusters(text: str) -> list[tuple[int, int]]:
    """[start, end) of each character and its trailing combining marks."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or not unicodedata.combining(text[i]):
            bounds.append((start, i))
            start = i
    return bounds


def _replace(cluster: str) -> str:
    base = REPLACEMENTS.get(cluster[0], cluster[0])
    if not base:
        # An invisible character is dropped with the marks it carries: kept,
        # they would land on the previous letter and compose with it only when
        # the text is normalized again ("A" + BOM + grave accent).
        return ""
    return unicodedata.normalize("NFC", base + cluster[1:])


def _normalize_nfc(source: str) -> tuple[str, list[_Piece] | None]:
    # Already NFC, so every cluster is NFC-stable and only REPLACEMENTS change
    # anything; one-for-one replacements keep every offset where it was.
    text = source.translate(_TABLE)
    if len(text) == len(source) and not _RESIZING.search(source):
        return text, None
    pieces: list[_Piece] = []
    pos = 0
    for m in _RESIZING.finditer(source):
        if m.start() > pos:
            pieces.append((pos, m.start(), m.start() - pos, True))
        pieces.append((m.start(), m.end(), len(REPLACEMENTS[m.group()]), False))
        pos = m.end()
    if pos < len(source):
        pieces.append((pos, len(source), len(source) - pos, True))
    return text, pieces


def _normalize_clusters(source: str) -> tuple[str, list[_Piece]]:
    out: list[str] = []
    pieces: list[_Piece] = []
    for a, b in _clusters(source):
        cluster = source[a:b]
        new = _replace(cluster)
        out.append(new)
        pieces.append((a, b, len(new), b - a == 1 and len(new) == 1))
    return "".join(out), pieces


@dataclass(frozen=True, slots=True)
class Normalized:
    """A normalized copy of `source` and the offset maps both ways.

    Offsets are boundaries (0..len). A boundary inside a replacement (e.g. in
    the middle of the "..." that came from "…") maps outwards: a span start to
    the replacement's start, a span end to its end, so a mapped span always
    covers at least what was asked. Deleted characters (soft hyphens...) at the
    edge of a span stay outside it; inside, they are kept.
    """

    source: str
    text: str
    # None when no replacement changed a length: offsets are then the same both ways.
    _n2s_start: list[int] | None
    _n2s_end: list[int] | None
    _s2n_start: list[int] | None
    _s2n_end: list[int] | None

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of `text` to the smallest source span covering it."""
        if self._n2s_start is None or self._n2s_end is None:
            return (start, end)
        s, e = self._n2s_start[start], self._n2s_end[end]
        return (s, max(s, e))

    def to_normalized(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of `source` to the normalized span covering it."""
        if self._s2n_start is None or self._s2n_end is None:
            return (start, end)
        s, e = self._s2n_start[start], self._s2n_end[end]
        return (s, max(s, e))

    def is_boundary(self, pos: int) -> bool:
        """Whether `pos` in `text` is between two replacements, not inside one."""
        if self._n2s_start is None or self._s2n_start is None:
            return True
        return self._s2n_start[self._n2s_start[pos]] == pos


def normalize(source: str) -> Normalized:
    """Normalize `source` cluster by cluster, recording the offset maps."""
    if unicodedata.is_normalized("NFC", source) and not _marked_deletion(source):
        text, pieces = _normalize_nfc(source)
    else:
        text, pieces = _normalize_clusters(source)
    if pieces is None:
        return Normalized(source, text, None, None, None, None)
    n2s_start = [0] * (len(text) + 1)
    n2s_end = [0] * (len(text) + 1)
    s2n_start = [0] * (len(source) + 1)
    s2n_end = [0] * (len(source) + 1)
    pos = 0
    for a, b, m, identity in pieces:
        if identity:
            n2s_start[pos : pos + m] = range(a, b)
            n2s_end[pos + 1 : pos + m + 1] = range(a + 1, b + 1)
            s2n_start[a:b] = range(pos, pos + m)
            s2n_end[a + 1 : b + 1] = range(pos + 1, pos + m + 1)
        else:
            s2n_start[a] = pos
            for j in range(a + 1, b):  # inside a multi-character cluster
                s2n_start[j], s2n_end[j] = pos, pos + m
            s2n_end[b] = pos + m
            if m:
                n2s_start[pos] = a
                for k in range(pos + 1, pos + m):  # inside an expansion: map outwards
                    n2s_start[k], n2s_end[k] = a, b
                n2s_end[pos + m] = b
            # After a deletion, n2s_end[pos] keeps pointing before it: a span
            # ending here excludes the deleted characters.
        # Provisional: a span starting at the next boundary starts after this piece;
        # the next non-empty piece overwrites it with the same or a later offset.
        n2s_start[pos + m] = b
        pos += m
    s2n_start[len(source)] = pos
    return Normalized(source, text, n2s_start, n2s_end, s2n_start, s2n_end)
