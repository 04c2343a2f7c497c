"""Model labels -> kinds, and the head-noun correction."""

from __future__ import annotations

import pytest

from site_builder.annotate.labels import head_word, is_known, kind_of, refine_kind


@pytest.mark.parametrize(("label", "kind"), [
    ("PER", "person"), ("ORG", "organization"), ("LOC", "place"), ("MISC", "other"),
    ("PERSON", "person"), ("GPE", "place"), ("FAC", "place"), ("EVENT", "other"),
    ("PRODUCT", "other"), ("LAW", "other"), ("WORK_OF_ART", "other"),
    ("persName", "person"), ("orgName", "organization"), ("geogName", "place"),
])
def test_entity_labels_map_to_kinds(label: str, kind: str) -> None:
    assert kind_of(label) == kind
    assert is_known(label)


@pytest.mark.parametrize("label", ["DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL",
                                   "CARDINAL", "NORP", "LANGUAGE"])
def test_numeric_temporal_and_group_labels_are_not_entities(label: str) -> None:
    assert kind_of(label) is None
    assert is_known(label)


def test_unknown_labels_are_kept_as_other() -> None:
    assert kind_of("CUSTOM_THING") == "other"
    assert not is_known("CUSTOM_THING")


@pytest.mark.parametrize(("text", "lang", "head"), [
    ("Observatoire syrien des droits de l'Homme", "fr", "observatoire"),
    ("Banque centrale européenne", "fr", "banque"),
    ("Syrian Observatory for Human Rights", "en", "observatory"),
    ("Ministry of Defence", "en", "ministry"),
    ("European Central Bank", "en", "bank"),
])
def test_head_word(text: str, lang: str, head: str) -> None:
    assert head_word(text, lang) == head


def test_refine_kind_turns_misread_places_into_organizations() -> None:
    assert refine_kind("place", "Observatoire syrien des droits de l'Homme", "fr") == "organization"
    assert refine_kind("other", "ministère de l'Intérieur", "fr") == "organization"
    assert refine_kind("place", "Syrian Observatory for Human Rights", "en") == "organization"
    assert refine_kind("place", "Syrie", "fr") == "place"
    assert refine_kind("person", "Union Jack", "en") == "person"
