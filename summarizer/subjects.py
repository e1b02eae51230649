"""Sectors and subjects (trade, energy, visas, rice...) an article says the meeting discussed,
read by code from the ORIGINAL text of a non-English article.

The small local model reads such an article through its own translation, and for Urdu that
translation often keeps none of the subjects ("East African Development Bank" for a sentence
about agriculture, livestock, dairy, visas and scholarships). A sector word is a plain word in
each language, so code can find it: it counts when it stands in a sentence that says something
was discussed or agreed, or that speaks of cooperation, and not inside a job title or an
office ("وزیر تجارت", the Commerce Minister; "ministère de l'Agriculture"). Words of one family
named side by side ("زراعت، لائیو اسٹاک اور ڈیری") are one subject ("agriculture, livestock
and dairy"). The label is English; the evidence is the exact span in the original.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from summarizer import dating, normalize

#: label | family | a topic label that already names it (English regex) | the subject's words
#: in Arabic, French, Russian, Chinese and Urdu (regex fragments, ";"-separated; an Arabic
#: word matches with its proclitics: و، ف، ب، ل، ك and ال).
_TABLE = r"""
trade|trade|trade|commerc\w*|export\w*|import\w*
    تجار\w*;تبادل تجاري;commerc\w*;échanges commerciaux;торгов\w*;товарооборот\w*;贸易;经贸
    تجارت\w*;تجارتی
investment|investment|invest\w*
    استثمار\w*;investiss\w*;инвестиц\w*;投资;سرمایہ کاری
energy|energy|energ\w*|power
    طاقة(?!\s+(?:ال)?استيعابي);أمن الطاقة;sécurité énergétique;énerg\w*
    энергетическ\w* безопасност\w*;энерг\w*;能源安全;能源;توانائی
oil|energy|oil|petrol\w*
    نفط\w*;بترول\w*;pétrol\w*;нефт\w*;石油;تیل
gas|energy|gas|lng
    غاز;gaz;газ(?:а|ом|у|е|ов|овый|ового|овой|овом|овые|овых)?;天然气;گیس
LNG|energy|lng|liquefied
    الغاز الطبيعي المسال;غاز مسال;GNL;gaz naturel liquéfié;СПГ;сжиженн\w* природн\w* газ\w*
    液化天然气;ایل این جی
electricity|energy|electric\w*|power
    كهرباء;كهربائي\w*;électri\w*;электроэнерг\w*;электроснабжен\w*;电力;电网;بجلی
hydroelectric power|energy|hydro\w*
    كهرومائي\w*;hydroélectri\w*;гидроэнерг\w*;гидроэлектр\w*;水电;پن بجلی
pipeline|energy|pipeline\w*
    خط أنابيب;أنابيب;gazoduc\w*;oléoduc\w*;трубопровод\w*;газопровод\w*;нефтепровод\w*;管道
    输气管;پائپ لائن
mining|mining|mining|mineral\w*
    تعدين;معادن;minier\w*;minéra\w*;горнодобыва\w*;недропользован\w*;矿业;矿产;کان کنی
    معدنیات
agriculture|agriculture|agricultur\w*|agro\w*|farm\w*
    زراع\w*;agricult\w*;agricole\w*;сельск\w* хозяйств\w*;сельскохозяйственн\w*;агро\w*;农业
    زراعت\w*;زرعی
livestock|agriculture|livestock
    ثروة حيوانية;élevage;животновод\w*;畜牧\w*;لائیو اسٹاک;مویشی
dairy|agriculture|dairy
    ألبان;laiti\w*;молочн\w*;乳制品;ڈیری
fisheries|agriculture|fish\w*
    ثروة سمكية;مصايد;صيد الأسماك;pêche\w*;рыболов\w*;рыбн\w*;渔业;ماہی گیری
food security|agriculture|food
    أمن غذائي;الأمن الغذائي;غذائي\w*;sécurité alimentaire;alimentaire\w*
    продовольственн\w* безопасност\w*;продовольств\w*;粮食安全;粮食;غذائی تحفظ;غذائی
rice|agriculture|rice
    أرز;riz;рис(?:а|ом|у)?;大米;稻米;چاول
wheat|agriculture|wheat|grain\w*
    قمح;blé;пшениц\w*;зерн\w*;小麦;گندم
tea|agriculture|tea
    شاي;thé;ча(?:й|я|ем|ю);茶叶;چائے
cotton|agriculture|cotton
    قطن;coton;хлоп(?:ок|ка|ком|ку);棉花;کپاس
halal food|agriculture|halal
    حلال;halal;халял\w*;清真;حلال
education|education|educat\w*|school\w*|universit\w*|academ\w*
    تعليم\w*;éducati\w*;enseignement\w*;образован\w*;教育;تعلیم\w*
scholarships|education|scholarship\w*|student\w*
    منح دراسية;منح\w* الدراسية;bourses?;стипенди\w*;奖学金;اسکالرشپ\w*
students|education|student\w*
    طلاب;طلبة;étudiant\w*;студент\w*;留学生;طلبہ;طلباء
science and technology|science|scien\w*|technolog\w*
    علمي\w*;scientifi\w*;научн\w*;наук(?:а|и|е|у|ой);科学技术;科技;科学;سائنس\w*
research|science|research\w*
    بحث علمي;بحوث;أبحاث;recherche\w*;исследован\w*;研究;تحقیق\w*
IT|science|IT|information technolog\w*|software
    تكنولوجيا المعلومات;technologies? de l'information;информационн\w* технолог\w*;信息技术
    آئی ٹی;انفارمیشن ٹیکنالوجی
technology|science|technolog\w*|digital|IT
    تكنولوجي\w*;تقني\w*;technolog\w*;технолог\w*;技术;ٹیکنالوجی;آئی ٹی
digital economy|science|digital|ICT
    رقمي\w*;numérique\w*;цифров\w*;数字经济;数字;ڈیجیٹل
health|health|health\w*|medic\w*
    صحة;صحي;صحية;santé;sanitaire\w*;здравоохранен\w*;卫生;医疗;صحت
pharmaceuticals|health|pharma\w*|medicine\w*|drug\w*
    أدوية;دواء;pharmaceuti\w*;médicament\w*;фармацевт\w*;лекарств\w*;医药;药品;ادویات
    دواساز\w*
tourism|tourism|touris\w*
    سياح\w*;touris\w*;туризм\w*;туристическ\w*;旅游;سیاحت\w*;سیاحتی
culture|culture|cultur\w*|heritage
    ثقاف\w*;cultur\w*;культур\w*;文化;ثقافت\w*;ثقافتی
defence|security|defen[cs]e|military|arm\w*
    دفاع\w*;عسكري\w*;défense;militaire\w*;оборон\w*;военн\w*;военно-техническ\w*;国防;军事
    دفاع\w*;دفاعی;فوجی
security|security|security
    أمن;أمني\w*;sécurité;безопасност\w*;安全;سلامتی;سیکیورٹی
terrorism|security|terror\w*|extrem\w*
    إرهاب\w*;terroris\w*;террор\w*;恐怖主义;反恐;دہشت گرد\w*;انسداد دہشت گردی
counter-narcotics|security|narcotic\w*|drug\w*
    مخدرات;drogue\w*;stupéfiant\w*;наркот\w*;毒品;禁毒;منشیات
cyber security|security|cyber\w*
    سيبراني\w*;cyber\w*;кибер\w*;网络安全;سائبر
migration|migration|migra\w*|refugee\w*|mobility
    هجرة;مهاجر\w*;لاجئ\w*;migra\w*;réfugié\w*;миграц\w*;мигрант\w*;беженц\w*;移民;难民;ہجرت
    مہاجر\w*;تارکین وطن
visas|migration|visa\w*
    تأشير\w*;visas?;виз(?:а|ы|у|ов|ам|ах|ами|овый|ового|овой|овом|овые|овых|ов);签证;ویزا;ویزے
transport|transport|transport\w*|logistic\w*|connectivity
    نقل;transport\w*;логистик\w*;транспорт\w*;交通;运输;物流;ٹرانسپورٹ;نقل و حمل
railways|transport|rail\w*
    سكك? حديد\w*;قطار\w*;ferroviaire\w*;chemins? de fer;железн\w* дорог\w*;железнодорожн\w*;铁路
    ریلوے
ports|transport|port\w*
    موانئ;ميناء;مينائي;ports?;portuaire\w*;порт(?:а|ы|ов|ам|ах|у|ом)?;港口;بندرگاہ\w*
maritime transport|transport|shipping|maritime
    شحن;نقل بحري;maritime\w*;морск\w* (?:перевоз|сообщен|транспорт)\w*;海运;航运;جہاز رانی
flights|transport|flight\w*|aviation|air\w*
    طيران;رحلات جوية;رحلات مباشرة;vols?;aérien\w*;aviation;авиа\w*;рейс\w*;航班;航空;直航
    پرواز\w*;پروازوں;فضائی;ہوابازی
infrastructure|infrastructure|infrastruct\w*
    بنية تحتية;بنى التحتية;بنية التحتية;infrastructure\w*;инфраструктур\w*;基础设施;بنیادی ڈھانچ\w*
    انفراسٹرکچر
climate change|environment|climat\w*
    مناخ\w*;climat\w*;климат\w*;气候;موسمیاتی;ماحولیاتی تبدیلی
environment|environment|environment\w*|ecolog\w*
    بيئ\w*;environnement\w*;экологи\w*;окружающ\w* сред\w*;环境;生态;ماحولیات\w*;ماحولیاتی
water resources|environment|water
    مياه;موارد مائية;موارد المائية;ressources en eau;водн\w* ресурс\w*;水资源;آبی وسائل;پانی
textiles|industry|textile\w*|garment\w*
    نسيج;منسوجات;textile\w*;текстил\w*;纺织\w*;ٹیکسٹائل
industry|industry|industr\w*|manufactur\w*
    صناع\w*;industri\w*;промышлен\w*;工业;产业;صنعت\w*;صنعتی
banking and finance|finance|bank\w*|financ\w*
    مصرف\w*;بنوك;بنكي\w*;مالي\w*;bancaire\w*;financi(?:er|ère|ers|ères);financement\w*
    банковск\w*;финанс\w*;金融;银行;بینک\w*
    مالیاتی
customs|trade|customs
    جمارك;جمركي\w*;douan\w*;таможен\w*;海关;کسٹمز
humanitarian aid|humanitarian|humanitar\w*|aid
    إنساني\w*;humanitaire\w*;人道;انسانی امداد
human rights|human rights|human rights
    حقوق الإنسان;droits de l'homme;droits humains;прав\w* человека;人权;انسانی حقوق
nuclear energy|energy|nuclear
    نووي\w*;nucléaire\w*;атомн\w*;ядерн\w*;核能;核电;جوہری
space|science|space
    فضاء;spatial\w*;космос\w*;космическ\w*;航天;太空;خلائی
labour|migration|labou?r|worker\w*|employment
    عمالة;عمال;main-d'œuvre;travailleurs?;трудов\w*;劳务;افرادی قوت;مزدور\w*;روزگار
disaster management|environment|disaster\w*
    كوارث;catastrophe\w*;бедстви\w*;чрезвычайн\w* ситуац\w*;灾害;防灾;减灾;آفات
youth|culture|youth
    شباب;jeunesse;молод[её]ж\w*;青年;نوجوان\w*
media|culture|media
    إعلام\w*;médias?;СМИ;медиа;媒体;میڈیا
sports|culture|sport\w*
    sporti\w*;sports?;спорт\w*;体育;کھیل\w*
one-China principle|position|one[- ]China
    مبدأ الصين الواحدة;سياسة الصين الواحدة;principe d'une seule Chine;politique d'une seule Chine
    принцип\w* одного Китая;политик\w* одного Китая;一个中国原则;一个中国政策;一中原则;ون چائنا
    ایک چین
Belt and Road|position|belt and road|BRI
    الحزام والطريق;Ceinture et la Route;routes de la soie;Пояс\w* и пут\w*;一带一路;بیلٹ اینڈ روڈ
people-to-people exchanges|culture|people[- ]to[- ]people
    التواصل الشعبي;التبادل الشعبي;échanges humains;échanges entre les peuples;人文交流;عوامی رابط\w*
multilateral cooperation|politics|multilateral\w*
    متعدد\w* الأطراف;multilatéra\w*;многосторонн\w*;多边;کثیرالجہتی;کثیر الجہتی
political mutual trust|politics|mutual trust
    الثقة السياسية المتبادلة;confiance politique mutuelle;политическ\w* довери\w*;政治互信
debt|finance|debt\w*
    ديون;مديونية;dette\w*;долг(?:а|ов|ам|ами|ах|и|ов|овой|овых)?;债务;قرض\w*
law enforcement|security|law enforcement|police
    إنفاذ القانون;شرط\w*;police\w*;правоохранительн\w*;полици\w*;执法;警务;قانون نافذ کرنے;پولیس
telecom fraud|security|fraud|scam\w*
    电信诈骗;电诈;网络诈骗
online gambling|security|gambling
    网络赌博;跨境赌博
"""

#: A sentence that says what was discussed or agreed, or that speaks of cooperation.
_CUE = re.compile(
    r"(?i:\b(?:discut\w*|évoqu\w*|abord\w*|échang\w*|examin\w*|passé\s+en\s+revue|"
    r"coopération|collaboration|partenariat|convenu\w*|accord\w*|renforc\w*|développ\w*|"
    r"обсуд\w*|обсужд\w*|обмен\w*|рассмотр\w*|затронул\w*|сотрудничеств\w*|взаимодейств\w*|"
    r"договорил\w*|согласил\w*|укреплени\w*|развити\w*|партн[её]рств\w*))|"
    r"ناقش|مناقشة|بحث|تبادل|استعرض|تناول|تطرق|تباحث|تعاون|التعاون|اتفق|الاتفاق|تعزيز|تطوير|"
    r"مجالات|مجال|"
    r"تبادلہ\s+خیال|تبادلۂ\s+خیال|بات\s+چیت|گفتگو|جائزہ|زیر\s+بحث|تعاون|اتفاق|فروغ|شعبوں|"
    r"شعبے|"
    r"讨论|交换意见|交换了意见|探讨|谈及|合作|同意|一致|推动|加强|深化|领域"
)

#: Offices and titles a sector word can stand in: "وزیر تجارت" (Commerce Minister),
#: "ministère de l'Agriculture", "Министр промышленности и торговли", "غرفة التجارة".
_OFFICE = re.compile(
    r"(?i:\b(?:ministres?|ministère\w*|secrétaire\w*|chambres?|directeur\w*|directrice\w*|"
    r"agence\w*|commissaires?|министр\w*|министерств\w*|палат\w*|агентств\w*|директор\w*|"
    r"служб\w*|ведомств\w*|commissions?|комисси\w*)\b)|"
    r"وزير\w*|وزار\w*|غرف\w*|هيئ\w*|مدير\w*|أمين\w*|مؤسس\w*|لجن\w*|"
    r"وزیر\w*|وزارت\w*|سیکرٹری|مشیر|معاون|چیمبر|ڈائریکٹر|چیئرمین|کمیشنر|کمیشن"
)
#: Chinese: a sector word followed by an office ("商务部", "农业农村部部长").
_CJK_OFFICE = re.compile(r"[\u4e00-\u9fff]{0,3}?(?:部|局|厅|委|署|办)")
#: Words allowed between two list items ("trade, investment and energy").
_GLUE_TOKEN = (
    r"\s+|[,،、;؛]|和|与|及|以及|(?<!\w)(?:and|et|и|de|des|du|la|le|les|l'|"
    r"в|области|сфере|و|اور|نیز|کے|کی)(?!\w)"
)
_LIST_GLUE = re.compile(rf"(?i:(?:{_GLUE_TOKEN})*)")
_CJK = re.compile(r"[\u4e00-\u9fff]")
#: The family of a stated position or a named policy ("the one-China principle", "the Belt
#: and Road"): a subject of the meeting in whatever sentence states it ("秘方坚定奉行一个中国原则",
#: "Peru firmly adheres to the one-China principle").
_POSITION = "position"
_LATIN = re.compile(r"[A-Za-zÀ-ÿ]")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_ARABIC_PROCLITIC = r"(?:[وفبلك]?(?:ال)?|لل)"


@dataclass(frozen=True)
class Subject:
    label: str
    family: str
    known: re.Pattern[str]  # an English topic label that already names the subject


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    subject: Subject


@dataclass(frozen=True)
class SubjectSpan:
    """A subject (or a family's subjects named side by side) and its span in the original."""

    label: str
    start: int
    end: int
    subjects: tuple[Subject, ...]


def _fragment(word: str) -> str:
    word = word.strip().replace(" ", r"\s+")
    if _CJK.search(word):
        return word
    if _ARABIC.match(word):
        return rf"(?<!\w){_ARABIC_PROCLITIC}{word}(?!\w)"
    return rf"(?<!\w){word}(?!\w)"


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[Subject, re.Pattern[str]]]:
    rows: list[tuple[Subject, re.Pattern[str]]] = []
    head: list[str] = []
    words: list[str] = []

    def close() -> None:
        if head:
            label, family, known = head
            subject = Subject(label, family, re.compile(rf"(?i)\b(?:{known})\b"))
            alternation = "|".join(_fragment(w) for w in words if w.strip())
            rows.append((subject, re.compile(rf"(?i:{alternation})")))

    for line in _TABLE.strip("\n").splitlines():
        if line.startswith(" "):
            words.extend(line.split(";"))
        else:
            close()
            label, family, known = line.split("|", 2)
            head[:] = [label, family, known]
            words = []
    close()
    return rows


@lru_cache(maxsize=1)
def _position_patterns() -> list[tuple[Subject, re.Pattern[str]]]:
    return [(subject, pattern) for subject, pattern in _patterns() if subject.family == _POSITION]


def _in_sentence(text: str, start: int, end: int, cued: bool) -> list[Found]:
    """Every subject word in text[start:end], longest first where they overlap: of every
    subject in a sentence that says what was discussed or agreed (``cued``), else of the
    stated positions only (no position's words are a sector's)."""
    hits: list[Found] = []
    for subject, pattern in _patterns() if cued else _position_patterns():
        hits.extend(Found(m.start(), m.end(), subject) for m in pattern.finditer(text, start, end))
    hits.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Found] = []
    for hit in hits:
        if kept and hit.start < kept[-1].end:
            continue
        kept.append(hit)
    return kept


def _chains(text: str, hits: list[Found]) -> list[list[Found]]:
    """Hits that follow one another with only list words between them."""
    chains: list[list[Found]] = []
    for hit in hits:
        if chains and _LIST_GLUE.fullmatch(text, chains[-1][-1].end, hit.start):
            chains[-1].append(hit)
        else:
            chains.append([hit])
    return chains


def _in_office(text: str, chain: list[Found], sentence_start: int) -> bool:
    """Whether the chain names an office's portfolio ("Minister of Trade and Industry")."""
    first, last = chain[0], chain[-1]
    if _CJK.search(text, first.start, first.end):
        return bool(_CJK_OFFICE.match(text, last.end))
    # French capitalises a portfolio, not a subject: "les ministres ... de l'Agriculture"
    word = text[first.start : first.end]
    portfolio = word[0].isupper() and not word[1:].isupper()  # an acronym (GNL) is not one
    if _LATIN.match(word) and first.start > sentence_start and portfolio:
        return True
    before = text[max(sentence_start, first.start - 60) : first.start]
    words = re.findall(r"[\w'’-]+", before)[-4:]
    return any(_OFFICE.fullmatch(w) for w in words)


def _label(subjects: list[Subject]) -> str:
    labels = list(dict.fromkeys(s.label for s in subjects))
    # "science and technology" already says "technology"
    labels = [a for a in labels if not any(a != b and a in b for b in labels)]
    return normalize.english_list(labels)


@lru_cache(maxsize=16)
def _cue_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """The text's sentences that say what was discussed or agreed (read once per article:
    every translated topic of it looks there)."""
    return tuple((s, e) for s, e in dating.sentence_spans(text) if _CUE.search(text, s, e))


def subjects_discussed(text: str) -> list[SubjectSpan]:
    """The subjects named in the text's discussion sentences, in order, each once; words of
    one family side by side are one subject."""
    out: list[SubjectSpan] = []
    seen: set[str] = set()
    cued = set(_cue_sentences(text))
    for start, end in dating.sentence_spans(text):
        hits = _in_sentence(text, start, end, (start, end) in cued)
        for chain in _chains(text, hits):
            if _in_office(text, chain, start):
                continue
            groups: list[list[Found]] = []
            for hit in chain:
                if groups and groups[-1][-1].subject.family == hit.subject.family:
                    groups[-1].append(hit)
                else:
                    groups.append([hit])
            for group in groups:
                subjects = [h.subject for h in group if h.subject.label not in seen]
                if not subjects:
                    continue
                seen.update(s.label for s in subjects)
                out.append(
                    SubjectSpan(_label(subjects), group[0].start, group[-1].end, tuple(subjects))
                )
    return out


def subject_in(text: str, label: str, near: tuple[int, int]) -> tuple[int, int] | None:
    """Where the ORIGINAL names the subject an English topic label names ("trade": «التجارة»,
    "commerce", 贸易): in the sentence ``near`` (the sentence a translated topic was aligned
    to), else in the first sentence that says what was discussed or agreed; not inside an
    office's name. None when the label names no subject of the table, or the original
    names it nowhere such."""
    wanted = [(s, p) for s, p in _patterns() if s.known.search(label)]
    if not wanted:
        return None
    for start, end in [near, *_cue_sentences(text)]:
        for subject, pattern in wanted:
            for match in pattern.finditer(text, start, end):
                hit = [Found(match.start(), match.end(), subject)]
                if not _in_office(text, hit, start):
                    return match.start(), match.end()
    return None
