"""A meeting mentioned in passing, read by code when the model reported none (issue #6)."""

from __future__ import annotations

import datetime

from summarizer.from_mention import meeting_in_passing

STRIKE = (
    "Antananarivo, le 16 avril 2026 – Les ouvrières attendent devant les agences.\n\n"
    "Le dossier est remonté jusqu'au niveau diplomatique : lors des consultations politiques "
    "entre Madagascar et Maurice, tenues le 9 à Port-Louis, les deux pays ont convenu "
    "d'accélérer la négociation d'un accord sur la main-d'œuvre.\n\nLa grève continue."
)


def test_a_meeting_mentioned_in_one_sentence_is_read_with_its_spans() -> None:
    m = meeting_in_passing(STRIKE, "fr", datetime.date(2026, 4, 16))
    assert m is not None and m.primary and m.status == "held"
    assert [p.code for p in m.parties] == ["MDG", "MUS"]
    assert (m.series, m.kind) == ("Political Consultations", "consultations")
    assert (m.date.value, m.location.city) == ("2026-04-09", "Port Louis")
    for span in [*m.parties[0].evidence, *m.date.evidence, *m.location.evidence]:
        assert STRIKE[span.start : span.end] == span.text
    assert m.field_evidence["series"][0].text == "consultations politiques"


def test_no_meeting_without_a_mechanism_two_countries_and_a_date_or_city() -> None:
    reference = datetime.date(2026, 4, 16)
    # one country only
    text = "Lors des consultations politiques tenues le 9 à Port-Louis, Maurice a plaidé."
    assert meeting_in_passing(text, "fr", reference) is None
    # no date and no city
    text = "Les consultations politiques entre Madagascar et Maurice sont utiles."
    assert meeting_in_passing(text, "fr", reference) is None
    # no mechanism the tables list
    text = "Madagascar et Maurice ont signé le 9 à Port-Louis un accord."
    assert meeting_in_passing(text, "fr", reference) is None
    # English is the model's to read
    text = "The consultations between Madagascar and Mauritius, held on the 9th in Port Louis."
    assert meeting_in_passing(text, "en", reference) is None


def test_a_chinese_mention_and_a_hollow_model_meeting() -> None:
    from test_dating import record

    from summarizer.pipeline import _hollow
    from summarizer.records import Delegation, Person

    text = (
        "人民网安曼9月11日电 足球赛开幕。\n本月上旬，中约两国外交部在北京举行首轮战略对话，"
        "中国外交部副部长刘建华与约旦外交与侨务部秘书长马吉德·卡塔尔奈共同主持。"
    )
    m = meeting_in_passing(text, "zh", datetime.date(2025, 9, 12))
    assert m is not None and [p.code for p in m.parties] == ["CHN", "JOR"]  # not Qatar
    assert (m.series, m.location.city, m.date.value) == ("Strategic Dialogue", "Beijing", "2025-09")
    assert m.date.precision == "month"
    coach = Delegation(party=None, head=Person(name="Zhao Lijun", title="Coach"))
    match = record(kind="summit", delegations=[coach])
    assert _hollow(match)
    assert not _hollow(match.model_copy(update={"series": "Strategic Dialogue"}))


def test_a_visit_to_a_counterpart_mentioned_in_passing_with_the_peoples_adjectives() -> None:
    text = (
        "طرابلس 29 يناير 2026 (وال) - أبحرت اليوم الخميس أول رحلة للعبّارة.\n\n"
        "وكان وزير الخارجية المالطي كارمل فاروجيا قد بحث ملف الخط مع نظيره الليبي عبد السلام "
        "المنتصر خلال زيارة رسمية أداها إلى طرابلس الأحد الماضي."
    )
    m = meeting_in_passing(text, "ar", datetime.date(2026, 1, 29))
    assert m is not None and [p.code for p in m.parties] == ["MLT", "LBY"]
    assert (m.kind, m.series, m.location.city) == ("visit", None, "Tripoli")
    assert m.date.value == "2026-01-25" and "series" not in m.field_evidence
    for party in m.parties:
        assert text[party.evidence[0].start : party.evidence[0].end] == party.evidence[0].text
    # a visit with no counterpart named is no meeting of two ministers
    text = "وكان الوزير المالطي قد أدى زيارة رسمية إلى طرابلس الليبية الأحد الماضي."
    assert meeting_in_passing(text, "ar", datetime.date(2026, 1, 29)) is None
