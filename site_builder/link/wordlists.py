"""The few closed word classes that name matching needs, in French and English.

These are grammar, not facts about the world: honorifics, titles, articles,
name particles and function words form small closed sets that no data package
we depend on provides. Every entry is written folded (lower case, no
diacritics, straight apostrophe) because it is compared with folded tokens.
Country names, on the other hand, come from CLDR (see countries.py).
"""

from __future__ import annotations

# Abbreviated honorifics that only ever precede a person's name, whatever the
# model thought the mention was: "M. Trump" tagged ORG is still a person.
STRONG_HONORIFICS: frozenset[str] = frozenset({
    # French
    "m.", "mm.", "mme", "mme.", "mmes", "mlle", "mlle.", "mlles", "mgr", "mgr.", "me.",
    "dr.", "pr.",
    # English
    "mr", "mr.", "mrs", "mrs.", "ms.", "messrs.", "sen.", "rep.", "gov.", "gen.", "col.",
    "lt.", "sgt.", "capt.", "cpt.", "prof.", "rev.", "hon.", "amb.",
})

# Abbreviations that are also ordinary words or acronyms without their dot
# ("Me", "MS", "PR", "Gen"): only stripped from mentions already tagged person.
WEAK_HONORIFICS: frozenset[str] = frozenset({"dr", "pr", "me", "ms", "prof", "sen", "gen", "col"})

# Titles written in full, stripped only from person mentions: "General Motors"
# and "Prince Edward Island" must keep their first word.
TITLES: frozenset[tuple[str, ...]] = frozenset(
    tuple(t.split())
    for t in (
        # French
        "president", "presidente", "vice-president", "vice-presidente", "premier ministre",
        "premiere ministre", "ministre", "chancelier", "chanceliere", "secretaire general",
        "secretaire generale", "secretaire d'etat", "porte-parole", "general", "generale",
        "marechal", "colonel", "commandant", "capitaine", "lieutenant", "roi", "reine",
        "prince", "princesse", "emir", "cheikh", "ayatollah", "imam", "pape", "cardinal",
        "eveque", "archeveque", "abbe", "pere", "soeur", "docteur", "professeur", "maitre",
        "senateur", "senatrice", "depute", "deputee", "maire", "juge", "procureur",
        "procureure", "ambassadeur", "ambassadrice", "monsieur", "madame", "mademoiselle",
        "sa majeste",
        # English
        "president", "vice president", "vice-president", "prime minister", "minister",
        "chancellor", "secretary", "secretary-general", "secretary general",
        "secretary of state", "spokesman", "spokeswoman", "spokesperson", "general",
        "colonel", "captain", "lieutenant", "king", "queen", "prince", "princess",
        "sheikh", "pope", "bishop", "archbishop", "father", "sister", "doctor", "professor",
        "senator", "congressman", "congresswoman", "representative", "governor", "mayor",
        "judge", "justice", "ambassador", "sir", "dame", "lord", "lady", "mister", "miss",
    )
)
LONGEST_TITLE = max(len(t) for t in TITLES)

# Leading articles dropped from the key of non-person mentions ("la Syrie",
# "les États-Unis", "the Netherlands"). Persons keep them: "Le Pen", "La Fontaine".
ARTICLES: frozenset[str] = frozenset({"le", "la", "les", "the"})
ELIDED_ARTICLES: tuple[str, ...] = ("l'", "d'")

# Particles inside personal names. They are optional when matching a surname
# to a full name ("Assad" ~ "Bachar al-Assad", "Ben Laden" ~ "Oussama ben Laden")
# and never count as a name on their own.
NAME_PARTICLES: frozenset[str] = frozenset({
    "al", "el", "ad", "ed", "as", "ash", "at", "ar", "az", "ul",
    "ben", "bin", "ibn", "bint", "ould", "abd",
    "de", "del", "della", "der", "des", "di", "du", "da", "dos", "das", "do", "d",
    "le", "la", "van", "von", "ten", "ter", "den", "y",
})

# Grammatical words that Schwartz–Hearst should not count as words of a long
# form. The algorithm was tuned on English biomedical text; French expansions
# carry many more of these ("Haut-Commissariat des Nations unies pour les
# réfugiés" has 8 words for a 3-letter acronym, 5 of them meaningful).
FUNCTION_WORDS: frozenset[str] = frozenset({
    # French
    "le", "la", "les", "l", "un", "une", "des", "de", "du", "d", "et", "en", "au", "aux",
    "a", "pour", "sur", "par", "dans", "avec", "contre", "sans", "sous",
    # English
    "the", "an", "of", "for", "and", "in", "on", "to", "at", "by", "with", "against",
})
