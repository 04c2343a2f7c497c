"""A sentence's first word taken into a name, and acronyms after a clause."""

from site_builder.annotate.commonness import opening_word
from site_builder.annotate.nlp import _no_name_reading
from site_builder.link.acronyms import _name_words


def test_opening_word_needs_sentence_start_and_a_common_word():
    text = "Inside Dovrel, shops stayed shut. They said Inside Dovrel."
    sentences = [(0, 33), (34, len(text))]
    assert opening_word(text, 0, 13, sentences, "en") == ((0, 33), 6)
    assert opening_word(text, 44, 57, sentences, "en") is None  # mid-sentence
    assert opening_word("Korvath Dune said.", 0, 12, [(0, 18)], "en") is None  # rare word
    assert opening_word("Jean-Pierre Lunel a dit.", 0, 17, [(0, 24)], "fr") is None


def test_non_name_readings():
    assert _no_name_reading("ADP", "")
    assert _no_name_reading("VERB", "VerbForm=Inf")
    assert _no_name_reading("VERB", "Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part")
    assert not _no_name_reading("VERB", "Tense=Past|VerbForm=Fin")  # "rose Calder said"
    assert not _no_name_reading("AUX", "VerbForm=Fin")  # "Will Harrow"
    assert not _no_name_reading("NOUN", "")  # "pierre", "grace"


def test_words_before_an_entity_in_an_acronym_long_form():
    assert _name_words("Hayat ")
    assert _name_words("Front de ")
    assert not _name_words("according to the ")
    assert not _name_words("Front (HLF) insurgents and the ")
