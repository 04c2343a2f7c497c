"""Figures: the counts a news article reports ("plus de 200 civils", "40 %").

`find_figures` turns the numbers of one block (see `numbers.py`) into
`Figure`s: it reads the qualifier before a number ("au moins", "up to"), the
second end of a range ("entre 200 et 300"), and the counted noun phrase after
it ("trois voitures piégées", "two of its members"), in the block's language
or, inside a quotation in the other one, in that language. It drops digits
that are part of something else ("G20", "3e", "14h30", "12/03"), and
`exclusions.py` drops the numbers that are not counts: dates, years, times,
ages, durations, reference numbers, names, labels.

A count inside another one is a figure of its own: "huit morts, dont trois
enfants" gives "huit morts" and "trois enfants"; with no noun of its own
("dont trois", "three of whom") it counts the enclosing figure's noun.
Detection only: who reported a figure is decided later by `site_builder.attribute`.
docs/figures.md lists the rules.
"""

from __future__ import annotations

from collections.abc import Sequence

from site_builder.annotate import cues
from site_builder.annotate.cues import Token
from site_builder.annotate.exclusions import may_be_plural, not_a_count
from site_builder.annotate.numbers import SECOND_LANG, Numeral, find_numerals
from site_builder.annotate.quotes import quote_spans
from site_builder.model import BlockLang, Figure, Qualifier

_DIGIT_JOINERS = frozenset({"/", ":", "-", "–", "."})
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
        lang = _reading_lang(tokens, numeral, quoted, block.lang)
        built = _figure(block, lang, tokens, numerals, k, used, outer)
        if built is not None and not any(
            s < built[0].end and built[0].start < e for s, e in protected
        ):  # a protected range between two tokens: the figure would straddle it
            figure, used = built
            figures.append(figure)
    return figures


def _figure(
    block: BlockLang,
    lang: str,
    tokens: Sequence[Token],
    numerals: Sequence[Numeral],
    k: int,
    floor: int,
    outer_unit: str,
) -> tuple[Figure, int] | None:
    """The figure numeral `k` starts, and the index of the token after it.

    Its words are read as `lang`. Nothing before token `floor` may be taken: it
    belongs to the previous figure. `outer_unit` is the unit of the figure this
    one is part of, or "".
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
    following = next((m.first for m in numerals[k + 1 :] if m.first >= last.last), len(tokens))
    unit, unit_words, end = _unit(tokens, last, lang, symbol, following)
    if not unit:
        # "âgés de 24 et 31 ans": the first number shares the second one's noun.
        shared = _coordinated(tokens, numerals, last)
        if shared is not None:
            unit, unit_words, _ = _unit(tokens, shared, lang, None)
    if not unit and outer_unit:
        unit = outer_unit  # "huit morts, dont trois": three of the dead
    if not_a_count(tokens, n, qualifier, unit, unit_words, lang):
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


def _reading_lang(
    tokens: Sequence[Token], n: Numeral, quoted: Sequence[tuple[int, int]], lang: str
) -> str:
    """The language a number's unit is read in: the block's, or the other one
    (French/English) in a quotation that holds more of its function words
    ("« 300 people were killed »" in a French block)."""
    other = SECOND_LANG.get(lang)
    at = tokens[n.first].start
    span = next(((s, e) for s, e in quoted if s <= at < e), None)
    if other is None or span is None:
        return lang
    words = [t.norm for t in tokens if span[0] <= t.start < span[1]]
    own, theirs = cues.unit_stop(lang), cues.unit_stop(other)
    return other if sum(w in theirs for w in words) > sum(w in own for w in words) else lang


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
    tokens: Sequence[Token], n: Numeral, lang: str, symbol: str | None, following: int = -1
) -> tuple[str, list[str], int]:
    """The counted noun phrase after a number: (unit, its head words, end token).

    `symbol` is a currency sign written before the number ("$2 million");
    `following` is the first token of the next number, which no unit starts at.
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
    stop = cues.unit_stop(lang)
    head_end, heads = _head(tokens, j, lang, n.value, stop)
    whole = cues.PARTITIVE_SETS.match_at(tokens, n.last)
    if not heads and whole is not None and whole[0] != following:
        # "two of its members", "deux de ses membres": a part of a plural set.
        j = whole[0]
        head_end, heads = _head(tokens, j, lang, n.value, stop)
        if not any(map(may_be_plural, heads)):
            heads = []  # "two of the world's": no plural set
    if not heads:
        return "", [], n.last
    end = _complement(tokens, head_end, stop)
    return _slice(tokens, j, end), heads, end


def _head(
    tokens: Sequence[Token], j: int, lang: str, value: float, stop: frozenset[str]
) -> tuple[int, list[str]]:
    if lang == "en":
        return _english_head(tokens, j, stop)
    return _french_head(tokens, j, value, stop)


def _english_head(tokens: Sequence[Token], j: int, stop: frozenset[str]) -> tuple[int, list[str]]:
    """ "Syrian civilians", "armed men": up to three words, before any verb.

    The head of an English noun phrase is its last word: after a plural
    ("displaced families live") the phrase ends. An adverb in "-ly" ("newly
    identified victims") is passed over, not part of the unit."""
    words: list[str] = []
    last = j
    while len(words) < cues.UNIT_MAX_WORDS and (end := _word_group(tokens, j, stop)) is not None:
        norm = tokens[j].norm
        if words and norm.endswith(("ed", "ing")):
            break  # "people killed": the participle starts a reduced clause
        if norm.endswith("ly") and norm not in cues.LY_NOUNS:
            j = end  # an adverb: kept in the text only when a noun follows it
            continue
        words.append(norm)
        j = last = end
        if _english_plural(norm):
            break
    return last, words


def _english_plural(norm: str) -> bool:
    """ "civilians", "families": a plural ends an English noun phrase ("Syrian civilians")."""
    return len(norm) > 3 and norm.endswith("s") and not norm.endswith(
        ("ss", "us", "is", "ics")) and norm not in cues.S_MODIFIERS


def _french_head(
    tokens: Sequence[Token], j: int, value: float, stop: frozenset[str]
) -> tuple[int, list[str]]:
    """ "civils", "combattants kurdes": a noun and up to two adjectives after it."""
    end = _word_group(tokens, j, stop)
    if end is None or (value > 1 and _looks_finite(tokens[j].norm)):
        return j, []
    words = [tokens[j].norm]
    j = end
    while len(words) < cues.UNIT_MAX_WORDS and (end := _word_group(tokens, j, stop)) is not None:
        tok = tokens[j]
        if tok.text[:1].isupper() or _looks_finite(tok.norm):
            break
        words.append(tok.norm)
        j = end
    return j, words


def _looks_finite(norm: str) -> bool:
    """French "-ent" words after a plural are verbs ("meurent") or adverbs ("notamment")."""
    return norm.endswith("ent")


def _complement(tokens: Sequence[Token], j: int, stop: frozenset[str]) -> int:
    """Keep one "de + det + noun" complement: "des deux camps", "of the army"."""
    if j >= len(tokens) or tokens[j].norm not in cues.UNIT_COMPLEMENT or tokens[j].protected:
        return j
    k = j + 1
    if k < len(tokens) and (
        tokens[k].norm in cues.UNIT_COMPLEMENT_DETS or tokens[k].kind == "num"
        or tokens[k].norm in cues.SMALL_NUMBER_WORDS
    ):  # fmt: skip
        k += 1
    end = _word_group(tokens, k, stop)
    if end is None or tokens[k].norm in cues.TIME_UNITS:
        return j
    # One adjective may follow in French: "de l'armée syrienne".
    adjective = _word_group(tokens, end, stop)
    if adjective is not None and tokens[end].text[:1].islower() and not _looks_finite(
        tokens[end].norm
    ):
        end = adjective
    return end


def _word_group(tokens: Sequence[Token], j: int, stop: frozenset[str]) -> int | None:
    """A content word, with hyphenated parts ("porte-parole"), or None.

    `stop` holds the function words of the block's language (`cues.unit_stop`).
    """
    if j >= len(tokens) or tokens[j].kind != "word" or tokens[j].protected:
        return None
    if tokens[j].norm in stop or cues.is_elided(tokens[j]):
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
