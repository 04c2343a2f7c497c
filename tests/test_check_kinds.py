"""`site-builder check` lists the actors whose kind the model disagreed on."""

from __future__ import annotations

from site_builder.check import kind_conflicts
from site_builder.link import Registry, link_actors
from tests.test_link_support import art


def test_a_close_vote_is_listed_once_at_the_first_mention():
    item = art("a", "[Hemedti|org] a parlé.", "[Hemedti|per] a répondu.",
               "[Hemedti|org] a insisté.")
    actors = link_actors([item], Registry())
    found = kind_conflicts([item], actors)
    assert len(found) == 1
    assert found[0].kind == "kind-conflict" and found[0].path == "content/a.md"
    assert "'Hemedti' is shown as organization" in found[0].message
    assert "1 as person" in found[0].message


def test_agreement_and_clear_majorities_are_not_listed():
    item = art("a", "[Idleb|loc] et [Damas|loc].", "[Idleb|loc] encore, [Idleb|loc].",
               "[Idleb|org] enfin, et [Idleb|loc].")
    actors = link_actors([item], Registry())
    assert kind_conflicts([item], actors) == []


def test_kinds_the_annotate_stage_settled_are_not_conflicts():
    import copy

    item = art("a", "[Hemedti|org] a parlé.", "[Hemedti|per] a répondu.",
               "[Hemedti|org] a insisté.")
    # What the annotate stage decided before linking: all three organizations
    # (an acronym's long form, a head noun...), whatever the model's label.
    settled = copy.deepcopy(item.annotations)
    for entity in settled.entities:
        entity.kind = "organization"
    actors = link_actors([item], Registry())
    assert kind_conflicts([item], actors, lambda article: settled) == []
