"""The provisional link of an edited article (link/provisional.py), without spaCy.

A site is linked in full; one article is edited; its provisional link,
made from the last full link, is compared with a full link of the edited
site. Where it answers, it must answer as the full link does; a name no
actor stood for gets no answer.
"""

from __future__ import annotations

from site_builder.link import Readings, Registry, link_actors
from site_builder.link.provisional import link_provisionally
from site_builder.model import AnnotatedArticle

from .test_link_support import actor_of, art

A = ("Selon l’[Observatoire syrien des droits de l’Homme|org] ([OSDH|org]), "
     "[Samir Haddad|per] est arrivé à [Alep|loc].")
B = "[M. Haddad|per] a rencontré l’[OSDH|org] à [Damas|loc]."
C = "[Leïla Haddad|per] a parlé à [Homs|loc] avec [Omar Khalil|per]."


def linked(*items: AnnotatedArticle) -> tuple[list[AnnotatedArticle], Readings]:
    readings = Readings()
    link_actors(list(items), Registry(), readings=readings)
    return list(items), readings


def provisional(before: list[AnnotatedArticle], readings: Readings,
                edited: AnnotatedArticle) -> int:
    read = readings.of(before)
    own = next((r for item, r in zip(before, read, strict=True)
                if item.article.slug == edited.article.slug), None)
    return link_provisionally(edited, own, read, Registry(), "fr")


def test_an_edit_naming_known_actors_is_linked_as_a_full_link_does() -> None:
    before, readings = linked(art("a", A), art("b", B), art("c", C))
    edited = art("b", B, "[M. Haddad|per] et l’[OSDH|org] ont vu [Omar Khalil|per] à [Alep|loc].")
    assert provisional(before, readings, edited) == 0
    full = art("b", B, "[M. Haddad|per] et l’[OSDH|org] ont vu [Omar Khalil|per] à [Alep|loc].")
    linked(art("a", A), full, art("c", C))
    assert [(e.text, e.actor, e.kind) for e in edited.annotations.entities] == \
        [(e.text, e.actor, e.kind) for e in full.annotations.entities]
    # The surname kept what its own article's last version said (two Haddads
    # on the site: its own key).
    assert actor_of(edited, "M. Haddad") == actor_of(before[1], "M. Haddad") == "haddad"


def test_a_new_name_gets_no_answer_and_stays_unlinked() -> None:
    before, readings = linked(art("a", A), art("b", B), art("c", C))
    edited = art("b", B, "[Geir Pedersen|per] est venu.")
    assert provisional(before, readings, edited) == 1
    assert actor_of(edited, "Geir Pedersen") is None
    assert actor_of(edited, "OSDH") == actor_of(before[0], "OSDH")


def test_a_new_article_takes_the_one_actor_the_site_gave_a_name() -> None:
    before, readings = linked(art("a", A), art("b", B), art("c", C))
    edited = art("d", "[Omar Khalil|per] et l’[Observatoire syrien des droits de l’Homme|org].")
    assert provisional(before, readings, edited) == 0
    assert actor_of(edited, "Omar Khalil") == actor_of(before[2], "Omar Khalil")
    assert actor_of(edited, "Observatoire syrien des droits de l’Homme") == \
        actor_of(before[0], "OSDH")
