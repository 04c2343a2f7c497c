"""Closed-class word lists the filters and the label refinement rely on.

Only closed classes live here (articles, clitics, pronouns, auxiliaries,
calendar words, organization head nouns): they are finite, language-specific
and stable, unlike open-class vocabulary which the models handle. Every list
is lower-case; lookups casefold first. A language without lists gets the
language-independent rules only.
"""

from __future__ import annotations

from functools import cache

# Elided clitics, written with a straight apostrophe (filters read normalized text).
ELISIONS: dict[str, frozenset[str]] = {
    "fr": frozenset({"l'", "d'", "n'", "qu'", "s'", "j'", "m'", "t'", "c'",
                     "jusqu'", "lorsqu'", "puisqu'", "quoiqu'", "presqu'"}),
    "en": frozenset(),
}

# Words that may open a mention in running text but are not part of the name
# ("le Caire", "the Hague" are trimmed to "Caire", "Hague" only when lower-case).
DETERMINERS: dict[str, frozenset[str]] = {
    "fr": frozenset({"le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "au",
                     "aux", "ce", "cet", "cette", "ces", "son", "sa", "ses", "leur", "leurs",
                     "notre", "nos", "votre", "vos", "mon", "ma", "mes", "selon", "par",
                     "pour", "avec", "sans", "sur", "sous", "chez", "dans", "en", "à", "et",
                     "ou", "entre", "vers", "contre", "depuis", "après", "avant", "lors", "dès",
                     "auprès", "parmi", "via"}),
    "en": frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "his", "her",
                     "their", "our", "your", "my", "of", "by", "for", "with", "from", "in",
                     "on", "at", "to", "and", "or", "according", "between", "against"}),
}

# Capitalized determiners that open a sentence rather than a name: "The
# Pentagon said" (while French "Le Monde", "La Haye" keep their article).
SENTENCE_INITIAL: dict[str, frozenset[str]] = {
    "fr": frozenset(),
    "en": frozenset({"the", "a", "an", "this", "that", "these", "those"}),
}

# Particles that belong inside person names ("Charles de Gaulle", "von der Leyen"):
# never trimmed from the start of a person mention.
NAME_PARTICLES: frozenset[str] = frozenset({
    "de", "du", "des", "d'", "la", "le", "van", "von", "der", "den", "da", "di", "do", "dos",
    "al", "el", "bin", "ben", "ibn", "abu", "ter", "zu",
})

# Words that can never be a mention on their own.
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "fr": frozenset({"il", "elle", "ils", "elles", "on", "nous", "vous", "je", "tu", "qui",
                     "que", "quoi", "dont", "où", "ne", "pas", "plus", "mais", "donc", "or",
                     "ni", "car", "si", "alors", "ainsi", "cela", "ceci", "ça", "lui", "eux",
                     "celui", "celle", "ceux", "celles", "tout", "tous", "toute", "toutes",
                     "aussi", "très", "déjà", "encore", "même", "y", "monsieur", "madame",
                     "m.", "mme", "mmes", "mm."}),
    "en": frozenset({"he", "she", "it", "they", "we", "you", "i", "who", "whom", "which",
                     "what", "not", "but", "so", "if", "then", "also", "very", "mr", "mr.",
                     "mrs", "mrs.", "ms", "ms.", "there", "here", "all"}),
}

# Finite auxiliaries, copulas and reporting verbs: a mention containing one is a
# clause, not a name. Without a tagger in the pipeline this is the verb check.
VERB_FORMS: dict[str, frozenset[str]] = {
    "fr": frozenset({"est", "sont", "était", "étaient", "sera", "seront", "serait", "soit",
                     "été", "être", "suis", "es", "sommes", "êtes", "fut", "a", "ont", "avait",
                     "avaient", "aura", "auront", "aurait", "ai", "as", "avons", "avez", "eu",
                     "avoir", "va", "vont", "doit", "doivent", "peut", "peuvent", "fait",
                     "font", "dit", "disent", "déclaré", "affirmé", "indiqué", "annoncé",
                     "estimé", "ajouté", "précisé"}),
    "en": frozenset({"is", "are", "was", "were", "be", "been", "being", "am", "has", "have",
                     "had", "having", "will", "would", "shall", "should", "can", "could",
                     "may", "might", "must", "do", "does", "did", "said", "says", "say",
                     "told", "added", "announced"}),
}
# Subject pronouns and negation: as strong a sign of a clause as a verb.
CLAUSE_WORDS: dict[str, frozenset[str]] = {
    "fr": frozenset({"je", "j'", "tu", "il", "elle", "nous", "vous", "ils", "elles", "on",
                     "ne", "n'", "qu'", "qui", "que", "pas"}),
    "en": frozenset({"i", "he", "she", "we", "they", "you", "not", "n't", "who", "that"}),
}

WEEKDAYS: dict[str, frozenset[str]] = {
    "fr": frozenset({"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"}),
    "en": frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                     "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
                     "sat", "sun"}),
}
MONTHS: dict[str, frozenset[str]] = {
    "fr": frozenset({"janvier", "février", "fevrier", "mars", "avril", "mai", "juin",
                     "juillet", "août", "aout", "septembre", "octobre", "novembre",
                     "décembre", "decembre", "janv", "févr", "fév", "avr", "juil", "sept",
                     "oct", "nov", "déc"}),
    "en": frozenset({"january", "february", "march", "april", "may", "june", "july",
                     "august", "september", "october", "november", "december", "jan", "feb",
                     "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}),
}
# Words that may accompany a weekday or month in a date expression.
DATE_WORDS: dict[str, frozenset[str]] = {
    "fr": frozenset({"matin", "soir", "midi", "après-midi", "nuit", "dernier", "dernière",
                     "prochain", "prochaine", "début", "fin", "mi", "er", "1er", "le", "la",
                     "de", "du", "au", "en", "à"}),
    "en": frozenset({"morning", "evening", "night", "afternoon", "last", "next", "early",
                     "late", "mid", "st", "nd", "rd", "th", "of", "on", "in", "the"}),
}

# Head nouns of organization names. French names put the head first
# ("Observatoire syrien des droits de l'Homme"), English ones before the first
# preposition ("Syrian Observatory for Human Rights").
ORG_HEADS: dict[str, frozenset[str]] = {
    "fr": frozenset({"observatoire", "organisation", "organization", "ministère", "agence",
                     "comité", "conseil", "commission", "union", "parti", "front", "armée",
                     "banque", "fondation", "fédération", "association", "institut", "office",
                     "haut-commissariat", "cour", "tribunal", "assemblée", "sénat",
                     "gouvernement", "université", "compagnie", "société", "groupe",
                     "alliance", "ligue", "mouvement", "brigade", "brigades", "forces",
                     "syndicat", "fonds", "autorité", "direction", "confédération", "centre",
                     "collectif", "coalition", "conférence", "secrétariat", "bureau",
                     "service", "services", "police", "gendarmerie", "régiment", "académie",
                     "croix-rouge", "croissant-rouge", "parlement", "mission"}),
    "en": frozenset({"observatory", "organization", "organisation", "ministry", "department",
                     "agency", "committee", "council", "commission", "union", "party", "front",
                     "army", "bank", "foundation", "federation", "association", "institute",
                     "office", "court", "tribunal", "assembly", "senate", "government",
                     "university", "company", "corporation", "corp", "inc", "group",
                     "alliance", "league", "movement", "brigade", "brigades", "forces",
                     "fund", "authority", "directorate", "confederation", "center", "centre",
                     "coalition", "conference", "secretariat", "bureau", "service", "police",
                     "regiment", "academy", "parliament", "mission", "administration",
                     "board", "network", "society", "trust", "ltd", "llc", "defence",
                     "defense"}),
}
PREPOSITIONS: dict[str, frozenset[str]] = {
    "fr": frozenset({"de", "des", "du", "d'", "pour", "sur", "en", "à", "au", "aux"}),
    "en": frozenset({"of", "for", "on", "in", "at", "to"}),
}

# Abbreviations after which "." does not end a sentence inside a name.
ABBREVIATIONS: frozenset[str] = frozenset({
    "m", "mm", "mme", "mgr", "dr", "pr", "me", "mr", "mrs", "ms", "st", "ste", "jr", "sr",
    "inc", "corp", "co", "ltd", "gen", "col", "sgt", "lt", "gov", "sen", "rep", "prof",
    "mt", "ft", "av", "bd", "no", "vol",
})


def words_for(table: dict[str, frozenset[str]], lang: str) -> frozenset[str]:
    return table.get(lang, frozenset())


# Unions the filters test against for every mention, built once per language.


@cache
def calendar_words(lang: str) -> frozenset[str]:
    return words_for(WEEKDAYS, lang) | words_for(MONTHS, lang)


@cache
def date_words(lang: str) -> frozenset[str]:
    return calendar_words(lang) | words_for(DATE_WORDS, lang)


@cache
def clause_words(lang: str) -> frozenset[str]:
    return words_for(VERB_FORMS, lang) | words_for(CLAUSE_WORDS, lang)


@cache
def never_alone(lang: str) -> frozenset[str]:
    """Words that are never a mention on their own."""
    return (words_for(FUNCTION_WORDS, lang) | words_for(DETERMINERS, lang)
            | words_for(ELISIONS, lang) | clause_words(lang))
