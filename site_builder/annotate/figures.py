"""Figures: the counts a news article reports ("plus de 200 civils", "40 %").

`find_figures` turns the numbers of one block (see `numbers.py`) into
`Figure`s: it reads the qualifier before a number ("au moins", "up to"), the
second end of a range ("entre 200 et 300"), and the counted noun phrase after
it, and it throws away numbers that are not counts: dates, years, times,
durations, ordinals, article numbers, numbers inside names, number words
used as pronouns ("les deux"), clock times ("1750 GMT", "17 h 50"), ages
("Jane Doe, 31,"), numbers describing a singular noun ("a 2005 video") and
labels after a singular determiner ("le 1122").

A count inside another one is a figure of its own: "huit morts, dont trois
enfants" gives "huit morts" and "trois enfants"; with no noun of its own
("dont trois", "three of whom") it counts the enclosing figure's noun.
Detection only: who reported a figure is decided later by `attribution.py`.
docs/figures.md lists the rules.
"""

from __future__ import annotations

from collections.abc import Sequence

from site_builder.annotate import cues
from site_builder.annotate.cues import Token
from site_builder.annotate.numbers import Numeral, find_numerals
from site_builder.annotate.quotes import quote_spans
from site_builder.model import BlockLang, Figure, Qualifier

_SENTENCE_PUNCT = frozenset(".!?:;«»“”\"(")
_DIGIT_JOINERS = frozenset({"/", ":", "-", "–", "."})
_MAX_DAY = 31
_MAX_AGE = 120
_MAX_MINUTE = 59
_VOWELS = frozenset("aeiouyàâéèêëîïôûù")
# Marks that end the clause a sub-count must share with its enclosing figure.
_CLAUSE_END = frozenset(".!?;:«»“”\"")


def find_figures(block: BlockLang, protected: Sequence[tuple[int, int]] = ()) -> list[Figure]:
    """Every figure of one block, left to right, with `source` left empty."""
    tokens = cues.tokenize(block.text, protected)
    quoted = quote_spans(block.text, protected)
    numerals = find_numerals(block.text, tokens, block.lang, quoted)
    figures: list[Figure] = []
    used = 0  # tokens before this index belong to a figure already
    for k, numeral in enumerate(numerals):
        if numeral.first < used:
            continue
        outer = _enclosing_unit(tokens, numeral, figures[-1] if figures else None, used)
        built = _figure(block, tokens, numerals, k, used, outer)
        if built is not None and not any(
            s < built[0].end and built[0].start < e for s, e in protected
        ):  # a protected range between two tokens: the figure would straddle it
            figure, used = built
            figures.append(figure)
    return figures


def _figure(
    block: BlockLang,
    tokens: Sequence[Token],
    numerals: Sequence[Numeral],
    k: int,
    floor: int,
    outer_unit: str,
) -> tuple[Figure, int] | None:
    """The figure numeral `k` starts, and the index of the token after it.

    Nothing before token `floor` may be taken: it belongs to the previous figure.
    `outer_unit` is the unit of the figure this one is part of, or "".
    """
    n = numerals[k]
    if _bad_form(tokens, n) or (_is_article_one(tokens, n) and not outer_unit):
        return None
    start = max(_currency_prefix(tokens, n.first), min(floor, n.first))
    symbol = tokens[n.first - 1].text if start < n.first else None
    value = n.value
    last = n
    ranged = _range(tokens, numerals, k)
    if ranged is not None:
        upper, start = ranged
        start = max(start, min(floor, n.first))
        qualifier: Qualifier = "range"
        if n.scale == 1 and upper.scale > 1 and n.value * upper.scale < upper.value:
            value = n.value * upper.scale  # "entre 2 et 3 millions": 2 million
        last = upper
    else:
        before = cues.QUALIFIERS.match_before(tokens, start)
        if before is not None and before[0] >= floor:
            start, qualifier = before
        else:
            qualifier = n.implied or "exact"
    unit, unit_words, end = _unit(tokens, last, block.lang, symbol)
    if not unit:
        # "âgés de 24 et 31 ans": the first number shares the second one's noun.
        shared = _coordinated(tokens, numerals, last)
        if shared is not None:
            unit, unit_words, _ = _unit(tokens, shared, block.lang, None)
    if not unit and outer_unit:
        unit = outer_unit  # "huit morts, dont trois": three of the dead
    if _not_a_count(tokens, n, qualifier, unit, unit_words, block.lang):
        return None
    first_char, last_char = tokens[start].start, tokens[end - 1].end
    figure = Figure(
        text=block.text[first_char:last_char],
        value=value,
        qualifier=qualifier,
        unit=unit,
        block=block.id,
        start=first_char,
        end=last_char,
    )
    return figure, end


# ------------------------------------------------------------ sub-counts


def _enclosing_unit(
    tokens: Sequence[Token], n: Numeral, outer: Figure | None, outer_end: int
) -> str:
    """The unit of the figure `n` is part of, or "": "huit morts, dont trois" -> "morts".

    `outer` is the previous figure, ending at token `outer_end`. `n` is part of
    it when an inclusion cue comes right before `n` and its qualifier ("dont au
    moins trois"), or a partitive right after it ("three of whom"), and no
    sentence or quotation mark stands between them.
    """
    if outer is None or not outer.unit or n.first < outer_end:
        return ""
    if any(t.norm in _CLAUSE_END for t in tokens[outer_end : n.first]):
        return ""
    qualifier = cues.QUALIFIERS.match_before(tokens, n.first)
    cue = cues.INCLUSION_CUES.match_before(tokens, n.first if qualifier is None else qualifier[0])
    if cue is not None:
        # "Six familles ont quitté la ville, dont un quartier...": after other
        # words, "dont un" is a relative clause about them, not one of the six.
        if _is_article_one(tokens, n) and any(
            t.kind != "punct" for t in tokens[outer_end : cue[0]]
        ):
            return ""
        return outer.unit
    return outer.unit if cues.PARTITIVE_CUES.match_at(tokens, n.last) is not None else ""


def _is_article_one(tokens: Sequence[Token], n: Numeral) -> bool:
    """A lone "un", "une", "one": a count only inside another figure ("dont un enfant")."""
    return n.spelled and n.last - n.first == 1 and tokens[n.first].norm in cues.ARTICLE_ONE


# ------------------------------------------------------------------ the number


def _bad_form(tokens: Sequence[Token], n: Numeral, *, check_before: bool = True) -> bool:
    """Digits that are part of something else: "G20", "3e", "14h30", "12/03", "Covid-19".

    `check_before` is False for the upper end of "200-300", whose hyphen is fine.
    """
    if n.spelled:
        return False
    first, last = tokens[n.first], tokens[n.last - 1]
    before = tokens[n.first - 1] if n.first > 0 else None
    if check_before and before is not None and first.glued:
        if before.kind == "word":
            return True  # "G20", "A320", "M23"
        if before.norm in _DIGIT_JOINERS and n.first > 1 and before.glued and (
            tokens[n.first - 2].kind in ("word", "num")
        ):
            return True  # "Covid-19", "12/03", "10:30", "2026-03-12"
        if before.norm in cues.REFERENCE_SIGNS:
            return True  # "n°5", "#3"
    if n.last < len(tokens) and tokens[n.last].glued:
        after = tokens[n.last]
        if after.kind == "word" and after.norm not in cues.GLUED_UNITS:
            return True  # "3e", "21st", "14h", "5G"
        if after.norm == "-" and n.last + 1 < len(tokens) and (
            tokens[n.last + 1].kind == "word" and tokens[n.last + 1].glued
        ):
            return True  # "a 72-hour truce", "a 20-year-old man": a modifier, not a count
        if after.norm in _DIGIT_JOINERS - {"-", "–", "."} and n.last + 1 < len(tokens) and (
            tokens[n.last + 1].kind == "num" and tokens[n.last + 1].glued
        ):
            return True  # "12/03", "10:30"
    return last.kind == "num" and _is_dotted_date(tokens, n)


def _is_dotted_date(tokens: Sequence[Token], n: Numeral) -> bool:
    """ "2026-03-12" and "12.03.2026": three numbers chained by the same mark."""
    j = n.last
    return (
        j + 3 < len(tokens) and tokens[j].norm in {"-", "."} and tokens[j].glued
        and tokens[j + 1].kind == "num" and tokens[j + 2].norm == tokens[j].norm
        and tokens[j + 2].glued and tokens[j + 3].kind == "num"
    )  # fmt: skip


def _currency_prefix(tokens: Sequence[Token], first: int) -> int:
    """Include "$" in "$2 million" (and "US" in "US$")."""
    if first > 0 and tokens[first - 1].text in cues.CURRENCY_SYMBOLS:
        if tokens[first - 1].protected:
            return first
        first -= 1
        if first > 0 and tokens[first].glued and tokens[first - 1].norm == "us" and not (
            tokens[first - 1].protected
        ):
            first -= 1
    return first


def _range(
    tokens: Sequence[Token], numerals: Sequence[Numeral], k: int
) -> tuple[Numeral, int] | None:
    """ "entre 200 et 300", "200 à 300", "two or three": (upper end, first token)."""
    if k + 1 >= len(numerals):
        return None
    n, upper = numerals[k], numerals[k + 1]
    if upper.first != n.last + 1 or _bad_form(tokens, upper, check_before=False):
        return None
    if tokens[n.last].protected:
        return None
    joiner = tokens[n.last].norm
    opener = tokens[n.first - 1] if n.first > 0 else None
    low = n.value * upper.scale if n.scale == 1 and upper.scale > 1 else n.value
    if upper.value <= min(low, n.value):
        return None
    if opener is not None and not opener.protected and (
        joiner in cues.RANGE_OPENERS.get(opener.norm, ())
    ):
        return upper, n.first - 1
    if joiner in cues.BARE_RANGE_JOINERS:
        return upper, n.first
    return None


def _coordinated(
    tokens: Sequence[Token], numerals: Sequence[Numeral], n: Numeral
) -> Numeral | None:
    """The number right after "et", "ou", "and", "or" or a comma following `n`."""
    if n.last >= len(tokens) or tokens[n.last].norm not in cues.COORDINATORS:
        return None
    return next((m for m in numerals if m.first == n.last + 1), None)


# --------------------------------------------------------------------- the unit


def _unit(
    tokens: Sequence[Token], n: Numeral, lang: str, symbol: str | None
) -> tuple[str, list[str], int]:
    """The counted noun phrase after a number: (unit, its head words, end token).

    `symbol` is a currency sign written before the number ("$2 million").
    """
    j = n.last
    if symbol is not None:
        return symbol, [], j
    percent = cues.PERCENT.match_at(tokens, j)
    if percent is not None:
        return "%", [], percent[0]
    if j < len(tokens) and not tokens[j].protected:
        tok = tokens[j]
        if tok.text in cues.CURRENCY_SYMBOLS or (tok.glued and tok.norm in cues.GLUED_UNITS):
            return tok.text, [tok.norm], j + 1
    partitive = cues.PARTITIVE_CUES.match_at(tokens, j)
    if partitive is not None:
        j = partitive[0]  # "12 of them children": the noun follows "of them"
    # "millions de personnes", "hundreds of civilians": the noun follows "de"/"of".
    if (
        j + 1 < len(tokens) and tokens[j].norm in {"de", "of"}
        and (n.scale > 1 or n.implied is not None or tokens[j - 1].norm in cues.MAGNITUDE_WORDS)
    ):  # fmt: skip
        j += 1
    head_end, heads = (
        _english_head(tokens, j) if lang == "en" else _french_head(tokens, j, n.value)
    )
    if not heads:
        return "", [], n.last
    end = _complement(tokens, head_end)
    return _slice(tokens, j, end), heads, end


def _english_head(tokens: Sequence[Token], j: int) -> tuple[int, list[str]]:
    """ "Syrian civilians", "armed men": up to three words, before any verb."""
    words: list[str] = []
    while len(words) < cues.UNIT_MAX_WORDS and (end := _word_group(tokens, j)) is not None:
        norm = tokens[j].norm
        if words and norm.endswith(("ed", "ing")):
            break  # "people killed": the participle starts a reduced clause
        words.append(norm)
        j = end
    return j, words


def _french_head(tokens: Sequence[Token], j: int, value: float) -> tuple[int, list[str]]:
    """ "civils", "combattants kurdes": a noun and up to two adjectives after it."""
    end = _word_group(tokens, j)
    if end is None or (value > 1 and _looks_finite(tokens[j].norm)):
        return j, []
    words = [tokens[j].norm]
    j = end
    while len(words) < cues.UNIT_MAX_WORDS and (end := _word_group(tokens, j)) is not None:
        tok = tokens[j]
        if tok.text[:1].isupper() or _looks_finite(tok.norm):
            break
        words.append(tok.norm)
        j = end
    return j, words


def _looks_finite(norm: str) -> bool:
    """French "-ent" words after a plural are verbs ("meurent") or adverbs ("notamment")."""
    return norm.endswith("ent")


def _complement(tokens: Sequence[Token], j: int) -> int:
    """Keep one "de + det + noun" complement: "des deux camps", "of the army"."""
    if j >= len(tokens) or tokens[j].norm not in cues.UNIT_COMPLEMENT or tokens[j].protected:
        return j
    k = j + 1
    if k < len(tokens) and (
        tokens[k].norm in cues.UNIT_COMPLEMENT_DETS or tokens[k].kind == "num"
        or tokens[k].norm in cues.SMALL_NUMBER_WORDS
    ):  # fmt: skip
        k += 1
    end = _word_group(tokens, k)
    if end is None or tokens[k].norm in cues.TIME_UNITS:
        return j
    # One adjective may follow in French: "de l'armée syrienne".
    adjective = _word_group(tokens, end)
    if adjective is not None and tokens[end].text[:1].islower() and not _looks_finite(
        tokens[end].norm
    ):
        end = adjective
    return end


def _word_group(tokens: Sequence[Token], j: int) -> int | None:
    """A content word, with hyphenated parts ("porte-parole"), or None."""
    if j >= len(tokens) or tokens[j].kind != "word" or tokens[j].protected:
        return None
    if tokens[j].norm in cues.UNIT_STOP or cues.is_elided(tokens[j]):
        return None
    end = j + 1
    while (
        end + 1 < len(tokens) and tokens[end].norm == "-" and tokens[end].glued
        and tokens[end + 1].kind == "word" and tokens[end + 1].glued
    ):  # fmt: skip
        end += 2
    return end


def _slice(tokens: Sequence[Token], i: int, j: int) -> str:
    """The original text of tokens [i, j), spaces included."""
    parts: list[str] = []
    for k in range(i, j):
        if k > i and not tokens[k].glued:
            parts.append(" ")
        parts.append(tokens[k].text)
    return "".join(parts)


# -------------------------------------------------------------- not a count


def _not_a_count(
    tokens: Sequence[Token],
    n: Numeral,
    qualifier: Qualifier,
    unit: str,
    heads: list[str],
    lang: str,
) -> bool:
    before = tokens[n.first - 1] if n.first > 0 else None
    after = tokens[n.last] if n.last < len(tokens) else None
    if set(heads) & (cues.TIME_UNITS | cues.FREQUENCY_UNITS):
        return True  # "24 heures", "depuis trois jours", "for three days", "deux fois"
    if _date_or_time(tokens, n, before, after) or _clock_time(tokens, n, unit):
        return True
    if _year(tokens, n, before if qualifier == "exact" else None, unit):
        return True
    if _age(tokens, n, unit) or _describes_singular(tokens, n, unit, heads, lang):
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
    if not unit and before is not None and _is_name_part(tokens, n.first - 1):
        return True  # "Boeing 737", "Windows 10"
    if n.spelled and n.implied is None and qualifier == "exact":
        # "les deux camps", "l'un des deux": a number word naming a known set.
        if before is not None and before.norm in cues.DEFINITE_DETS:
            return True
        if not unit:
            return True  # "les deux", "tous les trois": pronoun-like
    return False


def _date_or_time(
    tokens: Sequence[Token], n: Numeral, before: Token | None, after: Token | None
) -> bool:
    day_like = n.value <= _MAX_DAY and n.value == int(n.value)
    if after is not None and after.norm in cues.MONTHS and day_like:
        return True  # "le 12 mars", "12 March"
    if before is not None and before.norm == "." and n.first > 1:
        before = tokens[n.first - 2]  # "Feb. 8", "sept. 2025"
    if before is not None and (before.norm in cues.MONTHS or before.norm in cues.WEEKDAYS):
        return True  # "mars 2026", "March 12", "lundi 12"
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
    if n.value < 2 or not heads or unit[:1].isupper() or any(map(_may_be_plural, heads)):
        return False
    if lang == "fr":
        return True
    indefinite = n.first > 0 and tokens[n.first - 1].norm in {"a", "an"}
    return lang == "en" and (indefinite or _year_shaped(tokens, n))


def _may_be_plural(word: str) -> bool:
    """ "-s"/"-x" plurals, "people", "20 killed", and units that never inflect ("mph")."""
    return (
        word.endswith(("s", "x", "z", "ed")) or word in cues.PLURALS_WITHOUT_S
        or word in cues.GLUED_UNITS or not any(c in _VOWELS for c in word)
    )  # fmt: skip


def _is_name_part(tokens: Sequence[Token], i: int) -> bool:
    """A capitalized word that does not open a sentence: "Boeing" in "Boeing 737"."""
    tok = tokens[i]
    if tok.kind != "word" or not tok.text[:1].isupper():
        return False
    if i == 0 or tokens[i - 1].norm in _SENTENCE_PUNCT:
        return False
    return tok.norm not in cues.UNIT_STOP
