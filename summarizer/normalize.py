"""Normalisation of what the model read: party codes, cities, dates, languages, names, series.

Everything here is deterministic and offline. Country names come from pycountry (English names
and its gettext translations into Arabic, French, Russian, Chinese and Urdu); organisations,
common short forms, demonyms and a small gazetteer of diplomatic cities are tables below.
Lookups go through :func:`summarizer.grounding.normalize_text`, so Arabic alef, hamza,
diacritic and digit variants meet the same key.
"""

from __future__ import annotations

import datetime
import gettext
import itertools
import re
import threading
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

import pycountry
from anyascii import anyascii
from dateparser.date import DateDataParser
from dateparser.search import search_dates
from langdetect import DetectorFactory, LangDetectException, detect
from rapidfuzz import fuzz, process

from . import cldr
from .grounding import normalize_text

Precision = Literal["day", "month", "year", "unknown"]

# ---- keys -------------------------------------------------------------------------------

_PUNCT = re.compile(r"[^\w\s+]")
_SPACES = re.compile(r"\s+")
_PAREN = re.compile(r"\(([^)]*)\)")


_ELISION = re.compile(r"^(?:l|d|qu)'")


@lru_cache(maxsize=8192)
def _key(text: str) -> str:
    """A lookup key: normalised, punctuation to spaces (apostrophes dropped), one space."""
    norm = _ELISION.sub("", normalize_text(text)).replace("'", "")
    return _SPACES.sub(" ", _PUNCT.sub(" ", norm)).strip()


def _strip_article(key: str) -> str:
    for prefix in ("the ", "l ", "le ", "la ", "les "):
        if key.startswith(prefix) and len(key) > len(prefix) + 2:
            return key[len(prefix) :]
    return key


_ARABIC_CHAR = re.compile("[\u0600-\u06ff]")
_CYRILLIC_CHAR = re.compile("[\u0400-\u04ff]")


def is_arabic_script(text: str) -> bool:
    """Whether ``text`` has a letter of the Arabic script (Arabic, Urdu, Persian)."""
    return _ARABIC_CHAR.search(text) is not None


def _is_cyrillic(text: str) -> bool:
    return _CYRILLIC_CHAR.search(text) is not None


def _arabic_prefix_variants(key: str) -> list[str]:
    """The key with a clitic (و ف ب ل ك) and/or the article ال removed from its first word."""
    out = [key]
    if key.startswith("لل") and len(key) > 4:
        out.append("ال" + key[2:])
    if key[:1] in "وفبلك" and len(key) > 4:
        out.append(key[1:])
    for variant in list(out):
        if variant.startswith("ال") and len(variant) > 4:
            out.append(variant[2:])
    return out


def _arabic_nisba_variants(word: str) -> list[str]:
    """Country-name guesses for an adjective such as باكستاني / الروسية / پاکستانی."""
    if word.endswith("يه") and len(word) > 4:
        stem = word[:-2]
        return [stem, stem + "يا", stem + "ا"]
    if word.endswith("ي") and len(word) > 3:
        stem = word[:-1]
        return [stem, stem + "يا", stem + "ا", stem + "ه"]
    return []


_RU_ENDINGS = ("ами", "ому", "ом", "ой", "ей", "ем", "ы", "и", "а", "у", "е", "я", "ю")


def _cyrillic_variants(word: str) -> list[str]:
    """Nominative guesses for an inflected Russian country or city name (России -> Россия)."""
    out: list[str] = []
    adjective = re.match(r"^(\w+?)ск(?:ий|ая|ое|ой|ого|ую|ом|ие|их|ому)$", word)
    if adjective:
        stem = adjective.group(1)
        out += [stem, stem + "а", stem + "я", stem + "й", stem[:-1] + "я"]
    for ending in _RU_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)]
            out += [stem, stem + "а", stem + "я", stem + "й", stem + "ь"]
    return out


def _candidates(name: str) -> list[str]:
    """Keys to try for a name, most literal first."""
    key = _strip_article(_key(name))
    if not key:
        return []
    out = [key]
    if key.endswith(" s"):  # a possessive: "pakistan's" -> "pakistan s"
        out.append(key[:-2])
    # "Republic of Congo" is the Republic of the Congo (and the other way round)
    if " of the " in key:
        out.append(key.replace(" of the ", " of ", 1))
    elif " of " in key:
        out.append(key.replace(" of ", " of the ", 1))
    if is_arabic_script(key):
        for variant in _arabic_prefix_variants(key):
            out.append(variant)
            if " " not in variant:
                out += _arabic_nisba_variants(variant)
    elif _is_cyrillic(key):
        words = key.split(" ")
        out += [" ".join([*words[:-1], v]) for v in _cyrillic_variants(words[-1])]
    return list(dict.fromkeys(out))


# ---- organisations, short forms and demonyms ------------------------------------------------


def table_rows(table: str) -> list[list[str]]:
    """Rows of a "|"-separated table; an indented line continues the previous row's last cell."""
    rows: list[str] = []
    for line in table.strip("\n").splitlines():
        if line.startswith(" ") and rows:
            rows[-1] += ";" + line.strip()
        elif line.strip():
            rows.append(line.strip())
    return [row.split("|") for row in rows]


#: code | English name | names in English, Arabic, French, Russian, Chinese and Urdu.
_ORGANISATION_TABLE = """
EU|European Union|EU;European Union;EEAS;European External Action Service;European Commission
    Council of the European Union;E.U.;الاتحاد الأوروبي;Union européenne;UE;Европейский союз
    Евросоюз;ЕС;欧盟;欧洲联盟;یورپی یونین
UN|United Nations|UN;U.N.;United Nations;United Nations Organization;الأمم المتحدة
    منظمة الأمم المتحدة;Nations unies;ONU;Organisation des Nations unies
    Организация Объединённых Наций;ООН;联合国;اقوام متحدہ
NATO|North Atlantic Treaty Organization|NATO;North Atlantic Treaty Organization
    North Atlantic Treaty Organisation;حلف شمال الأطلسي;الناتو;حلف الناتو;OTAN;НАТО
    北约;北大西洋公约组织
    نیٹو
SCO|Shanghai Cooperation Organisation|SCO;Shanghai Cooperation Organisation
    Shanghai Cooperation Organization;منظمة شنغهاي للتعاون
    Organisation de coopération de Shanghai;OCS;ШОС;Шанхайская организация сотрудничества;上合组织
    上海合作组织;شنگھائی تعاون تنظیم
ASEAN|Association of Southeast Asian Nations|ASEAN;Association of Southeast Asian Nations
    Association of South-East Asian Nations;رابطة دول جنوب شرق آسيا;آسيان;ANASE;АСЕАН
    东盟;东南亚国家联盟
    آسیان
AU|African Union|AU;African Union;الاتحاد الأفريقي;الاتحاد الإفريقي;Union africaine;UA
    Африканский союз;非盟;非洲联盟;افریقی یونین
GCC|Gulf Cooperation Council|GCC;Gulf Cooperation Council
    Cooperation Council for the Arab States of the Gulf;مجلس التعاون الخليجي
    مجلس التعاون لدول الخليج العربية;Conseil de coopération du Golfe;CCG;ССАГПЗ
    Совет сотрудничества арабских государств Персидского залива;海合会;海湾阿拉伯国家合作委员会
    خلیج تعاون کونسل
OIC|Organisation of Islamic Cooperation|OIC;Organisation of Islamic Cooperation
    Organization of Islamic Cooperation;Organisation of the Islamic Conference
    منظمة التعاون الإسلامي;Organisation de la coopération islamique;OCI
    Организация исламского сотрудничества;ОИС;伊斯兰合作组织;اسلامی تعاون تنظیم;او آئی سی
OSCE|Organization for Security and Co-operation in Europe|OSCE
    Organization for Security and Co-operation in Europe
    Organisation for Security and Co-operation in Europe
    Organization for Security and Cooperation in Europe;منظمة الأمن والتعاون في أوروبا
    Organisation pour la sécurité et la coopération en Europe;ОБСЕ
    Организация по безопасности и сотрудничеству в Европе;欧安组织;欧洲安全与合作组织
BRICS|BRICS|BRICS;بريكس;مجموعة بريكس;БРИКС;金砖国家;برکس
G7|Group of Seven|G7;G-7;G 7;Group of Seven;مجموعة السبع;Большая семёрка;七国集团
G20|Group of Twenty|G20;G-20;G 20;Group of Twenty;مجموعة العشرين;Большая двадцатка;二十国集团
CIS|Commonwealth of Independent States|CIS;Commonwealth of Independent States
    رابطة الدول المستقلة;CEI;Communauté des États indépendants;СНГ
    Содружество Независимых Государств;独联体;独立国家联合体
CSTO|Collective Security Treaty Organization|CSTO;Collective Security Treaty Organization
    Collective Security Treaty Organisation;منظمة معاهدة الأمن الجماعي;OTSC;ОДКБ
    Организация Договора о коллективной безопасности;集安组织;集体安全条约组织
SAARC|South Asian Association for Regional Cooperation|SAARC
    South Asian Association for Regional Cooperation;رابطة جنوب آسيا للتعاون الإقليمي;سارك;СААРК
    南盟;南亚区域合作联盟;سارک
ECO|Economic Cooperation Organization|ECO;Economic Cooperation Organization
    Economic Cooperation Organisation;منظمة التعاون الاقتصادي
    Organisation de coopération économique;Организация экономического сотрудничества
    ОЭС;经济合作组织
    اقتصادی تعاون تنظیم
IAEA|International Atomic Energy Agency|IAEA;International Atomic Energy Agency
    الوكالة الدولية للطاقة الذرية;AIEA;Agence internationale de l'énergie atomique;МАГАТЭ
    国际原子能机构;بین الاقوامی جوہری توانائی ایجنسی
WTO|World Trade Organization|WTO;World Trade Organization;World Trade Organisation
    منظمة التجارة العالمية;OMC;Organisation mondiale du commerce;ВТО
    Всемирная торговая организация;世贸组织;世界贸易组织;عالمی تجارتی تنظیم
IMF|International Monetary Fund|IMF;International Monetary Fund;صندوق النقد الدولي;FMI
    Fonds monétaire international;МВФ;Международный валютный фонд;国际货币基金组织;آئی ایم ایف
    بین الاقوامی مالیاتی فنڈ
"""

ORGANISATIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    code: (name, tuple(aliases.split(";")))
    for code, name, aliases in table_rows(_ORGANISATION_TABLE)
}

#: Common English names where pycountry's differ ("Russian Federation" -> "Russia").
# fmt: off
SHORT_NAMES: dict[str, str] = {
    "RUS": "Russia", "IRN": "Iran", "SYR": "Syria", "KOR": "South Korea", "PRK": "North Korea",
    "GBR": "United Kingdom", "USA": "United States", "VNM": "Vietnam", "LAO": "Laos",
    "MDA": "Moldova", "BOL": "Bolivia", "VEN": "Venezuela", "TZA": "Tanzania", "CZE": "Czechia",
    "PSE": "Palestine", "XKX": "Kosovo", "TWN": "Taiwan", "BRN": "Brunei", "COD": "DR Congo",
    "COG": "Republic of the Congo", "VAT": "Vatican City", "FSM": "Micronesia",
    "CIV": "Côte d'Ivoire", "MKD": "North Macedonia", "SWZ": "Eswatini", "CPV": "Cabo Verde",
    "TLS": "Timor-Leste",
}
# fmt: on

#: alpha-3 | names pycountry lacks (short forms, demonyms, everyday names in other languages),
#: and corrections: pycountry's Arabic catalogue gives Moldova's short name as «المالديف», the
#: Maldives (these names win over the catalogues').
_COUNTRY_ALIAS_TABLE = """
RUS|Russia;Russian;Russians;روسيا;روس;Russie;Россия;РФ;俄罗斯;俄;российская федерация
PAK|Pakistan;Pakistani;Pakistanis;باكستان;باکستان;Пакистан;巴基斯坦;巴方;پاکستان
CHN|China;Chinese;PRC;الصين;Chine;Китай;中国;چین
USA|US;U.S.;USA;U.S.A.;America;American;United States of America;أمريكا;أميركا;الولايات المتحدة
    الولايات المتحدة الأمريكية;الولايات المتحدة الأميركية;États-Unis;Etats-Unis;США;Америка
    Соединённые Штаты;美国;امریکہ;امریکا;ریاستہائے متحدہ
GBR|UK;U.K.;Britain;Great Britain;British;بريطانيا;المملكة المتحدة;Royaume-Uni;Великобритания
    Британия;英国;برطانیہ
IND|India;Indian;الهند;Inde;Индия;印度;بھارت;ہندوستان
AFG|Afghanistan;Afghan;أفغانستان;Афганистан;阿富汗;افغانستان;أفغاني
IRN|Iran;Iranian;إيران;Iran;Иран;伊朗;ایران
TLS|East Timor;Timor Leste;Timorese
CPV|Cape Verde;Cape Verdean
SWZ|Swaziland
SYR|Syria;Syrian;سوريا;سورية;Syrie;Сирия;叙利亚;شام
TUR|Turkey;Türkiye;Turkiye;Turkish;تركيا;Turquie;Турция;土耳其;ترکی
KOR|South Korea;South Korean;Republic of Korea;ROK;كوريا الجنوبية;Corée du Sud
    Южная Корея;韩国
PRK|North Korea;North Korean;DPRK;كوريا الشمالية;Corée du Nord;Северная Корея;КНДР;朝鲜
ARE|UAE;U.A.E.;Emirates;Emirati;الإمارات;ОАЭ;阿联酋
SAU|Saudi Arabia;Saudi;KSA;السعودية;المملكة العربية السعودية;Arabie saoudite;Саудовская Аравия
    沙特;沙特阿拉伯;سعودی عرب
VNM|Vietnam;Vietnamese;فيتنام;Вьетнам;越南
LAO|Laos;Lao
MDA|Moldova
BOL|Bolivia
VEN|Venezuela
TZA|Tanzania
CZE|Czechia;Czech Republic;Czech
PSE|Palestine;State of Palestine;Palestinian;فلسطين;Палестина;فلسطین
XKX|Kosovo;Kosovar;كوسوفو;Косово;科索沃
TWN|Taiwan;Taiwanese
BRN|Brunei
CIV|Ivory Coast
COD|DR Congo;DRC;Democratic Republic of the Congo;Democratic Republic of Congo;RDC
    جمهورية الكونغو الديمقراطية;الكونغو الديمقراطية;刚果民主共和国;刚果（金）;刚果金;ДРК
    جمہوریہ کانگو;ڈی آر کانگو
COG|Republic of the Congo;Congo-Brazzaville;刚果（布）;刚果布
VAT|Vatican;Vatican City;Holy See
MKD|Macedonia;North Macedonia
MMR|Burma;Myanmar
NLD|Netherlands;Holland;Dutch
FRA|France;French;فرنسا;Франция;法国;فرانس
DEU|Germany;German;ألمانيا;Allemagne;Германия;德国;جرمنی
JPN|Japan;Japanese;اليابان;Япония;日本;جاپان
BEL|Belgium;Belgian;بلجيكا;Бельгия;比利时;بیلجیم
ITA|Italy;Italian;إيطاليا;Италия;意大利
ESP|Spain;Spanish;إسبانيا;Испания;西班牙
POL|Poland;Polish
UKR|Ukraine;Ukrainian;أوكرانيا;Украина;乌克兰;یوکرین
BLR|Belarus;Belarusian
KAZ|Kazakhstan;Kazakh;كازاخستان;Казахстан;哈萨克斯坦;قازقستان
UZB|Uzbekistan;Uzbek;أوزبكستان;Узбекистан;乌兹别克斯坦;ازبکستان
KGZ|Kyrgyzstan;Kyrgyz;Киргизия;Кыргызстан
TJK|Tajikistan;Tajik;طاجيكستان;Таджикистан;塔吉克斯坦;تاجکستان
TKM|Turkmenistan;Turkmen
AZE|Azerbaijan;Azerbaijani;Azeri
GEO|Georgia;Georgian
ARM|Armenia;Armenian
EGY|Egypt;Egyptian;مصر;Египет;埃及
ISR|Israel;Israeli;إسرائيل;Израиль;以色列;اسرائیل
QAT|Qatar;Qatari;قطر;Катар;卡塔尔
OMN|Oman;Omani
KWT|Kuwait;Kuwaiti
BHR|Bahrain;Bahraini
YEM|Yemen;Yemeni
JOR|Jordan;Jordanian
LBN|Lebanon;Lebanese
IRQ|Iraq;Iraqi;العراق;Ирак;伊拉克;عراق
LBY|Libya;Libyan
SDN|Sudan;Sudanese
MAR|Morocco;Moroccan
DZA|Algeria;Algerian
TUN|Tunisia;Tunisian;تیونس
BGD|Bangladesh;Bangladeshi;بنغلاديش;Бангладеш;孟加拉国;بنگلہ دیش
LKA|Sri Lanka;Sri Lankan;سری لنکا
NPL|Nepal;Nepali;Nepalese;نیپال
IDN|Indonesia;Indonesian
MYS|Malaysia;Malaysian
THA|Thailand;Thai;تايلند
PHL|Philippines;the Philippines;Filipino;Philippine
SGP|Singapore;Singaporean
AUS|Australia;Australian
NZL|New Zealand
CAN|Canada;Canadian
MEX|Mexico;Mexican
BRA|Brazil;Brazilian
ARG|Argentina;Argentine;Argentinian
ZAF|South Africa;South African
NGA|Nigeria;Nigerian
KEN|Kenya;Kenyan
ETH|Ethiopia;Ethiopian
SWE|Sweden;Swedish
NOR|Norway;Norwegian
DNK|Denmark;Danish
FIN|Finland;Finnish
CHE|Switzerland;Swiss
AUT|Austria;Austrian
GRC|Greece;Greek
PRT|Portugal;Portuguese
IRL|Ireland;Irish
HUN|Hungary;Hungarian
ROU|Romania;Romanian
MDV|Maldives;Maldivian;المالديف;مالديف
"""

COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    code: tuple(aliases.split(";")) for code, aliases in table_rows(_COUNTRY_ALIAS_TABLE)
}

_GETTEXT_LANGUAGES = ("ar", "fr", "ru", "zh_CN", "ur")


def _country_names(country: Any) -> list[str]:
    return [
        str(getattr(country, attr))
        for attr in ("name", "official_name", "common_name")
        if getattr(country, attr, None)
    ]


def _comma_forms(name: str) -> tuple[str, str] | None:
    """The reordered and the leading part of an inverted name ("Russie, Fédération de")."""
    parts = re.split(r"\s*[,،]\s*", name, maxsplit=1)
    if len(parts) != 2 or not parts[1]:
        return None
    return f"{parts[1]} {parts[0]}", parts[0]


def translators() -> list[gettext.NullTranslations]:
    """pycountry's translations of country names (iso3166-1) into the languages the tool
    reads, after a pass-through one for English (a language whose catalogue is missing is
    left out)."""
    out: list[gettext.NullTranslations] = [gettext.NullTranslations()]
    for language in _GETTEXT_LANGUAGES:
        try:
            out.append(
                gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
            )
        except OSError:
            continue
    return out


def _index_keys(name: str) -> list[str]:
    """The keys a name is indexed under: itself, and without the Arabic article ال."""
    key = _strip_article(_key(name))
    if not key:
        return []
    if is_arabic_script(key) and key.startswith("ال") and len(key) > 4:
        return [key, key[2:]]
    return [key]


def _add(index: dict[str, set[str]], name: str, code: str) -> None:
    for key in _index_keys(name):
        index.setdefault(key, set()).add(code)


def _unique(index: dict[str, set[str]]) -> dict[str, str]:
    return {key: next(iter(codes)) for key, codes in index.items() if len(codes) == 1}


@lru_cache(maxsize=1)
def _party_index() -> tuple[dict[str, str], tuple[str, ...]]:
    """Key -> code, and the Latin keys fuzzy matching may use."""
    primary: dict[str, set[str]] = {}
    derived: dict[str, set[str]] = {}
    for translator in translators():
        for country in pycountry.countries:
            for name in _country_names(country):
                translated = translator.gettext(name)
                _add(primary, translated, country.alpha_3)
                forms = _comma_forms(translated)
                if forms:
                    _add(primary, forms[0], country.alpha_3)
                    _add(derived, forms[1], country.alpha_3)
    for alpha2, names in cldr.country_names().items():
        found = pycountry.countries.get(alpha_2=alpha2)
        if found is not None:
            for name in names:
                _add(primary, name, found.alpha_3)
    index = _unique(derived)
    index.update(_unique(primary))
    manual = [(c, n) for c, names in COUNTRY_ALIASES.items() for n in names]
    manual += [(c, n) for c, (_, names) in ORGANISATIONS.items() for n in names]
    for code, name in manual:
        for key in _index_keys(name):
            index[key] = code
    fuzzy_keys = tuple(k for k in index if len(k) >= 6 and k.isascii())
    return index, fuzzy_keys


def _alpha3(name: str) -> str | None:
    stripped = name.strip()
    if re.fullmatch(r"[A-Z]{2,5}\d{0,2}", stripped):
        if stripped in ORGANISATIONS or stripped == "XKX":
            return stripped
        if len(stripped) == 3 and pycountry.countries.get(alpha_3=stripped) is not None:
            return stripped
    return None


@lru_cache(maxsize=8192)
def _lookup_party(name: str, *, fuzzy: bool) -> str | None:
    """The code of a party name (memoised: the tables are fixed once built)."""
    code = _alpha3(name)
    if code:
        return code
    index = _party_index()[0]
    candidates = _candidates(name)
    for key in candidates:
        if key in index:
            return index[key]
    if fuzzy and candidates and len(candidates[0]) >= 6 and candidates[0].isascii():
        best = _fuzzy_match(candidates[0], "parties")
        if best is not None:
            return index[best]
    return None


#: The smallest fuzz.ratio a fuzzy lookup accepts.
FUZZY_CUTOFF = 90


@lru_cache(maxsize=512)
def _fuzzy_keys(
    table: Literal["parties", "cities", "glossary cities"], length: int
) -> tuple[str, ...]:
    """The keys of ``table`` fuzzy matching may use, in table order, that a name of ``length``
    characters can reach: fuzz.ratio is 100 * (1 - indel distance / summed lengths), and the
    distance is at least the difference in length, so a key whose length differs by more
    than a tenth of the summed lengths scores under FUZZY_CUTOFF."""
    keys = _party_index()[1] if table == "parties" else _latin_city_keys(table == "cities")
    slack = 100 - FUZZY_CUTOFF
    return tuple(k for k in keys if 100 * abs(len(k) - length) <= slack * (len(k) + length))


def _fuzzy_match(key: str, table: Literal["parties", "cities", "glossary cities"]) -> str | None:
    """The first key of ``table`` most like ``key`` (fuzz.ratio >= FUZZY_CUTOFF), or None:
    what rapidfuzz's extractOne finds among all the table's keys (ties go to the first)."""
    keys = _fuzzy_keys(table, len(key))
    best = process.extractOne(key, keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
    return None if best is None else str(best[0])


def english_list(words: Sequence[str]) -> str:
    """Words listed in English: "A", "A and B", "A, B and C" ("" for none)."""
    return ", ".join(words[:-1]) + " and " + words[-1] if len(words) > 1 else "".join(words)


def party_code(name: str) -> str | None:
    """ISO 3166-1 alpha-3 for a country, or an acronym for an organisation (EU, UN, SCO...)."""
    if not name or not name.strip():
        return None
    code = _lookup_party(_PAREN.sub(" ", name), fuzzy=True)
    if code is None:
        for inner in _PAREN.findall(name):
            code = _lookup_party(inner, fuzzy=False)
            if code:
                break
    return code


def party_name(code: str) -> str:
    """Canonical English name for a party code ("RUS" -> "Russia", "EU" -> "European Union")."""
    upper = code.strip().upper()
    if upper in ORGANISATIONS:
        return ORGANISATIONS[upper][0]
    if upper in SHORT_NAMES:
        return SHORT_NAMES[upper]
    country = pycountry.countries.get(alpha_3=upper)
    if country is None:
        return code
    return str(getattr(country, "common_name", None) or country.name)


# ---- cities -------------------------------------------------------------------------------

#: English name | alpha-3 (or "" when disputed) | other names (Arabic, French, Russian, Chinese,
#: Urdu, other spellings), separated by ";". One line per city, so a review reads it as a table.
_CITY_TABLE = """
Brussels|BEL|Bruxelles;Brussel;بروكسل;Брюссель;布鲁塞尔;برسلز
Geneva|CHE|Genève;Genf;جنيف;Женева;日内瓦;جنیوا
New York|USA|New York City;NYC;نيويورك;Нью-Йорк;纽约;نیویارک
Vienna|AUT|Wien;Vienne;فيينا;Вена;维也纳;ویانا
Strasbourg|FRA|Straßburg;ستراسبورغ;Страсбург;斯特拉斯堡
Islamabad|PAK|إسلام آباد;اسلام آباد;Исламабад;伊斯兰堡
Karachi|PAK|كراتشي;Карачи;卡拉奇;کراچی
Lahore|PAK|لاهور;Лахор;拉合尔;لاہور
Rawalpindi|PAK|راولبندي;Равалпинди;拉瓦尔品第;راولپنڈی
Peshawar|PAK|بيشاور;Пешавар;白沙瓦;پشاور
Quetta|PAK|كويتا;Кветта;奎达;کوئٹہ
Kabul|AFG|كابل;Кабул;喀布尔;کابل
Tehran|IRN|Teheran;Téhéran;طهران;Тегеран;德黑兰;تہران
Doha|QAT|الدوحة;Доха;多哈;دوحہ
Riyadh|SAU|Riyad;الرياض;Эр-Рияд;利雅得;ریاض
Jeddah|SAU|Jidda;Djeddah;جدة;Джидда;吉达;جدہ
Abu Dhabi|ARE|أبوظبي;أبو ظبي;Абу-Даби;阿布扎比;ابوظہبی
Dubai|ARE|Dubaï;دبي;Дубай;迪拜;دبئی
Muscat|OMN|Mascate;مسقط;Маскат;马斯喀特
Kuwait City|KWT|مدينة الكويت;Эль-Кувейт;科威特城
Manama|BHR|المنامة;Манама;麦纳麦
Sanaa|YEM|Sana'a;صنعاء;Сана;萨那
Ankara|TUR|أنقرة;Анкара;安卡拉;انقرہ
Istanbul|TUR|İstanbul;إسطنبول;Стамбул;伊斯坦布尔;استنبول
Moscow|RUS|Moscou;Moskau;موسكو;Москва;莫斯科;ماسکو
St Petersburg|RUS|Saint Petersburg;St. Petersburg;Saint-Pétersbourg;سانت بطرسبرغ
    Санкт-Петербург;圣彼得堡
Sochi|RUS|سوتشي;Сочи;索契
Kazan|RUS|قازان;Казань;喀山
Beijing|CHN|Peking;Pékin;بكين;Пекин;北京;بیجنگ
Shanghai|CHN|شنغهاي;Шанхай;上海;شنگھائی
Tianjin|CHN|تيانجين;Тяньцзинь;天津
Tashkent|UZB|Tachkent;طشقند;Ташкент;塔什干;تاشقند
Samarkand|UZB|سمرقند;Самарканд;撒马尔罕
Astana|KAZ|Nur-Sultan;أستانا;Астана;阿斯塔纳;آستانہ
Almaty|KAZ|ألماتي;Алматы;阿拉木图
Bishkek|KGZ|بيشكيك;Бишкек;比什凯克
Dushanbe|TJK|دوشنبه;Душанбе;杜尚别;دوشنبے
Ashgabat|TKM|Ashkhabad;عشق آباد;Ашхабад;阿什哈巴德
Baku|AZE|Bakou;باكو;Баку;巴库;باکو
Tbilisi|GEO|Tbilissi;تبليسي;Тбилиси;第比利斯
Yerevan|ARM|Erevan;يريفان;Ереван;埃里温
Minsk|BLR|مينسك;Минск;明斯克
Kyiv|UKR|Kiev;كييف;Киев;Київ;基辅;کیف
Warsaw|POL|Varsovie;Warszawa;وارسو;Варшава;华沙
Berlin|DEU|برلين;Берлин;柏林;برلن
Munich|DEU|München;ميونخ;Мюнхен;慕尼黑
Paris|FRA|باريس;Париж;巴黎;پیرس
London|GBR|Londres;لندن;Лондон;伦敦
Rome|ITA|Roma;روما;Рим;罗马
Madrid|ESP|مدريد;Мадрид;马德里
Lisbon|PRT|Lisboa;Lisbonne;لشبونة;Лиссабон;里斯本
The Hague|NLD|Hague;Den Haag;La Haye;لاهاي;Гаага;海牙
Amsterdam|NLD|أمستردام;Амстердам;阿姆斯特丹
Bern|CHE|Berne;برن;Берн;伯尔尼
Davos|CHE|دافوس;Давос;达沃斯
Stockholm|SWE|ستوكهولم;Стокгольм;斯德哥尔摩
Oslo|NOR|أوسلو;Осло;奥斯陆
Copenhagen|DNK|Copenhague;København;كوبنهاغن;Копенгаген;哥本哈根
Helsinki|FIN|هلسنكي;Хельсинки;赫尔辛基
Athens|GRC|Athènes;أثينا;Афины;雅典
Budapest|HUN|بودابست;Будапешт;布达佩斯
Prague|CZE|Praha;براغ;Прага;布拉格
Bucharest|ROU|Bucarest;بوخارست;Бухарест;布加勒斯特
Dublin|IRL|دبلن;Дублин;都柏林
Tokyo|JPN|طوكيو;Токио;东京;ٹوکیو
Seoul|KOR|Séoul;سيول;Сеул;首尔
New Delhi|IND|Delhi;نيودلهي;نيو دلهي;Нью-Дели;新德里;نئی دہلی
Mumbai|IND|Bombay;مومباي;Мумбаи;孟买;ممبئی
Dhaka|BGD|Dacca;دكا;Дакка;达卡;ڈھاکہ
Colombo|LKA|كولومبو;Коломбо;科伦坡;کولمبو
Kathmandu|NPL|كاتماندو;Катманду;加德满都;کٹھمنڈو
Bangkok|THA|بانكوك;Бангкок;曼谷;بنکاک
Jakarta|IDN|جاكرتا;Джакарта;雅加达
Kuala Lumpur|MYS|كوالالمبور;Куала-Лумпур;吉隆坡;کوالالمپور
Singapore|SGP|Singapour;سنغافورة;Сингапур;新加坡;سنگاپور
Manila|PHL|مانيلا;Манила;马尼拉
Hanoi|VNM|Hà Nội;هانوي;Ханой;河内
Canberra|AUS|كانبرا;Канберра;堪培拉
Wellington|NZL|ويلينغتون;Веллингтон;惠灵顿
Ottawa|CAN|أوتاوا;Оттава;渥太华
Washington|USA|Washington DC;Washington D.C.;واشنطن;Вашингтон;华盛顿;واشنگٹن
Mexico City|MEX|Ciudad de México;مكسيكو سيتي;Мехико;墨西哥城
Brasilia|BRA|Brasília;برازيليا;Бразилиа;巴西利亚
Buenos Aires|ARG|بوينس آيرس;Буэнос-Айрес;布宜诺斯艾利斯
Pretoria|ZAF|بريتوريا;Претория;比勒陀利亚
Johannesburg|ZAF|جوهانسبرغ;Йоханнесбург;约翰内斯堡
Nairobi|KEN|نيروبي;Найроби;内罗毕
Addis Ababa|ETH|Addis-Abeba;أديس أبابا;Аддис-Абеба;亚的斯亚贝巴
Cairo|EGY|Le Caire;القاهرة;Каир;开罗;قاہرہ
Sharm el-Sheikh|EGY|Sharm El Sheikh;شرم الشيخ;Шарм-эш-Шейх;沙姆沙伊赫
Rabat|MAR|الرباط;Рабат;拉巴特
Algiers|DZA|Alger;الجزائر العاصمة;阿尔及尔
Tunis|TUN|
Amman|JOR|Амман;安曼
Beirut|LBN|Beyrouth;بيروت;Бейрут;贝鲁特;بیروت
Damascus|SYR|Damas;دمشق;Дамаск;大马士革
Baghdad|IRQ|بغداد;Багдад;巴格达
Tripoli|LBY|طرابلس;Триполи;的黎波里
Khartoum|SDN|الخرطوم;Хартум;喀土穆
Jerusalem||القدس;Иерусалим;耶路撒冷;یروشلم
Tel Aviv|ISR|تل أبيب;Тель-Авив;特拉维夫
Ramallah|PSE|رام الله;Рамалла;拉姆安拉
"""

#: More capitals, read by code-side checks only. The translation prompt's glossary of names
#: (translation.glossary) still uses _CITY_TABLE alone: it is part of the recorded model
#: requests, so merge these rows into _CITY_TABLE when the cassettes are next re-recorded.
_MORE_CITIES = """
Phuket|THA|بوكيت;Пхукет;普吉;پھوکٹ
Boao|CHN|بواو;Боао;博鳌
Nusa Dua|IDN|نوسا دوا;Нуса-Дуа;努沙杜瓦
Langkawi|MYS|لنكاوي;Лангкави;兰卡威
Jeju|KOR|جيجو;Чеджу;济州
Luang Prabang|LAO|لوانغ برابانغ;Луангпхабанг;琅勃拉邦
Cholpon-Ata|KGZ|تشولبون آتا;Чолпон-Ата;乔尔蓬阿塔
Burabay|KAZ|Borovoe;بوراباي;Бурабай;布拉拜
Awaza|TKM|أوازا;Аваза;阿瓦扎
Gabala|AZE|Qabala;قبالا;Габала;加巴拉
Bodrum|TUR|بودروم;Бодрум;博德鲁姆
Yalta|UKR|يالطا;Ялта;雅尔塔
Ohrid|MKD|أوهريد;Охрид;奥赫里德
Dubrovnik|HRV|دوبروفنيك;Дубровник;杜布罗夫尼克
Montreux|CHE|مونترو;Монтрё;蒙特勒
The Hague|NLD|دی ہیگ
Port-Vila|VUT|Port Vila;维拉港;بورت فيلا
Ulaanbaatar|MNG|Ulan Bator;Ulan-Bator;Oulan-Bator;Улан-Батор;乌兰巴托;أولان باتور;اولان باتور
Nouakchott|MRT|نواكشوط;Нуакшот;努瓦克肖特
Dakar|SEN|داكار;Дакар;达喀尔;ڈاکار
Kinshasa|COD|كينشاسا;Киншаса;金沙萨
Bamako|MLI|باماكو;Бамако;巴马科
Niamey|NER|نيامي;Ниамей;尼亚美
Ouagadougou|BFA|واغادوغو;Уагадугу;瓦加杜古
Abuja|NGA|أبوجا;Абуджа;阿布贾
Accra|GHA|أكرا;Аккра;阿克拉
Abidjan|CIV|أبيدجان;Абиджан;阿比让
Luanda|AGO|لواندا;Луанда;罗安达
Kigali|RWA|كيغالي;Кигали;基加利
Kampala|UGA|كمبالا;Кампала;坎帕拉
Dar es Salaam|TZA|Dar-es-Salaam;دار السلام;Дар-эс-Салам;达累斯萨拉姆
Mogadishu|SOM|Mogadiscio;مقديشو;Могадишо;摩加迪沙
Djibouti|DJI|جيبوتي;Джибути;吉布提
Maputo|MOZ|مابوتو;Мапуту;马普托
Harare|ZWE|هراري;Хараре;哈拉雷
Luxembourg|LUX|لوكسمبورغ;Люксембург;卢森堡
Vilnius|LTU|فيلنيوس;Вильнюс;维尔纽斯
Riga|LVA|ريغا;Рига;里加
Tallinn|EST|تالين;Таллин;塔林
Sofia|BGR|صوفيا;София;索非亚
Belgrade|SRB|Beograd;بلغراد;Белград;贝尔格莱德
Zagreb|HRV|زغرب;Загреб;萨格勒布
Bratislava|SVK|براتيسلافا;Братислава;布拉迪斯拉发
Ljubljana|SVN|ليوبليانا;Любляна;卢布尔雅那
Nicosia|CYP|Nicosie;نيقوسيا;Никосия;尼科西亚
Valletta|MLT|فاليتا;Валлетта;瓦莱塔
Chisinau|MDA|Chișinău;كيشيناو;Кишинёв;Кишинев;基希讷乌
Phnom Penh|KHM|بنوم بنه;Пномпень;金边
Vientiane|LAO|فينتيان;Вьентьян;万象
Naypyidaw|MMR|Nay Pyi Taw;نايبيداو;Нейпьидо;内比都
Yangon|MMR|Rangoon;يانغون;Янгон;仰光
Santiago|CHL|سانتياغو;Сантьяго;圣地亚哥
Lima|PER|ليما;Лима;利马
Bogotá|COL|Bogota;بوغوتا;Богота;波哥大
Havana|CUB|La Havane;هافانا;Гавана;哈瓦那
Putrajaya|MYS|بوتراجايا;پتراجایا;پُتراجایا;Путраджая;布城;布特拉再也
Siem Reap|KHM|سييم ريب;Сиемреап;Сием Реап;暹粒
"""


def _city_rows(extended: bool, *, big: bool = False) -> list[list[str]]:
    """The city tables: _CITY_TABLE (the translation glossary's), with ``extended`` also
    _MORE_CITIES and every country's capital (gazetteer.py), with ``big`` also the other
    large cities. A row found earlier wins a name two rows share."""
    if not extended:
        return table_rows(_CITY_TABLE)
    from . import gazetteer

    rows = table_rows(_CITY_TABLE) + table_rows(_MORE_CITIES) + gazetteer.capital_rows()
    return rows + gazetteer.big_city_rows() if big else rows


@lru_cache(maxsize=64)
def known_cities_of(code: str) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """The cities of the tables (hand-kept, capitals, big cities) in the country with alpha-3
    ``code``: (English name, code, other names)."""
    with _CITY_LOCK:
        rows = _city_rows(True, big=True)
    return tuple(
        (row[0], row[1], tuple(n for n in row[2].split(";") if n) if len(row) > 2 else ())
        for row in rows
        if row[1] == code
    )


#: The city index and pattern are built once, under this lock (a batch's workers all need
#: them on their first article).
_CITY_LOCK = threading.RLock()


def _city_index(extended: bool = True) -> dict[str, tuple[str, str | None]]:
    with _CITY_LOCK:
        return _build_city_index(extended)


def _city_pattern() -> re.Pattern[str]:
    with _CITY_LOCK:
        return _build_city_pattern()


def _latin_city_keys(extended: bool) -> tuple[str, ...]:
    """The ASCII keys of the city index, in index order: what fuzzy matching may use."""
    with _CITY_LOCK:
        return _build_latin_city_keys(extended)


@lru_cache(maxsize=2)
def _build_latin_city_keys(extended: bool) -> tuple[str, ...]:
    return tuple(k for k in _build_city_index(extended) if k.isascii())


#: Arabic-script names GeoNames gives cities that are common words, as index keys: "white"
#: (El Obeid; «البيت الأبيض», the White House), "island" (Algiers; «الجزيرة»), "year"
#: (Sanandaj; «السنة المقبلة»), "and in" (Alofi), "without" (Jerusalem).
_COMMON_WORD_KEYS = frozenset(
    {"ابيض", "الابيض", "ابي", "الابي", "جزيره", "الجزيره", "سنه", "السنه", "سن", "وفي", "بلا"}
)


def _indexable(key: str, hand_kept: bool) -> bool:
    """Whether a gazetteer name's key may stand for its city: not a common word, and in
    Arabic script at least four letters (the hand-kept tables' names always may)."""
    if hand_kept:
        return True
    if key in _COMMON_WORD_KEYS:
        return False
    return not is_arabic_script(key) or len(key.replace(" ", "")) >= 4


@lru_cache(maxsize=2)
def _build_city_index(extended: bool = True) -> dict[str, tuple[str, str | None]]:
    index: dict[str, tuple[str, str | None]] = {}
    # the rows before this come from the hand-kept tables (all of them, when not extended)
    hand_kept = len(table_rows(_CITY_TABLE)) + len(table_rows(_MORE_CITIES))
    for row, (english, code, others) in enumerate(_city_rows(extended, big=extended)):
        entry = (english, code or None)
        names = [english, *filter(None, others.split(";"))]
        for name in [*names, *map(_folded, names)] if extended else names:
            for key in _index_keys(name):
                if _indexable(key, row < hand_kept):
                    index.setdefault(key, entry)
    return index


def _folded(name: str) -> str:
    """A Latin name without its diacritics, as English texts often write it ("Iaşi" ->
    "Iasi"); any other name unchanged."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return bare if bare.isascii() else name


#: Case endings Russian adds to a name («в Москве», «Ташкенте»), and those that replace its
#: last «й», «а», «я» («в Ханое», «в Праге», «в Бухаре»).
_RU_ADDED_ENDING = r"(?:е|а|у|ом|ы)"
_RU_REPLACING_ENDING = r"(?:е|и|у|ю|ой|ей|ем|ом)"


def inflected_alternation(names: Iterable[str], *, stem_min: int = 4) -> str:
    """A regular expression matching any of ``names`` as Russian writes it in a sentence:
    with an ending added, or, for a name of ``stem_min`` letters or more ending in «й», «а»
    or «я», with that letter replaced by an ending (lower case: compile it ignoring case)."""
    names = [n.casefold() for n in names]
    stems = sorted({n[:-1] for n in names if len(n) >= stem_min and n[-1] in "йая"})
    body = rf"(?:{trie_alternation(names)}){_RU_ADDED_ENDING}?"
    if stems:
        body += rf"|(?:{trie_alternation(stems)}){_RU_REPLACING_ENDING}"
    return body


def trie_alternation(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words`` (longest first), written as a trie of
    their characters ("ab|ac" -> "a(?:b|c)"): with thousands of names, the regular
    expression engine then tries one branch per character instead of every name."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: dict) -> str:  # type: ignore[type-arg]
        ends = "" in node
        branches = [re.escape(ch) + render(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:  # a word may end here: the longer names first, then nothing
            return "(?:" + body + ")?" if len(branches) > 1 or len(body) > 1 else body + "?"
        return body

    return render(trie)


@lru_cache(maxsize=1)
def _build_city_pattern() -> re.Pattern[str]:
    names = {
        form
        for english, _code, others in _city_rows(True)
        for name in [english, *filter(None, others.split(";"))]
        for form in (name, _folded(name))
        if len(name) >= 2
    }
    cjk = [n for n in names if _script_counts(n)["cjk"]]
    cyrillic = [n for n in names if _is_cyrillic(n)]
    other = [n for n in names if n not in cjk and n not in cyrillic]

    def alternation(words: list[str]) -> str:
        return trie_alternation([w.casefold() for w in words])

    # an Arabic-script name may carry a joined preposition or conjunction ("وبغداد", "بمسقط"),
    # a Russian one a case ending ("в Улан-Баторе", «в Ханое»); Chinese writes no spaces
    letter = r"[^\W\d_]"
    return re.compile(
        rf"(?:(?<!{letter})|(?<=[وبل]))(?:{alternation(other)})(?!{letter})"
        rf"|(?<!{letter})(?:{inflected_alternation(cyrillic)})(?!{letter})"
        rf"|(?:{alternation(cjk)})",
        re.IGNORECASE,
    )


def cities_in(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """(start, end, English name) of every gazetteer city written in text[start:end]: the
    capitals and listed cities by one pattern, the other large cities by their words."""
    stop = len(text) if end is None else end
    found = []
    for match in _city_pattern().finditer(text, start, stop):
        info = city_info(match.group(0))
        if info is not None:
            found.append((match.start(), match.end(), info[0]))
    for s, e, english in _large_cities_in(text, start, stop):
        if not any(fs < e and s < fe for fs, fe, _ in found):
            found.append((s, e, english))
    return sorted(f for f in found if not _inside_a_name(text, f[0], f[1]))


_CAPITALISED_BEFORE = re.compile(r"(?<![\w.])[A-Z][a-z'’-]+ $")
_CAPITALISED_AFTER = re.compile(r" [A-Z][a-z'’-]+(?!\w)")


def _inside_a_name(text: str, start: int, end: int) -> bool:
    """A Latin city name standing between two capitalised words is part of a longer name, a
    person's most often ("Mulenga Chanda Phiri", "By Chanda Mwale"), not the city."""
    return bool(
        _CAPITALISED_BEFORE.search(text, max(0, start - 30), start)
        and _CAPITALISED_AFTER.match(text, end)
    )


#: A word of a name ("Iaşi", "Nizhny", "Rostov-on-Don"), and how many words a city's has.
_NAME_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_CITY_WORDS = 3
#: What a Russian case ending or a joined Arabic preposition adds to a city's name.
_RU_ENDING = re.compile(r"(?:ом|ой|е|а|и|у|ы|ю)$")
_AR_JOINED = "وبل"


def _large_cities_in(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The large cities (gazetteer.big_city_rows) written in text[start:end], looked up word
    by word in the city index (a pattern of thousands of names takes seconds to compile):
    one to three capitalised words in Latin or Cyrillic letters, an Arabic-script word, or
    two to four Chinese characters."""
    index = _city_index(True)
    words = list(_NAME_WORD.finditer(text, start, end))
    found: list[tuple[int, int, str]] = []
    i = 0
    while i < len(words):
        head = words[i].group()[0]
        if not (head.isupper() or is_arabic_script(head)):
            i += 1
            continue
        for size in range(min(_CITY_WORDS, len(words) - i), 0, -1):
            group = words[i : i + size]
            s, e = group[0].start(), group[-1].end()
            gaps = (text[a.end() : b.start()] for a, b in itertools.pairwise(group))
            if any(gap not in (" ", "-") for gap in gaps):
                continue
            english = _indexed_city(text[s:e])
            if english is not None:
                found.append((s, e, english))
                i += size
                break
        else:
            i += 1
    for run in _CJK_RUN.finditer(text, start, end):
        s = run.start()
        while s < run.end() - 1:
            for size in (4, 3, 2):
                entry = index.get(text[s : s + size]) if s + size <= run.end() else None
                if entry is not None:
                    found.append((s, s + size, entry[0]))
                    s += size - 1
                    break
            s += 1
    return found


_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")


@lru_cache(maxsize=8192)
def _indexed_city(written: str) -> str | None:
    """The English name of a city written as ``written`` (a capitalised Latin or Cyrillic
    name, which may carry a Russian case ending; an Arabic-script one, which may carry a joined
    preposition), from the index alone; None for anything else."""
    first = written[0]
    if is_arabic_script(first):
        forms = [written, written[1:]] if first in _AR_JOINED else [written]
    elif first.isupper() and not _script_counts(first)["cjk"]:
        forms = [written]
        if _is_cyrillic(first) and _RU_ENDING.search(written):
            stem = _RU_ENDING.sub("", written)
            forms += [stem, stem + "ь", stem + "а"]  # "Казани" = Казань, "Уфе" = Уфа
    else:
        return None
    index = _city_index(True)
    for form in forms:
        for key in _index_keys(form):
            if key in index:
                return index[key][0]
    return None


_CITY_PREFIX = re.compile(r"^(?:in|at|à|في|в|во)\s+")
_CITY_SUFFIX = re.compile(r"\s+(?:میں|city)$")


@lru_cache(maxsize=4096)
def city_info(name: str, *, extended: bool = True) -> tuple[str, str | None] | None:
    """(English city name, alpha-3 country) for a city named in any supported language;
    ``extended=False`` looks in the translation glossary's table only (_CITY_TABLE)."""
    if not name or not name.strip():
        return None
    index = _city_index(extended)
    raw = _strip_article(_key(name))
    key = _CITY_SUFFIX.sub("", _CITY_PREFIX.sub("", raw))
    for candidate in [raw, key, *_candidates(key)]:
        if candidate in index:
            return index[candidate]
    if len(key) >= 6 and key.isascii():
        best = _fuzzy_match(key, "cities" if extended else "glossary cities")
        if best is not None:
            return index[best]
    return None


# ---- dates -------------------------------------------------------------------------------


@dataclass(frozen=True)
class NormalizedDate:
    value: str | None
    precision: Precision
    resolved_from: str | None  # "text" | "published" | None


_UNKNOWN = NormalizedDate(None, "unknown", None)
_PROBE_BASES = (datetime.datetime(2003, 3, 15), datetime.datetime(2017, 10, 9))

#: Weekday names (Monday = 0), matched on normalised text.
# fmt: off
_WEEKDAYS: dict[int, tuple[str, ...]] = {
    0: ("monday", "الاثنين", "الإثنين", "lundi", "понедельник", "星期一", "周一", "礼拜一", "پیر"),
    1: ("tuesday", "الثلاثاء", "mardi", "вторник", "星期二", "周二", "礼拜二", "منگل"),
    2: ("wednesday", "الأربعاء", "mercredi", "среда", "среду", "星期三", "周三", "礼拜三", "بدھ"),
    3: ("thursday", "الخميس", "jeudi", "четверг", "星期四", "周四", "礼拜四", "جمعرات"),
    4: ("friday", "الجمعة", "vendredi", "пятница", "пятницу", "星期五", "周五", "礼拜五", "جمعہ"),
    5: ("saturday", "السبت", "samedi", "суббота", "субботу", "星期六", "周六", "礼拜六",
        "ہفتہ کو", "ہفتے کو", "بروز ہفتہ"),
    6: ("sunday", "الأحد", "dimanche", "воскресенье", "星期日", "星期天", "周日", "礼拜天",
        "اتوار"),
}
# fmt: on
#: The weekday names dates are read by (Monday = 0), as written.
WEEKDAYS = _WEEKDAYS

#: Arabic relative years dateparser does not read: phrase -> offset from the published year.
# fmt: off
_ARABIC_YEARS = {
    "العام المقبل": 1, "العام القادم": 1, "السنة المقبلة": 1, "السنة القادمة": 1,
    "العام الماضي": -1, "السنة الماضية": -1, "هذا العام": 0, "العام الحالي": 0,
    "العام الجاري": 0,
}
# fmt: on


@lru_cache(maxsize=1)
def _weekday_patterns() -> list[tuple[re.Pattern[str], int]]:
    out = []
    for day, names in _WEEKDAYS.items():
        words = [normalize_text(n) for n in names if not _script_counts(n)["cjk"]]
        cjk = [n for n in names if _script_counts(n)["cjk"]]
        bounded = rf"(?<!\w)[وب]?(?:{_alternation(words)})(?!\w)"
        out.append((re.compile(f"{bounded}|{_alternation(cjk)}"), day))
    return out


def _weekday(text: str) -> int | None:
    norm = normalize_text(text)
    for pattern, day in _weekday_patterns():
        if pattern.search(norm):
            return day
    return None


def is_bare_weekday(text: str | None) -> bool:
    """Whether a date as written is only a weekday ("on Tuesday", «الثلاثاء»): no figure, so
    it is resolved against the publication date, back or ahead by the meeting's tense."""
    return bool(text) and not re.search(r"\d", text or "") and _weekday(text or "") is not None


def _format(value: datetime.datetime, period: str) -> tuple[str, Precision] | None:
    if period in ("day", "time"):
        return value.date().isoformat(), "day"
    if period == "month":
        return f"{value.year:04d}-{value.month:02d}", "month"
    if period == "year":
        return f"{value.year:04d}", "year"
    if period == "week":
        monday = value.date() - datetime.timedelta(days=value.weekday())
        sunday = monday + datetime.timedelta(days=6)
        if (monday.year, monday.month) == (sunday.year, sunday.month):
            return f"{monday.year:04d}-{monday.month:02d}", "month"
        if monday.year == sunday.year:
            return f"{monday.year:04d}", "year"
    return None


def _languages(language: str | None) -> list[str] | None:
    if not language:
        return None
    return list(dict.fromkeys([language.split("-")[0].lower(), "en"]))


@lru_cache(maxsize=64)
def _date_parser(languages: tuple[str, ...], base: datetime.datetime) -> DateDataParser:
    settings: Any = {
        "PREFER_DATES_FROM": "past",
        "PREFER_DAY_OF_MONTH": "first",
        "RELATIVE_BASE": base,
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    try:
        return DateDataParser(languages=list(languages), settings=settings)
    except ValueError:  # a language dateparser does not know
        return DateDataParser(languages=["en"], settings=settings)


def _parse(
    text: str, base: datetime.datetime, languages: list[str]
) -> tuple[str, Precision] | None:
    return _parsed(text, base, tuple(languages))


@lru_cache(maxsize=4096)
def _parsed(
    text: str, base: datetime.datetime, languages: tuple[str, ...]
) -> tuple[str, Precision] | None:
    """dateparser's reading of ``text`` in ``languages`` with ``base`` as today, memoised:
    a pure function of its arguments (the same words, "jeudi" or "next year", recur from one
    article to the next, each read at the same probe dates)."""
    data = _date_parser(languages, base).get_date_data(text)
    if data.date_obj is None or data.period is None:
        return None
    return _format(data.date_obj, data.period)


_LEADING_WORDS = re.compile(r"^(?:on|in|at|since|le|en|يوم|في|в|во)\s+", re.IGNORECASE)
#: Arabic-Indic and Persian digits to ASCII, for str.translate.
ASCII_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


#: The Syriac month names of the Levant and Iraq («٣ آذار ٢٠٢٦», 3 March 2026) and the
#: French-derived ones of the Maghreb («13 ماي 2026», «15 أفريل», Algeria's and Tunisia's
#: جانفي...ديسمبر, Morocco's يوليوز, غشت, شتنبر, نونبر, دجنبر), which dateparser does not know,
#: and the names it does.
LEVANTINE_MONTHS = {
    "جانفي": "يناير", "فيفري": "فبراير", "أفريل": "أبريل", "افريل": "أبريل", "ماي": "مايو",
    "جوان": "يونيو", "جويلية": "يوليو", "يوليوز": "يوليو", "أوت": "أغسطس", "اوت": "أغسطس",
    "غشت": "أغسطس", "شتنبر": "سبتمبر", "نونبر": "نوفمبر", "دجنبر": "ديسمبر",
    "كانون الثاني": "يناير", "شباط": "فبراير", "آذار": "مارس", "اذار": "مارس",
    "نيسان": "أبريل", "أيار": "مايو", "ايار": "مايو", "حزيران": "يونيو", "تموز": "يوليو",
    "آب": "أغسطس", "أيلول": "سبتمبر", "ايلول": "سبتمبر", "تشرين الأول": "أكتوبر",
    "تشرين الاول": "أكتوبر", "تشرين الثاني": "نوفمبر", "كانون الأول": "ديسمبر",
    "كانون الاول": "ديسمبر",
}  # fmt: skip
_LEVANTINE_MONTH = re.compile(
    r"(?<!\w)(?:"
    + "|".join(sorted(map(re.escape, LEVANTINE_MONTHS), key=len, reverse=True))
    + r")(?!\w)"
)


#: The Gregorian era mark an Arabic or Urdu writer puts after a year («2027م», «2026ء»),
#: joined or not.
_ERA_MARK = re.compile(r"(?<=\d{4})\s*[مء]\.?$")


#: A month's second name after a slash, as Levantine papers write both («14 نيسان/أبريل»).
_SECOND_MONTH_NAME = re.compile(r"\s*/\s*[^\W\d_]+(?:\s+[^\W\d_]+)?(?=\s+\d|\s*$)")


def _clean_date_text(text: str) -> str:
    cleaned = text.translate(ASCII_DIGITS).strip().strip(".,;:()")
    cleaned = _ERA_MARK.sub("", cleaned)
    cleaned = _SECOND_MONTH_NAME.sub("", cleaned).replace("،", ",")  # «أبريل/نيسان»
    cleaned = _LEVANTINE_MONTH.sub(lambda m: LEVANTINE_MONTHS[m.group()], cleaned)
    return _LEADING_WORDS.sub("", cleaned).strip()


_MONTH_NUMBERS = {
    name: number
    for number, name in enumerate(
        (
            "january", "february", "march", "april", "may", "june",
            "july", "august", "september", "october", "november", "december",
        ),
        start=1,
    )
}  # fmt: skip
_MONTH_NAME = "|".join(_MONTH_NUMBERS)
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY_MONTH_YEAR = re.compile(
    rf"(?P<day>\d{{1,2}}) (?P<month>{_MONTH_NAME}) {_YEAR}", re.IGNORECASE | re.ASCII
)
_MONTH_DAY_YEAR = re.compile(
    rf"(?P<month>{_MONTH_NAME}) (?P<day>\d{{1,2}}),? {_YEAR}", re.IGNORECASE | re.ASCII
)


def _plain_english_date(text: str, languages: list[str]) -> NormalizedDate | None:
    """A whole date in one of the two commonest English forms ("5 March 2024",
    "March 5, 2024"), read without dateparser; None for any other text (dateparser reads it).

    dateparser reads these forms as this calendar date whichever of its languages is tried
    before English (measured for all of them; tests/test_normalize_fast_paths.py keeps the
    check for the languages this tool meets); a day the month does not have, and any year
    outside 1900-2099, is left to dateparser.
    """
    if "en" not in languages:
        return None
    match = _DAY_MONTH_YEAR.fullmatch(text) or _MONTH_DAY_YEAR.fullmatch(text)
    if match is None:
        return None
    month = _MONTH_NUMBERS[match["month"].lower()]
    try:
        value = datetime.date(int(match["year"]), month, int(match["day"]))
    except ValueError:
        return None
    return NormalizedDate(value.isoformat(), "day", "text")


def _from_text(text: str, languages: list[str]) -> NormalizedDate | None:
    """A date the text states on its own (the same whatever 'today' is)."""
    results = {_parse(text, base, languages) for base in _PROBE_BASES}
    if len(results) == 1:
        only = results.pop()
        if only is not None:
            return NormalizedDate(only[0], only[1], "text")
    return None


def _resolve_weekday(day: int, published: datetime.date, ahead: bool) -> NormalizedDate:
    """The last such weekday on or before publication, or with ``ahead`` the next one on or
    after it (a meeting still to come)."""
    if ahead:
        value = published + datetime.timedelta(days=(day - published.weekday()) % 7)
    else:
        value = published - datetime.timedelta(days=(published.weekday() - day) % 7)
    return NormalizedDate(value.isoformat(), "day", "published")


def _arabic_relative_year(text: str, published: datetime.date) -> NormalizedDate | None:
    norm = normalize_text(text)
    for phrase, offset in _ARABIC_YEARS.items():
        if normalize_text(phrase) in norm:
            return NormalizedDate(f"{published.year + offset:04d}", "year", "published")
    return None


def _script_languages(text: str) -> list[str]:
    """Languages to try for a text of unknown language, from its script alone."""
    counts = _script_counts(text)
    if counts["arabic"]:
        return ["ar", "ur", "en"]
    if counts["cyrillic"]:
        return ["ru", "en"]
    if counts["cjk"]:
        return ["zh", "en"]
    return ["en", "fr"]


def _search(text: str, languages: list[str]) -> str | None:
    """The first date-like substring of a longer text, for a second attempt."""
    try:
        found = search_dates(text, languages=languages, settings={"PREFER_DATES_FROM": "past"})
    except ValueError:
        return None
    return found[0][0] if found else None


def normalize_date(
    text: str | None,
    *,
    published: datetime.date | None = None,
    language: str | None = None,
    ahead: bool = False,
) -> NormalizedDate:
    """ISO value and precision for a date as written, resolving relative dates if possible;
    a bare weekday is the last one before publication, or with ``ahead`` (a meeting still to
    come) the next one."""
    if text is None or not text.strip():
        return _UNKNOWN
    return _normalize_date(text, published, language, ahead)


@lru_cache(maxsize=4096)
def _normalize_date(
    text: str, published: datetime.date | None, language: str | None, ahead: bool = False
) -> NormalizedDate:
    """`normalize_date`, memoised: a pure function of its arguments (dateparser is probed at
    fixed dates or the publication date, never at today), with an immutable result."""
    cleaned = _clean_date_text(text)
    languages = _languages(language) or _script_languages(cleaned)
    found = _plain_english_date(cleaned, languages) or _from_text(cleaned, languages)
    if found is not None and found.value and not _writes_the_year(cleaned, found.value):
        found = None  # "24 and 25 February" is no date of 1925: a year is read, not guessed
    if found is None and published is not None:
        found = _relative(cleaned, published, languages, ahead)
    if found is not None:
        return found
    inner = _search(cleaned, languages)
    if inner is None or inner == cleaned or not re.search(r"\d{4}", inner):
        return _UNKNOWN  # only a stated year makes a date inside a longer phrase clear
    return normalize_date(inner, published=published, language=language, ahead=ahead)


def _writes_the_year(text: str, value: str) -> bool:
    """Whether ``text`` (digits in ASCII) writes the year of the ISO ``value`` it was read as,
    in full or as the two figures of an apostrophe's year ("May '25")."""
    year = value[:4]
    return year in text or bool(re.search(rf"['’]{year[2:]}(?!\d)", text))


def weekday_of_the_week_before(day: int, published: datetime.date) -> datetime.date:
    """The weekday ``day`` (Monday = 0) of the calendar week before the one of ``published``
    ("Tuesday last week", 上周二)."""
    monday = published - datetime.timedelta(days=published.weekday() + 7)
    return monday + datetime.timedelta(days=day)


#: "Last week" in the languages the tool reads, beside a weekday.
_LAST_WEEK = re.compile(
    r"\blast\s+week\b|semaine\s+derni[eè]re|прошлой\s+неделе|الأسبوع\s+الماضي|گزشتہ\s+ہفتے"
    r"|上周|上星期",
    re.IGNORECASE,
)


def _relative(
    text: str, published: datetime.date, languages: list[str], ahead: bool
) -> NormalizedDate | None:
    """A weekday or relative date resolved against the publication date."""
    day = _weekday(text)
    if day is not None and not re.search(r"\d", text):
        if _LAST_WEEK.search(text):  # "Tuesday last week": the Tuesday of the week before
            that_day = weekday_of_the_week_before(day, published)
            return NormalizedDate(that_day.isoformat(), "day", "published")
        return _resolve_weekday(day, published, ahead)
    base = datetime.datetime.combine(published, datetime.time())
    parsed = _parse(text, base, languages)
    if parsed is None:
        return _arabic_relative_year(text, published)
    value, precision = parsed
    if ahead and value < published.isoformat()[: len(value)] and _without_year(text, precision):
        value = f"{int(value[:4]) + 1:04d}{value[4:]}"  # "23 mars" still to come: next March
    return NormalizedDate(value, precision, "published")


def _without_year(text: str, precision: Precision) -> bool:
    """Whether a date read against the publication date was a day and month, or a month, the
    text wrote without a year ("23 mars", "in March"), not a relative one ("last week")."""
    if re.search(r"\d{4}", text) or precision not in ("day", "month"):
        return False
    return bool(re.search(r"\d", text)) or precision == "month"


_HEADER_LINES = 6
_HEADER_LINE_MAX = 80


@lru_cache(maxsize=256)
def detect_published(text: str) -> datetime.date | None:
    """A publication date alone in the article's header (first short lines), or None."""
    lines = [line.strip() for line in text.splitlines() if line.strip()][:_HEADER_LINES]
    language = detect_language(text)
    languages = _languages(language)
    settings: Any = {
        "REQUIRE_PARTS": ["day", "month", "year"],
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PREFER_DATES_FROM": "past",
    }
    if language != "en":  # "09/06/2025" above an Arabic report is 9 June (dating._slashed_value)
        settings["DATE_ORDER"] = "DMY"
    for line in lines:
        if len(line) >= _HEADER_LINE_MAX:
            continue
        try:
            found = search_dates(
                line.translate(ASCII_DIGITS), languages=languages, settings=settings
            )
        except ValueError:
            continue
        for matched, value in found or []:
            if re.search(r"\d{4}", matched.translate(ASCII_DIGITS)):
                return value.date()
    return None


# ---- language ------------------------------------------------------------------------------

_URDU_ONLY = set("ٹڈڑںےۓ")
_URDU_OR_PERSIAN = set("یکگپچژہھ")
_ARABIC_ONLY = set("يكةى")


_SCRIPTS = {
    "arabic": re.compile("[\u0600-\u06ff\u0750-\u077f]+"),
    "cyrillic": re.compile("[\u0400-\u04ff]+"),
    "cjk": re.compile("[\u4e00-\u9fff\u3400-\u4dbf]+"),
    "latin": re.compile("[A-Za-z]+"),
}


def _script_counts(text: str) -> dict[str, int]:
    """Letters of each script in ``text`` (the ranges are disjoint; a pattern matches runs of
    letters, far fewer than letters)."""
    return {script: sum(map(len, pattern.findall(text))) for script, pattern in _SCRIPTS.items()}


def _arabic_script_language(text: str) -> str:
    urdu_only = sum(map(text.count, _URDU_ONLY))
    shared = sum(map(text.count, _URDU_OR_PERSIAN))
    arabic = sum(map(text.count, _ARABIC_ONLY))
    if urdu_only and urdu_only + shared > arabic:
        return "ur"
    if shared > arabic:
        return "fa"
    return "ar"


@lru_cache(maxsize=256)
def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language: script first, then langdetect, else "en"."""
    counts = _script_counts(text)
    script, count = max(counts.items(), key=lambda item: item[1])
    if count == 0:
        return "en"
    if script == "arabic":
        return _arabic_script_language(text)
    if script == "cyrillic":
        return "ru"
    if script == "cjk":
        return "zh"
    if _looks_english(text):
        return "en"
    # langdetect re-seeds Python's global `random` on every call: not thread-safe (a batch
    # with concurrency once made an English article "pl"), so one call at a time.
    with _LANGDETECT_LOCK:
        DetectorFactory.seed = 0
        try:
            return str(detect(text)).split("-")[0]
        except LangDetectException:
            return "en"


_LANGDETECT_LOCK = threading.Lock()
_ENGLISH_WORDS = frozenset(
    [
        "the",
        "and",
        "of",
        "to",
        "in",
        "on",
        "with",
        "for",
        "was",
        "were",
        "is",
        "are",
        "said",
        "has",
        "have",
    ]
)


def _looks_english(text: str) -> bool:
    """Plain English prose: at least 12% of its words are common English function words."""
    words = re.findall(r"[a-z]+", text.lower())
    if len(words) < 20:
        return False
    return sum(w in _ENGLISH_WORDS for w in words) / len(words) >= 0.12


# ---- people --------------------------------------------------------------------------------

_APOSTROPHES = re.compile(r"['`ʼʻ’‘ʾʿ]")
_SMALL_NAME_WORDS = {"al", "el", "bin", "ibn", "van", "von", "de", "der", "da", "di", "du", "la"}


def _title_word(word: str) -> str:
    if word in _SMALL_NAME_WORDS:
        return word
    return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))


def _is_latin(text: str) -> bool:
    return all(not ch.isalpha() or ch <= "\u024f" or "\u1e00" <= ch <= "\u1eff" for ch in text)


def _latinize_cjk(name: str) -> str:
    compact = name.replace(" ", "").replace("·", " ")
    parts = [p for p in compact.split(" ") if p]
    if len(parts) > 1:  # a transliterated foreign name written with a middle dot
        return " ".join(anyascii(p).capitalize() for p in parts)
    surname, given = anyascii(compact[0]), anyascii(compact[1:])
    return f"{surname.capitalize()} {given.lower().capitalize()}".strip()


def latinize(name: str) -> str:
    """Latin-script form of a person's name (unchanged if it already is Latin)."""
    collapsed = _SPACES.sub(" ", name).strip()
    if _is_latin(collapsed):
        return collapsed
    if _script_counts(collapsed)["cjk"]:
        return _latinize_cjk(collapsed)
    text = re.sub(r"ة(?=\s|$)", "a", collapsed)
    text = re.sub(r"ى(?=\s|$)", "a", text)
    text = re.sub(r"(?<!\w)[اأآ]", "a", re.sub(r"(?<!\w)إ", "i", text))
    ascii_form = _APOSTROPHES.sub("", anyascii(text))
    ascii_form = _SPACES.sub(" ", re.sub(r"[^\w\s.-]", " ", ascii_form)).strip()
    return " ".join(_title_word(w.lower()) for w in ascii_form.split(" "))


# fmt: off
_HONORIFICS = {
    "dr", "mr", "mrs", "ms", "miss", "h e",
    "his excellency", "her excellency", "excellency", "ambassador",
    "amb", "gen", "general", "lt", "lt gen",
    "lieutenant general", "maj", "major general", "maj gen",
    "brig", "brigadier", "col", "colonel", "adm", "admiral",
    "prof", "professor", "sir", "dame", "sheikh", "shaikh",
    "sen", "senator", "hon", "honourable", "honorable",
    "field marshal", "marshal", "madam", "mme", "الدكتور",
    "الدكتوره", "السفير", "السفيره", "الجنرال", "المارشال",
    "السيد", "السيده", "الشيخ", "فخامه", "معالي", "сэр",
    "господин", "г-н", "госпожа",
}
# fmt: on
_HONORIFIC_KEYS = frozenset(_key(h) for h in _HONORIFICS)


def _strip_honorifics(name: str) -> str:
    """Drop leading titles ("H.E. Ambassador", "Dr.", "الدكتورة"); never the whole name."""
    words = re.sub(r"[.,]", " ", name).split()
    while len(words) > 1:
        for size in (3, 2, 1):
            if len(words) > size and _key(" ".join(words[:size])) in _HONORIFIC_KEYS:
                words = words[size:]
                break
        else:
            break
    return " ".join(words)


_TITLE_WORDS = frozenset(
    [
        "minister",
        "ministers",
        "ministry",
        "secretary",
        "secretaries",
        "general",
        "undersecretary",
        "under",
        "deputy",
        "vice",
        "assistant",
        "additional",
        "special",
        "state",
        "foreign",
        "affairs",
        "external",
        "interior",
        "defence",
        "defense",
        "trade",
        "economy",
        "finance",
        # the portfolio in "Deputy Minister of Industry and Trade": a model's name that is
        # only such words is a cut title ("Industry and Trade", "Diplomatic Affairs")
        "diplomatic",
        "industry",
        "commerce",
        "energy",
        "culture",
        "health",
        "education",
        "agriculture",
        "justice",
        "economic",
        "political",
        "international",
        "cooperation",
        "relations",
        "investment",
        "planning",
        "tourism",
        "transport",
        "analyst",
        "expert",
        "correspondent",
        "reporter",
        "president",
        "vice-president",
        "prime",
        "premier",
        "chancellor",
        "ambassador",
        "envoy",
        "representative",
        "permanent",
        "director",
        "director-general",
        "head",
        "chief",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "counsellor",
        "counselor",
        "councillor",
        "councilor",
        "adviser",
        "advisor",
        "senior",
        "officer",
        "official",
        "officials",
        "commissioner",
        "high",
        "chair",
        "chairman",
        "chairwoman",
        "co-chair",
        "leader",
        "king",
        "queen",
        "emir",
        "crown",
        "prince",
        "sultan",
        "governor",
        "mayor",
        "department",
        "division",
        "desk",
        "bureau",
        "office",
        "service",
        "council",
        "commission",
        "delegation",
        "team",
        "side",
        "government",
        "republic",
        "federal",
        "national",
    ]
)
_FUNCTION_WORDS = frozenset(
    ["of", "the", "for", "and", "to", "on", "at", "in", "du", "de", "la", "des", "le", "et"]
)


_SERIES_KINDS = (
    ("working group", "working_group"),
    ("summit", "summit"),
    ("consultations", "consultations"),
    ("dialogue", "dialogue"),
    ("commission", "other"),
    ("council", "other"),
    ("committee", "other"),
)


def _head_phrase(series: str) -> str:
    """The part of a mechanism's name that holds its head noun, casefolded: the words before
    "on/for/of" ("Working Group on Dialogue" -> "working group")."""
    return re.split(r"\s+(?:on|for|of)\s+", series.casefold())[0]


def kind_of_series(series: str | None) -> str | None:
    """The meeting kind a mechanism's name states ("... Joint Working Group on X" ->
    working_group, "... Intergovernmental Commission" -> other), or None."""
    if not series:
        return None
    head = _head_phrase(series)
    found = [(head.rfind(word), kind) for word, kind in _SERIES_KINDS if word in head]
    return max(found)[1] if found else None


#: Head nouns of the name of a meeting mechanism. A "series" without one ("2019 Strategic
#: Engagement Plan") names an agreement or plan the meeting is held under, not the meeting.
MECHANISM_NOUNS = (
    "dialogue", "dialog", "working group", "group", "consultations", "consultation",
    "commission", "council", "committee", "summit", "forum", "talks", "conference",
    "meeting", "session", "round table", "roundtable", "mechanism", "format", "retreat",
)  # fmt: skip
_MECHANISM = re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(w) for w in MECHANISM_NOUNS) + r")(?!\w)", re.IGNORECASE
)


def is_mechanism(series: str | None) -> bool:
    """True when a series name has a meeting mechanism's head noun ("... Political Dialogue",
    "Joint Working Group on ..."), False for a plan or agreement ("Strategic Engagement
    Plan")."""
    if not series:
        return False
    return bool(_MECHANISM.search(_head_phrase(series)))


def looks_like_title(text: str) -> bool:
    """True when a "name" is only a job title ("Chinese Vice Foreign Minister")."""
    words = [w for w in re.split(r"[\s,]+", text.strip()) if w]
    if not words:
        return False
    for word in words:
        bare = word.strip(".,;:()'\"’").casefold()
        if bare.endswith(("'s", "’s")):
            bare = bare[:-2]
        parts = [part for part in bare.split("-") if part]
        if not parts:
            continue
        if all(p in _TITLE_WORDS or p in _FUNCTION_WORDS for p in parts):
            continue
        if party_code(word.strip(".,;:()")) is not None:
            continue
        return False
    return any(part in _TITLE_WORDS for w in words for part in w.casefold().strip(".,").split("-"))


def _is_title_word(word: str) -> bool:
    bare = word.strip(".,;:()'\"’").casefold()
    parts = [part for part in bare.split("-") if part]
    return bool(parts) and all(p in _TITLE_WORDS or p in _FUNCTION_WORDS for p in parts)


def clean_person_name(name: str, title: str | None = None) -> str:
    """A proposed name without the title or party written into it: "Minister of Economy and
    Trade, Tovai Abdi" -> "Tovai Abdi"; "President Ahmad Nadzir of Pakistan" -> "Ahmad
    Nadzir"; the proposed ``title`` and the country after it ("Minister of International
    Relations and Cooperation in South Africa Thandiwe Mkhize"). A name with nothing left
    after that is returned as it was."""
    rest = _after_title(name, title) if title else None
    if rest:
        name = rest
    parts = [part.strip() for part in name.split(",") if part.strip()]
    people = [part for part in parts if not looks_like_title(part) and not party_code(part)]
    bare = people[0] if len(people) == 1 else name.strip()
    match = re.search(r"\s+(?:of|from)\s+(?:the\s+)?([^\s].*)$", bare)
    if match and party_code(match.group(1)):
        bare = bare[: match.start()]
    words = _strip_honorifics(bare).split() if _has_honorific(bare) else bare.split()
    while len(words) > 2 and (_is_title_word(words[0]) or party_code(words[0])):
        words = words[1:]
    cleaned = _trailing_person(" ".join(words))
    return name.strip() if not cleaned or looks_like_title(cleaned) else cleaned


def _after_title(name: str, title: str) -> str | None:
    """What a name says after the title it opens with, and after the country that title is
    "of" or "in" (None when it does not open with the title)."""
    if len(title) < 4 or not name.casefold().startswith(title.casefold()):
        return None
    words = name[len(title) :].strip(" ,").split()
    if words and words[0].casefold() in ("of", "in", "from"):
        for size in range(min(4, len(words) - 2), 0, -1):
            if party_code(" ".join(words[1 : 1 + size])):
                words = words[1 + size :]
                break
    return " ".join(words) or None


#: Particles inside a person's name ("Rui Vasconcelos de Almeida", "Salem bin Hamad").
_NAME_PARTICLES = frozenset(
    [
        "bin",
        "binti",
        "bint",
        "ibn",
        "al",
        "el",
        "de",
        "da",
        "do",
        "dos",
        "das",
        "del",
        "della",
        "di",
        "du",
        "la",
        "le",
        "van",
        "von",
        "der",
        "den",
        "ter",
        "ould",
        "abu",
        "y",
        "e",
    ]
)


def _has_honorific(name: str) -> bool:
    words = re.sub(r"[.,]", " ", name).split()
    return any(_key(" ".join(words[:size])) in _HONORIFIC_KEYS for size in (1, 2, 3))


def _trailing_person(name: str) -> str:
    """The person's name at the end of a name that opens with their office: "Policy Bureau
    Kenji Moriwaki" -> "Kenji Moriwaki", "Mineral Resources and Energy, Armando Sitoe" ->
    "Armando Sitoe". The trailing capitalised words (name particles allowed inside) are the
    person when what precedes them is plainly not a name: it holds an office word, a lowercase
    word ("and", "of the") or ends with a comma. Otherwise the name is returned unchanged."""
    words = name.split()
    i = len(words)
    while i > 0:
        word = words[i - 1]
        bare = word.strip(".'’")
        if word.endswith((",", ";", ":")) or not bare:
            break
        key = bare.casefold()
        if key in _NAME_PARTICLES and i < len(words):
            i -= 1
            continue
        if not bare[0].isupper() or _is_title_word(bare) or party_code(bare):
            break
        i -= 1
    person, prefix = words[i:], words[:i]
    while person and person[0].casefold() in _NAME_PARTICLES:  # "de Almeida" is not a start
        prefix.append(person.pop(0))
    if len(person) < 2 or not prefix:
        return name
    if not (
        prefix[-1].endswith((",", ";", ":"))
        or any(_is_title_word(w) for w in prefix)
        or any(w.islower() and w.casefold() not in _NAME_PARTICLES for w in prefix)
    ):
        return name
    return " ".join(person)


#: Words after which a party's name stands for a body of it ("Peruvian Ministry of ...").
_BODY = re.compile(
    r"(?:^|\s+)(?:Ministry|Government|Foreign\s+Office|Foreign\s+Ministry|MFA|Embassy|side|"
    r"delegation|authorities|Office|Presidency|Cabinet|Secretariat|Board|Agency|Fund)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _english_country_names() -> list[tuple[str, str]]:
    names = [(n.casefold(), c) for c, n in SHORT_NAMES.items()]
    for country in pycountry.countries:
        names.append(
            (str(getattr(country, "common_name", country.name)).casefold(), country.alpha_3)
        )
    return sorted(
        {(n, c) for n, c in names if len(n) >= 4 and " " not in n and "," not in n},
        key=lambda row: len(row[0]),
        reverse=True,
    )


def demonym_code(word: str) -> str | None:
    """The country an English adjective of nationality names, by the country's name it starts
    with ("Peruvian" -> PER, "Chinese" -> CHN, "Nigerian" -> NGA, not NER)."""
    folded = word.strip(".,;:()").casefold()
    if not folded.isalpha() or len(folded) < 5:
        return None
    for name, code in _english_country_names():
        for stem in (name, name[:-1]) if name[-1] in "aeiouy" else (name,):
            if folded.startswith(stem) and folded != stem and len(folded) - len(stem) <= 4:
                return code
    return None


def party_of(name: str) -> str | None:
    """A party code for what the model proposed as a party, looser than ``party_code``: a
    body of a party ("the Peruvian Ministry of Foreign Affairs", "the Chinese side"), an
    adjective of nationality, or a capital standing for its country ("Libreville")."""
    code = party_code(name)
    if code:
        return code
    body = _BODY.search(name)
    head = re.sub(r"^(?:the)\s+", "", name[: body.start()] if body else name, flags=re.I).strip()
    if head and head != name:
        code = party_code(head)
    if code is None and head and len(head.split()) == 1:
        code = demonym_code(head)
    if code is None and body and len(head.split()) > 1:
        # a national body named by its sector: "Ghana Cocoa Board", "Saudi Fund ..."
        first = head.split()[0]
        code = party_code(first) or demonym_code(first)
    if code is None and body:
        tail = re.search(r".*\bof\s+(?:the\s+)?(.+)$", name[body.end() :])
        code = party_code(tail.group(1)) if tail else None
    if code is None:
        info = city_info(name)
        code = info[1] if info else None
    return code


def could_be_party(text: str) -> bool:
    """A proposed party with no known code: kept only if it could name a country or body."""
    words = text.split()
    return 0 < len(words) <= 8 and not (
        looks_like_title(text) or any(_key(w) in _TITLE_PERSON_HINTS for w in words)
    )


_TITLE_PERSON_HINTS = frozenset({"minister", "secretary", "ambassador", "president", "envoy"})


def canonical_person(name: str) -> str:
    """One spelling of a person's name for comparison: Latin, no honorifics or middle initials."""
    bare = _strip_honorifics(_PAREN.sub(" ", name))
    words = latinize(bare).replace(".", " ").split()
    if len(words) > 2:
        words = [words[0], *(w for w in words[1:-1] if len(w) > 1), words[-1]]
    return " ".join(_title_word(w.lower()) for w in words)


def _fold(text: str) -> str:
    return anyascii(text).casefold()


def same_person(a: str, b: str) -> bool:
    """Whether two spellings name the same person (tolerant of initials, titles, small typos).

    A one-word name matches a longer one whose surname it equals ("Skoog", "Olof Skoog").
    """
    ca, cb = _fold(canonical_person(a)), _fold(canonical_person(b))
    if not ca or not cb:
        return False
    if ca == cb:
        return True
    wa, wb = ca.split(), cb.split()
    if len(wa) == 1 or len(wb) == 1:
        return wa[-1] == wb[-1]
    if fuzz.token_set_ratio(ca, cb) >= 85 and _share_a_word(wa, wb):
        return True
    return wa[-1] == wb[-1] and wa[0][0] == wb[0][0]


def _share_a_word(wa: list[str], wb: list[str]) -> bool:
    return any(fuzz.ratio(x, y) >= 80 for x in wa for y in wb)


# ---- series and ordinals ---------------------------------------------------------------------

# fmt: off
_EN_UNITS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19,
}
# fmt: on
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60}
_EN_TENTHS = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60}
# fmt: off
_FR = {
    "premier": 1, "première": 1, "deuxième": 2, "second": 2, "seconde": 2, "troisième": 3,
    "quatrième": 4, "cinquième": 5, "sixième": 6, "septième": 7, "huitième": 8, "neuvième": 9,
    "dixième": 10, "onzième": 11, "douzième": 12, "treizième": 13, "quatorzième": 14,
    "quinzième": 15, "seizième": 16, "dix-septième": 17, "dix-huitième": 18, "dix-neuvième": 19,
    "vingtième": 20,
}
# fmt: on
# fmt: off
_RU_STEMS = {
    "перв": 1, "втор": 2, "трет": 3, "четвёрт": 4, "четверт": 4, "пят": 5, "шест": 6,
    "седьм": 7, "восьм": 8, "девят": 9, "десят": 10, "одиннадцат": 11, "двенадцат": 12,
    "тринадцат": 13, "четырнадцат": 14, "пятнадцат": 15, "шестнадцат": 16, "семнадцат": 17,
    "восемнадцат": 18, "девятнадцат": 19, "двадцат": 20, "тридцат": 30,
}
# fmt: on
_RU_ENDS = "ый|ий|ой|ая|яя|ое|ее|ого|его|ому|ему|ом|ем|ую|юю|ые|ие|ых|их|ья|ье|ьего|ьей|ьему|ью"
_RU_TENS = {"двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50}
# fmt: off
_AR_UNITS = {
    "اول": 1, "اولى": 1, "حادي": 1, "حاديه": 1, "ثاني": 2, "ثانيه": 2, "ثالث": 3, "ثالثه": 3,
    "رابع": 4, "رابعه": 4, "خامس": 5, "خامسه": 5, "سادس": 6, "سادسه": 6, "سابع": 7, "سابعه": 7,
    "ثامن": 8, "ثامنه": 8, "تاسع": 9, "تاسعه": 9, "عاشر": 10, "عاشره": 10,
}
# fmt: on
_AR_UNITS_NORM = {normalize_text(w): v for w, v in _AR_UNITS.items()}
_AR_TENS = {"عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "اربعون": 40, "اربعين": 40}
# fmt: off
_UR = {
    "پہلا": 1, "پہلی": 1, "پہلے": 1, "دوسرا": 2, "دوسری": 2, "تیسرا": 3, "تیسری": 3, "تیسرے": 3,
    "چوتھا": 4, "چوتھی": 4, "چوتھے": 4, "پانچواں": 5, "پانچویں": 5, "چھٹا": 6, "چھٹی": 6,
    "چھٹے": 6, "ساتواں": 7, "ساتویں": 7, "آٹھواں": 8, "آٹھویں": 8, "نواں": 9, "نویں": 9,
    "دسواں": 10, "دسویں": 10, "گیارہواں": 11, "گیارہویں": 11, "بارہواں": 12, "بارہویں": 12,
}
# fmt: on
_ZH_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}  # fmt: skip


def _alternation(words: Iterable[str]) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


def _chinese_number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if "十" not in text:
        return _ZH_DIGITS.get(text) if len(text) == 1 else None
    tens, _, units = text.partition("十")
    tens_value = _ZH_DIGITS.get(tens, 0) if tens else 1
    units_value = _ZH_DIGITS.get(units, 0) if units else 0
    return tens_value * 10 + units_value


def _arabic_ordinal(match: re.Match[str]) -> int:
    unit = _AR_UNITS_NORM[match.group("unit")]
    if match.group("teen"):
        return unit + 10 if unit < 10 else unit
    if match.group("tens"):
        return unit + _AR_TENS[match.group("tens")]
    return unit


def says_before(previous: str, word: str) -> bool:
    """Whether an Urdu «پہلے» is "before" (after «سے»: «جس سے پہلے», before which), not the
    ordinal "first"; the words as written or normalised (normalize_text)."""
    return normalize_text(word) == normalize_text("پہلے") and normalize_text(previous) == "سے"


def _urdu_ordinal(match: re.Match[str], words: dict[str, int]) -> int | None:
    previous = match.string[max(0, match.start() - 6) : match.start()].split()
    if previous and says_before(previous[-1], match.group(1)):
        return None
    return words[match.group(1)]


def _ordinal_rules() -> list[tuple[re.Pattern[str], Any]]:
    b, e = r"(?<!\w)", r"(?!\w)"
    ar_units = _alternation(_AR_UNITS_NORM)
    ur_words = {normalize_text(w): v for w, v in _UR.items()}
    return [
        (re.compile(rf"{b}(\d{{1,3}})\s*(?:st|nd|rd|th){e}"), lambda m: int(m.group(1))),
        (re.compile(rf"{b}(\d{{1,3}})(?:e|er|re|ère|ème|eme){e}"), lambda m: int(m.group(1))),
        (re.compile(rf"{b}(\d{{1,3}})\s*-\s*(?:й|я|е|го|му|м|ю|х){e}"), lambda m: int(m.group(1))),
        (
            re.compile(rf"{b}(?:({_alternation(_EN_TENS)})[- ]?)?({_alternation(_EN_UNITS)}){e}"),
            lambda m: _EN_TENS.get(m.group(1) or "", 0) + _EN_UNITS[m.group(2)],
        ),
        (re.compile(rf"{b}({_alternation(_EN_TENTHS)}){e}"), lambda m: _EN_TENTHS[m.group(1)]),
        (re.compile(rf"{b}({_alternation(_FR)}){e}"), lambda m: _FR[m.group(1)]),
        (
            re.compile(
                rf"{b}(?:({_alternation(_RU_TENS)})\s+)?({_alternation(_RU_STEMS)})(?:{_RU_ENDS}){e}"
            ),
            lambda m: _RU_TENS.get(m.group(1) or "", 0) + _RU_STEMS[m.group(2)],
        ),
        (
            re.compile(
                rf"{b}[وبل]?(?:ال)?(?P<unit>{ar_units})"
                rf"(?:\s+(?P<teen>عشر|عشره)|\s+و(?:ال)?(?P<tens>{_alternation(_AR_TENS)}))?{e}"
            ),
            _arabic_ordinal,
        ),
        (re.compile(rf"{b}({_alternation(ur_words)}){e}"), lambda m: _urdu_ordinal(m, ur_words)),
        (
            re.compile(r"第\s*([0-9零〇一二两三四五六七八九十]+)"),
            lambda m: _chinese_number(m.group(1)),
        ),
    ]


_ORDINAL_RULES = _ordinal_rules()


def _ordinal_matches(norm: str) -> Iterator[tuple[int, int, int]]:
    """(start, end, value) of every ordinal in normalised text."""
    for pattern, convert in _ORDINAL_RULES:
        for match in pattern.finditer(norm):
            value = convert(match)
            if value:
                yield match.start(), match.end(), int(value)


@lru_cache(maxsize=16384)
def ordinal_value(text: str) -> int | None:
    """The first ordinal number in ``text`` ("ninth", "9th", "العاشرة", "第九", "XIVe"), or
    None."""
    roman = roman_ordinal(text)
    if roman is not None:
        return roman
    found = sorted(_ordinal_matches(normalize_text(text)))
    return found[0][2] if found else None


def longer_ordinal(word: str, pair: str) -> int | None:
    """The value of ``pair`` (an ordinal word and the word after it) when the two are one
    longer ordinal: "الحادي عشر", the eleventh, not «الحادي», the first; "السابع والعشرين",
    the twenty-seventh. None when the word alone is no ordinal or the pair says no more."""
    one = ordinal_value(word)
    two = ordinal_value(pair) if one is not None else None
    return two if two is not None and two > 10 and two != one else None


#: A Roman numeral used as an ordinal: capitals only, with a French or Russian ordinal
#: ending ("XIVe", "Ier", "XII-й") or two letters at least ("XII заседание", "the XIV
#: session"); a lone "I", "V" or "X" is a letter or a pronoun, not a round.
_ROMAN = re.compile(
    r"(?=[IVXL])(L?X{0,3})(IX|IV|V?I{0,3})(e|ème|eme|er|re|th|-?[йяеог]|-?ое|-?ая|-?ый|-?ий)?"
)
_ROMAN_DIGITS = {"I": 1, "V": 5, "X": 10, "L": 50}


def roman_ordinal(text: str) -> int | None:
    """The value of a Roman numeral written as an ordinal ("XIVe" -> 14), or None."""
    match = _ROMAN.fullmatch(text.strip())
    if match is None or not (match.group(1) or match.group(2)):
        return None
    numeral = match.group(1) + match.group(2)
    if len(numeral) < 2 and not match.group(3):
        return None
    total = 0
    for i, letter in enumerate(numeral):
        value = _ROMAN_DIGITS[letter]
        following = _ROMAN_DIGITS[numeral[i + 1]] if i + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total or None


# fmt: off
_SMALL_TITLE_WORDS = {
    "a", "an", "and", "as", "at", "but", "by",
    "for", "from", "in", "into", "of", "on", "or",
    "over", "per", "the", "to", "under", "via", "vs",
    "with",
}
# fmt: on
_SERIES_NOISE = re.compile(
    r"(?<!\w)(?:round|session|edition|meeting)\s+of(?!\w)|(?<!\w)(?:round|session|edition)(?!\w)",
    re.IGNORECASE,
)
_QUOTE_CHARS = "\"'“”‘’«»„″ "


_EN_ORDINAL = re.compile(
    rf"(?i)(?<!\w)(?:\d{{1,3}}(?:st|nd|rd|th)|(?:(?:{_alternation(_EN_TENS)})[- ]?)?"
    rf"(?:{_alternation(_EN_UNITS)})|{_alternation(_EN_TENTHS)})(?!\w)"
)


def _remove_ordinals(text: str) -> str:
    """Drop English ordinals ("9th", "ninth", "twenty-first"): a series name is English."""
    return _EN_ORDINAL.sub(" ", text)


def _title_case(text: str) -> str:
    if text.isupper():
        text = text.lower()
    words = text.split()
    out = []
    for i, word in enumerate(words):
        if i and word.lower() in _SMALL_TITLE_WORDS:
            out.append(word.lower())
        elif any(ch.isupper() for ch in word[1:]) or (word.isupper() and len(word) > 1):
            out.append(word)
        else:
            out.append("-".join(p[:1].upper() + p[1:] for p in word.split("-")))
    return " ".join(out)


def _strict_party(words: list[str]) -> int:
    """How many leading words name parties ("Pakistan-EU", "Pakistan and the EU")."""
    for size in range(min(4, len(words)), 0, -1):
        phrase = " ".join(words[:size])
        parts = [p for p in re.split(r"[-–/]", phrase) if p]
        # a compound of demonyms counts too ("Russian-Mongolian", "Indian-Japanese"); in a
        # series name "Korea" is a party ("Korea-Saudi Arabia Strategic Dialogue")
        if parts and all(
            _lookup_party(p, fuzzy=False)
            or (len(parts) > 1 and (party_code(p) or p.casefold() in ("korea", "korean")))
            for p in parts
        ):
            return size
    return 0


def _strip_party_prefix(text: str) -> str:
    words = text.split()
    consumed = 0
    while consumed < len(words):
        size = _strict_party(words[consumed:])
        if size == 0:
            if words[consumed].lower() in {"and", "&", "the"} and consumed:
                consumed += 1
                continue
            break
        consumed += size
    rest = words[consumed:]
    while rest and rest[0].lower() in {"and", "&"}:
        rest = rest[1:]
    return " ".join(rest) if rest else text


@lru_cache(maxsize=4096)
def canonical_series(series: str) -> str:
    """English name of the mechanism without ordinal, round words, quotes or party prefixes."""
    text = series.strip().strip(_QUOTE_CHARS).rstrip(".…").strip().strip(_QUOTE_CHARS)
    text = _SERIES_NOISE.sub(" ", _remove_ordinals(text))
    text = _SPACES.sub(" ", text).strip()
    if text.lower().startswith("the "):
        text = text[4:]
    text = _strip_party_prefix(text)
    if text.lower().startswith("the "):
        text = text[4:]
    text = _EVENT_WORD_AFTER_MECHANISM.sub(r"\1", text)
    text = _BETWEEN_MINISTRIES.sub(r"Foreign Ministry \1", text)
    return _title_case(text.strip(_QUOTE_CHARS + ".,:;-"))


#: "Strategic Dialogue between (the) Foreign Ministries" is the Foreign Ministry Strategic
#: Dialogue (one mechanism, two word orders).
_BETWEEN_MINISTRIES = re.compile(
    r"(?i)^(.+?)\s+between\s+(?:the\s+|their\s+)?(?:two\s+)?foreign\s+ministries$"
)


#: "Meeting" after a mechanism's head noun names the event, not the mechanism ("Joint
#: Committee Meeting" is a meeting of the Joint Committee; "Senior Officials' Meeting" stays).
_EVENT_WORD_AFTER_MECHANISM = re.compile(
    r"(?i)\b(committee|commission|council|dialogue|dialog|group|consultations|forum|"
    r"mechanism|talks)\s+meeting$"
)


# fmt: off
_SPELLINGS = {
    "defence": "defense", "combatting": "combating", "programme": "program",
    "organisation": "organization", "centre": "center", "dialog": "dialogue",
    "counterterrorism": "counter terrorism", "antiterrorism": "anti terrorism",
    "labour": "labor", "transportation": "transport",
    # one word in Arabic, Urdu, French... («لجنة», «کمیٹی»/«کمیشن», "commission"): a
    # translation writes either, and one pair of countries has one such body
    "committee": "commission",
    # «coopération commerciale», "trade cooperation": one field, two translations
    "commercial": "trade",
}
# fmt: on
_JOINED_PREFIXES = re.compile(r"\b(counter|anti|co|non|multi|inter|bi) (?=\w)")


@lru_cache(maxsize=4096)
def series_key(series: str) -> str:
    """A key under which spellings of one series are equal (hyphens, -ise/-ize, defence...,
    "Bilateral", "and", Committee/Commission, "of/on/for Cooperation", who holds it: "Foreign
    Ministry Strategic Dialogue" is the pair's "Strategic Dialogue")."""
    text = canonical_series(series)
    text = re.sub(r"\s*\([A-Z][A-Za-z0-9&+-]{1,11}\)\s*$", "", text).casefold()  # "(JPCC)"
    text = _SPACES.sub(" ", re.sub(r"[-–—/_,.:;'\"]", " ", text)).strip()
    # "and" joins the fields of cooperation however a translator lists them ("Trade, Economic
    # and Scientific-Technical" is "Trade, Economic, Scientific and Technical")
    text = " ".join(
        _SPELLINGS.get(word, word) for word in text.split() if word not in ("bilateral", "and")
    )
    text = _OF_COOPERATION.sub("for ", text)
    text = _SPACES.sub(" ", _FOREIGN_MINISTRIES.sub(" ", text)).strip() or text
    return _JOINED_PREFIXES.sub(r"\1", text)


#: Who holds a series, which its name may write or leave out: "Foreign Ministry", "between
#: (the) Foreign Ministries", "of the Ministries of Foreign Affairs" (folded, lowercase).
_FOREIGN_MINISTRIES = re.compile(
    r"\b(?:(?:between|of) (?:the )?(?:two )?(?:foreign ministries|ministries of foreign affairs)"
    r"|foreign ministry|foreign ministries)\b"
)


#: "Joint Commission of Cooperation" and "on Cooperation" are the one "for Cooperation", as
#: "on Economic and Trade Cooperation" is "for Economic and Trade Cooperation".
_OF_COOPERATION = re.compile(r"\b(?:of|on|in) (?=(?:[a-z]+,? (?:and )?){0,6}cooperation\b)")
