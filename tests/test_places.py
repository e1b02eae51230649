"""Places discussed, read by code from the original in six languages; topic verification."""

from __future__ import annotations

from summarizer import from_text, places
from summarizer.records import Location, MeetingDate, MeetingRecord, Party

EN = (
    "Egypt and Greece held the third round of their Strategic Dialogue in Athens. "
    "The ministers also discussed the situation in Libya, the conflict in Sudan and "
    "cooperation in the G20.\nGreece is a member of the European Union."
)


def meeting(*parties: tuple[str, str], **fields: object) -> MeetingRecord:
    """A held primary meeting of ``parties`` ((name, code) pairs), with the fields given."""
    base: dict[str, object] = {
        "id": "m", "status": "held", "primary": True, "kind": "consultations", "series": None,
        "round": None, "title": "t", "parties": [Party(name=n, code=c) for n, c in parties],
        "date": MeetingDate(value=None), "location": Location(),
    }  # fmt: skip
    base.update(fields)
    return MeetingRecord.model_validate(base)


def labels(text: str, exclude: set[str] | None = None) -> list[str]:
    return [p.label for p in places.places_discussed(text, exclude or set())]


def test_places_come_from_discussion_sentences_only_with_exact_spans() -> None:
    found = places.places_discussed(EN, {"EGY", "GRC"})
    assert [p.label for p in found] == ["Libya", "Sudan", "G20"]
    assert all(EN[p.start : p.end] in ("Libya", "Sudan", "G20") for p in found)
    # the EU sentence says nothing was discussed; the parties are excluded
    assert "European Union" not in labels(EN) and "EU" not in labels(EN)
    assert "Egypt" not in labels(EN, {"EGY"})


def test_arabic_names_with_attached_conjunction_and_without_diacritics() -> None:
    text = "وناقش الجانبان الأوضاع في قطاع غزة وسوريا واليمن."
    found = places.places_discussed(text, set())
    assert [p.label for p in found] == ["Gaza", "Syria", "Yemen"]
    assert text[found[2].start : found[2].end] == "واليمن"


def test_russian_case_endings_urdu_and_chinese() -> None:
    ru = "Стороны обсудили ситуацию в Афганистане и на Ближнем Востоке."
    assert labels(ru) == ["Afghanistan", "Middle East"]
    ur = "علاقائی صورتحال پر تبادلہ خیال کرتے ہوئے دونوں ممالک نے افغانستان اور کشمیر پر بات کی۔"
    assert labels(ur) == ["Afghanistan", "Kashmir"]
    zh = "与会各方还就互联互通、缅甸局势等问题交换了意见。"
    assert labels(zh) == ["Myanmar"]
    # "газа" (of gas) is not Gaza: names keep their capital letter
    assert labels("Стороны обсудили поставки газа.") == []


def test_generic_and_event_topics_name_no_subject() -> None:
    for label in [
        "all areas",
        "regional and global issues",
        "two parties",
        "politics",
        "bilateral relations",
        "the ASEAN-China ministerial meeting in July",
        "he hoped",
        "Mr",
        "the second project",
    ]:
        assert from_text.is_generic_topic(label), label
    for label in [
        "fisheries",
        "multilateral cooperation",
        "regional stability",
        "Gaza",
        "infrastructure projects",
    ]:
        assert not from_text.is_generic_topic(label), label


def test_topic_span_grounds_a_paraphrase_by_its_words_in_one_sentence() -> None:
    text = (
        "The two sides agreed on a multi-year arrangement for the supply of rice. "
        "Fisheries were raised later."
    )
    span = from_text.topic_span(text, "rice supply arrangement")
    assert span is not None and text[span.start : span.end] == span.text
    assert span.text == "arrangement for the supply of rice" and span.alignment == "fuzzy"
    # the words must share one sentence, and a generic label is never grounded this way
    assert from_text.topic_span(text, "rice fisheries") is None
    assert from_text.topic_span(text, "two sides") is None


def test_about_places_tells_a_place_topic_from_a_subject_naming_one() -> None:
    assert from_text.about_places("Myanmar issues", ["Myanmar"])
    assert from_text.about_places(
        "the Middle East and Afghanistan situation", ["Middle East", "Afghanistan"]
    )
    assert not from_text.about_places("Uzbekistan-Afghanistan-Pakistan railway", ["Afghanistan"])
    assert not from_text.about_places("scams and fraud in Myanmar", ["Myanmar"])


def test_find_name_widens_to_a_given_name_the_translation_dropped() -> None:
    from summarizer import romanize

    text = "پاکستانی وفد کی قیادت ایڈیشنل سیکرٹری (یورپ) فرحان علی جعفری نے کی۔"
    found = romanize.find_name(text, 0, len(text), "Dr. Ali Jafar", "PAK")
    assert found is not None and found.written == "فرحان علی جعفری"
    assert text[found.start : found.end] == found.written
    assert found.latin.startswith("Farhan Ali Jaf")
    # nothing in the paragraph sounds like the proposed name
    assert romanize.find_name(text, 0, len(text), "Olof Skoog", "PAK") is None


def test_find_name_does_not_widen_past_the_end_of_its_sentence() -> None:
    from summarizer import romanize

    # «وأكد» ("and he stressed") is an attested name word; it opens the next paragraph
    text = "ومعالي وزير التخطيط الدكتور حيدر كاظم الجبوري.\n\nوأكد الوزير أهمية المشروع."
    found = romanize.find_name(text, 0, len(text), "Haidar Kaziqam Jabouri", "IRQ")
    assert found is not None and found.written == "حيدر كاظم الجبوري"
    assert found.latin.startswith("Haidar Ka")
    # «مساعد» is also the name Musaed; before «وزير الخارجية» it opens the title
    text = "برئاسة السفير أيمن عبد الحميد رضوان مساعد وزير الخارجية للشؤون الآسيوية"
    found = romanize.find_name(text, 0, len(text), "Ayman Abdel Hamid", "EGY")
    assert found is not None and found.written == "أيمن عبد الحميد رضوان"


def test_attention_cue_and_lead_in_words_are_read_off_a_topic() -> None:
    text = (
        "Special attention was given to the construction of the Kars-Igdir-Nakhchivan railway. "
        "The sides also discussed cooperation on development."
    )
    found = [s.text for s in from_text.topics_in(text)]
    assert "Kars-Igdir-Nakhchivan railway" in found
    assert not from_text.is_generic_topic("cooperation on development")


def test_title_is_read_next_to_the_name_in_arabic_and_urdu() -> None:
    from summarizer import titles

    ar = "برئاسة وزير الخارجية المصري طارق عبد الرحمن منصور ونظيره"
    name = ar.index("طارق")
    found = titles.title_near(ar, name, name + len("طارق عبد الرحمن منصور"))
    assert found is not None and found.english == "Foreign Minister"
    assert ar[found.start : found.end] == "وزير الخارجية"
    ur = "وفد کی قیادت ایڈیشنل سیکرٹری (یورپ) فرحان علی جعفری نے کی"
    name = ur.index("فرحان")
    found = titles.title_near(ur, name, name + len("فرحان علی جعفری"))
    assert found is not None and found.english == "Additional Secretary"
    # a title two words away from the name belongs to someone else
    far = "وزير الخارجية قال إن طارق منصور"
    assert titles.title_near(far, far.index("طارق"), len(far)) is None
    # an office, its desk and a rank before the name: the office and its desk are the title
    ar = "مساعد وزير الخارجية لشؤون أوروبا السفير فهد عبدالعزيز الرومي"
    name = ar.index("فهد")
    found = titles.title_near(ar, name, len(ar))
    assert found is not None
    assert found.english == "Assistant Foreign Minister for European Affairs"
    assert found.written == ar[found.start : found.end] == "مساعد وزير الخارجية لشؤون أوروبا"
    ur = "کینیا کی کابینہ سیکرٹری برائے تجارت، سرمایہ کاری و صنعت ونجیرو کاماؤ اوتینو نے کی"
    name = ur.index("ونجیرو")
    found = titles.title_near(ur, name, name + len("ونجیرو کاماؤ اوتینو"))
    assert found is not None
    assert found.english == "Cabinet Secretary for Trade, Investment and Industry"
    # an Urdu minister's portfolios right after the office, with no «برائے»
    kgz = "کرغز وفد کی سربراہی کرغزستان کے نائب وزیر معیشت و تجارت نورلان آسانبیکوف نے کی۔"
    name = kgz.index("نورلان")
    found = titles.title_near(kgz, name, name + len("نورلان آسانبیکوف"))
    assert found is not None and found.english == "Deputy Minister of Economy and Trade"
    assert found.written == kgz[found.start : found.end] == "نائب وزیر معیشت و تجارت"
    # an Arabic title after the name («... سكرتيرة الخارجية», Foreign Secretary)
    ar = "برئاسة المعمري، وسعادة نسرين سلطانة حق سكرتيرة الخارجية في جمهورية بنغلاديش."
    name = ar.index("نسرين")
    found = titles.title_near(ar, name, ar.index(" سكرتيرة"))
    assert found is not None and found.english == "Foreign Secretary"
    assert titles.title_starts(ar, ar.index("سكرتيرة"))  # a name is not read into it
    # words the table does not know between the office and the name are no portfolio
    kgz = "نائب وزیر نے کہا کہ نورلان آسانبیکوف"
    assert titles.title_near(kgz, kgz.index("نورلان"), len(kgz)) is None
    # another person's honorific between an office and a name: that office is not theirs
    ar = (
        "برئاسة خالد المناعي، وكيل وزارة الخارجية للشؤون السياسية، وسعادة السفيرة بياتريس "
        "نوغيرا كامبوس، الأمينة العامة لوزارة الخارجية"
    )
    name = ar.index("بياتريس")
    found = titles.title_near(ar, name, ar.index("كامبوس") + len("كامبوس"))
    assert (
        found is not None
        and found.english == "Secretary-General of the Ministry of Foreign Affairs"
    )
    # an office's ministry and its other portfolios between it and the name
    ar = (
        "ترأس الجانب السنغالي الأمين العام لوزارة التكامل الأفريقي والشؤون الخارجية السيد "
        "مامادو لامين"
    )
    found = titles.title_near(ar, ar.index("مامادو"), len(ar))
    assert found is not None and found.english == "Secretary-General"
    ar = (
        "ترأس وزير الشؤون الخارجية والجالية الوطنية بالخارج والشؤون الإفريقية، السيد عبد الحميد "
        "بن زيان، ونظيره الإيطالي، وزير الشؤون الخارجية والتعاون الدولي، السيد لورينزو بيلاندي"
    )
    found = titles.title_near(ar, ar.index("عبد الحميد"), ar.index("بن زيان") + 7)
    assert found is not None and found.english == "Foreign Minister"
    # a rank before the name gives way to the office after it, past a word of the name
    ar = "وسعادة السفيرة بياتريس نوغيرا كامبوس، الأمينة العامة لوزارة الخارجية البرازيلية"
    found = titles.title_near(ar, ar.index("بياتريس"), ar.index(" كامبوس"))
    assert (
        found is not None
        and found.english == "Secretary-General of the Ministry of Foreign Affairs"
    )
    # a desk the table does not know every item of: the office alone
    ur = ur.replace("سرمایہ کاری", "ماہی گیری")
    name = ur.index("ونجیرو")
    found = titles.title_near(ur, name, name + len("ونجیرو کاماؤ اوتینو"))
    assert found is not None and found.english == "Cabinet Secretary"
    assert titles.says("Additional Secretary (Europe)", "Additional Secretary")
    assert not titles.says(
        "Minister for Foreign Affairs", "Undersecretary of the Ministry of Foreign Affairs"
    )
    # a vice minister is a deputy minister, whatever the government calls the office
    assert titles.says("Deputy Minister of Foreign Affairs", "Vice Foreign Minister")
    assert titles.says("Undersecretary of Foreign Affairs", "Vice Foreign Minister")
    assert titles.says("State Secretary", "Deputy Minister")
    assert not titles.says("Foreign Minister", "Vice Foreign Minister")
    # South Asia's foreign services call their Undersecretary the Foreign Secretary
    text = "ترأس الجانب البنغلاديشي وكيل وزارة الخارجية تنوير أحمد صديقي"
    name = text.index("تنوير")
    bangladeshi = titles.title_near(text, name, len(text), party="BGD")
    assert bangladeshi is not None and bangladeshi.english == "Foreign Secretary"
    kuwaiti = titles.title_near(text, name, len(text), party="KWT")
    assert kuwaiti is not None
    assert kuwaiti.english == "Undersecretary of the Ministry of Foreign Affairs"


def test_named_projects_are_read_and_references_are_not() -> None:
    text = (
        "The ministers reviewed the Matarbari deep-sea port and the Bay of Bengal Industrial "
        "Growth Belt. This agreement follows the 2020 agreement. The United Nations "
        "Development Programme and Pakistan railway officials attended."
    )
    found = [s.text for s in from_text.projects_in(text, [(0, len(text))])]
    assert found == ["Matarbari deep-sea port", "Bay of Bengal Industrial Growth Belt"]


def test_scorer_matches_an_acronym_to_the_words_it_abbreviates() -> None:
    from summarizer.evaluate import same_topic

    assert same_topic("Economic Partnership Agreement negotiations", "EPA")
    assert not same_topic("Economic Partnership Agreement negotiations", "FTA")
    assert same_topic("cooperation in the Organization of Turkic States", "OTS")
    assert not same_topic("cooperation in the Organization of Turkic States", "OIC")


def test_scorer_reads_a_plural_in_ies_as_its_singular() -> None:
    from summarizer.evaluate import same_topic, topic_words

    assert topic_words("quantum technologies") == {"quantum", "technology"}
    assert same_topic("artificial intelligence and quantum technologies", "technology")


def test_a_foreign_name_in_arabic_script_is_spelt_with_its_vowels() -> None:
    from summarizer import romanize

    for written, latin in [
        ("ماریانا", "Mariana"),
        ("ریبیرو", "Ribiro"),
        ("تورد", "Tord"),
        ("وارمان", "Warman"),
        ("اولوف", "Olof"),
        ("قراجہ", "Kraja"),
    ]:
        assert romanize.foreign_spelling(written) == latin, written


def test_a_foreign_name_is_spelt_as_the_partys_language_spells_it() -> None:
    from summarizer import romanize

    assert romanize.foreign_spelling("قراجہ", "TUR") == "Karaca"  # vowel back, c for j
    assert romanize.foreign_spelling("قراجہ", "DEU") == "Kraja"
    assert romanize.foreign_spelling("شاہین", "TUR") == "Şahin"
    assert romanize.foreign_spelling("رستموف", "UZB") == "Rastmov"  # Russian ending
    assert romanize.spell_word("رستموف", "UZB") == "Rostomov"  # the stem as attested
    assert romanize.spell_word("رستموف", "SWE") != "Rostomov"
    assert romanize.foreign_spelling("اولوف", "SWE") == "Olof"  # no Russian ending for Sweden
    text = "ترک وفد کی قیادت نائب وزیر خارجہ سلیم قراجہ نے کی۔"
    found = romanize.spell_foreign(text, 0, len(text), "Mr. Slim Cagriye", "TUR")
    assert found is not None and found.latin == "Salim Karaca"
    text = text.replace("سلیم", "شاہین")
    found = romanize.spell_foreign(text, 0, len(text), "Shahin Cagriye", "TUR")
    assert found is not None and found.latin == "Shahin Karaca"  # "sh" is one sound


def test_arabic_talks_name_both_heads_and_urdu_verbs_are_no_name() -> None:
    from summarizer import led_by, romanize

    text = (
        "أجرى معالي السيد منذر بن هلال البوسعيدي وزير الخارجية أمس مباحثات رسمية مع معالي "
        "يرلان كوجاخمتوف نائب رئيس الوزراء وزير خارجية جمهورية كازاخستان، وذلك في أستانا."
    )
    pairs = [(h.written, code) for h, code in led_by.heads_met_arabic(text)]
    assert pairs == [("منذر بن هلال البوسعيدي", None), ("يرلان كوجاخمتوف", "KAZ")]
    assert led_by.heads_met_arabic("أجرى الجانبان مباحثات مع الوفد الزائر.") == []
    # the sentence that says who held talks is where a garbled translation's meeting is dated
    from summarizer.pipeline import led_by_sentences

    article = "مسقط، 10 مارس 2027م. " + text
    assert [article[s:e] for s, e in led_by_sentences(article, "ar")] == [text]
    # «منعقد ہوا» (was held) is no one's name, however its consonants read
    text = "دونوں ممالک کے درمیان سیاسی مشاورت کا چوتھا دور باکو میں منعقد ہوا۔"
    assert romanize.spell_foreign(text, 0, len(text), "Ramzan Qureshi", "AZE") is None


def test_a_foreign_heads_words_the_original_disagrees_with_are_respelt() -> None:
    from summarizer import romanize

    text = "برازیلی وفد کی سربراہی سفیر ماریانا کوستا ریبیرو نے کی۔"
    found = romanize.spell_foreign(text, 0, len(text), "Mr. Robert Costa Ribeiro")
    assert found is not None
    assert found.latin == "Mariana Costa Ribeiro"  # Costa and Ribeiro are the model's
    assert text[found.start : found.end] == found.written == "ماریانا کوستا ریبیرو"
    assert romanize.spell_foreign(text, 0, len(text), "Nelson Mandela") is None


def test_urdu_delegation_clauses_name_each_side_and_its_head() -> None:
    from summarizer import led_by

    text = (
        "پاکستانی وفد کی قیادت ایڈیشنل سیکرٹری (امریکاز) سید عدنان حیدر گیلانی نے کی جبکہ "
        "برازیلی وفد کی سربراہی برازیل کی وزارت خارجہ میں ایشیا و بحرالکاہل امور کی سیکرٹری، "
        "سفیر ماریانا کوستا ریبیرو نے کی۔ پاکستانی وفد کی قیادت سینیٹر عمران رشید بھٹی، نائب "
        "وزیراعظم و وزیر خارجہ، نے کی جبکہ یورپی یونین کی نمائندگی ہیلینا وارمان نے کی۔"
    )
    found = led_by.heads_led(text)
    assert [h.written for h in found] == [
        "سید عدنان حیدر گیلانی",
        "ماریانا کوستا ریبیرو",
        "عمران رشید بھٹی",
        "ہیلینا وارمان",
    ]
    assert [led_by.side_code(h.side) for h in found] == ["PAK", "BRA", "PAK", "EU"]
    for h in found:
        assert text[h.start : h.end] == h.written


def test_a_side_named_with_a_possessive_and_an_invented_head_replaced() -> None:
    from summarizer import led_by
    from summarizer.pipeline import one_head_per_side, urdu_heads_from_original
    from summarizer.records import (
        Delegation,
        Person,
        Rejected,
        Span,
    )

    assert led_by.side_code("ایتھوپیا کے") == "ETH"
    text = (
        "مذاکرات میں پاکستانی وفد کی قیادت ایڈیشنل سیکرٹری ثمینہ رحمان نے کی جبکہ ایتھوپیا کے "
        "وفد کی سربراہی وزیر مملکت برائے خارجہ امور برہانو ولدے نے کی۔"
    )
    paragraph = Span(start=0, end=len(text), text=text, alignment="translated")
    invented = Delegation(party="PAK", head=Person(name="Ismail Omar"), evidence=[paragraph])
    m = meeting(("Pakistan", "PAK"), ("Ethiopia", "ETH"), delegations=[invented])
    rejected: list[Rejected] = []
    urdu_heads_from_original(m, 0, text, rejected)
    one_head_per_side(m, 0, rejected)
    assert [d.party for d in m.delegations] == ["PAK", "ETH"]
    assert m.delegations[0].head.name_as_written == "ثمینہ رحمان"
    # a head of the model's spelt from other words of the original is not the clause's head
    wrong = Span(start=0, end=8, text=text[:8])
    m.delegations = [Delegation(party="PAK", head=Person(name="Muzakrat"), evidence=[wrong])]
    urdu_heads_from_original(m, 0, text, rejected)
    pak = [d for d in m.delegations if d.party == "PAK"]
    assert [d.head.name_as_written for d in pak] == ["ثمینہ رحمان"]
    assert any(r.value == "Muzakrat" for r in rejected)


def test_a_head_the_model_gave_the_other_side_moves_to_the_side_its_clause_names() -> None:
    from summarizer.pipeline import urdu_heads_from_original
    from summarizer.records import Delegation, Person, Rejected, Span

    text = (
        "پاکستانی وفد کی قیادت ایڈیشنل سیکرٹری (یورپ) سفیر عمران حیدر شاہ نے کی، جبکہ سربیا کے "
        "وفد کی سربراہی وزارت خارجہ کے اسٹیٹ سیکرٹری جناب نیبوئشا رادولووچ نے کی۔"
    )
    start = text.index("عمران")
    imran = Span(start=start, end=start + len("عمران حیدر شاہ"), text="عمران حیدر شاہ")
    given = Delegation(party="SRB", head=Person(name="Imran Haider Shah"), evidence=[imran])
    m = meeting(("Pakistan", "PAK"), ("Serbia", "SRB"), delegations=[given])
    rejected: list[Rejected] = []
    urdu_heads_from_original(m, 0, text, rejected)
    assert sorted((d.party, d.head.name_as_written or d.head.name) for d in m.delegations) == [
        ("PAK", "Imran Haider Shah"),
        ("SRB", "نیبوئشا رادولووچ"),
    ]
    assert rejected[0].field.endswith("delegations[0].party") and rejected[0].value == "SRB"
    serbian = next(d for d in m.delegations if d.party == "SRB")
    assert serbian.head.title == "State Secretary"


def test_a_foreign_name_keeps_only_the_model_words_the_original_writes() -> None:
    from summarizer import romanize

    text = "ووكيل وزارة الخارجية الإيطالية السيد لورينزو بيلاندي اليوم الاثنين."
    # a run of as many words as the model's name: not «... بيلاندي اليوم» ("... today")
    found = romanize.spell_foreign(text, 0, len(text), "Lorenzo Bianandelli", "ITA")
    assert found is not None and found.written == "لورينزو بيلاندي"
    # "Bianandelli" has two consonants more than «بيلاندي»: spelt from the original, as
    # a name list spells it (letter by letter it would be "Bilandi")
    assert found.latin == "Lorenzo Bellandi"
    text = "رودولفو ماكارايغ سانتياغو."
    found = romanize.spell_foreign(text, 0, len(text), "Roodolfo Makaraig Sanitayo", "PHL")
    # "Sanitayo" is respelt; "Roodolfo" and "Makaraig", which no name list has, take the
    # spellings a list has for the original's words, ranked for the Philippines
    assert found is not None and found.latin == "Rodulfo Macaraeg Santiago"


def test_a_name_written_far_better_elsewhere_in_the_original_wins() -> None:
    from summarizer.pipeline import _native_name
    from summarizer.records import Span

    first = "اجلاس کی صدارت وفاقی وزیر برائے اقتصادی امور احمد نواز خٹک نے کی۔"
    second = "ماہرین کے اجلاس کی صدارت سیکرٹری اقتصادی امور ڈویژن فرحت عباس ملک نے کی۔"
    text = first + "\n\n" + second
    start = text.index(second)
    paragraph = Span(start=start, end=len(text), text=second, alignment="translated")
    found = _native_name(text, paragraph, "Ahmad Nazhik", "PAK")
    assert found is not None and found.written == "احمد نواز خٹک"
    # in the paragraph, only a weak match («امور ڈویژن», "Affairs Division")
    weak = _native_name(second, Span(start=0, end=len(second), text=second), "Ahmad Nazhik", "PAK")
    assert weak is not None and weak.score < found.score


def test_arabic_side_chaired_by_clauses_name_each_sides_head() -> None:
    from summarizer import led_by

    text = (
        "وترأس الجانب الأردني أمين عام وزارة الخارجية وشؤون المغتربين السفير نضال العبادي، "
        "فيما ترأست الجانب التشيلي وكيلة وزارة الخارجية غلوريا فالديفييسو. "
        "وترأس الجانب الليبي وكيل وزارة الداخلية بحكومة الوحدة الوطنية اللواء سالم أبو القاسم."
    )
    found = [(led_by.arabic_side_code(h.side), h.written) for h in led_by.heads_chaired(text)]
    assert found[:2] == [("JOR", "نضال العبادي"), ("CHL", "غلوريا فالديفييسو")]
    # «الوحدة الوطنية» (National Unity) names a government, not a Libyan
    assert found[2][0] == "LBY" and found[2][1] != "الوحدة الوطنية"
    assert led_by.arabic_side_code("العُماني") == "OMN"
    assert led_by.arabic_side_code("القطري") == "QAT"


def test_an_ordinal_round_held_is_a_meeting_cue() -> None:
    from summarizer.extract import meeting_cue

    text = (
        "The low water revived friction over tolls. The issue was raised on Tuesday, when "
        "the vice-minister and the secretary held the eighth round of bilateral political "
        "consultations. Barges left half empty."
    )
    cue = meeting_cue(text)
    assert cue is not None and cue.startswith("The issue was raised")
    assert meeting_cue("A third round of sanctions hit exports. Prices rose.") is None


def test_arabic_chaired_by_x_and_y_names_both_heads_and_their_sides() -> None:
    from summarizer import led_by
    from summarizer.pipeline import arabic_heads_chaired
    from summarizer.records import (
        Delegation,
        Person,
        Rejected,
        Span,
    )

    text = (
        "عُقدت الجولة الرابعة برئاسة السفير أيمن عبد الحميد رضوان مساعد وزير الخارجية للشؤون "
        "الآسيوية، والسيدة سري ويداياتي المديرة العامة لشؤون آسيا بوزارة الخارجية "
        "الإندونيسية، وبمشاركة السفير حسن بصري نور سفير إندونيسيا بالقاهرة."
    )
    pairs = [(h.written, code) for h, code in led_by.heads_cochaired(text)]
    # the second part names its side; the attending ambassador is no head
    assert pairs == [("أيمن عبد الحميد رضوان", None), ("سري ويداياتي", "IDN")]
    # a minister's portfolio right after «وزير» is no name; «الوزير X» is
    portfolio = (
        "اختتمت اليوم أعمال الدورة الثالثة للجنة المشتركة، برئاسة معالي وزير الدولة للشؤون "
        "الخارجية الأستاذ فهد بن سليمان العتيبي من الجانب السعودي، ومعالي وزير الطاقة والموارد "
        "المائية في جمهورية طاجيكستان دالير رحيم زاده من الجانب الطاجيكي."
    )
    pairs = [(h.written, code) for h, code in led_by.heads_cochaired(portfolio)]
    assert pairs == [("فهد بن سليمان العتيبي", None), ("دالير رحيم زاده", "TJK")]
    headline = Span(start=0, end=20, text=text[:20], alignment="translated")
    m = meeting(
        ("Egypt", "EGY"),
        ("Indonesia", "IDN"),
        delegations=[
            Delegation(party="IDN", head=Person(name="Sery and Yidaitsi"), evidence=[headline])
        ],
    )
    rejected: list[Rejected] = []
    arabic_heads_chaired(m, 0, text, rejected)
    heads = {d.party: d for d in m.delegations}
    # a garbled name is replaced by the original's; the side the model left out is added
    assert heads["IDN"].head.name_as_written == "سري ويداياتي"
    assert heads["IDN"].head.name != "Sery and Yidaitsi"
    assert heads["IDN"].head.title == "Director General"
    assert heads["EGY"].head.name_as_written == "أيمن عبد الحميد رضوان"
    assert heads["EGY"].head.title == "Assistant Foreign Minister"


def test_urdu_co_chaired_by_x_and_y_and_on_behalf_of_clauses() -> None:
    from summarizer import led_by

    text = (
        "اجلاس کی مشترکہ صدارت وفاقی وزیر برائے اقتصادی امور احمد نواز خٹک اور قازقستان کے نائب "
        "وزیر اعظم و وزیر تجارت و انضمام ییرلان ساپاروف نے کی۔ پاکستانی وفد کی قیادت سیکرٹری "
        "خارجہ آمنہ ریاض خان نے کی جبکہ سری لنکا کی جانب سے وزارتِ خارجہ کے سیکرٹری ارونا وکرما "
        "سنگھے نے اپنے ملک کی نمائندگی کی۔"
    )
    found = [(h.written, code) for h, code in led_by.heads_cochaired_urdu(text)]
    # the first co-chair's part names no party: the pipeline gives it the other one
    assert found == [
        ("احمد نواز خٹک", None),
        ("ییرلان ساپاروف", "KAZ"),
        ("ارونا وکرما سنگھے", "LKA"),
    ]
    # "on Argentina's side, the Secretary for Foreign Affairs ... led his delegation"
    text = (
        "پاکستانی وفد کی قیادت ایڈیشنل سیکریٹری فیصل نیاز خٹک نے کی جبکہ ارجنٹائن کی جانب سے "
        "سیکریٹری برائے خارجہ امور مارٹن ایچیوریا نے اپنے وفد کی سربراہی کی۔"
    )
    found = [(h.written, code) for h, code in led_by.heads_cochaired_urdu(text)]
    assert found == [("مارٹن ایچیوریا", "ARG")]


def test_urdu_x_met_y_names_a_visits_two_heads() -> None:
    from summarizer import led_by

    text = (
        "اسلام آباد: 3 دسمبر 2026\n\nپرتگال کے وزیر مملکت و وزیر خارجہ ژواؤ میگیل کاروالیو، جو "
        "دو روزہ سرکاری دورے پر بدھ کی شب اسلام آباد پہنچے تھے، نے آج دفتر خارجہ میں نائب "
        "وزیراعظم و وزیر خارجہ محمد احسن ملک سے ملاقات کی۔"
    )
    found = [(h.written, code) for h, code in led_by.heads_met_urdu(text)]
    # the relative clause («، جو ... پہنچے تھے،») is not read for a name
    assert found == [("ژواؤ میگیل کاروالیو", "PRT"), ("محمد احسن ملک", None)]
    assert led_by.heads_met_urdu("وزیر خارجہ نے کہا کہ تجارت بڑھے گی۔") == []


def test_dr_congo_is_not_the_republic_of_the_congo_in_any_language() -> None:
    for text in [
        "The ministers discussed peace in the eastern Democratic Republic of Congo.",
        "وناقش الجانبان السلام في شرق جمهورية الكونغو الديمقراطية.",
        "双方讨论了刚果（金）局势。",
    ]:
        assert [p.code for p in places.places_discussed(text, set())] == ["COD"], text
    assert [p.code for p in places.places_discussed("双方讨论了刚果（布）局势。", set())] == ["COG"]


def test_arabic_side_clause_ends_at_while_and_prefers_the_name_after_an_honorific() -> None:
    from summarizer import led_by, romanize

    text = (
        "وترأس الجانب الكويتي مساعد وزير الخارجية لشؤون آسيا السفير فهد ناصر العتيبي فيما ترأس "
        "الجانب السنغالي الأمين العام لوزارة التكامل الأفريقي والشؤون الخارجية السيد مامادو "
        "لامين ندياي."
    )
    found = [(led_by.arabic_side_code(h.side), h.written) for h in led_by.heads_chaired(text)]
    # «فيما» ("while") starts the other side's clause; «السيد» (Mr) opens the name, not the
    # ministry's «التكامل الأفريقي» (African Integration)
    assert found == [("KWT", "فهد ناصر العتيبي"), ("SEN", "مامادو لامين ندياي")]
    # a model's name with words left out keeps only the words that spell the original's
    assert romanize.spell_with_model("دو فان ثانه", "Dov Thanh", "VNM").endswith(" Thanh")
    assert not romanize.spell_with_model("دو فان ثانه", "Dov Thanh", "VNM").startswith("Dov")


def test_a_garbled_translations_meeting_is_read_in_the_sentence_that_says_who_met() -> None:
    from summarizer import led_by
    from summarizer.pipeline import status_from_original, urdu_heads_from_original
    from summarizer.records import Delegation, Party, Person, Rejected, Span
    from tests.test_dating import record

    text = (
        "اسلام آباد (نمائندہ خصوصی) کرغز جمہوریہ کے وزیر خارجہ عزامت تولوگونوف نے منگل کو دفتر "
        "خارجہ میں نائب وزیراعظم و وزیر خارجہ محمد احسن ملک سے ملاقات کی۔"
    )
    # «کرغز», the Kyrgyz, names a side; the second part names none
    assert [code for _h, code in led_by.heads_met_urdu(text)] == ["KGZ", None]
    paragraph = Span(start=0, end=len(text), text=text, alignment="translated")
    m = record(
        status="announced",
        kind="other",
        parties=[Party(name="Kyrgyzstan", code="KGZ"), Party(name="Pakistan", code="PAK")],
        delegations=[
            Delegation(
                party="KGZ",
                head=Person(name="Azamat Tologonov", name_as_written="عزامت تولوگونوف"),
            ),
            Delegation(
                party="KGZ",
                head=Person(name="Muhammad Ahsan Malik", name_as_written="محمد احسن ملک"),
            ),
        ],
    )
    m.date.evidence = [paragraph]
    rejected: list[Rejected] = []
    status_from_original(m, 0, text, "ur", rejected)
    assert m.status == "held"  # «ملاقات کی», met: past
    urdu_heads_from_original(m, 0, text, rejected)
    # the model gave both to Kyrgyzstan: the one the sentence says was met is Pakistan's
    assert [(d.party, d.head.name) for d in m.delegations] == [
        ("KGZ", "Azamat Tologonov"),
        ("PAK", "Muhammad Ahsan Malik"),
    ]


def test_a_head_whose_name_is_a_piece_of_another_heads_is_one_person() -> None:
    from summarizer.pipeline import one_head_per_side
    from summarizer.records import Delegation, Person, Rejected
    from tests.test_dating import record, span_of

    text = (
        "برئاسة السفير فهد بن حمد الهاجري، فيما ترأست الجانب المكسيكي السيدة ماريانا كاستيو أورتيز."
    )
    m = record(
        delegations=[
            Delegation(
                party="QAT",
                head=Person(name="Fahad bin Hamad Al-Hajri"),
                evidence=[span_of(text, "فهد بن حمد الهاجري")],
            ),
            Delegation(
                party="QAT", head=Person(name="Mariana"), evidence=[span_of(text, "ماريانا")]
            ),
            Delegation(
                party="MEX",
                head=Person(name="Mariana Castillo Ortiz"),
                evidence=[span_of(text, "ماريانا كاستيو أورتيز")],
            ),
        ]
    )
    rejected: list[Rejected] = []
    one_head_per_side(m, 0, rejected)
    assert [d.head.name for d in m.delegations] == [
        "Fahad bin Hamad Al-Hajri",
        "Mariana Castillo Ortiz",
    ]
    assert rejected[0].value == "Mariana"


def test_arabic_session_co_chaired_each_title_in_its_own_part() -> None:
    from summarizer import led_by
    from summarizer.pipeline import arabic_heads_chaired
    from summarizer.records import (
        Delegation,
        Person,
        Rejected,
        Span,
    )

    text = (
        "اختتمت اليوم أشغال الدورة الثامنة للجنة الثنائية الجزائرية-الجنوب إفريقية.\n\n"
        "وترأس أشغال الدورة مناصفةً وزير الشؤون الخارجية والجالية الوطنية بالخارج، نور الدين "
        "بلقاسمي، ووزيرة العلاقات الدولية والتعاون بجمهورية جنوب إفريقيا، ثانديوي مخيزي."
    )
    found = led_by.heads_cochaired(text)
    # «بالخارج», «والجالية» and «جنوب إفريقيا» are no names; each head's part starts at its
    # title, and the second part names its side
    assert [(h.written, code) for h, code in found] == [
        ("نور الدين بلقاسمي", None),
        ("ثانديوي مخيزي", "ZAF"),
    ]
    assert text[found[0][0].part_start :].startswith("وزير الشؤون الخارجية")
    # a portfolio's adjectives are no name («التحتية البحرية»), nor the last of a title before
    # one («السمكية»); the run an honorific opens is the name («الشيخ ولد سيدي محمد»)
    fisheries = (
        "عقدت الدورة الخامسة للجنة المشتركة برئاسة وزير الصيد والبنى التحتية البحرية والمينائية "
        "الشيخ ولد سيدي محمد ووزير الدولة الياباني للزراعة والغابات والثروة السمكية كينتارو "
        "موريياما، إلى جانب تمويل سفينة جديدة."
    )
    pairs = [(h.written, code) for h, code in led_by.heads_cochaired(fisheries)]
    assert pairs == [("ولد سيدي محمد", None), ("كينتارو موريياما", "JPN")]
    # a joined preposition or "and" with the article is no name unless people bear it
    assert not led_by._arabic_name_word("بالخارج")
    assert led_by._arabic_name_word("فالديفييسو")
    # a -stan country's people drop its «ستان»
    assert led_by.arabic_side_code("القيرغيزي") == "KGZ"
    assert led_by.arabic_side_code("الأوزبكي") == "UZB"
    # the model gave the Algerian head to South Africa: the original's pairing puts him back
    sentence = Span(start=0, end=20, text=text[:20], alignment="translated")
    m = meeting(
        ("Algeria", "DZA"),
        ("South Africa", "ZAF"),
        delegations=[
            Delegation(party="ZAF", head=Person(name="Nourdin Blacquemy"), evidence=[sentence])
        ],
    )
    rejected: list[Rejected] = []
    arabic_heads_chaired(m, 0, text, rejected)
    heads = {d.party: d.head for d in m.delegations if d.head}
    assert heads["DZA"].name_as_written == "نور الدين بلقاسمي"
    assert heads["ZAF"].name_as_written == "ثانديوي مخيزي"
    assert any(r.field.endswith(".party") and r.value == "ZAF" for r in rejected)


def test_a_party_the_arabic_original_never_names_gives_way_to_the_meetings() -> None:
    from summarizer.pipeline import parties_never_named
    from summarizer.records import Rejected, Span

    text = (
        "صادرات موريتانيا من الأخطبوط تقفز بنسبة 18%\n\n"
        "وكان الملف محل نقاش خلال الدورة الخامسة للجنة المشتركة الموريتانية اليابانية للصيد "
        "البحري، التي عقدت الأربعاء الماضي."
    )
    start = text.index("الخامسة")
    ordinal = Span(start=start, end=start + len("الخامسة"), text="الخامسة")

    def numbered(*codes: tuple[str, str]) -> MeetingRecord:
        return meeting(*codes, round=5, field_evidence={"round": [ordinal]})

    m = numbered(("South Africa", "ZAF"), ("Japan", "JPN"))
    rejected: list[Rejected] = []
    parties_never_named(m, 0, text, "ar", rejected)
    assert [p.code for p in m.parties] == ["MRT", "JPN"]
    assert m.parties[0].evidence[0].text == "الموريتانية"
    assert rejected[-1].value == "South Africa"
    # with no party of the meeting's sentences to take its place, the model's party stays
    m = numbered(("Mauritania", "MRT"), ("Japan", "JPN"), ("Chile", "CHL"))
    parties_never_named(m, 0, text, "ar", rejected)
    assert [p.code for p in m.parties] == ["MRT", "JPN", "CHL"]


def test_urdu_head_after_a_desk_of_bilateral_relations() -> None:
    from summarizer import led_by

    text = (
        "پاکستانی وفد کی قیادت ایڈیشنل سیکرٹری خارجہ شاہد نواز کیانی نے کی جبکہ فلپائنی وفد کی "
        "سربراہی فلپائن کے محکمہ خارجہ کی انڈر سیکرٹری برائے دوطرفہ تعلقات ماریا لوردیس ویلاسکو "
        "نے کی۔"
    )
    found = [(h.written, led_by.side_code(h.side)) for h in led_by.heads_led(text)]
    assert found == [("شاہد نواز کیانی", "PAK"), ("ماریا لوردیس ویلاسکو", "PHL")]
    # "on Sri Lanka's side, the delegation was headed by ..."
    text = (
        "پاکستانی وفد کی قیادت سیکرٹری خارجہ ثمینہ رحمان قریشی نے کی جبکہ سری لنکا کی جانب سے "
        "وفد کی سربراہی سیکرٹری خارجہ ڈلروکشی گناسیکرا نے کی۔"
    )
    found = [(h.written, led_by.side_code(h.side)) for h in led_by.heads_led(text)]
    assert found == [("ثمینہ رحمان قریشی", "PAK"), ("ڈلروکشی گناسیکرا", "LKA")]
    # a country of several words («بوسنیا و ہرزیگووینا کے وفد»)
    text = (
        "پاکستانی وفد کی قیادت سفیر عائشہ فاروق صدیقی نے کی، جبکہ بوسنیا و ہرزیگووینا کے وفد "
        "کی سربراہی نائب وزیر خارجہ دامیر کوواچیوچ نے کی۔"
    )
    found = [(h.written, led_by.side_code(h.side)) for h in led_by.heads_led(text)]
    assert found == [("عائشہ فاروق صدیقی", "PAK"), ("دامیر کوواچیوچ", "BIH")]
    # a board's and a portfolio's words before the name are no name
    text = (
        "پاکستانی وفد کی قیادت وفاقی سیکرٹری ریلوے و چیئرمین ریلوے بورڈ سید مظہر حسین شاہ نے کی، "
        "جبکہ ازبک وفد کی سربراہی ازبکستان کے نائب وزیر ٹرانسپورٹ جاسور عبدالحمیدوف نے کی۔"
    )
    found = [(h.written, led_by.side_code(h.side)) for h in led_by.heads_led(text)]
    assert found == [("سید مظہر حسین شاہ", "PAK"), ("جاسور عبدالحمیدوف", "UZB")]


def test_urdu_ministers_who_met_when_the_models_head_leads_no_party() -> None:
    from summarizer.pipeline import urdu_heads_from_original
    from summarizer.records import (
        Delegation,
        Person,
        Rejected,
        Span,
    )

    text = (
        "استنبول، 22 جون 2025 (اے پی پی): نائب وزیراعظم و وزیر خارجہ شاہد محمود چوہدری نے "
        "اسلامی تعاون تنظیم (او آئی سی) کی وزرائے خارجہ کونسل کے اجلاس کے موقع پر ہفتہ کو "
        "آذربائیجان کے وزیر خارجہ ایلچن حسینلی سے ملاقات کی۔"
    )
    start = text.index("محمود چوہدری")
    part = Span(start=start, end=start + len("محمود چوہدری"), text="محمود چوہدری")
    astray = Delegation(party="OIC", head=Person(name="Mohammad Choudhry"), evidence=[part])
    m = meeting(("Pakistan", "PAK"), ("Azerbaijan", "AZE"), kind="dialogue", delegations=[astray])
    rejected: list[Rejected] = []
    urdu_heads_from_original(m, 0, text, rejected)
    heads = {d.party: d.head.name_as_written for d in m.delegations if d.head}
    # the model's OIC head is the Pakistani minister the sentence names; the other is added
    assert heads == {"PAK": "شاہد محمود چوہدری", "AZE": "ایلچن حسینلی"}


def test_arabic_x_received_y_names_the_host_and_the_guest() -> None:
    from summarizer import led_by

    text = (
        "استقبل الدكتور طارق عبد الرحمن منصور، وزير الخارجية والهجرة، يوم الثلاثاء 3 فبراير 2026 "
        "بمقر وزارة الخارجية بالقاهرة، السيد تورد هالفورسن، المبعوث الخاص لوزير الخارجية "
        "النرويجي لعملية السلام في الشرق الأوسط، الذي يزور مصر حالياً."
    )
    found = [(h.written, code) for h, code in led_by.heads_received_arabic(text)]
    assert found == [("طارق عبد الرحمن منصور", None), ("تورد هالفورسن", "NOR")]
    # without two names an honorific opens, nothing is read
    assert led_by.heads_received_arabic("استقبل وزير الخارجية اليوم سفير النرويج بالقاهرة.") == []


def test_an_urdu_title_with_the_izafat_zer_is_read() -> None:
    from summarizer import titles

    ur = "اجلاس کی مشترکہ صدارت وفاقی وزیرِ تجارت رانا شہزاد اقبال اور روانڈا کے وزیرِ تجارت و"
    name = ur.index("رانا")
    found = titles.title_near(ur, name, name + len("رانا شہزاد اقبال"))
    assert found is not None and found.english == "Federal Minister of Trade"
    assert ur[found.start : found.end] == "وفاقی وزیرِ تجارت"
    # «وزیراعظم» (Prime Minister) is one word: no zer variant is made inside it
    assert not any("وزیرِاعظم" in phrase for phrase, _english in titles.phrases())


def test_a_country_inside_a_foreign_name_in_chinese_is_no_party() -> None:
    text = "中国外交部副部长刘建华与约旦外交与侨务部秘书长马吉德·卡塔尔奈共同主持"
    assert [p.code for p in places.parties_named(text, 0, len(text))] == ["CHN", "JOR"]
    text = "中国与卡塔尔举行磋商"
    assert [p.code for p in places.parties_named(text, 0, len(text))] == ["CHN", "QAT"]
