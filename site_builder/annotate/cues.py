"""Word lists (French and English) and the tokenizer that finds them in block text.

Figures and quotes read text the same way: a flat list of
tokens with their offsets, compared through a normalized form (lowercase,
typographic apostrophes folded, French elisions spelled out). Keeping the
tokenizer next to the lexicons guarantees that a lexicon entry and the text it
must match are cut into the same pieces.

The lists are deliberately joint: "plus de" cannot occur in English text nor
"more than" in French, and an English statement quoted in a French article
must still be read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

from site_builder import wordlists
from site_builder.model import Qualifier

TokenKind = Literal["word", "num", "punct"]

# ----------------------------------------------------------------------- tokens

# French elided articles and conjunctions become their full form so that one
# lexicon entry ("plus de") matches "plus de" and "plus d'".
_ELIDED = {
    "l": "le", "d": "de", "j": "je", "m": "me", "n": "ne", "s": "se", "t": "te", "c": "ce",
    "qu": "que", "jusqu": "jusque", "lorsqu": "lorsque", "puisqu": "puisque",
    "quoiqu": "quoique", "presqu": "presque", "quelqu": "quelque",
}  # fmt: skip
APOSTROPHES = "'’ʼ"
_TOKEN_RE = re.compile(
    rf"(?P<elided>\b(?:jusqu|lorsqu|puisqu|quoiqu|presqu|quelqu|qu|[ldjmnstc])[{APOSTROPHES}]"
    r"(?=[^\W\d_]))"
    r"|(?P<word>[^\W\d_]+)"
    r"|(?P<num>\d+)"
    r"|(?P<punct>\S)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Token:
    """One word, digit run or punctuation mark of a block's text."""

    start: int
    end: int
    text: str
    norm: str  # lowercase, elisions spelled out: "d’" -> "de"
    kind: TokenKind
    glued: bool  # no whitespace between this token and the previous character
    protected: bool  # inside a range that must never be annotated (code)


def normalize(word: str) -> str:
    """The form lexicons are written in: lowercase, straight apostrophe, no elision.

    Acronyms keep their capitals: "UN" is not the French article "un", nor
    "US" the pronoun "us".
    """
    low = word.lower()
    if low and low[-1] in APOSTROPHES:
        return _ELIDED.get(low[:-1], low[:-1])
    if is_acronym(word):
        return word
    return low


def is_acronym(word: str) -> bool:
    return len(word) > 1 and word.isalpha() and word.isupper()


def tokenize(text: str, protected: Sequence[tuple[int, int]] = ()) -> list[Token]:
    """Cut `text` into tokens; tokens touching a protected range are flagged."""
    tokens: list[Token] = []
    for m in _TOKEN_RE.finditer(text):
        start, end = m.span()
        kind: TokenKind = (
            "word" if m.lastgroup in ("word", "elided") else "num" if m.lastgroup == "num"
            else "punct"
        )  # fmt: skip
        tokens.append(
            Token(
                start=start,
                end=end,
                text=m.group(),
                norm=normalize(m.group()),
                kind=kind,
                glued=start > 0 and not text[start - 1].isspace(),
                protected=any(s < end and start < e for s, e in protected),
            )
        )
    return tokens


def is_elided(token: Token) -> bool:
    """ "l’", "d'", "qu'": an elided function word glued to the next word."""
    return token.kind == "word" and token.text[-1] in APOSTROPHES


def phrase(text: str) -> tuple[str, ...]:
    """A lexicon entry as the tuple of normalized tokens it must match."""
    return tuple(t.norm for t in tokenize(text))


V = TypeVar("V")


class PhraseTable(Generic[V]):
    """Multi-word lexicon lookup on a token list, longest match first."""

    def __init__(self, entries: Mapping[str, V] | Iterable[tuple[str, V]]) -> None:
        items = entries.items() if isinstance(entries, Mapping) else entries
        self._by_first: dict[str, list[tuple[tuple[str, ...], V]]] = {}
        self._by_last: dict[str, list[tuple[tuple[str, ...], V]]] = {}
        for key, value in items:
            words = phrase(key)
            if words:
                self._by_first.setdefault(words[0], []).append((words, value))
                self._by_last.setdefault(words[-1], []).append((words, value))
        for table in (self._by_first, self._by_last):
            for options in table.values():
                options.sort(key=lambda item: -len(item[0]))

    def match_at(self, tokens: Sequence[Token], i: int) -> tuple[int, V] | None:
        """The longest entry starting at token `i`: (end index, value)."""
        if not 0 <= i < len(tokens):
            return None
        for words, value in self._by_first.get(tokens[i].norm, ()):
            end = i + len(words)
            if end <= len(tokens) and _same(tokens[i:end], words):
                return end, value
        return None

    def match_before(self, tokens: Sequence[Token], j: int) -> tuple[int, V] | None:
        """The longest entry ending just before token `j`: (start index, value)."""
        if not 0 < j <= len(tokens):
            return None
        for words, value in self._by_last.get(tokens[j - 1].norm, ()):
            start = j - len(words)
            if start >= 0 and _same(tokens[start:j], words):
                return start, value
        return None


def _same(tokens: Sequence[Token], words: tuple[str, ...]) -> bool:
    return all(t.norm == w and not t.protected for t, w in zip(tokens, words, strict=True))


# ------------------------------------------------------------------- qualifiers

# Words right before a number that say how exact it is.
QUALIFIERS: PhraseTable[Qualifier] = PhraseTable(
    {
        # French
        "plus de": "more_than", "un peu plus de": "more_than", "bien plus de": "more_than",
        "au-delà de": "more_than",
        "au moins": "at_least", "pas moins de": "at_least", "au minimum": "at_least",
        "environ": "about", "près de": "about", "presque": "about", "quelque": "about",
        "approximativement": "about", "autour de": "about", "aux alentours de": "about",
        "de l'ordre de": "about", "quasiment": "about", "pratiquement": "about",
        "moins de": "less_than", "un peu moins de": "less_than",
        "jusqu'à": "up_to", "au plus": "up_to", "au maximum": "up_to", "pas plus de": "up_to",
        # English
        "more than": "more_than", "over": "more_than", "upwards of": "more_than",
        "in excess of": "more_than", "well over": "more_than",
        "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
        "a minimum of": "at_least",
        "about": "about", "around": "about", "approximately": "about", "roughly": "about",
        "some": "about", "nearly": "about", "almost": "about", "close to": "about",
        "an estimated": "about", "estimated": "about",
        "fewer than": "less_than", "less than": "less_than", "under": "less_than",
        "up to": "up_to", "as many as": "up_to", "at most": "up_to", "a maximum of": "up_to",
        "no more than": "up_to",
    }
)  # fmt: skip

# "entre 200 et 300": the word that opens a range and the one that joins its ends.
RANGE_OPENERS: dict[str, frozenset[str]] = {
    "entre": frozenset({"et"}), "between": frozenset({"and"}),
    "de": frozenset({"à"}), "from": frozenset({"to"}),
}  # fmt: skip
# Joiners allowed without an opener: "200 à 300", "200-300", "deux ou trois".
BARE_RANGE_JOINERS = frozenset({"à", "to", "-", "–", "ou", "or"})
# "24 et 31 ans": numbers joined by these share the noun after the last one.
COORDINATORS = frozenset({"et", "ou", "and", "or", ","})

# ------------------------------------------------------------- approximations

# Round-number nouns. "une centaine" is about 100; a plural ("des centaines")
# is read as its lower bound, two of them: 200, qualified "at_least".
_ROUND_NOUNS_FR = {
    "dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
    "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100,
    "millier": 1_000,
}  # fmt: skip
_PLURAL_DETS_FR = ("des", "plusieurs", "quelques", "de nombreuses", "de nombreux")
_PLURAL_DETS_EN = ("several", "a few")


def _approximations() -> dict[str, tuple[float, Qualifier]]:
    table: dict[str, tuple[float, Qualifier]] = {}
    for noun, value in _ROUND_NOUNS_FR.items():
        article = "un" if noun == "millier" else "une"
        table[f"{article} {noun}"] = (value, "about")
        for det in _PLURAL_DETS_FR:
            table[f"{det} {noun}s"] = (2 * value, "at_least")
    for noun, value in (("millions", 1e6), ("milliards", 1e9)):
        for det in _PLURAL_DETS_FR:
            table[f"{det} {noun}"] = (2 * value, "at_least")
    table |= {
        "a dozen": (12, "about"), "a score of": (20, "about"), "dozens": (24, "at_least"),
        "scores": (40, "at_least"), "hundreds": (200, "at_least"),
        "thousands": (2_000, "at_least"), "millions": (2e6, "at_least"),
        "billions": (2e9, "at_least"), "tens of thousands": (20_000, "at_least"),
        "tens of millions": (2e7, "at_least"),
    }  # fmt: skip
    for det in _PLURAL_DETS_EN:
        for noun, value in (("dozen", 12), ("hundred", 100), ("thousand", 1_000)):
            table[f"{det} {noun}"] = (2 * value, "at_least")
    return table


APPROXIMATIONS: PhraseTable[tuple[float, Qualifier]] = PhraseTable(_approximations())
# "scores" is only a count when followed by "of" ("scores of civilians").
APPROX_NEEDS_OF = frozenset({"scores"})
# "des dizaines de milliers", "hundreds of thousands": a second round noun multiplies.
APPROX_TAILS: PhraseTable[float] = PhraseTable(
    {
        "de milliers": 1e3, "de millions": 1e6, "de milliards": 1e9,
        "of thousands": 1e3, "of millions": 1e6, "of billions": 1e9,
    }
)  # fmt: skip

# ------------------------------------------------------------------ multipliers

# After digits: "1,5 million". "billion" is 10^12 in French (long scale).
MULTIPLIERS: dict[str, float] = {
    "million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9, "mille": 1e3,
    "thousand": 1e3, "billion": 1e9, "billions": 1e9, "trillion": 1e12, "trillions": 1e12,
    "bn": 1e9, "mn": 1e6, "md": 1e9, "mds": 1e9,
}  # fmt: skip
LONG_SCALE_LANGS = frozenset({"fr", "es", "pt", "de", "nl", "da", "it"})
HALF_AFTER_MULTIPLIER: PhraseTable[float] = PhraseTable({"et demi": 0.5, "and a half": 0.5})
# Magnitude words that are not a figure on their own ("million" after digits
# already consumed, or a stray noun).
MAGNITUDE_WORDS = frozenset(
    {"million", "millions", "milliard", "milliards", "hundred", "hundreds", "thousand",
     "thousands", "billion", "billions"}
)  # fmt: skip
# A lone "un" is an article ("un homme"), not a count.
ARTICLE_ONE = frozenset({"un", "une", "one", "a", "an"})

PERCENT: PhraseTable[str] = PhraseTable(
    {"%": "%", "pour cent": "%", "pourcent": "%", "percent": "%", "per cent": "%"}
)
CURRENCY_SYMBOLS = frozenset({"$", "€", "£", "¥"})

# ------------------------------------------------------------------ exclusions

def months() -> frozenset[str]:
    """Month names and abbreviations, every language (site_builder/wordlists)."""
    return wordlists.union("months")


def weekdays() -> frozenset[str]:
    return wordlists.union("weekdays")


# Words after which a 4-digit number in 1800-2100 is a year even with a noun after it.
YEAR_CUES = frozenset(
    {"en", "depuis", "in", "since", "from", "until", "till", "jusque", "avant", "après",
     "before", "after", "année", "années", "year", "years", "an", "fin", "début", "mi", "dès",
     "early", "late", "mid", "by", "the", "le", "au", "à", "et", "and", "-", "–",
     "été", "hiver", "printemps", "automne", "summer", "winter", "spring", "autumn", "fall"}
)  # fmt: skip
YEAR_RANGE = (1800, 2100)
# Nouns that introduce a reference number, not a count: "l'article 51".
REFERENCE_NOUNS = frozenset(
    {"article", "articles", "art", "résolution", "résolutions", "resolution", "resolutions",
     "section", "sections", "chapitre", "chapter", "paragraphe", "paragraph", "alinéa",
     "page", "pages", "p", "pp", "numéro", "number", "no", "n", "nº", "tome", "volume", "vol",
     "point", "loi", "décret", "decree", "annexe", "annex", "protocole", "protocol", "titre",
     "title", "route", "autoroute", "highway", "ligne", "line", "niveau", "level", "phase",
     "étape", "stage", "catégorie", "category", "flight", "bus", "zone", "secteur", "sector",
     "bâtiment", "building", "porte", "gate", "salle", "room", "saison", "season", "épisode",
     "episode", "version", "verset", "verse", "psaume", "psalm", "rule", "règle", "amendment",
     "amendement", "clause", "item", "figure", "tableau", "table", "mesure", "kilomètre",
     "km", "lot", "parcelle", "plot", "block", "bloc", "quartier", "district", "arrondissement",
     "case", "affaire", "dossier", "file", "cas", "model", "modèle", "série", "series",
     "magnitude"}
)  # fmt: skip
REFERENCE_SIGNS = frozenset({"#", "°", "№", "n°", "nº"})
# Abbreviations written with a dot before the number: "No. 5", "art. 51", "p. 12".
REFERENCE_ABBREVIATIONS = frozenset({"no", "n", "art", "p", "pp", "vol", "sec", "ch"})
# A counted noun that is a time unit makes a duration or an age, not a figure.
TIME_UNITS = frozenset(
    {"seconde", "secondes", "minute", "minutes", "heure", "heures", "h", "jour", "jours",
     "journée", "journées", "nuit", "nuits", "semaine", "semaines", "mois", "an", "ans",
     "année", "années", "décennie", "décennies", "siècle", "siècles", "trimestre",
     "trimestres", "semestre", "semestres",
     "second", "seconds", "hour", "hours", "hr", "hrs", "day", "days", "night", "nights",
     "week", "weeks", "month", "months", "year", "years", "decade", "decades", "century",
     "centuries", "quarter", "quarters", "min", "sec", "am", "pm"}
)  # fmt: skip
# A counted noun that is a unit of measure makes a distance, a speed, a depth or a
# temperature, not a figure of people or things: "10 kilomètres", "120 mph".
MEASURE_UNITS = frozenset(
    {"km", "kilomètre", "kilomètres", "kilometre", "kilometres", "kilometer", "kilometers",
     "mètre", "mètres", "metre", "metres", "meter", "meters", "m", "cm", "mm", "mile",
     "miles", "mph", "km/h", "kmh", "noeuds", "nœuds", "knots", "degré", "degrés", "degree",
     "degrees", "°c", "°f", "celsius", "fahrenheit", "étage", "étages", "floor", "floors",
     "storey", "storeys", "stories", "pied", "pieds", "feet", "foot", "inch", "inches",
     "pouce", "pouces"}
)  # fmt: skip
# "trois fois", "two times": a frequency or a ratio, not a count.
FREQUENCY_UNITS = frozenset({"fois", "reprises", "times", "fold"})
# Determiners that make a number word a reference to a known set: "les deux camps".
DEFINITE_DETS = frozenset(
    {"le", "la", "les", "des", "aux", "ces", "ses", "leurs", "nos", "vos", "mes", "tes",
     "the", "these", "those", "its", "their", "our", "both", "his", "her", "my", "your"}
)  # fmt: skip
# Words glued to digits make a name, an ordinal or a time ("5G", "3e", "14h")
# except these units: "5km".
GLUED_UNITS = frozenset({"km", "kg", "t", "m", "mm", "cm", "ha", "kt", "mw", "gw"})

# ----------------------------------------------------------------------- units

# Where the counted noun phrase after a number stops, per language: a function
# word of one language can be a noun of the other ("car" in "three car bombs",
# "as" in "douze as"), so a block reads its own language's list.
UNIT_STOP_FR = frozenset(
    {# determiners, prepositions, conjunctions, pronouns, auxiliaries
     "le", "la", "les", "un", "une", "de", "des", "du", "ce", "cet", "cette", "ces", "son",
     "sa", "ses", "leur", "leurs", "mon", "ma", "mes", "notre", "nos", "votre", "vos",
     "dans", "à", "au", "aux", "en", "depuis", "pendant", "sur", "sous", "vers", "par",
     "pour", "avec", "sans", "chez", "entre", "contre", "après", "avant", "lors", "durant",
     "selon", "malgré", "parmi", "hors", "dès", "jusque", "près", "auprès", "outre", "via",
     "et", "ou", "mais", "car", "donc", "ni", "or", "puis",
     "qui", "que", "dont", "où", "lequel", "laquelle", "lesquels", "lesquelles", "quoi",
     "il", "elle", "ils", "elles", "on", "nous", "vous", "y", "se", "ne", "pas", "plus",
     "moins", "très", "trop", "déjà", "encore", "aussi", "également", "notamment", "environ",
     "est", "sont", "a", "ont", "été", "était", "étaient", "sera", "seront", "serait",
     "seraient", "avait", "avaient", "aurait", "auraient", "fut", "furent", "soit", "comme",
     "si", "quand", "lorsque", "alors", "tandis", "chaque", "tout", "tous", "toute", "toutes",
     "ainsi", "cela", "ceci", "ça", "ici", "là", "hier", "aujourd", "demain", "désormais",
     "toujours", "seulement", "maintenant", "actuellement", "seuls", "seules", "lundi",
     "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"}
)  # fmt: skip
UNIT_STOP_EN = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our",
     "of", "in", "on", "at", "since", "during", "for", "by", "with", "from", "into", "near",
     "after", "before", "over", "under", "within", "across", "through", "among", "against",
     "toward", "towards", "per", "about", "around", "between", "to", "as", "than", "until",
     "via", "and", "or", "but", "nor", "so", "yet", "while", "whereas", "because", "if",
     "when", "who", "whom", "whose", "which", "where", "it", "they", "we", "he", "she", "you",
     "i", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will",
     "would", "could", "should", "may", "might", "can", "must", "shall", "did", "do", "does",
     "not", "no", "also", "still", "each", "every", "all", "according", "said", "says",
     "died", "fled", "remain", "remained", "including", "there", "here", "now",
     "then", "today", "yesterday", "last", "next", "ago", "only", "just", "alone", "monday",
     "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "inside",
     "outside", "given", "left", "behind", "beyond", "along", "throughout", "upon"}
)  # fmt: skip
# English nouns ending in "-ly": other "-ly" words in a unit are adverbs ("50 newly
# identified victims") and are not part of it.
LY_NOUNS = frozenset({"family", "ally", "assembly", "supply", "rally", "monopoly", "anomaly",
                      "belly", "bully", "folly", "lily", "jelly", "fly", "butterfly", "tally"})
# English words in "-s" that modify the noun after them rather than end the phrase:
# "12 news outlets", "three arms shipments".
S_MODIFIERS = frozenset({"news", "arms", "goods", "sports", "savings", "series", "species",
                         "headquarters", "means", "customs", "sales"})
# Other languages get both lists.
UNIT_STOP = UNIT_STOP_FR | UNIT_STOP_EN
_UNIT_STOPS = {"fr": UNIT_STOP_FR, "en": UNIT_STOP_EN}


def unit_stop(lang: str) -> frozenset[str]:
    """The words a counted noun phrase stops at in a block of language `lang`."""
    return _UNIT_STOPS.get(lang, UNIT_STOP)


# Complements kept in a unit: "combattants des deux camps", "members of the army".
UNIT_COMPLEMENT = frozenset({"de", "des", "du", "of"})
UNIT_COMPLEMENT_DETS = frozenset({"le", "la", "les", "the", "leur", "leurs", "their", "its"})


def is_complement_gap(gap: str) -> bool:
    """Is `gap` the complement of a title: "de l'", "du département d'État", "of the"?"""
    tokens = tokenize(gap)
    if not tokens:
        return False
    first = tokens[0].norm
    if len(tokens) > 1 and tokens[1].text in APOSTROPHES:
        first = _ELIDED.get(first, first)  # "d'" at the end of the gap, before the name
    if first not in UNIT_COMPLEMENT:
        return False
    words = [t for t in tokens if t.kind == "word"]
    rest_ok = all(t.kind == "word" or t.text in APOSTROPHES or t.text == "-" for t in tokens)
    return rest_ok and len(words) <= 6


SMALL_NUMBER_WORDS = frozenset(
    {"deux", "trois", "quatre", "cinq", "six", "two", "three", "four", "five"}
)
# A noun and its modifiers: "civils syriens tués", "Syrian civilians".
UNIT_MAX_WORDS = 3

# ------------------------------------------------------------------ sub-counts

# Words that open a part of the figure before them: "huit morts, dont trois
# enfants", "killing eight people, including three children".
INCLUSION_CUES: PhraseTable[str] = PhraseTable(
    (cue, cue)
    for cue in (
        "dont", "dont notamment", "parmi lesquels", "parmi lesquelles", "parmi eux",
        "parmi elles", "parmi ceux-ci", "parmi celles-ci", "y compris", "notamment",
        "including", "among them", "among whom", "among which", "among those", "of whom",
        "of which",
    )
)  # fmt: skip
# After a number, the same thing the other way round: "12 of them children".
PARTITIVE_CUES: PhraseTable[str] = PhraseTable(
    (cue, cue)
    for cue in ("of them", "of whom", "of which", "of those", "d'entre eux", "d'entre elles")
)  # fmt: skip
# After a number, a determiner that opens the set it is taken from: "two of
# its members", "deux de ses membres", "trois des otages". The counted noun
# follows, and must be plural.
PARTITIVE_SETS: PhraseTable[str] = PhraseTable(
    (cue, cue)
    for cue in (
        "of its", "of their", "of his", "of her", "of our", "of your", "of my", "of the",
        "of these", "de ses", "de leurs", "de nos", "de vos", "de mes", "de tes", "de ces",
        "des", "d'entre les", "d'entre ses", "d'entre leurs",
    )
)  # fmt: skip

# ------------------------------------------------------- ages, times, plurals

# Before a bare number, these make it an age: "aged 19", "âgé de 19".
AGE_CUES: PhraseTable[str] = PhraseTable(
    (cue, cue)
    for cue in (
        "aged", "at age", "at the age of", "âgé de", "âgée de", "âgés de", "âgées de",
        "à l'âge de",
    )
)  # fmt: skip
# After a number, a time zone makes it a clock time: "1750 GMT", "6 h 30 heure locale".
TIME_ZONES: PhraseTable[str] = PhraseTable(
    (zone, zone)
    for zone in (
        "GMT", "UTC", "HEC", "HNE", "ET", "EST", "EDT", "CET", "CEST", "BST", "local time",
        "heure locale", "heures locales", "heure de Paris", "heure française",
    )
)  # fmt: skip
# English plurals without a final -s. A number above one before a singular
# noun describes it ("a 2005 video", "a 6.4 earthquake"); these nouns are plural.
PLURALS_WITHOUT_S = frozenset(
    {"people", "children", "men", "women", "police", "dead", "wounded", "injured", "missing",
     "staff", "personnel", "crew", "aircraft", "livestock", "cattle", "sheep", "fish", "deer",
     "clergy", "feet", "teeth", "yen"}
)  # fmt: skip
# Singular determiners: no count above one follows them, so a bare number after
# one is a name or a label ("le 1122" for a hotline, "le 93" for a département).
# Not "this"/"that": "that" is a conjunction too ("said that 19 remained").
SINGULAR_DETS = frozenset(
    {"le", "la", "ce", "cet", "cette", "son", "sa", "mon", "ma", "ton", "ta", "notre",
     "votre", "leur", "a", "an"}
)  # fmt: skip

# ----------------------------------------------------------------------- titles

# A quoted text right after one of these is a title, not speech: "l'émission
# « X »", "the operation dubbed “X”", "le journal titrait : « X »".
TITLE_CUES: PhraseTable[str] = PhraseTable(
    (cue, cue)
    for cue in (
        # French nouns
        "émission", "programme", "livre", "ouvrage", "roman", "essai", "récit", "film",
        "documentaire", "série", "feuilleton", "pièce", "spectacle", "chanson", "album",
        "podcast", "opération", "journal", "quotidien", "hebdomadaire", "magazine", "revue",
        "titre", "gros titre", "article", "éditorial", "chronique", "tribune",
        "rapport",
        # French verbs and participles
        "intitulé", "intitulée", "intitulés", "intitulées", "baptisé", "baptisée", "baptisés",
        "baptisées", "surnommé", "surnommée", "dénommé", "dénommée", "titrait", "titraient",
        "titré", "titrant", "sous le titre",
        # English nouns
        "show", "programme", "program", "book", "novel", "memoir", "film", "movie",
        "documentary", "series", "play", "song", "album", "podcast", "operation",
        "newspaper", "magazine", "headline", "column", "editorial", "op-ed", "article",
        "report",
        # English verbs and participles
        "titled", "entitled", "dubbed", "called", "named", "nicknamed", "codenamed",
        "code-named", "headlined", "under the title", "under the headline",
    )
)  # fmt: skip
# Words left in lowercase inside a Title Case title: "Meet the Voters",
# "La Nuit des Otages".
TITLE_MINOR_WORDS = frozenset(
    {"le", "la", "les", "l", "un", "une", "des", "de", "du", "d", "et", "ou", "à", "au",
     "aux", "en", "sur", "sous", "par", "pour", "dans", "avec", "sans", "contre", "chez",
     "entre", "vers",
     "a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with",
     "from", "as", "nor", "but", "vs", "into", "over"}
)  # fmt: skip
