"""Worker processes give the same annotations as in-process analysis."""

from __future__ import annotations

import dataclasses

import pytest

from site_builder.annotate import RegistryTerm, annotate_articles, nlp
from site_builder.annotate.analysis import make_batches
from site_builder.config import AnnotateConfig
from tests.test_annotate_support import article

CONFIG = AnnotateConfig(models={"en": "blank"}, languages=("en",), batch_size=3)
TERMS = [RegistryTerm("Paris", "place", "paris"), RegistryTerm("UN", "organization", "un")]
ARTICLES = [article(f"Report {i}: the UN met in Paris. Nothing else.\n\nParis {i}.", f"a{i}",
                    "en") for i in range(6)]


@pytest.fixture(scope="module")
def in_process() -> list:
    anns, stats = annotate_articles(ARTICLES, CONFIG, None, TERMS)
    assert stats.processes == 1
    return anns


@pytest.mark.parametrize("fork", [True, False], ids=["fork", "spawn"])
def test_workers_match_in_process(in_process: list, fork: bool,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nlp, "PARALLEL_MIN_CHARS", 0)
    if fork and not nlp._can_fork():
        pytest.skip("fork is not available here")
    monkeypatch.setattr(nlp, "_can_fork", lambda: fork)
    done: list[int] = []
    anns, stats = annotate_articles(ARTICLES, dataclasses.replace(CONFIG, processes=2), None,
                                    TERMS, progress=done.append)
    assert stats.processes == 2
    assert anns == in_process
    assert sum(done) == len(ARTICLES)


def test_small_builds_stay_in_process() -> None:
    assert nlp.workers_for(nlp.PARALLEL_MIN_CHARS - 1, 10, 0) == 1
    assert nlp.workers_for(nlp.PARALLEL_MIN_CHARS, 10, 2) == 2
    assert nlp.workers_for(nlp.PARALLEL_MIN_CHARS, 3, 8) == 3  # never more than batches
    assert nlp.workers_for(nlp.PARALLEL_MIN_CHARS, 10, 1) == 1


def test_batches_keep_whole_articles_in_order() -> None:
    items = [(i, article("a\n\nb\n\nc", f"a{i}", "en")) for i in range(5)]
    batches = make_batches(items, 4)
    assert [[i for i, _ in b] for b in batches] == [[0, 1], [2, 3], [4]]
    assert make_batches([], 4) == []
