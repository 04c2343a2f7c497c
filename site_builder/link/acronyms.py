"""Acronyms defined in parentheses, after Schwartz & Hearst (2003).

"Observatoire syrien des droits de l’Homme (OSDH)" says, once, that OSDH is
the Observatoire: from then on every "OSDH" is that actor. We find such
definitions with the algorithm of A. Schwartz and M. Hearst, "A Simple
Algorithm for Identifying Abbreviation Definitions in Biomedical Text"
(PSB 2003):

* a parenthesis right after some words holds a short-form candidate
  (at most two words, 2 to 10 characters, a letter, starting with a letter
  or digit), text after ", " or "; " being a comment; when it holds more
  than two words, the roles swap: "HCR (Haut-Commissariat … réfugiés)";
* the long form is searched among the words before the parenthesis, at most
  min(|A| + 5, 2·|A|) of them for an acronym of |A| characters;
* every letter and digit of the short form must appear in the long form,
  right to left and in order, the first one at the start of a word; the
  shortest such long form wins;
* the long form may not contain the short form as a word.

Two adaptations for news copy, both documented in docs/actors.md:

* French expansions carry many grammatical words ("des", "pour les"), so
  those do not count towards the word limit;
* a person's name followed by a party ("Laurent Wauquiez (LR)") satisfies
  the letter rule by accident; when the long form is a person we require a
  true initialism ("Dominique Strauss-Kahn (DSK)").

And one structural form the letter rule cannot see: "Hayat Tahrir al-Cham
(HTS, ex-branche d’Al-Qaïda)", whose acronym comes from another
transliteration. When a parenthesis *starts* with an acronym-shaped token
right after an entity that is not a place and whose first letter it shares
(first two initials if the model called it a person), the acronym names
that entity.

Everything here works on one block's text and the entity spans in it; it
never decides which actor anything is.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, NamedTuple

from site_builder import wordlists
from site_builder.link import wordlists as wl
from site_builder.link.normalize import fold, fold_char, key_of, normalize_name
from site_builder.model import EntityKind

Form = Literal["long-short", "short-long", "entity-acronym"]

_COMMENT = re.compile(r"[,;]\s")
_SENTENCE_END = re.compile(r"(?<![A-Z])[.!?]\s+")
_WORD_SPLIT = re.compile(r"[\s\-]+")
_PAREN = re.compile(r"[()]")


class Span(NamedTuple):
    """An entity mention inside the block being scanned."""

    start: int
    end: int
    kind: EntityKind
    index: int  # caller's own reference to the entity


@dataclass(frozen=True, slots=True)
class AcronymPair:
    """One definition found in the text: `short` is an alias of `long`."""

    short: str
    long: str
    long_entity: int | None  # Span.index of the entity that is the long form
    form: Form


def alnum_count(text: str) -> int:
    return sum(c.isalnum() for c in text)


def is_short_form(text: str) -> bool:
    """Schwartz–Hearst's short-form test: 2–10 chars, ≤ 2 words, a letter, alnum start."""
    return (
        2 <= len(text) <= 10
        and len(text.split()) <= 2
        and any(c.isalpha() for c in text)
        and text[0].isalnum()
    )


def looks_like_acronym(text: str) -> bool:
    """One token, 2–10 chars, at least two capitals and no more lower case than capitals."""
    letters = [c for c in text if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    return (
        is_short_form(text)
        and " " not in text
        and upper >= 2
        and upper >= len(letters) - upper
    )


@lru_cache(maxsize=1 << 14)
def best_long_form(short: str, candidate: str) -> str | None:
    """The shortest tail of `candidate` that spells `short` (Schwartz–Hearst's core).

    Characters are compared folded, so "EI" matches "État islamique".
    """
    s = [fold_char(c) for c in short]
    text = [fold_char(c) for c in candidate]
    li = len(text) - 1
    for si in range(len(s) - 1, -1, -1):
        char = s[si]
        if not char.isalnum():
            continue
        # The first character of the short form must begin a word.
        while li >= 0 and (
            text[li] != char or (si == 0 and li > 0 and text[li - 1].isalnum())
        ):
            li -= 1
        if li < 0:
            return None
        li -= 1
    start = candidate.rfind(" ", 0, li + 1) + 1
    return candidate[start:].strip()


@lru_cache(maxsize=1 << 14)
def content_words(text: str) -> tuple[str, ...]:
    """Words of a long form that count towards the length limit."""
    words = [key_of(w) for w in _WORD_SPLIT.split(text)]
    function_words = wl.function_words()
    return tuple(w for w in words if w and w not in function_words)


def word_limit(short: str) -> int:
    size = alnum_count(short)
    return min(size + 5, size * 2)


def acceptable(short: str, long: str) -> bool:
    """Schwartz–Hearst's final checks on a (short, long) pair."""
    size = alnum_count(short)
    return (
        size >= 2
        and size <= 10
        and len(long) > len(short)
        and short not in long.split()
        and long.count("(") == long.count(")")
        and len(content_words(long)) <= word_limit(short)
    )


def is_initialism(short: str, long: str) -> bool:
    """Every character of `short` starts a word of `long`, in order: DSK, JFK."""
    initials = [fold_char(w[0]) for w in _WORD_SPLIT.split(long) if w and w[0].isalnum()]
    letters = [fold_char(c) for c in short if c.isalnum()]
    if not letters or not initials or letters[0] != initials[0]:
        return False
    position = 0
    for letter in letters:
        while position < len(initials) and initials[position] != letter:
            position += 1
        if position == len(initials):
            return False
        position += 1
    return True


def parentheses(text: str) -> Iterator[tuple[int, int]]:
    """(open, close) offsets of each outermost balanced parenthesis."""
    depth, start = 0, -1
    for match in _PAREN.finditer(text):
        if match.group() == "(":
            if depth == 0:
                start = match.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                yield start, match.start()


# Characters of text read before a parenthesis at first for its long form;
# doubled while the words found there are not enough.
_WINDOW_CHARS = 256


def _window(text: str, start: int, end: int, short: str) -> str:
    """The words of text[start:end] that may hold the long form: the last ones,
    up to `word_limit(short)` content words.

    Read from the end, so that a parenthesis late in a sentence of 100,000
    characters costs its window only.
    """
    limit = word_limit(short)
    size = _WINDOW_CHARS
    while True:
        low = max(start, end - size)
        words = text[low:end].split()
        taken = kept = 0
        for word in reversed(words):
            if taken == limit:
                break
            kept += 1
            if content_words(word):
                taken += 1
        # The first word may be cut by the window: only a result without it holds.
        if low == start or kept < len(words):
            return " ".join(words[len(words) - kept:])
        size *= 2


class _Block:
    """One block's text and entity spans, indexed for the questions asked at
    each parenthesis: a block of thousands of parentheses and names is read
    once, not once per parenthesis."""

    def __init__(self, text: str, spans: Sequence[Span]) -> None:
        self.text = text
        self.spans = spans
        self._sentence_ends = [m.end() for m in _SENTENCE_END.finditer(text)]
        # Span positions in `spans`, by end: the entity before a parenthesis ends near it.
        self._by_end = sorted(range(len(spans)), key=lambda i: spans[i].end)
        self._ends = [spans[i].end for i in self._by_end]
        self._at: dict[tuple[int, int], Span] = {}
        for span in spans:
            self._at.setdefault((span.start, span.end), span)

    def sentence_start(self, position: int) -> int:
        """Where the sentence holding `position` starts (after ". ", "! ", "? ")."""
        # A match's spaces never run past a parenthesis, so the matches of the
        # whole text that end by `position` are those of the text before it.
        i = bisect.bisect_right(self._sentence_ends, position)
        return self._sentence_ends[i - 1] if i else 0

    def entity_before(self, position: int, floor: int) -> Span | None:
        """The entity that ends right before `position` (only spaces between)."""
        text, spans = self.text, self.spans
        gap = position
        while gap > 0 and text[gap - 1].isspace():
            gap -= 1
        lo = bisect.bisect_left(self._ends, gap)
        hi = bisect.bisect_right(self._ends, position)
        touching = [spans[i] for i in sorted(self._by_end[lo:hi]) if floor <= spans[i].start]
        # The nearest, and of those the longest: "droits de l'Homme" loses to the
        # whole "Observatoire syrien des droits de l'Homme".
        return max(touching, key=lambda s: (s.end, s.end - s.start), default=None)

    def span_at(self, start: int, end: int) -> Span | None:
        return self._at.get((start, end))


def _strip_elision(word: str) -> str:
    folded = fold(word)
    for elided in wl.elided_articles():
        if folded.startswith(elided) and len(word) > len(elided):
            return word[len(elided):]
    return word


def _last_word_end(text: str, start: int, end: int) -> int:
    """The end of text[start:end].rstrip()."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _name_words(text: str) -> bool:
    """Whether words taken before an entity may be part of its name: no parenthesis,
    and every word but a function word capitalized ("[Hayat] Tahrir al-Sham", not
    "[according to the] Valmorian Civil Protection Agency (AVPC)")."""
    if "(" in text or ")" in text:
        return False
    function_words = wl.function_words()
    return all(word[:1].isupper() or key_of(word) in function_words
               for word in _WORD_SPLIT.split(text) if word)


def _long_then_short(block: _Block, start: int, open_at: int, short: str) -> AcronymPair | None:
    text = block.text
    before_end = _last_word_end(text, start, open_at)
    entity = block.entity_before(open_at, start)
    if entity is not None:
        written = text[entity.start:entity.end]
        long = best_long_form(short, written)
        if long and acceptable(short, long) and (
            entity.kind != "person" or is_initialism(short, written)
        ):
            return AcronymPair(short, written, entity.index, "long-short")
    window = _window(text, start, before_end, short)
    long = best_long_form(short, window)
    if long and acceptable(short, long) and (
            entity is None or _name_words(text[before_end - len(long):entity.start])):
        span = block.span_at(before_end - len(long), before_end)
        if span is None or span.kind != "person" or is_initialism(short, long):
            return AcronymPair(short, long, span.index if span else None, "long-short")
    if entity is not None and entity.kind != "place" and looks_like_acronym(short):
        written = text[entity.start:entity.end]
        display = normalize_name(written, entity.kind).display
        # An organization need only share the first letter. The model also
        # tags organizations as persons ("Hayat Tahrir al-Cham" PER); then two
        # letters must start two words, which a party after a name ("Laurent
        # Wauquiez (LR, Haute-Loire)") does not.
        if entity.kind == "person":
            fits = is_initialism(short[:2], display)
        else:
            fits = bool(display) and fold_char(display[0]) == fold_char(short[0])
        if fits and len(written) > len(short):
            return AcronymPair(short, written, entity.index, "entity-acronym")
    return None


def _short_then_long(
    block: _Block, start: int, open_at: int, inner_at: int, head: str
) -> AcronymPair | None:
    text = block.text
    end = _last_word_end(text, start, open_at)
    if end == start:
        return None
    word_start = end
    while word_start > start and not text[word_start - 1].isspace():
        word_start -= 1
    short = _strip_elision(text[word_start:end]).strip(",;:«»\"'")
    if not (is_short_form(short) and any(c.isupper() for c in short)):
        return None
    long = best_long_form(short, head)
    if not long or not acceptable(short, long):
        return None
    offset = inner_at + head.rfind(long)
    span = block.span_at(offset, offset + len(long))
    if span is not None and span.kind == "person" and not is_initialism(short, long):
        return None
    return AcronymPair(short, long, span.index if span else None, "short-long")


def find_pairs(text: str, spans: Sequence[Span]) -> list[AcronymPair]:
    """Every acronym definition in one block of text."""
    pairs: list[AcronymPair] = []
    block = _Block(text, spans)
    for open_at, close_at in parentheses(text):
        inner = text[open_at + 1:close_at]
        head = _COMMENT.split(inner, maxsplit=1)[0].strip()
        if not head:
            continue
        inner_at = open_at + 1 + (len(inner) - len(inner.lstrip()))
        sentence = block.sentence_start(open_at)
        if len(head.split()) <= 2:
            if is_short_form(head):
                pair = _long_then_short(block, sentence, open_at, head)
                if pair:
                    pairs.append(pair)
        else:
            pair = _short_then_long(block, sentence, open_at, inner_at, head)
            if pair:
                pairs.append(pair)
    return pairs


@wordlists.on_change
def _reset() -> None:
    best_long_form.cache_clear()
    content_words.cache_clear()
