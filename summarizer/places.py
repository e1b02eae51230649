"""Countries, regions and organisations an article says the meeting discussed, read by code
from the ORIGINAL text in any of the six languages.

A translation by the small local model loses these names or invents others ("politics;
religion" for a sentence about Afghanistan, Kashmir and Gaza), and they are the commonest kind
of topic in a bilateral meeting's record. A name counts when it stands in a sentence that says
something was discussed or reviewed (a cue in the sentence's language), and it is not one of
the meeting's own parties or its venue. The label is the English name; the evidence is the
exact span in the original.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pycountry

from summarizer import cldr, dating, normalize

#: English label | names in English, Arabic, French, Russian, Chinese and Urdu.
_REGION_TABLE = """
Middle East|Middle East;الشرق الأوسط;Moyen-Orient;Proche-Orient;Ближний Восток;中东;مشرق وسطیٰ
    مشرق وسطی
North Africa|North Africa;شمال أفريقيا;شمال إفريقيا;Afrique du Nord;Северная Африка;北非
    شمالی افریقہ
Central Asia|Central Asia;آسيا الوسطى;Asie centrale;Центральная Азия;中亚;وسطی ایشیا
South Asia|South Asia;جنوب آسيا;Asie du Sud;Южная Азия;南亚;جنوبی ایشیا
West Asia|West Asia;Western Asia;غرب آسيا;Западная Азия;西亚;مغربی ایشیا
Gaza|Gaza;Gaza Strip;غزة;قطاع غزة;bande de Gaza;Газа;сектор Газа;加沙;加沙地带;غزہ
West Bank|West Bank;الضفة الغربية;Cisjordanie;Западный берег;约旦河西岸
Kashmir|Kashmir;Jammu and Kashmir;كشمير;Cachemire;Кашмир;克什米尔;کشمیر;مقبوضہ کشمیر
Sahel|Sahel;الساحل الأفريقي;منطقة الساحل;Сахель;萨赫勒
Horn of Africa|Horn of Africa;القرن الأفريقي;Corne de l'Afrique;Африканский Рог;非洲之角
Great Lakes region|Great Lakes region;منطقة البحيرات العظمى;région des Grands Lacs
    Великих озёр;大湖地区
South China Sea|South China Sea;بحر الصين الجنوبي;mer de Chine méridionale
    Южно-Китайское море;南海;南中国海;بحیرہ جنوبی چین
Red Sea|Red Sea;البحر الأحمر;mer Rouge;Красное море;红海;بحیرہ احمر
Black Sea|Black Sea;البحر الأسود;mer Noire;Чёрное море;Черное море;黑海;بحیرہ اسود
Mediterranean|Mediterranean;البحر المتوسط;البحر الأبيض المتوسط;Méditerranée
    Средиземное море;Средиземноморье;地中海;بحیرہ روم
Korean Peninsula|Korean Peninsula;شبه الجزيرة الكورية;péninsule coréenne;Корейский полуостров
    朝鲜半岛
Indo-Pacific|Indo-Pacific;المحيطين الهندي والهادئ;Indo-Pacifique;Индо-Тихоокеанский регион
    印太;印度洋-太平洋;ہند بحرالکاہل
Balkans|Balkans;Western Balkans;البلقان;Balkans occidentaux;Балканы;巴尔干;بلقان
South Caucasus|South Caucasus;جنوب القوقاز;Caucase du Sud;Южный Кавказ;南高加索
Arctic|Arctic;القطب الشمالي;Arctique;Арктика;北极
Western Sahara|Western Sahara;الصحراء الغربية;Sahara occidental;Западная Сахара;西撒哈拉
Darfur|Darfur;دارفور;Дарфур;达尔富尔
Donbas|Donbas;Donbass;Донбасс;顿巴斯
Nagorno-Karabakh|Nagorno-Karabakh;Karabakh;ناغورنو كاراباخ;Haut-Karabakh;Нагорный Карабах
    Карабах;纳卡;纳戈尔诺-卡拉巴赫
"""

#: A sentence that says what the meeting discussed or reviewed, in any of the six languages.
_DISCUSSION_CUE = re.compile(
    r"(?i:\b(?:discuss\w*|exchang\w*\s+(?:of\s+)?(?:views|assessments|ideas|notes)|"
    r"review\w*|touched\s+(?:up)?on|situation|developments|briefed|focus\w*\s+on|"
    r"deliberat\w*|talks\s+covered|agenda|"
    r"discut\w*|évoqu\w*|abord\w*|échang\w*|examin\w*|passé\s+en\s+revue|"
    r"обсуд\w*|обсужд\w*|обмен\w*|рассмотр\w*|затронул\w*|ситуаци\w*))|"
    r"ناقش|مناقشة|بحث|تبادل|استعرض|تناول|تطرق|تباحث|الأوضاع|الوضع|التطورات|المستجدات|"
    r"تبادلہ\s+خیال|تبادلۂ\s+خیال|بات\s+چیت|گفتگو|جائزہ|زیر\s+بحث|صورتحال|صورت\s+حال|"
    r"讨论|交换意见|交换了意见|探讨|谈及|局势|形势|议题"
)

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_ARABIC_LETTERS = re.compile(r"[\u0600-\u06ff]")
_ARABIC_MARKS = re.compile(r"[\u064b-\u0652\u0670\u0640]")  # short vowels, shadda, tatweel
#: Russian case endings, longest first: "Афганистане", "Ближнем Востоке" -> the table's stem.
_RU_ENDING = re.compile(
    r"(?:ами|ями|ого|его|ому|ему|ий|ый|ая|яя|ой|ей|ом|ем|ам|ям|ах|ях|ую|юю|ия|ии|ию|ие|ье|"
    r"[аяоеиыуюьй])$"
)


def _stem(word: str) -> str:
    """A Russian word without its case ending; any other word as it is."""
    if (len(word) > 3 and "а" <= word[-1].lower() <= "я") or word.endswith("ё"):
        return _RU_ENDING.sub("", word)
    return word


def _key(words: list[str]) -> str:
    return " ".join(_stem(w) for w in words)


def _arabic_forms(word: str) -> list[str]:
    """An Arabic word and the word without an attached و / ف and ب / ل / ك ("واليمن")."""
    forms = [word]
    rest = word[1:] if word[:1] in "وف" and len(word) > 3 else word
    for candidate in (rest, rest[1:] if rest[:1] in "بلك" and len(rest) > 3 else rest):
        if candidate not in forms:
            forms.append(candidate)
    return forms


@dataclass(frozen=True)
class Place:
    """A name found in the text: its offsets, its English label, and its party code (None for
    a region)."""

    start: int
    end: int
    label: str
    code: str | None


def _rows(table: str) -> list[tuple[str, list[str]]]:
    return [(label, aliases.split(";")) for label, aliases in normalize.table_rows(table)]


@lru_cache(maxsize=1)
def _names() -> dict[str, tuple[str, str | None]]:
    """Every name -> (English label, party code or None for a region)."""
    names: dict[str, tuple[str, str | None]] = {}
    for label, aliases in _rows(_REGION_TABLE):
        for alias in aliases:
            names[alias] = (label, None)
    for code, (_name, written) in normalize.ORGANISATIONS.items():
        for alias in written:  # an organisation's topic label is its acronym ("G20")
            names.setdefault(alias, (code, code))
    for code, written in normalize.COUNTRY_ALIASES.items():
        for alias in written:
            names.setdefault(alias, (normalize.party_name(code), code))
    for translator in normalize.translators():
        for country in pycountry.countries:
            name = translator.gettext(country.name)
            names.setdefault(name, (normalize.party_name(country.alpha_3), country.alpha_3))
    # the CLDR's names, where pycountry's translations have none («ویتنام», Vietnam in Urdu)
    for alpha2, written in cldr.country_names().items():
        found = pycountry.countries.get(alpha_2=alpha2)
        if found is not None:
            for name in written:
                names.setdefault(name, (normalize.party_name(found.alpha_3), found.alpha_3))
    return names


@lru_cache(maxsize=1)
def _index() -> tuple[
    dict[str, tuple[str, str | None]], dict[str, int], list[tuple[str, str, str | None]]
]:
    """Word-key -> (label, code) for names written in words; each name's first word (stemmed)
    -> its most words; and the Chinese names, longest first, matched as substrings."""
    words: dict[str, tuple[str, str | None]] = {}
    firsts: dict[str, int] = {}
    chinese: list[tuple[str, str, str | None]] = []
    for name, value in _names().items():
        if _CJK.search(name):
            if len(name) >= 2:  # one character ("俄") is part of too many words
                chinese.append((name, *value))
            continue
        parts = _WORD.findall(_ARABIC_MARKS.sub("", name))
        if parts:
            words.setdefault(_key(parts), value)
            first = _stem(parts[0])
            firsts[first] = max(firsts.get(first, 0), len(parts))
    chinese.sort(key=lambda row: len(row[0]), reverse=True)
    return words, firsts, chinese


#: Urdu «مالی» is both Mali and "financial": the words after which it is the adjective
#: («مالی سال», fiscal year; «مالی امداد», financial aid).
_FINANCIAL_NOUNS = frozenset(
    {
        "سال", "امداد", "معاونت", "تعاون", "وسائل", "بحران", "شعبے", "شعبوں", "شعبہ", "مدد",
        "خسارے", "خسارہ", "استحکام", "نظم", "پالیسی", "ادارے", "اداروں", "منڈیوں", "لین",
    }
)  # fmt: skip


#: Arabic «المالي» / «المالية» ("the financial"): never Mali, who takes no article.
_ARABIC_FINANCIAL = frozenset({"المالي", "المالية", "والمالي", "والمالية"})


def financial(word: str, after: str) -> bool:
    """Whether ``word`` (followed by ``after``) is the adjective "financial", not Mali:
    Arabic «المالي», Urdu «مالی» before a noun such as «سال» (fiscal year)."""
    return word in _ARABIC_FINANCIAL or (word == "مالی" and after in _FINANCIAL_NOUNS)


def _financial(tokens: list[re.Match[str]], i: int, n: int) -> bool:
    """Whether the one word at tokens[i] is "financial" (``financial``)."""
    after = tokens[i + 1].group() if i + 1 < len(tokens) else ""
    return n == 1 and financial(tokens[i].group(), after)


def names_in(text: str, start: int, end: int) -> list[Place]:
    """Every country, organisation and region named in text[start:end], in text order."""
    return _names_in(text, start, end)


def _names_in(text: str, start: int, end: int) -> list[Place]:
    """Every name in text[start:end], longest first where they overlap."""
    index, firsts, chinese = _index()
    found: list[Place] = []
    tokens = list(_WORD.finditer(text, start, end))
    i = 0
    while i < len(tokens):
        word = tokens[i].group()
        arabic = _ARABIC_LETTERS.match(word)
        forms = _arabic_forms(_ARABIC_MARKS.sub("", word)) if arabic else [word]
        stems = [stem for stem in map(_stem, forms) if stem in firsts]
        longest = max((firsts[stem] for stem in stems), default=0)
        value = None
        for n in range(min(longest, len(tokens) - i), 0, -1):
            rest = [_stem(_ARABIC_MARKS.sub("", t.group())) for t in tokens[i + 1 : i + n]]
            value = next(
                (index[k] for k in (" ".join([s, *rest]) for s in stems) if k in index), None
            )
            if value is not None and _financial(tokens, i, n):
                value = None  # «مالی سال», the fiscal year, is not Mali
                break
            if value is not None:
                found.append(Place(tokens[i].start(), tokens[i + n - 1].end(), *value))
                i += n
                break
        if value is None:
            i += 1
    if _CJK.search(text, start, end):
        taken: list[tuple[int, int]] = []
        for name, label, code in chinese:
            at = text.find(name, start, end)
            while at != -1:
                if _in_a_foreign_name(text, at, at + len(name)):
                    at = text.find(name, at + len(name), end)
                    continue  # 马吉德·卡塔尔奈: a person, not Qatar
                if not any(s < at + len(name) and at < e for s, e in taken):
                    taken.append((at, at + len(name)))
                    found.append(Place(at, at + len(name), label, code))
                at = text.find(name, at + len(name), end)
        found.sort(key=lambda p: p.start)
    return found


#: The dot between the parts of a foreign name written in Chinese (马吉德·卡塔尔奈).
_NAME_DOT = "·・•"


def _in_a_foreign_name(text: str, start: int, end: int) -> bool:
    """Whether Chinese characters at [start, end) are part of a foreign person's name: a
    name's dot stands right before them."""
    return start > 0 and text[start - 1] in _NAME_DOT


def parties_named(text: str, start: int, end: int) -> list[Place]:
    """The countries and organisations named in text[start:end], each once, in text order."""
    seen: set[str] = set()
    found = []
    for place in _names_in(text, start, end):
        if place.code and place.code not in seen:
            seen.add(place.code)
            found.append(place)
    return found


def discussion_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of the text that says something was discussed."""
    return [(s, e) for s, e in dating.sentence_spans(text) if _DISCUSSION_CUE.search(text, s, e)]


def places_discussed(text: str, exclude: set[str]) -> list[Place]:
    """The countries, regions and organisations named in the text's discussion sentences, in
    order, each once; names whose code is in ``exclude`` (the parties, the venue's country)
    are left out."""
    out: list[Place] = []
    for start, end in discussion_sentences(text):
        for place in _names_in(text, start, end):
            if (place.code and place.code in exclude) or any(p.label == place.label for p in out):
                continue
            out.append(place)
    return out
