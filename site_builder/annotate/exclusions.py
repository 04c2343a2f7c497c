"""Numbers that are not counts: dates, years, times, ages, names, labels.

`figures.py` reads a number, its qualifier and the noun after it; this module
says whether the result is nevertheless no figure: a date ("le 12 mars"), a
year ("en 2011"), a clock time ("1750 GMT", "17 h 50"), an age ("Jane Doe,
31,"), a duration or a frequency ("24 heures", "trois fois"), a reference
number ("l'article 51"), part of a name ("Boeing 737"), a number describing a
singular noun ("a 2005 video"), a label after a singular determiner ("le
1122"), or a number word used as a pronoun ("les deux"). The word lists are
in `cues.py`; docs/figures.md lists the rules.
"""

from __future__ import annotations

from collections.abc import Sequence

from site_builder.annotate import cues
from site_builder.annotate.cues import Token
from site_builder.annotate.numbers import Numeral
from site_builder.model import Qualifier

_SENTENCE_PUNCT = frozenset(".!?:;«»“”\"(")
_MAX_DAY = 31
_MAX_AGE = 120
_MAX_MINUTE = 59
_VOWELS = frozenset("aeiouyàâéèêëîïôûù")


def not_a_count(
    tokens: Sequence[Token],
    n: Numeral,
    qualifier: Qualifier,
    unit: str,
    heads: list[str],
    lang: str,
) -> bool:
    """Is number `n`, read with `qualifier` and the noun `unit` (head words
    `heads`) in a block of language `lang`, something other than a count?"""
    before = tokens[n.first - 1] if n.first > 0 else None
    after = tokens[n.last] if n.last < len(tokens) else None
    if set(heads) & (cues.TIME_UNITS | cues.FREQUENCY_UNITS | cues.MEASURE_UNITS):
        return True  # "24 heures", "for three days", "deux fois", "10 kilomètres", "120 mph"
    if _date_or_time(tokens, n, before, after, unit) or _clock_time(tokens, n, unit):
        return True
    if _year(tokens, n, before if qualifier == "exact" else None, unit):
        return True
    if _age(tokens, n, unit) or _describes_singular(tokens, n, unit, heads, lang):
        return True
    if _threshold(tokens, n, unit):
        return True
    if not unit and n.value >= 2 and before is not None and before.norm in cues.SINGULAR_DETS:
        return True  # "le 1122": a count above one never takes a singular determiner
    if before is not None and (
        before.norm in cues.REFERENCE_NOUNS or before.norm in cues.REFERENCE_SIGNS
        or (
            before.norm == "." and n.first > 1
            and tokens[n.first - 2].norm in cues.REFERENCE_ABBREVIATIONS
        )
    ):  # fmt: skip
        return True  # "l'article 51", "la résolution 2254", "No. 5"
    if not unit and before is not None and _is_name_part(tokens, n.first - 1, lang):
        return True  # "Boeing 737", "Windows 10"
    if n.spelled and n.implied is None and qualifier == "exact":
        # "les deux camps", "l'un des deux": a number word naming a known set.
        if before is not None and before.norm in cues.DEFINITE_DETS:
            return True
        if not unit:
            return True  # "les deux", "tous les trois": pronoun-like
    return False


def _date_or_time(
    tokens: Sequence[Token], n: Numeral, before: Token | None, after: Token | None,
    unit: str = "",
) -> bool:
    day_like = n.value <= _MAX_DAY and n.value == int(n.value)
    if after is not None and after.norm in cues.months() and day_like:
        return True  # "le 12 mars", "12 March"
    if before is not None and before.norm == "." and n.first > 1:
        before = tokens[n.first - 2]  # "Feb. 8", "sept. 2025"
    if before is not None and before.norm in cues.months():
        return True  # "mars 2026", "March 12"
    if before is not None and before.norm in cues.weekdays():
        # "lundi 12", but "a confirmé jeudi 27 cas": a weekday, a number and a
        # lowercase counted noun is when something was counted, not a date.
        counted = after is not None and after.kind == "word" and after.text[:1].islower()
        return not (counted and unit[:1].islower() and n.value == int(n.value))
    if after is not None and after.norm in {"h", "heures", "am", "pm"}:
        return True  # "vers 14 h", "10 am"
    nxt = [t.norm for t in tokens[n.last : n.last + 3]]
    return nxt in (["a", ".", "m"], ["p", ".", "m"])  # "10 a.m."


def _clock_time(tokens: Sequence[Token], n: Numeral, unit: str) -> bool:
    """ "1750 GMT", "0600 local time", and the minutes of "17 h 50"."""
    if cues.TIME_ZONES.match_at(tokens, n.last) is not None:
        return True
    hour_mark = tokens[n.first - 1] if n.first > 1 else None
    return (
        not unit and hour_mark is not None and hour_mark.norm in {"h", "heure", "heures"}
        and tokens[n.first - 2].kind == "num" and n.value <= _MAX_MINUTE
    )  # fmt: skip


def _age(tokens: Sequence[Token], n: Numeral, unit: str) -> bool:
    """A bare number after a name or "aged": "Jane Doe, 31,", "Marie Dupont (52)"."""
    if unit or n.spelled or n.value > _MAX_AGE:
        return False
    if cues.AGE_CUES.match_before(tokens, n.first) is not None:
        return True
    if n.first < 2 or tokens[n.first - 1].norm not in {",", "("}:
        return False
    name = tokens[n.first - 2]
    closer = tokens[n.last].norm if n.last < len(tokens) else "."
    closers = {")"} if tokens[n.first - 1].norm == "(" else {",", ".", ";", ")"}
    # The number closes an apposition to a capitalized name: "Doe, 31, was".
    return name.kind == "word" and name.text[:1].isupper() and closer in closers


# Comparatives that, right after a noun, set a threshold on it: "children under
# five", "people over 65", "incomes below 2". A count does not follow a noun so.
_THRESHOLDS = frozenset({"under", "over", "above", "below"})


def _threshold(tokens: Sequence[Token], n: Numeral, unit: str) -> bool:
    """A bare number after a noun and a comparative: an age or a bound, not a count."""
    if unit or n.first < 2:
        return False
    word, noun = tokens[n.first - 1], tokens[n.first - 2]
    return word.norm in _THRESHOLDS and noun.kind == "word" and noun.norm not in cues.UNIT_STOP


def _year(tokens: Sequence[Token], n: Numeral, before: Token | None, unit: str) -> bool:
    """A bare 4-digit number in 1800-2100 after "en", "since"... or with no noun."""
    if not _year_shaped(tokens, n):
        return False
    return not unit or unit[:1].isupper() or (before is not None and before.norm in cues.YEAR_CUES)


def _year_shaped(tokens: Sequence[Token], n: Numeral) -> bool:
    """Four plain digits between 1800 and 2100: "2005", not "2,005" nor "2005 millions"."""
    if n.spelled or n.scale != 1 or n.last - n.first != 1:
        return False
    digits = tokens[n.first].text
    low, high = cues.YEAR_RANGE
    return len(digits) == 4 and low <= int(digits) <= high


def _describes_singular(
    tokens: Sequence[Token], n: Numeral, unit: str, heads: Sequence[str], lang: str
) -> bool:
    """A number above one before a singular noun describes it, it does not count it:
    "a 2005 video", "a 3 million dollar contract", "une vidéo de 2005 montrant".

    In English, adverbs after a real count look singular too ("40 more
    overnight"), so there it also needs "a"/"an" before it or a year's shape.
    """
    if n.value < 2 or not heads or unit[:1].isupper() or any(map(may_be_plural, heads)):
        return False
    if lang == "fr":
        return True
    indefinite = n.first > 0 and tokens[n.first - 1].norm in {"a", "an"}
    return lang == "en" and (indefinite or _year_shaped(tokens, n))


def may_be_plural(word: str) -> bool:
    """ "-s"/"-x" plurals, "people", "20 killed", and units that never inflect ("mph")."""
    return (
        word.endswith(("s", "x", "z", "ed")) or word in cues.PLURALS_WITHOUT_S
        or word in cues.GLUED_UNITS or not any(c in _VOWELS for c in word)
    )  # fmt: skip


def _is_name_part(tokens: Sequence[Token], i: int, lang: str) -> bool:
    """A capitalized word that does not open a sentence: "Boeing" in "Boeing 737"."""
    tok = tokens[i]
    if tok.kind != "word" or not tok.text[:1].isupper():
        return False
    if i == 0 or tokens[i - 1].norm in _SENTENCE_PUNCT:
        return False
    return tok.norm not in cues.unit_stop(lang)
