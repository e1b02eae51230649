"""English names of meeting mechanisms written in other languages, read from the original.

A small model translating a whole article drifts on exactly the words the record depends on
(measured: the Arabic seed's “الحوار السياسي”, the Political Dialogue, came back as
"Strategic Dialogue", and still did with this table given to it in the translation prompt).
So code reads the mechanism's name in the ORIGINAL text, right after the ordinal that
numbers the meeting ("الجولة العاشرة من “الحوار السياسي”"), and names it from this table.
Terms are matched on text normalised the way grounding normalises it (Arabic alef forms,
diacritics, tatweel; case), so prefixed forms ("والحوار") still match.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from itertools import pairwise

from . import normalize, titles
from .grounding import find_span
from .records import Span

#: How far after the ordinal the mechanism's name may start ("13e session de la ...").
_AFTER_ORDINAL = 24
#: Languages that name the mechanism BEFORE its ordinal ("سیاسی مشاورت کا چوتھا دور",
#: "联合委员会第八次会议"), and how far before it the name may end.
_BEFORE_ORDINAL = {"ur": 12, "zh": 1}
#: What stands right before an ordinal that numbers a mechanism named earlier in its sentence
#: ("la commission ... a tenu sa 4e session", "consultations ..., dont la quatrième session",
#: "عقدت اللجنة ... اجتماعها الثالث", "комиссия провела своё третье заседание"), and how far
#: before the ordinal that name may stand.
_BACK_REFERENCE = {
    "fr": re.compile(r"(?:\b(?:sa|son|leur)|\bdont\s+(?:la|le|l['’]))\s*$", re.IGNORECASE),
    "ar": re.compile(r"(?:اجتماع|دورت|جولت|اجتماعات)(?:ها|ه)\s+(?:ال)?$"),
    "ru": re.compile(r"\b(?:сво[её]|свою|своей|своего)\s+$", re.IGNORECASE),
}
_BACK_WINDOW = 160
_MINISTRIES_BEFORE = re.compile(r"外交部间?\s*$")
_CJK_ORDINAL = re.compile(r"第[一二三四五六七八九十百零〇两\d]+[轮次届]?")
_WORD = re.compile(r"[^\s,.;:()“”\"«»،]+")

# fmt: off
TERMS: dict[str, dict[str, str]] = {
    "ar": {
        "الحوار السياسي": "Political Dialogue",
        "الحوار الاستراتيجي": "Strategic Dialogue",
        "الحوار الشامل": "Comprehensive Dialogue",
        "المشاورات السياسية": "Political Consultations",
        "مشاورات سياسية": "Political Consultations",
        "مجموعة العمل المشتركة": "Joint Working Group",
        "فريق العمل المشترك": "Joint Working Group",
        "اللجنة الوزارية المشتركة": "Joint Ministerial Commission",
        "اللجنة الحكومية المشتركة": "Intergovernmental Commission",
        "اللجنة العليا المشتركة": "Higher Joint Commission",
        "اللجنة السياسية المشتركة": "Joint Political Committee",
        "اللجنة المشتركة": "Joint Commission",
        "اللجنة الثنائية": "Bi-National Commission",
        "مجلس التعاون الاستراتيجي": "Strategic Cooperation Council",
        "آلية التشاور الثنائي": "Bilateral Consultation Mechanism",
        "آلية التشاور السياسي": "Political Consultation Mechanism",
        "مكافحة الإرهاب": "counter-terrorism",
        "الهجرة والتنقل": "Migration and Mobility",
    },
    "fr": {
        "dialogue politique": "Political Dialogue",
        "dialogue stratégique": "Strategic Dialogue",
        "consultations politiques": "Political Consultations",
        "grande commission mixte": "Grand Joint Commission",
        "commission mixte permanente": "Permanent Joint Commission",
        "commission ministérielle mixte": "Joint Ministerial Commission",
        "commission mixte intergouvernementale": "Intergovernmental Joint Commission",
        "commission mixte ministérielle": "Joint Ministerial Commission",
        "commission mixte": "Joint Commission",
        "commission binationale": "Bi-National Commission",
        "commission intergouvernementale": "Intergovernmental Commission",
        "groupe de travail conjoint": "Joint Working Group",
        "groupe de travail mixte": "Joint Working Group",
        "sommet": "Summit",
    },
    "zh": {
        "战略对话": "Strategic Dialogue",
        "政治磋商": "Political Consultations",
        "外交磋商": "Diplomatic Consultations",
        "外交部间磋商": "Foreign Ministry Consultations",
        # the ministries named with the mechanism ("第八轮外交部政治磋商")
        "外交部政治磋商": "Foreign Ministry Political Consultations",
        "外交部战略对话": "Foreign Ministry Strategic Dialogue",
        "外交部间战略对话": "Foreign Ministry Strategic Dialogue",
        "外交部磋商": "Foreign Ministry Consultations",
        "混合委员会": "Joint Commission",
        "混委会": "Joint Commission",
        "高官磋商": "Senior Officials' Consultations",
        "政府间委员会": "Intergovernmental Commission",
        "联合委员会": "Joint Commission",
        "联合工作组": "Joint Working Group",
        "政府间合作委员会": "Intergovernmental Cooperation Committee",
        "合作委员会": "Cooperation Committee",
        "磋商": "Consultations",  # "外交部第五轮磋商"; a longer term at one place wins
        "双边磋商机制": "Bilateral Consultation Mechanism",
        "南海问题双边磋商机制": "Bilateral Consultation Mechanism on the South China Sea",
        "峰会": "Summit",
        "反恐": "counter-terrorism",
    },
    "ur": {
        "دو طرفہ سیاسی مشاورت": "Bilateral Political Consultations",
        "دوطرفہ سیاسی مشاورت": "Bilateral Political Consultations",
        "سیاسی مشاورت": "Political Consultations",
        "دفتر خارجہ کی سطح پر مشاورت": "Foreign Office Consultations",
        "دفتر خارجہ کی سطح کی مشاورت": "Foreign Office Consultations",
        "دفتر خارجہ کے مشاورت": "Foreign Office Consultations",
        "مشاورت": "Consultations",
        "اسٹریٹجک ڈائیلاگ": "Strategic Dialogue",
        "مشترکہ ورکنگ گروپ": "Joint Working Group",
        "مشترکہ کمیشن": "Joint Commission",
        "مشترکہ بین الحکومتی کمیشن": "Joint Intergovernmental Commission",
        "بین الحکومتی کمیشن": "Intergovernmental Commission",
        "مشترکہ وزارتی کمیشن": "Joint Ministerial Commission",
        "بین الحکومتی مشترکہ وزارتی کمیشن": "Intergovernmental Joint Ministerial Commission",
        "مشترکہ شعبہ جاتی تعاون کمیٹی": "Joint Sectoral Cooperation Committee",
        "دوطرفہ مشاورت": "Bilateral Consultations",
        "دو طرفہ مشاورت": "Bilateral Consultations",
        "مشترکہ اقتصادی کمیشن": "Joint Economic Commission",
        "اسٹریٹجک مذاکرات": "Strategic Dialogue",
        "مشترکہ کمیٹی": "Joint Committee",
        "مشترکہ تجارتی کمیٹی": "Joint Trade Committee",
        "مشترکہ تجارتی کمیشن": "Joint Trade Commission",
        # English names written in Urdu letters
        "جوائنٹ ورکنگ گروپ": "Joint Working Group",
        "جوائنٹ کمیشن": "Joint Commission",
        "جوائنٹ کمیٹی": "Joint Committee",
        "بائی لیٹرل پولیٹیکل کنسلٹیشنز": "Bilateral Political Consultations",
    },
    "ru": {
        "политический диалог": "Political Dialogue",
        "стратегический диалог": "Strategic Dialogue",
        "политические консультации": "Political Consultations",
        "межправительственная комиссия": "Intergovernmental Commission",
        "межправительственной комиссии": "Intergovernmental Commission",
        "межправкомиссия": "Intergovernmental Commission",
        "межправкомиссии": "Intergovernmental Commission",
        "совместная рабочая группа": "Joint Working Group",
        "совместной рабочей группы": "Joint Working Group",
        "межмидовские консультации": "Foreign Ministry Consultations",
        "межмидовских консультаций": "Foreign Ministry Consultations",
        "межмидовских консультациях": "Foreign Ministry Consultations",
        "межмидовскими консультациями": "Foreign Ministry Consultations",
        "рабочая группа": "Working Group",
        "рабочей группы": "Working Group",
        "совета стратегического сотрудничества высокого уровня": (
            "High-Level Strategic Cooperation Council"
        ),
        "совет стратегического сотрудничества высокого уровня": (
            "High-Level Strategic Cooperation Council"
        ),
    },
}
# fmt: on


#: What a mechanism's name may say after its head term, and that part in English: the
#: fields of cooperation ("commission mixte de coopération économique" = "Joint Commission for
#: Economic Cooperation"; "комиссия по торгово-экономическому и научно-техническому
#: сотрудничеству" = "Commission on Trade, Economic, Scientific and Technical Cooperation").
_FIELDS = {
    "fr": {
        "économique": "Economic", "commerciale": "Trade", "scientifique": "Scientific",
        "technique": "Technical", "culturelle": "Cultural", "militaire": "Military",
        "sécuritaire": "Security", "énergétique": "Energy", "technologique": "Technological",
    },
    "ar": {
        "الاقتصادي": "Economic", "التجاري": "Trade", "العلمي": "Scientific",
        "الفني": "Technical", "التقني": "Technical", "الثقافي": "Cultural",
        "العسكري": "Military", "الأمني": "Security",
    },
    "ru": {
        "торгов": "Trade", "экономическ": "Economic", "научн": "Scientific",
        "техническ": "Technical", "культурн": "Cultural", "гуманитарн": "Humanitarian",
        "военн": "Military", "энергетическ": "Energy", "инвестиционн": "Investment",
        "технологическ": "Technological", "промышленн": "Industrial",
    },
}  # fmt: skip
_COMPLEMENT = {
    "fr": re.compile(
        r"\s+de\s+coopération((?:,?\s+(?:et\s+)?(?:économique|commerciale|scientifique|"
        r"technique|culturelle|militaire|sécuritaire|énergétique|technologique))*)",
        re.IGNORECASE,
    ),
    "ru": re.compile(r"\s+по\s+([а-яё\s,-]{3,90}?)\s+сотрудничеств[уа]", re.IGNORECASE),
    # «اللجنة المشتركة للتعاون (الاقتصادي والتجاري)»: for (Economic and Trade) Cooperation
    "ar": re.compile(
        r"\s+للتعاون((?:\s+و?(?:الاقتصادي|التجاري|العلمي|الفني|التقني|الثقافي|العسكري|الأمني))*)"
    ),
}
#: A subject written after a working group's or commission's name, by language, as the
#: text writes it (casefolded) and in English: Russian "по <subject>"; French «de <subject>»
#: after the parties' adjective («commission mixte togo-burkinabè de sécurité
#: transfrontalière»); Arabic «لل<subject>» after the parties' adjectives («للجنة المشتركة
#: الموريتانية اليابانية للصيد البحري»).
_SUBJECTS = {
    "ru": {
        "транспорту": "Transport", "энергетике": "Energy", "безопасности": "Security",
        "миграции": "Migration", "торговле": "Trade", "инвестициям": "Investment",
        "кибербезопасности": "Cybersecurity", "борьбе с терроризмом": "Counter-Terrorism",
        "сельскому хозяйству": "Agriculture", "образованию": "Education",
        "здравоохранению": "Health", "логистике": "Logistics",
    },
    "fr": {
        "sécurité transfrontalière": "Cross-Border Security", "sécurité": "Security",
        "défense": "Defence", "transport": "Transport", "énergie": "Energy",
    },
    "ar": {
        "صيد البحري": "Fisheries", "صيد": "Fisheries", "نقل": "Transport", "طاقة": "Energy",
        "زراعة": "Agriculture", "تجارة": "Trade", "استثمار": "Investment", "هجرة": "Migration",
        "تعليم": "Education", "صحة": "Health", "مكافحة الإرهاب": "Counter-Terrorism",
    },
}  # fmt: skip
#: What stands between the name and its subject, by language.
_BEFORE_SUBJECT = {
    "ru": r"\s+по\s+",
    "fr": r"(?:\s+[\w'’]+-[\w'’]+)?\s+(?:de|du)\s+",
    "ar": r"(?:\s+\S+(?:ية|يه|ي))?(?:[\s-]+\S+(?:ية|يه|ي))?\s+لل?",
}
_SUBJECT = {
    language: re.compile(
        _BEFORE_SUBJECT[language]
        + "("
        + "|".join(sorted(map(re.escape, table), key=len, reverse=True))
        + r")(?!\w)",
        re.IGNORECASE,
    )
    for language, table in _SUBJECTS.items()
}
#: A party adjective between the ordinal's noun and the name ("26-е заседание
#: Российско-монгольской межправительственной комиссии").
_PARTY_ADJECTIVE = re.compile(r"\s*[А-ЯЁа-яё][а-яё]+-[а-яё]+(?:ой|ого|ая|ий|ей)\s+")


def _fields_in(words: str, language: str) -> list[str] | None:
    """The English fields of cooperation a complement lists, in order, or None when one of
    its words is not a field (so a longer phrase is not half read)."""
    table = _FIELDS[language]
    found: list[str] = []
    for word in re.split(r"[\s,-]+", words.strip()):
        if word.casefold() in ("и", "et", ""):
            continue
        if language == "ar" and word.startswith("وال"):  # «والتجاري», "and trade"
            word = word[1:]
        english = next((v for k, v in table.items() if word.casefold().startswith(k)), None)
        if english is None:
            return None
        if english not in found:
            found.append(english)
    return found


#: Urdu writes a mechanism's fields BEFORE its name: «زراعت اور غذائی تحفظ سے متعلق مشترکہ
#: ورکنگ گروپ» (on Agriculture and Food Security), «ریلوے اور ٹرانسپورٹ کے شعبے میں تعاون سے
#: متعلق ...» (on Railways and Transport).
_UR_FIELDS_BEFORE = re.compile(
    r"(?P<fields>(?:[^\s،۔]+\s+){1,5}?)(?:کے\s+شعب(?:ے|وں)\s+میں\s+)?(?:تعاون\s+)?سے\s+متعلق\s+"
    r"(?:[^\s،۔-]+-[^\s،۔-]+\s+)?$"  # the pair may follow: «... سے متعلق پاک-انڈونیشیا»
)


def _urdu_fields(text: str, found: tuple[str, Span]) -> tuple[str, Span] | None:
    """The Urdu mechanism's name with the fields written before it, when the title table
    knows each (titles.portfolio); else None."""
    english, span = found
    lead_start = max(0, span.start - 80)
    lead = _UR_FIELDS_BEFORE.search(text[lead_start : span.start])
    if lead is None:
        return None
    for skip in range(len(lead.group("fields").split())):
        words = lead.group("fields").split()[skip:]
        listed = titles.portfolio(" ".join(words))
        if listed is not None:
            start = span.start - len(text[lead_start : span.start]) + lead.start("fields")
            start = text.index(words[0], start)
            return f"{english} on {listed}", Span(
                start=start, end=span.end, text=text[start : span.end]
            )
    return None


#: Chinese fields of cooperation written right before a commission's name (经贸混委会,
#: 经济、文化、科学技术合作混合委员会), in English.
_ZH_FIELDS = {
    "经济": ["Economic"], "贸易": ["Trade"], "经贸": ["Economic", "Trade"],
    "文化": ["Cultural"], "科学技术": ["Scientific", "Technical"],
    "科技": ["Scientific", "Technical"], "技术": ["Technical"], "投资": ["Investment"],
    "农业": ["Agriculture"], "能源": ["Energy"],
}  # fmt: skip
_ZH_FIELD = "|".join(sorted(_ZH_FIELDS, key=len, reverse=True))
_ZH_FIELDS_BEFORE = re.compile(rf"(?:{_ZH_FIELD})(?:[、和与及]?(?:{_ZH_FIELD}))*(?:合作)?$")


def _chinese_fields(text: str, found: tuple[str, Span]) -> tuple[str, Span] | None:
    """A Chinese commission's name with the fields written right before it, or None."""
    english, span = found
    lead_start = max(0, span.start - 20)
    lead = _ZH_FIELDS_BEFORE.search(text[lead_start : span.start])
    if lead is None or not english.endswith(("Commission", "Committee")):
        return None
    fields: list[str] = []
    for word in re.findall(_ZH_FIELD, lead.group()):
        fields += [f for f in _ZH_FIELDS[word] if f not in fields]
    start = lead_start + lead.start()
    listed = normalize.english_list(fields)
    return f"{english} on {listed} Cooperation", Span(
        start=start, end=span.end, text=text[start : span.end]
    )


def _with_complement(text: str, found: tuple[str, Span], language: str) -> tuple[str, Span]:
    """The mechanism's name with the fields of cooperation written after its head term (in
    Urdu and Chinese, before it)."""
    if language == "ur":
        return _urdu_fields(text, found) or found
    if language == "zh":
        return _chinese_fields(text, found) or found
    pattern = _COMPLEMENT.get(language)
    english, span = found
    reader = _SUBJECT.get(language)
    subject = reader.match(text, span.end) if reader is not None else None
    if subject:
        name = f"{english} on {_SUBJECTS[language][subject.group(1).casefold()]}"
        return name, Span(
            start=span.start, end=subject.end(), text=text[span.start : subject.end()]
        )
    match = pattern.match(text, span.end) if pattern else None
    if match is None:
        return found
    fields = _fields_in(match.group(1), language)
    if fields is None:
        return found
    listed = normalize.english_list(fields)
    joined = " on " if language == "ru" else " for "
    name = english + joined + (listed + " " if listed else "") + "Cooperation"
    whole = Span(start=span.start, end=match.end(), text=text[span.start : match.end()])
    return name, whole


def series_after(text: str, ordinal: Span, language: str) -> tuple[str, Span] | None:
    """(English name, span in the original) of the listed mechanism written right after the
    ordinal that numbers the meeting (right before it in Urdu), or None. The fields of
    cooperation written after the term are part of the name."""
    table = TERMS.get(language, {})
    if not table:
        return None
    window_end = min(len(text), ordinal.end + _AFTER_ORDINAL + 60)
    line_end = text.find("\n", ordinal.end, window_end)  # a headline's ordinal: not the
    window_end = line_end if line_end != -1 else window_end  # next paragraph's name
    limit = _AFTER_ORDINAL
    adjective = _PARTY_ADJECTIVE.search(text, ordinal.end, window_end)
    if adjective and adjective.start() - ordinal.end <= _AFTER_ORDINAL:
        limit += adjective.end() - adjective.start()
    found = _nearest_term(text, ordinal.end, window_end, table, lambda s, e: s <= limit)
    if (  # the ministries named before the ordinal: "两国外交部第十三轮政治磋商"
        found is not None
        and language == "zh"
        and not found[0].startswith("Foreign Ministry")
        and _MINISTRIES_BEFORE.search(text[max(0, ordinal.start - 5) : ordinal.start])
    ):
        found = (f"Foreign Ministry {found[0]}", found[1])
    before = _BEFORE_ORDINAL.get(language)
    if found is None and before is not None:
        start = max(0, ordinal.start - before - 60)
        size = ordinal.start - start
        found = _nearest_term(text, start, ordinal.start, table, lambda s, e: size - e <= before)
    if found is None and language in _BACK_REFERENCE:
        found = _named_before(text, ordinal, language, table)
    return _with_complement(text, found, language) if found else None


def _named_before(
    text: str, ordinal: Span, language: str, table: dict[str, str]
) -> tuple[str, Span] | None:
    """The listed mechanism an ordinal refers back to ("sa 4e session", «اجتماعها الثالث»):
    the last one named before it in its sentence."""
    lead = text[max(0, ordinal.start - 30) : ordinal.start]
    if not _BACK_REFERENCE[language].search(lead):
        return None
    window = max(0, ordinal.start - _BACK_WINDOW)
    stops = list(_SENTENCE_STOP.finditer(text, window, ordinal.start))
    start = stops[-1].end() if stops else window
    best: tuple[str, Span] | None = None
    for term in sorted(table, key=len, reverse=True):  # a longer term first at one place
        for found in re.finditer(re.escape(term), text[start : ordinal.start], re.IGNORECASE):
            s, e = start + found.start(), start + found.end()
            if best is None or s >= best[1].end:
                best = (table[term], Span(start=s, end=e, text=text[s:e]))
    return best


_SENTENCE_STOP = re.compile(r"[.!?؟。\n]")


_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


#: The parties' adjectives an Arabic term may hold ("اللجنة العُمانية الفيتنامية المشتركة").
_ARABIC_PARTY_ADJECTIVES = r"\s+(?:ال[\u0621-\u065f]+ي[\u064b-\u065f]*ة\s+){1,2}"


def _split_term(window: str, term: str) -> Span | None:
    """A term with the parties' adjectives inside it: Russian ("межправительственной
    казахстанско-вьетнамской комиссии"), Arabic ("للجنة العُمانية الفيتنامية المشتركة", also
    after the preposition li)."""
    words = term.split()
    if len(words) < 2:
        return None
    if _CYRILLIC.search(term):
        gap = r"\s+(?:[а-яё]+-[а-яё]+\s+)?"
        pattern = gap.join(map(re.escape, words))
    elif len(words) == 2 and words[0].startswith("ال") and words[1].startswith("ال"):
        pattern = r"(?:ال|ل)" + re.escape(words[0][2:]) + _ARABIC_PARTY_ADJECTIVES
        pattern += re.escape(words[1])
    else:
        return None
    match = re.search(pattern, window, re.IGNORECASE)
    return Span(start=match.start(), end=match.end(), text=match.group()) if match else None


def _nearest_term(
    text: str, start: int, end: int, table: dict[str, str], close: Callable[[int, int], bool]
) -> tuple[str, Span] | None:
    window = text[start:end]
    best: tuple[int, str, Span] | None = None
    for term in sorted(table, key=len, reverse=True):
        # as written first (Chinese writes no spaces: "外交部战略对话"), then normalised
        form = term
        at = window.find(form)
        if at == -1 and term.startswith("ال"):  # after the preposition li: "للجنة", لـ+اللجنة
            form = "ل" + term[2:]
            at = window.find(form)
        found = (
            Span(start=at, end=at + len(form), text=form)
            if at != -1
            else find_span(window, term, threshold=1.0) or _split_term(window, term)
        )
        if found is None or not close(found.start, found.end):
            continue
        if best is None or found.start < best[0]:
            span = Span(
                start=start + found.start,
                end=start + found.end,
                text=text[start + found.start : start + found.end],
            )
            best = (found.start, table[term], span)
    return (best[1], best[2]) if best else None


def first_numbered(text: str, language: str) -> tuple[int, Span, str, Span] | None:
    """The first ordinal in the original that numbers a listed mechanism: (round, its span,
    English name, the name's span). Where a later sentence numbers the same round with a
    fuller name of that mechanism (the headline's «سیاسی مشاورت کا تیسرا دور», the body's
    «دوطرفہ سیاسی مشاورت کا تیسرا دور»), that one."""
    if not TERMS.get(language):
        return None
    words = list(_WORD.finditer(text))
    candidates = [(m.start(), m.group(0)) for m in words]
    # a word that begins a longer ordinal ("الحادي عشر", the eleventh) with the next: the
    # pair is tried first at that place
    candidates += [
        (a.start(), text[a.start() : b.end()])
        for a, b in pairwise(words)
        if normalize.longer_ordinal(a.group(0), text[a.start() : b.end()]) is not None
    ]
    candidates += [(m.start(), m.group(0)) for m in _CJK_ORDINAL.finditer(text)]
    first: tuple[int, Span, str, Span] | None = None
    for start, word in sorted(candidates, key=lambda c: (c[0], -len(c[1]))):
        value = normalize.ordinal_value(word)
        if value is None or not 0 < value < 200 or (first is not None and value != first[0]):
            continue
        ordinal = Span(start=start, end=start + len(word), text=word)
        found = series_after(text, ordinal, language)
        if found is None:
            continue
        if first is None:
            first = (value, ordinal, found[0], found[1])
        elif len(found[0]) > len(first[2]) and found[0].endswith(" " + first[2]):
            return value, ordinal, found[0], found[1]
    return first


def named_in(text: str, start: int, end: int, language: str) -> tuple[str, Span] | None:
    """The first listed mechanism text[start:end] names (no ordinal needed: "очередной раунд
    межмидовских консультаций"), a longer term first where two start together; only a
    mechanism's name (not a field of cooperation the tables also list)."""
    table = _mechanism_terms(language)
    if not table:
        return None
    found = _nearest_term(text, start, end, table, lambda s, e: True)
    return _with_complement(text, found, language) if found else None


@lru_cache(maxsize=8)
def _mechanism_terms(language: str) -> dict[str, str]:
    """The language's listed terms that name a mechanism (built once per language)."""
    return {
        term: english
        for term, english in TERMS.get(language, {}).items()
        if normalize.is_mechanism(english)
    }
