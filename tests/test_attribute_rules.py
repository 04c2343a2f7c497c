"""The attribute stage's rules, one mechanism per test, on the real parser.

Entities are given by hand (tests/test_attribution_support.py), so each test
pins down how the parse is read, not what the recognizer finds.
"""

from __future__ import annotations

from site_builder.model import Annotations
from tests.test_attribution_support import actor, annotate, figure, quote

PEOPLE = {
    "Lina Haddad": ("haddad", "person"),
    "Haddad": ("haddad", "person"),
    "Omar Khalil": ("khalil", "person"),
    "Sara Vidal": ("vidal", "person"),
    "Croix-Verte": ("croix", "organization"),
    "Green Shield": ("shield", "organization"),
    "Veilleurs du Nord": ("veilleurs", "organization"),
}
ACTORS = [
    actor("haddad", "Lina Haddad", "person"),
    actor("khalil", "Omar Khalil", "person"),
    actor("vidal", "Sara Vidal", "person"),
    actor("croix", "Croix-Verte", "organization"),
    actor("shield", "Green Shield", "organization"),
    actor("veilleurs", "Veilleurs du Nord", "organization"),
]


def fr(*paragraphs: str) -> Annotations:
    return annotate(paragraphs, PEOPLE, ACTORS, "fr")


def en(*paragraphs: str) -> Annotations:
    return annotate(paragraphs, PEOPLE, ACTORS, "en")


def speaker(ann: Annotations, text: str) -> tuple[str | None, str | None]:
    q = quote(ann, text)
    return q.speaker, q.speaker_text


def source(ann: Annotations, text: str) -> tuple[str | None, str | None]:
    f = figure(ann, text)
    return f.source, f.source_text


# ------------------------------------------------------------------ reports


def test_inverted_subject_after_a_quote() -> None:
    ann = fr("« Les routes vers le nord sont coupées depuis lundi », a précisé Lina Haddad.")
    assert speaker(ann, "Les routes vers le nord")[0] == "haddad"


def test_passive_agent() -> None:
    ann = fr("Le départ de 120 familles a été confirmé mardi par Croix-Verte.")
    assert source(ann, "120 familles")[0] == "croix"


def test_passive_without_agent_names_no_one() -> None:
    ann = fr("Lina Haddad a été accusée d’avoir caché 40 blessés.")
    assert source(ann, "40 blessés") == (None, None)


def test_object_of_selon_past_a_document_noun() -> None:
    ann = fr("Selon un décompte de Croix-Verte, 85 maisons ont brûlé.")
    assert source(ann, "85 maisons")[0] == "croix"


def test_participle_takes_the_subject_of_its_verb() -> None:
    ann = en("Green Shield suspended its convoys on Monday, saying 12 drivers had been hurt.")
    assert source(ann, "12 drivers")[0] == "shield"


def test_an_object_after_a_participle_is_not_an_inverted_subject() -> None:
    ann = en("Omar Khalil rejected the ruling, accusing judges of a “shameful plot”.")
    assert speaker(ann, "shameful plot")[0] == "khalil"


def test_a_name_set_off_by_commas_before_the_verb_is_the_subject() -> None:
    ann = fr("La porte-parole de l’association Veilleurs du Nord, Sara Vidal, a dénoncé "
             "une situation « intenable » dans les camps.")
    assert speaker(ann, "intenable")[0] == "vidal"


def test_clitic_subject_with_a_count_in_the_sentence() -> None:
    ann = fr("Lina Haddad a parlé d’une crise grave.",
             "Environ 300 personnes ont fui, dont 40 % d’enfants, a-t-elle rappelé.")
    assert source(ann, "300 personnes")[0] == "haddad"


# -------------------------------------------------------------- references


def test_role_after_a_comma_title() -> None:
    ann = fr("La directrice de Croix-Verte, Lina Haddad, est arrivée à Goma.",
             "« Nous manquons de tout », a déclaré la directrice.")
    assert speaker(ann, "Nous manquons de tout")[0] == "haddad"


def test_unmatched_role_takes_the_person_who_spoke() -> None:
    ann = fr("« Rien n’est réglé », a déclaré Omar Khalil en quittant la réunion.",
             "« Nous reviendrons demain », a ajouté le diplomate.")
    assert speaker(ann, "Nous reviendrons demain")[0] == "khalil"


def test_a_pronoun_takes_up_a_main_clause_speaker() -> None:
    ann = fr("Interrogée sur les critiques de Omar Khalil, qui dénonce des retards, "
             "Lina Haddad a répondu que l’aide arrivait.",
             "« Les camions sont en route », a-t-elle assuré.")
    assert speaker(ann, "Les camions sont en route")[0] == "haddad"


def test_a_pronoun_after_a_speaker_it_cannot_stand_for_names_no_one() -> None:
    ann = en("Green Shield said the road was closed. Omar Khalil was seen near the border.",
             "“We have no fuel left,” she said.")
    assert speaker(ann, "We have no fuel left") == (None, None)


def test_same_designator_points_back_to_the_last_speaker() -> None:
    ann = fr("Selon le ministère de l’Intérieur du Kivu, 60 personnes sont mortes.",
             "Au moins 15 enfants ont disparu, selon le même ministère.")
    assert source(ann, "15 enfants")[1] == "le ministère de l’Intérieur du Kivu"


def test_a_described_body_is_named_by_its_words() -> None:
    ann = en("Greece’s coast guard said it had rescued 93 people.")
    assert source(ann, "93 people") == (None, "Greece’s coast guard")


# ------------------------------------------------------------------ quotes


def test_short_quote_in_reported_speech_is_kept_and_credited() -> None:
    ann = fr("Croix-Verte a assuré que ses équipes ne transportaient que des « civils blessés ».")
    assert speaker(ann, "civils blessés")[0] == "croix"


def test_scare_quotes_with_no_report_are_dropped() -> None:
    ann = fr("La ville vit dans une « normalité » de façade depuis des mois.")
    assert not ann.quotes


def test_a_quote_takes_the_report_governing_it() -> None:
    ann = en("Lawyer Sara Vidal, who denounced “arbitrary arrests”, met Omar Khalil, "
             "who said the inquiry would take months.")
    assert speaker(ann, "arbitrary arrests")[0] == "vidal"


def test_a_colon_makes_the_clause_before_a_speech_act() -> None:
    ann = fr("Lina Haddad a justifié la fermeture du poste : « La sécurité des équipes "
             "passe avant tout le reste. »")
    assert speaker(ann, "La sécurité des équipes")[0] == "haddad"


def test_any_verb_in_the_tag_after_a_quotation_reports_it() -> None:
    ann = fr("« Derrière chaque chiffre, il y a un nom », a soupiré Lina Haddad.")
    assert speaker(ann, "Derrière chaque chiffre")[0] == "haddad"


def test_a_tag_naming_someone_unresolved_does_not_borrow_the_sentence_before() -> None:
    ann = fr("Selon Croix-Verte, 200 familles attendent.",
             "« Derrière chaque chiffre, il y a un nom », a soupiré une bénévole épuisée.")
    who, words = speaker(ann, "Derrière chaque chiffre")
    assert who is None and words is not None and words.startswith("bénévole")


def test_a_narrative_figure_next_to_a_quote_stays_unsourced() -> None:
    ann = en("“We will rebuild,” Omar Khalil said.", "Some 4,000 people gathered in the square.")
    assert source(ann, "4,000 people") == (None, None)


def test_the_words_between_the_last_comma_and_the_verb_are_its_subject() -> None:
    ann = en("Floods swept through the valley on Monday, killing at least 14 people, "
             "Green Shield said.")
    assert source(ann, "14 people")[0] == "shield"


def test_a_bare_plural_subject_is_someone_unnamed() -> None:
    ann = en("Organisers of the march said more than 8,000 people had joined.")
    assert source(ann, "8,000 people") == (None, "Organisers of the march")


def test_one_of_its_officials_is_the_official() -> None:
    ann = fr("« Nous avons perdu trois ambulances », a raconté un de ses responsables, "
             "Omar Khalil.")
    assert speaker(ann, "Nous avons perdu")[0] == "khalil"


def test_a_word_may_stand_inside_a_reporting_phrase() -> None:
    ann = fr("Les autorités, qui font désormais état de 240 morts, ont rouvert la route.")
    assert source(ann, "240 morts") == (None, "autorités")


def test_citing_names_where_the_reporter_got_the_figure() -> None:
    ann = en("At least 40 people drowned off the coast, Green Shield reported, citing "
             "Omar Khalil.")
    assert source(ann, "40 people")[0] == "khalil"


def test_cite_par_is_the_relay_not_the_source() -> None:
    ann = fr("Quelque 300 familles auraient fui, selon Croix-Verte, citée par Omar Khalil.")
    assert source(ann, "300 familles")[0] == "croix"


def test_the_nearest_governing_report_wins() -> None:
    ann = fr("Interrogée sur les critiques de Omar Khalil, qui dénonce des « retards "
             "inacceptables », Lina Haddad a répondu que l’aide arrivait.")
    assert speaker(ann, "retards inacceptables")[0] == "khalil"


def test_a_demonstrative_takes_up_the_unnamed_speaker_before() -> None:
    ann = fr("Quelque 3 000 combattants seraient arrivés, selon une source sécuritaire.",
             "« Ils attaqueront avant l’hiver », a affirmé cette source.")
    assert speaker(ann, "Ils attaqueront")[1] == "source sécuritaire"


def test_a_title_makes_a_person_of_a_name_labelled_an_organization() -> None:
    names = {"Helena Varga": ("varga", "organization"), "Judit Bako": ("bako", "person")}
    actors = [actor("varga", "Helena Varga", "organization"),
              actor("bako", "Judit Bako", "person")]
    ann = annotate(["Opposition leader Helena Varga said she would appeal, with Judit Bako "
                    "at her side.", "“We will fight for every vote,” she said."],
                   names, actors, "en")
    assert speaker(ann, "We will fight")[0] == "varga"


def test_a_speech_tag_inside_the_quotation_marks() -> None:
    ann = fr("Lina Haddad a nié toute implication.",
             "« Je n’ai rien signé, a-t-elle lancé aux juges. J’étais absente ce jour-là. »")
    assert speaker(ann, "Je n’ai rien signé")[0] == "haddad"


def test_an_agent_hung_under_a_time_word() -> None:
    ann = fr("Le bilan, qui s’élève à 19 morts, a été confirmé dimanche par Croix-Verte.")
    assert source(ann, "19 morts")[0] == "croix"


def test_quoted_as_saying_names_the_one_quoted() -> None:
    ann = en("Green Shield quoted Omar Khalil as saying that 200 drones had been delivered.")
    assert source(ann, "200 drones")[0] == "khalil"


def test_a_hyphenated_city_is_a_whole_dateline() -> None:
    ann = en("PORT-AU-PRINCE, March 21 – Gang violence has displaced 360,000 people, "
             "Green Shield said on Thursday.")
    assert source(ann, "360,000 people")[0] == "shield"


# ------------------------------------------------------------------- gender


def test_gender_of_the_words_next_to_a_name() -> None:
    from site_builder.attribute.lexicon import genders

    table = genders()
    assert table.of_phrase(["la", "cheffe", "de", "la", "diplomatie"]) == "f"
    assert table.of_phrase(["le", "ministre", "de", "la", "santé"]) == "m"
    assert table.of_phrase(["la", "diplomatie"]) is None  # not a person's noun
    assert table.of_phrase(["la", "ministre", "et", "le", "directeur"]) is None  # both
    assert table.pronouns["elle"] == "f" and table.pronouns["he"] == "m"


def test_a_feminine_designator_skips_a_man_with_the_title() -> None:
    ann = fr("La cheffe de la diplomatie, Sara Vidal, a reçu le ministre de l’Intérieur, "
             "Omar Khalil, qui a rejeté toute trêve.",
             "« Nous ne viendrons pas les mains vides », a assuré la ministre.")
    assert speaker(ann, "Nous ne viendrons pas")[0] != "khalil"


def test_a_feminine_pronoun_skips_a_man_who_spoke_last() -> None:
    ann = fr("Le ministre Omar Khalil a déclaré que les routes resteraient fermées. "
             "La directrice de Croix-Verte, Lina Haddad, a rejeté ces arguments. "
             "« Les familles n’ont plus rien à manger », a-t-elle expliqué.")
    assert speaker(ann, "Les familles n’ont plus rien")[0] == "haddad"


# ------------------------------------------------ clauses, descriptions, documents


def test_a_reporting_word_tagged_as_a_noun_keeps_its_own_subject() -> None:
    ann = fr("Croix-Verte recense pour sa part 4 800 sans-abri dans la vallée, et Green Shield "
             "a enregistré 900 blessés.")
    assert source(ann, "4 800")[0] == "croix"
    assert source(ann, "900 blessés")[0] == "shield"


def test_a_name_inside_a_counted_phrase_is_not_the_description() -> None:
    ann = fr("Croix-Verte a publié mardi un bilan de 40 morts.",
             "Parmi eux figurent 9 enfants, a précisé l’ONG, qui compte également 25 soldats, "
             "dont 12 membres de la garde du nord (Veilleurs du Nord).")
    for text in ("9 enfants", "25 soldats", "12 membres"):
        assert source(ann, text)[0] != "veilleurs"


def test_a_document_subject_names_who_issued_it() -> None:
    ann = fr("Le précédent bilan de Croix-Verte, publié dimanche, faisait état de 74 morts.")
    assert source(ann, "74 morts")[0] == "croix"


def test_a_document_of_no_one_names_no_one() -> None:
    ann = fr("Le bilan des victimes de la crue faisait état de 16 disparus jeudi soir.")
    assert source(ann, "16 disparus") == (None, None)


def test_a_count_reported_through_a_document_noun() -> None:
    ann = fr("Croix-Verte a porté mercredi son bilan à au moins 312 morts. Le bilan de la "
             "tempête s’élève à 27 morts.")
    assert source(ann, "312 morts")[0] == "croix"
    assert source(ann, "27 morts") == (None, None)
    ann = en("Green Shield put the death toll at 312 on Wednesday. The toll from the storm "
             "stood at 27 dead.")
    assert source(ann, "312")[0] == "shield"
    assert source(ann, "27 dead") == (None, None)


def test_a_possessive_names_the_owner_of_a_toll() -> None:
    ann = en("Green Shield published new figures on Thursday. Its civilian toll stood at 118.")
    assert source(ann, "118")[0] == "shield"


def test_a_count_after_a_mark_with_the_words_the_verb_needs() -> None:
    ann = fr("Croix-Verte s’en tient pour sa part à 31 000 déplacés. Le navire tient à 30 "
             "mètres du quai.")
    assert source(ann, "31 000")[0] == "croix"


def test_a_coordinated_clause_repeats_its_subject() -> None:
    ann = fr("Green Shield a recensé 50 000 déplacés, un chiffre que Croix-Verte juge "
             "sous-estimé et qu’elle porte à « près de 90 000 ».")
    assert source(ann, "90 000")[0] == "croix"


def test_a_figure_before_a_coordinated_clause_is_not_reported_by_it() -> None:
    ann = fr("Plus de 120 000 déplacés vivent dans la province, et Green Shield a enregistré "
             "31 000 réfugiés.")
    assert source(ann, "120 000")[0] != "shield"
    assert source(ann, "31 000")[0] == "shield"
