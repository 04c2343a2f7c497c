"""content/actors.yml: loading, every kind of error with its line, and override."""

from __future__ import annotations

import textwrap

import pytest

from site_builder.annotate.registry_terms import RegistryTerm
from site_builder.errors import RegistryError
from site_builder.link import (
    Registry,
    RegistryActor,
    link_actors,
    load_registry,
    parse_registry,
    registry_terms,
)
from tests.test_link_support import actor_of, art

GOOD = """
actors:
  - id: osdh
    name: Observatoire syrien des droits de l'Homme
    kind: organization
    aliases:
      fr: [OSDH]
      en: [Syrian Observatory for Human Rights, SOHR]
    description: ONG basée au Royaume-Uni.
    links: {wikidata: Q1130787, website: "https://www.syriahr.com/"}
  - id: assad
    name: Bachar al-Assad
    kind: person
    aliases: [Bachar el-Assad]
"""


def parse(text: str):
    return parse_registry(textwrap.dedent(text).lstrip("\n"), "content/actors.yml")


def errors(text: str) -> list[str]:
    with pytest.raises(RegistryError) as info:
        parse(text)
    return [str(p) for p in info.value.problems]


def test_good_registry():
    registry = parse(GOOD)
    osdh, assad = registry.actors
    assert osdh.id == "osdh" and osdh.kind == "organization" and osdh.line == 2
    assert osdh.aliases == (("fr", "OSDH"), ("en", "Syrian Observatory for Human Rights"),
                            ("en", "SOHR"))
    assert dict(osdh.links) == {"wikidata": "Q1130787", "website": "https://www.syriahr.com/"}
    assert assad.aliases == ((None, "Bachar el-Assad"),)


def test_missing_and_empty_files_are_an_empty_registry(tmp_path):
    assert load_registry(tmp_path / "actors.yml") == Registry()
    (tmp_path / "actors.yml").write_text("# nothing yet\n", encoding="utf-8")
    assert load_registry(tmp_path / "actors.yml").actors == ()
    (tmp_path / "actors.yml").write_text("actors:\n", encoding="utf-8")
    assert load_registry(tmp_path / "actors.yml").actors == ()


def test_load_reads_the_file(tmp_path):
    path = tmp_path / "actors.yml"
    path.write_text(textwrap.dedent(GOOD), encoding="utf-8")
    assert [a.id for a in load_registry(path).actors] == ["osdh", "assad"]


def test_not_utf8(tmp_path):
    path = tmp_path / "actors.yml"
    path.write_bytes(b"actors:\n  - id: caf\xe9\n")
    with pytest.raises(RegistryError, match=r"actors\.yml:2: not valid UTF-8"):
        load_registry(path)


# ------------------------------------------------------- one test per error


def test_yaml_syntax_error_has_its_line():
    assert errors("""
        actors:
          - id: osdh
            name: "Observatoire
            kind: organization
        """)[0].startswith("content/actors.yml:3: YAML syntax error")


def test_wrong_top_level():
    assert errors("- id: osdh\n")[0].startswith(
        "content/actors.yml:1: the registry must be a mapping")
    assert errors("actors: {id: osdh}\n")[0].startswith(
        "content/actors.yml:1: `actors` must be a list")
    assert errors("actorz: []\n")[0] == (
        "content/actors.yml:1: top level: unknown field `actorz` — did you mean `actors`?")


def test_entry_is_not_a_mapping():
    assert errors("actors:\n  - osdh\n")[0].startswith(
        "content/actors.yml:2: each actor must be a mapping")


def test_missing_fields():
    found = errors("""
        actors:
          - name: Observatoire
            kind: organization
          - id: hts
            kind: organization
          - id: ei
            name: État islamique
        """)
    assert [f.split(" — ")[0] for f in found] == [
        "content/actors.yml:2: actor is missing `id`",
        "content/actors.yml:4: actor is missing `name`",
        "content/actors.yml:6: actor is missing `kind`",
    ]


def test_wrong_types():
    found = errors("""
        actors:
          - id: 2024
            name: [not, text]
            kind: organization
            aliases: 12
            links: [https://example.org]
        """)
    assert [f.split(" — ")[0] for f in found] == [
        "content/actors.yml:2: `id` must be text",
        "content/actors.yml:3: `name` must be text",
        "content/actors.yml:5: aliases must be a list of names",
        "content/actors.yml:6: links must be a mapping",
    ]


def test_unknown_kind():
    assert errors("actors:\n  - {id: x, name: X, kind: company}\n")[0] == (
        "content/actors.yml:2: unknown kind `company` — use one of person, organization, "
        "place, other")


def test_unknown_field_suggests_the_right_one():
    assert errors("actors:\n  - {id: x, name: X, kind: other, alias: [Y]}\n")[0] == (
        "content/actors.yml:2: actor: unknown field `alias` — did you mean `aliases`?")


def test_duplicate_ids():
    found = errors("""
        actors:
          - id: osdh
            name: Observatoire syrien des droits de l'Homme
            kind: organization
          - id: osdh
            name: OSDH
            kind: organization
        """)
    assert found[0].startswith(
        "content/actors.yml:5: duplicate id `osdh` (first used at line 2)")


def test_unsafe_ids():
    found = errors("""
        actors:
          - {id: Bachar_Assad, name: Bachar al-Assad, kind: person}
          - {id: ../etc, name: Etc, kind: other}
          - {id: état, name: État, kind: other}
        """)
    assert [f.split(" — ")[0] for f in found] == [
        "content/actors.yml:2: id `Bachar_Assad` is not a safe path segment",
        "content/actors.yml:3: id `../etc` is not a safe path segment",
        "content/actors.yml:4: id `état` is not a safe path segment",
    ]


def test_alias_of_two_actors_points_at_the_alias_line():
    found = errors("""
        actors:
          - id: osdh
            name: Observatoire syrien des droits de l'Homme
            kind: organization
            aliases: [OSDH]
          - id: other
            name: Autre observatoire
            kind: organization
            aliases:
              fr: [Observatoire, "l’OSDH"]
        """)
    assert found == [
        "content/actors.yml:10: `l’OSDH` (other) is also a name or alias of `osdh` (`OSDH`, "
        "line 5) — a name may point to one actor only; remove it from one of them"]


def test_bad_links_and_language_codes():
    found = errors("""
        actors:
          - id: osdh
            name: OSDH
            kind: organization
            aliases: {French: [Observatoire]}
            links:
              wikidata: "1130787"
              website: ftp://syriahr.com
        """)
    assert [f.split(" — ")[0] for f in found] == [
        "content/actors.yml:5: `French` is not a language code",
        "content/actors.yml:7: wikidata id `1130787` must look like Q1130787",
        "content/actors.yml:8: link `website` must be an http(s) URL, not `ftp://syriahr.com`",
    ]


def test_duplicate_yaml_keys():
    assert errors("actors:\n  - {id: x, id: y, name: X, kind: other}\n")[0].startswith(
        "content/actors.yml:2: actor: `id` is given twice")


def test_every_problem_is_reported_at_once_in_line_order():
    found = errors("""
        actors:
          - id: Bad Id
            name: Un
            kind: organization
          - id: deux
            name: Deux
            kind: company
          - id: trois
            kind: person
            links: {site: "not a url"}
          - id: deux
            name: Deux bis
            kind: other
        """)
    lines = [int(f.split(":")[1]) for f in found]
    assert lines == sorted(lines)
    assert len(found) == 5  # bad id, unknown kind, missing name, bad link, duplicate id


# ------------------------------------------------------------------ use


def test_registry_terms_per_language():
    terms = registry_terms(parse(GOOD))
    assert RegistryTerm("OSDH", "organization", "osdh", "fr") in terms
    assert RegistryTerm("SOHR", "organization", "osdh", "en") in terms
    assert RegistryTerm("Bachar al-Assad", "person", "assad", None) in terms
    assert terms == sorted(terms, key=lambda t: (t.actor, t.text, t.lang or ""))


def test_registry_wins_over_inference():
    registry = parse(GOOD)
    a = art("a", "L’[OSDH|org] et le [Syrian Observatory for Human Rights|org] ([SOHR|org]).",
            "[M. Bachar el-Assad|per] et [le président Bachar al-Assad|per].")
    actors = link_actors([a], registry)
    assert actor_of(a, "OSDH") == actor_of(a, "SOHR") == "osdh"
    assert actor_of(a, "Syrian Observatory for Human Rights") == "osdh"
    assert actor_of(a, "M. Bachar el-Assad") == actor_of(a, "le président Bachar al-Assad") == (
        "assad")
    osdh = actors["osdh"]
    assert osdh.from_registry and osdh.description == "ONG basée au Royaume-Uni."
    assert osdh.links["wikidata"] == "Q1130787"
    assert "Syrian Observatory for Human Rights" in osdh.aliases


def test_registry_id_set_by_the_ruler_is_kept_and_stale_ids_are_not():
    registry = Registry((RegistryActor("hts", "Hayat Tahrir al-Cham", "organization"),))
    a = art("a", "Le groupe [HTC|org] et [Samir Haddad|per].")
    first, second = a.annotations.entities
    first.actor = "hts"  # the annotate stage's EntityRuler matched a registry term
    second.actor = "someone-from-an-old-cache"
    link_actors([a], registry)
    assert first.actor == "hts"
    assert second.actor == "samir-haddad"


def test_registry_actors_are_returned_even_unmentioned():
    actors = link_actors([], parse(GOOD))
    assert list(actors) == ["assad", "osdh"]
    assert actors["assad"].aliases == ["Bachar el-Assad"]


def test_auto_actor_never_takes_a_registry_id():
    registry = Registry((RegistryActor("samir-haddad", "Samir Haddad (médecin)", "person"),))
    a = art("a", "[Samir Haddad|per] témoigne.")
    actors = link_actors([a], registry)
    assert actor_of(a, "Samir Haddad") != "samir-haddad"
    assert actors["samir-haddad"].name == "Samir Haddad (médecin)"
