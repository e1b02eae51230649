"""Who led each delegation, read from the sentences of an Urdu original that say so.

Urdu reports name the heads in one formula: «پاکستانی وفد کی قیادت ایڈیشنل سیکرٹری … عمران
لطیف صدیقی نے کی، جبکہ ازبک وفد کی سربراہی … اکمل رستموف نے کی» ("the Pakistani delegation
was led by …, while the Uzbek delegation was headed by …"), or «یورپی یونین کی نمائندگی … نے
کی» ("… represented the EU"). The local model's translation often keeps one head and drops
the other. This module finds each clause, the side it names and the name in it: the last run
of words that are neither titles nor offices, as written (spelt in Latin by the caller).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from . import name_lexicon, normalize, romanize, titles

#: "<side> وفد کی قیادت|سربراہی <who> نے کی", "<side> کی جانب سے وفد کی سربراہی <who> نے کی"
#: (on Sri Lanka's side) and "<side> کی نمائندگی <who> نے کی".
_CLAUSE = re.compile(
    # a side of up to four words («بوسنیا و ہرزیگووینا کے», Bosnia and Herzegovina's)
    r"(?P<side>(?:[^\s،۔]+\s+){1,4}?)(?:کی\s+(?:جانب|طرف)\s+سے\s+)?"
    r"(?:وفد\s+کی\s+(?:قیادت|سربراہی)|کی\s+نمائندگی)\s+"
    r"(?P<who>[^۔]{3,200}?)\s*،?\s*نے\s+کی"
)
_PARENTHESES = re.compile(r"\([^)]*\)|（[^）]*）")
_WORD = re.compile(r"[^\s،,()（）]+")
#: Words of an office or a title, and joining words, never part of a name: those of
#: romanize.NOT_NAME, and these.
_NOT_NAME = frozenset(
    {
        "کا", "میں", "و", "امور", "وزارت", "خارجہ", "وزیراعظم", "اعظم", "سینیٹر", "اعلی", "اعلیٰ",
        "نمائندہ", "نمائندگی", "پالیسی", "سلامتی", "برائے", "جنرل", "ڈائریکٹر", "وفاقی",
        "مملکت", "صدر", "خصوصی", "ایلچی", "قومی", "ڈپٹی", "اسپیشل", "چیئرمین", "سربراہ",
        "کمشنر", "ہائی", "جبکہ", "بھی", "شعبہ", "ڈویژن", "محکمہ", "تجارت", "داخلہ", "دفاع",
        "توانائی", "انضمام", "صنعت", "سرمایہ", "کاری", "پیٹرولیم", "کابینہ", "اقتصادی",
        "کمیونٹی", "جانب", "سے", "ایشیا", "پیسیفک", "نائب", "سیکرٹری",
        # a desk after «برائے» («انڈر سیکرٹری برائے دوطرفہ تعلقات»: for bilateral relations)
        "دوطرفہ", "تعلقات", "انڈر", "ایڈیشنل",
        # portfolios and boards before a name («نائب وزیر ٹرانسپورٹ», «ریلوے بورڈ»)
        "ٹرانسپورٹ", "ریلوے", "ریلویز", "بورڈ", "مواصلات", "زراعت", "خزانہ", "تعلیم", "صحت",
        "منصوبہ", "بندی", "ترقی", "اطلاعات", "قانون", "ہوابازی", "بحری", "آبی", "وسائل",
    }
)  # fmt: skip


@dataclass(frozen=True)
class LedBy:
    """A head named in a "delegation led by" clause: the name's offsets and text in the
    original, and the words that name the side ("ازبک", "یورپی یونین")."""

    start: int
    end: int
    written: str
    side: str
    #: where the clause (or the part of a "chaired by X and Y" sentence) that names it starts
    part_start: int = 0


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    return frozenset(w for written, _english in titles.phrases() for w in written.split())


def _is_name_word(word: str) -> bool:
    return (
        word not in _NOT_NAME
        and not romanize.not_name(word)
        and word not in _title_words()
        and normalize.party_code(word) is None
        and normalize.city_info(word) is None
    )


def heads_led(text: str) -> list[LedBy]:
    """Every "delegation led by" clause of an Urdu text, with the name it gives."""
    found: list[LedBy] = []
    for clause in _CLAUSE.finditer(text):
        name = _last_name(text, *clause.span("who"))
        if name is not None:
            s, e = name
            found.append(LedBy(s, e, text[s:e], " ".join(clause.group("side").split())))
    return found


def _last_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(start, end) of the name in text[start:end]: the last run of two to four name words,
    in the last comma-separated segment that has one (brackets masked)."""
    masked = _PARENTHESES.sub(lambda m: " " * len(m.group()), text[start:end])
    for segment in reversed(list(re.finditer(r"[^،]+", masked))):
        words = list(_WORD.finditer(masked, segment.start(), segment.end()))
        run: list[re.Match[str]] = []
        for word in reversed(words):
            if _is_name_word(word.group()):
                run.insert(0, word)
            elif run:
                break
        if 2 <= len(run) <= 4:
            return start + run[0].start(), start + run[-1].end()
    return None


#: «اجلاس کی مشترکہ صدارت <first> اور <second> نے کی» ("co-chaired by ... and ...").
_URDU_COCHAIRED = re.compile(
    r"(?:مشترکہ\s+)?صدارت\s+(?P<first>[^۔]{3,200}?)\s+اور\s+(?P<second>[^۔]{3,200}?)\s*،?\s*نے\s+کی"
)
#: «سری لنکا کی جانب سے ... ارونا وکرما سنگھے نے اپنے ملک کی نمائندگی کی» ("on Sri Lanka's
#: behalf ... represented his country"), «ارجنٹائن کی جانب سے ... مارٹن ایچیوریا نے اپنے وفد کی
#: سربراہی کی» ("on Argentina's side ... led his delegation").
_URDU_ON_BEHALF = re.compile(
    r"(?P<side>(?:[^\s،۔]+\s+){1,2}?)کی\s+جانب\s+سے\s+(?P<who>[^۔]{3,200}?)\s+نے\s+"
    r"(?:(?:اپنے\s+ملک\s+کی\s+)?نمائندگی|(?:اپنے\s+)?وفد\s+کی\s+(?:سربراہی|قیادت))\s+کی"
)


def heads_cochaired_urdu(text: str) -> list[tuple[LedBy, str | None]]:
    """The heads an Urdu original names in a "co-chaired by X and Y" sentence, each with the
    party its part names («قازقستان کے نائب وزیر اعظم ...»), or None; and in an "on X's
    behalf ... represented" clause, with X's party."""
    found: list[tuple[LedBy, str | None]] = []
    for clause in _URDU_COCHAIRED.finditer(text):
        found += _pair(text, clause)
    for clause in _URDU_ON_BEHALF.finditer(text):
        name = _last_name(text, *clause.span("who"))
        if name is not None:
            side = " ".join(clause.group("side").split())
            s, e = name
            found.append((LedBy(s, e, text[s:e], side, clause.start()), side_code(side)))
    return found


#: «<who> نے ... <whom> سے ملاقات کی» ("<who> met <whom>"), a sentence of its own.
_URDU_MET = re.compile(
    r"(?:^|(?<=۔))\s*(?P<first>[^۔\n]{3,300}?)\s+نے\s+(?P<second>[^۔\n]{3,200}?)\s+سے\s+"
    r"(?:ایک\s+)?ملاقات\s+کی",
    re.M,
)
#: A relative clause set off by commas («، جو ... پہنچے تھے،», who had arrived ...).
_URDU_RELATIVE = re.compile(r"،\s*جو\s[^،۔]*،")


def heads_met_urdu(text: str) -> list[tuple[LedBy, str | None]]:
    """The two people an Urdu sentence says met («پرتگال کے وزیر خارجہ ژواؤ میگیل کاروالیو ...
    نے ... وزیر خارجہ محمد احسن ملک سے ملاقات کی»), each with the party its part names, or
    None; a relative clause about the first («، جو ... ،») is not read."""
    found: list[tuple[LedBy, str | None]] = []
    for sentence in _URDU_MET.finditer(text):
        found += _pair(text, sentence, _URDU_RELATIVE)
    return found


def _pair(
    text: str, clause: re.Match[str], unread: re.Pattern[str] | None = None
) -> list[tuple[LedBy, str | None]]:
    """The names in a clause's "first" and "second" parts (each the last run of name words,
    ``unread`` masked), each with the party its words name, or None; none unless both
    have a name."""
    pair: list[tuple[LedBy, str | None]] = []
    for group in ("first", "second"):
        start, end = clause.span(group)
        part = text[start:end]
        if unread is not None:
            part = unread.sub(lambda m: "،" + " " * (len(m.group()) - 1), part)
        name = _last_name(text[:start] + part, start, end)
        if name is None:
            return []
        words = text[start : name[0]].split()
        code = next((c for w in words if (c := side_code(w)) is not None), None)
        pair.append((LedBy(name[0], name[1], text[name[0] : name[1]], "", start), code))
    return pair


def side_code(side: str) -> str | None:
    """The party the words before «وفد» name: a country («پاکستان», «ایتھوپیا کے»), its
    adjective («پاکستانی», «برازیلی»: the country with «ی» taken off) or an organisation."""
    words = side.split()
    if words and words[-1] in ("کے", "کی", "کا"):  # «ایتھوپیا کے وفد»: Ethiopia's
        words = words[:-1]
    for size in range(len(words), 0, -1):
        phrase = " ".join(words[-size:])
        for candidate in (phrase, phrase[:-1] if phrase.endswith("ی") else None):
            if candidate:
                code = normalize.party_code(candidate) or _URDU_PEOPLES.get(candidate)
                if code:
                    return code
    return None


#: Urdu's short names of Central Asian peoples, which name their country's side («کرغز
#: جمہوریہ کے وزیر خارجہ», «ازبک وفد»). Read here only: normalize's table is what the
#: translation request's glossary is made from.
_URDU_PEOPLES = {
    "ازبک": "UZB", "تاجک": "TJK", "قازق": "KAZ", "کرغز": "KGZ", "کرغیز": "KGZ",
    "ترکمان": "TKM",
}  # fmt: skip


# ---- Arabic ------------------------------------------------------------------------------

#: «ترأس الجانب الأردني <title> <name>» / «ترأست الجانب التشيلي ...» / «ترأس وفد ...»: "the
#: Jordanian side was chaired by ...", up to the clause's comma or full stop.
_ARABIC_CLAUSE = re.compile(
    r"(?:ترأس|ترأست|يترأس|تترأس|رأس|رأست)\s+(?:الجانب|وفد)\s+(?P<side>[^\s،,.]+(?:\s+[^\s،,.]+)?)"
    # up to the clause's comma or full stop, or a "while" that starts the other side's clause
    # («... العتيبي فيما ترأس الجانب البنغلاديشي ...»)
    r"\s+(?P<who>(?:(?!\s(?:فيما|بينما|في\s+حين|و?ترأس\w*)\s)[^،,.\n]){3,200})"
)
#: Honorifics written right before a name: Mr, Mrs, Ambassador, His/Her Excellency, Dr...
_HONORIFICS = frozenset(
    {
        "السيد", "السيدة", "السفير", "السفيرة", "معالي", "سعادة", "فخامة", "سمو", "الدكتور",
        "الدكتورة", "الأستاذ", "الأستاذة", "المهندس", "المهندسة", "الشيخ", "الشيخة",
    }
)  # fmt: skip


#: Words of an Arabic clause that are never part of a name: prepositions, the meeting, honorifics
#: (romanize.NOT_NAME and the title table's words are the others).
_ARABIC_NOT_NAME = frozenset(
    {
        "في", "من", "عن", "على", "إلى", "الى", "مع", "لدى", "الاجتماع", "اللقاء", "المشاورات",
        "الجولة", "الحوار", "اللجنة", "الجانب", "وفد", "اللواء",
        "العميد", "الفريق", "كاتب", "الدولة", "وزارة", "الخارجية", "النائب",
        "الأول", "الأولى", "لوزير", "لوزيرة", "بوزارة", "بحكومة", "المساعد", "الوكيل", "الأمين",
        # offices and desks written after a name («الوكيلة الدائمة», «لشؤون آسيا»)
        "الوكيلة", "المديرة", "المدير", "الدائمة", "الدائم", "العامة", "العام", "لشؤون",
        "للشؤون", "شؤون", "آسيا", "أوروبا", "أفريقيا", "افريقيا", "الشرق", "الأوسط", "الخليج",
        "والخليج", "الآسيوية", "الأوروبية", "الأفريقية", "الأمريكتين", "العمال", "المهاجرين",
        "المغتربين", "السياسية", "الدبلوماسية", "الاقتصادية", "القنصلية", "لوزارة", "ونظيره",
        "نظيره", "ونظيرته", "نظيرته",
    }
) | _HONORIFICS  # fmt: skip


#: A preposition or "and" joined to the article («بال», «وال», «لل», «فال», «كال»): a
#: phrase's word, unless it spells a name people bear.
_ARABIC_JOINED_ARTICLE = ("بال", "وال", "لل", "فال", "كال")


def _arabic_name_word(word: str, after_name: bool = False) -> bool:
    """Whether a word may be part of a name; a city's name may be a surname after a given
    name («رودولفو ماكارايغ سانتياغو»: Santiago)."""
    bare = romanize.strip_marks(word)
    if bare.startswith(_ARABIC_JOINED_ARTICLE) and name_lexicon.attested_spelling(bare) is None:
        # «بالخارج», «والجالية»: "abroad", "and the community" (not «والتر», Walter)
        return False
    if bare.startswith("و") and not _arabic_name_word(bare[1:]):
        return False  # «والسيدة», "and Mrs": a joined "and" before a title
    return (
        bare not in _ARABIC_NOT_NAME
        and not romanize.not_name(bare)
        and bare not in _title_words()
        and normalize.party_code(bare) is None
        and (after_name or normalize.city_info(bare) is None)
    )


#: A minister's or a ministry's word: the words right after it are its portfolio, not a name
#: («وزير الطاقة والموارد المائية في جمهورية طاجيكستان دالير رحيم زاده»).
_MINISTER = re.compile(r"[وبل]?(?:وزير|وزيرة|وزارة|وزراء)")  # «الوزير X» is a name
#: A feminine adjective with the article («التحتية البحرية», "maritime infrastructure"): a
#: run of these alone is a phrase, not a name.
_ADJECTIVE = re.compile(r"ال\S+ي[ةه]")
#: A state's word: the words right after it name the country («بجمهورية جنوب إفريقيا»).
_STATE = re.compile(r"[وبل]?(?:ال)?(?:جمهورية|مملكة|دولة|سلطنة|إمارة)")


def _name_runs(text: str, start: int, end: int) -> list[list[re.Match[str]]]:
    """The runs of two to five consecutive words of text[start:end] that may be a name (not
    titles, offices, honorifics or joining words), in order."""
    runs: list[list[re.Match[str]]] = []
    run: list[re.Match[str]] = []
    before: str | None = None  # the word before the run
    for word in [*_WORD.finditer(text, start, end), None]:
        if (
            word is not None
            and _arabic_name_word(word.group(), bool(run))
            and not titles.title_starts(text, word.start())
        ):
            run.append(word)
            continue
        while len(run) > 2 and _ADJECTIVE.fullmatch(romanize.strip_marks(run[0].group())):
            before = run.pop(0).group()  # a title's last word («والثروة السمكية كينتارو ...»)
        if (
            2 <= len(run) <= 5
            and not (before and (_MINISTER.fullmatch(before) or _STATE.fullmatch(before)))
            and normalize.party_code(_joined(text, run)) is None  # «جنوب إفريقيا»
            and not all(_ADJECTIVE.fullmatch(romanize.strip_marks(w.group())) for w in run)
        ):
            runs.append(run)
        run = []
        before = word.group() if word is not None else None
    return runs


def heads_chaired(text: str) -> list[LedBy]:
    """Every "<side> was chaired by <title> <name>" clause of an Arabic text, with the name
    it gives: the first run of two to five words after the titles and honorifics that are
    not titles, offices or joining words («ترأس الجانب الأردني أمين عام وزارة الخارجية
    وشؤون المغتربين السفير نضال العبادي»: نضال العبادي)."""
    found: list[LedBy] = []
    for clause in _ARABIC_CLAUSE.finditer(text):
        start, end = clause.span("who")
        runs = _name_runs(text, start, end)
        side = " ".join(clause.group("side").split())
        code = arabic_side_code(side)
        # a side whose people have Arabic names: the first run with a word attested as one
        # of their names («الوحدة الوطنية», National Unity, is a government's, not a person)
        # a run an honorific opens («... والشؤون الخارجية السيد مامادو لامين ندياي», Mr) is
        # the name, over one inside the title's office («التكامل الأفريقي», African Integration)
        honoured = [r for r in runs if _after_honorific(text, r[0].start())]
        if code in romanize.NAME_COUNTRIES:
            chosen = next(
                (r for r in honoured + runs if romanize.any_attested(_joined(text, r), code)), None
            )
        else:
            chosen = next(iter(honoured or runs), None)
        if chosen:
            s, e = chosen[0].start(), chosen[-1].end()
            found.append(LedBy(s, e, text[s:e], side, clause.start()))
    return found


def _after_honorific(text: str, start: int) -> bool:
    """Whether the word before ``start`` is an honorific («السيد مامادو»)."""
    before = text[max(0, start - 20) : start].split()
    return bool(before) and romanize.strip_marks(before[-1]) in _HONORIFICS


def _joined(text: str, run: list[re.Match[str]]) -> str:
    return text[run[0].start() : run[-1].end()] if run else ""


def arabic_side_code(side: str) -> str | None:
    """The party an Arabic side's words name: a country («الأردن»), its adjective («الأردني»,
    «القطري», «التشيلي»: the country with «ال» or «ي» taken off; «القيرغيزي»: «ستان» put back)
    or an organisation («الاتحاد الأوروبي»)."""
    bare = romanize.strip_marks(side)
    words = bare.split()
    for size in range(len(words), 0, -1):
        phrase = " ".join(words[:size])
        candidates = [phrase]
        for form in (phrase, phrase[2:] if phrase.startswith("ال") else None):
            if form and form.endswith("ي"):
                # «القيرغيزي», «الأوزبكي»: a -stan country's people drop its «ستان»
                candidates += [form, form[:-1], form[:-1] + "ستان"]
            elif form:
                candidates.append(form)
        for candidate in candidates:
            code = normalize.party_code(candidate)
            if code:
                return code
    return None


#: «برئاسة <first>، و<second>» ("chaired by ... and ..."), «برئاسة مشتركة من ...», «ترأس
#: أشغال الدورة مناصفةً ...»: the two heads of one sentence, each with the words that may name
#: its side.
_ARABIC_COCHAIRED = re.compile(
    r"(?:برئاسة\s+(?:مشتركة\s+)?(?:من\s+)?"
    # «وترأس أشغال الدورة مناصفةً ...»: "the session was co-chaired by ..."
    r"|(?:ترأس|ترأست|رأس)\s+(?:(?:أشغال|أعمال)\s+)?(?:\S+\s+)?مناصفة[ًً]?\s+(?:بين\s+)?)"
    r"(?P<who>[^.\n]{3,400})"
)
#: Where the second head's part starts: after a comma, or at "and" joined to a title or an
#: honorific («ووكيل», «ونظيره», «ومعالي»).
_ARABIC_PART = re.compile(
    r"،\s*|\s+(?=و(?:نظير|وكيل|وزير|معالي|سعادة|السيد|السفير|المبعوث|مساعد|نائب))"
)
#: A part that names who attended, not who chaired («وبمشاركة السفير ...»).
_ATTENDED = re.compile(r"^(?:و?بمشاركة|و?بحضور)")


#: «أجرى <first> مباحثات ... مع <second>» ("X held talks with Y"): the two heads of the talks,
#: the second part up to its comma or full stop.
_ARABIC_TALKS = re.compile(
    r"(?:أجرى|اجرى|أجرت|اجرت|عقد|عقدت)\s+(?P<first>[^.\n،]{3,200}?)\s+(?:جلسة\s+)?"
    r"(?:مباحثات|محادثات)(?:\s+[^\s.\n،]+){0,3}?\s+مع\s+(?P<second>[^.\n،]{3,200})"
)


def heads_met_arabic(text: str) -> list[tuple[LedBy, str | None]]:
    """The two people an Arabic sentence says held talks («أجرى معالي السيد منذر بن هلال
    البوسعيدي وزير الخارجية أمس مباحثات رسمية مع معالي يرلان كوجاخمتوف نائب رئيس الوزراء ...»),
    each the first run of name words of its part, with the party its part names («وزير
    خارجية جمهورية كازاخستان»), or None; none unless both parts name someone."""
    found: list[tuple[LedBy, str | None]] = []
    for clause in _ARABIC_TALKS.finditer(text):
        pair: list[tuple[LedBy, str | None]] = []
        for group in ("first", "second"):
            start, end = clause.span(group)
            runs = _name_runs(text, start, end)
            if not runs:
                break
            s, e = runs[0][0].start(), runs[0][-1].end()
            words = [w.group() for w in _WORD.finditer(text, start, end)]
            code = next((c for w in words if (c := arabic_side_code(w)) is not None), None)
            pair.append((LedBy(s, e, text[s:e], "", start), code))
        if len(pair) == 2:
            found += pair
    return found


def _side_in(words: list[str]) -> str | None:
    """The first party some one to three words of a part name («جنوب إفريقيا», «الإندونيسية»)."""
    for i in range(len(words)):
        code = arabic_side_code(" ".join(words[i : i + 3]))
        if code is not None:
            return code
    return None


#: «استقبل <host> ... <guest>» ("X received Y"), up to the sentence's end.
_ARABIC_RECEIVED = re.compile(r"(?<!\w)و?(?:استقبل|استقبلت)\s+(?P<who>[^.\n]{10,400})")


def heads_received_arabic(text: str) -> list[tuple[LedBy, str | None]]:
    """The host and the guest of an Arabic "X received Y" sentence («استقبل الدكتور طارق ...،
    وزير الخارجية ...، السيد تورد هالفورسن، المبعوث الخاص لوزير الخارجية النرويجي»): the first
    two runs of name words an honorific opens, each with the party its part names (the host's
    part runs to the guest's name, the guest's to the sentence's end), or None; none unless
    both are named so."""
    found: list[tuple[LedBy, str | None]] = []
    for clause in _ARABIC_RECEIVED.finditer(text):
        start, end = clause.span("who")
        honoured = [r for r in _name_runs(text, start, end) if _after_honorific(text, r[0].start())]
        if len(honoured) < 2:
            continue
        host, guest = honoured[0], honoured[1]
        bounds = ((start, guest[0].start()), (guest[0].start(), end))
        for run, (part_start, part_end) in zip((host, guest), bounds, strict=True):
            s, e = run[0].start(), run[-1].end()
            words = [w.group() for w in _WORD.finditer(text, e, part_end)]
            found.append((LedBy(s, e, text[s:e], "", part_start), _side_in(words)))
    return found


def heads_cochaired(text: str) -> list[tuple[LedBy, str | None]]:
    """The two heads an Arabic "chaired by X and Y" sentence names (the first run of two to
    five name words of each part), each with the party its part names («في مملكة تايلند»,
    «الإندونيسية»), or None when its part names none."""
    found: list[tuple[LedBy, str | None]] = []
    for clause in _ARABIC_COCHAIRED.finditer(text):
        start, end = clause.span("who")
        bounds = [start, *(m.end() for m in _ARABIC_PART.finditer(text, start, end)), end]
        heads: list[tuple[LedBy, str | None]] = []
        title_words: list[str] = []  # a part of title alone, before its name's part
        title_start: int | None = None
        for part_start, part_end in itertools.pairwise(bounds):
            part = text[part_start:part_end]
            if _ATTENDED.match(part.strip()) or len(heads) == 2:
                break
            words = title_words + [w.group() for w in _WORD.finditer(text, part_start, part_end)]
            runs = _name_runs(text, part_start, part_end)
            if not runs:
                title_words, title_start = words, part_start
                continue
            # a run an honorific opens («... والمينائية الشيخ ولد سيدي محمد») is the name
            run = next((r for r in runs if _after_honorific(text, r[0].start())), runs[0])
            code = _side_in(words)
            s, e = run[0].start(), run[-1].end()
            # the part its title is in: «وزير ...، نور الدين بلقاسمي»
            heads.append((LedBy(s, e, text[s:e], "", title_start or part_start), code))
            title_words, title_start = [], None
        if len(heads) == 2:
            found += heads
    return found
