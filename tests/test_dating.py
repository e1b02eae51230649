"""Code-side verification of the meeting's date, city, topics and Chinese heads (issue #6)."""

from __future__ import annotations

import datetime

import pytest

from summarizer import dating, from_text, normalize
from summarizer.pipeline import (
    city_from_original,
    cjk_head_from_original,
    date_from_original,
    split_topics,
    topics_from_text,
)
from summarizer.records import (
    Delegation,
    Location,
    MeetingDate,
    MeetingRecord,
    Party,
    Person,
    Rejected,
    Span,
    Topic,
)


def span_of(text: str, phrase: str, *, translated: bool = False) -> Span:
    start = text.index(phrase)
    return Span(
        start=start,
        end=start + len(phrase),
        text=phrase,
        alignment="translated" if translated else "exact",
    )


def record(**fields: object) -> MeetingRecord:
    base: dict[str, object] = {
        "id": "m",
        "status": "held",
        "primary": True,
        "kind": "consultations",
        "series": None,
        "round": None,
        "title": "t",
        "parties": [],
        "date": MeetingDate(value=None),
        "location": Location(),
    }
    base.update(fields)
    return MeetingRecord.model_validate(base)


# ---- datelines and dates in any language -------------------------------------------------


def test_dateline_in_each_language() -> None:
    cases = {
        ("KUALA LUMPUR, 25 June 2025 — Senior diplomats met.", "en"): "2025-06-25",
        ("【本报吉隆坡2025年6月25日电】6月24日，磋商举行。", "zh"): "2025-06-25",
        ("انقرہ (20 مئی 2025): مشاورت منعقد ہوئی۔", "ur"): "2025-05-20",
        ("БАКУ, 7 октября 2025 года. Президенты провели заседание.", "ru"): "2025-10-07",
        ("أثينا – 9 سبتمبر 2025: عقدت مصر واليونان", "ar"): "2025-09-09",
        ("Ulaanbaatar, November 20, 2025 /MONTSAME/ The talks were held.", "en"): "2025-11-20",
        ("Rabat, 13/05/2025 (MAP) - La XIVe session s'est tenue.", "fr"): "2025-05-13",
        ("اسلام آباد، 12 نومبر 2025 (اے پی پی): پاکستان اور ایران نے", "ur"): "2025-11-12",
        ("Rabat, 03/05/2025 (MAP) - La XIVe session s'est tenue.", "fr"): "2025-05-03",
        ("Accra, 05/13/2025 - The commission met.", "en"): "2025-05-13",
        ("المنامة في 10 مارس 2026 / بنا / عُقدت في بانكوك أمس الاثنين", "ar"): "2026-03-10",
        # an agency's tag between the place and the date; an agency's name with a vowel mark
        ("اسلام آباد (اے پی پی) 9 اکتوبر 2026: پاکستان اور چلی کے درمیان", "ur"): "2026-10-09",
        ("ISLAMABAD (APP) 9 October 2026: The talks were held.", "en"): "2026-10-09",
        ("مسقط في 8 ديسمبر 2026 /العُمانية/ عقدت اللجنة", "ar"): "2026-12-08",
    }
    for (text, language), value in cases.items():
        found = dating.dateline(text, language)
        assert found is not None and found.value == value, (language, found)
        assert text[found.span.start : found.span.end] == found.span.text


def test_a_date_inside_the_lead_sentence_is_not_a_dateline() -> None:
    text = "BERLIN — Germany and Poland agreed on Tuesday, 2 December 2025, to coordinate."
    assert dating.dateline(text, "en") is None
    found = dating.dates_in(text, 0, len(text), language="en", reference=None)
    assert [f.value for f in found] == ["2025-12-02"] and not found[0].dateline


def test_body_date_beats_dateline_and_weekday_is_resolved() -> None:
    text = (
        "KUALA LUMPUR, 25 June 2025 — Diplomats pledged on Tuesday to speed up talks, as "
        "the 31st Senior Officials' Consultations were held."
    )
    ref = dating.reference_date(text, "en", None)
    assert ref == datetime.date(2025, 6, 25)
    found = dating.meeting_date(text, [(0, len(text))], language="en", reference=ref, held=True)
    assert found is not None and found.value == "2025-06-24" and found.span.text == "Tuesday"


def test_chinese_date_without_year_takes_the_reference_year() -> None:
    text = "【本报吉隆坡2025年6月25日电】6月24日，第三十一次中国—东盟高官磋商在吉隆坡举行。"
    ref = dating.reference_date(text, "zh", None)
    found = dating.meeting_date(text, [(0, len(text))], language="zh", reference=ref, held=True)
    assert found is not None and (found.span.text, found.value) == ("6月24日", "2025-06-24")


def test_chinese_day_of_this_or_last_month() -> None:
    def read(text: str, reference: datetime.date) -> list[tuple[str, str]]:
        found = dating.dates_in(text, 0, len(text), language="zh", reference=reference)
        return [(f.span.text, f.value) for f in found]

    wire = "人民网北京11月14日电　据外交部网站消息，本月12日，工作组磋商在北京举行。"
    assert ("本月12日", "2025-11-12") in read(wire, datetime.date(2025, 11, 14))
    # last month's day, across the year's end; and the day of the next month
    assert read("上月28日，磋商举行。", datetime.date(2025, 1, 2)) == [("上月28日", "2024-12-28")]
    assert read("双方将于下月3日会晤。", datetime.date(2025, 11, 14)) == [("下月3日", "2025-12-03")]
    # a month written out is still read once, as its own date
    assert read("11月12日，磋商举行。", datetime.date(2025, 11, 14)) == [("11月12日", "2025-11-12")]


def test_urdu_sentence_ends_at_the_urdu_full_stop() -> None:
    text = "پہلا جملہ۔ دوسرا جملہ"
    assert dating.sentence_of(text, text.index("دوسرا")) == (text.index("دوسرا"), len(text))


# ---- the pipeline's checks ---------------------------------------------------------------


def test_model_dateline_date_is_replaced_by_the_meetings_own_date() -> None:
    text = (
        "Talks\n\nKUALA LUMPUR, 25 June 2025 — Diplomats pledged on Tuesday to speed up "
        "talks, as the 31st Senior Officials' Consultations were held."
    )
    model = span_of(text, "25 June 2025")
    m = record(
        series="Senior Officials' Consultations",
        round=31,
        date=MeetingDate(value="2025-06-25", precision="day", text=model.text, evidence=[model]),
        field_evidence={"series": [span_of(text, "Senior Officials' Consultations")]},
    )
    rejected: list[Rejected] = []
    ref = dating.reference_date(text, "en", None)
    date_from_original(m, 0, text, "en", ref, rejected)
    assert m.date.value == "2025-06-24" and m.date.evidence[0].text == "Tuesday"
    assert [r.field for r in rejected] == ["meetings[0].date"]


def test_translated_month_is_checked_against_the_original() -> None:
    text = "انقرہ (20 مئی 2025): سیاسی مشاورت کا ساتواں دور منگل، 20 مئی 2025 کو انقرہ میں ہوا۔"
    paragraph = Span(start=0, end=len(text), text=text, alignment="translated")
    m = record(
        series="Political Consultations",
        round=7,
        date=MeetingDate(value="2025-10-20", precision="day", text="on October 20, 2025",
                         evidence=[paragraph]),
        field_evidence={"round": [span_of(text, "ساتواں")]},
    )  # fmt: skip
    rejected: list[Rejected] = []
    date_from_original(m, 0, text, "ur", dating.reference_date(text, "ur", None), rejected)
    assert m.date.value == "2025-05-20"
    body = text.rindex("20 مئی 2025")
    assert m.date.evidence[0].start == body and m.date.evidence[0].alignment == "exact"
    assert rejected and rejected[0].value == "2025-10-20"


def test_announced_meeting_dated_before_publication_is_held() -> None:
    text = "ATHENS, 9 September 2025 — Egypt and Greece held the dialogue on 8 September 2025."
    when = span_of(text, "8 September 2025")
    m = record(
        status="announced",
        date=MeetingDate(value=None, text="8 September 2025", evidence=[when]),
    )
    rejected: list[Rejected] = []
    date_from_original(m, 0, text, "en", dating.reference_date(text, "en", None), rejected)
    assert m.date.value == "2025-09-08" and m.status == "held"
    # a bare weekday is no such evidence: "will hold ... on Monday" is the next Monday
    text = "ATHENS, 9 September 2025 — Egypt and Greece will hold the dialogue on Monday."
    when = span_of(text, "Monday")
    m = record(status="announced", date=MeetingDate(value=None, text="Monday", evidence=[when]))
    date_from_original(m, 0, text, "en", dating.reference_date(text, "en", None), rejected)
    assert m.date.value == "2025-09-15" and m.status == "announced"


def test_a_call_has_no_venue_and_a_country_is_not_a_city() -> None:
    text = "The ministers spoke by phone. The commission last met in Jakarta."
    call = record(
        kind="call", location=Location(city="Jakarta", evidence=[span_of(text, "Jakarta")])
    )
    rejected: list[Rejected] = []
    city_from_original(call, 0, text, "en", rejected)
    assert call.location.city is None and rejected

    text = "第三十一次中国—东盟高官磋商在马来西亚吉隆坡举行。"
    m = record(
        round=31,
        location=Location(city="Malaysia", evidence=[span_of(text, text, translated=True)]),
        field_evidence={"round": [span_of(text, "第三十一次")]},
    )
    city_from_original(m, 0, text, "zh", rejected)
    assert m.location.city == "Kuala Lumpur" and m.location.evidence[0].text == "吉隆坡"


def test_a_headline_city_the_meetings_sentence_also_writes_is_kept() -> None:
    text = (
        "الجزائر وفيتنام تبحثان في هانوي توسيع الشراكة\n\nالجزائر – الأربعاء 15 أفريل 2026\n\n"
        "احتضنت العاصمة الفيتنامية هانوي، الأحد الماضي، أشغال الدورة الرابعة من المشاورات "
        "السياسية بين وزارتي خارجية الجزائر وفيتنام."
    )
    headline_city = text.index("هانوي")
    m = record(
        round=4,
        location=Location(
            city="Hanoi",
            evidence=[Span(start=headline_city, end=headline_city + 5, text="هانوي")],
        ),
        field_evidence={"round": [span_of(text, "الرابعة")]},
    )
    rejected: list[Rejected] = []
    city_from_original(m, 0, text, "ar", rejected)
    # not the dateline's Algiers: the meeting's sentence writes Hanoi too
    assert m.location.city == "Hanoi" and not rejected


@pytest.mark.parametrize(
    ("text", "language", "dateline", "city", "ordinal", "round_", "venue", "written"),
    [
        (
            "اسلام آباد — جمعرات 19 فروری 2026\n\n"
            "پاکستان اور آسیان کی کمیٹی کا آٹھواں اجلاس بدھ کے روز جکارتہ میں منعقد ہوا۔",
            "ur", "اسلام آباد", "Islamabad", "آٹھواں", 8, "Jakarta", "جکارتہ",
        ),
        # Russian "на" before an island's city
        (
            "МОСКВА, 5 марта 2027. /ТАСС/. Шестое заседание Российско-таиландской совместной "
            "рабочей группы состоялось в четверг на Пхукете.",
            "ru", "МОСКВА", "Moscow", "Шестое", 6, "Phuket", "Пхукете",
        ),
    ],
)  # fmt: skip
def test_a_venue_written_as_a_place_wins_over_the_datelines_city(
    text: str,
    language: str,
    dateline: str,
    city: str,
    ordinal: str,
    round_: int,
    venue: str,
    written: str,
) -> None:
    m = record(
        round=round_,
        location=Location(city=city, evidence=[span_of(text, dateline)]),
        field_evidence={"round": [span_of(text, ordinal)]},
    )
    rejected: list[Rejected] = []
    city_from_original(m, 0, text, language, rejected)
    assert m.location.city == venue and m.location.evidence[0].text == written
    assert rejected[-1].value == city


def test_the_capital_the_meetings_sentence_names_is_the_venue() -> None:
    text = (
        "اسلام آباد (اے پی پی) 9 اکتوبر 2026: پاکستان اور چلی کے درمیان سیاسی مشاورت کا دوسرا "
        "دور جمعرات کو چلی کے دارالحکومت سینٹیاگو میں منعقد ہوا۔"
    )
    m = record(
        round=2,
        location=Location(city="Islamabad", evidence=[span_of(text, "اسلام آباد")]),
        field_evidence={"round": [span_of(text, "دوسرا")]},
    )
    rejected: list[Rejected] = []
    city_from_original(m, 0, text, "ur", rejected)
    # «سینٹیاگو» is a spelling no table has; «چلی کے دارالحکومت», Chile's capital, says it
    assert m.location.city == "Santiago" and m.location.country == "CHL"
    assert m.location.evidence[0].text == "چلی کے دارالحکومت سینٹیاگو"
    assert rejected[-1].value == "Islamabad"


def test_an_arabic_year_with_its_era_mark_and_a_lead_that_names_the_resort() -> None:
    text = (
        "وزير الخارجية يجري مباحثات مع نظيره الكازاخستاني\n\n"
        "أستانا في 10 مارس 2027م /العُمانية/ أجرى معالي السيد منذر بن هلال البوسعيدي وزير "
        "الخارجية أمس مباحثات رسمية مع معالي يرلان كوجاخمتوف، وذلك في منتجع بوراباي بمنطقة "
        "أقمولا شمال العاصمة أستانا."
    )
    # «2027م»: the Gregorian era mark joined to the year is no part of a word
    line = dating.dateline(text, "ar")
    assert line is not None and (line.value, line.span.text) == ("2027-03-10", "10 مارس 2027م")
    assert normalize.normalize_date("10 مارس 2027م", language="ar").value == "2027-03-10"
    # no series or round: the lead its dateline opens says where («في منتجع بوراباي»)
    m = record(location=Location(city="Astana", evidence=[span_of(text, "أستانا")]))
    rejected: list[Rejected] = []
    city_from_original(m, 0, text, "ar", rejected)
    assert m.location.city == "Burabay" and rejected and rejected[0].value == "Astana"
    # a lead that names no other place keeps the dateline's city
    plain = text.replace("، وذلك في منتجع بوراباي بمنطقة أقمولا شمال العاصمة أستانا", "")
    m = record(location=Location(city="Astana", evidence=[span_of(plain, "أستانا")]))
    city_from_original(m, 0, plain, "ar", [])
    assert m.location.city == "Astana"


def test_a_datelines_place_before_its_date_is_not_the_venue() -> None:
    text = (
        "اللجنة العُمانية التنزانية المشتركة تعقد دورتها الخامسة في زنجبار\n\n"
        "مسقط في 8 ديسمبر /العُمانية/ عقدت اللجنة العُمانية التنزانية المشتركة دورتها الخامسة "
        "يومي 6 و7 ديسمبر الجاري في مدينة زنجبار."
    )
    headline = span_of(text, "اللجنة العُمانية التنزانية المشتركة تعقد دورتها الخامسة في زنجبار")
    translated = headline.model_copy(update={"alignment": "translated"})
    m = record(
        round=5,
        location=Location(city="Muscat", evidence=[translated]),
        field_evidence={"round": [span_of(text, "الخامسة")]},
    )
    rejected: list[Rejected] = []
    city_from_original(m, 0, text, "ar", rejected)
    assert m.location.city == "Zanzibar"  # «مسقط في 8 ديسمبر»: where the report was filed


def test_a_city_written_as_a_place_is_taken_over_one_written_as_a_party() -> None:
    from summarizer.pipeline import _first_city

    text = "الكويت وقيرغيزستان تعقدان جولة المشاورات السياسية الثانية في بشكيك"
    found = _first_city(text, [(0, len(text))])
    assert found is not None and found.city == "Bishkek"


def test_a_town_the_gazetteer_does_not_know_is_kept_where_written_as_the_venue() -> None:
    text = (
        "The commission met in Livingstone on Monday under Foreign Minister Mulenga Chanda "
        "Phiri and Tanzania's Rashid Mfaume."
    )
    m = record(location=Location(city="Livingstone", evidence=[span_of(text, "Livingstone")]))
    rejected: list[Rejected] = []
    city_from_original(m, 0, text, "en", rejected)
    assert m.location.city == "Livingstone" and not rejected
    # a building is not a town: the city the sentence names replaces it
    text = "The ministers met at Serena Hotel in Nairobi on Monday."
    hotel = record(location=Location(city="Serena Hotel", evidence=[span_of(text, "Serena Hotel")]))
    city_from_original(hotel, 0, text, "en", rejected)
    assert hotel.location.city == "Nairobi"


def test_a_city_name_inside_a_persons_name_is_not_a_city() -> None:
    text = "By Chanda Mwale. Minister Mulenga Chanda Phiri spoke in Chanda and in Paris."
    found = [(text[s:e], s) for s, e, _ in normalize.cities_in(text)]
    assert [w for w, _ in found] == ["Chanda", "Paris"]
    assert found[0][1] == text.index("in Chanda") + 3


def test_city_aliases_and_case_endings() -> None:
    assert normalize.city_info("Ulan-Bator") == ("Ulaanbaatar", "MNG")
    text = "В Улан-Баторе прошло заседание."
    assert [name for _, _, name in normalize.cities_in(text)] == ["Ulaanbaatar"]
    # the translation glossary's table is the recorded one
    assert normalize.city_info("Ulan-Bator", extended=False) is None


def test_topics_read_from_the_discussion_sentences() -> None:
    text = (
        "Discussions also covered global issues like the Gaza crisis and the Kashmir dispute. "
        "Energy cooperation was also discussed."
    )
    labels = [s.text for s in from_text.topics_in(text)]
    assert "Gaza crisis" in labels and "Kashmir dispute" in labels
    assert "Energy cooperation" in labels
    for s in from_text.topics_in(text):
        assert text[s.start : s.end] == s.text
    kept = [Topic(label="Kashmir", evidence=[span_of(text, "Kashmir")])]
    added = [t.label for t in topics_from_text(text, kept)]
    assert "Kashmir dispute" not in added and "Gaza crisis" in added


def test_a_list_given_as_one_topic_is_split() -> None:
    text = "Talks covered education, health, and agriculture in the east."
    listed = span_of(text, "education, health, and agriculture")
    topics = split_topics(text, [Topic(label=listed.text, evidence=[listed])])
    assert [t.label for t in topics] == ["education", "health", "agriculture"]
    assert all(text[t.evidence[0].start : t.evidence[0].end] == t.label for t in topics)


def test_chinese_head_is_the_romanisation_of_the_original() -> None:
    text = "中国外交部副部长高明远与马来西亚外交部秘书长共同主持磋商。"
    paragraph = Span(start=0, end=len(text), text=text, alignment="translated")
    m = record(
        delegations=[Delegation(party="CHN", head=Person(name="Li Mingyuan"), evidence=[paragraph])]
    )
    rejected: list[Rejected] = []
    cjk_head_from_original(m, 0, text, rejected)
    head = m.delegations[0]
    assert head.head.name == "Gao Mingyuan" and head.evidence[0].text == "高明远"
    assert rejected[0].value == "Li Mingyuan"
    # the translation dropped the surname: the name the original writes after the title
    text = "中国外交部副部长钱立明17日在圣何塞同哥斯达黎加外交部副部长共同主持磋商。"
    paragraph = Span(start=0, end=len(text), text=text, alignment="translated")
    head = Delegation(party="CHN", head=Person(name="Li Ming"), evidence=[paragraph])
    cjk_head_from_original(record(delegations=[head]), 0, text, rejected)
    assert head.head.name == "Qian Liming" and head.evidence[0].text == "钱立明"
    # a name the paragraph does not write at all: the one after a Chinese official's title
    text = "中国外交部副部长邓怀远与海合会助理秘书长萨利赫·卡哈塔尼共同主持。"
    paragraph = Span(start=0, end=len(text), text=text, alignment="translated")
    head = Delegation(
        party="CHN", head=Person(name="Wang Wenying", title="Foreign Minister"),
        evidence=[paragraph],
    )  # fmt: skip
    m = record(delegations=[head])
    cjk_head_from_original(m, 0, text, rejected)
    assert (head.head.name, head.head.title) == ("Deng Huaiyuan", "Vice Foreign Minister")
    assert head.evidence[0].text == "邓怀远"
    # not the other side's (a foreign name in characters)
    gcc = Delegation(party="GCC", head=Person(name="Salih Khatarani"), evidence=[paragraph])
    m = record(delegations=[gcc])
    cjk_head_from_original(m, 0, text, rejected)
    assert gcc.head.name == "Salih Khatarani"
    # the translation points to the headline: the lead writes the name
    text = "中墨举行第七轮外交部战略对话\n\n2026年6月18日，外交部副部长邓志远在墨西哥城主持对话。"
    headline = Span(start=0, end=14, text=text[:14], alignment="translated")
    head = Delegation(party="CHN", head=Person(name="Deng Zhany"), evidence=[headline])
    m = record(delegations=[head])
    cjk_head_from_original(m, 0, text, rejected)
    assert head.head.name == "Deng Zhiyuan" and head.evidence[0].text == "邓志远"
    # a name the translation wrote syllable by syllable ("Qi Wen Tao"), its surname not
    # among the commonest
    text = "外交部部长助理祁文涛在尼泊尔博卡拉同尼泊尔外交秘书共同主持磋商。"
    paragraph = Span(start=0, end=len(text), text=text, alignment="translated")
    head = Delegation(party="CHN", head=Person(name="Qi Wen Tao"), evidence=[paragraph])
    m = record(delegations=[head])
    cjk_head_from_original(m, 0, text, rejected)
    assert head.head.name == "Qi Wentao" and head.evidence[0].text == "祁文涛"


def test_a_chinese_venue_after_its_countrys_name_is_read_by_its_sounds() -> None:
    text = "2026年12月2日，外交部部长助理祁文涛在尼泊尔博卡拉同尼泊尔外交秘书共同主持第十七次会议。"
    m = record(
        round=17,
        location=Location(
            city="Bokāro",
            evidence=[Span(start=0, end=len(text), text=text, alignment="translated")],
        ),
        field_evidence={"round": [span_of(text, "第十七次")]},
    )
    rejected: list[Rejected] = []
    city_from_original(m, 0, text, "zh", rejected)
    # 博卡拉 is in no table: the city of Nepal whose letters it transliterates
    assert m.location.city == "Pokhara" and m.location.evidence[0].text == "博卡拉"
    # a piece of a person's name is no city (贝拉斯科, Velasco, holds 贝拉, Beira)
    text = (
        "外交部副部长邓志远在墨西哥城同墨西哥外交部副部长玛丽亚·何塞·贝拉斯科共同主持第七轮对话。"
    )
    m = record(
        round=7,
        location=Location(
            city="Beira", evidence=[Span(start=0, end=len(text), text=text, alignment="translated")]
        ),
        field_evidence={"round": [span_of(text, "第七轮")]},
    )
    city_from_original(m, 0, text, "zh", rejected)
    assert m.location.city == "Mexico City"


def test_a_meeting_that_ended_is_dated_by_its_first_day() -> None:
    text = (
        "اسلام آباد (نمائندہ خصوصی) پاکستان اور گھانا کے مشترکہ وزارتی کمیشن کا دوسرا اجلاس "
        "گزشتہ روز اکرا میں اختتام پذیر ہو گیا۔ بدھ کو شروع ہونے والے اس دو روزہ اجلاس میں "
        "تجارت پر بات ہوئی۔"
    )
    sentence = dating.sentence_of(text, text.index("گزشتہ"))
    found = dating.meeting_date(
        text, [sentence], language="ur", reference=datetime.date(2026, 11, 20), held=True
    )
    # ended yesterday (19 November), and the next sentence says it lasted two days
    assert found is not None and found.value == "2026-11-18"
    assert dating.closed_after_days(text, *sentence) == 0  # its own sentence does not say
    text = "The two-day talks concluded on 5 May 2025 in Nairobi."
    assert dating.closed_after_days(text, 0, len(text)) == 2
    # it ended today and began yesterday: «اختتمت ... اليوم ... التي انطلقت أمس»
    text = (
        "اختتمت في محافظة جدة اليوم أعمال الدورة الثالثة للجنة السعودية الطاجيكية المشتركة، "
        "التي انطلقت أمس، برئاسة وزير الدولة."
    )
    found = dating.meeting_date(
        text, [(0, len(text))], language="ar", reference=datetime.date(2026, 12, 2), held=True
    )
    assert found is not None and found.value == "2026-12-01"
    text = "The talks, which opened yesterday, concluded on 5 May 2025 in Nairobi."
    assert dating.closed_after_days(text, 0, len(text)) == 2
    text = "The talks opened yesterday in Nairobi."  # not said to have ended
    assert dating.closed_after_days(text, 0, len(text)) == 0


def test_a_party_or_a_filler_phrase_is_not_a_topic() -> None:
    text = "They discussed Pakistan, trade, and water management. Energy, as well."
    labels = [s.text for s in from_text.topics_in(text)]
    assert labels == ["trade", "water management"]


def test_a_multi_day_meeting_is_dated_by_its_first_day() -> None:
    from summarizer.dating import dates_in

    for text, language, value in [
        ("La session s'est tenue du 15 au 17 juillet 2025 à Accra.", "fr", "2025-07-15"),
        ("The commission met from 10 to 12 June 2025 in Kigali.", "en", "2025-06-10"),
        ("The talks took place on 17 July 2025.", "en", "2025-07-17"),
    ]:
        found = dates_in(text, 0, len(text), language=language, reference=None)
        assert [f.value for f in found] == [value]
        assert text[found[0].span.start : found[0].span.end] == found[0].span.text


def test_a_dateline_with_an_agency_tag_is_the_reference() -> None:
    from summarizer.dating import reference_date

    text = "Titre\n\nRabat, 6 mars 2025 (MAP) - Le ministre s'est entretenu jeudi au téléphone."
    assert str(reference_date(text, "fr", None)) == "2025-03-06"


def test_yesterday_and_today_are_resolved_against_the_dateline() -> None:
    cases = [
        ("ru", "МАПУТУ, 15 октября 2025. Заседание прошло вчера в Мапуту.", "2025-10-14"),
        ("ar", "مدريد ٢٢ أكتوبر ٢٠٢٥ م واس\n\nعُقدت أمس في مدريد الجولة الثالثة.", "2025-10-21"),
        ("ur", "جمعرات 19 فروری 2026\n\nمشاورت کا تیسرا دور گزشتہ روز منعقد ہوا۔", "2026-02-18"),
        ("fr", "DAKAR, 6 mars 2025 - La commission s'est réunie hier à Dakar.", "2025-03-05"),
        ("zh", "2025年7月10日 电】双方昨天在北京举行会谈。", "2025-07-09"),
        ("en", "NAIROBI, 4 March 2025 - The ministers met today in Nairobi.", "2025-03-04"),
    ]
    for language, text, expected in cases:
        ref = dating.reference_date(text, language, None)
        assert ref is not None, text
        body = [
            f
            for f in dating.dates_in(text, 0, len(text), language=language, reference=ref)
            if not f.dateline
        ]
        assert body and body[-1].value == expected, (text, body)
        assert text[body[-1].span.start : body[-1].span.end] == body[-1].span.text


def test_a_dateline_with_a_time_or_an_era_mark_and_an_agency() -> None:
    assert str(dating.reference_date("15 октября 2025, 07:40\n\nТекст.", "ru", None)) == (
        "2025-10-15"
    )
    assert str(dating.reference_date("مدريد ٢٢ أكتوبر ٢٠٢٥ م واس\n\nنص.", "ar", None)) == (
        "2025-10-22"
    )
    # a dateline without a year is not a reference, but is still a dateline
    text = "МАПУТУ, 15 октября. /Корр. ТАСС/. Заседание прошло вчера."
    ref = datetime.date(2025, 10, 15)
    first = dating.dates_in(text, 0, len(text), language="ru", reference=ref)[0]
    assert first.dateline


def test_a_dateline_before_a_double_dash_and_a_dotted_date() -> None:
    ref = datetime.date(2025, 3, 14)
    text = "BEIJING, March 12 (Xinhua) -- The two sides met on Tuesday in Beijing."
    found = dating.dates_in(text, 0, len(text), language="en", reference=ref)
    assert [(f.value, f.dateline) for f in found] == [("2025-03-12", True), ("2025-03-11", False)]
    held = dating.meeting_date(text, [(0, len(text))], language="en", reference=ref, held=True)
    assert held is not None and held.value == "2025-03-11"  # the body's weekday, not the dateline
    text = "Раунд прошёл 12.03.2025 в Анкаре, следующий — 31.02.2026."
    found = dating.dates_in(text, 0, len(text), language="ru", reference=ref)
    assert [f.value for f in found] == ["2025-03-12"]  # day.month.year; no 31 February


def test_a_meeting_still_to_come_is_dated_forward_from_the_reference() -> None:
    text = "Le Bénin et le Togo tiendront du 23 au 25 mars prochain à Cotonou la session."
    ref = datetime.date(2026, 3, 2)
    regions = [(0, len(text))]
    ahead = dating.meeting_date(text, regions, language="fr", reference=ref, held=False, ahead=True)
    assert ahead is not None and ahead.value == "2026-03-23"
    text = "Les ministres se réuniront le 1er mars à Cotonou."
    ahead = dating.meeting_date(text, regions, language="fr", reference=ref, held=False, ahead=True)
    assert ahead is not None and ahead.value == "2027-03-01"  # 1 March has passed: next year's


def test_two_days_joined_by_and_are_a_multi_day_meeting() -> None:
    for language, text in [
        ("ur", "اسٹریٹجک ڈائیلاگ ۲ اور ۳ جون ۲۰۲۵ کو برسلز میں منعقد ہوا۔"),
        ("fr", "La session s'est tenue les 2 et 3 juin 2025 à Bruxelles."),
        ("ru", "Заседание прошло 2 и 3 июня 2025 года в Брюсселе."),
        ("en", "The dialogue took place on 2 and 3 June 2025 in Brussels."),
    ]:
        found = dating.dates_in(text, 0, len(text), language=language, reference=None)
        assert found and found[0].value == "2025-06-02", (text, found)


def test_an_urdu_range_and_a_range_under_way_on_the_reference_date() -> None:
    ref = datetime.date(2026, 10, 13)
    text = "جوویا نانکنڈا موگیشا 12 سے 14 اکتوبر تک پاکستان کے سرکاری دورے پر ہیں۔"
    found = dating.dates_in(text, 0, len(text), language="ur", reference=ref)
    assert [(f.span.text, f.value) for f in found] == [("12 سے 14 اکتوبر", "2026-10-12")]
    text = "The talks were held from 12 to 14 October in Rome."
    for reference, value in [(ref, "2026-10-12"), (datetime.date(2026, 10, 10), "2025-10-12")]:
        found = dating.dates_in(text, 0, len(text), language="en", reference=reference)
        assert [f.value for f in found] == [value], reference


def test_every_capital_is_a_city_in_each_script_and_short_words_are_not() -> None:
    for name in ("Libreville", "Либревиль", "ليبرفيل", "利伯维尔", "Port Louis", "Honiara"):
        assert normalize.city_info(name) is not None, name
    assert normalize.city_info("Libreville") == ("Libreville", "GAB")
    assert normalize.city_info("Delhi") == ("New Delhi", "IND")  # GeoNames lists it for Dili
    # «تبدیلی» (change) ends in «دیلی», an Urdu name of Dili: not a city
    text = "موسمیاتی تبدیلی کے مسائل پر بات ہوئی۔"
    assert normalize.cities_in(text) == []
    for word in ("Energy", "Trade", "Security", "Health"):
        assert normalize.city_info(word) is None, word


def test_a_city_nobody_knows_is_replaced_by_the_one_the_original_names() -> None:
    text = "МАПУТУ, 15 октября. Заседание комиссии прошло вчера в Мапуту."
    m = record(location=Location(city="Maputu", evidence=[span_of(text, text, translated=True)]))
    rejected: list[Rejected] = []
    city_from_original(m, 0, text, "ru", rejected)
    assert m.location.city == "Maputo" and m.location.country == "MOZ"
    # its evidence is where the sentence writes it as the venue ("в Мапуту"), not the dateline
    assert text[m.location.evidence[0].start : m.location.evidence[0].end] == "Мапуту"
    assert rejected and rejected[0].value == "Maputu"

    text = "SINGAPORE, 14 January 2026 - The leaders met.\n\nThe retreat was held at a hotel."
    m = record(location=Location(city="Shangri-La hotel", evidence=[span_of(text, "a hotel")]))
    city_from_original(m, 0, text, "en", rejected)
    assert m.location.city == "Singapore"


def test_trie_alternation_matches_exactly_the_words() -> None:
    import re

    words = ["улан-батор", "улан", "ab", "abc", "abd", "x"]
    pattern = re.compile(f"(?:{normalize.trie_alternation(words)})$")
    for word in words:
        assert pattern.match(word), word
    for other in ("a", "abx", "улан-", "y", ""):
        assert not pattern.match(other), other


def test_date_patterns_read_whole_names_in_every_script() -> None:
    # the month and weekday names are tries (dating._alternation): a name that begins another
    # ("Sept", "September"), names in Urdu and Russian, a weekday of two words («ہفتہ کو»)
    cases = [
        ("en", "The talks were held on 12 September 2025 in Rome.", "12 September 2025",
         "2025-09-12"),
        ("en", "The talks were held on 12 Sept. 2025 in Rome.", "12 Sept. 2025", "2025-09-12"),
        ("ur", "مذاکرات 14 جولائی 2026 کو ہوئے", "14 جولائی 2026", "2026-07-14"),
        ("ru", "Переговоры прошли 3 сентября 2025 года в Москве.", "3 сентября 2025 года",
         "2025-09-03"),
    ]  # fmt: skip
    for language, text, written, value in cases:
        found = dating.dates_in(text, 0, len(text), language=language, reference=None)
        assert [(f.span.text, f.value) for f in found] == [(written, value)], text
    text = "دونوں وزرائے خارجہ نے ہفتہ کو ملاقات کی"
    ref = datetime.date(2026, 7, 15)  # a Wednesday: the Saturday before is 11 July
    found = dating.dates_in(text, 0, len(text), language="ur", reference=ref)
    assert [(f.span.text, f.value, f.weekday_only) for f in found] == [
        ("ہفتہ کو", "2026-07-11", True)
    ]


def test_month_first_ranges_and_ordinal_days() -> None:
    for text in (
        "The consultations took place on March 3-4, 2025 in Accra.",
        "The commission met from March 3 to 5, 2025 in Accra.",
        "The talks, held on the 3rd of March 2025, ended well.",
    ):
        found = dating.dates_in(text, 0, len(text), language="en", reference=None)
        assert found and found[0].value == "2025-03-03", text


def test_a_held_meeting_dated_only_by_its_month() -> None:
    ref = datetime.date(2026, 1, 9)
    for language, text, expected in [
        ("fr", "La commission s'est réunie en novembre dernier à Praia.", "2025-11"),
        ("ru", "Заседание прошло в ноябре в Москве.", "2025-11"),
        ("ar", "عقدت الجولة في نوفمبر الماضي.", "2025-11"),
        ("zh", "双方于去年11月举行会谈。", "2025-11"),
        ("en", "The talks were held in March 2024.", "2024-03"),
    ]:
        found = dating.meeting_date(
            text, [(0, len(text))], language=language, reference=ref, held=True
        )
        assert found is not None and found.value == expected, text
        assert found.precision == "month"
        assert text[found.span.start : found.span.end] == found.span.text
    # a day beats a month; an announced meeting is not dated by a month read this way
    text = "They met on 3 December 2025, as agreed in November."
    found = dating.meeting_date(text, [(0, len(text))], language="en", reference=ref, held=True)
    assert found is not None and found.value == "2025-12-03"
    text = "The next session will take place in November."
    assert (
        dating.meeting_date(text, [(0, len(text))], language="en", reference=ref, held=False)
        is None
    )
    # "May" alone is not a month (the verb)
    assert dating.months_in("They may meet.", 0, 14, language="en", reference=ref) == []


def test_a_date_header_with_a_time_zone_or_a_byline_is_the_reference() -> None:
    for text, expected in [
        ("Posted on 4 March 2025 by Staff Reporter\n\nThe ministers met on Monday.", "2025-03-04"),
        ("March 10, 2026 | 14:05 GMT\n\nThe ministers met on Monday.", "2026-03-10"),
    ]:
        assert str(dating.reference_date(text, "en", None)) == expected
    # a date inside a sentence that goes on is not a dateline
    text = "The deal signed on 4 March 2025 by both sides was hailed in Accra and Lome."
    assert dating.reference_date(text, "en", None) is None


def test_a_city_with_a_note_or_its_province_is_the_city() -> None:
    for proposed in ("Seoul (private)", "Seoul, Gyeonggi Province"):
        text = "The consultations were held in Seoul."
        m = record(location=Location(city=proposed, evidence=[span_of(text, "Seoul")]))
        city_from_original(m, 0, text, "en", [])
        assert m.location.city == "Seoul", proposed


def test_a_series_key_ignores_its_acronym() -> None:
    assert normalize.series_key("Joint Permanent Commission on Cooperation (JPCC)") == (
        normalize.series_key("Joint Permanent Commission on Cooperation")
    )


def test_large_cities_are_found_by_their_words_in_each_script() -> None:
    from summarizer.normalize import cities_in

    def named(text: str) -> list[str]:
        return [english for _, _, english in cities_in(text)]

    assert named("The commission met in Iasi last week.") == ["Iaşi"]  # no diacritics
    assert named("Встреча прошла в Казани.") == ["Kazan"]  # a case ending
    assert named("会谈在厦门举行。") == ["Xiamen"]
    assert named("عقد الاجتماع في الإسكندرية.") == ["Alexandria"]
    assert named("A mobile clinic and a nice view.") == []  # lowercase words are not names


def test_the_next_round_is_read_where_the_text_announces_it() -> None:
    from summarizer.pipeline import next_round_from_text
    from summarizer.records import NextMeeting

    text = (
        "Hanoi - The two sides held the eleventh round of political consultations on October "
        "7. They agreed to hold the twelfth round in Buenos Aires in 2027. Two days later, "
        "Vietnam held the third consultation with Morocco. The fifth round of FTA negotiations "
        "will be held in Brussels from 18 to 22 May 2026."
    )
    other = span_of(text, "the third consultation with Morocco")
    m = record(
        round=11,
        series="Political Consultations",
        next_meeting=NextMeeting(
            date=MeetingDate(value="2025-10-09"), text=other.text, evidence=[other]
        ),
    )
    rejected: list[Rejected] = []
    next_round_from_text(m, 0, text, datetime.date(2025, 10, 10), rejected)
    nm = m.next_meeting
    assert nm is not None and nm.date is not None and nm.location is not None
    assert (nm.date.value, nm.location.city) == ("2027", "Buenos Aires")
    assert text[nm.evidence[0].start : nm.evidence[0].end] == nm.evidence[0].text
    assert rejected and rejected[0].field == "meetings[0].next_meeting"
    # "the fifth round of FTA negotiations" is another mechanism's round, not the next one
    m = record(round=4, series="Joint Committee")
    next_round_from_text(m, 0, text, datetime.date(2025, 10, 10), rejected)
    assert m.next_meeting is None
    # "Session of the JMC": a round word of the series, by its initials
    text = "The 9th Session of the JMC will be held in Nairobi on dates to be agreed."
    m = record(round=8, series="Joint Ministerial Commission")
    next_round_from_text(m, 0, text, datetime.date(2025, 11, 21), rejected)
    assert m.next_meeting is not None and m.next_meeting.location is not None
    assert m.next_meeting.location.city == "Nairobi"
    # ... and not another body's session
    m = record(round=8, series="Joint Ministerial Commission")
    text = "The 9th Session of the UNGA will be held in New York."
    next_round_from_text(m, 0, text, datetime.date(2025, 11, 21), rejected)
    assert m.next_meeting is None


def test_an_english_slashed_date_that_reads_either_way_is_not_read() -> None:
    text = "Accra, 05/03/2025 - The commission met."
    assert dating.dateline(text, "en") is None


def test_roman_ordinals() -> None:
    assert [normalize.ordinal_value(w) for w in ("XIVe", "XII", "Ier", "IX", "XII-й")] == [
        14,
        12,
        1,
        9,
        12,
    ]
    # a lone capital is a letter or a pronoun, not a round
    assert [normalize.ordinal_value(w) for w in ("I", "V", "X", "Mix")] == [None] * 4


def test_a_country_as_the_next_meetings_city_becomes_the_city_the_article_names() -> None:
    from summarizer.pipeline import next_city_from_original
    from summarizer.records import NextMeeting

    text = "Berne - Les consultations ont eu lieu à Berne. Les prochaines auront lieu à Tunis."
    para = span_of(text, "Berne - Les consultations ont eu lieu à Berne.")
    m = record(
        next_meeting=NextMeeting(
            location=Location(city="Tunisia", evidence=[para]), text=para.text, evidence=[para]
        )
    )
    next_city_from_original(m, 0, text)
    assert m.next_meeting is not None and m.next_meeting.location is not None
    assert m.next_meeting.location.city == "Tunis"
    assert m.next_meeting.location.evidence[0].text == "Tunis"


def test_a_range_with_weekdays_is_dated_by_its_first_day() -> None:
    text = "La session s'est tenue du mercredi 22 au vendredi 24 octobre à Flic-en-Flac."
    found = dating.dates_in(
        text, 0, len(text), language="fr", reference=datetime.date(2025, 10, 25)
    )
    assert {f.value for f in found} == {"2025-10-22"}
    assert "22 au vendredi 24 octobre" in [f.span.text for f in found]


def test_a_round_the_original_never_writes_is_dropped() -> None:
    from summarizer.pipeline import round_from_original

    text = "12 марта в рамках очередного раунда межмидовских консультаций состоялись переговоры."
    m = record(round=3, field_evidence={"round": [span_of(text, text, translated=True)]})
    rejected: list[Rejected] = []
    round_from_original(m, 0, text, "ru", rejected)
    assert m.round is None and "round" not in m.field_evidence
    assert rejected[0].field == "meetings[0].round"
    # a round the original writes stays, with the original's ordinal as its evidence
    text = "Третье заседание межправительственной комиссии прошло в Москве."
    m = record(round=3, field_evidence={"round": [span_of(text, text, translated=True)]})
    round_from_original(m, 0, text, "ru", rejected)
    assert m.round == 3 and m.field_evidence["round"][0].text == "Третье"
    # a mechanism no table lists: the first ordinal with a word for a meeting beside it
    text = "آسیان کی تکنیکی تعاون کمیٹی کا آٹھواں اجلاس بدھ کو جکارتہ میں ہوا۔"
    m = record(round=19, field_evidence={"round": [span_of(text, text, translated=True)]})
    round_from_original(m, 0, text, "ur", rejected)
    assert m.round == 8 and m.field_evidence["round"][0].text == "آٹھواں"
    assert "numbers a meeting 8" in rejected[-1].reason


def test_the_next_meetings_city_is_the_one_written_where_it_is_announced() -> None:
    from summarizer.pipeline import next_city_from_original
    from summarizer.records import NextMeeting

    text = (
        "ЭР-РИЯД, 9 сентября. Встреча прошла в Эр-Рияде. Следующая встреча пройдет в 2026 "
        "году в Москве."
    )
    where = span_of(text, "Следующая встреча пройдет в 2026 году в Москве.", translated=True)
    m = record(
        next_meeting=NextMeeting(
            location=Location(city="Riyadh", evidence=[where]), text=where.text, evidence=[where]
        )
    )
    next_city_from_original(m, 0, text)
    assert m.next_meeting is not None and m.next_meeting.location is not None
    assert (m.next_meeting.location.city, m.next_meeting.location.evidence[0].text) == (
        "Moscow",
        "Москве",
    )


def test_the_next_round_is_read_in_a_chinese_original() -> None:
    from summarizer.pipeline import next_round_from_text

    text = (
        "双方举行第七次外交部间战略对话。\n\n"
        "双方同意，第八次外交部间战略对话于2026年在比勒陀利亚举行。"
    )
    m = record(round=7, series="Strategic Dialogue")
    rejected: list[Rejected] = []
    next_round_from_text(m, 0, text, datetime.date(2025, 6, 18), rejected, "zh")
    nm = m.next_meeting
    assert nm is not None and nm.date is not None and nm.location is not None
    assert (nm.date.value, nm.location.city, nm.location.evidence[0].text) == (
        "2026",
        "Pretoria",
        "比勒陀利亚",
    )


def test_a_chinese_wire_dateline_and_a_day_written_alone() -> None:
    text = "本报利马3月11日电（记者周晓岚）当地时间11日，外交部副部长在利马主持磋商。"
    ref = datetime.date(2025, 3, 13)
    days = dating.dates_in(text, 0, len(text), language="zh", reference=ref)
    assert ("2025-03-11", "11日") in [(f.value, f.span.text) for f in days]
    assert [f.dateline for f in days if f.span.text == "3月11日"] == [True]
    # a day later in the month than the reference is last month's
    assert [f.value for f in dating.dates_in("25日举行。", 0, 5, language="zh", reference=ref)] == [
        "2025-02-25"
    ]


def test_a_held_meeting_given_the_next_rounds_number_takes_its_own() -> None:
    from summarizer.pipeline import round_not_the_next

    text = (
        "中老第十一轮外交部磋商在西双版纳举行\n\n11月20日至21日，中国—老挝第十一轮外交部磋商在"
        "云南省西双版纳傣族自治州景洪市告庄国际酒店举行。\n\n双方商定，第十二轮外交部磋商将于2026年"
        "在老挝万象举行。"
    )
    m = record(round=12)
    rejected: list[Rejected] = []
    round_not_the_next(m, 0, text, "zh", rejected)
    assert m.round == 11 and m.field_evidence["round"][0].text == "第十一轮"
    # a series read at the next round's ordinal is read again at this one's; the title follows
    at = text.rindex("外交部磋商")
    m = record(
        round=12,
        series="Foreign Ministry Consultations",
        field_evidence={"series": [Span(start=at, end=at + 5, text="外交部磋商")]},
    )
    round_not_the_next(m, 0, text, "zh", rejected)
    assert m.field_evidence["series"][0].start < text.index("\n")  # the headline's
    assert m.title.startswith("11th ")
    # a round the original writes for this meeting stays
    m = record(round=11)
    round_not_the_next(m, 0, text, "zh", rejected)
    assert m.round == 11


def test_a_chinese_venue_is_read_from_zai_to_juxing() -> None:
    from summarizer.pipeline import _cjk_venue

    text = "磋商在云南省西双版纳傣族自治州景洪市告庄国际酒店举行。"
    where = _cjk_venue(text, [(0, len(text))])
    assert where is not None and (where.city, where.evidence[0].text) == ("Jinghong", "景洪")
    text = "对话在福建厦门举行。"
    where = _cjk_venue(text, [(0, len(text))])
    assert where is not None and where.city == "Xiamen"


def test_the_next_round_written_as_next_with_next_year_and_the_last_city() -> None:
    from summarizer.pipeline import next_round_from_text

    text = (
        "عُقدت أمس في مدريد الجولة الثالثة من المشاورات السياسية.\n\n"
        "واتفق الجانبان على عقد الجولة المقبلة من المشاورات السياسية في مدينة الرياض العام المقبل."
    )
    m = record(round=3, series="Political Consultations")
    rejected: list[Rejected] = []
    next_round_from_text(m, 0, text, datetime.date(2025, 5, 20), rejected, "ar")
    nm = m.next_meeting
    assert nm is not None and nm.date is not None and nm.location is not None
    assert (nm.date.value, nm.date.precision, nm.location.city) == ("2026", "year", "Riyadh")
    text = "اسٹریٹجک ڈائیلاگ کا آئندہ دور اسلام آباد میں منعقد کیا جائے گا۔"
    m = record(round=None)
    next_round_from_text(m, 0, text, datetime.date(2026, 6, 16), rejected, "ur")
    assert m.next_meeting is not None and m.next_meeting.location is not None
    assert m.next_meeting.location.city == "Islamabad"


def test_a_translated_held_meetings_city_is_the_one_its_own_sentences_name() -> None:
    text = (
        "中国和秘鲁举行第十二次外交部间政治磋商\n\n"
        "本报利马3月11日电 当地时间11日，外交部副部长在利马同秘鲁外交部副部长共同主持第十二次"
        "中秘外交部间政治磋商。\n\n双方同意下一次磋商明年在北京举行。"
    )
    para = span_of(text, "双方同意下一次磋商明年在北京举行。", translated=True)
    at = text.index("第十二次", text.index("共同主持"))
    m = record(
        round=12,
        series="Political Consultations",
        location=Location(city="Beijing", evidence=[para]),
        field_evidence={"round": [Span(start=at, end=at + 4, text="第十二次")]},
    )
    rejected: list[Rejected] = []
    city_from_original(m, 0, text, "zh", rejected)
    assert m.location.city == "Lima" and m.location.evidence[0].text == "利马"
    assert rejected and rejected[0].value == "Beijing"


def test_the_figures_of_written_dates_are_digits_to_the_figure_check() -> None:
    """dates_in skips its written-date patterns where no \\d stands: their figures
    ([_DIGITS], case ignored) must be characters \\d finds."""
    import re

    figure = re.compile(f"[{dating._DIGITS}]", re.IGNORECASE)
    for code in range(0x110000):
        ch = chr(code)
        if figure.fullmatch(ch):
            assert dating._ANY_DIGIT.fullmatch(ch), hex(code)


def test_dates_in_a_region_without_figures_are_weekdays_and_relative_days() -> None:
    text = "Talks were held on Tuesday; yesterday 5 March 2024 the ministers met again."
    reference = datetime.date(2024, 3, 8)
    no_figures = text.index("5")
    found = dating.dates_in(text, 0, no_figures, language="en", reference=reference)
    assert [(f.span.text, f.value, f.weekday_only) for f in found] == [
        ("Tuesday", "2024-03-05", True),
        ("yesterday", "2024-03-07", True),
    ]
    whole = dating.dates_in(text, 0, len(text), language="en", reference=reference)
    assert [f.value for f in whole] == ["2024-03-05", "2024-03-07", "2024-03-05"]


def test_a_sites_time_stamp_dates_the_report_not_the_meeting() -> None:
    # a Chinese site's stamp line (with seconds and its source) is the report's date
    for stamp_line in ("2025年07月08日 08:15　来源：新华网", "2025-11-21 10:02:37　来源：新华网"):
        text = f"中斯举行第十二轮外交磋商\n\n{stamp_line}\n\n新华社科伦坡7月7日电 磋商7日举行。"
        stamp = text.index(stamp_line)
        (found,) = dating.dates_in(text, stamp, stamp + 30, language="zh", reference=None)
        assert found.dateline, stamp_line


def test_a_wire_leads_weekday_in_the_citys_sentence_dates_a_translated_meeting() -> None:
    # the model took the time stamp under the headline; the lead writes "on Monday in Addis"
    text = (
        "Россия и Эфиопия провели консультации в Аддис-Абебе\n\n15 октября 2025, 09:47\n\n"
        "АДДИС-АБЕБА, 15 октября. /ТАСС/. Замминистра провели в понедельник в Аддис-Абебе "
        "очередной раунд консультаций."
    )
    stamp = span_of(text, "15 октября 2025, 09:47", translated=True)
    m = record(
        date=MeetingDate(value="2025-10-15", precision="day", text="October 15, 2025",
                         evidence=[stamp]),
        location=Location(city="Addis Ababa", country="ETH",
                          evidence=[span_of(text, "Аддис-Абебе")]),
    )  # fmt: skip
    rejected: list[Rejected] = []
    date_from_original(m, 0, text, "ru", datetime.date(2025, 10, 15), rejected)
    assert m.date.value == "2025-10-13" and m.date.evidence[0].text == "понедельник"
    assert rejected and rejected[0].value == "2025-10-15"


def test_urdu_saturday_is_read_but_the_word_for_week_is_not() -> None:
    ref = datetime.date(2025, 6, 22)  # a Sunday
    text = "استنبول، 22 جون 2025: وزیر خارجہ نے ہفتہ کو ملاقات کی۔"
    days = [f for f in dating.dates_in(text, 0, len(text), language="ur", reference=ref)]
    assert [(f.value, f.weekday_only) for f in days] == [
        ("2025-06-22", False),
        ("2025-06-21", True),
    ]
    week = "گزشتہ ہفتہ مذاکرات ہوئے۔"  # "last week": no day
    assert dating.dates_in(week, 0, len(week), language="ur", reference=ref) == []


def test_a_sentence_does_not_end_at_a_months_abbreviation() -> None:
    text = "The 10th session is scheduled in Astana on Oct. 30. Officials expect deals."
    start, end = from_text.sentence_bounds(text, text.index("10th"))
    assert text[start:end].endswith("Oct. 30.")
    start, end = dating.sentence_of(text, text.index("10th"))
    assert text[start:end].endswith("Oct. 30.")


def test_an_agency_named_in_words_after_the_dateline() -> None:
    text = "Talks\n\nSANTIAGO, 6 November 2025 (Pacific Wire Service) - The talks were held."
    assert str(dating.reference_date(text, "en", None)) == "2025-11-06"


def test_a_header_dated_with_its_weekday_dates_the_report_not_yesterdays_meeting() -> None:
    text = (
        "THE LEDGER\nDhaka, Wednesday, February 11, 2026\n\nTalks\n\n"
        "Bangladesh and Türkiye yesterday held the seventh round of Foreign Office "
        "Consultations in the capital."
    )
    model = span_of(text, "Wednesday, February 11, 2026")
    m = record(
        series="Foreign Office Consultations",
        round=7,
        date=MeetingDate(value="2026-02-11", precision="day", text=model.text, evidence=[model]),
        field_evidence={"series": [span_of(text, "Foreign Office Consultations")]},
    )
    rejected: list[Rejected] = []
    date_from_original(m, 0, text, "en", dating.reference_date(text, "en", None), rejected)
    assert m.date.value == "2026-02-10" and m.date.evidence[0].text == "yesterday"


def test_a_meeting_of_several_days_is_dated_by_its_first() -> None:
    text = "19 November 2025\n\nThe Second Session of the Joint Commission was held on 17-18 "
    text += "November at a resort in Mombasa."
    model = span_of(text, "18 November")
    m = record(
        series="Joint Commission",
        date=MeetingDate(value="2025-11-18", precision="day", text=model.text, evidence=[model]),
    )
    rejected: list[Rejected] = []
    date_from_original(m, 0, text, "en", datetime.date(2025, 11, 19), rejected)
    assert m.date.value == "2025-11-17" and m.date.evidence[0].text == "17-18 November"


def test_a_meeting_held_by_video_link_has_no_venue() -> None:
    text = (
        "The EU and Peru held the fifth High-Level Dialogue by videoconference.\n\n"
        "Brussels, 9 December 2025"
    )
    m = record(
        series="High-Level Dialogue",
        location=Location(city="Brussels", evidence=[span_of(text, "Brussels")]),
        field_evidence={"series": [span_of(text, "High-Level Dialogue")]},
    )
    rejected: list[Rejected] = []
    city_from_original(m, 0, text, "en", rejected)
    assert m.location.city is None and "video" in rejected[0].reason
    # "virtually" as "almost" is no video link
    text = "The ministers met in Brussels, where virtually all issues were discussed."
    m = record(location=Location(city="Brussels", evidence=[span_of(text, "Brussels")]))
    city_from_original(m, 0, text, "en", rejected)
    assert m.location.city == "Brussels"


def test_the_venue_a_translation_missed_is_read_where_the_body_writes_the_round() -> None:
    text = "马越联合委员会第八次会议 聚焦渔民问题\n\n"
    text += "马来西亚与越南联合委员会第八次会议3日至4日在布城举行。"
    headline = text.index("第八次")
    m = record(
        round=8,
        location=Location(city="Kuala Lumpur", evidence=[span_of(text, text, translated=True)]),
        field_evidence={"round": [Span(start=headline, end=headline + 3, text="第八次")]},
    )
    rejected: list[Rejected] = []
    city_from_original(m, 0, text, "zh", rejected)
    assert m.location.city == "Putrajaya" and m.location.evidence[0].text == "布城"


def test_next_year_and_later_this_year_are_read_against_the_reference() -> None:
    from summarizer.pipeline import next_year_from_reference
    from summarizer.records import NextMeeting

    ref = datetime.date(2026, 2, 11)
    for words, year in [("later this year", "2026"), ("next year", "2027"), ("明年", "2027")]:
        m = record(next_meeting=NextMeeting(date=MeetingDate(value=None, text=words)))
        next_year_from_reference(m, ref)
        assert m.next_meeting is not None and m.next_meeting.date is not None
        assert (m.next_meeting.date.value, m.next_meeting.date.precision) == (year, "year")
    m = record(next_meeting=NextMeeting(date=MeetingDate(value=None, text="next year")))
    next_year_from_reference(m, None)  # no reference: nothing is guessed
    assert m.next_meeting is not None and m.next_meeting.date is not None
    assert m.next_meeting.date.value is None


def test_a_translated_city_nobody_knows_is_the_venue_past_the_dateline() -> None:
    text = (
        "اسلام آباد، 13 نومبر 2025 (اے پی پی): پاکستان اور پولینڈ کے درمیان سیاسی مشاورت "
        "کا ساتواں دور 12 نومبر کو وارسا میں منعقد ہوا۔"
    )
    m = record(
        location=Location(
            city="Poland's Ministry of Foreign Affairs",
            evidence=[span_of(text, text, translated=True)],
        )
    )
    rejected: list[Rejected] = []
    city_from_original(m, 0, text, "ur", rejected)
    assert m.location.city == "Warsaw" and m.location.evidence[0].text == "وارسا"


def test_a_translated_side_led_by_a_head_the_original_names_has_no_other() -> None:
    from summarizer.pipeline import one_head_per_side

    text = "پولش وفد کی سربراہی نائب وزیر خارجہ ٹوماش ویژبِتسکی نے کی۔"
    invented = Delegation(
        party="POL",
        head=Person(name="Crispin Quissey"),
        evidence=[span_of(text, text, translated=True)],
    )
    found = Delegation(
        party="POL", head=Person(name="Tomasz Wizhbtski"), evidence=[span_of(text, "ٹوماش")]
    )
    other = Delegation(
        party="PAK",
        head=Person(name="Samina Qureshi"),
        evidence=[span_of(text, text, translated=True)],
    )
    m = record(delegations=[invented, found, other])
    rejected: list[Rejected] = []
    one_head_per_side(m, 0, rejected)
    assert [d.head.name for d in m.delegations] == ["Tomasz Wizhbtski", "Samina Qureshi"]
    assert rejected[0].value == "Crispin Quissey"


def test_an_arabic_script_name_given_to_the_wrong_party_is_spelt_as_its_sides_names() -> None:
    from summarizer.pipeline import arabic_head_from_original
    from summarizer.records import Party

    text = "وفد کی قیادت وفاقی وزیر برائے اقتصادی امور سردار احمد نواز نے کی۔"
    paragraph = span_of(text, text, translated=True)
    head = Delegation(party="SCO", head=Person(name="Nawaaz Ahmad"), evidence=[paragraph])
    m = record(
        parties=[Party(name="Pakistan", code="PAK"), Party(name="Tajikistan", code="TJK")],
        delegations=[head],
    )
    rejected: list[Rejected] = []
    arabic_head_from_original(m, 0, text, rejected)
    assert head.head.name.endswith("Ahmed Nawaz")  # not "Ahmd Nwaz", spelt from consonants


def test_levantine_month_names_and_russian_nakanune() -> None:
    # «آذار» is March in the Levant and Iraq; dateparser knows only «مارس»
    assert normalize.normalize_date("٣ آذار ٢٠٢٦", language="ar").value == "2026-03-03"
    assert normalize.normalize_date("تشرين الثاني 2025", language="ar").value == "2025-11"
    text = "عمّان – الثلاثاء ٣ آذار ٢٠٢٦\n\nعقدت الوزارة اليوم الجولة الأولى."
    found = dating.dateline(text, "ar")
    assert found is not None and found.value == "2026-03-03"
    # «Накануне» is the day before as an adverb, not "on the eve of" before a noun
    reference = datetime.date(2026, 11, 12)
    text = "Накануне в Минске состоялось заседание, накануне визита министра."
    found_days = dating.dates_in(text, 0, len(text), language="ru", reference=reference)
    assert [(f.span.text, f.value) for f in found_days] == [("Накануне", "2026-11-11")]


def test_maghrebi_month_names_and_a_months_two_names_are_read() -> None:
    reference = datetime.date(2026, 6, 1)
    for text, value in [
        ("13 ماي 2026", "2026-05-13"),  # Algeria, Tunisia, Morocco
        ("15 أفريل 2026", "2026-04-15"),
        ("3 يوليوز 2026", "2026-07-03"),  # Morocco
        ("20 جانفي 2026", "2026-01-20"),
        ("14 تشرين الأول/أكتوبر 2025", "2025-10-14"),  # both names of the month
        ("12 اکتوبر، 2026", "2026-10-12"),  # a comma before the year
    ]:
        found = dating.dates_in(text, 0, len(text), language="ar", reference=reference)
        assert [f.value for f in found] == [value], text
    found = dating.months_in("في أوت 2027", 0, 11, language="ar", reference=reference)
    assert [f.value for f in found] == ["2027-08"]
    # «آب», August in the Levant, is also "water" («آب و ہوا», climate): not a month alone
    text = "آب و ہوا کی تبدیلی"
    assert dating.months_in(text, 0, len(text), language="ur", reference=reference) == []


def test_the_day_before_yesterday_and_last_night() -> None:
    wednesday = datetime.date(2026, 4, 15)
    for language, text, value in [
        ("ar", "عقدت المشاورات أمس الأول في الرباط", "2026-04-13"),
        ("ar", "عقدت أول من أمس", "2026-04-13"),
        ("ar", "عقدت أمس في الرباط", "2026-04-14"),
        ("en", "The ministers dined last night", "2026-04-14"),
        ("ur", "گزشتہ شب ملاقات ہوئی", "2026-04-14"),
        ("zh", "两国外长昨晚通电话", "2026-04-14"),
    ]:
        found = dating.dates_in(text, 0, len(text), language=language, reference=wednesday)
        assert [f.value for f in found] == [value], text


def test_last_weekday_on_that_weekday_is_a_week_before() -> None:
    wednesday = datetime.date(2026, 4, 15)
    for language, text in [
        ("ar", "عقدت الجولة الأربعاء الماضي"),
        ("ur", "گزشتہ بدھ کو منعقد ہوا"),
        ("en", "They met last Wednesday"),
        ("fr", "Ils se sont réunis mercredi dernier"),
    ]:
        found = dating.dates_in(text, 0, len(text), language=language, reference=wednesday)
        assert [f.value for f in found] == ["2026-04-08"], text
    # Chinese 上周 is the calendar week before, whatever the day of the report
    friday = datetime.date(2026, 4, 17)
    found = dating.dates_in("上周三在北京举行", 0, 8, language="zh", reference=friday)
    assert [f.value for f in found] == ["2026-04-08"]
    # "Tuesday last week" is the Tuesday of the week before, in every language
    thursday = datetime.date(2026, 3, 5)
    for language, text in [
        ("en", "The ministers met on Tuesday last week in Quito."),
        ("fr", "Ils se sont réunis mardi de la semaine dernière."),
        ("ru", "Встреча прошла во вторник на прошлой неделе."),
        ("ar", "عقدت يوم الثلاثاء من الأسبوع الماضي"),
        ("ur", "گزشتہ ہفتے منگل کو منعقد ہوا"),
    ]:
        found = dating.dates_in(text, 0, len(text), language=language, reference=thursday)
        assert [f.value for f in found] == ["2026-02-24"], text
    assert normalize.normalize_date("Tuesday last week", published=thursday).value == ("2026-02-24")
    # without "last", the weekday of the report is its own day; another weekday goes back
    for text, value in [("بدھ کو منعقد ہوا", "2026-04-15"), ("گزشتہ پیر کو", "2026-04-13")]:
        found = dating.dates_in(text, 0, len(text), language="ur", reference=wednesday)
        assert [f.value for f in found] == [value], text


def test_a_head_of_delegation_is_not_a_topic() -> None:
    from summarizer.pipeline import drop_generic_topics

    text = "Lucia Benitez Ortiz and Tomas Aguirre discussed tolls on the Parana waterway."
    m = record(
        delegations=[
            Delegation(party="PRY", head=Person(name="Lucia Benitez Ortiz")),
            Delegation(party="ARG", head=Person(name="Tomas Aguirre")),
        ],
        topics=[
            Topic(label="Tomas Aguirre", evidence=[span_of(text, "Tomas Aguirre")]),
            Topic(label="tolls on the Parana waterway", evidence=[span_of(text, "tolls")]),
        ],
    )
    rejected: list[Rejected] = []
    drop_generic_topics(m, 0, rejected)
    assert [t.label for t in m.topics] == ["tolls on the Parana waterway"]
    assert rejected[0].value == "Tomas Aguirre"


def test_a_hijri_date_before_the_gregorian_one_is_still_a_dateline() -> None:
    text = (
        "الرياض 16 جمادى الأولى 1448 هـ الموافق 27 أكتوبر 2026 م واس\n\n"
        "عُقدت في الرياض أمس الاثنين الجولة الثالثة من المشاورات السياسية."
    )
    found = dating.dates_in(text, 0, len(text), language="ar", reference=None)
    assert found[0].value == "2026-10-27" and found[0].dateline
    ref = datetime.date(2026, 10, 27)
    best = dating.meeting_date(text, [(0, len(text))], language="ar", reference=ref, held=True)
    assert best is not None and best.value == "2026-10-26"


def test_the_weekday_a_statement_was_issued_does_not_date_the_meeting() -> None:
    # "according to a statement issued on Thursday, ... the meeting was held on Wednesday"
    text = (
        "جمعرات کو جاری کیے گئے بیان کے مطابق ورکنگ گروپ کا پہلا اجلاس بدھ کو رباط میں منعقد ہوا۔"
    )
    ref = datetime.date(2026, 11, 26)  # a Thursday
    found = dating.meeting_date(text, [(0, len(text))], language="ur", reference=ref, held=True)
    assert found is not None and found.span.text == "بدھ" and found.value == "2026-11-25"
    en = "The ministry said on Thursday that the commission met on Tuesday in Accra."
    found = dating.meeting_date(en, [(0, len(en))], language="en", reference=ref, held=True)
    assert found is not None and found.value == "2026-11-24"


def test_a_meeting_that_ended_after_two_days_is_dated_by_its_first() -> None:
    text = "La troisième session s'est achevée mercredi à Dapaong après deux jours de travaux."
    ref = datetime.date(2026, 11, 26)
    found = dating.meeting_date(text, [(0, len(text))], language="fr", reference=ref, held=True)
    assert found is not None and found.value == "2026-11-24"
    # a meeting that simply took place on Wednesday keeps its day
    one = "La troisième session s'est tenue mercredi à Dapaong."
    found = dating.meeting_date(one, [(0, len(one))], language="fr", reference=ref, held=True)
    assert found is not None and found.value == "2026-11-25"


def test_a_mechanism_is_neither_a_head_nor_a_topic_of_its_own_meeting() -> None:
    from summarizer.pipeline import drop_generic_topics, person_name

    assert person_name("x", "Ministerial Commission", None) is None
    assert person_name("x", "Akosua Mensah-Boateng", None) is not None
    text = "The joint ministerial commission discussed textiles."
    m = record(
        series="Joint Ministerial Commission",
        topics=[
            Topic(label="joint ministerial commission", evidence=[span_of(text, "joint")]),
            Topic(label="textiles", evidence=[span_of(text, "textiles")]),
        ],
    )
    rejected: list[Rejected] = []
    drop_generic_topics(m, 0, rejected)
    assert [t.label for t in m.topics] == ["textiles"]
    assert "own mechanism" in rejected[0].reason


def test_the_day_a_delegation_arrived_is_not_the_day_it_met() -> None:
    text = (
        "اسلام آباد: 3 دسمبر 2026\n\nپرتگال کے وزیر خارجہ، جو بدھ کی شب اسلام آباد پہنچے تھے، "
        "نے آج دفتر خارجہ میں ملاقات کی۔"
    )
    sentence = dating.sentence_of(text, text.index("پرتگال"))
    found = dating.meeting_date(
        text, [sentence], language="ur", reference=datetime.date(2026, 12, 3), held=True
    )
    assert found is not None and found.value == "2026-12-03"  # «آج», today; not Wednesday


# ---- checks from the fresh articles of stop 21 -------------------------------------------


def test_a_meeting_that_opened_on_a_weekday_is_dated_by_it_not_a_day_before() -> None:
    # "decisions taken at the two-day tenth session that began in Muscat on Monday and ended
    # yesterday": Monday is its first day already
    text = (
        "یہ فیصلے مسقط میں پیر کو شروع ہونے والے پاک عمان مشترکہ وزارتی کمیشن کے دو روزہ "
        "دسویں اجلاس میں کیے گئے جو گزشتہ روز اختتام پذیر ہوا۔"
    )
    found = dating.meeting_date(
        text, [(0, len(text))], language="ur", reference=datetime.date(2027, 1, 13), held=True
    )
    assert found is not None and found.span.text == "پیر" and found.value == "2027-01-11"


def test_a_mastheads_date_and_weekday_are_a_dateline() -> None:
    text = "روزنامہ نوائے شمال، اسلام آباد — بدھ 3 فروری 2027\n\nوزیر خارجہ نے منگل کو ملاقات کی۔"
    found = dating.dates_in(text, 0, len(text), language="ur", reference=datetime.date(2027, 2, 3))
    marks = {f.span.text: f.dateline for f in found}
    assert marks == {"بدھ": True, "3 فروری 2027": True, "منگل": False}


def test_a_chinese_venue_after_the_capitals_country_beats_the_wire_dateline() -> None:
    text = "新华社达累斯萨拉姆12月10日电 中国和坦桑尼亚第四轮外交部政治磋商9日在坦首都多多马举行。"
    m = record(
        round=4,
        location=Location(city="Dar es Salaam", evidence=[span_of(text, "达累斯萨拉姆")]),
        field_evidence={"round": [span_of(text, "第四轮")]},
    )
    rejected: list[Rejected] = []
    city_from_original(m, 0, text, "zh", rejected)
    assert m.location.city == "Dodoma" and rejected[-1].value == "Dar es Salaam"


def test_china_and_a_partner_abbreviated_name_the_partner() -> None:
    from summarizer.pipeline import party_of_chinese_pair
    from summarizer.records import Party

    text = (
        "第六次中哈外交部战略对话在西安举行\n外交部副部长何振宇同哈萨克斯坦第一副外长共同主持对话。"
    )
    m = record(parties=[Party(name="China", code="CHN"), Party(name="Hong Kong", code="HKG")])
    rejected: list[Rejected] = []
    party_of_chinese_pair(m, 0, text, rejected)
    assert [p.code for p in m.parties] == ["CHN", "KAZ"]
    assert m.parties[1].evidence[0].text == "哈萨克斯坦" and rejected[0].value == "Hong Kong"
    # a party the original names is kept: 中亚 (Central Asia) is no pair
    m = record(parties=[Party(name="China", code="CHN"), Party(name="Kazakhstan", code="KAZ")])
    party_of_chinese_pair(m, 0, "中亚国家。哈萨克斯坦和中国举行磋商。", rejected)
    assert [p.code for p in m.parties] == ["CHN", "KAZ"]


def test_a_numbered_mechanism_announced_past_the_lead_does_not_number_the_meeting() -> None:
    from summarizer.pipeline import round_from_original

    lead = "کرغز وزیر خارجہ نے منگل کو اسلام آباد میں وزیر خارجہ سے ملاقات کی۔ " * 12
    text = (
        lead + "دونوں وزرائے خارجہ نے اتفاق کیا کہ بین الحکومتی کمیشن کا آٹھواں اجلاس جون میں "
        "بشکیک میں منعقد ہوگا۔"
    )
    m = record(kind="visit")
    rejected: list[Rejected] = []
    round_from_original(m, 0, text, "ur", rejected)
    assert m.round is None and m.series is None
    # the same sentence in the lead is the news: it numbers the meeting
    m = record(kind="visit")
    round_from_original(m, 0, text[len(lead) :], "ur", rejected)
    assert m.round == 8


def test_a_next_meeting_this_year_or_next_is_dated_by_its_year() -> None:
    from summarizer.pipeline import _next_from_sentence, next_year_from_reference
    from summarizer.records import NextMeeting

    published = datetime.date(2027, 1, 13)
    ur = "طے پایا کہ کمیشن کا گیارہواں اجلاس آئندہ برس اسلام آباد میں منعقد ہوگا۔"
    found = _next_from_sentence(ur, 0, len(ur), published, "ur")
    assert found is not None and found.date is not None and found.date.value == "2028"
    ar = "واتفقا على عقد الدورة الرابعة للجنة في أديس أبابا خلال الربع الأخير من العام الجاري."
    found = _next_from_sentence(ar, 0, len(ar), published, "ar")
    assert found is not None and found.date is not None and found.date.value == "2027"
    # no publication date or dateline: "next year" after the held meeting's own year
    m = record(
        date=MeetingDate(value="2027-01-14", precision="day"),
        next_meeting=NextMeeting(date=MeetingDate(value=None, text="next year")),
    )
    next_year_from_reference(m, None)
    assert m.next_meeting is not None and m.next_meeting.date is not None
    assert m.next_meeting.date.value == "2028"


def test_a_headline_ending_with_a_date_is_no_masthead() -> None:
    text = "Foreign ministers to meet in Hanoi on 12 May 2026\n\nThey met on Tuesday."
    found = dating.dates_in(text, 0, len(text), language="en", reference=None)
    assert [(f.span.text, f.dateline) for f in found][:1] == [("12 May 2026", False)]
    assert dating.dateline(text, "en") is None


def test_a_report_that_signs_off_with_its_date_is_read_against_it() -> None:
    from summarizer.dating import footer_date, reference_date

    body = (
        "الأردن واليابان يعقدان جولة مشاورات سياسية في العقبة\n\n"
        "عمّان - عقدت الوزارتان يوم أمس الأحد الجولة الرابعة من المشاورات السياسية.\n\n"
    )
    signed = body + "—\nعمّان، الاثنين 14 أيلول 2026\n"
    assert reference_date(signed, "ar", None) == datetime.date(2026, 9, 14)
    found = footer_date(signed, "ar")
    assert found is not None and found.span.text == "14 أيلول 2026"
    assert reference_date(body, "ar", None) is None
    # a long last line is a sentence of the report, not its date
    reported = body + "وستعقد الجولة الخامسة في طوكيو يوم 14 أيلول 2027 بحضور وزيري الخارجية.\n"
    assert footer_date(reported, "ar") is None


def test_a_translated_call_is_dated_by_the_sentence_that_reports_it() -> None:
    from summarizer.pipeline import led_by_sentences

    text = (
        "Воронцов обсудил по телефону с главой МИД Лаоса подготовку межправкомиссии\n\n"
        "Москва, 17 декабря 2026 года\n\n"
        "Министр иностранных дел Андрей Воронцов вчера провел телефонный разговор с "
        "министром иностранных дел Лаоса. Разговор состоялся по инициативе лаосской стороны."
    )
    ((start, end),) = led_by_sentences(text, "ru")
    assert text[start:end].startswith("Министр") and "вчера" in text[start:end]


def test_a_datelines_weekday_and_an_arrivals_day_do_not_date_the_meeting() -> None:
    from summarizer.dating import dates_in, meeting_date

    text = (
        "روزنامہ ندائے وطن\nاسلام آباد — منگل ۱۲ جنوری ۲۰۲۷\n\n"
        "تیونس کے وزیر خارجہ، جو اتوار کی شام تین روزہ سرکاری دورے پر اسلام آباد پہنچے، نے "
        "گزشتہ روز دفتر خارجہ میں وزیر خارجہ سے ملاقات کی۔"
    )
    reference = datetime.date(2027, 1, 12)
    found = {
        f.span.text: f for f in dates_in(text, 0, len(text), language="ur", reference=reference)
    }
    assert found["منگل"].dateline  # the weekday the dateline writes before its date
    assert not found["گزشتہ روز"].dateline
    date = meeting_date(text, [(0, len(text))], language="ur", reference=reference, held=True)
    assert date is not None and date.value == "2027-01-11"  # yesterday, not Sunday's arrival


def test_a_next_meeting_year_in_eastern_arabic_digits_is_read() -> None:
    from summarizer.pipeline import _next_from_sentence

    text = "واتفق الجانبان على عقد الجولة الثالثة من الحوار الاستراتيجي في مدينة دكا خلال عام ٢٠٢٧."
    found = _next_from_sentence(text, 0, len(text), datetime.date(2026, 12, 13), "ar")
    assert found is not None and found.date is not None
    assert found.date.value == "2027" and found.date.text == "٢٠٢٧"
    # a year before the report's names no next meeting
    text = "واتفق الجانبان على عقد الجولة الثالثة وفق اتفاق ٢٠١٩ في مدينة دكا."
    found = _next_from_sentence(text, 0, len(text), datetime.date(2026, 12, 13), "ar")
    assert found is not None and found.date is None


def test_a_building_or_a_delegations_home_city_is_not_the_venue() -> None:
    text = (
        "PORT MORESBY - The two countries agreed on a fisheries deal.\n\n"
        "The third meeting of the Joint Commission opened at APEC Haus on Tuesday, co-chaired "
        "by the ministers, one of whom arrived with 22 officials from Manila."
    )
    m = record(
        round=3,
        location=Location(city="APEC Haus", evidence=[span_of(text, "APEC Haus")]),
        field_evidence={"round": [span_of(text, "third")]},
    )
    rejected: list[Rejected] = []
    city_from_original(m, 0, text, "en", rejected)
    # "APEC Haus" is a building (an acronym, "Haus"); "from Manila" is where a side came from
    assert m.location.city == "Port Moresby" and m.location.evidence[0].text == "PORT MORESBY"
    assert rejected[-1].value == "APEC Haus"


def test_a_translated_next_meeting_the_originals_sentence_does_not_announce() -> None:
    from summarizer.pipeline import next_meeting_announced
    from summarizer.records import NextMeeting

    text = (
        "Trois accords ont été signés, portant sur la coopération policière. "
        "Les deux parties ont convenu de tenir la prochaine session à Madrid en 2027."
    )
    signed = span_of(
        text, "Trois accords ont été signés, portant sur la coopération policière.", translated=True
    )
    m = record(next_meeting=NextMeeting(text="Madrid", evidence=[signed]))
    rejected: list[Rejected] = []
    next_meeting_announced(m, 0, text, "fr", rejected)
    assert m.next_meeting is None and rejected[-1].field == "meetings[0].next_meeting"
    # a sentence that agrees on one keeps it
    agreed = span_of(text, "Les deux parties ont convenu de tenir la prochaine", translated=True)
    m = record(next_meeting=NextMeeting(text="Madrid", evidence=[agreed]))
    next_meeting_announced(m, 0, text, "fr", rejected)
    assert m.next_meeting is not None
    arabic = "ومن المنتظر أن تُعقد الجولة الرابعة من الحوار الاستراتيجي في القاهرة."
    expected = span_of(arabic, arabic, translated=True)
    m = record(next_meeting=NextMeeting(text="Cairo", evidence=[expected]))
    next_meeting_announced(m, 0, arabic, "ar", rejected)
    assert m.next_meeting is not None


def test_a_masthead_date_with_urdus_year_mark_and_a_hijri_date_dates_the_report() -> None:
    text = (
        "پاکستان اور تاجکستان کا اتفاق\n\nہفتہ 19 ستمبر 2026ء، 7 ربیع الثانی 1448ھ\n\n"
        "اسلام آباد (خصوصی رپورٹر) یہ اتفاق دوشنبے میں 15 اور 16 ستمبر کو منعقدہ اجلاس میں ہوا۔"
    )
    assert dating.reference_date(text, "ur", None) == datetime.date(2026, 9, 19)
    found = dating.dates_in(text, 0, len(text), language="ur", reference=None)
    assert [f.span.text for f in found][:1] == ["19 ستمبر 2026ء"]
    sentence = dating.sentence_of(text, text.index("یہ اتفاق"))
    held = dating.meeting_date(
        text, [sentence], language="ur", reference=datetime.date(2026, 9, 19), held=True
    )
    assert held is not None and held.value == "2026-09-15"  # the first of 15 and 16
    # a year with the mark, written after a month alone
    assert [
        m.value for m in dating.months_in("ستمبر 2026ء میں", 0, 16, language="ur", reference=None)
    ] == ["2026-09"]


def test_a_multi_day_session_whose_length_is_in_the_next_paragraph() -> None:
    text = (
        "Thursday, March 12, 2026\n\nZAMBIA and Tanzania yesterday concluded the 12th session "
        "of the Joint Permanent Commission in Lusaka.\n\nThe three-day session, which opened on "
        "Monday with a meeting of senior officials, was co-chaired by the ministers."
    )
    sentence = dating.sentence_of(text, text.index("ZAMBIA"))
    assert dating.next_sentence(text, sentence[1]) == dating.sentence_of(
        text, text.index("The three")
    )
    found = dating.meeting_date(
        text, [sentence], language="en", reference=datetime.date(2026, 3, 12), held=True
    )
    assert found is not None and found.value == "2026-03-09"  # ended the 11th, after three days
    assert dating.next_sentence(text, len(text)) is None


def test_a_day_of_last_or_this_month_in_five_languages() -> None:
    ref = datetime.date(2026, 11, 4)
    cases = {
        (
            "انعقاد الاجتماع في نيودلهي في السابع والعشرين من الشهر الماضي، برئاسة",
            "ar",
        ): "2026-10-27",
        ("عقد الاجتماع في الخامس من الشهر الجاري", "ar"): "2026-11-05",
        ("The talks were held on the 27th of last month in Delhi.", "en"): "2026-10-27",
        ("La commission s'est réunie le 27 du mois dernier à Dakar.", "fr"): "2026-10-27",
        ("Заседание состоялось 27-го числа прошлого месяца в Москве.", "ru"): "2026-10-27",
        ("اجلاس گزشتہ ماہ کی 27 تاریخ کو ہوا۔", "ur"): "2026-10-27",
    }
    for (text, language), value in cases.items():
        found = dating.dates_in(text, 0, len(text), language=language, reference=ref)
        assert [f.value for f in found] == [value], (text, found)
    # no reference date: nothing to read it against
    text = "في السابع والعشرين من الشهر الماضي"
    assert dating.dates_in(text, 0, len(text), language="ar", reference=None) == []


def test_a_day_of_the_month_written_alone() -> None:
    ref = datetime.date(2026, 4, 16)
    cases = {
        "les consultations politiques, tenues le 9 à Port-Louis sous la conduite": ["2026-04-09"],
        "the talks held on the 14th in Lima": ["2026-04-14"],
        "встреча 9-го числа в Москве": ["2026-04-09"],
        "9 تاریخ کو اسلام آباد میں": ["2026-04-09"],
        # a day after the reference date is last month's, for a meeting held
        "réunis le 20 à Dakar, les ministres": ["2026-03-20"],
        # a month, an ordinal or a noun after the figure: no bare day
        "le 9 mai 2026 à Paris": ["2026-05-09"],
        "the delegation met on the 9th floor": [],
        "le 9e sommet": [],
    }
    for text, values in cases.items():
        found = dating.dates_in(text, 0, len(text), language="fr", reference=ref)
        assert [f.value for f in found] == values, (text, found)


def test_a_round_read_elsewhere_must_number_a_meeting() -> None:
    from summarizer.pipeline import round_from_original

    # the translation said "the first meeting": «السفينة الأولى» (the first ship) is no
    # round; the meeting's own ordinal is the eleventh
    text = (
        "انطلقت السفينة الأولى من صحار.\n\nويأتي ذلك بعد انعقاد الاجتماع الحادي عشر للجنة "
        "العُمانية الهندية المشتركة في نيودلهي."
    )
    para = span_of(text, "ويأتي ذلك بعد انعقاد", translated=True)
    m = record(round=1, field_evidence={"round": [para]})
    rejected: list[Rejected] = []
    round_from_original(m, 0, text, "ar", rejected)
    assert m.round == 11 and m.field_evidence["round"][0].text == "الحادي عشر"
    assert m.series == "Joint Commission"


def test_the_next_round_of_the_series_head_noun_in_lower_case() -> None:
    from summarizer.pipeline import next_round_from_text

    text = (
        "They agreed that the fourth round of consultations will be held in Ottawa in 2027. "
        "The fourth round of trade talks will be held in Manila."
    )
    m = record(round=3, series="Bilateral Policy Consultations")
    rejected: list[Rejected] = []
    next_round_from_text(m, 0, text, datetime.date(2026, 3, 24), rejected)
    nm = m.next_meeting
    assert nm is not None and nm.location is not None and nm.date is not None
    assert (nm.location.city, nm.date.value) == ("Ottawa", "2027")
    # another mechanism's round of talks is not this one's next
    m = record(round=3, series="Joint Economic Commission")
    next_round_from_text(
        m, 0, text[text.index("The fourth") :], datetime.date(2026, 3, 24), rejected
    )
    assert m.next_meeting is None


def test_urdus_name_of_the_hague_is_a_city_code_reads() -> None:
    assert normalize.city_info("دی ہیگ") == ("The Hague", "NLD")
    # the translation's glossary (part of the recorded requests) does not change
    assert normalize.city_info("دی ہیگ", extended=False) is None


def test_a_year_is_read_only_where_it_is_written() -> None:
    ref = datetime.date(2025, 3, 11)
    # dateparser reads "25" of "24 and 25 February" as 1925: no year is written, so none
    found = normalize.normalize_date("on 24 and 25 February", published=ref, language="en")
    assert found.value == "2025-02-24" and found.resolved_from == "published"
    for written, value in {
        "24 February 2025": "2025-02-24",
        "2025年2月24日": "2025-02-24",
        "١٤ أكتوبر ٢٠٢٥": "2025-10-14",
        "March 2026": "2026-03",
    }.items():
        assert normalize.normalize_date(written, published=ref).value == value, written


def test_a_date_said_to_be_past_is_read_back_even_for_a_meeting_to_come() -> None:
    ref = datetime.date(2026, 2, 4)
    for text, language in (
        ("بحث الوزيران يوم 29 جانفي الماضي في روما", "ar"),
        ("les ministres se sont vus le 29 janvier dernier à Rome", "fr"),
    ):
        found = dating.dates_in(text, 0, len(text), language=language, reference=ref, ahead=True)
        assert [f.value for f in found] == ["2026-01-29"], text
    text = "يعقد الاجتماع يوم 29 جانفي في روما"  # no "last": the next 29 January
    found = dating.dates_in(text, 0, len(text), language="ar", reference=ref, ahead=True)
    assert [f.value for f in found] == ["2027-01-29"]


def test_days_of_this_month_written_courant() -> None:
    text = "La 4e session s'est tenue les 1er et 2 courant au Palais des congrès."
    found = dating.dates_in(text, 0, len(text), language="fr", reference=datetime.date(2026, 10, 6))
    assert [f.value for f in found] == ["2026-10-01"]


def test_last_month_and_this_month_in_six_languages() -> None:
    ref = datetime.date(2026, 12, 9)
    cases = {
        ("заседании, прошедшем в конце прошлого месяца в столице Алжира", "ru"): "2026-11",
        ("The commission met last month in Algiers.", "en"): "2026-11",
        ("La commission s'est réunie le mois dernier à Alger.", "fr"): "2026-11",
        ("عقدت اللجنة اجتماعها الشهر الماضي في الجزائر", "ar"): "2026-11",
        ("کمیشن کا اجلاس گزشتہ ماہ الجزائر میں ہوا۔", "ur"): "2026-11",
        ("混委会上个月在阿尔及尔举行。", "zh"): "2026-11",
        ("The talks were held earlier this month in Lima.", "en"): "2026-12",
    }
    for (text, language), value in cases.items():
        found = dating.months_in(text, 0, len(text), language=language, reference=ref)
        assert [f.value for f in found] == [value], text
        assert found[0].precision == "month"
    text = "The commission met last month in Algiers."
    assert dating.months_in(text, 0, len(text), language="en", reference=None) == []


def test_a_venue_written_far_from_the_lead_places_the_meeting() -> None:
    from summarizer.pipeline import _venue_regions

    text = (
        "صفاقس — أصدرت المحكمة أحكاما أول أمس.\n\n" + "وتابع الدفاع القضية. " * 40 + "\n\n"
        "وكان الوزير قد بحث مع نظيره يوم 29 جانفي الماضي في روما ملف الهجرة."
    )
    m = record(location=Location(city="Rome", evidence=[span_of(text, text[:30], translated=True)]))
    regions = _venue_regions(m, text)
    assert dating.sentence_of(text, text.index("روما")) in regions
    # named in the lead: the lead's sentence, not one further down
    text = "روما — بحث الوزيران الهجرة.\n\n" + "وتابع الدفاع القضية. " * 40 + "\n\nوفي روما أيضا."
    m = record(location=Location(city="Rome"))
    assert _venue_regions(m, text) == [dating.sentence_of(text, 0)]


def test_a_capital_geonames_spells_otherwise_is_a_city() -> None:
    for name, english in {
        "Port Vila": "Port-Vila",
        "维拉港": "Port-Vila",
        "Reykjavik": "Reykjavík",
        "Lome": "Lomé",
        "Sao Tome": "São Tomé",
    }.items():
        found = normalize.city_info(name)
        assert found is not None and found[0] == english, name


def test_a_primary_meeting_mentioned_in_passing_and_reported_past_was_held() -> None:
    from summarizer.pipeline import status_from_original

    text = "Вопрос обсуждался и на 11-м заседании комиссии, прошедшем в столице Алжира."
    rejected: list[Rejected] = []
    m = record(status="mentioned", round=11, field_evidence={"round": [span_of(text, "11-м")]})
    status_from_original(m, 0, text, "ru", rejected)
    assert m.status == "held" and rejected[0].field == "meetings[0].status"
    # another meeting the article mentions stays mentioned
    m = record(
        status="mentioned",
        primary=False,
        round=11,
        field_evidence={"round": [span_of(text, "11-м")]},
    )
    status_from_original(m, 1, text, "ru", rejected)
    assert m.status == "mentioned"


def test_a_head_named_only_in_the_byline_is_the_reports_writer() -> None:
    from summarizer.pipeline import heads_not_bylines

    text = "القاهرة\n\nكتب – أحمد سمير\n\nاستضافت القاهرة المشاورات برئاسة هشام الشافعي."
    writer = Delegation(
        party="EGY", head=Person(name="Ahmed Samir"), evidence=[span_of(text, "أحمد سمير")]
    )
    head = Delegation(
        party="EGY", head=Person(name="Hisham El-Shafei"), evidence=[span_of(text, "هشام")]
    )
    m = record(delegations=[writer, head])
    rejected: list[Rejected] = []
    heads_not_bylines(m, 0, text, rejected)
    assert [d.head.name for d in m.delegations] == ["Hisham El-Shafei"]
    assert "byline" in rejected[0].reason
    # a Chinese wire's reporter in brackets; a name also in the body stays
    text = "新华社维拉港11月25日电（记者 周海涛）周海涛说，磋商举行。"
    m = record(
        delegations=[
            Delegation(party="CHN", head=Person(name="Zhou"), evidence=[span_of(text, "周海涛")])
        ]
    )
    heads_not_bylines(m, 0, text, rejected)
    assert m.delegations == []
    text = "By CHANDA MULENGA\n\nMinister Mutale Kapembwa co-chaired the session."
    kept = Delegation(
        party="ZMB", head=Person(name="Mutale Kapembwa"), evidence=[span_of(text, "Mutale")]
    )
    m = record(delegations=[kept])
    heads_not_bylines(m, 0, text, rejected)
    assert m.delegations == [kept]


def test_a_head_of_no_side_the_original_does_not_name_is_dropped() -> None:
    from summarizer.pipeline import one_head_per_side

    text = "اجلاس کی مشترکہ صدارت رانا شہزاد اقبال اور ژاں بوسکو نیونسابا نے کی۔"
    invented = Delegation(
        party=None,
        head=Person(name="Atif Rupprecht"),
        evidence=[span_of(text, text, translated=True)],
    )
    pak = Delegation(party="PAK", head=Person(name="Rana"), evidence=[span_of(text, "رانا")])
    rwa = Delegation(party="RWA", head=Person(name="Jean"), evidence=[span_of(text, "ژاں")])
    parties = [Party(name="Pakistan", code="PAK"), Party(name="Rwanda", code="RWA")]
    m = record(parties=parties, delegations=[invented, pak, rwa])
    rejected: list[Rejected] = []
    one_head_per_side(m, 0, rejected)
    assert [d.party for d in m.delegations] == ["PAK", "RWA"]
    # one side's head not named in the original: the head of no side may be that side's
    m = record(parties=parties, delegations=[invented, pak])
    one_head_per_side(m, 0, rejected)
    assert len(m.delegations) == 2


def test_last_tuesday_is_past_even_for_a_meeting_called_announced() -> None:
    ref = datetime.date(2026, 6, 20)  # a Saturday
    for text, language in (
        ("mardi dernier à Rabat, le ministre a reçu son homologue", "fr"),
        ("last Tuesday in Rabat the minister received his counterpart", "en"),
        ("استقبل الوزير يوم الثلاثاء الماضي نظيره", "ar"),
    ):
        found = dating.dates_in(text, 0, len(text), language=language, reference=ref, ahead=True)
        assert [f.value for f in found] == ["2026-06-16"], text
    text = "la commission se réunira mardi à Rabat"  # no "last": the coming Tuesday
    found = dating.dates_in(text, 0, len(text), language="fr", reference=ref, ahead=True)
    assert [f.value for f in found] == ["2026-06-23"]


def test_the_sentence_that_names_both_heads_anchors_a_meeting_of_no_mechanism() -> None:
    from summarizer.pipeline import anchor_sentences

    text = (
        "Essaouira, 20 juin 2026 – Le festival s'est ouvert jeudi.\n\n"
        "Mardi dernier à Rabat, le ministre Karim Benjelloun a reçu son homologue malien, "
        "Boubacar Sidibé, en visite de travail.\n\nLe festival se poursuit."
    )
    heads = [
        Delegation(party="MAR", head=Person(name="Karim Benjelloun")),
        Delegation(party="MLI", head=Person(name="Boubacar Sidibé")),
    ]
    m = record(delegations=heads)
    assert anchor_sentences(m, text, "fr") == [dating.sentence_of(text, text.index("Mardi"))]
    # a mechanism's meeting is anchored by its series and round, not by its heads
    m = record(delegations=heads, series="Joint Commission")
    assert anchor_sentences(m, text, "fr") == []


def test_a_chinese_clause_that_agrees_on_a_meeting_to_come_names_no_venue() -> None:
    from summarizer.pipeline import _cjk_venue

    text = (
        "中阿塞外交部举行第三轮战略对话　双方商定9月在巴库召开经贸合作委员会会议\n\n"
        "7月7日，外交部副部长孙立衡在北京主持中阿塞外交部第三轮战略对话。"
    )
    regions = [dating.sentence_of(text, 0), dating.sentence_of(text, text.index("7月7日"))]
    found = _cjk_venue(text, regions)
    assert found is not None and found.city == "Beijing"
    text = "双方在巴库举行第三轮战略对话。"
    found = _cjk_venue(text, [(0, len(text))])
    assert found is not None and found.city == "Baku"
