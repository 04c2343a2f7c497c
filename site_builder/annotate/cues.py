"""Word lists (French and English) and the tokenizer that finds them in block text.

Figures, quotes and attribution all read text the same way: a flat list of
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

MONTHS = frozenset(
    {"janvier", "février", "fevrier", "mars", "avril", "mai", "juin", "juillet", "août", "aout",
     "septembre", "octobre", "novembre", "décembre", "decembre", "janv", "févr", "fév", "avr",
     "juil", "sept", "oct", "nov", "déc",
     "january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december", "jan", "feb", "apr", "jun", "jul", "aug", "sep", "dec"}
)  # fmt: skip
WEEKDAYS = frozenset(
    {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
     "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)  # fmt: skip
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
     "case", "affaire", "dossier", "file", "cas", "model", "modèle", "série", "series"}
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

# Where the counted noun phrase after a number stops.
UNIT_STOP = frozenset(
    {# French determiners, prepositions, conjunctions, pronouns, auxiliaries
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
     "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
     # English
     "the", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our",
     "of", "in", "at", "since", "during", "for", "by", "with", "from", "into", "near",
     "after", "before", "over", "under", "within", "across", "through", "among", "against",
     "toward", "towards", "per", "about", "around", "between", "to", "as", "than", "until",
     "and", "but", "nor", "so", "yet", "while", "whereas", "because", "if", "when",
     "who", "whom", "whose", "which", "where", "it", "they", "we", "he", "she", "you", "i",
     "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will",
     "would", "could", "should", "may", "might", "can", "must", "shall", "did", "do", "does",
     "not", "no", "also", "still", "each", "every", "all", "according", "said", "says",
     "died", "fled", "remain", "remained", "including", "there", "here", "now",
     "then", "today", "yesterday", "last", "next", "ago", "only", "just", "alone", "monday",
     "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)  # fmt: skip
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

# -------------------------------------------------------------- attribution cues

# "selon X": a word (or words) whose object is the source.
SOURCE_PREPOSITIONS: PhraseTable[str] = PhraseTable(
    {
        "selon": "selon", "d'après": "selon", "toujours selon": "selon",
        "à en croire": "selon", "appris auprès de": "selon", "cité par": "selon",
        "according to": "selon", "citing": "selon", "quoted by": "selon",
        "de source": "source", "de sources": "source", "from sources": "source",
    }
)  # fmt: skip

# French verbs of saying and reporting, as infinitives (-er verbs get their
# forms generated) or as explicit (participle, present forms...) tuples.
_FR_ER_VERBS = (
    "affirmer", "préciser", "indiquer", "annoncer", "déclarer", "ajouter", "assurer",
    "rapporter", "souligner", "estimer", "dénoncer", "expliquer", "confirmer", "signaler",
    "rappeler", "raconter", "témoigner", "accuser", "nier", "révéler", "recenser",
    "dénombrer", "comptabiliser", "documenter", "publier", "tweeter", "insister", "noter",
    "alerter", "déplorer", "condamner", "juger", "marteler", "confier",
    "lâcher", "répliquer", "commenter", "relater", "avancer", "chiffrer", "évaluer",
    "informer", "démentir", "poster", "twitter", "mentionner", "réclamer", "résumer",
    "considérer", "protester", "menacer", "exhorter", "appeler", "prévenir", "renchérir",
)
# Verbs that also commonly mean something else ("poursuit des frappes",
# "a maintenu des troupes", "a conclu un accord", "soutient des dispensaires")
# are left out on purpose.
_FR_IRREGULAR = (
    ("dit", "dit", "disent", "disait", "disaient"),
    ("écrit", "écrit", "écrivent", "écrivait"),
    ("fait savoir", "fait savoir", "font savoir"),
    ("fait état", "fait état", "font état"),
    ("mis en garde", "met en garde", "mettent en garde"),
    ("averti", "avertit", "avertissent"),
    ("prévenu", "prévient", "préviennent"),
    ("reconnu", "reconnaît", "reconnaissent", "reconnait"),
    ("démenti", "dément", "démentent"),
    ("répondu", "répond", "répondent"),
    ("appris",),
    ("lu", "lit", "lisent"),  # "a lu une déclaration"
    ("décrit", "décrit", "décrivent"),
    ("promis", "promet", "promettent"),
)
_EN_VERBS = (
    "said", "says", "say", "told", "tells", "tell", "reported", "reports", "announced",
    "announces", "added", "adds", "stated", "states", "claimed", "claims", "confirmed",
    "confirms", "estimated", "estimates", "wrote", "writes", "tweeted", "tweets", "posted",
    "noted", "notes", "explained", "explains", "warned", "warns", "insisted", "insists",
    "declared", "declares", "counted", "recorded", "documented", "acknowledged",
    "acknowledges", "denied", "denies", "accused", "accuses", "alleged", "alleges",
    "asserted", "asserts", "argued", "argues", "stressed", "stresses", "revealed", "reveals",
    "indicated", "indicates", "recounted", "testified", "announce", "report",
    "confirm", "estimate", "warn", "claim", "deny", "counted",
)


def _french_forms() -> tuple[set[str], set[str]]:
    """(participles that need an auxiliary, forms that stand alone)."""
    participles: set[str] = set()
    finite: set[str] = set()
    for verb in _FR_ER_VERBS:
        stem = verb[:-2]
        participles.add(stem + "é")
        finite |= {stem + "e", stem + "ent", stem + "ait", stem + "aient"}
    for participle, *others in _FR_IRREGULAR:
        participles.add(participle)
        finite |= set(others)
    return participles, finite


FR_PARTICIPLES, FR_FINITE = _french_forms()
FR_VERB_FORMS = frozenset(FR_PARTICIPLES | FR_FINITE)
# A cue verb is a phrase ("fait état") or a single word.
SPEECH_PARTICIPLES: PhraseTable[str] = PhraseTable((p, "participle") for p in FR_PARTICIPLES)
SPEECH_VERBS: PhraseTable[str] = PhraseTable(
    [(f, "finite") for f in FR_FINITE] + [(v, "finite") for v in _EN_VERBS]
)
# Verbs whose object is the one spoken to: "told Reuters".
TOLD = frozenset({"told", "tells", "tell"})
# Auxiliaries that must precede a French participle for it to be a cue.
AUXILIARIES = frozenset(
    {"a", "ont", "avait", "avaient", "aurait", "auraient", "aura", "auront", "avoir", "ayant",
     "eu", "has", "have", "had"}
)  # fmt: skip
# Adverbs and time words that may stand next to a cue verb: "l'ONG affirme également".
CUE_ADVERBS = frozenset(
    {"également", "aussi", "encore", "ensuite", "alors", "déjà", "notamment", "ainsi",
     "pourtant", "toutefois", "cependant", "enfin", "récemment", "hier", "lundi", "mardi",
     "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "soir", "matin", "dernier",
     "also", "later", "earlier", "previously", "further", "again", "then", "separately",
     "meanwhile", "however", "yesterday", "today", "monday", "tuesday", "wednesday",
     "thursday", "friday", "saturday", "sunday", "night", "last"}
)  # fmt: skip
# Words allowed between an auxiliary and its participle: "a pour sa part indiqué".
AUX_GAP_WORDS = CUE_ADVERBS | frozenset(
    {"pour", "sa", "son", "leur", "part", "de", "côté", "par", "ailleurs", "en", "outre",
     "quant", "à", "lui", "elle", "eux", "elles", "même", "mêmes", "-", "t", "il", "ils",
     "on", "la", "suite", "plus", "tard", "tôt"}
)  # fmt: skip
RELATIVE_PRONOUNS = frozenset({"qui", "who", "which", "that"})
# Past participles (French, English) that end a described source's noun phrase.
PARTICIPLE_ENDINGS = ("é", "ée", "és", "ées", "ed")
# What a subject after an inverted verb never lies beyond: ", a affirmé que X…".
CLAUSE_OPENERS = frozenset({",", "que", "that", "si", "if", "whether"})
# Titles before a name, not names themselves: "a précisé M. Dupont".
HONORIFICS = frozenset({"m", "mme", "mlle", "me", "dr", "pr", "mgr", "mr", "mrs", "ms", "sir"})
# A clause-opening mark before the verb means the subject follows: ", a précisé l'ONG".
INVERSION_MARKS = frozenset({",", "»", "”", '"', "—", "–"})
# Marks a subject or a source never reaches across.
HARD_PUNCT = frozenset(".!?;:«»“”\"()[]")
# Candidates after these are complements, not subjects: "a déclaré à l'AFP X".
PREPOSITIONS = frozenset(
    {"à", "au", "aux", "sur", "dans", "de", "du", "des", "en", "par", "pour", "avec", "chez",
     "contre", "vers", "devant", "auprès", "to", "on", "in", "at", "by", "with", "for", "of",
     "from", "via", "after", "before"}
)  # fmt: skip
DETERMINERS = frozenset(
    {"le", "la", "les", "un", "une", "des", "du", "ce", "cet", "cette", "ces", "son", "sa",
     "ses", "leur", "leurs", "the", "a", "an", "this", "that", "its", "their", "his", "her"}
)  # fmt: skip
# Nouns for documents between "selon" and the real source: "selon un bilan de l'OSDH".
DOCUMENT_NOUNS = frozenset(
    {"bilan", "bilans", "communiqué", "communiqués", "rapport", "rapports", "chiffres",
     "chiffre", "décompte", "estimation", "estimations", "données", "déclaration",
     "déclarations", "comptage", "recensement", "relevé", "statement", "statements",
     "report", "reports", "figures", "figure", "data", "toll", "tally", "count", "estimate",
     "estimates", "tolls", "dernier", "dernière", "derniers", "nouveau", "nouvelle",
     "officiel", "officielle", "officiels", "provisoire", "latest", "new", "official",
     "provisional", "death", "preliminary", "préliminaire", "most", "recent", "récent"}
)  # fmt: skip
DOCUMENT_LINKS = frozenset({"de", "du", "des", "from", "of", "by", "issued", "published"})

PRONOUNS = frozenset({"il", "elle", "ils", "elles", "lui", "eux", "he", "she", "they", "him",
                      "them", "it"})  # fmt: skip

# Unnamed sources: "une source militaire", "officials", "de source sécuritaire".
GENERIC_SOURCE_NOUNS = frozenset(
    {"source", "sources", "responsable", "responsables", "témoin", "témoins", "habitant",
     "habitants", "médecin", "médecins", "diplomate", "diplomates", "militant", "militants",
     "secouriste", "secouristes", "secours", "officier", "officiers", "expert", "experts",
     "analyste", "analystes", "journaliste", "journalistes", "correspondant",
     "correspondants", "employé", "employés", "humanitaire", "humanitaires", "autorités",
     "policier", "policiers", "enquêteur", "enquêteurs", "membre", "membres", "proche",
     "proches", "riverain", "riverains", "soignant", "soignants", "rescapé", "rescapés",
     "official", "officials", "witness", "witnesses", "resident", "residents", "doctor",
     "doctors", "diplomat", "diplomats", "activist", "activists", "rescuer", "rescuers",
     "officer", "officers", "analyst", "analysts", "authorities", "police", "medics",
     "medic", "paramedics", "investigators", "investigator", "relatives", "survivors",
     "survivor", "worker", "workers", "volunteer", "volunteers", "bénévole", "bénévoles",
     # an organization not named yet: "une ONG locale", "a war monitor", "a rights group"
     "ONG", "NGO", "monitor", "group", "groupe", "organisation", "organization", "agency",
     "agence", "observatoire", "observatory"}
)  # fmt: skip
INDEFINITE_DETS = frozenset(
    {"un", "une", "des", "plusieurs", "deux", "trois", "certains", "certaines", "de",
     "a", "an", "several", "some", "two", "three", "many", "other", "les", "the"}
)  # fmt: skip

# ------------------------------------------------------------------ designators


@dataclass(frozen=True, slots=True)
class Designator:
    """A common noun that refers back to an actor: "l'ONG", "le président"."""

    kind: Literal["person", "organization"]
    keywords: tuple[str, ...]  # words looked for in a candidate actor's names
    strict: bool = False  # True: an actor without a keyword match is not a candidate


def _org(*keywords: str, strict: bool = False) -> Designator:
    return Designator("organization", keywords, strict)


def _role(*keywords: str) -> Designator:
    return Designator("person", keywords)


DESIGNATORS: PhraseTable[Designator] = PhraseTable(
    {
        # organizations that a generic noun may stand for
        "ONG": _org("ong", "ngo"), "NGO": _org("ong", "ngo"),
        "organisation": _org("organisation", "organization"),
        "organization": _org("organisation", "organization"),
        "agence": _org("agence", "agency"), "agency": _org("agence", "agency"),
        "ministère": _org("ministère", "ministry"), "ministry": _org("ministère", "ministry"),
        "groupe": _org("groupe", "group"), "group": _org("groupe", "group"),
        "mouvement": _org("mouvement", "movement"), "movement": _org("mouvement", "movement"),
        "monitor": _org("observatoire", "observatory", "monitor"),
        "observatoire": _org("observatoire", "observatory", strict=True),
        "observatory": _org("observatoire", "observatory", strict=True),
        "armée": _org("armée", "army", strict=True),
        "army": _org("armée", "army", strict=True),
        "coalition": _org("coalition", strict=True),
        "gouvernement": _org("gouvernement", "government", strict=True),
        "government": _org("gouvernement", "government", strict=True),
        "régime": _org("régime", "regime", strict=True),
        "regime": _org("régime", "regime", strict=True),
        "milice": _org("milice", "militia", strict=True),
        "militia": _org("milice", "militia", strict=True),
        "commission": _org("commission", strict=True),
        "comité": _org("comité", "committee", strict=True),
        "committee": _org("comité", "committee", strict=True),
        "conseil": _org("conseil", "council", strict=True),
        "council": _org("conseil", "council", strict=True),
        "office": _org("office", "bureau", strict=True),
        "bureau": _org("office", "bureau", strict=True),
        "mission": _org("mission", strict=True),
        "police": _org("police", strict=True),
        "alliance": _org("alliance", strict=True),
        # people
        "président": _role("président", "president"),
        "présidente": _role("président", "president"),
        "president": _role("président", "president"),
        "ministre": _role("ministre", "minister"), "minister": _role("ministre", "minister"),
        "premier ministre": _role("premier", "ministre", "prime", "minister"),
        "prime minister": _role("premier", "ministre", "prime", "minister"),
        "porte-parole": _role("porte-parole", "spokesman", "spokeswoman", "spokesperson"),
        "spokesman": _role("porte-parole", "spokesman", "spokesperson"),
        "spokeswoman": _role("porte-parole", "spokeswoman", "spokesperson"),
        "spokesperson": _role("porte-parole", "spokesman", "spokeswoman", "spokesperson"),
        "chef": _role("chef", "chief", "head", "leader"),
        "cheffe": _role("chef", "chief", "head", "leader"),
        "chief": _role("chef", "chief", "head"),
        "dirigeant": _role("dirigeant", "leader"), "dirigeante": _role("dirigeant", "leader"),
        "leader": _role("dirigeant", "leader", "chef"),
        "secrétaire général": _role("secrétaire", "secretary"),
        "secrétaire générale": _role("secrétaire", "secretary"),
        "secretary-general": _role("secrétaire", "secretary"),
        "secretary general": _role("secrétaire", "secretary"),
        "secretary": _role("secrétaire", "secretary"),
        "commandant": _role("commandant", "commander"),
        "commander": _role("commandant", "commander"),
        "directeur": _role("directeur", "director"), "directrice": _role("directeur", "director"),
        "director": _role("directeur", "director"),
        "ambassadeur": _role("ambassadeur", "ambassador"),
        "ambassadrice": _role("ambassadeur", "ambassador"),
        "ambassador": _role("ambassadeur", "ambassador"),
        "émissaire": _role("émissaire", "envoyé", "envoy"),
        "envoyé": _role("émissaire", "envoyé", "envoy"),
        "envoyée": _role("émissaire", "envoyé", "envoy"),
        "envoy": _role("émissaire", "envoyé", "envoy"),
        "roi": _role("roi", "king"), "king": _role("roi", "king"),
        "reine": _role("reine", "queen"), "queen": _role("reine", "queen"),
        "prince": _role("prince"), "émir": _role("émir", "emir"), "emir": _role("émir", "emir"),
        "général": _role("général", "general"), "general": _role("général", "general"),
        "haut-commissaire": _role("commissaire", "commissioner"),
        "high commissioner": _role("commissaire", "commissioner"),
        "rapporteur": _role("rapporteur"), "rapporteuse": _role("rapporteur"),
        "médiateur": _role("médiateur", "mediator"), "mediator": _role("médiateur", "mediator"),
        "négociateur": _role("négociateur", "negotiator"),
        "negotiator": _role("négociateur", "negotiator"),
        "patron": _role("patron", "chef", "head"),
        "maire": _role("maire", "mayor"), "mayor": _role("maire", "mayor"),
        "gouverneur": _role("gouverneur", "governor"),
        "governor": _role("gouverneur", "governor"),
        "juge": _role("juge", "judge"), "judge": _role("juge", "judge"),
        "procureur": _role("procureur", "prosecutor"),
        "prosecutor": _role("procureur", "prosecutor"),
        "avocat": _role("avocat", "lawyer"), "avocate": _role("avocat", "lawyer"),
        "lawyer": _role("avocat", "lawyer"),
        "docteur": _role("docteur", "médecin", "doctor", "dr"),
        "médecin": _role("docteur", "médecin", "doctor", "dr"),
        "doctor": _role("docteur", "médecin", "doctor", "dr"),
        "chirurgien": _role("chirurgien", "docteur", "médecin", "surgeon", "doctor", "dr"),
        "surgeon": _role("chirurgien", "docteur", "médecin", "surgeon", "doctor", "dr"),
        "responsable": _role("responsable", "official"),
        "official": _role("responsable", "official"),
        "head": _role("chef", "chief", "head"),
    }
)  # fmt: skip
CONTRACTED_DETS = frozenset({"du", "au"})  # "de le", "à le"
DESIGNATOR_DETS = CONTRACTED_DETS | {"le", "la", "the", "ce", "cet", "cette", "this", "that"}

# Nationality adjectives and the country names they go with, so that "le
# président américain" matches "président des États-Unis" in a description.
DEMONYMS: tuple[frozenset[str], ...] = tuple(
    frozenset(group.split())
    for group in (
        "américain américaine américains us usa états-unis etats-unis american america",
        "russe russes russie russian russia",
        "syrien syrienne syriens syrie syrian syria",
        "israélien israélienne israéliens israël israel israeli",
        "iranien iranienne iraniens iran iranian",
        "turc turque turcs turquie turkish turkey türkiye",
        "français française france french",
        "britannique britanniques royaume-uni british uk britain",
        "ukrainien ukrainienne ukrainiens ukraine ukrainian",
        "libanais libanaise liban lebanese lebanon",
        "palestinien palestinienne palestiniens palestine palestinian",
        "irakien irakienne irak iraq iraqi",
        "chinois chinoise chine chinese china",
        "allemand allemande allemagne german germany",
        "égyptien égyptienne égypte egyptian egypt",
        "saoudien saoudienne saoudite saudi arabia",
        "yéménite yémen yemeni yemen",
        "soudanais soudanaise soudan sudanese sudan",
        "afghan afghane afghanistan afghan",
        "kurde kurdes kurdish kurdistan",
        "européen européenne europe european ue eu",
        "onusien onusienne onu un",
        "jordanien jordanienne jordanie jordanian jordan",
        "qatari qatarie qatar",
    )
)

# ---------------------------------------------------------------- continuation

# A sentence with one of these, and no source of its own, continues the report
# of the sentence before it.
CONTINUATION_MARKERS: PhraseTable[str] = PhraseTable(
    (m, "marker")
    for m in (
        "également", "aussi", "en outre", "par ailleurs", "de plus", "d'autre part",
        "la même source", "même source", "parmi eux", "parmi elles", "toujours",
        "also", "further", "furthermore", "moreover", "in addition", "additionally",
        "the same source", "among them", "among those", "would", "reportedly", "allegedly",
    )
)
# French conditional (reported speech): "aurait", "seraient".
CONDITIONAL_RE = re.compile(r"^[^\W\d_]{2,}(?:rait|raient)$", re.IGNORECASE)
NOT_CONDITIONAL = frozenset(
    {"portrait", "retrait", "extrait", "attrait", "trait", "abstrait", "distrait",
     "soustrait", "portraits", "retraits", "extraits", "traits"}
)  # fmt: skip
