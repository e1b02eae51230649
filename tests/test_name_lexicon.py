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
        ("بياتريس", "BRA", "Beatriz"),  # s as z: rarer, but Brazil's commoner name
        ("نوغيرا", "BRA", "Nogueira"),  # غ as gu
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
    # «و» between vowels is a consonant with its own short vowel: Ech-e-v-e-rria
    assert romanize.listed_spelling("ایچیوریا", "ARG") == "Echeverria"
    # a first «ی» is a j where j sounds y (Finland's Juhani), not elsewhere (Nigeria's Yusuf)
    assert romanize.listed_spelling("یوہانی", "FIN") == "Juhani"
    assert romanize.listed_spelling("یوسف", "NGA") == "Yusuf"
    assert romanize.listed_spelling("ژژژ") == romanize.foreign_spelling("ژژژ")  # none listed


@pytest.mark.parametrize(
    ("written", "party", "latin"),
    [
        ("贝拉斯科", "PHL", "Velasco"),
        ("维尔塔宁", "FIN", "Virtanen"),
        ("格洛丽亚", "CHL", "Gloria"),
        ("席尔瓦", "BRA", "Silva"),  # 尔 as l
        ("穆罕默德", "SAU", "Muhammad"),
    ],
)
def test_a_name_in_chinese_characters_gets_its_attested_spelling(
    written: str, party: str, latin: str
) -> None:
    assert name_lexicon.chinese_spelling(written, party) == latin


def test_a_model_word_that_runs_two_written_words_together_takes_both() -> None:
    text = "والتعاون في شرق إفريقيا، السيد جمعة سالم ماكامي، اليوم الأربعاء بالرباط"
    found = romanize.spell_foreign(text, 0, len(text), "Jumaa Samakami", "TZA")
    assert found is not None and found.written == "جمعة سالم ماكامي"
    assert len(found.latin.split()) == 3
    # a model word that is the first alone does not take the next
    found = romanize.spell_foreign(text, 0, len(text), "Jumaa Salim", "TZA")
    assert found is not None and found.written == "جمعة سالم"


def test_a_name_in_chinese_characters_is_not_guessed_without_its_country() -> None:
    assert name_lexicon.chinese_spelling("通潘", "LAO") is None  # Laos: not in the list
    assert name_lexicon.chinese_spelling("贝拉斯科", None) is None
    pattern = name_lexicon.chinese_pattern("斯科格")
    assert pattern is not None and pattern.fullmatch("skog")  # 斯 s, 格 g: vowels unwritten


def test_a_foreign_head_of_a_chinese_article_is_spelt_from_the_original() -> None:
    from summarizer.pipeline import cjk_foreign_head_from_original
    from summarizer.records import Delegation, Person, Rejected
    from tests.test_dating import record

    original = (
        "中国外交部部长助理韩立新同菲律宾外交部副部长玛丽亚·克里斯蒂娜·贝拉斯科共同主持会议。"
    )
    meeting = record(
        delegations=[
            Delegation(party="PHL", head=Person(name="Maria Cristina Besacosa")),
            Delegation(party="CHN", head=Person(name="Han Lixin")),
        ]
    )
    rejected: list[Rejected] = []
    cjk_foreign_head_from_original(meeting, 0, original, rejected)
    head = meeting.delegations[0]
    # "Maria" and "Cristina" are listed names and kept; "Besacosa" is spelt from 贝拉斯科
    assert head.head.name == "Maria Cristina Velasco"
    assert head.head.name_as_written == "玛丽亚·克里斯蒂娜·贝拉斯科"  # not the title before it
    assert head.evidence[0].text == original[head.evidence[0].start : head.evidence[0].end]
    assert rejected and rejected[0].value == "Maria Cristina Besacosa"
    assert meeting.delegations[1].head.name == "Han Lixin"  # a Chinese head is not touched


def test_a_listed_name_the_characters_do_not_write_is_spelt_anew() -> None:
    from summarizer.pipeline import cjk_foreign_head_from_original
    from summarizer.records import Delegation, Person, Rejected
    from tests.test_dating import record

    original = "钱景和同纳米比亚国际关系与贸易部执行主任彭达·希孔戈共同主持磋商。"
    meeting = record(delegations=[Delegation(party="NAM", head=Person(name="Penda Xiong"))])
    rejected: list[Rejected] = []
    cjk_foreign_head_from_original(meeting, 0, original, rejected)
    # "Xiong" is a listed (Chinese) name, but 希孔戈 writes s-k-ng-g: Shikongo
    assert meeting.delegations[0].head.name == "Penda Shikongo"
    assert meeting.delegations[0].head.title == "Executive Director"  # 执行主任


def test_a_foreign_heads_title_is_read_from_the_chinese_original() -> None:
    from summarizer.pipeline import cjk_foreign_head_from_original
    from summarizer.records import Delegation, Person, Rejected
    from tests.test_dating import record

    original = "刘振华与巴西外交部秘书长玛丽安娜·特谢拉·杜阿尔特共同主持对话。"
    head = Person(name="Mariana Tassere Duarte", title="Foreign Minister")
    meeting = record(delegations=[Delegation(party="BRA", head=head)])
    rejected: list[Rejected] = []
    cjk_foreign_head_from_original(meeting, 0, original, rejected)
    title = meeting.delegations[0].head.title
    assert title == "Secretary-General of the Ministry of Foreign Affairs"
    assert [r.value for r in rejected][-1] == "Foreign Minister"


def test_a_persian_son_of_suffix_written_apart_is_joined_to_the_name() -> None:
    assert romanize.joined_suffix("دلیر شریف زادہ", "Dalir Sharif Saad", "TJK") == (
        "Dalir Sharifzoda"
    )
    assert romanize.joined_suffix("علی رضا زاده", "Ali Reza Zadeh", "IRN") == "Ali Rezazadeh"
    assert romanize.joined_suffix("نور زادہ", "Noor Zada", "AFG") == "Noorzada"
    # not one Latin word for each written word: left as it is
    assert romanize.joined_suffix("شریف زادہ", "Sharif", "TJK") == "Sharif"
    assert romanize.joined_suffix("زادہ احمد", "Zada Ahmad", "TJK") == "Zada Ahmad"
