"""Meeting-mechanism terms code reads in non-English originals, after the meeting's ordinal."""

from __future__ import annotations

import pytest

ARABIC = (
    "ووفقًا للبيان، عقدت باكستان والاتحاد الأوروبي الجولة العاشرة من “الحوار السياسي” في بروكسل.\n"
    "وأكد الجانبان رغبتهما في عقد الجولة السابعة من “الحوار الاستراتيجي” في عام 2025."
)


def test_terms_are_matched_on_normalised_text_longest_first() -> None:
    from summarizer.mechanisms import series_after
    from summarizer.pipeline import ordinal_spans

    # diacritics and a prefixed conjunction do not hide a term
    text = "عقدت الجولة العاشرة من وَالحِوار السياسي في بروكسل"
    (tenth,) = ordinal_spans(text, 10)
    assert (series_after(text, tenth, "ar") or ("",))[0] == "Political Dialogue"
    # a language without a table names nothing
    (tenth,) = ordinal_spans(ARABIC, 10)
    assert series_after(ARABIC, tenth, "ur") is None and series_after(ARABIC, tenth, "xx") is None
    # a term inside a longer one: the longer one is the name
    text = "La 13e session de la Grande Commission mixte s'est tenue à Dakar."
    (thirteenth,) = ordinal_spans(text, 13)
    assert (series_after(text, thirteenth, "fr") or ("",))[0] == "Grand Joint Commission"


def test_series_after_the_ordinal_in_the_original() -> None:
    from summarizer.mechanisms import series_after
    from summarizer.pipeline import ordinal_spans

    (tenth,) = ordinal_spans(ARABIC, 10)
    english, span = series_after(ARABIC, tenth, "ar") or ("", None)
    assert english == "Political Dialogue"
    assert span is not None and ARABIC[span.start : span.end] == span.text == "الحوار السياسي"
    (seventh,) = ordinal_spans(ARABIC, 7)
    assert (series_after(ARABIC, seventh, "ar") or ("",))[0] == "Strategic Dialogue"
    french = "La 13e session de la Grande Commission mixte s'est tenue à Dakar."
    (thirteenth,) = ordinal_spans(french, 13)
    assert (series_after(french, thirteenth, "fr") or ("",))[0] == "Grand Joint Commission"
    # a term further on in the sentence is not the one the ordinal numbers
    far = "La 13e réunion s'est tenue à Dakar, loin de tout dialogue politique."
    (ordinal,) = ordinal_spans(far, 13)
    assert series_after(far, ordinal, "fr") is None


def test_first_numbered_mechanism_in_the_original() -> None:
    from summarizer.mechanisms import first_numbered

    urdu = "پاکستان اور ازبکستان کے درمیان دوطرفہ سیاسی مشاورت کا چوتھا دور منگل کو ہوا۔"
    found = first_numbered(urdu, "ur")  # Urdu names the mechanism before its ordinal
    assert found is not None
    value, ordinal, english, span = found
    assert (value, ordinal.text, english) == (4, "چوتھا", "Bilateral Political Consultations")
    assert urdu[span.start : span.end] == span.text
    russian = "Во вторник в Баку прошло 11-е заседание Совета стратегического сотрудничества."
    assert first_numbered(russian, "ru") is None  # not a listed term: nothing invented
    russian = russian.replace("сотрудничества.", "сотрудничества высокого уровня.")
    assert (first_numbered(russian, "ru") or (0,))[0] == 11
    chinese = "中国和巴西第五轮外交部战略对话在北京举行。"
    # the ministries are part of the name as written (外交部战略对话)
    assert (first_numbered(chinese, "zh") or (0, None, ""))[2] == (
        "Foreign Ministry Strategic Dialogue"
    )


def test_fields_of_cooperation_after_the_term_are_part_of_the_name() -> None:
    from summarizer.mechanisms import series_after
    from summarizer.pipeline import ordinal_spans

    ru = (
        "состоялось 26-е заседание Российско-монгольской межправительственной комиссии по "
        "торгово-экономическому и научно-техническому сотрудничеству."
    )
    (ordinal,) = ordinal_spans(ru, 26)
    found = series_after(ru, ordinal, "ru")
    assert found is not None
    assert found[0] == (
        "Intergovernmental Commission on Trade, Economic, Scientific and Technical Cooperation"
    )
    assert ru[found[1].start : found[1].end].endswith("сотрудничеству")
    fr = "La 13e session de la Grande commission mixte de coopération économique s'est tenue."
    (ordinal,) = ordinal_spans(fr, 13)
    assert (series_after(fr, ordinal, "fr") or ("",))[0] == (
        "Grand Joint Commission for Economic Cooperation"
    )


def test_a_mechanism_named_without_an_ordinal_keeps_its_fields_of_cooperation() -> None:
    from summarizer.mechanisms import named_in

    ar = "عقدت اللجنة المشتركة للتعاون بين دولة قطر وجمهورية كينيا اجتماعات الدورة الخامسة"
    found = named_in(ar, 0, len(ar), "ar")
    assert found is not None and found[0] == "Joint Commission for Cooperation"
    assert found[1].text == "اللجنة المشتركة للتعاون"
    ar = "عقدت اللجنة المشتركة للتعاون الاقتصادي والتجاري والفني اجتماعاتها"
    found = named_in(ar, 0, len(ar), "ar")
    assert found is not None
    assert found[0] == "Joint Commission for Economic, Trade and Technical Cooperation"
    ar = "عقدت اللجنة المشتركة اجتماعاتها في الدوحة"
    assert (named_in(ar, 0, len(ar), "ar") or ("",))[0] == "Joint Commission"


def test_russian_subject_urdu_commission_and_chinese_ordinal_span() -> None:
    from summarizer.mechanisms import first_numbered
    from summarizer.pipeline import ordinal_spans

    ru = "Состоялось 7-е заседание Российско-иранской рабочей группы по транспорту."
    found = first_numbered(ru, "ru")
    assert found is not None and found[0] == 7 and found[2] == "Working Group on Transport"
    ur = "پاک تاجک مشترکہ بین الحکومتی کمیشن کا چھٹا اجلاس دوشنبے میں ہوا۔"
    found = first_numbered(ur, "ur")
    assert found is not None and found[0] == 6
    assert found[2] == "Joint Intergovernmental Commission"
    zh = "中国和秘鲁举行第十二次外交部间政治磋商"
    (span,) = ordinal_spans(zh, 12)
    assert span.text == "第十二次" and zh[span.start : span.end] == "第十二次"


def test_an_ordinal_that_refers_back_to_the_mechanism_named_before_it() -> None:
    from summarizer.mechanisms import first_numbered

    cases = [
        ("Les consultations politiques belgo-marocaines, dont la quatrième session s'est tenue "
         "lundi à Rabat.", "fr", 4, "Political Consultations"),
        ("La commission mixte a tenu sa 4e session à Dakar.", "fr", 4, "Joint Commission"),
        ("عقدت اللجنة المشتركة بين الكويت والفلبين اليوم اجتماعها الثالث.", "ar", 3,
         "Joint Commission"),
        ("Межправительственная комиссия провела своё третье заседание в Москве.", "ru", 3,
         "Intergovernmental Commission"),
    ]  # fmt: skip
    for text, language, value, english in cases:
        found = first_numbered(text, language)
        assert found is not None, text
        assert (found[0], found[2]) == (value, english)
        assert text[found[3].start : found[3].end] == found[3].text
    # no back-reference before the ordinal, or the name in an earlier sentence: nothing
    assert first_numbered("La commission mixte. Le 4e jour, la pluie tomba.", "fr") is None
    earlier = "La commission mixte s'est réunie. Elle a tenu sa 4e séance."
    assert first_numbered(earlier, "fr") is None


def test_an_arabic_term_after_the_preposition_li_and_chinese_diplomatic_consultations() -> None:
    from summarizer.mechanisms import series_after
    from summarizer.records import Span

    text = "عقدت قطر ورواندا الاجتماع الأول للجنة السياسية المشتركة في كيغالي."
    at = text.index("الأول")
    found = series_after(text, Span(start=at, end=at + 5, text="الأول"), "ar")
    assert found is not None and found[0] == "Joint Political Committee"
    assert found[1].text == "للجنة السياسية المشتركة"
    text = "中国—斯里兰卡第十二轮外交磋商7日在科伦坡举行。"
    at = text.index("第十二轮")
    found = series_after(text, Span(start=at, end=at + 4, text="第十二轮"), "zh")
    assert found is not None and found[0] == "Diplomatic Consultations"


def test_chinese_names_with_the_ministries_and_a_name_before_the_ordinal() -> None:
    from summarizer.mechanisms import first_numbered, series_after
    from summarizer.records import Span

    text = "2025年9月23日，双方共同主持中肯第八轮外交部政治磋商。"
    at = text.index("第八轮")
    found = series_after(text, Span(start=at, end=at + 3, text="第八轮"), "zh")
    assert found is not None and found[0] == "Foreign Ministry Political Consultations"
    # the commission named right before its ordinal ("联合委员会第八次会议")
    numbered = first_numbered("马来西亚—越南联合委员会第八次会议3日在布城举行。", "zh")
    assert numbered is not None and (numbered[0], numbered[2]) == (8, "Joint Commission")
    # but not a name further off in the sentence
    assert first_numbered("联合委员会成立以来，双方第八次会晤。", "zh") is None


def test_a_series_between_foreign_ministries_is_the_foreign_ministry_series() -> None:
    from summarizer.normalize import series_key

    assert series_key("Strategic Dialogue between Foreign Ministries") == series_key(
        "Foreign Ministry Strategic Dialogue"
    )
    # who holds it is written or left out: one series of the pair
    assert series_key("Strategic Dialogue") == series_key("Foreign Ministry Strategic Dialogue")
    assert series_key("Political Consultations between the Ministries of Foreign Affairs") == (
        series_key("Political Consultations")
    )
    consultations = series_key("Foreign Ministry Political Consultations")
    assert series_key("Strategic Dialogue") != consultations


def test_an_arabic_term_with_the_parties_adjectives_inside_it() -> None:
    from summarizer.mechanisms import first_numbered

    text = "عُقدت اليوم أعمال الدورة الرابعة للجنة العُمانية الفيتنامية المشتركة، برئاسة الوكيل."
    found = first_numbered(text, "ar")
    assert found is not None and (found[0], found[2]) == (4, "Joint Commission")
    assert found[3].text == "للجنة العُمانية الفيتنامية المشتركة"


def test_a_translated_series_is_the_mechanism_the_original_names_without_an_ordinal() -> None:
    from summarizer.mechanisms import named_in
    from summarizer.pipeline import series_named_in_original
    from summarizer.records import Location, MeetingDate, MeetingRecord, Rejected

    text = "В понедельник в Аддис-Абебе прошёл очередной раунд межмидовских консультаций."
    found = named_in(text, 0, len(text), "ru")
    assert found is not None and found[0] == "Foreign Ministry Consultations"
    assert found[1].text == "межмидовских консультаций"
    assert named_in("Обсудили борьбу с терроризмом.", 0, 30, "ru") is None

    def meeting(series: str | None) -> MeetingRecord:
        return MeetingRecord(
            id="m", status="held", primary=True, kind="consultations", series=series,
            round=None, title="t", parties=[], date=MeetingDate(value=None),
            location=Location(),
        )  # fmt: skip

    m = meeting("Mid-Year Consultations")
    rejected: list[Rejected] = []
    series_named_in_original(m, 0, text, "ru", rejected)
    assert m.series == "Foreign Ministry Consultations" and rejected
    m = meeting(None)  # a meeting the model gave no series keeps none
    series_named_in_original(m, 0, text, "ru", rejected)
    assert m.series is None


def test_chinese_ministries_before_the_ordinal_and_an_arabic_consultation_mechanism() -> None:
    from summarizer.mechanisms import first_numbered

    found = first_numbered("中国和智利两国外交部第十三轮政治磋商23日在圣地亚哥举行。", "zh")
    assert found is not None
    assert (found[0], found[2]) == (13, "Foreign Ministry Political Consultations")
    found = first_numbered("مصر وإندونيسيا تعقدان الجولة الرابعة من آلية التشاور الثنائي", "ar")
    assert found is not None and found[2] == "Bilateral Consultation Mechanism"


def test_the_fullest_name_of_the_first_numbered_round_is_read() -> None:
    headline = "پاکستان اور ایران کا اتفاق، سیاسی مشاورت کا تیسرا دور مکمل\n\n"
    body = "دونوں ممالک کے درمیان دوطرفہ سیاسی مشاورت کا تیسرا دور منگل کو منعقد ہوا۔"
    from summarizer import mechanisms

    found = mechanisms.first_numbered(headline + body, "ur")
    assert found is not None
    assert (found[0], found[2]) == (3, "Bilateral Political Consultations")
    # another round's fuller name is another meeting's
    other = "آئندہ دوطرفہ سیاسی مشاورت کا چوتھا دور تہران میں ہوگا۔"
    found = mechanisms.first_numbered(headline + other, "ur")
    assert found is not None and (found[0], found[2]) == (3, "Political Consultations")


def test_the_number_of_the_event_a_meeting_was_held_beside_is_not_its_round() -> None:
    from summarizer.pipeline import _numbers_the_host_event, ordinal_spans

    for text, value in (
        ("встретился с министром на полях седьмого Совещания министров СВМДА в Баку", 7),
        ("s'est entretenu avec son homologue en marge de la 79e session de l'Assemblée", 79),
        ("التقى نظيره على هامش أعمال الدورة الخامسة لمؤتمر وزراء الخارجية", 5),
        ("met his counterpart on the sidelines of the 16th BRICS Summit", 16),
    ):
        (ordinal,) = ordinal_spans(text, value)
        assert _numbers_the_host_event(text, ordinal), text
    text = "The two ministers held the 7th round of their political consultations in Baku."
    (ordinal,) = ordinal_spans(text, 7)
    assert not _numbers_the_host_event(text, ordinal)


def test_a_joint_ministerial_and_a_bi_national_commission_in_french_and_arabic() -> None:
    from summarizer.mechanisms import first_numbered
    from summarizer.normalize import series_key

    text = "Les travaux de la 17e session de leur commission ministérielle mixte ont pris fin."
    found = first_numbered(text, "fr")
    assert found is not None and (found[0], found[2]) == (17, "Joint Ministerial Commission")
    text = "اختتمت أشغال الدورة الثامنة للجنة الثنائية الجزائرية-الجنوب إفريقية."
    found = first_numbered(text, "ar")
    assert found is not None and (found[0], found[2]) == (8, "Bi-National Commission")
    assert series_key("Bi-National Commission") == series_key("Binational Commission")


def test_an_arabic_committee_on_a_subject_after_the_parties_adjectives() -> None:
    from summarizer.mechanisms import first_numbered

    text = "خلال الدورة الخامسة للجنة المشتركة الموريتانية اليابانية للصيد البحري، التي عقدت."
    found = first_numbered(text, "ar")
    assert found is not None and found[2] == "Joint Commission on Fisheries"
    assert found[3].text.endswith("للصيد البحري")
    # a committee named without a subject keeps its name
    found = first_numbered("الدورة الثالثة للجنة المشتركة العمانية الفيتنامية، برئاسة", "ar")
    assert found is not None and found[2] == "Joint Commission"


def test_urdu_fields_written_before_the_mechanisms_name() -> None:
    from summarizer.mechanisms import named_in

    def read(text: str) -> str | None:
        found = named_in(text, 0, len(text), "ur")
        return found[0] if found else None

    assert read("زراعت اور غذائی تحفظ سے متعلق مشترکہ ورکنگ گروپ کا دوسرا اجلاس") == (
        "Joint Working Group on Agriculture and Food Security"
    )
    assert read("ریلوے اور ٹرانسپورٹ کے شعبے میں تعاون سے متعلق مشترکہ ورکنگ گروپ کا اجلاس") == (
        "Joint Working Group on Railways and Transport"
    )
    # words the table does not know as fields are not read as the name's
    assert read("دونوں ممالک کے درمیان مشترکہ ورکنگ گروپ کا اجلاس") == "Joint Working Group"
    # the pair may stand between the fields and the name
    assert read("تجارت و سرمایہ کاری سے متعلق پاک-انڈونیشیا مشترکہ ورکنگ گروپ کا اجلاس") == (
        "Joint Working Group on Trade and Investment"
    )


def test_urdu_before_is_not_the_ordinal_first() -> None:
    from summarizer import normalize
    from summarizer.pipeline import ordinal_spans

    text = "اجلاس جکارتہ میں ہوگا، جس سے پہلے ماہرین فہرستوں کا تبادلہ کریں گے۔ پہلے اجلاس میں"
    assert [s.start for s in ordinal_spans(text, 1)] == [text.rindex("پہلے")]
    assert normalize.ordinal_value("جس سے پہلے ماہرین") is None
    assert normalize.ordinal_value("پہلے اجلاس") == 1


def test_chinese_fields_written_before_a_commissions_name() -> None:
    from summarizer.mechanisms import first_numbered

    def read(text: str) -> str | None:
        found = first_numbered(text, "zh")
        return found[2] if found else None

    assert read("中国—厄瓜多尔经贸混委会第十一次会议在瓜亚基尔举行") == (
        "Joint Commission on Economic and Trade Cooperation"
    )
    assert read("两国经济、文化、科学技术合作混合委员会第二十次会议") == (
        "Joint Commission on Economic, Cultural, Scientific and Technical Cooperation"
    )
    assert read("中马联合委员会第八次会议") == "Joint Commission"


def test_french_subject_after_the_parties_adjective_and_on_or_for_its_fields() -> None:
    from summarizer.mechanisms import first_numbered
    from summarizer.normalize import series_key

    text = "La troisième session de la commission mixte togo-burkinabè de sécurité transfrontalière"
    found = first_numbered(text, "fr")
    assert found is not None and found[2] == "Joint Commission on Cross-Border Security"
    text = "la 11e session de la Commission mixte intergouvernementale de coopération économique"
    found = first_numbered(text, "fr")
    assert found is not None and found[2] == (
        "Intergovernmental Joint Commission for Economic Cooperation"
    )
    # "on" or "for" a list of fields, "commercial" or "trade": one series
    assert series_key("Joint Commission on Economic and Trade Cooperation") == series_key(
        "Joint Commission for Economic and Commercial Cooperation"
    )
    assert series_key("Joint Working Group on Trade") != series_key("Joint Working Group")


@pytest.mark.parametrize(
    ("text", "language", "value", "english"),
    [
        # Chinese cooperation committees and bare consultations
        ("中埃政府间合作委员会第三次会议", "zh", 3, "Intergovernmental Cooperation Committee"),
        ("两国外交部第三轮磋商在京举行", "zh", 3, "Foreign Ministry Consultations"),
        ("中国和加纳外交部第四轮政治磋商", "zh", 4, "Foreign Ministry Political Consultations"),
        # Urdu mechanisms in Urdu words and in English ones
        ("مشترکہ اقتصادی کمیشن کا تیسرا اجلاس", "ur", 3, "Joint Economic Commission"),
        ("دوطرفہ مشاورت کا چوتھا دور", "ur", 4, "Bilateral Consultations"),
        ("اسٹریٹجک مذاکرات کا دوسرا دور", "ur", 2, "Strategic Dialogue"),
        ("جوائنٹ کمیشن کا پانچواں اجلاس", "ur", 5, "Joint Commission"),
        (
            "بائی لیٹرل پولیٹیکل کنسلٹیشنز کا پانچواں دور",
            "ur",
            5,
            "Bilateral Political Consultations",
        ),
        (
            "سیاحت سے متعلق مشترکہ ورکنگ گروپ کا تیسرا اجلاس",
            "ur",
            3,
            "Joint Working Group on Tourism",
        ),
    ],
)
def test_listed_chinese_and_urdu_mechanisms_are_numbered(
    text: str, language: str, value: int, english: str
) -> None:
    from summarizer.mechanisms import first_numbered

    found = first_numbered(text, language)
    assert found is not None and (found[0], found[2]) == (value, english), text


def test_an_arabic_ordinal_of_two_words_numbers_the_meeting() -> None:
    from summarizer.mechanisms import first_numbered
    from summarizer.pipeline import ordinal_spans

    text = (
        "انطلقت السفينة الأولى من صحار. ويأتي ذلك بعد انعقاد الاجتماع الحادي عشر للجنة "
        "العُمانية الهندية المشتركة في نيودلهي."
    )
    found = first_numbered(text, "ar")
    assert found is not None and found[0] == 11 and found[1].text == "الحادي عشر"
    assert [s.text for s in ordinal_spans(text, 11)] == ["الحادي عشر"]
    assert [s.text for s in ordinal_spans(text, 1)] == ["الأولى"]  # not «الحادي» of the 11th


def test_a_french_list_of_fields_with_commas_is_part_of_the_name() -> None:
    from summarizer.mechanisms import named_in

    text = (
        "la première session de la Commission mixte de coopération économique, scientifique "
        "et technique entre la République du Bénin et la République du Tchad"
    )
    found = named_in(text, 0, len(text), "fr")
    assert found is not None
    assert found[0] == "Joint Commission for Economic, Scientific and Technical Cooperation"
    assert found[1].text.endswith("scientifique et technique")
