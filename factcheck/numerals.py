"""Numbers written in digits, and what a number means: scale, percent, currency, unit, approximation.

In:  a ``textscan.Scan`` whose dates are already taken.
Out: "number", "percent", "year" and digit "ordinal" quantities added to the scan; ``finish`` is also
     used by ``number_words`` for numbers written in words.
Holds (see ``quantities`` for the full list): ranges ("27-28", "N سے M", "от N до M"), decades, years
(1800-2100 without a unit, from 1000 beside a year word), identifiers ("No. 5", "section 474", "Boeing 737":
kind "id"; phone numbers are found in ``quantities``), thousands separators by language.
"""
from __future__ import annotations

import re

from . import lexicon as lx
from .dates import month_of
from .textscan import DASH, NUM, NUM_NO_SPACE, B, E, Scan, decimals, to_float

_CLOCK = r"\d{1,2}:\s?\d{2}(?::\s?\d{2})?"  # "09:03", "09:03:00", "09: 03: 00" (a space after the colon)
TIME_RE = re.compile(B + _CLOCK + "(?:" + DASH + _CLOCK + ")?" + E)  # and ranges: "09:03:00-09:10:02"
PHONE_RE = re.compile(B + r"\d{2,}(?:[ \u00a0]\d{2,}){2,}" + E)
# a phone number with its area code: "(800) 877-6773", "800-877-6773"; compared as an identifier
PHONE_AREA_RE = re.compile(r"(?<![\w.,٫٬/-])(?:\(\d{3,4}\)[ \u00a0]?|\d{3}-)\d{3}-\d{4}" + E)
_RANGE_RE = re.compile(B + r"(?P<a>\d+(?:[.,]\d+)?)" + DASH + r"(?P<b>\d+(?:[.,]\d+)?)" + r"(?![\w]|[.,/:-]\d)")
_NUMBER_RE = re.compile(B + r"(?P<n>" + NUM + r")")  # Russian/Kazakh: "10 000" is ten thousand
_NUMBER_RE_NO_SPACE = re.compile(B + r"(?P<n>" + NUM_NO_SPACE + r")")
WORD_RE = re.compile(r"[^\W\d_]+(?:\.(?=[^\W\d_]\.))?")
_PCT_RE = re.compile(r"\s?[%٪]")
_PCT_GLUED = re.compile(r"-(?:percent|процент\w*|пайыздық)(?!\w)")  # "1,5-процентным", "a 5-percent rise"
_PERCENT_PHRASES = [tuple(p.split()) for p in lx.PERCENT_WORDS]
# the rate written before the number: Urdu "فی گھنٹہ 11،000 میل", Kazakh "сағатына 135 шақырым"
_PER_HOUR_BEFORE = re.compile(r"(?:فی گھنٹہ|في الساعة|сағатына)\s*[\d.,،٬٫\u00a0 ]+$")
_PER_HOUR = re.compile(r"\s*(?:/\s?h\b|/\s?ч\b|per hour|an hour|a hour|فی گھنٹہ|في الساعة|в час|сағатына|/\s?сағ\b)")
_PCT_BEFORE_RE = re.compile(r"[%٪]\s?$")
_ORD_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b|-(?:й|я|е|го|ое|ый|ой|му|м|ю|х|ші|шы|інші|ыншы)\b|\s?ویں(?!\w)", re.IGNORECASE)
_YEAR_WORDS = {lx.fold(w) for w in ("год", "года", "году", "годом", "г", "жылы", "жылғы", "жыл", "жылдың",
                                    "жылға", "жылдан", "жылдары", "ء",
                                    # the era: "1096 عیسوی", "1644 ميلادية", "1425 н.э.", "AD 1066" is before
                                    "م", "ميلادية", "ميلادي", "للميلاد", "عیسوی", "ad", "ce")}
# after three digits only these say "the year": "в 767 году", "767 жылы", "850 عیسوی"; not "139 года" (an
# age: "139 years"), "767 год" (also a duration) or Arabic "م" ("171 م" is metres)
_YEAR_WORDS_3 = {lx.fold(w) for w in ("году", "жылы", "ء", "ميلادية", "ميلادي", "للميلاد", "عیسوی", "ad", "ce")}
_ERA_BEFORE = re.compile(r"(?<!\w)a\.\s?d\.?\s*$|(?<!\w)ad\s+$")  # "in A.D. 1096"
_ERA_AFTER = re.compile(r"\s*(?:بعد از مسیح|н\.\s?э\.)")  # "1096 بعد از مسیح", "1425 н. э."
# the noun "year" right before a 4-digit number: "year 2000", "عام 2010", "لعام 1997", "مالی سال 2000"
_YEAR_NOUNS_BEFORE = {lx.fold(w) for w in ("year", "عام", "العام", "لعام", "بعام", "وعام", "سنة", "لسنة", "السنة",
                                           "سال", "fy")}
# "N سے M", "от N до M", "من N إلى M", "N to M", "بين N و M" (و glued to M or not; folded, "إلى" is "الي")
_BETWEEN_AFTER = re.compile(r"\s+کے\s+درمیان(?!\w)")
_RANGE_WORDS_RE = re.compile(r"-?\s+((?:" + lx.RANGE_JOINERS + r")\s+|و\s*)(" + NUM + r")" + E)  # Kazakh "1 мен 2 дюйм"
_NOT_AN_ID = {lx.fold(w) for w in (
    "about", "around", "over", "some", "nearly", "almost", "more", "less", "at", "in", "on", "by", "since", "until",
    "from", "to", "of", "the", "and", "or", "only", "just", "all", "than", "under", "up", "after", "before",
    "около", "более", "менее", "почти", "свыше", "в", "на", "с", "к", "до", "по", "за", "из", "от", "и", "а")} | {
    phrase[-1] for phrase in lx.APPROX_BEFORE}  # "Toll Soars Above 800" (title case): "above", not a name




# --- numbers written in digits ------------------------------------------------------------------
# a score stands between two names: a capitalised word or a closing quote before, a capital or an
# opening quote after
_SCORE = re.compile(r"(?:[A-ZА-ЯЁӘІҢҒҮҰҚӨҺ][\w'’.-]*|[»”\"])\s$")
_SCORE_AFTER = re.compile(r"\s[«“\"]?[A-ZА-ЯЁӘІҢҒҮҰҚӨҺ]")


def digit_ranges(s: Scan) -> None:
    for m in _RANGE_RE.finditer(s.norm):
        if not s.free(m.start(), m.end()):
            continue
        a, b = to_float(m.group("a")), to_float(m.group("b"))
        if a is None or b is None or not a < b:
            continue
        if _SCORE.search(s.text[:m.start()]) and re.match(r"\d{1,2}\s[-–—]\s\d{1,2}$", m.group()) and (
                _SCORE_AFTER.match(s.text[m.end():])):
            continue  # "«Ливингстон» 1 - 2 «Рейнджерс»": a score between two names, two numbers
        if re.fullmatch(r"\d{4}", m.group("a")) and re.fullmatch(r"\d{2,4}", m.group("b")):
            if len(m.group("b")) == 2:  # 2019-20
                b = float(int(m.group("a")[:2] + m.group("b")))
                if not a < b:
                    continue
            if 1800 <= a <= 2100 and 1800 <= b <= 2100:
                s.add("year", m.start(), m.end(), value=a, value_max=b, precision=1.0, approx="range")
                continue
        prec = 10.0 ** -max(decimals(m.group("a")), decimals(m.group("b")))
        finish(s, m.start(), m.end(), a, prec, value_max=b, raw=m.group("a"))


def digit_numbers(s: Scan) -> None:
    pattern = _NUMBER_RE if s.lang in ("ru", "kk") else _NUMBER_RE_NO_SPACE
    for m in pattern.finditer(s.norm):
        a, b = m.start(), m.end()
        if not s.free(a, b):
            continue
        raw = m.group("n")
        if re.search(r"[ \u00a0\u202f]", raw) and (re.search(r"\d[ \u00a0\u202f]$", s.norm[:a])
                                                  or re.match(r"[ \u00a0\u202f]\d", s.norm[b:])):
            s.take(a, b)  # "0800 555 111": a phone number, not 555,111
            continue
        value = to_float(raw)
        if s.lang not in (None, "en") and re.fullmatch(r"\d{1,3}\.\d{3}", raw):
            value = to_float(raw.replace(".", ","))  # "15.000 دولار": a thousands dot outside English
        if value is None:
            continue
        # "N سے M", "от N до M", "من N إلى M", "N to M": a range
        rng = _RANGE_WORDS_RE.match(s.low_waw, b)
        if rng and not s.free(b, rng.end()):
            rng = None
        if rng:
            hi = to_float(rng.group(2))
            opener = s.prev_word(a)
            if opener is not None and s.words[opener][2] in _YEAR_NOUNS_BEFORE:
                opener = s.prev_word(s.words[opener][0])  # "بين عام 1936 و1940", "between the years"
            word = rng.group(1).strip()
            suspended = rng.group(0).startswith("-")  # "4- and 5-year-olds", "4- اور 7 سالہ", "4- и 5-летних"
            wants_opener = word in ("and", "و", "до", "и") and not suspended
            if word == "اور" and not suspended and not _BETWEEN_AFTER.match(s.low, rng.end()):
                rng = None  # "1934 اور 1940 کے درمیان": between 1934 and 1940; otherwise a list
        if rng:
            if hi is not None and hi <= value and not wants_opener:
                value, hi = hi, value  # "3 سے 3", "4 to 2": still the span the writer gave
            if hi is not None and value <= hi and (not wants_opener or (
                    opener is not None and s.words[opener][2] in lx.RANGE_OPENERS)):
                if re.fullmatch(r"\d{4}", raw) and 1800 <= value <= 2100 and 1800 <= hi <= 2100:
                    s.add("year", a, rng.end(), value=value, value_max=hi, precision=1.0, approx="range")
                else:
                    finish(s, a, rng.end(), value, 10.0 ** -decimals(raw), value_max=hi, raw=raw)
                continue
        ordinal = _ORD_SUFFIX.match(s.low, b)
        if ordinal and float(value).is_integer():
            if re.fullmatch(r"\d{1,2}", raw) and re.fullmatch(r"-(?:е|х)", ordinal.group()):
                s.take(a, ordinal.end())  # "30-е годы": a decade without its century
                continue
            if re.fullmatch(r"\d{4}", raw) and 1800 <= value <= 2100 and ordinal.group().startswith("-"):
                if not _decade(s, a, b, raw, value):  # "1975-е годы", "2009-го": a year
                    s.add("year", a, ordinal.end(), value=value, precision=1.0)
                continue
            if not _decade(s, a, b, raw, value):
                s.add("ordinal", a, ordinal.end(), value=value, precision=1.0)
            continue
        if _decade(s, a, b, raw, value):
            continue
        finish(s, a, b, value, 10.0 ** -decimals(raw), raw=raw)


# a decade said in words, after any year ("1982 کی دہائی", "1981-х годах", "1982-е годы")
_DECADE_WORD = re.compile(r"(?:-?[ех]\s+|\s+)(?:کی\s+دہائی|کے\s+عشرے|жылдар|годы|годах|годов)", re.IGNORECASE)


def _decade(s: Scan, a: int, b: int, raw: str, value: float) -> bool:
    """"1980s", "1980-х годах", "1980 کی دہائی": the ten years from the one written. A year that does not
    end in 0 before a decade word ("1982-х годах", a slip or a changed figure) is that year, marked as
    said of a decade: it differs from "the 1980s" (compared end by end) and from "1950" instead of
    hiding inside either."""
    if not (re.fullmatch(r"\d{4}", raw) and 1800 <= value <= 2099):
        return False
    m = lx.DECADE_AFTER.match(s.low, b)
    if m and value % 10:
        m = _DECADE_WORD.match(s.low, b)  # but "2003's budget" is a possessive
    if not m:
        return False
    s.add("year", a, m.end(), value=value, value_max=None if value % 10 else value + 9, precision=1.0,
          approx="decade")
    return True


def finish(s: Scan, a: int, b: int, value: float, precision: float, *, value_max: float | None = None,
            raw: str | None = None, from_words: bool = False, approx: str | None = None) -> bool:
    """Scale, percent, currency, unit and approximation around the number text[a:b]; adds it unless it
    is an identifier. Returns whether a quantity was added."""
    end = b
    scale = 1.0
    # scale word: "28 billion", "2.8bn", "1,5 млрд."
    glued = s.word_at.get(b)
    w = glued if glued is not None else s.next_word(b, 2)
    if w is not None:
        word = s.words[w][2].rstrip(".")
        if s.lang == "kk":
            word = _kk_base(word)  # "2,25 миллиардтан астам"
        if word in lx.SCALES and (w == glued or word not in lx.SCALE_GLUED_ONLY) and s.free(*s.words[w][:2]):
            scale = lx.SCALES[word]
            end = s.words[w][1]
            if end < len(s.low) and s.low[end] == ".":
                end += 1
    value *= scale
    precision *= scale
    if value_max is not None:
        value_max *= scale
    kind = "number"
    unit: str | None = None
    pct = _PCT_RE.match(s.norm, end) or _PCT_GLUED.match(s.low, end)
    if pct:
        kind, unit, end = "percent", "%", pct.end()
    else:
        wi = s.next_word(end, 2)
        if wi is not None:
            phrase = _match_phrase(s, wi, _PERCENT_PHRASES)
            if phrase:
                kind, unit = "percent", "%"
                end = s.words[wi + len(phrase) - 1][1]  # "75 في المائة": the phrase is not another 100
        if _PCT_BEFORE_RE.search(s.norm[max(0, a - 2):a]):
            kind, unit = "percent", "%"
    # currency before: "$28", "US$ 5", "USD 5", "£2.8bn"
    if kind == "number":
        before = s.norm[max(0, a - 4):a].rstrip().lower()
        for sym, code in lx.CURRENCY_SYMBOLS.items():
            if before.endswith(sym) and (sym.isalpha() is False or not before[:-len(sym)][-1:].isalpha()):
                unit = code
                break
    unit_end = end
    if kind == "number":
        u, unit_end = unit_after(s, end)
        if unit is None:
            unit = u
        else:
            unit_end = max(end, unit_end if u == unit else end)
    # year: 4 digits, no scale, nothing but a year word after it
    # ("عام 2010 وكل عام": the year 2010, not 2010 years: a year noun right before it says so)
    # before 1800 only with a year word or noun ("в 1279 году", "عام 1279")
    # (three digits only with the era or an oblique year word: "в 767 году н.э.", "A.D. 767"; "767 год"
    # may be a duration)
    # (the era is looked for only before a number that may be a year: the search reads the text before it)
    year_shaped = kind == "number" and raw is not None and scale == 1.0 and value_max is None and (
        re.fullmatch(r"\d{4}", raw) is not None and 1000 <= value <= 2100 or re.fullmatch(r"[1-9]\d{2}", raw) is not None)
    era_before = year_shaped and _ERA_BEFORE.search(s.low, 0, a) is not None
    if year_shaped and (len(raw) == 4 or era_before or _year_word_after(s, b, True)):
        prev = s.prev_word(a)
        year_noun = prev is not None and s.words[prev][2] in _YEAR_NOUNS_BEFORE or era_before
        year_word = _year_word_after(s, b)
        # "more than 2000" / "أكثر من 2000 بالغ" / "не менее 2000": a lower bound is a count, never a year,
        # unless a word of time bounds it ("until at least 2010", "کم از کم 2010 تک")
        bound = not (year_word or year_noun or _until(s, a, b)) and (
            approx or _approx_before(s, a)) in ("more than", "at least")
        if (value >= 1800 or year_word or year_noun) and (unit is None or year_word or (unit == "year" and year_noun)) \
                and not bound:
            s.add("year", a, b, value=value, precision=1.0)
            return True
    if kind == "number" and _is_identifier(s, a, unit, scale):
        label = _id_class(s, a) or ("name" if _after_name(s, a) and raw is not None and raw.isdigit() else None)
        if label is not None and value_max is None and float(value).is_integer():
            # "section 474": compared by label; "Bellator 144": the name is the label ("name", see checks)
            s.add("id", a, b, value=value, unit=label, precision=1.0)
            return True
        s.take(a, b)
        return False
    # approximation
    approx = approx or _approx_before(s, a) or _approx_after(s, unit_end) or ("range" if value_max is not None else None)
    if value_max is not None and approx == "less than":
        approx = "range"  # "менее 7–12 см": the range is the figure, not a ceiling
    s.add(kind, a, end, value=value, value_max=value_max, precision=precision, unit=unit, approx=approx)
    return True


def _year_word_after(s: Scan, b: int, oblique: bool = False) -> bool:
    """A year word or the era right after the number; ``oblique``: only the words that make a three-digit
    number a year (``_YEAR_WORDS_3``)."""
    if _ERA_AFTER.match(s.low, b):
        return True
    w = s.next_word(b, 2)
    return w is not None and s.words[w][2].rstrip(".") in (_YEAR_WORDS_3 if oblique else _YEAR_WORDS)


# Kazakh case endings (locative, ablative, genitive, dative, locative-attributive)
_KK_CASES = "дағы|дегі|тағы|тегі|дан|ден|тан|тен|нан|нен|ның|нің|дың|дің|тың|тің|ға|ге|қа|ке|на|не|да|де|та|те"
_KK_ENDING = re.compile(r"(?:дық|дік|тық|тік|лық|лік|мен|бен|пен|ды|ді|ты|ті|ны|ні|" + _KK_CASES + r")$")


def _kk_base(word: str) -> str:
    """A Kazakh unit, currency or scale word without its case or adjective ending, when that leaves one:
    "дюймға" -> "дюйм", "жеті күндік" (seven-day) -> "күн"; any other word as it is."""
    def known(w: str) -> bool:
        return w in lx.UNIT_WORDS or w in lx.CURRENCY_WORDS or w in lx.SCALES

    base = _KK_ENDING.sub("", word)
    return base if not known(word) and len(base) >= 2 and known(base) else word


_NOT_SKIPPED = {lx.fold(w) for w in (
    "in", "on", "at", "of", "to", "for", "from", "by", "and", "or", "with", "the", "was", "were", "is", "are",
    "میں", "کو", "سے", "پر", "تک", "نے", "کے", "کی", "کا", "اور", "یا", "ہے", "ہیں", "تھا", "تھے", "تھی",
    "في", "من", "إلى", "على", "عن", "مع", "أو", "و", "حتى", "منذ",
    "в", "во", "на", "и", "или", "с", "со", "по", "к", "до", "из", "от", "за", "для", "был", "была", "были",
    "және", "мен", "немесе", "бен", "пен")}


_LENGTHS = {"m", "km", "cm", "mm", "mile", "foot", "inch"}
_KILO = {lx.fold(w) for w in ("كيلو", "کلو", "کیلو")}  # before a separate "metre" (or "ton") word
_MEGA = {lx.fold(w) for w in ("میگا", "ميغا", "ميجا")}
_TEMPERATURE = re.compile(r"حرار|مئوي|فهرنهايت|سيليزي")  # Arabic "درجة" is a temperature only beside these
# short unit words that are also other words: a unit only right after the number (or "square"/"cubic"):
# "о двух поврежденных паспортах см. донесения" is "see", not centimetres; "سم" is also "poison"
_ABBREVIATED = {lx.fold(w) for w in ("см", "км", "кг", "мм", "га", "м", "г", "ft", "lb", "lbs", "km", "cm", "mm",
                                     "kg", "ha", "m", "سم", "ملم", "yrs", "am", "pm")}


def unit_after(s: Scan, end: int) -> tuple[str | None, int]:
    """``_unit_after`` with areas and volumes told from lengths: "120 million cubic metres" is "m3",
    "مربع کلومیٹر" / "كيلومتر مربع" / "квадратных километров" "km2"."""
    unit, we = _unit_after(s, end)
    if unit not in _LENGTHS:
        return unit, we
    for w in s.low[end:we].split():  # "cubic metres", "кубических метров"
        if w in lx.POWER_WORDS:
            return f"{unit}{lx.POWER_WORDS[w]}", we
    after = s.next_word(we, 2)  # "متر مكعب": the adjective follows
    if after is not None and s.words[after][2] in lx.POWER_WORDS:
        return f"{unit}{lx.POWER_WORDS[s.words[after][2]]}", s.words[after][1]
    return unit, we


def _arabic_metre(s: Scan, end: int) -> bool:
    """Whether Arabic "م" after the number ending at ``end`` is metres: not after a four-digit figure
    (a year AD) nor after a clock time ("الساعة 5 م", "5:30 م")."""
    number = re.search(r"[\d.,:٫٬]+$", s.norm[:end])
    if number is None or ":" in number.group() or re.fullmatch(r"\d{4}", number.group()):
        return False
    return "ساع" not in s.low[max(0, number.start() - 12):number.start()]


def _unit_after(s: Scan, end: int) -> tuple[str | None, int]:
    """What the number counts: the first unit or currency word after it, skipping up to two
    adjectives such as "US" / "امریکی" / "американских"; also glued "-year-old", "-летнего"."""
    glued = lx.UNIT_SUFFIX.match(s.low, end)
    if glued:
        return "year", glued.end()
    for pattern, unit in lx.GLUED_UNITS:
        glued = pattern.match(s.low, end)
        if glued:
            return unit, glued.end()
    pos, skipped = end, 0
    while skipped <= 2:
        if s.low.startswith(" a.m", pos) or s.low.startswith(" p.m", pos):
            return "clock", pos + 4
        wi = s.next_word(pos, 3)
        if wi is None:
            return None, end
        _ws, we, word = s.words[wi]
        word = word.rstrip(".")
        if s.lang == "kk":
            word = _kk_base(word)  # "4 дюймға", "300 теңгеден"
        if word in lx.CURRENCY_WORDS:
            return lx.CURRENCY_WORDS[word], we
        if (word in _KILO or word in _MEGA) and skipped == 0:  # "800 كيلو متر في الساعة", "5 کلو میٹر": kilo-
            nxt = s.next_word(we, 1)  # written apart; "20 میگا ٹن": a bomb's yield
            after = lx.UNIT_WORDS.get(s.words[nxt][2].rstrip("اً")) if nxt is not None else None
            if after == "m" and word in _KILO:
                we = s.words[nxt][1]
                rate = _PER_HOUR.match(s.low, we)
                return ("kmh", rate.end()) if rate else ("km", we)
            if after == "t":
                return ("kt" if word in _KILO else "Mt"), s.words[nxt][1]
        if word in lx.UNIT_WORDS and (skipped == 0 or word not in _ABBREVIATED or all(
                w in lx.POWER_WORDS for w in s.low[end:_ws].split())):
            unit = lx.UNIT_WORDS[word]
            if unit == "degree" and word.startswith("درج") and not _TEMPERATURE.search(s.low):
                return None, end  # "زلزال بقوة 7.5 درجات": a magnitude, not a temperature
            if unit in ("km", "mile"):  # "km per hour", "میل فی گھنٹہ", "ميلا في الساعة", "км в час"
                rate = _PER_HOUR.match(s.low, we)
                if rate:
                    return ("kmh" if unit == "km" else "mph"), rate.end()
                if _PER_HOUR_BEFORE.search(s.low, 0, end):  # "فی گھنٹہ 11،000 میل", "сағатына 135 шақырым"
                    return ("kmh" if unit == "km" else "mph"), we
            if unit == "hour" and re.match(r"\s+(?:утра|вечера|дня|ночи)\b", s.low[we:]):
                return "clock", we  # "5 часов утра"
            if unit == "pound":  # "фунтов стерлингов", "pounds sterling"
                nxt = s.next_word(we, 1)
                if nxt is not None and lx.CURRENCY_WORDS.get(s.words[nxt][2]) == "GBP":
                    return "GBP", s.words[nxt][1]
            return unit, we
        if word == "م" and skipped == 0 and s.lang in (None, "ar") and _arabic_metre(s, end):
            return "m", we  # "(171 م)"; but "2019 م" is a year AD and "الساعة 5 م" is 5 pm
        if s.lang in (None, "ar", "ur"):  # "دولار أمريكي": the adjective may follow; "ملین ڈالر": done above
            for p in ("ال", "و", "ب", "ل"):
                if word.startswith(p) and word[len(p):] in lx.UNIT_WORDS:
                    return lx.UNIT_WORDS[word[len(p):]], we
        if s.lang in (None, "ar") and word.endswith("ا") and len(word) > 3:  # accusative "ميلاً", "كيلومترًا"
            if word[:-1] in lx.CURRENCY_WORDS:
                return lx.CURRENCY_WORDS[word[:-1]], we
            if word[:-1] in lx.UNIT_WORDS:
                unit = lx.UNIT_WORDS[word[:-1]]
                rate = _PER_HOUR.match(s.low, we) if unit in ("km", "mile") else None
                if rate:
                    return ("kmh" if unit == "km" else "mph"), rate.end()
                return unit, we
        # adjectives before the noun: "28 بلین امریکی ڈالر", "120 million cubic metres", "пяти крупных стран";
        # never a function word: in "2018 میں بچے" (in 2018, the child) 2018 counts no children; in Arabic
        # the noun comes first, so "وأربع جولات يوم السبت" counts rounds, not days
        if word in lx.CURRENCY_ADJ or (skipped < (0 if s.lang == "ar" else 2) and word not in lx.SCALES
                                       and word not in _NOT_SKIPPED and not _is_number_word(s, word)):
            pos, skipped = we, skipped + 1
            continue
        return None, end
    return None, end


def _is_number_word(s: Scan, word: str) -> bool:
    return word in s.lexicon(lx.NUMBERS) or word in s.lexicon(lx.ORDINALS) or any(
        word in ph for ph in lx.APPROX_AFTER) or word in lx.RANGE_WORDS


# a Kazakh name with a case ending is not a label before a number: "Палудағы 36 орталыққа" (36 centres in
# Palu), unlike "Boeing 737"
_KK_CASED = re.compile(r"\w{3}(?:ндағы|ндегі|нда|нде|" + _KK_CASES + r")$")


def _id_class(s: Scan, a: int) -> str | None:
    """The label class of an identifier ("section" for "section 474", "статьей 474", "بند 474")."""
    if re.search(r"(?:#|№)\s?$", s.low[max(0, a - 3):a]):
        return "no"
    w = s.prev_word(a)
    if w is None:
        return None
    word = s.words[w][2]
    for form in (word, word.rstrip(".")):
        label, _ = s.word_value(form, lx.ID_CLASSES)  # with Arabic proclitics: "وبند", "بالمادة"
        if label is not None:
            return label
    return None


def _is_identifier(s: Scan, a: int, unit: str | None, scale: float) -> bool:
    if unit is not None or scale != 1.0:
        return False
    before = s.low[max(0, a - 3):a]
    if re.search(r"(?:#|№)\s?$", before):
        return True
    w = s.prev_word(a)
    if w is None:
        return False
    ws, _, word = s.words[w]
    if word.rstrip(".") in lx.ID_WORDS or word in lx.ID_WORDS:
        return True
    return _after_name(s, a)


def _after_name(s: Scan, a: int) -> bool:
    """A number right after a capitalised word that is not at the start of the sentence: "Boeing 737",
    "Bellator 144", "WTC 7" (the name is its label)."""
    w = s.prev_word(a)
    if w is None:
        return False
    ws, _, word = s.words[w]
    orig = s.text[ws:s.words[w][1]]
    if not s.text[a:a + 1].isdigit():
        return False  # a number in words is no label: "visited Korea nine times"
    if orig[:1].isupper() and orig[:1].isalpha() and word not in _NOT_AN_ID and month_of(word) is None \
            and word not in lx.SCALE_NAMES and not (s.lang == "kk" and _KK_CASED.search(word)):
        k = ws - 1
        while k >= 0 and s.text[k] in " \u00a0\"'“«(":
            k -= 1
        return k >= 0 and s.text[k] not in ".!?:;…۔؟"
    return False


def _match_phrase(s: Scan, wi: int, phrases) -> tuple[str, ...] | None:
    for ph in sorted(phrases, key=len, reverse=True):
        if wi + len(ph) > len(s.words):
            continue
        seq = tuple(s.words[wi + k][2] for k in range(len(ph)))
        if seq == ph and all(s.words[wi + k + 1][0] - s.words[wi + k][1] <= 2 for k in range(len(ph) - 1)):
            return ph
    return None


_UNTIL_BEFORE = frozenset(("until", "till", "through"))


def _until(s: Scan, a: int, b: int) -> bool:
    """A word of time ends the span up to the number: "until" / "till" / "through" among the three words
    before it ("until at least 2010"), or Urdu "تک" (until) right after it ("کم از کم 2010 تک")."""
    wi = s.prev_word(a)
    before = [] if wi is None else [s.words[k][2] for k in range(max(0, wi - 2), wi + 1)]
    after = s.next_word(b)
    return any(w in _UNTIL_BEFORE for w in before) or (after is not None and s.words[after][2] == "تک")


def _approx_before(s: Scan, a: int) -> str | None:
    # skip a currency sign between: "more than $5"
    j = a
    while j > 0 and s.norm[j - 1] in " $€£₸₽\u00a0":
        j -= 1
    wi = s.word_end.get(j)
    if wi is None:
        return None
    ends = [wi]
    article = s.words[wi][2] in ("a", "an") and wi > 0 and s.lang in (None, "en")
    if s.words[wi][2] in ("на", "в") and wi > 0:
        ends.append(wi - 1)  # "более чем на 60 пунктов", "почти в три раза": the preposition of a change
    elif article:
        ends.append(wi - 1)  # "about a seven-week outage", "more than a hundred"; but "over a 10-year
        # period" is during one (only an approximation word or a two-word bound reaches across "a")
    for end in ends:
        for n in (3, 2, 1):
            if end - n + 1 < 0:
                continue
            seq = tuple(s.words[k][2] for k in range(end - n + 1, end + 1))
            if end != wi and article and (seq == ("some",) or not (
                    len(seq) > 1 or lx.APPROX_BEFORE.get(seq) in ("about", "nearly"))):
                continue
            if seq in lx.APPROX_BEFORE:
                return lx.APPROX_BEFORE[seq]
            if seq[0][:1] in ("ل", "و", "ب") and (seq[0][1:],) + seq[1:] in lx.APPROX_BEFORE:
                return lx.APPROX_BEFORE[(seq[0][1:],) + seq[1:]]  # "لأكثر من"
    return None


def _approx_after(s: Scan, end: int) -> str | None:
    wi = s.next_word(end, 3)
    if wi is None:
        return None
    for n in (3, 2, 1):
        seq = tuple(s.words[k][2] for k in range(wi, min(wi + n, len(s.words))))
        if len(seq) == n and seq in lx.APPROX_AFTER:
            return lx.APPROX_AFTER[seq]
    return None

