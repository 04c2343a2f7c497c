"""Attribution: sources of figures and speakers of quotes, French and English."""

from __future__ import annotations

import pytest

from tests.test_attribution_support import actor, annotate, figure, quote

OSDH = ("osdh", "organization")
NAMES_FR = {
    "OSDH": OSDH,
    "Observatoire syrien des droits de l'homme": OSDH,
    "Rami Abdel Rahmane": ("rami", "person"),
    "Donald Trump": ("trump", "person"),
    "Emmanuel Macron": ("macron", "person"),
    "ministère de la Santé": ("sante", "organization"),
    "Croissant-Rouge": ("croissant", "organization"),
    "AFP": ("afp", "organization"),
    "Alep": ("alep", "place"),
    "Amnesty": (None, "organization"),
    "Avichay Adraee": ("adraee", "person"),
}
NAMES_EN = {
    "Syrian Observatory for Human Rights": OSDH,
    "Observatory": OSDH,
    "Health Ministry": ("health", "organization"),
    "Donald Trump": ("trump", "person"),
    "Reuters": ("reuters", "organization"),
    "UNHCR": ("unhcr", "organization"),
}
ACTORS = [
    actor("osdh", "Observatoire syrien des droits de l'homme", "organization"),
    actor("rami", "Rami Abdel Rahmane", "person"),
    actor("trump", "Donald Trump", "person", "Président des États-Unis"),
    actor("macron", "Emmanuel Macron", "person", "Président de la République française"),
    actor("sante", "Ministère de la Santé", "organization"),
    actor("health", "Health Ministry", "organization"),
    actor("croissant", "Croissant-Rouge arabe syrien", "organization"),
    actor("afp", "Agence France-Presse", "organization"),
    actor("reuters", "Reuters", "organization"),
    actor("unhcr", "UN refugee agency", "organization"),
    actor("alep", "Alep", "place"),
    actor("adraee", "Avichay Adraee", "person"),
]


def fr(*paragraphs: str):
    return annotate(paragraphs, NAMES_FR, ACTORS, "fr")


def en(*paragraphs: str):
    return annotate(paragraphs, NAMES_EN, ACTORS, "en")


def source(ann, text: str) -> tuple[str | None, str | None]:
    f = figure(ann, text)
    return f.source, f.source_text


# ------------------------------------------------------------------ French cues


@pytest.mark.parametrize(
    "sentence",
    [
        "Selon l'OSDH, 200 civils ont été tués.",
        "D'après l'OSDH, 200 civils ont été tués.",
        "D’après l’OSDH, 200 civils ont été tués.",
        "200 civils ont été tués, selon l'OSDH.",
        "Toujours selon l'OSDH, 200 civils ont été tués.",
        "Selon un bilan de l'OSDH, 200 civils ont été tués.",
        "Selon le dernier bilan de l'OSDH, 200 civils ont été tués.",
    ],
)
def test_selon(sentence: str) -> None:
    assert source(fr(sentence), "200 civils") == ("osdh", "OSDH")


@pytest.mark.parametrize(
    "verb",
    ["affirmé", "précisé", "indiqué", "annoncé", "déclaré", "ajouté", "assuré", "rapporté",
     "souligné", "estimé", "dénoncé", "recensé", "fait état de", "également affirmé",
     "pour sa part indiqué"],
)  # fmt: skip
def test_subject_then_verb(verb: str) -> None:
    ann = fr(f"L'OSDH a {verb} 200 morts à Alep.")
    assert source(ann, "200 morts") == ("osdh", "OSDH")


@pytest.mark.parametrize("verb", ["affirme", "précise", "indique", "rapporte", "dit"])
def test_present_tense(verb: str) -> None:
    assert source(fr(f"L'OSDH {verb} que 200 civils sont morts."), "200 civils")[0] == "osdh"


@pytest.mark.parametrize(
    "sentence",
    [
        "Au moins 200 civils ont été tués, a précisé l'OSDH.",
        "Au moins 200 civils ont été tués, a indiqué à l'AFP l'OSDH.",
        "Au moins 200 civils ont été tués, précise l'OSDH.",
        "Au moins 200 civils ont été tués, a indiqué mardi l'OSDH.",
    ],
)
def test_inverted_subject(sentence: str) -> None:
    assert source(fr(sentence), "200 civils") == ("osdh", "OSDH")


def test_de_source_names_an_unnamed_source() -> None:
    ann = fr("De source militaire, on évoque 40 soldats tués.")
    assert source(ann, "40 soldats") == (None, "source militaire")
    f = figure(ann, "40 soldats")
    assert (f.source_block, ann.blocks[0].text[f.source_start : f.source_end]) == (
        "b0", "source militaire",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("Selon une source militaire, 40 soldats ont été tués.", "source militaire"),
        ("Selon des sources sécuritaires, 40 soldats ont été tués.", "sources sécuritaires"),
        ("Un responsable local a affirmé que 40 soldats ont été tués.", "responsable local"),
        ("40 soldats ont été tués, a-t-on appris de source médicale.", "source médicale"),
    ],
)
def test_unnamed_sources(sentence: str, text: str) -> None:
    assert source(fr(sentence), "40 soldats") == (None, text)


def test_two_names_of_one_actor_give_one_source() -> None:
    ann = fr(
        "Selon l'Observatoire syrien des droits de l'homme, 200 civils sont morts.",
        "Selon l'OSDH, 300 combattants sont morts.",
    )
    assert figure(ann, "200 civils").source == figure(ann, "300 combattants").source == "osdh"


def test_named_but_not_linked() -> None:
    # An entity without an actor id: the words are kept, the source stays empty.
    assert source(fr("Selon Amnesty, 25 hôpitaux ont été touchés."), "25 hôpitaux") == (
        None, "Amnesty",
    )  # fmt: skip


def test_a_name_the_entity_stage_missed() -> None:
    ann = fr("Selon Médecins sans frontières, 25 hôpitaux ont été touchés.")
    assert source(ann, "25 hôpitaux") == (None, "Médecins sans frontières")


def test_apposition_after_the_subject() -> None:
    ann = fr("Rami Abdel Rahmane, directeur de l'OSDH, a affirmé que 300 personnes avaient fui.")
    assert source(ann, "300 personnes") == ("rami", "Rami Abdel Rahmane")


def test_name_in_apposition_after_a_title() -> None:
    ann = fr(
        "Le porte-parole de l'armée, Avichay Adraee, a déclaré que 300 roquettes sont tombées."
    )
    assert source(ann, "300 roquettes") == ("adraee", "Avichay Adraee")


def test_title_followed_by_the_name() -> None:
    ann = fr("Selon le président américain Donald Trump, 300 soldats seront déployés.")
    assert source(ann, "300 soldats") == ("trump", "Donald Trump")


def test_relative_clause_subject() -> None:
    ann = fr("L'OSDH, qui a recensé 200 morts, dispose d'un vaste réseau.")
    assert source(ann, "200 morts")[0] == "osdh"


def test_acronym_in_parentheses_before_the_verb() -> None:
    ann = fr("L'Observatoire syrien des droits de l'homme (OSDH) a recensé 200 morts.")
    assert source(ann, "200 morts")[0] == "osdh"


def test_the_nearest_cue_wins() -> None:
    ann = fr(
        "Selon l'OSDH, 200 civils ont été tués, tandis que le ministère de la Santé "
        "a fait état de 150 morts."
    )
    assert source(ann, "200 civils")[0] == "osdh"
    assert source(ann, "150 morts")[0] == "sante"


def test_a_noun_is_not_a_cue_verb() -> None:
    ann = fr("Après l'annonce de l'OSDH, 200 personnes ont manifesté.")
    assert source(ann, "200 personnes") == (None, None)


def test_no_cue_no_source() -> None:
    assert source(fr("Les combats ont fait 30 blessés à Alep."), "30 blessés") == (None, None)


def test_an_object_of_a_preposition_is_not_a_subject() -> None:
    ann = fr("Les frappes sur Alep ont fait 30 blessés.")
    assert source(ann, "30 blessés") == (None, None)


# ----------------------------------------------------------------- English cues


@pytest.mark.parametrize(
    "sentence",
    [
        "More than 200 civilians died, according to the Syrian Observatory for Human Rights.",
        "According to the Syrian Observatory for Human Rights, more than 200 civilians died.",
        "The Syrian Observatory for Human Rights said more than 200 civilians were killed.",
        "The Syrian Observatory for Human Rights reported more than 200 civilians killed.",
        "The Syrian Observatory for Human Rights announced that more than 200 civilians died.",
        "The Syrian Observatory for Human Rights added that more than 200 civilians died.",
        "The Syrian Observatory for Human Rights told AFP more than 200 civilians died.",
        "More than 200 civilians were killed, the Syrian Observatory for Human Rights said.",
        "More than 200 civilians were killed, said the Syrian Observatory for Human Rights.",
        "The Syrian Observatory for Human Rights also said more than 200 civilians died.",
    ],
)
def test_english_cues(sentence: str) -> None:
    assert source(en(sentence), "200 civilians") == ("osdh", "Syrian Observatory for Human Rights")


def test_english_unnamed_sources() -> None:
    ann = en("About 40 soldiers died, a security source said. Officials said 15 bodies were found.")
    assert source(ann, "40 soldiers") == (None, "security source")
    assert source(ann, "15 bodies") == (None, "Officials")


def test_told_reuters_is_the_listener_not_the_source() -> None:
    ann = en("At least 30 people fled, the Health Ministry told Reuters.")
    assert source(ann, "30 people") == ("health", "Health Ministry")


# ------------------------------------------------------------------ designators


@pytest.mark.parametrize(
    "designator", ["L'ONG", "L'organisation", "L'Observatoire", "Cette ONG", "Le groupe"]
)
def test_organization_designators(designator: str) -> None:
    ann = fr(
        "L'OSDH a publié un rapport. Le Croissant-Rouge est intervenu à Alep."
        if designator == "L'Observatoire"
        else "L'OSDH a publié un rapport.",
        f"{designator} a recensé 50 morts.",
    )
    assert source(ann, "50 morts") == ("osdh", designator)


def test_le_ministere_prefers_an_actor_named_ministere() -> None:
    ann = fr(
        "Le ministère de la Santé a ouvert un hôpital. L'OSDH a publié un rapport.",
        "Le ministère a annoncé 70 morts.",
    )
    assert source(ann, "70 morts") == ("sante", "Le ministère")


def test_du_ministere_after_a_document_noun() -> None:
    ann = fr(
        "Le ministère de la Santé a ouvert un hôpital.",
        "Selon un bilan du ministère, 70 personnes sont mortes.",
    )
    assert source(ann, "70 personnes") == ("sante", "ministère")


def test_strict_designator_without_a_matching_actor() -> None:
    # "l'armée" never stands for the most recent organization whatever it is.
    ann = fr("L'OSDH a publié un rapport.", "L'armée a affirmé avoir tué 50 combattants.")
    assert source(ann, "50 combattants") == (None, "L'armée")


@pytest.mark.parametrize(
    ("designator", "actor_id"),
    [("The group", "osdh"), ("The monitor", "osdh"), ("The organization", "osdh"),
     ("The ministry", "health"), ("The agency", "unhcr")],
)  # fmt: skip
def test_english_designators(designator: str, actor_id: str) -> None:
    first = {
        "osdh": "The Syrian Observatory for Human Rights published a report.",
        "health": "The Health Ministry opened a hospital. UNHCR published a report.",
        "unhcr": "UNHCR published a report.",
    }[actor_id]
    ann = en(first, f"{designator} said 50 people died.")
    assert source(ann, "50 people") == (actor_id, designator)


def test_role_designator_with_nationality_uses_the_title_next_to_the_name() -> None:
    ann = fr(
        "Le président américain Donald Trump a rencontré Emmanuel Macron.",
        "Le président américain a annoncé 300 soldats supplémentaires.",
    )
    # Macron is the more recent person, but only Trump was called "président américain".
    assert source(ann, "300 soldats") == ("trump", "Le président américain")


def test_role_designator_title_after_the_name() -> None:
    ann = en(
        "Donald Trump, the US president, arrived on Monday.",
        "The US president said 300 troops would leave.",
    )
    assert source(ann, "300 troops") == ("trump", "The US president")


def test_role_designator_from_the_description() -> None:
    # No title next to the name: the actor's description "Président des États-Unis" matches.
    ann = fr("Donald Trump est arrivé à Paris.", "Le président américain a annoncé 300 soldats.")
    assert source(ann, "300 soldats")[0] == "trump"


def test_role_designator_without_qualifier_takes_the_most_recent_person() -> None:
    ann = fr("Emmanuel Macron est arrivé à Alep.", "Le président a promis 300 millions d'euros.")
    assert source(ann, "300 millions")[0] == "macron"


def test_role_designator_with_an_unknown_nationality_stays_unlinked() -> None:
    ann = fr("Emmanuel Macron est arrivé à Alep.", "Le président iranien a promis 300 soldats.")
    assert source(ann, "300 soldats") == (None, "Le président iranien")


def test_designator_refers_back_only() -> None:
    ann = fr("L'ONG a recensé 50 morts.", "L'OSDH a publié un rapport.")
    assert source(ann, "50 morts") == (None, "L'ONG")


# ----------------------------------------------------------------- continuation


def test_continuation_with_a_marker() -> None:
    ann = fr("Selon l'OSDH, 200 civils ont été tués. Parmi eux figurent également 12 enfants.")
    assert source(ann, "12 enfants") == ("osdh", "OSDH")
    f = figure(ann, "12 enfants")
    assert ann.blocks[0].text[f.source_start : f.source_end] == "OSDH"


def test_continuation_with_a_conditional() -> None:
    ann = fr("Selon l'OSDH, 200 civils ont été tués. Au moins 10 personnes seraient disparues.")
    assert source(ann, "10 personnes")[0] == "osdh"


def test_continuation_with_la_meme_source() -> None:
    ann = fr("Selon l'OSDH, 200 civils ont été tués. Il y a 12 enfants, selon la même source.")
    assert source(ann, "12 enfants") == ("osdh", "OSDH")


def test_continuation_in_english() -> None:
    first = "The Syrian Observatory for Human Rights said 200 civilians died."
    ann = en(f"{first} It also counted 12 children.")
    assert source(ann, "12 children")[0] == "osdh"
    ann = en(f"{first} There were also 12 children.")
    assert source(ann, "12 children")[0] == "osdh"


def test_continuation_into_the_next_paragraph() -> None:
    ann = fr("Selon l'OSDH, 200 civils ont été tués.", "Au moins 10 personnes seraient disparues.")
    f = figure(ann, "10 personnes")
    assert (f.source, f.source_block) == ("osdh", "b0")


def test_no_continuation_without_a_marker() -> None:
    ann = fr("Selon l'OSDH, 200 civils ont été tués. Les combats ont fait 30 blessés.")
    assert source(ann, "30 blessés") == (None, None)


def test_no_continuation_across_a_paragraph_gap() -> None:
    ann = fr("Selon l'OSDH, 200 civils sont morts.", "Il fait beau.", "Il y aurait 10 disparus.")
    assert source(ann, "10 disparus") == (None, None)


def test_continuation_window_is_small() -> None:
    ann = fr(
        "Selon l'OSDH, 200 civils ont été tués. Il y aurait 1 disparu. "
        "Il y aurait aussi 2 blessés. Il y aurait encore 3 otages. Il y aurait enfin 4 déserteurs."
    )
    assert source(ann, "3 otages")[0] == "osdh"
    assert source(ann, "4 déserteurs") == (None, None)


def test_a_new_cue_replaces_the_inherited_source() -> None:
    ann = fr(
        "Selon l'OSDH, 200 civils ont été tués. "
        "Le ministère de la Santé a également recensé 150 morts."
    )
    assert source(ann, "150 morts")[0] == "sante"


def test_pronoun_subject_points_back() -> None:
    ann = fr("Selon l'OSDH, 200 civils sont morts. Au moins 30 enfants sont morts, a-t-il ajouté.")
    assert source(ann, "30 enfants") == ("osdh", "OSDH")
    ann = en(
        "The Syrian Observatory for Human Rights said 200 civilians died. "
        "At least 30 were children, it said."
    )
    assert source(ann, "At least 30")[0] == "osdh"


def test_selon_lui() -> None:
    ann = fr("Rami Abdel Rahmane est arrivé à Alep. Selon lui, 300 personnes ont fui.")
    assert source(ann, "300 personnes") == ("rami", "Rami Abdel Rahmane")


# ----------------------------------------------------------------------- quotes


def speaker(ann, text: str) -> tuple[str | None, str | None]:
    q = quote(ann, text)
    return q.speaker, q.speaker_text


def test_quote_then_inverted_verb() -> None:
    ann = fr("« Nous ne reculerons jamais devant eux », a déclaré Rami Abdel Rahmane.")
    assert speaker(ann, "Nous ne reculerons") == ("rami", "Rami Abdel Rahmane")


def test_quote_then_pronoun() -> None:
    ann = fr(
        "Rami Abdel Rahmane a parlé mardi.",
        "« Nous ne reculerons jamais devant eux », a-t-il ajouté.",
    )
    assert speaker(ann, "Nous ne reculerons") == ("rami", "Rami Abdel Rahmane")


def test_speaker_before_a_colon() -> None:
    ann = fr("Rami Abdel Rahmane a déclaré : « Nous ne reculerons jamais devant eux ».")
    assert speaker(ann, "Nous ne reculerons")[0] == "rami"


def test_quote_written_on_twitter_by_a_role_designator() -> None:
    ann = fr(
        "Le président américain Donald Trump a réagi mardi.",
        "« Nous allons frapper très fort », a écrit sur Twitter le président américain.",
    )
    assert speaker(ann, "Nous allons frapper") == ("trump", "le président américain")


def test_quote_listener_is_skipped() -> None:
    ann = fr("« Nous ne reculerons jamais devant eux », a indiqué à l'AFP Rami Abdel Rahmane.")
    assert speaker(ann, "Nous ne reculerons")[0] == "rami"


@pytest.mark.parametrize(
    "paragraph",
    [
        "“We will hit them very hard,” said Donald Trump.",
        "“We will hit them very hard,” Donald Trump said.",
        "Donald Trump said: “We will hit them very hard.”",
    ],
)
def test_english_quote_speakers(paragraph: str) -> None:
    assert speaker(en(paragraph), "We will hit")[0] == "trump"


def test_english_quote_by_role_designator() -> None:
    ann = en(
        "US President Donald Trump spoke on Monday.",
        "“We will hit them very hard,” the US president wrote.",
    )
    assert speaker(ann, "We will hit") == ("trump", "the US president")


def test_multi_paragraph_quote_takes_the_cue_after_its_end() -> None:
    ann = fr(
        "« Nous avons tout essayé pour éviter cette guerre.",
        "« Mais ils ne nous ont laissé aucun choix », a ajouté Rami Abdel Rahmane.",
    )
    q = quote(ann, "Nous avons tout essayé")
    assert q.end_block == "b1" and q.speaker == "rami"


def test_a_quote_without_cue_continues_the_previous_speaker() -> None:
    ann = fr(
        "« Nous ne reculerons jamais devant eux », a déclaré Rami Abdel Rahmane. "
        "« Personne ne nous arrêtera. »"
    )
    assert speaker(ann, "Personne ne nous")[0] == "rami"


def test_figure_inside_a_quote_takes_the_speaker() -> None:
    ann = fr("« Nous avons perdu 200 hommes en une nuit », a déclaré Rami Abdel Rahmane.")
    assert source(ann, "200 hommes") == ("rami", "Rami Abdel Rahmane")


def test_a_cue_inside_a_quote_does_not_name_the_speaker() -> None:
    ann = fr("« Selon l'OSDH, nous avons perdu 200 hommes », a déclaré Rami Abdel Rahmane.")
    assert speaker(ann, "nous avons perdu") == ("rami", "Rami Abdel Rahmane")
    assert source(ann, "200 hommes")[0] == "osdh"


def test_quote_without_any_cue_has_no_speaker() -> None:
    ann = fr("Le texte dit : « Nous ne reculerons jamais devant personne ».")
    assert speaker(ann, "Nous ne reculerons") == (None, None)


# --------------------------------------------------------- titles and modifiers


def test_title_with_complement_then_name() -> None:
    ann = fr(
        "Les frappes ont fait 32 morts, a précisé à l'AFP le directeur de l'OSDH, "
        "Rami Abdel Rahmane."
    )
    assert source(ann, "32 morts") == ("rami", "Rami Abdel Rahmane")


def test_english_title_then_name() -> None:
    ann = en("Nearly 300 people fled, according to the UN refugee agency UNHCR.")
    assert source(ann, "300 people") == ("unhcr", "UNHCR")


def test_name_used_as_a_modifier() -> None:
    ann = en("The UNHCR field team reported 35 dead.")
    assert source(ann, "35 dead") == ("unhcr", "UNHCR")


def test_an_indefinite_organization_is_unnamed() -> None:
    ann = en("At least 32 civilians were killed on Thursday, a war monitor said.")
    assert source(ann, "32 civilians") == (None, "war monitor")


def test_acronym_un_is_not_the_article_un() -> None:
    names = {"UN": ("un", "organization")}
    ann = annotate(["Nearly 300 people fled, according to the UN."], names, [], "en")
    assert source(ann, "300 people") == ("un", "UN")


def test_honorific_before_a_name_the_entity_stage_missed() -> None:
    ann = fr("Au moins 30 soldats sont morts, a précisé M. Dupont.")
    assert source(ann, "30 soldats") == (None, "Dupont")


def test_possessive_name_before_a_noun() -> None:
    names = {"Russia": ("russia", "place")}
    ann = annotate(["Russia's defence ministry said 40 drones were downed."], names, [], "en")
    assert source(ann, "40 drones") == ("russia", "Russia")


def test_title_complement_then_comma_then_name() -> None:
    names = {"Emily Carter": ("carter", "person")}
    ann = annotate(
        ["« Nous ne demandons rien de plus que cela », a indiqué la porte-parole du "
         "département d’État, Emily Carter, lors de son point de presse."],
        names, [actor("carter", "Emily Carter", "person")], "fr",
    )  # fmt: skip
    assert speaker(ann, "Nous ne demandons") == ("carter", "Emily Carter")


def test_english_auxiliary_before_the_verb() -> None:
    names = {"World Health Organization": ("who", "organization")}
    ann = annotate(
        ["The World Health Organization (WHO) has said nearly 40% of facilities are closed."],
        names, [], "en",
    )  # fmt: skip
    assert source(ann, "40%") == ("who", "World Health Organization")


def test_a_statement_read_out_introduces_the_next_paragraph_quote() -> None:
    names = {"Karen Whitfield": ("whitfield", "person")}
    ann = annotate(
        [
            "La représentante des États-Unis, Karen Whitfield, a lu une déclaration :",
            "“The United States calls on all parties to cease hostilities immediately.”",
        ],
        names, [actor("whitfield", "Karen Whitfield", "person")], "fr",
    )  # fmt: skip
    assert speaker(ann, "The United States calls") == ("whitfield", "Karen Whitfield")


def test_pronoun_for_a_speaker_earlier_in_the_same_paragraph() -> None:
    ann = fr(
        "« Nous ne reculerons jamais devant eux », a déclaré Rami Abdel Rahmane. "
        "« Personne ne nous arrêtera jamais ici », a-t-il ajouté."
    )
    assert speaker(ann, "Personne ne nous")[0] == "rami"


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("Plus de 1 400 personnes sont mortes, d'après une estimation du renseignement "
         "américain publiée en 2013.", "renseignement américain"),
        ("Des milliers de Syriens ont disparu, selon les organisations de défense des droits "
         "humains.", "organisations de défense des droits humains"),
    ],
)  # fmt: skip
def test_selon_someone_described_not_named(sentence: str, text: str) -> None:
    [f] = fr(sentence).figures
    assert (f.source, f.source_text) == (None, text)


@pytest.mark.parametrize(
    "sentence",
    [
        "L'OSDH poursuit des frappes sur 5 positions.",
        "L'OSDH a maintenu des troupes sur 5 positions.",
        "L'OSDH, qui soutient 5 dispensaires, a lancé un appel.",
        "L'OSDH a conclu 5 accords.",
    ],
)
def test_verbs_that_are_not_statements(sentence: str) -> None:
    [f] = fr(sentence).figures
    assert f.source is None


def test_english_apposition_before_the_verb_beats_inversion() -> None:
    names = {"Syrian Defense Ministry": ("mod", "organization")}
    ann = annotate(
        ['A Syrian Defense Ministry official, speaking on condition of anonymity, said the '
         'army would "respect the truce as long as the other side does".'],
        names, [actor("mod", "Syrian Defense Ministry", "organization")], "en",
    )  # fmt: skip
    assert speaker(ann, "respect the truce") == ("mod", "Syrian Defense Ministry")


def test_a_far_name_before_an_inverted_verb_is_not_its_subject() -> None:
    ann = fr(
        "Le PAM a acheminé 700 tonnes de vivres depuis Alep, une quantité qui couvre à "
        "peine deux semaines de besoins, a indiqué son bureau local."
    )
    # Not the PAM nor Alep, far before the verb: the office the tag names, in words.
    assert source(ann, "700 tonnes") == (None, "son bureau local")


def test_a_sentence_led_by_another_actor_does_not_continue_the_report() -> None:
    ann = fr(
        "« Nous ne reculerons jamais devant eux », a déclaré Rami Abdel Rahmane.",
        "Donald Trump a salué l'accord, le qualifiant de « très bon premier pas vers la paix ».",
    )
    # Not the speaker before: the participle's own subject.
    assert speaker(ann, "très bon premier pas") == ("trump", "Donald Trump")


def test_organization_designators_ignore_descriptions() -> None:
    # "Coalition armée…" describes the SDF: "armée" there means armed, not army.
    actors = [actor("sdf", "Forces démocratiques syriennes", "organization",
                    "Coalition armée dominée par les combattants kurdes")]  # fmt: skip
    ann = annotate(
        ["Les Forces démocratiques syriennes tiennent le quartier.",
         "L'armée a affirmé avoir tué 50 combattants."],
        {"Forces démocratiques syriennes": ("sdf", "organization")}, actors, "fr",
    )  # fmt: skip
    assert source(ann, "50 combattants") == (None, "L'armée")
