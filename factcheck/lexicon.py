"""Word lists for quantities, in English, Urdu, Arabic, Russian and Kazakh.

Plain data, read by ``quantities`` (number words, ordinals, scale words, currencies, units,
approximations) and ``atomic`` (clause markers). Every key is in ``fold``ed form: lower case, Arabic
diacritics and tatweel removed, alef forms unified (أ إ آ ٱ -> ا), ى -> ي, ё -> е.

Decisions:
- Words meaning "one" (one, ایک, واحد, один, бір) double as indefinite articles in Urdu and Kazakh;
  they are read as 1 only before a scale word ("ایک ارب" = 1e9), never alone.
- Words that are also common non-number words are left out: Urdu اسی (80; also "the same"),
  نو (9; also "new"); they are read only before a scale or unit word (``WEAK_NUMBERS``).
- Lexicons are per language; with no language, the union of all of them is used except entries
  that clash with a common word of another language (Kazakh он = 10, Russian он = "he").
"""
from __future__ import annotations

import re

# Arabic-script vowel marks and Quranic signs (a class body for regexes), and them with the tatweel:
# what ``fold`` drops
AR_MARK_CHARS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"
AR_MARKS = re.compile(f"[{AR_MARK_CHARS}\u0640]")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ё": "е", "Ё": "е",
                       "ك": "ك", "ۃ": "ہ"})


def fold(word: str) -> str:
    """Matching form of a word (see module doc)."""
    return AR_MARKS.sub("", word).translate(_FOLD).lower()


LANGS = ("en", "ur", "ar", "ru", "kk")


def _table(spec: str) -> dict[str, float]:
    """"1: one, two | 2: ..." -> {word: value}."""
    out: dict[str, float] = {}
    for part in spec.split("|"):
        part = part.strip()
        if not part:
            continue
        value, words = part.split(":", 1)
        for w in words.split(","):
            w = w.strip()
            if w:
                out[fold(w)] = float(value)
    return out


# --- cardinal number words (1..20, tens, hundreds) --------------------------------------------
NUMBERS: dict[str, dict[str, float]] = {
    "en": _table("""
        1: one | 2: two | 3: three | 4: four | 5: five | 6: six | 7: seven | 8: eight | 9: nine |
        10: ten | 11: eleven | 12: twelve | 13: thirteen | 14: fourteen | 15: fifteen | 16: sixteen |
        17: seventeen | 18: eighteen | 19: nineteen | 20: twenty | 30: thirty | 40: forty | 50: fifty |
        60: sixty | 70: seventy | 80: eighty | 90: ninety | 100: hundred"""),
    # Urdu 21..99 are words of their own; left out: "بہتر" (72; better), "نواسی" (89; granddaughter), "چون" (54)
    "ur": _table("""
        1: ایک | 2: دو | 3: تین | 4: چار | 5: پانچ | 6: چھ, چھے | 7: سات | 8: آٹھ | 9: نو | 10: دس |
        11: گیارہ | 12: بارہ | 13: تیرہ | 14: چودہ | 15: پندرہ | 16: سولہ | 17: سترہ | 18: اٹھارہ |
        19: انیس | 20: بیس | 30: تیس | 40: چالیس | 50: پچاس | 60: ساٹھ | 70: ستر | 80: اسی |
        90: نوے | 100: سو |
        21: اکیس | 22: بائیس | 23: تئیس, تیئس | 24: چوبیس | 25: پچیس | 26: چھبیس | 27: ستائیس | 28: اٹھائیس |
        29: انتیس | 31: اکتیس | 32: بتیس | 33: تینتیس | 34: چونتیس | 35: پینتیس | 36: چھتیس | 37: سینتیس |
        38: اڑتیس | 39: انتالیس | 41: اکتالیس | 42: بیالیس | 43: تینتالیس | 44: چوالیس | 45: پینتالیس |
        46: چھیالیس | 47: سینتالیس | 48: اڑتالیس | 49: انچاس | 51: اکیاون | 52: باون | 53: ترپن |
        55: پچپن | 56: چھپن | 57: ستاون | 58: اٹھاون | 59: انسٹھ | 61: اکسٹھ | 62: باسٹھ | 63: ترسٹھ |
        64: چونسٹھ | 65: پینسٹھ | 66: چھیاسٹھ | 67: سڑسٹھ | 68: اڑسٹھ | 69: انہتر | 71: اکہتر |
        73: تہتر | 74: چوہتر | 75: پچھتر | 76: چھہتر | 77: ستتر | 78: اٹھہتر | 79: اناسی | 81: اکیاسی |
        82: بیاسی | 83: تراسی | 84: چوراسی | 85: پچاسی | 86: چھیاسی | 87: ستاسی | 88: اٹھاسی |
        91: اکیانوے | 92: بانوے | 93: ترانوے | 94: چورانوے | 95: پچانوے | 96: چھیانوے | 97: ستانوے |
        98: اٹھانوے | 99: ننانوے"""),
    "ar": _table("""
        1: واحد, واحدة | 2: اثنان, اثنين, اثنتان, اثنتين | 3: ثلاث, ثلاثة | 4: أربع, أربعة |
        5: خمس, خمسة | 6: ست, ستة | 7: سبع, سبعة | 8: ثمان, ثماني, ثمانية | 9: تسع, تسعة |
        10: عشر, عشرة | 20: عشرون, عشرين | 30: ثلاثون, ثلاثين | 40: أربعون, أربعين |
        50: خمسون, خمسين | 60: ستون, ستين | 70: سبعون, سبعين | 80: ثمانون, ثمانين |
        90: تسعون, تسعين | 100: مئة, مائة | 200: مئتان, مئتين, مائتان, مائتين |
        300: ثلاثمائة, ثلاثمئة | 400: أربعمائة, أربعمئة | 500: خمسمائة, خمسمئة |
        600: ستمائة, ستمئة | 700: سبعمائة, سبعمئة | 800: ثمانمائة, ثمانمئة | 900: تسعمائة, تسعمئة |
        2000: ألفان, ألفين, ألفي | 2000000: مليونان, مليونين | 2000000000: ملياران, مليارين"""),
    "ru": _table("""
        1: один, одна, одно, одного, одной, одному, одним | 2: два, две, двух, двум, двумя, двое |
        3: три, трех, трем, тремя, трое | 4: четыре, четырех, четырем, четырьмя, четверо |
        5: пять, пяти, пятью, пятеро | 6: шесть, шести, шестью, шестеро | 7: семь, семи, семью, семеро |
        8: восемь, восьми, восемью, восьмеро | 9: девять, девяти, девятью | 10: десять, десяти, десятью |
        11: одиннадцать, одиннадцати | 12: двенадцать, двенадцати | 13: тринадцать, тринадцати |
        14: четырнадцать, четырнадцати | 15: пятнадцать, пятнадцати | 16: шестнадцать, шестнадцати |
        17: семнадцать, семнадцати | 18: восемнадцать, восемнадцати | 19: девятнадцать, девятнадцати |
        20: двадцать, двадцати | 30: тридцать, тридцати | 40: сорок, сорока | 50: пятьдесят, пятидесяти |
        60: шестьдесят, шестидесяти | 70: семьдесят, семидесяти | 80: восемьдесят, восьмидесяти |
        90: девяносто, девяноста | 100: сто, ста | 200: двести, двухсот | 300: триста, трехсот |
        400: четыреста, четырехсот | 500: пятьсот, пятисот | 600: шестьсот | 700: семьсот |
        800: восемьсот | 900: девятьсот"""),
    "kk": _table("""
        1: бір | 2: екі | 3: үш | 4: төрт | 5: бес | 6: алты | 7: жеті | 8: сегіз | 9: тоғыз |
        10: он | 20: жиырма | 30: отыз | 40: қырық | 50: елу | 60: алпыс | 70: жетпіс | 80: сексен |
        90: тоқсан | 100: жүз"""),
}
# Arabic 11..19 are two words: "أحد عشر", "ثلاثة عشر" (units + عشر/عشرة)
AR_TEENS_TAIL = {fold("عشر"), fold("عشرة")}
AR_ELEVEN = {fold(w): 11.0 for w in ("أحد", "إحدى")} | {fold(w): 12.0 for w in ("اثنا", "اثنتا", "اثني", "اثنتي")}
# read only as 1 / only with a following scale or unit word
ONE_WORDS = {fold(w) for w in ("one", "ایک", "واحد", "واحدة", "один", "одна", "одно", "одного", "одной",
                               "одному", "одним", "бір")}
WEAK_NUMBERS = {fold(w) for w in ("نو", "اسی", "ستر", "سو", "ست", "سبع", "жүз", "сто", "ста", "семью")}
# in text known to be Arabic these are the numbers before a counted noun ("سبع نقاط", "ست معارك"); weak
# only where the language is unknown (Urdu "ست", "سبع" are no numbers)
AR_STRONG_IN_ARABIC = {fold(w) for w in ("ست", "سبع")}
# "الحادي" (the one-) is an ordinal only in compounds: "الحادي عشر" (11th), "الحادي والعشرين" (21st)
AR_COMPOUND_ONLY = {fold(w) for w in ("الحادي", "حادي", "الحادية", "حادية")}
CLASHES = {"он"}  # Kazakh 10 vs Russian "he": only with lang == "kk"

# --- vague counts: "hundreds of", "десятки", "دسیوں ہزار" (value = the base, approx "more than")
VAGUE = _table("""
    10: dozens, tens, десятки, десятков, درجنوں, دسیوں, عشرات, العشرات, ондаған |
    100: hundreds, сотни, сотен, سینکڑوں, مئات, المئات, мыңдаған |
    1000: thousands, тысячи, ہزاروں, ھزاروں, آلاف, الآلاف |
    1000000: millions, миллионы, لاکھوں, ملايين, الملايين""")
# the Arabic forms with the article: "المئات من البيوت" (hundreds of houses) as well as "مئات البيوت"
VAGUE[fold("мыңдаған")] = 1000.0
VAGUE[fold("жүздеген")] = 100.0

# --- ordinals ------------------------------------------------------------------------------
ORDINALS: dict[str, dict[str, float]] = {
    "en": _table("""1: first | 2: second | 3: third | 4: fourth | 5: fifth | 6: sixth | 7: seventh |
                    8: eighth | 9: ninth | 10: tenth | 11: eleventh | 12: twelfth | 13: thirteenth |
                    14: fourteenth | 15: fifteenth | 16: sixteenth | 17: seventeenth | 18: eighteenth |
                    19: nineteenth | 20: twentieth | 30: thirtieth | 40: fortieth | 50: fiftieth | 100: hundredth"""),
    "ur": _table("""1: پہلا, پہلی, پہلے | 2: دوسرا, دوسری, دوسرے | 3: تیسرا, تیسری, تیسرے |
                    4: چوتھا, چوتھی, چوتھے | 5: پانچواں, پانچویں | 6: چھٹا, چھٹے | 7: ساتواں, ساتویں |
                    8: آٹھواں, آٹھویں | 9: نواں, نویں | 10: دسواں, دسویں |
                    11: گیارہواں, گیارہویں, گیارھویں | 12: بارہواں, بارہویں, بارھویں | 13: تیرہواں, تیرہویں, تیرھویں |
                    14: چودہواں, چودہویں, چودھویں | 15: پندرہواں, پندرہویں, پندرھویں | 16: سولہواں, سولہویں, سولھویں |
                    17: سترہواں, سترہویں, سترھویں | 18: اٹھارہواں, اٹھارہویں, اٹھارھویں | 19: انیسواں, انیسویں |
                    20: بیسواں, بیسویں | 21: اکیسواں, اکیسویں | 30: تیسواں, تیسویں | 40: چالیسواں, چالیسویں |
                    50: پچاسواں, پچاسویں | 100: سوواں, سوویں"""),
    "ar": _table("""1: أول, الأول, أولى, الأولى, اول, الحادي, حادي, الحادية, حادية, أولا | 2: ثاني, ثان, الثاني, ثانية, الثانية, الثانى, ثانيا |
                    3: ثالث, الثالث, ثالثة, الثالثة, ثالثا | 4: رابع, الرابع, رابعة, الرابعة, رابعا |
                    5: خامس, الخامس, خامسة, الخامسة, خامسا | 6: سادس, السادس, سادسة, السادسة |
                    7: سابع, السابع, سابعة, السابعة | 8: ثامن, الثامن, ثامنة, الثامنة |
                    9: تاسع, التاسع, تاسعة, التاسعة | 10: عاشر, العاشر, عاشرة, العاشرة"""),
    "ru": {},
    "kk": {},
}
_RU_ADJ = ("ый", "ой", "ая", "ое", "ые", "ого", "ому", "ым", "ом", "ую", "ых", "ыми", "ий", "ье", "ья", "ьи",
           "ьего", "ьей", "ьему", "ьим", "ьем", "ью", "ьих", "ьими", "ей")
_RU_ORDINAL_STEMS = ((1, "перв"), (2, "втор"), (3, "трет"), (4, "четверт"), (5, "пят"), (6, "шест"),
                     (7, "седьм"), (8, "восьм"), (9, "девят"), (10, "десят"), (11, "одиннадцат"),
                     (12, "двенадцат"), (13, "тринадцат"), (14, "четырнадцат"), (15, "пятнадцат"),
                     (16, "шестнадцат"), (17, "семнадцат"), (18, "восемнадцат"), (19, "девятнадцат"),
                     (20, "двадцат"), (30, "тридцат"), (40, "сороков"), (50, "пятидесят"), (100, "сот"))
for _v, _stem in _RU_ORDINAL_STEMS:
    for _end in _RU_ADJ:
        ORDINALS["ru"][_stem + _end] = float(_v)
for _v, _stem in _RU_ORDINAL_STEMS:  # cardinal case forms, not ordinals: "пятью", "двадцатью"
    if _v >= 5 and _stem != "сороков":
        ORDINALS["ru"].pop(_stem + "ью", None)
for _w in ("пяти", "десяти", "шести", "девяти", "пятых", "сотых", "десятых"):
    ORDINALS["ru"].pop(_w, None)  # cardinal case forms, not ordinals ("пятых" stays out too: fractions)
# singular Arabic nouns after which a definite tens number is an ordinal ("القرن العشرين", the 20th
# century; "الذكرى الثلاثين", the 30th anniversary; but "الدول العشرين" are twenty countries)
AR_ORDINAL_NOUNS = {fold(w) for w in ("القرن", "الذكرى", "الدورة", "المرتبة", "المركز", "النسخة", "الطبعة",
                                       "العيد", "الجولة", "الدقيقة", "الأسبوع", "اليوم", "الشهر", "العام")}
# Kazakh ordinals take case endings: match by stem
KK_ORDINAL_STEMS = {"бірінші": 1.0, "екінші": 2.0, "үшінші": 3.0, "төртінші": 4.0, "бесінші": 5.0,
                    "алтыншы": 6.0, "жетінші": 7.0, "сегізінші": 8.0, "тоғызыншы": 9.0, "оныншы": 10.0,
                    "жиырмасыншы": 20.0, "отызыншы": 30.0, "қырқыншы": 40.0, "елуінші": 50.0, "жүзінші": 100.0}

# --- scale words -------------------------------------------------------------------------------
_SCALE_SPEC = {
    # "ھزار": Urdu typed with the two-eyed he for ہ ("دس ھزار ڈالر"), as many writers do
    1e3: "thousand, thousands, k, ألف, آلاف, الف, ألفا, ألفين, ألفان, ہزار, ھزار, هزار, тысяч, тысячи, тысяча, тысячу, "
         "тысячами, тыс, мың",
    12: "dozen, درجن, دزينة, دستة, дюжина, дюжины, дюжин, дюжину",  # "two dozen" is 24 ("dozens of": VAGUE)
    1e5: "lakh, lakhs, لاکھ",
    1e6: "million, millions, mln, mn, m, مليون, ملايين, مليونا, مليونين, مليونان, ملین, ملیون, миллион, миллиона, "
         "миллионов, миллионами, млн",
    1e7: "crore, crores, کروڑ",
    1e9: "billion, billions, bn, مليار, مليارات, مليارا, مليارين, ملياري, بليون, بلین, ارب, миллиард, миллиарда, "
         "миллиардов, миллиардами, млрд",
    1e11: "کھرب",
    1e12: "trillion, trillions, tn, تريليون, تريليونات, ٹریلین, триллион, триллиона, триллионов, трлн",
}
SCALES: dict[str, float] = {fold(w.strip()): v for v, ws in _SCALE_SPEC.items() for w in ws.split(",")}
SCALE_GLUED_ONLY = {"k", "m", "mn", "bn", "tn"}  # "£5m", "2.8bn": only glued to the number

# --- currencies ------------------------------------------------------------------------------
CURRENCY_SYMBOLS = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "₸": "KZT", "₽": "RUB", "¥": "JPY",
                    "₹": "INR", "usd": "USD", "eur": "EUR", "gbp": "GBP", "kzt": "KZT", "rub": "RUB"}
_CURRENCY_SPEC = {
    "USD": "dollar, dollars, usd, ڈالر, ڈالرز, دولار, دولارا, دولارات, доллар, доллара, долларов, долларам, "
           "долларами, долл, доллар, долларға, доллары",
    "EUR": "euro, euros, eur, یورو, يورو, евро, еуро",
    "GBP": "£, sterling, إسترليني, استرليني, стерлингов, стерлинга, جنيه, جنيها, جنيهات",
    "KZT": "tenge, kzt, ٹینگے, تينغي, تنغي, тенге, теңге",
    "RUB": "ruble, rubles, rouble, roubles, روبل, روبلز, روبل, рубль, рубля, рублей, рублям, руб, рубль",
    "PKR": "rupee, rupees, روپے, روپیہ, روپیے",
    "CNY": "yuan, یوان, يوان, юань, юаней",
    "SAR": "riyal, riyals, ريال, ریال",
}
CURRENCY_WORDS: dict[str, str] = {fold(w.strip()): c for c, ws in _CURRENCY_SPEC.items() for w in ws.split(",")}
# adjectives that may stand between a number and its currency: "28 بلین امریکی ڈالر", "долларов США"
CURRENCY_ADJ = {fold(w) for w in ("us", "u.s.", "american", "امریکی", "أمريكي", "امريكي", "الأمريكي",
                                  "американских", "американский", "америка", "сша", "канадских", "australian")}

# --- units other than currency: what a number counts or measures --------------------------------
_UNIT_SPEC = {
    "person": "people, persons, person, officials, residents, citizens, soldiers, troops, children, workers, "
              "students, migrants, refugees, victims, dead, casualties, civilians, passengers, employees, "
              "men, women, boys, girls, sons, daughters, kids, "
              "مرد, خواتین, عورتیں, عورتوں, بیٹے, بیٹیاں, بیٹوں, بچیاں, "
              "رجال, رجلا, نساء, امرأة, أولاد, اولاد, أبناء, ابناء, بنات, أطفالا, أشخاصا, "
              "мужчин, женщин, сыновей, дочерей, мальчиков, девочек, "
              "افراد, فرد, لوگ, لوگوں, اہلکار, اہلکاروں, افسران, شہری, شہریوں, بچے, بچوں, فوجی, فوجیوں, "
              "مسافر, مسافروں, طلباء, مزدور, ملازمین, ہلاک, زخمی, "
              "شخص, أشخاص, اشخاص, شخصا, مسؤول, مسؤولين, مسؤولون, مواطن, مواطنين, مواطنا, طفل, أطفال, "
              "جندي, جنود, قتيل, قتلى, مصاب, مصابين, لاجئ, لاجئين, عامل, عمال, طالب, طلاب, ركاب, موظف, موظفين, "
              "человек, людей, человека, жителей, граждан, детей, ребенка, детьми, сотрудников, чиновников, "
              "военных, солдат, погибших, пострадавших, раненых, пассажиров, студентов, беженцев, "
              "адам, адамның, адамды, адамға, тұрғын, бала, баланы, қызметкер, сарбаз, жолаушы, студент",
    "country": "countries, nations, states, country, ممالک, ملک, ملکوں, دول, دولة, بلدان, بلدا, "
               "страны, стран, странами, государств, государства, ел, елдер, елі, мемлекет",
    "year": "years, year, yrs, سال, سالہ, سالوں, سالہ, برس, عام, عاما, أعوام, سنة, سنوات, عامًا, "
            "год, года, лет, годами, годам, летний, летнего, летнему, летняя, летней, летних, жыл, жас, жастағы, жасар, жылдық",
    "month": "months, month, مہینے, مہینوں, ماہ, شهر, شهرا, أشهر, شهور, месяц, месяца, месяцев, ай",
    "week": "weeks, week, ہفتے, ہفتوں, أسبوع, أسابيع, неделя, недели, недель, апта",
    "day": "days, day, دن, دنوں, يوم, يوما, أيام, день, дня, дней, сутки, суток, күн",
    "hour": "hours, hour, گھنٹے, گھنٹوں, ساعة, ساعات, час, часа, часов, сағат",
    "minute": "minutes, minute, منٹ, دقيقة, دقائق, минута, минуты, минут, минут",
    "km": "km, kilometres, kilometers, کلومیٹر, كيلومتر, كيلومترات, كم, кілометр, км, километров, километра, "
          "километр, шақырым",
    "cm": "cm, centimetres, centimeters, سینٹی میٹر, سم, سنتيمتر, سنتيمترات, см, сантиметров, сантиметра",
    "mm": "mm, millimetres, millimeters, ملی میٹر, ملم, مليمتر, мм, миллиметров",
    "inch": "inches, inch, انچ, بوصة, بوصات, дюйм, дюйма, дюймов",
    "foot": "feet, foot, ft, فٹ, قدم, أقدام, фута, футов, фут",
    "lb": "lb, lbs, رطل, أرطال, رطلا",
    # "pound" is money or weight: ``checks`` reads it as GBP or lb by what the other claim states
    "pound": "pound, pounds, پاؤنڈ, پاونڈ, پونڈ, фунт, фунта, фунтов, фунты, фунтами, фунтам",
    "mph": "mph, میل فی گھنٹہ, ميلا في الساعة",
    "kmh": "км/ч, kph, کلومیٹر فی گھنٹہ, كم/س",
    "mile": "miles, mile, میل, ميل, أميال, миль, мили, миля, милю, милей, милям, милями, милях",
    "m": "m, м, metres, meters, metre, meter, میٹر, متر, أمتار, метров, метра, метр",  # "700 ft (214 m)"; glued "5m" is 5 million
    "m3": "кубометров, кубометра, кубометр",
    "kg": "kg, kilograms, kilos, کلو, كيلوغرام, كيلوجرام, кг, килограммов, килограмм, килограмма",
    "t": "tonnes, tons, tonne, ton, ٹن, طن, أطنان, тонн, тонны, тонна, тонна",
    # the yield of a bomb (not a mass: "20-megaton H-bomb", "20 میگا ٹن بم", "24 ميغا طن", "в 24 мегатонны")
    "Mt": "megatons, megaton, megatonnes, میگا ٹن, میگاٹن, ميغا طن, ميغاطن, ميجا طن, мегатонн, мегатонны, мегатонна",
    "kt": "kilotons, kiloton, kilotonnes, کلو ٹن, كيلو طن, килотонн, килотонны, килотонна",
    "ha": "hectares, hectare, ہیکٹر, هكتار, гектаров, га, гектар",
    # Arabic news renders acres as feddans (4,200 m², an acre is 4,047)
    "acre": "acres, acre, ایکڑ, فدان, أفدنة, فدانا, акров, акра, акр, акры",
    "clock": "a.m, p.m, am, pm, o'clock, بجے, صباحا, مساء, утра, вечера, дня, ночи",
    "degree": "degrees, degree, ڈگری, ڈگریز, درجة, درجات, درجه, درجتين, градусов, градуса, градус, градусы, градусқа",
    # how many times: a multiplier or a repetition ("почти в три раза", "تضاعفت ثلاث مرات", "تین گنا")
    "times": "times, раза, раз, مرات, مرة, مرّات, گنا, بار, مرتبہ, мәрте, есе, рет",
}
# "cubic" / "square" next to a length: volume and area are units of their own ("m3", "km2")
POWER_WORDS = {fold(w): p for p, ws in {
    "3": "cubic, مکعب, مكعب, مكعبة, مكعبا, кубических, кубический, кубических, кубометров, текше",
    "2": "square, sq, مربع, مربعة, مربعا, квадратных, квадратный, шаршы"}.items() for w in ws.split(", ")}
UNIT_WORDS: dict[str, str] = {}
for _unit, _ws in _UNIT_SPEC.items():
    for _w in _ws.split(","):
        UNIT_WORDS.setdefault(fold(_w.strip()), _unit)
# glued suffixes: "13-year-old", "13-летнего", "135-тен", "1,5-метровый"
UNIT_SUFFIX = re.compile(r"-?(?:year|летн|лет|жыл|жас)", re.IGNORECASE)
# measures glued to the number as adjectives: "300-kilogram", "300-килограммовое", "10-mile", "5-тонный"
GLUED_UNITS = [(re.compile(r"-megatons?\b|-мегатонн"), "Mt"), (re.compile(r"-kilotons?\b|-килотонн"), "kt"),
               (re.compile(r"-(?:kilograms?|kilos?|kg)\b|-(?:килограмм|кг\b)"), "kg"),
               (re.compile(r"-(?:kilomet(?:re|er)s?|km)\b|-(?:километр|км\b)"), "km"),
               (re.compile(r"-(?:met(?:re|er)s?|m)\b|-метр"), "m"),
               (re.compile(r"-(?:centimet(?:re|er)s?|cm)\b|-сантиметр"), "cm"),
               (re.compile(r"-(?:miles?)\b|-мильн"), "mile"),
               (re.compile(r"-(?:foot|feet|ft)\b|-футов"), "foot"),
               (re.compile(r"-(?:inch(?:es)?)\b|-дюймов"), "inch"),
               (re.compile(r"\s?-acres?\b"), "acre"),
               (re.compile(r"-(?:tons?|tonnes?)\b|-тонн"), "t"),
               (re.compile(r"-(?:pounds?|lbs?)\b|-фунтов"), "pound"),
               (re.compile(r"\s?[°º]\s?(?:[fcс](?!\w))?|-degrees?\b|-градус\w*"), "degree")]  # "80°F", "30 °С"

PERCENT_WORDS = [fold(w) for w in ("percent", "per cent", "pct", "فیصد", "فی صد", "في المائة", "في المئة", "بالمائة",
                                   "بالمئة", "نسبة مئوية", "%", "процент", "процента", "процентов", "процентами", "пайыз",
                                   "пайызға", "пайызды", "пайызы", "درصد",
                                   # percentage points: translations render them as percent ("بأكثر من 40 في المائة")
                                   "percentage points", "percentage point", "فیصد پوائنٹس", "فیصد پوائنٹ",
                                   "نقطة مئوية", "نقاط مئوية", "процентных пунктов", "процентных пункта",
                                   "процентного пункта", "процентный пункт", "пайыздық тармаққа", "пайыздық тармақ")]

# --- approximations --------------------------------------------------------------------------
# before the number (multi-word phrases as tuples of folded words); the value is the approx label
_APPROX_BEFORE_SPEC = {
    "more than": "more than, over, above, in excess of, upwards of, أكثر من, اكثر من, ما يزيد عن, ما يزيد على, "
                 "أزيد من, ما يربو على, более, более чем, больше, свыше, более чем, старше, ازید, "
                 # verbs of passing a figure: "exceeded 960" is more than 960
                 "exceeded, exceeds, exceeding, topped, surpassed, превысил, превысила, превысило, превысили, "
                 "превышает, превышают, превысит, превысят, تجاوز, تجاوزت, يتجاوز, تتجاوز, فاق, فاقت, يفوق, تخطى",
    "at least": "at least, ما لا يقل عن, لا يقل عن, не менее, как минимум, по меньшей мере, по крайней мере, минимум, "
                "کم از کم, кем дегенде, кемінде",
    "less than": "less than, fewer than, under, below, أقل من, اقل من, менее, меньше, не более, младше",
    "nearly": "nearly, almost, close to, ما يقرب من, قرابة, почти, чуть менее, لگ بھگ, قریب",
    "about": "about, around, approximately, roughly, some, an estimated, estimated, nearly, حوالي, حوالى, نحو, "
             "زهاء, تقريبا, около, примерно, порядка, приблизительно, шамамен, шамасында, тахминан, تقریبا",
}
APPROX_BEFORE: dict[tuple[str, ...], str] = {}
for _label, _ws in _APPROX_BEFORE_SPEC.items():
    for _w in _ws.split(","):
        APPROX_BEFORE.setdefault(tuple(fold(_w.strip()).split()), _label)
APPROX_BEFORE[("nearly",)] = "nearly"
APPROX_BEFORE[("около",)] = "about"
# after the number (and its unit): "20 بلین ڈالر سے زیادہ", "135-тен астам", "100-ге жуық", "or more"
_APPROX_AFTER_SPEC = {
    "more than": "سے زیادہ, سے زائد, سے اوپر, سے تجاوز, or more, plus, астам, артық, асты, асып, فأكثر, "
                 "وأكثر, أو أكثر, و أكثر, и более, или более, или больше, и больше, с лишним, یا زیادہ, "
                 "یا اس سے زیادہ",
    "less than": "سے کم, кем, или меньше, или менее, or less, أو أقل",
    "about": "تقريبا, تقریباً, تقریبا, کے قریب, шақты, шамасында, или около того, примерно",
    "nearly": "жуық, کے لگ بھگ, لگ بھگ",
    "at least": "على الأقل, at least",
}
APPROX_AFTER: dict[tuple[str, ...], str] = {}
for _label, _ws in _APPROX_AFTER_SPEC.items():
    for _w in _ws.split(","):
        APPROX_AFTER.setdefault(tuple(fold(_w.strip()).split()), _label)

# --- Arabic dual nouns count two: "يومين" (two days), "العامين الماضيين" (the past two years)
AR_DUALS: dict[str, str] = {fold(w.strip()): u for u, ws in {
    "day": "يومين, يومان", "week": "أسبوعين, أسبوعان, اسبوعين", "month": "شهرين, شهران",
    "year": "عامين, عامان, سنتين, سنتان", "hour": "ساعتين, ساعتان", "minute": "دقيقتين, دقيقتان",
    "person": "شخصين, شخصان, رجلين, رجلان, امرأتين, امرأتان, طفلين, طفلان, جنديين, جنديان",
    "country": "دولتين, دولتان, بلدين",  # not "بلدان": also the plural
    "times": "مرتين, مرتان",
    # things with no unit of their own, in the nominative, accusative/genitive and construct state
    "": "سيارتين, سيارتان, سيارتا, طائرتين, طائرتان, طائرتا, سفينتين, سفينتان, حافلتين, حافلتان, "
        "مباراتين, مباراتان, هدفين, هدفان",
}.items() for w in ws.split(",")}

# --- ranges: the word between two numbers ("27 سے 28", "от 10 до 15", "من 10 إلى 15", "10 to 15")
RANGE_WORDS = {fold(w) for w in ("to", "سے", "إلى", "الى", "до", "по", "and", "و", "–", "—", "-")}
RANGE_OPENERS = {fold(w) for w in ("between", "from", "من", "بين", "от", "с", "между")}
# the words that join the two ends of a range in a regular expression, raw and folded ("إلى" folds to "الي")
# ("and" / "и" / "و" only after "between", "между", "بين"; Urdu "اور" only before "کے درمیان")
RANGE_JOINERS = "|".join(("to", "سے", "إلى", "الى", "الي", "до", "and", "и", "اور", "мен", "бен", "пен"))

# --- identifiers: the number after these names something, it does not count or measure
# identifier labels compared across languages: "section 474" / "статьей 474" / "سیکشن 474" / "بند 474" is one
# numbered thing, so "section 474" against "section 711" is a conflict (``checks``); translators render
# "section" as "article" and back, so both are one class
_ID_CLASS_SPEC = {
    "section": "section, sections, article, articles, clause, paragraph, §, سیکشن, سیکشنز, آرٹیکل, شق, دفعہ, "
               "پیراگراف, المادة, مادة, البند, بند, الفقرة, فقرة, статья, статьи, статье, статьей, статьёй, "
               "статью, раздел, раздела, разделе, пункт, пункта, пункте, параграф, бап, бабы, бабына, тармақ",
    "chapter": "chapter, باب, الباب, الفصل, глава, главы, главе, тарау",
    "resolution": "resolution, قرارداد, القرار, قرار, резолюция, резолюции, резолюцию, қарар",
    "flight": "flight, پرواز, رحلة, الرحلة, рейс, рейса, рейсом",
    "interview": "interview, انٹرویو, مقابلة, المقابلة, интервью, сұхбат",
    "page": "page, pages, صفحہ, صفحة, الصفحة, страница, странице, страницы, бет",
    "route": "route, highway, interstate, روٹ, الطريق, طريق, трасса, трассе, маршрут, маршрута",
    "no": "no, no., nos, number, #, №, نمبر, رقم, номер, номера, номеру, номером, нөмір",
}
ID_CLASSES = {fold(w.strip()): c for c, ws in _ID_CLASS_SPEC.items() for w in ws.split(",") if w.strip()}
ID_WORDS = {fold(w) for w in (
    "no", "no.", "nos", "number", "#", "№", "article", "section", "resolution", "flight", "route", "highway",
    "interstate", "room", "page", "chapter", "line", "bus", "platform", "channel", "version", "model",
    "episode", "volume", "vol", "item",
    "نمبر", "آرٹیکل", "شق", "قرارداد", "پرواز", "رقم", "المادة", "مادة", "القرار", "قرار", "رحلة", "الرحلة",
    "الطريق", "البند", "الفقرة", "الصفحة", "الموسم", "номер", "статья", "статьи", "статье", "статьей", "рейс",
    "рейса", "резолюция", "резолюции", "пункт", "пункта", "трасса", "трассе", "маршрут", "маршрута", "глава",
    "главы", "страница", "версия", "модель", "нөмір", "бап", "бабы", "рейс", "номеру", "номером", "номера")} | set(
    ID_CLASSES)
# a capitalised word before a number that is a degree on a scale, not a name: "Category 4", "Level 3"
SCALE_NAMES = {fold(w) for w in ("category", "level", "grade", "class", "phase", "stage", "round", "day", "week",
                                 "year", "category", "категория", "категории", "уровень", "этап", "раунд")}

# --- decades: "1990s", "1990 کی دہائی", "التسعينيات", "1990-е", "1990-х", "1990 жылдары"
DECADE_AFTER = re.compile(r"(?:'?s\b|-?е\b|-?х\b|-?ых\b|-?ые\b|\s+کی\s+دہائی|\s+کے\s+عشرے|\s+жылдар|\s+годы|\s+годах)",
                          re.IGNORECASE)

# --- words that mark a claim's kind ----------------------------------------------------------
SPEECH_VERBS = {fold(w) for w in (
    "said", "says", "told", "wrote", "stated", "announced", "added", "noted", "according", "claimed", "insisted",
    "argued", "confirmed", "denied", "warned", "کہا", "کہنا", "بتایا", "لکھا", "مطابق", "اعلان", "کہتے", "کہتی",
    "قال", "قالت", "وقال", "وقالت", "أضاف", "وأضاف", "أكد", "وأكد", "أشار", "وأشار", "كتب", "وكتب", "بحسب", "وفقا",
    "أعلن", "وأعلن", "заявил", "заявила", "сказал", "сказала", "сообщил", "сообщила", "отметил", "отметила",
    "написал", "по словам", "подчеркнул", "деді", "айтты", "мәлімдеді", "хабарлады", "атап", "жазды")}
OPINION_WORDS = {fold(w) for w in (
    "should", "must", "believe", "think", "hope", "blessed", "great", "best", "wonderful", "terrible", "shame",
    "چاہیے", "بہترین", "مبارک", "امید", "شاندار", "يجب", "ينبغي", "طوبى", "رائع", "أفضل", "نأمل", "должен",
    "должны", "следует", "надеюсь", "считаю", "прекрасно", "блаженны", "керек", "тиіс", "үміттенемін")}
