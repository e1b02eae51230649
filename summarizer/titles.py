"""Diplomatic titles as Arabic and Urdu articles write them, in English.

The local model's translation garbles a head's title as readily as the name ("UNDP Mission
Leader" for «ایڈیشنل سیکرٹری»). Once code has found the head's name in the original
(``romanize.find_name``), the title written next to it is looked up here: the longest phrase
of the table that ends just before the name or starts just after it.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache

from . import normalize

#: English title | how Arabic and Urdu write it. Longer phrases win over their parts.
_TITLE_TABLE = """
Foreign Minister|وزير الخارجية;وزيرة الخارجية;وزير الشؤون الخارجية;وزير خارجية;وزیر خارجہ
    وزیرِ خارجہ;وزير الخارجية وشؤون المغتربين
Deputy Foreign Minister|نائب وزير الخارجية;نائبة وزير الخارجية;نائب وزیر خارجہ
    نائب وزير خارجية
Assistant Foreign Minister|مساعد وزير الخارجية;مساعدة وزير الخارجية
Minister of State for Foreign Affairs|وزير الدولة للشؤون الخارجية;وزیر مملکت برائے خارجہ امور
Undersecretary of the Ministry of Foreign Affairs|وكيل وزارة الخارجية;وكيلة وزارة الخارجية
Secretary-General of the Ministry of Foreign Affairs|الأمين العام لوزارة الخارجية
    الأمينة العامة لوزارة الخارجية;أمين عام وزارة الخارجية;أمينة عام وزارة الخارجية
    أمين عام وزارة الخارجية وشؤون المغتربين
Foreign Secretary|سیکرٹری خارجہ;سیکریٹری خارجہ;خارجہ سیکرٹری;سكرتير الخارجية;سكرتيرة الخارجية
Additional Secretary|ایڈیشنل سیکرٹری;ایڈیشنل سیکریٹری;ایڈیشنل سیکرٹری خارجہ;ایڈیشنل سیکریٹری خارجہ
Director General|ڈائریکٹر جنرل;المدير العام;مدير عام;المديرة العامة;مديرة عامة
Ambassador|السفير;السفيرة;سفير;سفیر
Prime Minister|رئيس الوزراء;رئيس مجلس الوزراء;رئيسة الوزراء;وزیر اعظم;وزیراعظم
President|رئيس الجمهورية;الرئيس;رئيسة الجمهورية;صدر مملکت;صدر
Deputy Minister|نائب الوزير;نائب وزير;نائب وزیر
Minister|الوزير;الوزيرة;وزیر
Special Envoy|المبعوث الخاص;خصوصی ایلچی
State Secretary|اسٹیٹ سیکرٹری;اسٹیٹ سیکریٹری;سٹیٹ سیکرٹری;كاتب الدولة;كاتبة الدولة
National Security Adviser|مستشار الأمن الوطني;مستشار الأمن القومي;قومی سلامتی کے مشیر
Deputy Prime Minister|نائب وزیراعظم;نائب وزیر اعظم;نائب رئيس الوزراء;نائب رئيس مجلس الوزراء
Deputy Prime Minister and Foreign Minister|نائب وزیراعظم و وزیر خارجہ
    نائب وزیر اعظم و وزیر خارجہ;نائب وزیراعظم اور وزیر خارجہ
Vice President|نائب صدر;نائب الرئيس;نائب رئيس الجمهورية
Federal Minister|وفاقی وزیر
Minister of State|وزیر مملکت;وزير الدولة;وزيرة الدولة
Cabinet Secretary|کابینہ سیکرٹری;کابینہ سیکریٹری
Federal Secretary|وفاقی سیکرٹری;وفاقی سیکریٹری
Permanent Secretary|مستقل سیکرٹری;مستقل سیکریٹری;الأمين الدائم;الوكيل الدائم
Secretary-General|سیکرٹری جنرل;سیکریٹری جنرل;الأمين العام;الأمينة العامة;أمين عام;أمينة عام
Deputy Secretary-General|نائب سیکرٹری جنرل;نائب الأمين العام;نائبة الأمين العام
Assistant Secretary-General|الأمين العام المساعد;مساعد الأمين العام;اسسٹنٹ سیکرٹری جنرل
Secretary|سیکرٹری;سیکریٹری;سكرتير;سكرتيرة
High Representative|اعلیٰ نمائندہ;اعلی نمائندہ;الممثل الأعلى;الممثلة العليا;الممثل السامي
High Commissioner|ہائی کمشنر;المفوض السامي
Commissioner|کمشنر;المفوض;المفوضة
Deputy Chairman|نائب چیئرمین;نائب چیئرپرسن
Chairman|چیئرمین;چیئرپرسن
Special Assistant|معاون خصوصی
Adviser|مشیر
Assistant Minister|مساعد الوزير;معاون وزیر
Undersecretary|وكيل الوزارة;انڈر سیکرٹری;انڈر سیکریٹری
"""

#: The portfolios and regions a desk names («برائے اقتصادی امور», for Economic Affairs;
#: «لشؤون أوروبا», for European affairs), in English.
_DESK_TABLE = {
    "اقتصادی امور": "Economic Affairs", "خارجہ امور": "Foreign Affairs",
    "سلامتی پالیسی": "Security Policy", "خزانہ": "Finance", "تجارت": "Trade",
    "سرمایہ کاری": "Investment", "صنعت": "Industry", "پیداوار": "Production",
    "منصوبہ بندی": "Planning", "ترقی": "Development", "پٹرولیم": "Petroleum",
    "توانائی": "Energy", "داخلہ": "Interior", "دفاع": "Defence",
    "قومی غذائی تحفظ": "National Food Security", "غذائی تحفظ": "Food Security",
    "تحقیق": "Research", "تعلیم": "Education", "صحت": "Health", "ریلوے": "Railways",
    "ریلویز": "Railways", "ٹرانسپورٹ": "Transport",
    "مواصلات": "Communications", "بحری امور": "Maritime Affairs",
    "مذہبی امور": "Religious Affairs", "سمندر پار پاکستانی": "Overseas Pakistanis",
    "آبی وسائل": "Water Resources", "زراعت": "Agriculture", "اطلاعات": "Information",
    "قانون": "Law", "معیشت": "Economy", "ایشیا": "Asia", "بحرالکاہل": "the Pacific",
    "یورپ": "Europe", "محنت": "Labour", "سیاحت": "Tourism",
    "افریقہ": "Africa", "مشرق وسطیٰ": "the Middle East",
    "أوروبا": "European Affairs", "آسيا": "Asian Affairs", "أفريقيا": "African Affairs",
    "الأمريكتين": "Affairs of the Americas", "القنصلية": "Consular Affairs",
    "الاقتصادية": "Economic Affairs", "السياسية": "Political Affairs",
}  # fmt: skip
_DESK_ITEMS = re.compile(r"\s*(?:،|,|\bو\b|\bاور\b)\s*")

#: At most this many characters between a title and the name it belongs to.
_GAP = 4


@dataclass(frozen=True)
class TitleInText:
    start: int
    end: int
    written: str
    english: str


@lru_cache(maxsize=1)
def _phrases() -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    english = ""
    for line in _TITLE_TABLE.strip().splitlines():
        if "|" in line:
            english, written = line.split("|", 1)
        else:
            written = line.strip()
        rows += [(phrase.strip(), english) for phrase in written.split(";") if phrase.strip()]
    # Urdu writes the izafat of «وزیر» (minister of) with a zer or not: «وزیرِ تجارت»
    izafat = [(_URDU_MINISTER.sub("وزیرِ", p), e) for p, e in rows if _URDU_MINISTER.search(p)]
    rows += [row for row in izafat if row not in rows]
    return sorted(rows, key=lambda row: len(row[0]), reverse=True)


#: Urdu's «وزیر» as a word of a title, before another word or at its end (not «وزیراعظم»).
_URDU_MINISTER = re.compile(r"وزیر(?=\s|$)")


def phrases() -> list[tuple[str, str]]:
    """(title as written, English title) for every phrase of the table, longest first."""
    return _phrases()


def title_starts(text: str, start: int) -> bool:
    """Whether a title of the table is written at ``start`` («مساعد وزير الخارجية»: the word
    «مساعد», also the name Musaed, opens a title there)."""
    return any(
        text.startswith(phrase, start) and _bounded(text, start, start + len(phrase))
        for phrase, _ in _phrases()
    )


def _bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum()


#: A rank written between an office and the name, which the office outranks («مساعد وزير
#: الخارجية لشؤون أوروبا السفير فهد ...»: the office is the title, "Ambassador" the rank).
_RANKS = frozenset({"السفير", "السفيرة", "الدكتور", "الدكتورة", "المستشار", "سفیر"})
#: Honorifics before a name («معالي», His Excellency; «محترمہ», Mrs).
_HONORIFICS = frozenset(
    {"السيد", "السيدة", "معالي", "سعادة", "فخامة", "سمو", "الشيخ", "الشيخة", "محترمہ", "جناب"}
)
#: Words that open another person's part («ونظيره الإيطالي», and his Italian counterpart).
_ANOTHER = frozenset({"نظيره", "نظيرته", "نظيرها"})
#: A desk written after an office («لشؤون أوروبا», "for European affairs"), its ministry
#: («لوزارة التكامل الأفريقي», of the Ministry of ...) or more portfolios of it («والجالية
#: الوطنية بالخارج», and the national community abroad).
_DESK = re.compile(r"^(?:لشؤون|للشؤون|برائے|لوزارة|بوزارة|و[\u0621-\u064a]{3,})\s")
#: A desk is at most this many words («برائے تجارت، سرمایہ کاری و صنعت»: trade, investment
#: and industry).
_DESK_WORDS = 8


def _between(gap: str) -> bool:
    """What may stand between a title and its name: nothing, a comma, a bracketed desk
    ("(یورپ)"), a nationality («وزير الخارجية المصري طارق ...»), a desk of a few words
    («لشؤون أوروبا») and a rank («السفير»)."""
    bare = gap.strip(" ،,")
    words = bare.split()
    while words and (words[-1] in _RANKS or words[-1] in _HONORIFICS):
        words.pop()
    if any(w.removeprefix("و") in _HONORIFICS | _RANKS | _ANOTHER for w in words):
        return False  # «... للشؤون السياسية، وسعادة السفيرة»: another person's name follows
    bare = " ".join(words)
    if not bare or re.fullmatch(r"\([^)]{1,60}\)", bare):
        return True
    if _DESK.match(bare) and len(words) <= _DESK_WORDS:
        return True
    if portfolio(bare) is not None:  # «نائب وزیر معیشت و تجارت نورلان ...»
        return True
    return len(words) == 1 and normalize.party_code(bare) is not None


def portfolio(words: str) -> str | None:
    """The portfolios an Urdu office names right after its word, with no «برائے» («وزیر
    معیشت و تجارت», Minister of Economy and Trade), in English ("Economy and Trade"), when
    the table knows each; else None."""
    items = [item for item in _DESK_ITEMS.split(words.strip(" ،,")) if item]
    if not items or len(items) > _DESK_WORDS or any(item not in _DESK_TABLE for item in items):
        return None
    return normalize.english_list([_DESK_TABLE[item] for item in items])


def _desk(text: str, start: int, end: int) -> tuple[int, str] | None:
    """(its end, "for ..." in English) for the desk text[start:end] opens («برائے تجارت،
    سرمایہ کاری و صنعت»: for Trade, Investment and Industry) when the table knows each of
    its items; else None."""
    found = re.match(r"\s*(برائے|لشؤون|للشؤون)\s+([^()،,]+(?:[،,]\s*[^()،,]+)*)", text[start:end])
    if found is None:
        return None
    words = found.group(2).split()
    while words and words[-1] in _RANKS:
        words.pop()
    body = " ".join(words).strip(" ،,")
    listed = portfolio(body)  # each item known, as a desk's
    if listed is None:
        return None
    return start + found.start(2) + text[start + found.start(2) : end].find(body) + len(body), (
        f"for {listed}"
    )


#: Offices some foreign services name otherwise: the head of South Asia's foreign ministries'
#: civil service, «وكيل وزارة الخارجية» in Arabic (Undersecretary), is its Foreign Secretary.
_OFFICE_AS_NAMED: dict[tuple[str, str], str] = {
    ("Undersecretary of the Ministry of Foreign Affairs", code): "Foreign Secretary"
    for code in ("PAK", "IND", "BGD", "LKA", "NPL", "BTN", "MDV")
}


def title_near(
    text: str, name_start: int, name_end: int, not_before: int = 0, party: str | None = None
) -> TitleInText | None:
    """The title the text writes right before a name or right after it (_title_next_to), as
    the head's country (``party``) names the office; a rank before it («السفيرة»,
    Ambassador) gives way to an office written after the name and a comma, past one more word
    of the name («بياتريس نوغيرا كامبوس، الأمينة العامة ...»)."""
    found = _title_near(text, name_start, name_end, not_before)
    named = _OFFICE_AS_NAMED.get((found.english, party or "")) if found else None
    return dataclasses.replace(found, english=named) if found and named else found


def _title_near(
    text: str, name_start: int, name_end: int, not_before: int = 0
) -> TitleInText | None:
    found = _title_next_to(text, name_start, name_end, not_before)
    if found is None or found.written not in _RANKS:
        return found
    window = text[name_end : name_end + _OFFICE_AFTER]
    for phrase, english in _phrases():
        at = window.find(phrase)
        if at == -1 or phrase in _RANKS:
            continue
        before = window[:at]
        words = before.replace("،", " ").replace(",", " ").split()
        start = name_end + at
        comma = "،" in before or "," in before
        if comma and len(words) <= 1 and _bounded(text, start, start + len(phrase)):
            return TitleInText(start, start + len(phrase), phrase, english)
    return found


#: How far after a name an office may follow a rank's name («...، الأمينة العامة»).
_OFFICE_AFTER = 60


def _title_next_to(
    text: str, name_start: int, name_end: int, not_before: int = 0
) -> TitleInText | None:
    """The title the text writes right before a name («وكيلة وزارة الخارجية آمنة بلوش») or
    right after it, after a comma («مازن عبد الله الفايز، الأمين العام لوزارة الخارجية»);
    none that starts before ``not_before`` (another head's, in "chaired by X and Y")."""
    before = text[max(0, name_start - 120, not_before) : name_start]
    after_start = name_end
    for phrase, english in _phrases():
        # before the name: the phrase ends within _GAP characters of it ("(یورپ)" may follow)
        at = before.rfind(phrase)
        if at != -1:
            start = name_start - len(before) + at
            end = start + len(phrase)
            gap = text[end:name_start]
            if _bounded(text, start, end) and _between(gap):
                desk = _desk(text, end, name_start)
                if desk is not None:  # «وفاقی وزیر برائے اقتصادی امور»
                    return TitleInText(
                        start, desk[0], text[start : desk[0]], f"{english} {desk[1]}"
                    )
                listed = portfolio(gap) if english.endswith("Minister") else None
                if listed is not None:  # «نائب وزیر معیشت و تجارت»
                    stop = end + len(gap.rstrip(" ،,"))
                    return TitleInText(start, stop, text[start:stop], f"{english} of {listed}")
                return TitleInText(start, end, phrase, english)
        rest = text[after_start : after_start + _GAP + len(phrase)]
        at = rest.find(phrase)
        if at != -1 and not rest[:at].strip(" ،,"):
            start = after_start + at
            if _bounded(text, start, start + len(phrase)):
                return TitleInText(start, start + len(phrase), phrase, english)
    return None


def _words(title: str) -> set[str]:
    """A title's words, "vice" read as "deputy" (a Vice Minister is a Deputy Minister)."""
    words = set(re.sub(r"[^\w\s]", " ", title.casefold()).split()) - {"of", "the", "for"}
    return {"deputy" if w == "vice" else w for w in words}


#: A deputy minister's office as other governments name it: a Philippine Undersecretary or
#: a Serbian State Secretary is what Chinese calls 副部长 and Russian заместитель министра.
_DEPUTY_MINISTER_NAMES = re.compile(
    r"\b(?:under-?secretary|state\s+secretary|secretary\s+of\s+state)\b", re.IGNORECASE
)


def says(proposed: str | None, english: str) -> bool:
    """Whether a proposed title says at least what the original's does ("Additional Secretary
    (Europe)" says "Additional Secretary"; "Minister for Foreign Affairs" does not say
    "Undersecretary of the Ministry of Foreign Affairs"; "Undersecretary of Foreign Affairs"
    says "Vice Foreign Minister", a deputy minister's name where the head serves)."""
    if proposed is None:
        return False
    words = _words(english)
    if words <= _words(proposed):
        return True
    deputy = "deputy" in words and "minister" in words
    return deputy and _DEPUTY_MINISTER_NAMES.search(proposed) is not None
