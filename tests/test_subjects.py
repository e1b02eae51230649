"""Sectors and subjects read by code from a non-English original (summarizer.subjects)."""

from __future__ import annotations

from summarizer import subjects


def found(text: str) -> list[tuple[str, str]]:
    """(label, the original's words) for each subject found."""
    return [(s.label, text[s.start : s.end]) for s in subjects.subjects_discussed(text)]


def test_urdu_family_words_side_by_side_are_one_subject_with_an_exact_span() -> None:
    text = (
        "اجلاس میں زراعت، لائیو اسٹاک اور ڈیری کے شعبوں میں تعاون، کاروباری افراد کے لیے "
        "ویزا سہولیات اور طلبہ کے لیے وظائف پر بھی تبادلہ خیال کیا گیا۔"
    )
    assert found(text) == [
        ("agriculture, livestock and dairy", "زراعت، لائیو اسٹاک اور ڈیری"),
        ("visas", "ویزا"),
        ("students", "طلبہ"),
    ]


def test_a_portfolio_in_a_title_is_not_a_subject() -> None:
    # "co-chaired by the Cabinet Secretary for Trade, Investment and Industry"
    ur = "اجلاس کی صدارت کابینہ سیکرٹری برائے تجارت، سرمایہ کاری و صنعت نے کی اور تعاون پر بات کی۔"
    assert found(ur) == []
    ar = "وبحث وزير التجارة والصناعة مع نظيره التعاون في مجال الطاقة."
    assert found(ar) == [("energy", "الطاقة")]
    ru = "Министр промышленности и торговли обсудил с коллегой поставки нефти."
    assert found(ru) == [("oil", "нефти")]
    zh = "商务部部长与对方讨论了农业合作。农业农村部部长出席。"
    assert found(zh) == [("agriculture", "农业")]
    # French capitalises a portfolio: "the ministers of the Interior and of Agriculture"
    fr = "Les ministres de l'Intérieur et de l'Agriculture ont discuté de la pêche."
    assert found(fr) == [("fisheries", "pêche")]


def test_only_sentences_about_what_was_discussed_or_agreed_count() -> None:
    text = "Le Sénégal exporte du riz. Les deux parties ont évoqué le commerce et le tourisme."
    assert found(text) == [("trade", "commerce"), ("tourism", "tourisme")]
    # Arabic proclitics: "and energy", "in the field of tourism"
    ar = "واتفق الجانبان على تعزيز التعاون في مجالات التجارة والاستثمار والسياحة."
    assert [label for label, _ in found(ar)] == ["trade", "investment", "tourism"]


def test_look_alike_words_are_not_subjects() -> None:
    # "газета" (newspaper) is not gas; "визит" (visit) is not a visa
    assert found("Стороны обсудили статью в газете во время визита.") == []
    # «الطاقة الاستيعابية» is a crossing's capacity, not energy
    assert found("وبحث الجانبان رفع الطاقة الاستيعابية للمنفذ.") == []
    # Urdu «ماحول» is the talks' atmosphere ("in a cordial atmosphere")
    assert found("خوشگوار ماحول میں بات چیت ہوئی۔") == []


def test_each_subject_once_and_one_label_for_science_and_technology() -> None:
    text = "双方讨论了科学技术合作。双方同意加强科学技术和贸易合作。"
    assert [label for label, _ in found(text)] == ["science and technology", "trade"]


def test_a_stated_position_is_a_subject_in_any_sentence() -> None:
    # "Peru firmly adheres to the one-China principle" says nothing was discussed, but the
    # position is what the meeting recorded; a sector word there is not a subject
    text = "秘方坚定奉行一个中国原则，欢迎中国企业投资。"
    assert found(text) == [("one-China principle", "一个中国原则")]


def test_a_translated_topic_points_at_the_word_that_names_it_in_the_original() -> None:
    from summarizer.pipeline import topics_pointed_in_original
    from summarizer.records import Location, MeetingDate, MeetingRecord, Span, Topic

    text = (
        "الكويت وبنغلاديش تعقدان جولة المشاورات السياسية الثانية\n"
        "وترأس الجانب الكويتي وزير التجارة.\n"
        "وبحث الجانبان التعاون في مجالات التجارة والاستثمار والأمن الغذائي."
    )
    headline = Span(start=0, end=text.index("\n"), text=text[: text.index("\n")])
    headline.alignment = "translated"

    def topic(label: str) -> Topic:
        return Topic(label=label, evidence=[headline.model_copy()])

    m = MeetingRecord(
        id="m", status="held", primary=True, kind="consultations", series=None, round=None,
        title="t", parties=[], date=MeetingDate(value=None), location=Location(),
        topics=[topic("trade"), topic("food security"), topic("Gaza")],
    )  # fmt: skip
    topics_pointed_in_original(m, text)
    pointed = [(t.label, t.evidence[0].text, t.evidence[0].alignment) for t in m.topics]
    # the headline names neither, and «وزير التجارة» (the trade minister) is an office
    assert pointed == [
        ("trade", "التجارة", "exact"),
        ("food security", "والأمن الغذائي", "exact"),
        ("Gaza", headline.text, "translated"),  # a subject the table does not know
    ]
    for t in m.topics:
        span = t.evidence[0]
        assert text[span.start : span.end] == span.text
