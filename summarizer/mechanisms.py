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

from . import normalize
from .grounding import find_span
from .records import Span

#: How far after the ordinal the mechanism's name may start ("13e session de la ...").
_AFTER_ORDINAL = 24
#: Languages that name the mechanism BEFORE its ordinal ("سیاسی مشاورت کا چوتھا دور"), and
#: how far before it the name may end.
_NAME_BEFORE = frozenset({"ur"})
_BEFORE_ORDINAL = 12
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
        "اللجنة المشتركة": "Joint Commission",
        "مجلس التعاون الاستراتيجي": "Strategic Cooperation Council",
        "مكافحة الإرهاب": "counter-terrorism",
        "الهجرة والتنقل": "Migration and Mobility",
    },
    "fr": {
        "dialogue politique": "Political Dialogue",
        "dialogue stratégique": "Strategic Dialogue",
        "consultations politiques": "Political Consultations",
        "grande commission mixte": "Grand Joint Commission",
        "commission mixte": "Joint Commission",
        "commission intergouvernementale": "Intergovernmental Commission",
        "groupe de travail conjoint": "Joint Working Group",
        "groupe de travail mixte": "Joint Working Group",
        "sommet": "Summit",
    },
    "zh": {
        "战略对话": "Strategic Dialogue",
        "政治磋商": "Political Consultations",
        "高官磋商": "Senior Officials' Consultations",
        "政府间委员会": "Intergovernmental Commission",
        "联合委员会": "Joint Commission",
        "联合工作组": "Joint Working Group",
        "峰会": "Summit",
        "反恐": "counter-terrorism",
    },
    "ur": {
        "دو طرفہ سیاسی مشاورت": "Bilateral Political Consultations",
        "دوطرفہ سیاسی مشاورت": "Bilateral Political Consultations",
        "سیاسی مشاورت": "Political Consultations",
        "اسٹریٹجک ڈائیلاگ": "Strategic Dialogue",
        "مشترکہ ورکنگ گروپ": "Joint Working Group",
        "مشترکہ کمیشن": "Joint Commission",
    },
    "ru": {
        "политический диалог": "Political Dialogue",
        "стратегический диалог": "Strategic Dialogue",
        "политические консультации": "Political Consultations",
        "межправительственная комиссия": "Intergovernmental Commission",
        "межправительственной комиссии": "Intergovernmental Commission",
        "совместная рабочая группа": "Joint Working Group",
        "совместной рабочей группы": "Joint Working Group",
        "совета стратегического сотрудничества высокого уровня": (
            "High-Level Strategic Cooperation Council"
        ),
        "совет стратегического сотрудничества высокого уровня": (
            "High-Level Strategic Cooperation Council"
        ),
    },
}
# fmt: on


def series_after(text: str, ordinal: Span, language: str) -> tuple[str, Span] | None:
    """(English name, span in the original) of the listed mechanism written right after the
    ordinal that numbers the meeting (right before it in Urdu), or None."""
    table = TERMS.get(language, {})
    if not table:
        return None
    window_end = min(len(text), ordinal.end + _AFTER_ORDINAL + 60)
    found = _nearest_term(text, ordinal.end, window_end, table, lambda s, e: s <= _AFTER_ORDINAL)
    if found is None and language in _NAME_BEFORE:
        start = max(0, ordinal.start - _BEFORE_ORDINAL - 60)
        size = ordinal.start - start
        found = _nearest_term(text, start, ordinal.start, table, lambda s, e: size - e <= 12)
    return found


def _nearest_term(
    text: str, start: int, end: int, table: dict[str, str], close: Callable[[int, int], bool]
) -> tuple[str, Span] | None:
    window = text[start:end]
    best: tuple[int, str, Span] | None = None
    for term in sorted(table, key=len, reverse=True):
        # as written first (Chinese writes no spaces: "外交部战略对话"), then normalised
        at = window.find(term)
        found = (
            Span(start=at, end=at + len(term), text=term)
            if at != -1
            else find_span(window, term, threshold=1.0)
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
    English name, the name's span)."""
    if not TERMS.get(language):
        return None
    candidates = [(m.start(), m.group(0)) for m in _WORD.finditer(text)]
    candidates += [(m.start(), m.group(0)) for m in _CJK_ORDINAL.finditer(text)]
    for start, word in sorted(candidates):
        value = normalize.ordinal_value(word)
        if value is None or not 0 < value < 200:
            continue
        ordinal = Span(start=start, end=start + len(word), text=word)
        found = series_after(text, ordinal, language)
        if found is not None:
            return value, ordinal, found[0], found[1]
    return None
