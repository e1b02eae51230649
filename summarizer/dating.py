"""The meeting's date, read and checked in the ORIGINAL text.

The model's date is often not the meeting's: it takes the dateline ("KUALA LUMPUR, 25 June
2025 —", the day the report was filed) although the sentence that reports the meeting says
"on Tuesday" or "on 24 June"; and for a non-English article the translation drifts on month
names (the Urdu "20 مئی 2025", 20 May, came back as "October 20"). So code finds the dates
the original writes in the meeting's own sentences (any of the languages the tool reads),
resolves a weekday or a date without a year against the publication date (or, when none is
known, the article's dateline), and prefers a date in the body of the sentence over the
dateline. Every date found here is a span of the original, so it is grounded by construction.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice, pairwise
from typing import cast

from . import from_text, normalize
from .records import DatePrecision, MeetingDate, Span

# fmt: off
#: Month names as the languages the tool reads write them in a date ("20 مئی", "11 сентября").
MONTHS: dict[str, tuple[str, ...]] = {
    "en": ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
           "jul", "aug", "sep", "sept", "oct", "nov", "dec"),
    "fr": ("janvier", "février", "fevrier", "mars", "avril", "mai", "juin", "juillet", "août",
           "aout", "septembre", "octobre", "novembre", "décembre", "decembre"),
    "ru": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
           "сентября", "октября", "ноября", "декабря"),
    "ar": ("يناير", "فبراير", "مارس", "أبريل", "ابريل", "إبريل", "مايو", "يونيو", "يوليو",
           "أغسطس", "اغسطس", "سبتمبر", "أكتوبر", "اكتوبر", "نوفمبر", "ديسمبر",
           *normalize.LEVANTINE_MONTHS),
    "ur": ("جنوری", "فروری", "مارچ", "اپریل", "مئی", "جون", "جولائی", "اگست", "ستمبر",
           "اکتوبر", "نومبر", "دسمبر"),
}
# fmt: on
_DIGITS = "0-9٠-٩۰-۹"
_CJK_DATE = re.compile(
    rf"(?:([{_DIGITS}]{{4}})\s*年\s*)?([{_DIGITS}]{{1,2}})\s*月\s*([{_DIGITS}]{{1,2}})\s*[日号]"
)
_ISO_DATE = re.compile(r"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)")
#: A Chinese day of the month without its month ("当地时间11日", "21日，..."), read in the
#: reference date's month; not a dateline's ("11日电"). "本月12日" is this month's 12th,
#: "上月28日" last month's, "下月3日" next month's.
_CJK_DAY = re.compile(
    rf"(?:(本月|上月|下月)|(?<![{_DIGITS}月年]))([{_DIGITS}]{{1,2}})\s*[日号](?!电)"
)
#: The month "本月", "上月" and "下月" name: months after the reference date's.
_CJK_MONTH_WORD = {"本月": 0, "上月": -1, "下月": 1}
#: A figure (\d takes in _DIGITS, and no other character matches those, case ignored or not).
_ANY_DIGIT = re.compile(r"\d")
#: A day, month and year in figures with dots ("12.03.2025"): the order every language that
#: writes dots uses (the slash's order differs by country, so a slash is not read).
_DOTTED_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.]|\.\d)")
#: The same with slashes ("13/05/2025"): day first, as French, Arabic, Urdu, Russian and
#: Chinese writers put it; in English only when the order is plain (a number above 12).
_SLASHED_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
_DAY = rf"[{_DIGITS}]{{1,2}}(?:st|nd|rd|th|er|-?го|-?е)?"
_YEAR = rf"[{_DIGITS}]{{4}}"
#: What may follow a year in a date: Russian's "года"/"г.", or the Gregorian era mark an
#: Arabic or Urdu writer joins to it («10 مارس 2027م», «19 ستمبر 2026ء»).
_AFTER_YEAR = r"(?:\s*(?:года|г\.)|م|ء)?"
#: How far into its line a dateline's date may start, and how many words may come before it.
_DATELINE_LEAD = 40
#: The Hijri date a Saudi or Gulf dateline gives before the Gregorian one: "الرياض 16 جمادى
#: الأولى 1448 هـ الموافق 27 أكتوبر 2026 م واس" ("corresponding to").
_HIJRI_BEFORE = re.compile(
    r"\s*[\d٠-٩]{1,2}\s+[\u0621-\u064a]+(?:\s+[\u0621-\u064a]+)?\s+[\d٠-٩]{4}\s*(?:هـ|ه)?\.?"
    r"\s*[،,]?\s*(?:الموافق|الموافقة|الموافق ل)\s*$"
)
_DATELINE_WORDS = 3
#: The longest first line read as a masthead (a paper's name, its city and the date).
_MASTHEAD_MAX = 80
#: What stands before a masthead's date: a separator, then at most one word (a weekday).
_MASTHEAD_BEFORE = re.compile(r"[—–|,،:-]\s*(?:[^\W\d_]+[,،]?\s+)?$")
#: An agency's or reporter's tag in brackets between a dateline's place and its date.
_AGENCY_TAG = re.compile(r"\s*[(（][^()（）\n]{1,30}[)）]\s*")
#: What may follow a dateline's date before its separator ("года.", "电】", "):").
#: An agency's tag may stand before the separator ("6 mars 2025 (MAP) -", "(Pacific Wire
#: Service) -").
_DATELINE_AFTER = re.compile(
    r"[\s,]*/[A-ZА-Я][A-Za-zА-Яа-я-]{1,11}/|"  # an agency tag that ends it ("/MONTSAME/")
    r"[\s,]*/\s*[\u0621-\u0652]{2,14}\s*/|"  # in Arabic letters ("/ بنا /", "/العُمانية/")
    r"\s*电|"  # a Chinese wire's "...11月22日电（记者 ...）"
    r"[\s,]*(?:года|г\.|电|م(?!\w))?\s*"
    r"(?:[,|]?\s*\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*(?:GMT|UTC|[AaPp]\.?[Mm]\.?|[A-Z]{2,4}))?\s*)?"
    r"(?:来源[:：][^\n]{0,30}$)?"  # a Chinese site's stamp: "2025-11-21 10:02:37　来源：新华网"
    # the Hijri date after the Gregorian, to the end of the line («، 7 ربیع الثانی 1448ھ»)
    r"(?:[،,]\s*[\d٠-٩۰-۹]{1,2}\s+[\u0621-\u06ff]+(?:\s+[\u0621-\u06ff]+)?\s+[\d٠-٩۰-۹]{4}"
    r"\s*(?:هـ|ه|ھ)?\.?\s*(?=$))?"
    r"(?:[|]?\s*(?:by|par|от)\s+[^\n]{1,60}$)?"
    r"(?:\([A-Za-zА-Я][A-Za-zА-Яа-я.&' -]{1,40}\)\s*|\([\u0600-\u06ff ]{2,14}\)\s*"
    r"|[A-ZА-Я\u0621-\u064a]{2,6}\s*$)?"
    r"(?:[)）】]|\s*(?:[—–:.]|-{1,2}\s|$))",
    re.M,
)
#: Words for a day relative to the publication date, by offset in days ("вчера", "أمس").
RELATIVE_DAYS: dict[int, tuple[str, ...]] = {
    -2: (
        "the day before yesterday",
        "avant-hier",
        "позавчера",
        "أول أمس",
        "أول امس",
        "أمس الأول",
        "أول من أمس",
        "前天",
    ),
    -1: (
        "yesterday",
        "hier",
        "вчера",
        "накануне",
        "أمس",
        "امس",
        "الأمس",
        "البارحة",
        "گزشتہ روز",
        "گزشتہ دن",
        "last night",
        "الليلة الماضية",
        "گزشتہ شب",
        "昨晚",
        "昨天",
        "昨日",
    ),
    0: ("today", "aujourd'hui", "aujourd’hui", "сегодня", "اليوم", "آج", "今天", "今日"),
    1: ("tomorrow", "demain", "завтра", "غدا", "غداً", "明天", "明日"),
}
_RELATIVE_WORDS = [w for words in RELATIVE_DAYS.values() for w in words]
_LINE = re.compile(r"[^\n]+")
SENTENCE_BREAK = re.compile(rf"(?<=[.!?؟。۔]){from_text.NOT_A_MONTH}\s+|(?<=[。۔])|\n")


def _alternation(words: Iterable[str]) -> str:
    """A regular expression for any of ``words``, the longest tried first, written as a trie
    (normalize.trie_alternation): at each place in a text the engine tries one branch per
    letter instead of every name (the date patterns scan whole articles, several times)."""
    return normalize.trie_alternation(words)


_ALL_MONTHS = [m for names in MONTHS.values() for m in names]


@lru_cache(maxsize=1)
def _date_pattern() -> re.Pattern[str]:
    month = f"(?:{_alternation(_ALL_MONTHS)})"
    # a second name of the month after a slash («14 أبريل/نيسان»), a comma before the year
    # («12 اکتوبر، 2026»)
    day_month = (
        rf"{_DAY}\s+(?:de\s+|of\s+)?{month}\.?(?:\s*/\s*{month})?"
        rf"(?:[,،]?\s+{_YEAR}{_AFTER_YEAR})?"
    )
    month_day = rf"{month}\.?\s+{_DAY}(?:,?\s+{_YEAR})?"
    return re.compile(rf"(?<!\w)(?:{day_month}|{month_day})(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _range_pattern() -> re.Pattern[str]:
    """A span of days ("du 15 au 17 juillet 2025", "from 15 to 17 July", "15-17 July",
    "с 15 по 17 июля"): group 1 is the first day, group 2 the date of the last."""
    month = f"(?:{_alternation(_ALL_MONTHS)})"
    # a weekday may stand before each day ("du mercredi 22 au vendredi 24 octobre")
    weekday = _alternation(n for names in normalize.WEEKDAYS.values() for n in names)
    day_of = rf"(?:(?:{weekday}),?\s+(?:the\s+)?)?"
    last = rf"{_DAY}\s+(?:de\s+)?{month}\.?(?:,?\s+{_YEAR}{_AFTER_YEAR})?"
    return re.compile(
        rf"(?<!\w)(?:du|from|с|من)?\s*{day_of}([{_DIGITS}]{{1,2}})(?:er|st|nd|rd|th)?\s*"
        rf"(?:au|to|till|until|по|до|إلى|الى|حتى|and|et|и|و|اور|سے|[-–])\s*{day_of}({last})(?!\w)",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _month_first_range_pattern() -> re.Pattern[str]:
    """A span of days with the month first ("March 3-4, 2025", "March 3 and 4", "from
    March 3 to 5"): group 1 is the month and first day, group 2 the year if written."""
    month = f"(?:{_alternation(MONTHS['en'])})"
    return re.compile(
        rf"(?<!\w)({month}\.?\s+{_DAY})\s*(?:-|–|to|and|through|until)\s*{_DAY}"
        rf"(?:,?\s+({_YEAR}))?(?!\w)",
        re.IGNORECASE,
    )


#: A month named without its day ("in November", "en novembre dernier", "в ноябре"): the
#: Russian prepositional forms, besides the names of MONTHS.
_RU_MONTHS_IN = (
    "январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре",
    "октябре", "ноябре", "декабре",
)  # fmt: skip


@lru_cache(maxsize=1)
def _month_pattern() -> re.Pattern[str]:
    # a month written alone: no Latin abbreviation ("may", "mar" are words too); a short
    # name of three letters in another script is a month («ماي», «أوت»; not «آب», water)
    names = [m for m in _ALL_MONTHS if len(m) > 3 or (len(m) == 3 and not m.isascii())]
    month = f"(?:{_alternation([*names, *_RU_MONTHS_IN])})"
    return re.compile(
        rf"(?<![{_DIGITS}]\s)(?<![\w{_DIGITS}])({month})(?:\s+(?:dernier|passé|last))?"
        rf"(?:,?\s+({_YEAR}){_AFTER_YEAR})?(?!\w)"
        rf"|(?:([{_DIGITS}]{{4}})\s*年\s*)?([{_DIGITS}]{{1,2}})\s*月(?![{_DIGITS}\s]*[日号])",
        re.IGNORECASE,
    )


@lru_cache(maxsize=256)
def _month_number(name: str, language: str) -> int | None:
    """1-12 for a month's name as written, read as the day "1 <name> 2001" would be."""
    folded = name.casefold()
    if folded in _RU_MONTHS_IN:
        return _RU_MONTHS_IN.index(folded) + 1
    for lang in dict.fromkeys([language, *MONTHS]):
        nd = normalize.normalize_date(f"1 {name} 2001", language=lang)
        if nd.value and nd.precision == "day":
            return int(nd.value[5:7])
    return None


def months_in(
    text: str, start: int, end: int, *, language: str, reference: datetime.date | None
) -> list[Found]:
    """Months written without a day in text[start:end] ("en novembre dernier", "в ноябре",
    "11月"), each at month precision: a month without a year is the last such month on or
    before the reference date. Only for a meeting already held."""
    found: list[Found] = []
    for m in _month_pattern().finditer(text, start, end):
        if m.group(1):
            number = _month_number(m.group(1), language)
            year_text = m.group(2)
        else:
            number = int(m.group(4).translate(normalize.ASCII_DIGITS))
            year_text = m.group(3)
        if number is None or not 1 <= number <= 12:
            continue
        if year_text:
            year = int(year_text.translate(normalize.ASCII_DIGITS))
        elif reference is not None:
            year = reference.year if number <= reference.month else reference.year - 1
        else:
            continue
        found.append(
            Found(
                span=from_text.span_at(text, m.start(), m.end()),
                value=f"{year:04d}-{number:02d}",
                precision="month",
                resolved_from="text" if year_text else "published",
                weekday_only=False,
                dateline=False,
            )
        )
    if reference is not None:
        for m in _RELATIVE_MONTH.finditer(text, start, end):  # "last month", «الشهر الماضي»
            back = 1 if m.lastgroup == "last" else 0
            index = reference.year * 12 + reference.month - 1 - back
            found.append(
                Found(
                    span=from_text.span_at(text, m.start(), m.end()),
                    value=f"{index // 12:04d}-{index % 12 + 1:02d}",
                    precision="month",
                    resolved_from="published",
                    weekday_only=False,
                    dateline=False,
                )
            )
        found.sort(key=lambda f: f.span.start)
    return found


#: A month named by its place to the reference date's: last month («в конце прошлого
#: месяца», «le mois dernier», «الشهر الماضي», «گزشتہ ماہ», 上个月) or this one ("earlier
#: this month", «ce mois-ci», «الشهر الجاري», «رواں ماہ», 本月).
_RELATIVE_MONTH = re.compile(
    r"(?P<last>(?i:\blast\s+month\b|\bmois\s+(?:dernier|passé)\b|"
    r"\bпрошл(?:ого|ом)\s+месяц[ае]?\b)|(?:ال)?شهر\s+(?:ال)?(?:ماضي|منصرم|فائت)|"
    r"(?:گزشتہ|پچھلے)\s+(?:ماہ|مہینے)|上个月|上月(?![\d０-９一二三四五六七八九十]))"
    r"|(?P<this>(?i:\bthis\s+month\b|\bce\s+mois(?:-ci)?\b|\bmois\s+en\s+cours\b|"
    r"\b(?:этого|текущего)\s+месяца\b|\bв\s+этом\s+месяце\b)|(?:ال)?شهر\s+(?:ال)?(?:جاري|حالي)|"
    r"هذا\s+الشهر|(?:اس|رواں)\s+(?:ماہ|مہینے)|本月(?![\d０-９一二三四五六七八九十]))"
)


@lru_cache(maxsize=1)
def _weekday_pattern() -> re.Pattern[str]:
    names = {n for names in normalize.WEEKDAYS.values() for n in names}
    cjk = {n for n in names if re.search(r"[\u4e00-\u9fff]", n)}
    return re.compile(
        rf"(?<!\w)(?:[وب]?ال|[وب])?(?:{_alternation(names - cjk)})(?!\w)|(?:{_alternation(cjk)})",
        re.IGNORECASE,
    )


#: «Накануне» is "the day before" when an adverb (followed by a comma, "в"/"во" and a place
#: or a verb: «Накануне в Минске состоялось ...»), "on the eve of" before a noun.
_ON_THE_DAY_BEFORE = re.compile(
    r"накануне(?=\s*(?:,|\.|в\s|во\s|состоял|прошл|прошёл|прошел|провел|провёл))",
    re.IGNORECASE,
)
#: Each word of RELATIVE_DAYS, casefolded, and its offset in days.
_RELATIVE_OFFSETS = {w.casefold(): offset for offset, ws in RELATIVE_DAYS.items() for w in ws}


@lru_cache(maxsize=1)
def _relative_pattern() -> re.Pattern[str]:
    """A word of RELATIVE_DAYS as group "day" (an Arabic one may carry a joined و/ب; a
    Chinese one stands between other characters)."""
    cjk = [w for w in _RELATIVE_WORDS if re.search(r"[\u4e00-\u9fff]", w)]
    other = [w for w in _RELATIVE_WORDS if w not in cjk]
    return re.compile(
        rf"(?<!\w)[وب]?(?P<day>{_alternation(other)})(?!\w)|(?P<cjk>{_alternation(cjk)})",
        re.IGNORECASE,
    )


#: "Last" written after a weekday or a date («الأحد الماضي», «mercredi dernier», «29 جانفي
#: الماضي», «le 3 mars dernier») or before it ("last Sunday", «گزشتہ بدھ», «в прошлый вторник»).
_LAST_AFTER = re.compile(
    r"\s+(?:الماضي|الماضية|المنصرم|المنصرمة|الفائت|الفائتة|(?i:dernier|passé))(?!\w)"
)
_LAST_BEFORE = re.compile(r"(?<!\w)(?:last|گزشتہ|پچھلے|в\s+прошл\w+)\s+$", re.IGNORECASE)


#: "Last week" written after a weekday ("Tuesday last week", «يوم الثلاثاء من الأسبوع
#: الماضي», «во вторник на прошлой неделе») or before it ("last week on Tuesday", «گزشتہ ہفتے
#: منگل کو», «на прошлой неделе во вторник»).
_LAST_WEEK_AFTER = re.compile(
    r",?\s+(?:of\s+)?last\s+week\b|\s+(?:de\s+)?la\s+semaine\s+derni[eè]re"
    r"|\s+(?:من\s+)?الأسبوع\s+الماضي|\s+на\s+прошлой\s+неделе",
    re.IGNORECASE,
)
_LAST_WEEK_BEFORE = re.compile(
    r"(?:last\s+week,?\s+on|گزشتہ\s+ہفتے|на\s+прошлой\s+неделе,?\s+во?)\s+$",
    re.IGNORECASE,
)


def _in_last_week(text: str, start: int, end: int) -> bool:
    """Whether the weekday at text[start:end] is said to be of last week."""
    return bool(
        _LAST_WEEK_AFTER.match(text, end)
        or _LAST_WEEK_BEFORE.search(text, max(0, start - 30), start)
    )


def _says_last(text: str, start: int, end: int) -> bool:
    """Whether the weekday at text[start:end] is called the last one: on the day of that
    weekday, "last Sunday" is a week before, not the day itself."""
    return bool(
        _LAST_AFTER.match(text, end) or _LAST_BEFORE.search(text, max(0, start - 20), start)
    )


@dataclass(frozen=True)
class Found:
    """A date the text writes: its span, ISO value and precision, and how it was read."""

    span: Span
    value: str
    precision: str
    resolved_from: str | None
    weekday_only: bool
    dateline: bool

    def as_meeting_date(self) -> MeetingDate:
        """The record's date: this value, with the span as its evidence."""
        return MeetingDate(
            value=self.value,
            precision=cast(DatePrecision, self.precision),
            text=self.span.text,
            resolved_from=self.resolved_from,
            evidence=[self.span],
        )


def is_dateline(text: str, start: int, end: int) -> bool:
    """Whether [start, end) is the date of a dateline: near the start of its line, after at
    most a place name ("KUALA LUMPUR, ", "【本报吉隆坡", "انقرہ ("), and followed by the
    dateline's separator or the end of the line."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    # a masthead: the article's first line, ending with the date, its weekday included
    # ("روزنامہ نوائے شمال، اسلام آباد — بدھ 3 فروری 2027")
    # (after a separator, and perhaps a weekday: not a headline's "talks set for 5 May 2026")
    rest = text[end:line_end]
    if (
        not text[:line_start].strip()
        and line_end - line_start <= _MASTHEAD_MAX
        and _MASTHEAD_BEFORE.search(text, line_start, start)
        and len(re.findall(r"[^\W\d_]+", rest)) <= 1  # a month's name
        and (not rest.strip(" .،,") or re.search(r"\d{4}\s*[.،,]?\s*$", rest))
    ):
        return True
    # an agency's tag after the place is not a word of it ("اسلام آباد (اے پی پی) 9 اکتوبر")
    lead = _AGENCY_TAG.sub("", _HIJRI_BEFORE.sub("", text[line_start:start]))
    if len(lead) > _DATELINE_LEAD or re.search(r"\d", lead):
        return False
    if len(re.findall(r"[^\W\d_]+", lead)) > _DATELINE_WORDS and " " in lead.strip():
        return False
    if text[end - 1] == ".":  # the date's span took the separator ("15 октября.")
        end -= 1
    return bool(_DATELINE_AFTER.match(text, end))


def _cjk_value(match: re.Match[str], reference: datetime.date | None) -> tuple[str, str] | None:
    groups = match.groups()
    year_text, month, day = (g.translate(normalize.ASCII_DIGITS) if g else g for g in groups)
    if year_text is None and reference is None:
        return None
    year = int(year_text) if year_text else reference.year  # type: ignore[union-attr]
    try:
        value = datetime.date(year, int(month), int(day))
    except ValueError:
        return None
    if year_text is None and reference is not None and value > reference:
        try:
            value = value.replace(year=year - 1)
        except ValueError:
            return None
    return value.isoformat(), "text" if year_text else "published"


def _day_of_month(day: int, reference: datetime.date, ahead: bool) -> datetime.date | None:
    """The date of a day of the month written alone: in the reference's month, or the month
    before when that day is still to come (the month after, for a meeting still to come)."""
    try:
        value = reference.replace(day=day)
    except ValueError:
        return None
    if not ahead and value > reference:
        first = reference.replace(day=1) - datetime.timedelta(days=1)
        try:
            return first.replace(day=day)
        except ValueError:
            return None
    if ahead and value < reference:
        following = (reference.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
        try:
            return following.replace(day=day)
        except ValueError:
            return None
    return value


def _day_in_month(day: int, reference: datetime.date, months: int) -> datetime.date | None:
    """Day ``day`` of the month ``months`` after the reference date's (-1: the month before)."""
    index = reference.year * 12 + reference.month - 1 + months
    try:
        return datetime.date(index // 12, index % 12 + 1, day)
    except ValueError:
        return None


#: A day of the month named by its place to the reference date's month: "the 27th of last
#: month", «في السابع والعشرين من الشهر الماضي», «le 27 du mois dernier», «27-го числа
#: прошлого месяца», «گزشتہ ماہ کی 27 تاریخ»; group "day" is the day (figures or an
#: ordinal's words), "when" the word for the month.
_DAY_OF_MONTH_WORD = re.compile(
    rf"(?i:\bthe\s+(?P<en>[{_DIGITS}]{{1,2}})(?:st|nd|rd|th)\s+of\s+(?P<en_when>last|this|next)\s+month\b)"
    rf"|(?i:\ble\s+(?P<fr>[{_DIGITS}]{{1,2}})(?:er)?\s+du\s+mois\s+(?P<fr_when>dernier|passé|prochain|"
    r"en\s+cours)\b)"
    rf"|(?i:(?<!\w)(?P<ru>[{_DIGITS}]{{1,2}})-?го\s+(?:числа\s+)?(?P<ru_when>прошлого|этого|текущего|"
    r"следующего)\s+месяца)"
    rf"|(?<!\S)(?:في\s+)?(?P<ar>[{_DIGITS}]{{1,2}}|(?:\S+\s+){{0,1}}\S+)\s+(?:من\s+)?(?:هذا\s+)?الشهر\s+"
    r"(?P<ar_when>الماضي|المنصرم|الفائت|الجاري|الحالي|المقبل|القادم)"
    rf"|(?P<ur_when>گزشتہ|پچھلے|اس|اگلے)\s+(?:ماہ|مہینے)\s+کی\s+(?P<ur>[{_DIGITS}]{{1,2}})"
)
#: A day of the month written alone, its month the reference date's or the one before: "on
#: the 9th", «tenues le 9 à Port-Louis», «les 1er et 2 courant», «9-го числа», «9 تاریخ کو»
#: (not "le 9 mai", "le 9e", "on the 9th floor": a month's name, a figure or a noun after
#: it is not a date).
_BARE_DAY = re.compile(
    rf"(?i:\bon\s+the\s+(?P<en>[{_DIGITS}]{{1,2}})(?:st|nd|rd|th)(?=\s*[,.;]|\s+(?:in|at|of\s+this)\b))"
    rf"|(?i:\ble\s+(?P<fr>[{_DIGITS}]{{1,2}})(?:er)?(?=\s*[,.;]|\s+(?:à|au|aux|en|dans|courant)\b))"
    # "les 1er et 2 courant", "du 3 au 5 courant": the first day of this month's range
    rf"|(?i:\b(?:les|du)\s+(?P<fr_range>[{_DIGITS}]{{1,2}})(?:er)?\s+(?:et|au)\s+[{_DIGITS}]{{1,2}}"
    r"\s+courant\b)"
    rf"|(?i:(?<!\w)(?P<ru>[{_DIGITS}]{{1,2}})-?го\s+числа(?!\s+\w+\s+месяца))"
    rf"|(?<!\S)(?P<ur>[{_DIGITS}]{{1,2}})\s+تاریخ"
)


_MONTH_WORD_OFFSET = {
    "last": -1, "this": 0, "next": 1, "dernier": -1, "passé": -1, "prochain": 1, "en cours": 0,
    "прошлого": -1, "этого": 0, "текущего": 0, "следующего": 1, "الماضي": -1, "المنصرم": -1,
    "الفائت": -1, "الجاري": 0, "الحالي": 0, "المقبل": 1, "القادم": 1, "گزشتہ": -1,
    "پچھلے": -1, "اس": 0, "اگلے": 1,
}  # fmt: skip


def _day_of_month_word(match: re.Match[str], reference: datetime.date) -> datetime.date | None:
    """The date _DAY_OF_MONTH_WORD's match names, read against the reference date."""
    for lang in ("en", "fr", "ru", "ar", "ur"):
        written = match.group(lang)
        if written is None:
            continue
        words = written.split()
        day = None
        for i in range(len(words)):  # «في السابع والعشرين»: the ordinal, without a lead word
            fragment = " ".join(words[i:])
            if fragment.translate(normalize.ASCII_DIGITS).isdigit():
                day = int(fragment.translate(normalize.ASCII_DIGITS))
            else:
                day = normalize.ordinal_value(fragment)
            if day is not None:
                break
        when = " ".join(match.group(f"{lang}_when").casefold().split())
        if day is None or not 1 <= day <= 31:
            return None
        return _day_in_month(day, reference, _MONTH_WORD_OFFSET[when])
    return None


def _slashed_value(match: re.Match[str], language: str) -> datetime.date | None:
    """The day a slashed date names: day first, unless English writes it with a month that
    cannot be one (05/13/2025); an English date that reads either way is not read."""
    first, second, year = (int(g) for g in match.groups())
    if language == "en" and first <= 12 and second <= 12 and first != second:
        return None
    day, month = (second, first) if language == "en" and second > 12 else (first, second)
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _scan(
    pattern: re.Pattern[str], needs: str, text: str, start: int, end: int
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, start, end)`` for a pattern whose every match holds one of the
    characters ``needs``: nothing where text[start:end] holds none of them (a ``str.find``
    costs far less than a pattern's scan, and most articles write no Chinese date)."""
    if any(text.find(char, start, end) >= 0 for char in needs):
        return pattern.finditer(text, start, end)
    return iter(())


def dates_in(
    text: str,
    start: int,
    end: int,
    *,
    language: str,
    reference: datetime.date | None,
    ahead: bool = False,
) -> list[Found]:
    """Every date written in text[start:end] that code can read to a day, in text order; one
    without a year, or a bare weekday, read back from the reference date, or with ``ahead``
    (a meeting still to come) forward from it."""
    found: list[Found] = []
    taken: list[tuple[int, int]] = []

    def add(s: int, e: int, value: str, resolved: str | None, weekday: bool) -> None:
        if any(s < te and ts < e for ts, te in taken):
            return
        taken.append((s, e))
        found.append(
            Found(
                span=from_text.span_at(text, s, e),
                value=value,
                precision="day",
                resolved_from=resolved,
                weekday_only=weekday,
                dateline=is_dateline(text, s, e),
            )
        )

    # every pattern but the weekdays' and relative days' needs a figure
    if _ANY_DIGIT.search(text, start, end) is not None:
        for m in _range_pattern().finditer(text, start, end):  # a multi-day meeting: its first day
            nd = normalize.normalize_date(
                m.group(2), published=reference, language=language, ahead=ahead
            )
            if nd.value and nd.precision == "day":
                first = int(m.group(1).translate(normalize.ASCII_DIGITS))
                try:
                    opens = datetime.date.fromisoformat(nd.value).replace(day=first)
                except ValueError:
                    continue
                if nd.resolved_from == "published" and reference is not None and not ahead:
                    # a year-less range read back from its last day: one under way on the
                    # reference date («12 سے 14 اکتوبر» on 13 October) began this year
                    with contextlib.suppress(ValueError):
                        if (begun := opens.replace(year=opens.year + 1)) <= reference:
                            opens = begun
                add(m.start(1), m.end(), opens.isoformat(), nd.resolved_from, False)
        for m in _month_first_range_pattern().finditer(text, start, end):
            written = m.group(1) + (f", {m.group(2)}" if m.group(2) else "")
            nd = normalize.normalize_date(
                written, published=reference, language=language, ahead=ahead
            )
            if nd.value and nd.precision == "day":
                add(m.start(), m.end(), nd.value, nd.resolved_from, False)
        for m in _scan(_CJK_DATE, "月", text, start, end):
            read = _cjk_value(m, reference)
            if read:
                add(m.start(), m.end(), read[0], read[1], False)
        if reference is not None:
            for m in _scan(_CJK_DAY, "日号", text, start, end):
                day_of = int(m.group(2).translate(normalize.ASCII_DIGITS))
                if m.group(1):
                    day = _day_in_month(day_of, reference, _CJK_MONTH_WORD[m.group(1)])
                else:
                    day = _day_of_month(day_of, reference, ahead)
                if day is not None:
                    add(m.start(), m.end(), day.isoformat(), "published", False)
        for m in _DOTTED_DATE.finditer(text, start, end):
            try:
                day = datetime.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            except ValueError:
                continue
            add(m.start(), m.end(), day.isoformat(), "text", False)
        for m in _scan(_SLASHED_DATE, "/", text, start, end):
            slashed = _slashed_value(m, language)
            if slashed is not None:
                add(m.start(), m.end(), slashed.isoformat(), "text", False)
        for pattern in (_ISO_DATE, _date_pattern()):
            for m in pattern.finditer(text, start, end):
                # «29 جانفي الماضي», «le 3 mars dernier»: past, whatever the status says
                past = _LAST_AFTER.match(text, m.end()) is not None
                nd = normalize.normalize_date(
                    m.group(0), published=reference, language=language, ahead=ahead and not past
                )
                if nd.value and nd.precision == "day":
                    add(m.start(), m.end(), nd.value, nd.resolved_from, False)
    if reference is not None:
        for m in _DAY_OF_MONTH_WORD.finditer(text, start, end):  # "the 27th of last month"
            day = _day_of_month_word(m, reference)
            if day is not None:
                add(m.start(), m.end(), day.isoformat(), "published", False)
        for m in _BARE_DAY.finditer(text, start, end):  # "tenues le 9 à Port-Louis"
            written = next(g for g in m.groups() if g)
            bare = _day_of_month(int(written.translate(normalize.ASCII_DIGITS)), reference, ahead)
            if bare is not None:
                add(m.start(), m.end(), bare.isoformat(), "published", False)
        for m in _relative_pattern().finditer(text, start, end):  # "yesterday": a day off it
            word = m.group("day")
            if (
                word
                and word.casefold() == "накануне"
                and not _ON_THE_DAY_BEFORE.match(text, m.start("day"))
            ):
                continue  # «накануне визита», on the eve of the visit, is no day
            offset = _RELATIVE_OFFSETS[(m.group("day") or m.group("cjk")).casefold()]
            day = reference + datetime.timedelta(days=offset)
            add(m.start(), m.end(), day.isoformat(), "published", True)
        for m in _weekday_pattern().finditer(text, start, end):
            # «mardi dernier», "last Tuesday": past, whatever the status says
            past = _says_last(text, m.start(), m.end())
            nd = normalize.normalize_date(
                m.group(0), published=reference, language=language, ahead=ahead and not past
            )
            if nd.value and nd.precision == "day":
                value = nd.value
                if text.endswith("上", 0, m.start()) or _in_last_week(text, m.start(), m.end()):
                    # 上周三, "Wednesday last week": the Wednesday of the week before
                    weekday = datetime.date.fromisoformat(value).weekday()
                    value = normalize.weekday_of_the_week_before(weekday, reference).isoformat()
                elif value == reference.isoformat() and _says_last(text, m.start(), m.end()):
                    value = (reference - datetime.timedelta(days=7)).isoformat()
                add(m.start(), m.end(), value, nd.resolved_from, True)
    found.sort(key=lambda f: f.span.start)
    # the weekday a dateline writes before its date dates the report too
    # («اسلام آباد — منگل ۱۲ جنوری ۲۰۲۷», "Tuesday, 12 January 2027")
    for i, (f, g) in enumerate(pairwise(found)):
        if (
            f.weekday_only
            and g.dateline
            and _WEEKDAY_BEFORE_DATE.fullmatch(text, f.span.end, g.span.start)
        ):
            found[i] = dataclasses.replace(f, dateline=True)
    return found


#: What may stand between a dateline's weekday and its date.
_WEEKDAY_BEFORE_DATE = re.compile(r"[\s,،]{0,3}")


@lru_cache(maxsize=16)
def dateline(text: str, language: str) -> Found | None:
    """The article's dateline date (the first one in its opening lines), if it has one
    (read once per article: several checks ask)."""
    # the first 8 lines that are not blank (the rest of the article is not read)
    lines = islice((m for m in _LINE.finditer(text) if m.group(0).strip()), 8)
    for line in lines:
        for f in dates_in(text, line.start(), line.end(), language=language, reference=None):
            if f.dateline and f.resolved_from == "text":
                return f
    return None


def reference_date(
    text: str, language: str, published: datetime.date | None
) -> datetime.date | None:
    """The date weekdays and year-less dates are read against: the publication date, else the
    dateline's, else the date the report signs off with (``footer_date``)."""
    if published is not None:
        return published
    found = dateline(text, language) or footer_date(text, language)
    return datetime.date.fromisoformat(found.value) if found else None


#: A footer line that dates the report is short: a city, a weekday and the date at most.
_FOOTER_LINE_MAX = 60


@lru_cache(maxsize=16)
def footer_date(text: str, language: str) -> Found | None:
    """The date a report signs off with on one of its last two lines («عمّان، الاثنين 14 أيلول
    2026», "Brussels, 9 December 2025"): a short line holding a date written in full."""
    lines = [m for m in _LINE.finditer(text) if m.group(0).strip()][-2:]
    for line in reversed(lines):
        if len(line.group(0).strip()) > _FOOTER_LINE_MAX:
            continue
        for f in dates_in(text, line.start(), line.end(), language=language, reference=None):
            if f.resolved_from == "text":
                return f
    return None


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence of the text, in order (the breaks of sentence_of)."""
    found: list[tuple[int, int]] = []
    start = 0
    for brk in [*SENTENCE_BREAK.finditer(text), None]:
        end = brk.start() if brk else len(text)
        if end > start:
            found.append((start, end))
        start = brk.end() if brk else end
    return found


def sentence_of(text: str, position: int) -> tuple[int, int]:
    """(start, end) of the sentence holding ``position`` (Urdu "۔" and Chinese "。" end one,
    with no space after them)."""
    return from_text.sentence_bounds(text, position, SENTENCE_BREAK)


def next_sentence(text: str, end: int) -> tuple[int, int] | None:
    """(start, end) of the first sentence after ``end``, past the blank line that ends a
    paragraph; None at the end of the text."""
    return next(((s, e) for s, e in sentence_spans(text) if s >= end and e > s), None)


#: Words that make the weekday beside them the day of a report, not of the meeting: "a
#: statement issued on Thursday", "said on Thursday", «جمعرات کو جاری کیے گئے بیان»,
#: "a déclaré jeudi", "заявил в четверг", «أعلن ... الخميس».
_REPORTED_BEFORE = re.compile(
    r"(?i:\b(?:said|announced|stated|issued|released|published|told|reported|"
    r"déclaré|annoncé|indiqué|publié|заявил\w*|сообщил\w*|объявил\w*|опубликова\w*)"
    r"(?:\s+\w+){0,2}\s*$)|(?:صرح|أعلن\w*|صدر|نشر\w*|أصدر\w*)(?:\s+\S+){0,2}\s*$"
)
_REPORTED_AFTER = re.compile(
    r"\s*(?:کو\s+(?:جاری|شائع|بتایا|کہا)|(?i:(?:,\s*)?(?:said|announced|statement)\b))"
)


def dates_a_report(text: str, span: Span) -> bool:
    """Whether a weekday is the day a statement was issued or a thing said, by the words
    next to it."""
    before = text[max(0, span.start - 40) : span.start]
    return bool(_REPORTED_BEFORE.search(before) or _REPORTED_AFTER.match(text, span.end))


#: A sentence that says a meeting of several days ended on the day it writes: "s'est achevée
#: mercredi ... après deux jours de travaux", "concluded on Wednesday after two days of
#: talks", "завершилось ... после двух дней", «اختتمت ... بعد يومين».
_CLOSED = re.compile(
    r"(?i:\b(?:conclud\w*|ended|closed|wrapped\s+up|achev\w*|clôtur\w*|termin\w*|pris\s+fin|"
    r"заверш\w*|закрыл\w*))|اختتم\w*|انتهت|ختم\w*|اختتام|闭幕|结束"
)
_DAYS_LONG = re.compile(
    r"(?i:\b(?:after|après|после)\s+(two|three|four|deux|trois|quatre|двух|тр[её]х|"
    r"четыр[её]х|2|3|4)\s+(?:days?|jours?|дней|дня)\b)|بعد\s+(يومين|ثلاثة\s+أيام)|为期(两|三)天|"
    r"(?i:\b(two|three|four)-day\b)|(?:على\s+مدى|لمدة|استمرت|استمر)\s+(يومين|ثلاثة\s+أيام)|"
    r"(?<!\w)(دو|تین|چار)\s+روزہ|"  # the two-day session, «اس دو روزہ اجلاس»
    # opened the day before the day it ended: «التي انطلقت أمس», "which opened yesterday"
    r"(?:انطلق\w*|بدأ\w*|افتتح\w*)\s+(أمس)|"
    r"(?i:\b(?:began|opened|started|commenced)\s+(yesterday|the\s+day\s+before)\b)|"
    r"(?i:\b(?:ouvert\w*|commenc\w*|entam\w*|débuté\w*)\s+(la\s+veille)\b)|"
    r"(?i:\b(?:начал\w*|открыл\w*|стартовал\w*)\s+(накануне)\b)|"
    r"(昨天|昨日)(?:开幕|开始|启动)|(?<!\w)(گزشتہ\s+روز|کل)\s+شروع"
)
_DAY_COUNTS = {
    "two": 2, "deux": 2, "двух": 2, "2": 2, "يومين": 2, "两": 2,
    "three": 3, "trois": 3, "трех": 3, "трёх": 3, "3": 3, "ثلاثة أيام": 3, "三": 3,
    "four": 4, "quatre": 4, "четырех": 4, "четырёх": 4, "4": 4,
    "دو": 2, "تین": 3, "چار": 4,
    "أمس": 2, "yesterday": 2, "the day before": 2, "la veille": 2, "накануне": 2, "昨天": 2,
    "昨日": 2, "گزشتہ روز": 2, "کل": 2,
}  # fmt: skip


#: A verb of arrival right after a date: the day a delegation arrived, not the day it met
#: («بدھ کی شب اسلام آباد پہنچے», who arrived in Islamabad on Wednesday night).
_ARRIVAL = re.compile(r"(?i:\barriv\w*|прибы\w*)|پہنچ|وصل|وصول|抵达|抵")
#: How far after the date the verb may stand.
_ARRIVAL_WINDOW = 60


#: Where a date's clause ends.
_CLAUSE_END = re.compile(r"[.。۔!?،,]")


def _verb_in_clause(
    text: str, span: Span, verb: re.Pattern[str], window: int, *, before: bool = False
) -> bool:
    """Whether ``verb`` stands within ``window`` characters after the date at ``span`` (and
    before it, with ``before``), in the date's clause."""
    after = _CLAUSE_END.split(text[span.end : span.end + window])[0]
    if verb.search(text, span.end, span.end + len(after)):
        return True
    if not before:
        return False
    ahead = _CLAUSE_END.split(text[max(0, span.start - window) : span.start])[-1]
    return verb.search(text, span.start - len(ahead), span.start) is not None


def _dates_an_arrival(text: str, span: Span) -> bool:
    """Whether the date at ``span`` is when someone arrived: a verb of arrival follows it
    within _ARRIVAL_WINDOW characters, in its clause."""
    return _verb_in_clause(text, span, _ARRIVAL, _ARRIVAL_WINDOW)


#: A verb of opening next to a date: the date is the meeting's first day, not its last
#: («پیر کو شروع ہونے والے ... دو روزہ اجلاس», "which opened on Monday").
_OPENING_VERB = re.compile(
    r"(?i:\b(?:began|begun|opened|started|commenced|ouvert\w*|débuté\w*|entam\w*|начал\w*|"
    r"открыл\w*|стартовал\w*))|شروع|انطلق\w*|بدأ\w*|افتتح\w*|开幕|开始"
)
#: How far from the date the verb may stand.
_OPENING_WINDOW = 25


def _dates_an_opening(text: str, span: Span) -> bool:
    """Whether the date at ``span`` is when the meeting opened: a verb of opening stands
    within _OPENING_WINDOW characters of it, in its clause."""
    return _verb_in_clause(text, span, _OPENING_VERB, _OPENING_WINDOW, before=True)


def closed_after_days(
    text: str, start: int, end: int, others: Iterable[tuple[int, int]] = ()
) -> int:
    """How many days a meeting lasted, when the sentence says it ended (else 0) and it or
    one of the meeting's ``others`` sentences says how long it lasted ("ended after two
    days"; «اختتام پذیر ہو گیا ... اس دو روزہ اجلاس»): the date it writes is the last day,
    and the meeting is dated by its first."""
    if not _CLOSED.search(text, start, end):
        return 0
    for s, e in ((start, end), *others):
        match = _DAYS_LONG.search(text, s, e)
        if match is not None:
            word = next(g for g in match.groups() if g)
            return _DAY_COUNTS.get(" ".join(word.lower().split()), 0)
    return 0


def meeting_date(
    text: str,
    regions: Iterable[tuple[int, int]],
    *,
    language: str,
    reference: datetime.date | None,
    held: bool,
    ahead: bool = False,
) -> Found | None:
    """The date the meeting's own sentences give it: a written date in the body of a sentence
    first, then a weekday, then the dateline; never, for a held meeting, a day after the
    reference date. For a meeting still to come (``ahead``) a weekday or a date without a
    year is the next one ("will meet on Tuesday"), not the last."""
    candidates: list[Found] = []
    for start, end in regions:
        for f in dates_in(text, start, end, language=language, reference=reference, ahead=ahead):
            if held and reference is not None and f.value > reference.isoformat():
                continue
            if f not in candidates:
                candidates.append(f)
    ranked = sorted(
        enumerate(candidates),
        key=lambda item: (
            item[1].dateline,
            _dates_an_arrival(text, item[1].span),
            item[1].weekday_only,
            item[1].weekday_only and dates_a_report(text, item[1].span),
            item[0],
        ),
    )
    if ranked:
        found = ranked[0][1]
        region = next(((s, e) for s, e in regions if s <= found.span.start < e), None)
        days = 0
        if region:  # its length may be the next sentence's ("this two-day session")
            after = next_sentence(text, region[1])
            days = closed_after_days(text, *region, [*regions, *([after] if after else [])])
        if days > 1 and found.precision == "day" and not _dates_an_opening(text, found.span):
            first = datetime.date.fromisoformat(found.value) - datetime.timedelta(days=days - 1)
            return dataclasses.replace(found, value=first.isoformat())
        return found
    if held:  # no day written: the month the meeting's sentences name, if any
        for start, end in regions:
            months = months_in(text, start, end, language=language, reference=reference)
            if months:
                return months[0]
    return None
