"""Figure detection: numbers, qualifiers, units, and what is not a figure."""

from __future__ import annotations

from itertools import pairwise

import pytest

from site_builder.annotate.figures import find_figures
from site_builder.model import BlockLang, Figure


def figures(
    text: str, lang: str = "fr", protected: tuple[tuple[int, int], ...] = ()
) -> list[Figure]:
    found = find_figures(BlockLang("b0", lang, text), protected)
    for f in found:
        assert text[f.start : f.end] == f.text
        assert f.block == "b0" and f.source is None
    return found


def summary(text: str, lang: str = "fr") -> list[tuple[str, float, str, str]]:
    return [(f.text, f.value, f.qualifier, f.unit) for f in figures(text, lang)]


# ------------------------------------------------------------------- digits


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1200 morts", 1200),
        ("1 200 morts", 1200),
        ("1\u00a0200 morts", 1200),
        ("1\u202f200 morts", 1200),
        ("3 000 000 déplacés", 3_000_000),
        ("1.200 morts", 1200),  # dotted thousands, rare in French: read as thousands
        ("1,5 million de morts", 1_500_000),
        ("2.5 millions de morts", 2_500_000),  # English-style decimal in French copy
        ("2 milliards de dollars", 2e9),
        ("2 millions et demi de réfugiés", 2_500_000),
    ],
)
def test_french_digit_forms(text: str, value: float) -> None:
    [f] = figures(text)
    assert f.value == value
    assert f.text == text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,200 people", 1200),
        ("1,200,000 people", 1_200_000),
        ("2.5 million people", 2_500_000),
        ("1\u00a0200 people", 1200),
        ("two billion dollars", 2e9),
        ("$1.5bn", 1.5e9),
    ],
)
def test_english_digit_forms(text: str, value: float) -> None:
    [f] = figures(text, "en")
    assert f.value == value


def test_billion_is_long_scale_in_french() -> None:
    [f] = figures("2 billions d'euros")
    assert f.value == 2e12


def test_two_numbers_are_not_merged_across_a_year() -> None:
    # "2011 200" cannot be thousands grouping: the first group has four digits.
    assert summary("En 2011 200 personnes ont fui.") == [
        ("200 personnes", 200, "exact", "personnes")
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [("40 %", "fr"), ("40%", "fr"), ("40\u00a0%", "fr"), ("40 pour cent", "fr"),
     ("40 percent", "en"), ("40 per cent", "en"), ("40%", "en")],
)  # fmt: skip
def test_percentages(text: str, lang: str) -> None:
    assert summary(f"Il y a {text} des habitants.", lang)[0][1:] == (40, "exact", "%")


def test_currency_symbols() -> None:
    assert summary("They pledged $2 million in aid.", "en") == [("$2 million", 2e6, "exact", "$")]
    assert summary("Un don de 300 €.") == [("300 €", 300, "exact", "€")]


# --------------------------------------------------------------- number words


@pytest.mark.parametrize(
    ("text", "value", "lang"),
    [
        ("six civils", 6, "fr"),
        ("trois cents civils", 300, "fr"),
        ("sept cents civils", 700, "fr"),
        ("vingt-deux civils", 22, "fr"),
        ("quatre-vingt-dix civils", 90, "fr"),
        ("deux mille trois cents civils", 2300, "fr"),
        ("un million de civils", 1e6, "fr"),
        ("two hundred civilians", 200, "en"),
        ("twenty-two civilians", 22, "en"),
        ("a hundred civilians", 100, "en"),
        ("three thousand five hundred civilians", 3500, "en"),
    ],
)
def test_number_words(text: str, value: float, lang: str) -> None:
    [f] = figures(text, lang)
    assert f.value == value
    assert f.text == text


@pytest.mark.parametrize(
    ("text", "lang"),
    [("un homme est mort", "fr"), ("une femme a été blessée", "fr"), ("un mort", "fr"),
     ("one man died", "en"), ("a man died", "en")],
)  # fmt: skip
def test_a_lone_un_une_one_is_not_a_figure(text: str, lang: str) -> None:
    assert figures(text, lang) == []


def test_neuf_the_adjective_is_not_a_figure() -> None:
    assert summary("Le bâtiment neuf a été détruit.") == []
    assert summary("Neuf personnes ont été tuées.") == [("Neuf personnes", 9, "exact", "personnes")]


def test_english_number_words_inside_a_quote_in_a_french_block() -> None:
    text = "« We have lost more than two hundred fighters », a déclaré le porte-parole."
    assert summary(text) == [
        ("more than two hundred fighters", 200, "more_than", "fighters")
    ]


# ---------------------------------------------------------------- qualifiers


@pytest.mark.parametrize(
    ("prefix", "qualifier", "lang"),
    [
        ("plus de", "more_than", "fr"), ("au moins", "at_least", "fr"),
        ("environ", "about", "fr"), ("près de", "about", "fr"), ("quelque", "about", "fr"),
        ("moins de", "less_than", "fr"), ("jusqu'à", "up_to", "fr"),
        ("jusqu’à", "up_to", "fr"), ("pas moins de", "at_least", "fr"),
        ("more than", "more_than", "en"), ("at least", "at_least", "en"),
        ("about", "about", "en"), ("around", "about", "en"), ("nearly", "about", "en"),
        ("almost", "about", "en"), ("some", "about", "en"), ("up to", "up_to", "en"),
        ("fewer than", "less_than", "en"), ("less than", "less_than", "en"),
        ("over", "more_than", "en"),
    ],
)  # fmt: skip
def test_qualifiers(prefix: str, qualifier: str, lang: str) -> None:
    unit = "civils" if lang == "fr" else "civilians"
    sentence = "Il y a {} ici." if lang == "fr" else "There were {} here."
    [f] = figures(sentence.format(f"{prefix} 200 {unit}"), lang)
    assert (f.text, f.value, f.qualifier, f.unit) == (f"{prefix} 200 {unit}", 200, qualifier, unit)


def test_elided_qualifier() -> None:
    assert summary("Près d'un million d'habitants ont fui.") == [
        ("Près d'un million d'habitants", 1e6, "about", "habitants")
    ]


@pytest.mark.parametrize(
    ("text", "expected", "lang"),
    [
        ("entre 200 et 300 civils", ("entre 200 et 300 civils", 200, "civils"), "fr"),
        ("de 200 à 300 civils", ("de 200 à 300 civils", 200, "civils"), "fr"),
        ("200 à 300 civils", ("200 à 300 civils", 200, "civils"), "fr"),
        ("200-300 civils", ("200-300 civils", 200, "civils"), "fr"),
        ("deux ou trois soldats", ("deux ou trois soldats", 2, "soldats"), "fr"),
        ("entre 2 et 3 millions d'exilés", ("entre 2 et 3 millions d'exilés", 2e6, "exilés"), "fr"),
        ("between 20 and 30 people", ("between 20 and 30 people", 20, "people"), "en"),
        ("from 20 to 30 people", ("from 20 to 30 people", 20, "people"), "en"),
    ],
)
def test_ranges_keep_the_lower_bound(
    text: str, expected: tuple[str, float, str], lang: str
) -> None:
    [f] = figures(text, lang)
    assert (f.text, f.value, f.unit) == expected
    assert f.qualifier == "range"


def test_a_decreasing_pair_is_not_a_range() -> None:
    assert [f.qualifier for f in figures("Le score est de 300 à 200 points.")] == ["exact", "exact"]


# ------------------------------------------------------------- approximations


@pytest.mark.parametrize(
    ("text", "value", "qualifier", "unit", "lang"),
    [
        ("une centaine de manifestants", 100, "about", "manifestants", "fr"),
        ("une dizaine de soldats", 10, "about", "soldats", "fr"),
        ("un millier de réfugiés", 1000, "about", "réfugiés", "fr"),
        ("des dizaines de blessés", 20, "at_least", "blessés", "fr"),
        ("plusieurs dizaines de combattants", 20, "at_least", "combattants", "fr"),
        ("des centaines de familles", 200, "at_least", "familles", "fr"),
        ("des milliers de déplacés", 2000, "at_least", "déplacés", "fr"),
        ("des dizaines de milliers de personnes", 20_000, "at_least", "personnes", "fr"),
        ("des millions de personnes", 2e6, "at_least", "personnes", "fr"),
        ("dozens of civilians", 24, "at_least", "civilians", "en"),
        ("hundreds of civilians", 200, "at_least", "civilians", "en"),
        ("thousands of civilians", 2000, "at_least", "civilians", "en"),
        ("tens of thousands of civilians", 20_000, "at_least", "civilians", "en"),
        ("hundreds of thousands of civilians", 200_000, "at_least", "civilians", "en"),
        ("scores of civilians", 40, "at_least", "civilians", "en"),
        ("a dozen soldiers", 12, "about", "soldiers", "en"),
        ("several hundred soldiers", 200, "at_least", "soldiers", "en"),
    ],
)
def test_approximations(text: str, value: float, qualifier: str, unit: str, lang: str) -> None:
    [f] = figures(text, lang)
    assert (f.text, f.value, f.qualifier, f.unit) == (text, value, qualifier, unit)


def test_a_qualifier_before_an_approximation_wins() -> None:
    assert summary("Plus d'une centaine de civils.") == [
        ("Plus d'une centaine de civils", 100, "more_than", "civils")
    ]


def test_scores_without_of_is_not_a_count() -> None:
    assert figures("The team scores again.", "en") == []


# ---------------------------------------------------------------------- units


@pytest.mark.parametrize(
    ("text", "unit", "lang"),
    [
        ("200 civils ont été tués", "civils", "fr"),
        ("200 combattants des deux camps sont morts", "combattants des deux camps", "fr"),
        ("200 combattants kurdes", "combattants kurdes", "fr"),
        ("200 membres de l'armée syrienne", "membres de l'armée syrienne", "fr"),
        ("200 civils tués dans la ville", "civils tués", "fr"),
        ("200 civils, dont des enfants", "civils", "fr"),
        ("200 civils qui fuyaient", "civils", "fr"),
        ("200 civils le 3 mai", "civils", "fr"),
        ("200 civils depuis lundi", "civils", "fr"),
        ("200 civils meurent chaque jour", "civils", "fr"),
        ("1,5 million de personnes", "personnes", "fr"),
        ("200 Syrian civilians were killed", "Syrian civilians", "en"),
        ("20 people killed in strikes", "people", "en"),
        ("300 members of the armed forces", "members of the armed forces", "en"),
        ("2,000 Hezbollah fighters", "Hezbollah fighters", "en"),
        ("200 déplacés", "déplacés", "fr"),
        ("200 UN peacekeepers", "UN peacekeepers", "en"),  # "UN" is not the article "un"
        ("Le bilan s'élève à 200.", "", "fr"),
    ],
)
def test_units(text: str, unit: str, lang: str) -> None:
    assert figures(text, lang)[0].unit == unit


@pytest.mark.parametrize(
    ("text", "figure", "lang"),
    [
        # A function word of the other language is a noun here.
        ("Divers found four car wrecks.", ("four car wrecks", 4, "car wrecks"), "en"),
        ("Il a réussi onze as dans la finale.", ("onze as", 11, "as"), "fr"),
    ],
)
def test_units_read_the_block_languages_stop_words(
    text: str, figure: tuple[str, float, str], lang: str
) -> None:
    assert [(f.text, f.value, f.unit) for f in figures(text, lang)] == [figure]


@pytest.mark.parametrize(
    ("text", "unit", "lang"),
    [
        # A quotation in the other language is read with that language's words.
        ("« 40 ambulances were turned back », a-t-il écrit.", "ambulances", "fr"),
        ("“Nous avons vu 40 ambulances dans la file”, he wrote.", "ambulances", "en"),
        ("“We sent 40 ambulances to the border,” he wrote.", "ambulances", "en"),
    ],
)
def test_a_quotation_in_the_other_language_is_read_in_it(
    text: str, unit: str, lang: str
) -> None:
    [f] = figures(text, lang)
    assert f.unit == unit


# ---------------------------------------------------------- part of a plural set


@pytest.mark.parametrize(
    ("text", "lang", "figure"),
    [
        ("The league said two of its referees had resigned.", "en",
         ("two of its referees", 2, "referees")),
        ("Four of their crew were rescued.", "en", ("Four of their crew", 4, "crew")),
        ("at least 12 of the injured", "en", ("at least 12 of the injured", 12, "injured")),
        ("La fédération a suspendu deux de ses arbitres.", "fr",
         ("deux de ses arbitres", 2, "arbitres")),
        ("Trois des blessés ont été évacués.", "fr", ("Trois des blessés", 3, "blessés")),
        ("Hundreds of their supporters marched.", "en",
         ("Hundreds of their supporters", 200, "supporters")),
        ("des centaines de leurs partisans", "fr",
         ("des centaines de leurs partisans", 200, "partisans")),
    ],
)  # fmt: skip
def test_a_part_of_a_plural_set_counts_its_noun(
    text: str, lang: str, figure: tuple[str, float, str]
) -> None:
    assert [(f.text, f.value, f.unit) for f in figures(text, lang)] == [figure]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Two of the region's largest ports closed.", "en"),  # no plural set after "of the"
        ("Deux de la famille sont partis.", "fr"),
        ("Three of the four pilots", "en"),  # the set is a number, not a noun
        ("Deux des trois pilotes", "fr"),
    ],
)
def test_a_partitive_without_a_plural_noun_is_not_a_count(text: str, lang: str) -> None:
    assert figures(text, lang) == []


def test_a_partitive_does_not_take_the_next_number() -> None:
    found = figures("Officials said 9 of its 60 drivers had quit.", "en")
    assert [(f.text, f.unit) for f in found] == [("9", ""), ("60 drivers", "drivers")]


# -------------------------------------------------------------- not a figure


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # dates
        ("le 12 mars", "fr"), ("le 12/03/2026", "fr"), ("en mars 2026", "fr"),
        ("2026-03-12", "fr"), ("lundi 12", "fr"), ("on March 12, 2026", "en"),
        ("on 12 March", "en"), ("on Feb. 8", "en"), ("le 3 sept. 2025", "fr"),
        # years
        ("en 2011", "fr"), ("depuis 2011", "fr"), ("in 2011", "en"), ("since 2011", "en"),
        ("Les années 1990.", "fr"), ("2011.", "fr"), ("de 2011 à 2015", "fr"),
        ("In 2015 Russia intervened.", "en"),
        # times
        ("à 14h30", "fr"), ("à 14h", "fr"), ("vers 14 h", "fr"), ("à 10:30", "fr"),
        ("at 10 am", "en"), ("at 10am", "en"), ("at 10 a.m.", "en"),
        # durations
        ("en un mois", "fr"), ("depuis trois jours", "fr"), ("pendant deux semaines", "fr"),
        ("en 24 heures", "fr"), ("for three days", "en"), ("two years ago", "en"),
        ("un enfant de 12 ans", "fr"),
        # ordinals
        ("la deuxième fois", "fr"), ("le 3e jour", "fr"), ("le 1er avril", "fr"),
        ("le IIIe siècle", "fr"), ("the second time", "en"), ("the 3rd day", "en"),
        ("the 21st century", "en"),
        # compound modifiers
        ("a 72-hour truce", "en"), ("a 20-year-old man", "en"),
        # frequencies
        ("à deux reprises", "fr"), ("trois fois", "fr"), ("three times", "en"),
        # article and resolution numbers
        ("l'article 51", "fr"), ("la résolution 2254", "fr"), ("Section 3", "en"),
        ("la page 12", "fr"), ("le n°5", "fr"), ("No. 5", "en"),
        # numbers inside names
        ("le G20", "fr"), ("le Covid-19", "fr"), ("un A320", "fr"), ("le M23", "fr"),
        ("un F-16", "fr"), ("un Boeing 737", "fr"), ("la 5G", "fr"),
        # number words used as pronouns or for a known set
        ("les deux camps", "fr"), ("l'un des deux", "fr"), ("the two sides", "en"),
        ("tous les trois", "fr"),
    ],
)
def test_not_a_figure(text: str, lang: str) -> None:
    assert figures(text, lang) == []


def test_a_year_shaped_number_with_a_noun_is_a_count() -> None:
    assert summary("Plus de 2000 personnes ont fui.") == [
        ("Plus de 2000 personnes", 2000, "more_than", "personnes")
    ]


def test_protected_ranges_are_skipped() -> None:
    text = "Lancez `retry 200 fois` puis comptez 300 civils."
    start = text.index("`")
    protected = ((start, text.index("`", start + 1) + 1),)
    assert [f.text for f in figures(text, protected=protected)] == ["300 civils"]


def test_unit_stops_at_a_protected_range() -> None:
    text = "200 civils `code`"
    protected = ((text.index("`"), len(text)),)
    assert [f.text for f in figures(text, protected=protected)] == ["200 civils"]


def test_numbers_in_a_language_text2num_does_not_read() -> None:
    assert summary("200 personas", "xx") == [("200 personas", 200, "exact", "personas")]


def test_figures_come_in_text_order_without_overlap() -> None:
    found = figures("Au moins 200 civils et 300 soldats, dont 40 % de blessés.")
    assert [f.text for f in found] == ["Au moins 200 civils", "300 soldats", "40 %"]
    assert all(a.end <= b.start for a, b in pairwise(found))


def test_coordinated_numbers_share_the_noun() -> None:
    # "24" borrows "ans" from "31 ans": both are ages, neither is a figure.
    assert figures("Deux frères, âgés de 24 et 31 ans, circulaient.")[0].text == "Deux frères"
    assert len(figures("Deux frères, âgés de 24 et 31 ans, circulaient.")) == 1
    assert summary("Il y a eu 200 et 300 blessés.") == [
        ("200", 200, "exact", "blessés"),
        ("300 blessés", 300, "exact", "blessés"),
    ]


# ------------------------------------------------------- a figure inside a figure


@pytest.mark.parametrize(
    ("text", "lang", "inner"),
    [
        ("Le bombardement a fait huit morts, dont trois enfants, selon la police.", "fr",
         ("trois enfants", 3, "exact", "enfants")),
        ("On dénombre 12 blessés, parmi lesquels quatre secouristes.", "fr",
         ("quatre secouristes", 4, "exact", "secouristes")),
        ("Vingt otages ont été libérés, parmi eux au moins cinq Français.", "fr",
         ("au moins cinq Français", 5, "at_least", "Français")),
        ("The shelling hit a school, killing eight people, including three children.", "en",
         ("three children", 3, "exact", "children")),
        ("Police detained 15 reporters, among them two journalists from the BBC.", "en",
         ("two journalists", 2, "exact", "journalists")),
        ("At least 40 people died, 12 of them children, the ministry said.", "en",
         ("12 of them children", 12, "exact", "children")),
    ],
)  # fmt: skip
def test_inner_count_is_a_figure_with_its_own_noun(
    text: str, lang: str, inner: tuple[str, float, str, str]
) -> None:
    found = summary(text, lang)
    assert len(found) == 2
    assert found[1] == inner


@pytest.mark.parametrize(
    ("text", "lang", "inner"),
    [
        ("L'incendie a fait huit morts, dont trois.", "fr", ("trois", 3, "morts")),
        ("Au moins 30 personnes ont été tuées, dont deux.", "fr", ("deux", 2, "personnes")),
        ("The blast left 20 wounded, including four.", "en", ("four", 4, "wounded")),
        ("Nine soldiers were captured, three of whom were later freed.", "en",
         ("three", 3, "soldiers")),
    ],
)  # fmt: skip
def test_inner_count_without_a_noun_counts_the_enclosing_noun(
    text: str, lang: str, inner: tuple[str, float, str]
) -> None:
    found = figures(text, lang)
    assert len(found) == 2
    assert (found[1].text, found[1].value, found[1].unit) == inner


@pytest.mark.parametrize(
    ("text", "lang", "inner"),
    [
        ("L'attaque a fait six morts, dont un enfant.", "fr", ("un enfant", 1, "enfant")),
        ("On compte 12 blessés, parmi lesquels une infirmière.", "fr",
         ("une infirmière", 1, "infirmière")),
        ("The raid killed five people, including one child.", "en", ("one child", 1, "child")),
    ],
)  # fmt: skip
def test_one_inside_a_figure_is_a_count(
    text: str, lang: str, inner: tuple[str, float, str]
) -> None:
    found = figures(text, lang)
    assert len(found) == 2
    assert (found[1].text, found[1].value, found[1].unit) == inner


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Le village, dont un habitant a témoigné, a été évacué.", "fr"),
        ("Six familles ont quitté la ville, dont un quartier a brûlé.", "fr"),
        ("The coalition, including one member state, objected.", "en"),
    ],
)
def test_one_without_an_enclosing_figure_stays_an_article(text: str, lang: str) -> None:
    assert all(f.value != 1 for f in figures(text, lang))


# ---------------------------------------------- not a figure: modifiers and codes


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # years used as modifiers
        ("Police released a 2005 video of the raid.", "en"),
        ("Lawmakers repealed a 1998 law banning protests.", "en"),
        ("His 2014 book sold well.", "en"),
        ("La police a diffusé une vidéo de 2005 montrant le raid.", "fr"),
        ("Un rapport de 2019 publié lundi le confirme.", "fr"),
        ("Un film de 1995 tourné à Beyrouth.", "fr"),
        # other numbers describing a singular noun, or naming something
        ("A magnitude 5.9 earthquake struck the coast.", "en"),
        ("They signed a 3 million dollar contract.", "en"),
        ("Un séisme de magnitude 6,2 a frappé la région.", "fr"),
        ("Une ligne d'urgence, le 1717, a été ouverte.", "fr"),
        ("Le 93 a voté massivement.", "fr"),
        # ages after a name
        ("Jane Doe, 31, was arrested on Monday.", "en"),
        ("Officers questioned Tom Reyes, 45, and Ana Silva, 38.", "en"),
        ("The suspect, aged 19, was released.", "en"),
        ("Karim Haddad, 34 ans, a été arrêté.", "fr"),
        ("Selon Marie Dupont (52), rien n'a changé.", "fr"),
        # clock times
        ("The blast happened at 1750 GMT on Monday.", "en"),
        ("1750 GMT", "en"),
        ("Troops moved in at 0600 local time.", "en"),
        ("L'explosion a eu lieu vers 17h50 GMT.", "fr"),
        ("L'explosion a eu lieu à 17 h 50.", "fr"),
        ("Le cessez-le-feu débute à 6 h 30 heure locale.", "fr"),
        ("Il est arrivé à 17 heures 50.", "fr"),
        # ordinals
        ("the 3rd brigade", "en"), ("the 101st Airborne", "en"), ("the 82nd division", "en"),
        ("la 3e brigade", "fr"), ("le 12e régiment", "fr"), ("la 2ème division", "fr"),
        ("le 1er régiment", "fr"),
        # long identifiers and phone numbers
        ("The account 123456789012345 was frozen.", "en"),
        ("Son identifiant 987654321098765 a été transmis.", "fr"),
        ("Appelez le +33 1 23 45 67 89 pour témoigner.", "fr"),
        ("Appelez le 01 23 45 67 89.", "fr"),
        ("Call +1 202 555 0143 for details.", "en"),
        ("Call 202-555-0143 for details.", "en"),
    ],
)  # fmt: skip
def test_modifiers_times_ordinals_and_codes_are_not_figures(text: str, lang: str) -> None:
    assert figures(text, lang) == []


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a plural noun after a year-shaped number makes it a count
        ("Some 2005 videos were seized.", "en", ("Some 2005 videos", 2005, "about", "videos")),
        ("Plus de 2000 personnes ont fui.", "fr", ("Plus de 2000 personnes", 2000,
                                                   "more_than", "personnes")),
        ("Il faut 2000 tonnes pour y aller.", "fr", ("2000 tonnes", 2000, "exact", "tonnes")),
        # English adverbs after a count look singular: the count stays
        ("Rescuers found 40 more overnight.", "en", ("40 more overnight", 40, "exact",
                                                     "more overnight")),
        ("Police found 12 more later.", "en",
         ("12 more later", 12, "exact", "more later")),
        ("The convoy carried 2000 tents.", "en", ("2000 tents", 2000, "exact", "tents")),
        ("Some 20 crew were rescued.", "en", ("Some 20 crew", 20, "about", "crew")),
        # "that" is also a conjunction: the number after it may be a count
        ("He said that 19 remained in hospital.", "en", ("19", 19, "exact", "")),
        # a number after a comma that is not an age
        ("À Gaza, 31 sont morts.", "fr", ("31", 31, "exact", "")),
        ("Overall, 20 civilians died.", "en", ("20 civilians", 20, "exact", "civilians")),
        # an ungrouped count of up to seven digits
        ("Le pays compte 1200000 habitants.", "fr",
         ("1200000 habitants", 1_200_000, "exact", "habitants")),
    ],
)  # fmt: skip
def test_counts_near_the_new_exclusions_are_kept(
    text: str, lang: str, expected: tuple[str, float, str, str]
) -> None:
    assert summary(text, lang) == [expected]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Le séisme s’est produit à 10 kilomètres de profondeur.", "fr"),
        ("Un immeuble de neuf étages s’est effondré.", "fr"),
        ("Winds reached up to 120 mph near the coast.", "en"),
        ("Temperatures hit 45 degrees Celsius in the camps.", "en"),
        ("The epicentre was 35 km south of the city.", "en"),
    ],
)
def test_measures_are_not_figures(text: str, lang: str) -> None:
    assert find_figures(BlockLang("b0", lang, text)) == []


# ------------------------------------------------- weekdays and English units


def test_a_weekday_then_a_number_and_a_counted_noun_is_a_figure() -> None:
    assert summary("Le ministère a confirmé jeudi 27 cas de choléra.") == [
        ("27 cas de choléra", 27, "exact", "cas de choléra")]


@pytest.mark.parametrize("text", ["La frontière a fermé lundi 12.",
                                  "Le lundi 12, 40 blessés ont été soignés.",
                                  "Le lundi 12 octobre, la route a rouvert."])
def test_a_weekday_then_a_number_alone_is_still_a_date(text: str) -> None:
    assert all(f.value != 12 for f in figures(text))


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Forty patients depend on its dialysis unit.", "patients"),
        ("Thousands of displaced families live in tents.", "displaced families"),
        ("Some 300 displaced people inside the camp.", "displaced people"),
        ("50 newly identified victims were buried.", "newly identified victims"),
        ("Forty family members were evacuated.", "family members"),
        ("Twelve news outlets were closed.", "news outlets"),
    ],
)
def test_an_english_unit_ends_at_its_plural_head(text: str, unit: str) -> None:
    assert [f.unit for f in figures(text, "en")] == [unit]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("More than 500,000 children under five are malnourished.", ["More than 500,000 children"]),
        ("Children under 5 and adults over 65 are most at risk.", []),
        ("The toll rose to over 300.", ["over 300"]),
        ("Rebels killed over 30 civilians.", ["over 30 civilians"]),
    ],
)
def test_a_comparative_after_a_noun_is_a_threshold_not_a_count(text: str, kept: list[str]):
    assert [f.text for f in figures(text, "en")] == kept
