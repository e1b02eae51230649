"""Foreign names written in Arabic script, spelt as people are attested to spell them."""

from __future__ import annotations

import pytest

from summarizer import name_lexicon, romanize


def test_consonant_keys_agree_between_the_scripts() -> None:
    assert name_lexicon.latin_keys("Virtanen") == {"FRTN", "RTN"}  # Urdu writes v as و
    assert "RTN" in name_lexicon.script_keys("ورتانن")
    assert name_lexicon.latin_keys("Karaca") == {"KRK", "KRJ"}  # Turkish c is j («قراجہ»)
    assert name_lexicon.latin_keys("Echevarría") >= {"CFR"}
    assert "CFR" in name_lexicon.script_keys("إتشيفاريا")  # «تش» is ch
    assert name_lexicon.fold("Şahin") == "shahin"


def test_the_pattern_spells_every_written_letter() -> None:
    virtanen = name_lexicon.script_pattern("ورتانن")
    assert virtanen is not None and virtanen.fullmatch("virtanen")
    assert not virtanen.fullmatch("virtonen")  # the alif writes a
    otieno = name_lexicon.script_pattern("اوتینو")  # the alif only carries the و
    assert otieno is not None and otieno.fullmatch("otieno")
    kamau = name_lexicon.script_pattern("کاماؤ")
    assert kamau is not None and kamau.fullmatch("kamau") and not kamau.fullmatch("kimou")
    assert name_lexicon.script_pattern("کاماؤ", loose=True) is not None
    assert name_lexicon.script_pattern("abc") is None


@pytest.mark.parametrize(
    ("written", "party", "latin"),
    [
        ("ورتانن", "FIN", "Virtanen"),
        ("الینا", "FIN", "Elina"),
        ("تنوير", "BGD", "Tanvir"),
        ("ونجیرو", "KEN", "Wanjiru"),
        ("برہانو", "ETH", "Birhanu"),
        ("فالديفيسو", "CHL", "Valdivieso"),
        ("قراجہ", "TUR", "Karaca"),
        ("نگوین", "VNM", "Nguyen"),
    ],
)
def test_a_written_name_gets_its_attested_spelling(written: str, party: str, latin: str) -> None:
    assert name_lexicon.attested_spelling(written, party) == latin


def test_a_short_word_without_vowel_letters_is_not_guessed() -> None:
    assert name_lexicon.attested_spelling("من", "VNM") is None  # Man, Min, Minh...


def test_listed_names() -> None:
    assert name_lexicon.listed("Gloria")
    assert name_lexicon.listed("Iñaki") and name_lexicon.listed("Inaki")
    assert not name_lexicon.listed("Faldiso")


def test_a_head_spelt_from_the_original_takes_the_attested_spelling() -> None:
    text = "فنش وفد کی قیادت وزارت خارجہ کی سیکرٹری جنرل الینا ورتانن نے کی۔"
    found = romanize.spell_foreign(text, 0, len(text), "Ailina Wrtan", "FIN")
    assert found is not None and found.latin == "Elina Virtanen"
    text = "وترأست الوفد التشيلي السيدة غلوريا فالديفيسو وكيلة وزارة الخارجية."
    # "Gloria" is kept (a listed name); "Faldiso", which no list has, is respelt
    assert romanize.spell_with_model("غلوريا فالديفيسو", "Gloria Faldiso", "CHL") == (
        "Gloria Valdivieso"
    )
    assert romanize.listed_spelling("وکرماسنگھے", "LKA") == "Wickramasinghe"
    assert romanize.listed_spelling("ژژژ") == romanize.foreign_spelling("ژژژ")  # none listed
