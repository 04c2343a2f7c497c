"""Model labels -> the site's four entity kinds, and head-noun corrections.

Label schemes seen in spaCy models:

* WikiNER (fr, es, it, pt, de, ca, xx...): PER, ORG, LOC, MISC.
* OntoNotes (en, zh...): PERSON, ORG, GPE, LOC, FAC, NORP, EVENT, PRODUCT,
  LAW, WORK_OF_ART, LANGUAGE, and the numeric/temporal DATE, TIME, PERCENT,
  MONEY, QUANTITY, ORDINAL, CARDINAL.
* NKJP (pl): persName, orgName, placeName, geogName, date, time.
* Korean (ko): PS, OG, LC, DT, TI, QT.

Numeric and temporal labels are not entities here: figures have their own
stage, and dates are not actors. NORP (nationalities, religious and political
groups: "French", "Syrian") and LANGUAGE are dropped too: they are adjectives
or languages, not actors, and the French model does not tag them at all, so
keeping them would make the two languages disagree.
"""

from __future__ import annotations

import logging
import re

from site_builder.annotate import lexicon as lx
from site_builder.model import EntityKind

log = logging.getLogger(__name__)

LABEL_KINDS: dict[str, EntityKind] = {
    # WikiNER
    "PER": "person",
    "ORG": "organization",
    "LOC": "place",
    "MISC": "other",
    # OntoNotes
    "PERSON": "person",
    "GPE": "place",
    "FAC": "place",
    "EVENT": "other",
    "PRODUCT": "other",
    "LAW": "other",
    "WORK_OF_ART": "other",
    # NKJP
    "persName": "person",
    "orgName": "organization",
    "placeName": "place",
    "geogName": "place",
    # This project's own: a place in capitals opening a dispatch (recase.py)
    "DATELINE": "place",
    # Korean
    "PS": "person",
    "OG": "organization",
    "LC": "place",
}
IGNORED_LABELS: frozenset[str] = frozenset({
    "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "NORP",
    "LANGUAGE", "date", "time", "DT", "TI", "QT",
})

# Nationalities and groups ("Syrian", "French"): not entities, except when the
# model gives the label to a place name ("Aleppo", "Kigali"), which the
# gazetteer then recognizes (see assemble.py).
GROUP_LABELS: frozenset[str] = frozenset({"NORP"})

REGISTRY_LABEL = "REGISTRY"
# A place in capitals opening a dispatch ("IDLEB, 13 mars –"): see recase.py.
DATELINE_LABEL = "DATELINE"


def kind_of(label: str) -> EntityKind | None:
    """The kind of a model label; None for labels that are not entities here.

    An unknown label (a custom model) is kept as "other" rather than lost; the
    caller reports it once.
    """
    if label in IGNORED_LABELS:
        return None
    return LABEL_KINDS.get(label, "other")


def is_known(label: str) -> bool:
    return label in LABEL_KINDS or label in IGNORED_LABELS


_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*'?")


def head_word(text: str, lang: str) -> str:
    """The head noun of a name, casefolded: the first word in French ("Banque
    centrale européenne"), the last word before the first preposition in
    English ("Bank of England", "Syrian Observatory for Human Rights")."""
    tokens = [w.casefold() for w in _WORD.findall(text)]
    # "Les Forces de soutien rapide", "The Arakan Army": the article is not the head.
    determiners = lx.words("sentence_initial", lang) | {"le", "la", "les", "l'"}
    while len(tokens) > 1 and tokens[0] in determiners:
        tokens = tokens[1:]
    if not tokens:
        return ""
    if lang == "en":
        preps = lx.words("prepositions", lang)
        cut = next((i for i, t in enumerate(tokens) if i and t in preps), len(tokens))
        return tokens[cut - 1]
    return tokens[0]


def refine_kind(kind: EntityKind, text: str, lang: str) -> EntityKind:
    """Correct a place or "other" whose head noun names an organization.

    Small models often tag "Observatoire syrien des droits de l'Homme" as a
    place because of the country adjective; the head noun is the better cue.
    Persons are never re-labelled: a person's name has no head noun.
    """
    if kind in ("place", "other") and head_word(text, lang) in lx.words("organization_heads", lang):
        return "organization"
    return kind
