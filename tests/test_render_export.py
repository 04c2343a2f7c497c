"""The JSON export: valid against the shipped schemas, documented, reproducible."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from site_builder.render import Renderer
from site_builder.render.export import schema
from tests.test_render_support import config, small_site

jsonschema = pytest.importorskip("jsonschema")

DOC = Path(__file__).parents[1] / "docs" / "json-export.md"


@pytest.fixture(scope="module")
def outputs() -> dict[str, bytes]:
    return Renderer(config()).render_all(small_site())


def load(outputs: dict[str, bytes], path: str) -> Any:
    return json.loads(outputs[path].decode("utf-8"))


SCHEMAS = ["articles", "article", "actors", "actor-counts", "figure-shard"]


@pytest.mark.parametrize("name", SCHEMAS)
def test_schemas_are_valid_schemas(name: str) -> None:
    jsonschema.Draft202012Validator.check_schema(schema(name))


def test_export_validates_against_the_schemas(outputs: dict[str, bytes]) -> None:
    index = load(outputs, "api/articles.json")
    jsonschema.Draft202012Validator(schema("articles")).validate(index)
    assert [a["slug"] for a in index["articles"]] == ["syrie-depart", "bce-taux", "geneva-talks"]
    article_schema = jsonschema.Draft202012Validator(schema("article"))
    for entry in index["articles"]:
        assert entry["annotations"] in outputs
        article_schema.validate(load(outputs, entry["annotations"]))
    jsonschema.Draft202012Validator(schema("actors")).validate(load(outputs, "api/actors.json"))
    jsonschema.Draft202012Validator(schema("actor-counts")).validate(
        load(outputs, "api/actor-counts.json"))
    shards = [rel for rel in outputs if rel.startswith("api/figures/")]
    assert "api/figures/sources/onu/1.json" in shards
    for rel in shards:
        jsonschema.Draft202012Validator(schema("figure-shard")).validate(load(outputs, rel))


def test_actor_counts_json_agrees_with_actors_json(outputs: dict[str, bytes]) -> None:
    counts = load(outputs, "api/actor-counts.json")["actors"]
    actors = load(outputs, "api/actors.json")["actors"]
    assert counts == {a["id"]: {"articles": len(a["articles"]),
                                "mentions": sum(x["mentions"] for x in a["articles"])}
                      for a in actors}
    assert counts["onu"] == {"articles": 2, "mentions": 3}


def test_actors_json(outputs: dict[str, bytes]) -> None:
    actors = load(outputs, "api/actors.json")["actors"]
    assert [a["id"] for a in actors] == ["bachar-al-assad", "damas", "onu"]
    onu = actors[2]
    assert onu["url"] == "actors/onu/index.html"
    assert onu["links"] == {"wikidata": "https://www.wikidata.org/wiki/Q1065",
                            "website": "https://www.un.org/fr/"}
    assert onu["articles"] == [
        {"slug": "syrie-depart", "url": "articles/syrie-depart/index.html", "mentions": 2},
        {"slug": "geneva-talks", "url": "articles/geneva-talks/index.html", "mentions": 1},
    ]


def test_sources_and_speakers_come_from_the_model(outputs: dict[str, bytes]) -> None:
    data = load(outputs, "api/articles/syrie-depart.json")
    assert (data["figures"][0]["source"], data["figures"][0]["source_text"]) == ("onu", "l'ONU")
    assert (data["quotes"][0]["speaker"], data["quotes"][0]["speaker_text"]) == \
        ("onu", "a spokesperson")


def test_offsets_point_into_the_block_text(outputs: dict[str, bytes]) -> None:
    data = load(outputs, "api/articles/syrie-depart.json")
    texts = {b["id"]: b["text"] for b in data["blocks"]}
    for entity in data["entities"]:
        assert texts[entity["block"]][entity["start"]:entity["end"]] == entity["text"]
    assert data["blocks"][1]["lang"] == "en"
    assert data["figures"][0]["source"] == "onu"
    assert [a["id"] for a in data["actors"]] == ["bachar-al-assad", "damas", "onu"]
    assert data["actors"][0]["url"] == "actors/bachar-al-assad/index.html"


def test_absolute_urls_with_a_base_url() -> None:
    out = Renderer(config(base_url="https://example.org/")).listing_outputs(small_site())
    index = json.loads(out["api/articles.json"])
    assert index["articles"][0]["url"] == "https://example.org/articles/syrie-depart/"
    assert index["articles"][0]["annotations"] == "api/articles/syrie-depart.json"


def test_keys_sorted_and_utf8(outputs: dict[str, bytes]) -> None:
    raw = outputs["api/articles/syrie-depart.json"].decode("utf-8")
    assert "Départ" in raw  # not \\u00e9
    data = json.loads(raw)
    assert raw == json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def test_every_schema_field_is_documented() -> None:
    doc = DOC.read_text(encoding="utf-8")
    documented = set(re.findall(r"`([a-z_]+)`", doc))
    for name in SCHEMAS:
        for field in _fields(schema(name)):
            assert field in documented, f"{field} is not described in docs/json-export.md"


def _fields(node: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "properties" and isinstance(value, dict):
                found |= set(value)
            found |= _fields(value)
    elif isinstance(node, list):
        for value in node:
            found |= _fields(value)
    return found
