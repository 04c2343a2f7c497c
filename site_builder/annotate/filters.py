"""Post-filters: what a statistical model tags but cannot be a named entity.

Every rule works on the normalized text of the analysed unit (straight
apostrophes, plain spaces), is pure and language-aware through
`lexicon`. Mentions are *trimmed* when the junk is at an edge ("l'ONU" ->
"ONU", "Le ministère" -> "ministère", "Macron's" -> "Macron") and dropped only
when nothing worth keeping is left, or when the mention is a clause rather
than a name.

`clean()` is the entry point; the individual rules are public so each can be
tested on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from site_builder import wordlists
from site_builder.annotate import lexicon as lx
from site_builder.annotate.acronyms import AcronymContext, is_all_caps
from site_builder.annotate.labels import head_word
from site_builder.slugs import strip_marks

# Above this many words a "name" is a sentence fragment. The longest common
# names ("Organisation des Nations unies pour l'alimentation et l'agriculture")
# reach 10 words.
MAX_WORDS = 10
# A single character is an initial or a stray clitic ("n" of "n'"), never a name.
MIN_LETTERS = 2

_CAPS_WORD = re.compile(r"[^\W_][\w&.\-]*")
_ELISION = re.compile(r"[^\W_]+'")
_SIMPLE_WORD = re.compile(r"[^\W_]+")
_LEADING_WORD = re.compile(r"([^\W_]+'?)(\s+|(?<=')(?=[^\W_]))")
_TRAILING_WORD = re.compile(r"(?:^|(?<=\s))([^\W_]+'?)$")
# Sentence punctuation: "!", "?", ";" or a line break anywhere, "." or ":" before a space.
_SENTENCE_PUNCT = re.compile(r"[!?;\n]|[.:](?=\s)")
_POSSESSIVE = re.compile(r"'s?$", re.IGNORECASE)
_OPENERS = {"(": ")", "[": "]"}


@dataclass(frozen=True, slots=True)
class Context:
    """What the filters may look at around a mention."""

    text: str  # the normalized unit text
    lang: str
    sentence_starts: frozenset[int] = frozenset({0})
    acronyms: AcronymContext = field(default_factory=AcronymContext)

    def starts_sentence(self, pos: int) -> bool:
        """Whether only spaces and punctuation separate `pos` from a sentence start."""
        i = pos
        while i > 0 and not self.text[i - 1].isalnum() and i not in self.sentence_starts:
            i -= 1
        return i in self.sentence_starts


def trim_punctuation(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop non-word characters at both edges, keeping a balanced closing bracket
    and the full stop of an abbreviation ("Inc.", "J.")."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        ch = text[end - 1]
        span = text[start:end]
        if ch in _OPENERS.values():
            opener = next(o for o, c in _OPENERS.items() if c == ch)
            if span.count(opener) >= span.count(ch):
                break
        if ch == "." and (m := re.search(r"([^\W\d_]+)\.$", span)):
            word = m.group(1)
            if len(word) == 1 or word.casefold() in lx.abbreviations():
                break
        end -= 1
    return start, end


def trim_leading(ctx: Context, start: int, end: int, kind: str) -> tuple[int, int]:
    """Drop leading elisions ("l'"), determiners and prepositions ("le", "selon"),
    and for persons leading lower-case titles ("président")."""
    text, lang = ctx.text, ctx.lang
    elisions = lx.words("elisions", lang)
    determiners = lx.words("determiners", lang)
    initial = lx.words("sentence_initial", lang)
    while start < end:
        m = _LEADING_WORD.match(text, start, end)
        if not m:
            break
        word = m.group(1)
        folded = word.casefold()
        after = m.end()
        if after >= end:
            break  # never trim the last word: the caller decides whether to drop it
        particle = kind == "person" and _leads_to_name(text, m.start(), end)
        if word.endswith("'"):
            if folded not in elisions or particle:
                break
        elif folded in determiners and not particle:
            capitalized = word[0].isupper()
            next_lower = text[after].islower()
            sentence_initial = folded in initial and ctx.starts_sentence(start)
            # "Les Forces de soutien rapide", "The Arakan Army": organizations are
            # named without their article (press titles, "Le Monde", are not
            # headed by an organization noun).
            organization = capitalized and not next_lower and \
                head_word(text[after:end], lang) in lx.words("organization_heads", lang)
            if capitalized and not (next_lower or sentence_initial or organization):
                break  # "Le Monde", "La Haye", "Les Républicains"
        elif kind == "person" and word.islower() and not particle:
            pass  # a title before a name: "président", "ministre"
        else:
            break
        start = after
    return start, end


def _leads_to_name(text: str, pos: int, end: int) -> bool:
    """Whether the particles from `pos` introduce a surname ("de Gaulle", "von der
    Leyen"): they are followed by exactly one capitalized word. "le président",
    or "de Joe Biden" (a preposition before a full name), are not."""
    tokens = re.findall(r"[^\W_]+'?", text[pos:end])
    rest = 0
    while rest < len(tokens) and tokens[rest].casefold() in lx.leading_particles() \
            and not tokens[rest][0].isupper():
        rest += 1
    return 0 < rest == len(tokens) - 1 and tokens[rest][0].isupper()


def trim_trailing(ctx: Context, start: int, end: int) -> tuple[int, int]:
    """Drop a trailing elision or preposition ("... de l'"), possessives ("'s") and an
    opening parenthesis left unclosed."""
    text, lang = ctx.text, ctx.lang
    elisions = lx.words("elisions", lang)
    determiners = lx.words("determiners", lang)
    while start < end:
        span = text[start:end]
        opened = span.rfind("(")
        if opened > 0 and ")" not in span[opened:]:
            # "World Health Organization (WHO": the acronym in parentheses is a
            # mention of its own, not part of the long name.
            end = start + opened
            while end > start and text[end - 1].isspace():
                end -= 1
            continue
        if lang == "en" and (m := _POSSESSIVE.search(span)) and m.start() > 0 and (
            m.group() != "'" or span[m.start() - 1] in "sS"
        ):
            end = start + m.start()
            continue
        m = _TRAILING_WORD.search(span)
        if not m or m.start() == 0:
            break
        word = m.group(1)
        folded = word.casefold()
        if (word.endswith("'") and folded in elisions) or (
            word.islower() and folded in determiners
        ):
            end = start + m.start()
            while end > start and text[end - 1].isspace():
                end -= 1
            continue
        break
    return start, end


def words(span: str) -> list[str]:
    return _SIMPLE_WORD.findall(span)


def is_function_word(span: str, lang: str) -> bool:
    """A lone pronoun, article, clitic or auxiliary: "Il", "Les", "n'", "qu'"."""
    folded = span.casefold().strip()
    # The trailing apostrophe of "n'" may already have been trimmed as punctuation.
    words = lx.never_alone(lang)
    return folded in words or folded + "'" in words


def is_date_expression(span: str, lang: str) -> bool:
    """Weekday and month names, alone or with numbers and date words ("mardi soir",
    "1er août", "March 3")."""
    calendar = lx.calendar_words(lang)
    allowed = lx.date_words(lang)
    tokens = [w.casefold() for w in words(span)]
    return (bool(tokens) and any(t in calendar for t in tokens)
            and all(t in allowed or t.isdigit() for t in tokens))


def _abbreviation_stop(span: str, dot: int) -> bool:
    """Whether the "." at `dot` ends an initial or an abbreviation ("J.", "Inc.")."""
    m = re.search(r"([^\W\d_]+)$", span[:dot])
    return bool(m) and (len(m.group(1)) == 1 or m.group(1).casefold() in lx.abbreviations())


def is_uncapitalized(span: str) -> bool:
    """Cased letters but not one capital ("bench-2", "mise à jour"): not a proper name.

    Names in cased scripts carry at least one capital, even those that start
    lower-case ("ministère de la Défense", "al-Qaïda", "eBay"). Scripts
    without case (Arabic, CJK) never match.
    """
    return any(c.islower() for c in span) and not any(c.isupper() for c in span)


def is_clause(span: str, lang: str) -> bool:
    """Too many words, sentence punctuation, or a lower-case verb form, subject
    pronoun or negation: a sentence fragment, not a name."""
    if len(words(span)) > MAX_WORDS:
        return True
    for m in _SENTENCE_PUNCT.finditer(span):
        if m.group() == "." and _abbreviation_stop(span, m.start()):
            continue
        return True
    clause = lx.clause_words(lang)
    tokens = words(span) + _ELISION.findall(span)
    return any(t.islower() and t in clause for t in tokens)


def trim_shouting(ctx: Context, start: int, end: int) -> tuple[int, int] | None:
    """Drop shouted words ("URGENT", "ALERTE") at the edges; None if any remain inside."""
    matches = list(_CAPS_WORD.finditer(ctx.text, start, end))
    if not any(m.group().isupper() for m in matches):
        return start, end  # the common case: no all-caps word at all
    spans = [(m.start(), m.end()) for m in matches]

    def shouted(span: tuple[int, int]) -> bool:
        a, b = span
        return is_all_caps(ctx.text[a:b]) and not ctx.acronyms.is_acronym(
            ctx.text, a, b, ctx.starts_sentence(a))

    first, last = 0, len(spans)
    while first < last and shouted(spans[first]):
        first += 1
    while last > first and shouted(spans[last - 1]):
        last -= 1
    if first == last or any(shouted(sp) for sp in spans[first:last]):
        return None
    new_start = spans[first][0] if first else start
    new_end = spans[last - 1][1] if last < len(spans) else end
    return new_start, new_end


_SPACED_DASH = re.compile(r"\s[-–—]\s")
_HYPHENATED = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_HONORIFIC = re.compile(r"([^\W\d_]+)(\.?)\s+(?=[^\W\d_])")
_NAME_START = re.compile(r"[^\W\d_]")


def trim_at_dash(ctx: Context, start: int, end: int) -> tuple[int, int]:
    """Keep what follows a spaced dash: "ALERTE – [GAZA]", "FLASH – [Attentat]".

    A dash between spaces separates a slug or a dateline from the text; it is
    never inside a name ("Port-Soudan" has no spaces).
    """
    dashes = list(_SPACED_DASH.finditer(ctx.text, start, end))
    return (dashes[-1].end(), end) if dashes else (start, end)


def trim_honorific(ctx: Context, start: int, end: int) -> tuple[int, int]:
    """Drop a leading honorific: "[Mme] Haddad", "[Ms] Aïcha Traoré", "[Dr] Haddad".

    It says who the name is (the link stage reads it just before the mention),
    but it is not part of the name. A dotless one counts in title case only
    ("DR Congo" is a country).
    """
    m = _HONORIFIC.match(ctx.text, start, end)
    if m is None or m.end() >= end:
        return start, end
    word, dot = m.group(1), m.group(2)
    folded = word.casefold() + dot
    if folded in lx.honorifics() or (
            not dot and folded in lx.weak_honorifics() and word.istitle()):
        return m.end(), end
    return start, end


def _only_honorifics(span: str) -> bool:
    """Is the span nothing but honorifics: "Brig. Gen", "Mme"?"""
    words = span.replace(".", ". ").split()
    return bool(words) and all(
        (w.casefold() if w.endswith(".") else w.casefold() + ".") in lx.honorifics()
        or w.rstrip(".").casefold() in lx.weak_honorifics() for w in words)


def trim_place_unit(ctx: Context, start: int, end: int) -> tuple[int, int]:
    """A place without its administrative unit: "[province de] Deir ez-Zor",
    "Ituri [province]". Natural features stay ("lac Tchad" is not Chad)."""
    units = lx.place_units(ctx.lang)
    span = ctx.text[start:end]
    lead = re.match(r"([^\W\d_]+)(?:\s+[^\W\d_]+)?\s+(?:de\s+la\s+|de\s+|du\s+|des\s+|d'|of\s+)",
                    span)
    if lead and lead.group(1).islower() and lead.group(1) in units \
            and _NAME_START.match(span, lead.end()) and span[lead.end()].isupper():
        return start + lead.end(), end
    tail = re.search(r"\s+([^\W\d_]+)$", span)
    if tail and tail.group(1).islower() and tail.group(1) in units:
        return start, start + tail.start()
    return start, end


_OF_AFTER_TITLE = (r"(?-i:[a-zà-ÿ][\w-]*\s+)?"  # a lower-case adjective: "ministre tamarien des"
                   r"(?:de\s+la\s+|de\s+l'|du\s+|des\s+|de\s+|d'|of\s+(?:the\s+)?)")
_OF = r"(?:de\s+la\s+|de\s+l'|du\s+|des\s+|de\s+|d'|of\s+(?:the\s+)?)"
# The title right before "de", or before an adjective and "de".
_PORTFOLIO_BEFORE = (re.compile(r"([^\W\d_]+)\s+" + _OF + r"$", re.IGNORECASE),
                     re.compile(r"([^\W\d_]+)\s+[a-zà-ÿ][\w-]*\s+" + _OF + r"$", re.IGNORECASE))


def trim_title(ctx: Context, start: int, end: int, kind: str) -> tuple[int, int] | None:
    """Drop a person's title before an organization or a place ("[Porte-parole du]
    Bureau de la coordination…"); None when the mention is a title alone
    ("Premier ministre"), or a minister's portfolio ("[ministre tamarien des]
    Affaires étrangères", "la ministre des [Affaires étrangères]": see
    `is_portfolio`)."""
    folded = tuple(strip_marks(w).casefold()
                   for w in _HYPHENATED.findall(ctx.text[start:end]))
    titles = lx.titles()
    if folded in titles:
        return None
    if kind == "person":
        return start, end  # a person's titles are the link stage's business
    for size in (2, 1):
        if folded[:size] in titles and len(folded) > size:
            m = re.match(rf"(?:\S+\s+){{{size}}}" + _OF_AFTER_TITLE, ctx.text[start:end],
                         re.IGNORECASE)
            if m:
                if is_portfolio(ctx, folded[0], start + m.end(), end):
                    return None
                return start + m.end(), end
    for pattern in _PORTFOLIO_BEFORE:
        before = pattern.search(ctx.text, max(0, start - 40), start)
        if before is not None and is_portfolio(ctx, before.group(1).casefold(), start, end):
            return None
    return start, end


def is_portfolio(ctx: Context, title: str, start: int, end: int) -> bool:
    """What follows a minister's title and "de"/"of" is the portfolio, not an
    organization ("Affaires étrangères", "Défense", "Foreign Affairs"), unless it
    has an organization head noun, is an acronym or is a known place."""
    if ctx.lang not in wordlists.LANGS or strip_marks(title) not in {
            strip_marks(w) for w in lx.words("portfolio_titles", ctx.lang)}:
        return False
    span = ctx.text[start:end]
    if not span or any(w.isupper() and len(w) > 1 for w in span.split()):
        return False
    if head_word(span, ctx.lang) in lx.words("organization_heads", ctx.lang):
        return False
    from site_builder.annotate.commonness import is_known_place

    return not is_known_place(span, ctx.lang)


def extend_abbreviation(text: str, end: int) -> int:
    """Take in the dot of a name's last abbreviation: "Donald Trump Jr[.]"."""
    if text[end:end + 1] != ".":
        return end
    window = max(0, end - 12)  # abbreviations are short; never search the whole block
    m = re.search(r"([^\W\d_]+)$", text[window:end])
    if m and m.group(1).casefold() in lx.abbreviations() and window + m.start() > 0:
        return end + 1
    return end


def trim_calendar_tail(ctx: Context, start: int, end: int) -> int:
    """Drop a weekday or a month the model ran into a name: "Bachar al-Assad [Lundi]"."""
    m = re.search(r"\s+([^\W\d_]+)$", ctx.text[start:end])
    if m and m.group(1).casefold() in lx.any_calendar_word(ctx.lang):
        return start + m.start()
    return end


def clean(ctx: Context, start: int, end: int, kind: str) -> tuple[int, int] | None:
    """Trim a model mention to its name, or None when it is not a name at all."""
    start, end = trim_punctuation(ctx.text, start, end)
    start, end = trim_at_dash(ctx, start, end)
    start, end = trim_honorific(ctx, *trim_punctuation(ctx.text, start, end))
    if kind == "place":
        start, end = trim_place_unit(ctx, start, end)
    titled = trim_title(ctx, start, end, kind)
    if titled is None:
        return None
    start, end = titled
    end = extend_abbreviation(ctx.text, end)
    end = trim_calendar_tail(ctx, start, end)
    if is_date_expression(ctx.text[start:end], ctx.lang):
        return None
    previous = None
    while previous != (start, end):
        previous = (start, end)
        start, end = trim_punctuation(ctx.text, start, end)
        start, end = trim_leading(ctx, start, end, kind)
        start, end = trim_trailing(ctx, start, end)
        if start >= end:
            return None
        trimmed = trim_shouting(ctx, start, end)
        if trimmed is None:
            return None
        start, end = trimmed
    span = ctx.text[start:end]
    # "G7" and "G20" are names: digits count, as long as there is a letter.
    if sum(map(str.isalnum, span)) < MIN_LETTERS or not any(map(str.isalpha, span)):
        return None
    if is_function_word(span, ctx.lang) or is_date_expression(span, ctx.lang):
        return None
    if _only_honorifics(span):
        return None  # "[Brig. Gen.] Roberto Alcaraz": the model took the ranks apart
    if is_uncapitalized(span):
        return None
    if is_clause(span, ctx.lang):
        return None
    return start, end
