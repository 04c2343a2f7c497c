"""Names in capitals (recase.py) and capitalized common words (commonness.py)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from site_builder.annotate.acronyms import AcronymContext
from site_builder.annotate.commonness import is_candidate, is_common_word, lone_word
from site_builder.annotate.recase import recase


def test_datelines_and_headings_are_recased():
    assert recase("BEYROUTH, 9 mars – Les frappes", AcronymContext()) == \
        "Beyrouth, 9 mars – Les frappes"
    assert recase("GAZA, 3 mars – Un raid", AcronymContext()) == "Gaza, 3 mars – Un raid"
    assert recase("RUTH CHATTERTON parle", AcronymContext()) == "Ruth Chatterton parle"
    assert recase("GENÈVE (AFP) – Le HCR", AcronymContext()) == "Genève (AFP) – Le HCR"


def test_acronyms_stay_in_capitals():
    text = "Selon l'OSDH, l'ONU et le CICR sont à Alep."
    assert recase(text, AcronymContext()) == text
    defined = AcronymContext.build(["L'Observatoire (OSDH)"])
    assert recase("OSDH, 3 mars – Un bilan", defined) == "OSDH, 3 mars – Un bilan"
    # A word the registry writes in capitals stays so, even opening a dateline.
    registered = AcronymContext.build([], ["UNESCO"])
    assert recase("UNESCO, 3 mars", registered) == "UNESCO, 3 mars"


def test_shouting_is_recased_for_the_model_to_judge():
    assert recase("URGENT – Le Conseil", AcronymContext()) == "Urgent – Le Conseil"
    assert recase("AL-ASSAD, l'homme", AcronymContext()) == "Al-Assad, l'homme"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_recasing_keeps_every_offset(text):
    out = recase(text, AcronymContext())
    assert len(out) == len(text)
    assert out.casefold() == text.casefold() or all(
        a == b or a.lower() == b.lower() or a.upper() == b.upper()
        for a, b in zip(out, text, strict=True))


def test_lone_word():
    assert lone_word("État") == "État"
    assert lone_word("l'État") == "État"
    assert lone_word("Sud") == "Sud"
    assert lone_word("ministère de l'Intérieur") is None
    assert lone_word("Forces démocratiques syriennes") is None
    assert lone_word("Emmanuel Macron") is None
    assert lone_word("OSDH") is None


def test_candidates_are_frequent_single_words():
    assert is_candidate("Syriens", "fr")
    assert is_candidate("Conseil", "fr")
    assert not is_candidate("Lattaquié", "fr")  # too rare to be a common word
    assert not is_candidate("Bachar al-Assad", "fr")


def test_common_words_need_the_tagger_and_plural_or_frequency():
    # Demonyms and plural bodies: nouns, plural.
    assert is_common_word("Syriens", "fr", "NOUN", "Gender=Masc|Number=Plur")
    assert is_common_word("Soudanais", "fr", "NOUN", "Number=Plur")
    # Frequent singular nouns.
    assert is_common_word("Conseil", "fr", "NOUN", "Number=Sing")
    assert is_common_word("État", "fr", "NOUN", "Number=Sing")
    # A proper noun is a name, however frequent.
    assert not is_common_word("Genève", "fr", "PROPN", "Number=Sing")
    assert not is_common_word("Paris", "fr", "PROPN", "")
    # A rare singular noun keeps its benefit of the doubt ("le Pentagone").
    assert not is_common_word("Pentagone", "fr", "NOUN", "Number=Sing")
    # No tag at all (the sentence was not parsed): no verdict.
    assert not is_common_word("Conseil", "fr", "", "")


def test_a_shouted_word_is_common_unless_a_proper_noun():
    # "cesser MAINTENANT": the tagger reads an adverb; capitals were no evidence.
    assert is_common_word("Maintenant", "fr", "ADV", "", plain=True)
    assert not is_common_word("Maintenant", "fr", "ADV", "")
    assert not is_common_word("Genève", "fr", "PROPN", "", plain=True)


def test_peoples_are_plural_proper_nouns_by_tag_or_spelling():
    assert is_common_word("Kurdes", "fr", "PROPN", "")  # "kurde" about as common
    assert is_common_word("Arabes", "fr", "PROPN", "Number=Sing")  # the tag is a guess
    assert not is_common_word("Hamas", "fr", "PROPN", "")  # "hama" is rare
    assert not is_common_word("Damas", "fr", "PROPN", "")
    assert not is_common_word("Paris", "fr", "PROPN", "")


def test_a_place_running_into_a_name_is_cut_in_two():
    from site_builder.annotate.assemble import _place_then_name

    def cut(name, before="a déclaré à "):
        text = before + name
        found = _place_then_name(text, (len(before), len(text)), "fr")
        return found and (text[len(before):found[0]], text[found[1]:])

    assert cut("Genève Olivia Sanz") == ("Genève", "Olivia Sanz")
    # A sentence's first words are one name: "Luz" is a town too.
    assert not cut("Luz Marina Ortega", before="")
    assert not cut("Luz Marina Ortega", before="Hier. ")
    assert cut("Damas Bachar al-Assad") == ("Damas", "Bachar al-Assad")
    # Names that start with a place stay whole.
    assert not cut("Paris Saint-Germain")
    assert not cut("Abu Dhabi Investment Authority")
    assert not cut("New York Times Company")


def test_vague_places_are_very_common_proper_nouns_no_gazetteer_knows():
    from site_builder.annotate.commonness import is_vague_place

    assert is_vague_place("Sud", "fr", "PROPN")
    assert not is_vague_place("Europe", "fr", "PROPN")  # a continent
    assert not is_vague_place("Paris", "fr", "PROPN")  # a city
    assert not is_vague_place("Liban", "fr", "PROPN")  # rarer than a direction word


def test_acronyms_name_organizations_unless_a_state():
    from site_builder.annotate.acronyms import defines_acronym, long_form_start

    text = "Selon Hayat Tahrir al-Sham (HTS), l'État islamique (EI) et Marine Le Pen (RN)."
    hts = text.index(" (HTS)")
    assert long_form_start(text, text.index("Tahrir"), hts) == text.index("Hayat")
    assert defines_acronym(text, text.index("Hayat"), hts)
    assert defines_acronym(text, text.index("État"), text.index(" (EI)"))  # accents
    assert not defines_acronym(text, text.index("Marine"), text.index(" (RN)"))  # her party


def test_filters_trim_what_is_not_the_name():
    from site_builder.annotate.filters import Context, clean

    def name(text, kind, end=None):
        found = clean(Context(text, "fr"), 0, len(text) if end is None else end, kind)
        return found and text[found[0]:found[1]]

    assert name("Mme Haddad", "person") == "Haddad"
    assert name("Dr Haddad", "other") == "Haddad"
    assert name("DR Congo", "place") == "DR Congo"
    assert name("province de Deir ez-Zor", "place") == "Deir ez-Zor"
    assert name("Ituri province", "place") == "Ituri"
    assert name("lac Tchad", "place") == "lac Tchad"
    assert name("Porte-parole du Bureau de la coordination", "organization") == \
        "Bureau de la coordination"
    assert name("Premier ministre", "person") is None
    assert name("ALERTE – GAZA", "other") == "GAZA"
    assert name("Les Forces de soutien rapide", "organization") == "Forces de soutien rapide"
    assert name("Le Monde", "organization") == "Le Monde"
    assert name("Bachar al-Assad Lundi", "person") == "Bachar al-Assad"
    assert name("Donald Trump Jr. a dit", "person", end=15) == "Donald Trump Jr."


NAMEY = st.text(alphabet=st.sampled_from(list("AÉGHLMOSTaeéilnorstu '’-–(),.0")), max_size=60)


@settings(max_examples=200, deadline=None)
@given(NAMEY, st.sampled_from(["person", "organization", "place", "other"]),
       st.sampled_from(["fr", "en"]))
def test_clean_returns_a_span_inside_the_mention_or_nothing(text, kind, lang):
    from site_builder.annotate.filters import Context, clean

    found = clean(Context(text, lang), 0, len(text), kind)
    if found is not None:
        start, end = found
        # The dot of a final abbreviation may be taken in, one character past.
        assert 0 <= start < end <= len(text)


@settings(max_examples=200, deadline=None)
@given(NAMEY)
def test_datelines_and_place_cuts_stay_inside_the_text(text):
    from site_builder.annotate.assemble import _place_then_name
    from site_builder.annotate.recase import dateline_place

    place = dateline_place(text)
    if place is not None:
        assert 0 <= place[0] < place[1] <= len(text)
        assert text[place[0]:place[1]].isupper()
    after = "à " + text  # a cut needs a word before the mention
    cut = _place_then_name(after, (2, len(after)), "fr")
    if cut is not None:
        assert 2 < cut[0] <= cut[1] < len(after)


def test_the_agency_in_a_dateline_is_an_organization():
    from site_builder.annotate.recase import dateline_agency, dateline_place

    for text, agency in (("GENÈVE (AFP) – Le HCR", "AFP"),
                         ("KYIV, Ukraine (Reuters) — The", "Reuters"),
                         ("BEYROUTH, 9 mars – Les", None)):
        place = dateline_place(text)
        assert place is not None
        found = dateline_agency(text, place[1])
        assert (found and text[found[0]:found[1]]) == (agency or None)


def _span(text, word):
    start = text.index(word)
    return start, start + len(word)


def test_a_demonym_the_article_also_writes_in_lower_case_is_dropped():
    from site_builder.annotate.assemble import _lower_plural
    from site_builder.annotate.filters import Context

    text = "Près de 30 000 Brennois ont fui. Les juristes brennois et les Forces de Brenne."
    ctx = Context(text, "fr", frozenset({0}), AcronymContext())
    lower = frozenset({"juristes", "brennois", "les", "ont", "fui", "et", "de", "forces"})
    assert _lower_plural(ctx, _span(text, "Brennois"), "place", lower)
    # Not without the lower-case evidence, not a person, not a known place.
    assert not _lower_plural(ctx, _span(text, "Brennois"), "place", frozenset({"juristes"}))
    assert not _lower_plural(ctx, _span(text, "Brennois"), "person", lower)
    paris = "Les Paris et les paris."
    ctx = Context(paris, "fr", frozenset({0}), AcronymContext())
    assert not _lower_plural(ctx, _span(paris, "Paris"), "place", frozenset({"paris"}))


def test_a_frequent_word_before_a_title_at_sentence_start_is_no_name():
    from site_builder.annotate.assemble import _before_title
    from site_builder.annotate.filters import Context

    text = "Army spokesman Colonel Ivo Brant said. Police spokeswoman Ana Rolf said."
    ctx = Context(text, "en", frozenset({0, 39}), AcronymContext())
    assert _before_title(ctx, _span(text, "Army"), "organization")
    assert _before_title(ctx, _span(text, "Police"), "organization")
    # A rare name before a title stays ("Northline spokesman"), and so does any
    # name in the middle of a sentence.
    rare = "Northline spokesman Ivo Brant said. The Army spokesman said."
    ctx = Context(rare, "en", frozenset({0, 36}), AcronymContext())
    assert not _before_title(ctx, _span(rare, "Northline"), "organization")
    assert not _before_title(ctx, _span(rare, "Army"), "organization")


def test_an_acronym_running_into_a_name_is_cut_in_two():
    from site_builder.annotate.assemble import _acronym_then_name

    def cut(text):
        found = _acronym_then_name(text, (0, len(text)))
        return found and (text[:found[0]], text[found[1]:])

    assert cut("AFP Fatou Ndiaye") == ("AFP", "Fatou Ndiaye")
    assert cut("BBC Lucia Ferreira Gomes") == ("BBC", "Lucia Ferreira Gomes")
    # An organization noun, a lone word after, or a long "acronym": one name.
    assert not cut("UNHCR Regional Bureau")
    assert not cut("ONU Femmes")
    assert not cut("UNESCO Marie Claire")
    assert not cut("Amnesty International France")
    assert not cut("AFP  Fatou Ndiaye")  # not one space: not one phrase


def test_a_common_word_opening_a_spelled_out_acronym_is_a_name():
    from site_builder.annotate.assemble import _defines_acronym

    text = "Le Collectif pour les libertés civiques (CLC) a recensé 14 blessés."
    start = text.index("Collectif")
    assert _defines_acronym(text, (start, start + len("Collectif")))
    other = "Le Collectif a recensé 14 blessés (CLC)."
    assert not _defines_acronym(other, (3, 3 + len("Collectif")))


def test_two_names_of_bodies_one_space_apart_are_one_name():
    from site_builder.annotate.assemble import _join_bodies, _Mention

    text = "l'ONG Action Santé Sahel, puis Oxfam, Amnesty"
    found = [_Mention(6, 18, "ORG", "organization", "fr"),
             _Mention(19, 24, "ORG", "organization", "fr"),
             _Mention(31, 36, "ORG", "organization", "fr"),
             _Mention(38, 45, "ORG", "organization", "fr")]
    joined = _join_bodies(text, found)
    assert [text[m.start:m.end] for m in joined] == ["Action Santé Sahel", "Oxfam", "Amnesty"]
    # A person or a place next to a body stays apart.
    apart = [_Mention(0, 3, "ORG", "organization", "fr"), _Mention(4, 9, "PER", "person", "fr")]
    assert len(_join_bodies("AFP Marie", apart)) == 2


def test_a_mention_made_of_ranks_alone_is_no_name():
    from site_builder.annotate.filters import _only_honorifics

    assert _only_honorifics("Brig. Gen")
    assert _only_honorifics("Mme")
    assert not _only_honorifics("Brig. Gen. Roberto Alcaraz")
    assert not _only_honorifics("General Motors")


def test_a_sentence_ending_on_an_honorific_goes_on_in_the_next():
    from site_builder.annotate.syntax import merge_wordless

    text = ("Three soldiers were hurt, said Brig. Gen. Ana Cruz. The army left. "
            "It was Acme Inc. Then")
    cuts = [(0, 36), (37, 51), (52, 66), (67, 83), (84, 88)]  # as a splitter may cut it
    merged = merge_wordless(text, cuts)
    assert [text[s:e] for s, e in merged] == [
        "Three soldiers were hurt, said Brig. Gen. Ana Cruz.", "The army left.",
        "It was Acme Inc.", "Then"]


def test_an_organization_noun_after_a_body_s_name_ends_it():
    from site_builder.annotate.assemble import _join_bodies, _Mention

    text = "l'ONG HALO Trust a déminé"
    found = [_Mention(6, 10, "MISC", "other", "fr"), _Mention(11, 16, "PER", "person", "fr")]
    joined = _join_bodies(text, found)
    assert [(text[m.start:m.end], m.kind) for m in joined] == [("HALO Trust", "organization")]


def test_a_body_s_name_goes_on_in_lower_case_to_its_acronym():
    from site_builder.annotate.acronyms import lower_tail_end

    def tail(text: str, name: str) -> str | None:
        end = lower_tail_end(text, len(name))
        return text[:end] if end is not None else None

    text = "Autorité nationale de gestion des catastrophes (NDMA) a averti"
    assert tail(text, "Autorité nationale") == "Autorité nationale de gestion des catastrophes"
    # A verb, a lower-case acronym or no preposition first: not the name.
    assert tail("Autorité nationale a annoncé des mesures (NDMA)", "Autorité nationale") is None
    assert tail("Autorité nationale de gestion (photo)", "Autorité nationale") is None
    assert tail("Autorité nationale contre les crues (NDMA)", "Autorité nationale") is None
