"""Quote detection: marks, nesting, short quotes, and quotes over several paragraphs."""

from __future__ import annotations

import pytest

from site_builder.annotate.quotes import find_quotes, quote_spans
from site_builder.model import BlockLang, Quote


def blocks(*texts: str, lang: str = "fr") -> list[BlockLang]:
    return [BlockLang(f"b{i}", lang, t) for i, t in enumerate(texts)]


def quotes(*texts: str) -> list[Quote]:
    return find_quotes(blocks(*texts))


def test_french_guillemets_with_nonbreaking_padding() -> None:
    text = "Il a dit : «\u00a0Nous ne reculerons jamais devant eux\u00a0», selon l'AFP."
    [q] = quotes(text)
    assert q.text == "Nous ne reculerons jamais devant eux"
    assert text[q.start : q.end] == q.text
    assert q.block == "b0" and q.end_block is None and q.speaker is None


def test_english_curly_quotes_drop_the_trailing_comma() -> None:
    text = "“We will never give up the fight,” he said."
    [q] = quotes(text)
    assert q.text == "We will never give up the fight"


def test_straight_quotes() -> None:
    text = 'He said "we will never give up the fight" on Monday.'
    [q] = quotes(text)
    assert q.text == "we will never give up the fight"


def test_nested_quotes_belong_to_the_outer_one() -> None:
    text = "« Ils ont parlé d’une “opération spéciale”, ce qui est faux », a-t-il dit."
    [q] = quotes(text)
    assert q.text == "Ils ont parlé d’une “opération spéciale”, ce qui est faux"


def test_nested_guillemets() -> None:
    text = "« Il a crié « Allez-y tous ensemble » puis il est parti », raconte un témoin."
    [q] = quotes(text)
    assert q.text.startswith("Il a crié « Allez-y") and q.text.endswith("il est parti")


def test_several_quotes_in_one_block() -> None:
    text = "« Nous avons tout perdu ici », dit-elle. « Nous ne reviendrons jamais », ajoute-t-on."
    assert [q.text for q in quotes(text)] == [
        "Nous avons tout perdu ici",
        "Nous ne reviendrons jamais",
    ]


def test_scare_quotes_are_not_quotes() -> None:
    assert quotes("Le régime qualifie les rebelles de « terroristes ».") == []
    assert quotes("Une « opération spéciale » a commencé.") == []
    assert quotes("The “special military operation” began.") == []


def test_short_utterances_are_quotes() -> None:
    # Ends like a sentence inside the marks, or introduced by a colon.
    assert [q.text for q in quotes("« Jamais ! », a-t-il lancé.")] == ["Jamais !"]
    assert [q.text for q in quotes("Sa réponse : « Non merci ».")] == ["Non merci"]


def test_four_words_make_a_quote() -> None:
    assert [q.text for q in quotes("Il parle de « la fin du régime ».")] == ["la fin du régime"]


def test_french_quote_over_three_paragraphs_is_one_quote() -> None:
    texts = (
        "Le ministre a déclaré : « Nous avons tout essayé pour éviter cette guerre.",
        "« Mais nos ennemis ne nous ont laissé aucun choix.",
        "« Nous irons jusqu'au bout. » Il a ensuite quitté la salle.",
    )
    [q] = quotes(*texts)
    assert q.block == "b0" and q.end_block == "b2"
    assert q.text == (
        "Nous avons tout essayé pour éviter cette guerre.\n\n"
        "Mais nos ennemis ne nous ont laissé aucun choix.\n\n"
        "Nous irons jusqu'au bout."
    )
    assert texts[0][q.start :] == "Nous avons tout essayé pour éviter cette guerre."
    assert texts[2][: q.end].endswith("Nous irons jusqu'au bout.")


def test_english_quote_over_two_paragraphs_is_one_quote() -> None:
    texts = ("“We tried everything to avoid this war.", "“But they left us no choice,” he said.")
    [q] = quotes(*texts)
    assert (q.block, q.end_block) == ("b0", "b1")
    assert q.text == "We tried everything to avoid this war.\n\nBut they left us no choice"


def test_straight_quote_over_two_paragraphs() -> None:
    texts = ('"We tried everything to avoid this war.', '"But they left us no choice," he said.')
    [q] = quotes(*texts)
    assert (q.block, q.end_block) == ("b0", "b1")


def test_a_quote_left_open_without_continuation_is_dropped() -> None:
    texts = ("Il a dit : « Nous avons tout essayé pour éviter la guerre.", "La guerre dure.")
    assert quotes(*texts) == []


def test_a_new_quote_in_the_next_paragraph_is_not_a_continuation_of_another_mark() -> None:
    texts = ("« Nous avons tout essayé contre la guerre.", "“But they left us no choice,” he said")
    assert [q.text for q in quotes(*texts)] == ["But they left us no choice"]


def test_quote_marks_in_code_are_ignored() -> None:
    text = 'Tapez `echo "a b c d"` puis « nous verrons bien ce qui arrive ».'
    start = text.index("`")
    protected = {"b0": [(start, text.index("`", start + 1) + 1)]}
    found = find_quotes(blocks(text), protected)
    assert [q.text for q in found] == ["nous verrons bien ce qui arrive"]


def test_quote_spans_include_an_open_quote_to_the_block_end() -> None:
    text = "Il a dit : « Nous avons tout essayé"
    assert quote_spans(text) == [(text.index("Nous"), len(text))]


def test_no_quotes() -> None:
    assert quotes("Rien à signaler.", "") == []


@pytest.mark.parametrize(
    "text",
    [
        # after a naming word
        "She appeared on the show “Meet the Voters.”",
        "He wrote the book “Why We Never Left Home” in prison.",
        "The army launched the operation dubbed “Iron Gate Over the River” at dawn.",
        "A documentary called “The Last Days of the Siege” aired on Sunday.",
        "The newspaper headline “Peace at last for the valley” was widely shared.",
        "Il a publié son livre « La Nuit des Otages » en 2019.",
        "L’armée a lancé l’opération « Bouclier du Nord et de l’Est » lundi.",
        "Elle présente l’émission « Le grand débat du dimanche soir » sur France 2.",
        "Un article intitulé « Pourquoi nous partons maintenant » a circulé.",
        "La série « Les Années de plomb à Beyrouth » sort en mars.",
        "Le journal titrait : « La guerre est finie pour de bon ».",
        # Title Case or capitals, no naming word
        "“Meet the Voters Tonight” drew millions of viewers.",
        "The front page read “WAR IS OVER AT LAST” on Friday.",
        "« LA GUERRE EST FINIE », barrait la une du quotidien.",
        "« Les Enfants de la Guerre » sort en salles mercredi.",
    ],
)
def test_titles_are_not_quotes(text: str) -> None:
    assert quotes(text) == []


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # a naming word before a quote that reads as speech: lowercase start
        ("He said the show “was a disgrace to journalism” on Monday.",
         "was a disgrace to journalism"),
        ("Il juge que ce livre « ne dit rien de la réalité du terrain ».",
         "ne dit rien de la réalité du terrain"),
        # a sentence that merely starts with a capital
        ("« Nous ne reculerons jamais », a dit le ministre.", "Nous ne reculerons jamais"),
        ("“The Army will not back down,” he said.", "The Army will not back down"),
    ],
)  # fmt: skip
def test_speech_near_title_signals_is_still_a_quote(text: str, quoted: str) -> None:
    assert [q.text for q in quotes(text)] == [quoted]
