"""The stage end to end with blank pipelines: routing, registry terms, protected
ranges, fallback, ordering and progress. No statistical model is loaded here."""

from __future__ import annotations

import logging

import pytest

from site_builder.annotate import AnnotateStats, RegistryTerm, annotate_articles
from site_builder.annotate.pipelines import plan_components
from site_builder.config import AnnotateConfig
from tests.test_annotate_support import BLANK, article, entity_texts

FR_PARA = ("Le ministère de l’Intérieur a annoncé lundi l’interpellation de trois suspects "
           "à Paris, a-t-on appris de source policière.")
EN_PARA = ("The State Department said on Monday that the White House had not been "
           "informed of the arrests in Paris.")
TERMS = [
    RegistryTerm("Paris", "place", "paris"),
    RegistryTerm("White House", "organization", "white-house", "en"),
    RegistryTerm("Maison-Blanche", "organization", "white-house", "fr"),
]


def test_each_block_gets_its_language_and_entities_carry_it() -> None:
    [ann], _ = annotate_articles([article(f"{FR_PARA}\n\n{EN_PARA}\n")], BLANK, None, TERMS)
    assert [(b.id, b.lang) for b in ann.blocks] == [("b0", "fr"), ("b1", "en")]
    by_block = {(e.block, e.text): e for e in ann.entities}
    assert by_block["b0", "Paris"].lang == "fr"
    assert by_block["b1", "Paris"].lang == "en"
    assert by_block["b1", "White House"].lang == "en"
    assert by_block["b1", "White House"].actor == "white-house"


def test_english_quotation_in_french_paragraph_is_analysed_in_english() -> None:
    body = ("Le porte-parole, interrogé jeudi soir par la presse à Paris, a déclaré : "
            "« We will never let the White House decide for us, never. »\n")
    [ann], _ = annotate_articles([article(body)], BLANK, None, TERMS)
    assert ann.blocks[0].lang == "fr"
    langs = {e.text: e.lang for e in ann.entities}
    assert langs == {"Paris": "fr", "White House": "en"}


def test_block_texts_offsets_figures_and_quotes() -> None:
    art = article(f"# Titre à Paris\n\n{FR_PARA}\n\n- Paris, encore\n")
    [ann], _ = annotate_articles([art], BLANK, None, TERMS)
    assert [b.text for b in ann.blocks] == [b.text for b in art.blocks]
    texts = {b.id: b.text for b in art.blocks}
    for e in ann.entities:
        assert texts[e.block][e.start : e.end] == e.text
    for s in ann.sentences:
        assert texts[s.block][s.start : s.end].strip() == texts[s.block][s.start : s.end]
    # The stage also finds figures and quotes (who said them comes later).
    assert [f.text for f in ann.figures] == ["trois suspects"]
    for item in (*ann.figures, *ann.quotes):
        assert texts[item.block][item.start : item.end] in item.text
    assert all(f.source is None for f in ann.figures)
    assert all(q.speaker is None for q in ann.quotes)
    assert len(ann.entities) == 3


def test_registry_terms_set_kind_label_and_actor() -> None:
    [ann], _ = annotate_articles([article(FR_PARA)], BLANK, None, TERMS)
    [paris] = ann.entities
    assert (paris.kind, paris.label, paris.actor) == ("place", "REGISTRY", "paris")


def test_protected_ranges_are_never_annotated() -> None:
    body = "Le code `Paris` et le lien <https://Paris.example/> parlent de Paris.\n"
    art = article(body)
    [ann], _ = annotate_articles([art], BLANK, None, [RegistryTerm("Paris", "place", "p")])
    [block] = art.blocks
    assert len(block.protected) == 2
    assert [(e.text, e.start) for e in ann.entities] == [("Paris", block.text.rindex("Paris"))]


def test_missing_model_falls_back_with_one_warning(caplog: pytest.LogCaptureFixture) -> None:
    config = AnnotateConfig(models={"fr": "blank", "en": "no_such_model_xyz"},
                            languages=("fr", "en"))
    articles = [article(EN_PARA, "a", "en"), article(EN_PARA, "b", "en")]
    with caplog.at_level(logging.WARNING, logger="site_builder.annotate"):
        anns, stats = annotate_articles(articles, config, None, TERMS)
    assert len(stats.warnings) == 1
    assert "no_such_model_xyz" in stats.warnings[0]
    assert sum("no_such_model_xyz" in r.getMessage() for r in caplog.records) == 1
    assert stats.models["en"].startswith("blank:en")
    assert entity_texts(anns[0]) == ["White House", "Paris"]
    assert anns[0].sentences


def test_unconfigured_language_falls_back_too() -> None:
    config = AnnotateConfig(models={}, languages=())
    [ann], stats = annotate_articles([article("Berlin ist schön.", lang="de")], config, None,
                                     [RegistryTerm("Berlin", "place", "berlin")])
    assert entity_texts(ann) == ["Berlin"]
    assert any("no spaCy model is configured" in w for w in stats.warnings)


def test_results_in_input_order_and_progress_counts_every_article() -> None:
    articles = [article(f"Paris numéro {i}.", f"a{i}") for i in range(5)]
    articles.append(article("", "empty"))
    done: list[int] = []
    anns, stats = annotate_articles(articles, BLANK, None, TERMS, progress=done.append)
    assert sum(done) == len(articles)
    assert [a.blocks[0].text if a.blocks else "" for a in anns] == [
        *(f"Paris numéro {i}." for i in range(5)), ""]
    assert isinstance(stats, AnnotateStats)
    assert stats.cache_misses == len(articles) and stats.cache_hits == 0
    assert stats.model_loaded and stats.processes == 1


def test_plan_keeps_ner_sentences_syntax_and_the_tok2vec_they_listen_to() -> None:
    config = {
        "nlp": {"pipeline": ["tok2vec", "tagger", "parser", "lemmatizer", "ner"],
                "disabled": []},
        "components": {
            "tok2vec": {"factory": "tok2vec", "model": {}},
            "tagger": {"factory": "tagger", "model": {"tok2vec": {
                "@architectures": "spacy.Tok2VecListener.v1", "upstream": "*"}}},
            "parser": {"factory": "parser", "model": {"tok2vec": {
                "@architectures": "spacy.Tok2VecListener.v1", "upstream": "tok2vec"}}},
            "lemmatizer": {"factory": "lemmatizer"},
            "ner": {"factory": "ner", "model": {"tok2vec": {
                "@architectures": "spacy.Tok2Vec.v2"}}},
        },
    }
    # The tagger and the parser stay for attribution's parse; never the lemmatizer.
    assert plan_components(config) == (["lemmatizer"], [])
    config["nlp"]["pipeline"].insert(3, "senter")
    config["nlp"]["disabled"] = ["senter"]
    config["components"]["senter"] = {"factory": "senter", "model": {
        "tok2vec": {"@architectures": "spacy.Tok2Vec.v2"}}}
    assert plan_components(config) == (["lemmatizer"], ["senter"])


def test_a_prefetch_worker_that_cannot_load_reports_it_on_its_first_task(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A pool initializer that raises is restarted forever: the error must wait
    for the first task, which carries it back to the build."""
    from site_builder.annotate import analysis, prefetch

    def broken(*args: object) -> None:
        raise OSError("model files unreadable")

    monkeypatch.setattr(analysis, "warm_up", broken)
    monkeypatch.setattr(prefetch, "_FAILED", None)
    prefetch._init(BLANK, (), ("fr",))
    with pytest.raises(OSError, match="unreadable"):
        prefetch._analyse([])
