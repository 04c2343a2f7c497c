"""Numbers in running text: digits, number words, round-number nouns.

This module only answers "which tokens spell a cardinal number, and what is
its value". Whether that number is a figure worth reporting (not a date, a
year, an article number...) is decided by `figures.py`.

Digit grouping follows the block's language: in French a space (normal,
U+00A0 or U+202F) or a dot separates thousands and a comma marks decimals;
in English a comma (or a non-breaking space) separates thousands and a dot
marks decimals. Number words go through text2num.

Digits that are a code, not a quantity, are no number at all: a chain of three
or more digit groups that do not read as one grouped number (phone numbers:
"01 23 45 67 89", "+1 202 555 0143"), a group with a leading zero ("0143"),
and an ungrouped run longer than `MAX_COUNT_DIGITS` (account numbers).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from text_to_num import find_numbers

from site_builder.annotate import cues
from site_builder.annotate.cues import Token
from site_builder.model import Qualifier

# Languages text2num reads; other blocks only get digits.
_TEXT2NUM_LANGS = frozenset({"fr", "en", "es", "pt", "de", "nl", "da", "it"})
# Number words of the other language are read inside quotes only (an English
# statement quoted in a French article), except words that are also ordinary
# words of the block's language.
SECOND_LANG = {"fr": "en", "en": "fr"}
_FALSE_FRIENDS = {"en": frozenset({"cent", "mille", "sept", "un", "une"}), "fr": frozenset()}
_SPACES = frozenset(" \u00a0\u202f")
_HARD_SPACES = frozenset("\u00a0\u202f")
# Counts this large are written grouped or with "million"; longer runs are ids.
MAX_COUNT_DIGITS = 7
# Marks chaining the groups of a phone number or a code: "202-555-0143".
_CODE_JOINERS = frozenset({"-", "."})


@dataclass(frozen=True, slots=True)
class Numeral:
    """A cardinal number covering tokens [first, last)."""

    first: int
    last: int
    value: float
    spelled: bool  # written in words
    implied: Qualifier | None = None  # "des centaines" carries its own qualifier
    scale: float = 1.0  # multiplier word applied ("million"), 1 if none


def find_numerals(
    text: str,
    tokens: Sequence[Token],
    lang: str,
    quoted: Sequence[tuple[int, int]] = (),
) -> list[Numeral]:
    """Every number in `tokens`, left to right, non-overlapping.

    `quoted` are character ranges inside quotation marks, where number words
    of the other language (French/English) are read too.
    """
    found = _digits(text, tokens, lang)
    found += _words(tokens, lang)
    if lang in SECOND_LANG and quoted:
        other = SECOND_LANG[lang]
        found += [
            n for n in _words(tokens, other)
            if _inside(tokens, n, quoted)
            and not (n.last - n.first == 1 and tokens[n.first].norm in _FALSE_FRIENDS[lang])
        ]  # fmt: skip
    found += _approximations(tokens)
    # On overlap the longest reading wins ("tens of thousands" over "tens"),
    # then the earlier kind: "3 millions" is digits with a multiplier, not
    # the round noun "millions".
    taken: set[int] = set()
    result: list[Numeral] = []
    for _, _, n in sorted((n.first - n.last, rank, n) for rank, n in enumerate(found)):
        span = set(range(n.first, n.last))
        if span & taken or any(tokens[i].protected for i in span):
            continue
        taken |= span
        result.append(n)
    return sorted(result, key=lambda n: n.first)


def _inside(tokens: Sequence[Token], n: Numeral, spans: Sequence[tuple[int, int]]) -> bool:
    start, end = tokens[n.first].start, tokens[n.last - 1].end
    return any(s <= start and end <= e for s, e in spans)


# ------------------------------------------------------------- round numbers


def _approximations(tokens: Sequence[Token]) -> list[Numeral]:
    result: list[Numeral] = []
    i = 0
    while i < len(tokens):
        match = cues.APPROXIMATIONS.match_at(tokens, i)
        if match is None:
            i += 1
            continue
        end, (value, qualifier) = match
        if tokens[end - 1].norm in cues.APPROX_NEEDS_OF and (
            end >= len(tokens) or tokens[end].norm != "of"
        ):
            i += 1
            continue
        scale = 1.0
        tail = cues.APPROX_TAILS.match_at(tokens, end)
        if tail is not None:
            end, scale = tail
        result.append(Numeral(i, end, value * scale, True, qualifier, scale))
        i = end
    return result


# -------------------------------------------------------------------- digits


def _digits(text: str, tokens: Sequence[Token], lang: str) -> list[Numeral]:
    result: list[Numeral] = []
    i = 0
    while i < len(tokens):
        if tokens[i].kind != "num" or _glued_to_digits_before(tokens, i):
            i += 1
            continue
        end, value = _digit_value(text, tokens, i, lang)
        code_end = _code_end(text, tokens, i, end)
        if code_end is not None:
            i = code_end  # a phone number or an identifier: none of its groups is a count
            continue
        end, value, scale = _multiplier(tokens, end, value, lang)
        result.append(Numeral(i, end, value, False, None, scale))
        i = end
    return result


def _glued_to_digits_before(tokens: Sequence[Token], i: int) -> bool:
    """A digit run right after "3," or "3." is the tail of another number."""
    return (
        i >= 2 and tokens[i].glued and tokens[i - 1].norm in {",", "."}
        and tokens[i - 1].glued and tokens[i - 2].kind == "num"
    )  # fmt: skip


def _digit_value(text: str, tokens: Sequence[Token], i: int, lang: str) -> tuple[int, float]:
    """Read a grouped, possibly decimal digit number starting at token `i`."""
    english = lang == "en"
    digits = tokens[i].text
    j = i + 1
    # Thousands groups only if the leading group has 1-3 digits and each
    # following one exactly 3: "2011 200" is two numbers.
    if len(digits) <= 3:
        while (nxt := _thousands_group(text, tokens, j, english)) is not None:
            digits += tokens[nxt - 1].text
            j = nxt
    value = float(int(digits))
    # Decimals: "1,5" in French, "2.5" in English (and in French wire copy).
    marks = {"."} if english else {",", "."}
    if (
        j + 1 < len(tokens) and tokens[j].norm in marks and tokens[j].glued
        and tokens[j + 1].kind == "num" and tokens[j + 1].glued
    ):  # fmt: skip
        value = float(f"{int(digits)}.{tokens[j + 1].text}")
        j += 2
    return j, value


def _code_end(text: str, tokens: Sequence[Token], i: int, read_end: int) -> int | None:
    """The end of the code starting at token `i`, or None if it is a number.

    `read_end` is where the grouped number read from `i` ends: digit groups
    chained on after it ("01 23 45 67 89") make no single number.
    """
    digits = tokens[i].text
    chain_end, groups = _digit_chain(text, tokens, i)
    if len(digits) > MAX_COUNT_DIGITS or (len(digits) > 1 and digits[0] == "0"):
        return max(chain_end, read_end)
    if groups >= 3 and chain_end > read_end:
        return chain_end
    return None


def _digit_chain(text: str, tokens: Sequence[Token], i: int) -> tuple[int, int]:
    """Digit groups from `i` joined by one space or a glued "-" or ".": (end, count)."""
    end, groups = i + 1, 1
    while end < len(tokens):
        tok = tokens[end]
        if tok.kind == "num" and text[tokens[end - 1].end : tok.start] in _SPACES:
            end, groups = end + 1, groups + 1
        elif (
            tok.norm in _CODE_JOINERS and tok.glued and end + 1 < len(tokens)
            and tokens[end + 1].kind == "num" and tokens[end + 1].glued
        ):  # fmt: skip
            end, groups = end + 2, groups + 1
        else:
            break
    return end, groups


def _thousands_group(text: str, tokens: Sequence[Token], j: int, english: bool) -> int | None:
    """If tokens from `j` continue a number with a 3-digit group, the index after it."""
    if j >= len(tokens):
        return None
    tok = tokens[j]
    if tok.kind == "num":
        gap = text[tokens[j - 1].end : tok.start]
        spaced = len(gap) == 1 and (gap in _HARD_SPACES or (gap in _SPACES and not english))
        return j + 1 if spaced and len(tok.text) == 3 else None
    # "1,200" in English, "1.200" in French: the mark is glued on both sides.
    if (
        tok.norm == ("," if english else ".") and tok.glued and j + 1 < len(tokens)
        and tokens[j + 1].kind == "num" and tokens[j + 1].glued and len(tokens[j + 1].text) == 3
    ):  # fmt: skip
        return j + 2
    return None


def _multiplier(
    tokens: Sequence[Token], j: int, value: float, lang: str
) -> tuple[int, float, float]:
    """Apply "million", "milliard", "bn"... following a number, and "et demi"."""
    if j >= len(tokens) or tokens[j].kind != "word" or tokens[j].protected:
        return j, value, 1.0
    word = tokens[j].norm
    scale = cues.MULTIPLIERS.get(word)
    if scale is None:
        return j, value, 1.0
    if word.startswith("billion") and lang in cues.LONG_SCALE_LANGS:
        scale = 1e12
    # "mille" after digits is rare but unambiguous; glued "2bn" is common in English.
    j += 1
    half = cues.HALF_AFTER_MULTIPLIER.match_at(tokens, j)
    if half is not None:
        j, extra = half
        value += extra
    return j, value * scale, scale


# ---------------------------------------------------------------------- words


class _Word:
    """The token protocol text2num's find_numbers expects."""

    __slots__ = ("_barrier", "_text")

    def __init__(self, token: Token) -> None:
        self._text = token.text
        # Digits and code are not number words; they must also stop a number
        # ("2 millions" is read by _digits, not as "millions").
        # Acronyms are names: "UN" is not the French "un".
        self._barrier = token.kind == "num" or token.protected or cues.is_acronym(token.text)

    def text(self) -> str:
        return self._text

    def nt_separated(self, previous: _Word) -> bool:
        return False

    def not_a_number_part(self) -> bool:
        return self._barrier


def _words(tokens: Sequence[Token], lang: str) -> list[Numeral]:
    if lang not in _TEXT2NUM_LANGS or not any(t.kind == "word" for t in tokens):
        return []
    result: list[Numeral] = []
    for occ in find_numbers([_Word(t) for t in tokens], lang, 0.0):
        first, last = occ.start, occ.end
        if occ.is_ordinal or not any(tokens[k].kind == "word" for k in range(first, last)):
            continue
        if any(tokens[k].kind == "num" for k in range(first, last)):
            continue
        words = [tokens[k].norm for k in range(first, last) if tokens[k].kind == "word"]
        if len(words) == 1 and words[0] in cues.ARTICLE_ONE and (
            cues.INCLUSION_CUES.match_before(tokens, first) is None
        ):
            continue  # "un homme": an article; but "six morts, dont un enfant" counts one
        if words[0] in cues.MAGNITUDE_WORDS:
            # "a hundred" / "a thousand": text2num leaves the article out.
            if first > 0 and tokens[first - 1].norm in {"a", "one"}:
                first -= 1
            elif len(words) == 1:
                continue
        scale = 1.0
        half = cues.HALF_AFTER_MULTIPLIER.match_at(tokens, last)
        value = float(occ.value)
        if half is not None and words[-1] in cues.MULTIPLIERS:
            scale = cues.MULTIPLIERS[words[-1]]
            last, extra = half
            value += extra * scale
        result.append(Numeral(first, last, value, True, None, scale))
    return result
