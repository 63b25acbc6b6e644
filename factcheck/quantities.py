"""Numbers, years, dates, percentages and ordinals in any script, normalised for comparison.

In:  a text span, the offset of that span in ``Document.text``, and optionally its language
     (ISO 639-1; number and ordinal words are read in that language, or in all five without one).
Out: ``Quantity`` records in text order, offsets into the document; ``kind`` is "year", "date",
     "number", "percent" or "ordinal"; ``value`` (lower bound of a range), ``value_max`` (upper bound),
     ``precision`` (the unit of the last digit written: 1e9 for "28 billion", 0.1 for "3.5"),
     ``unit`` (what is counted or measured: "USD", "person", "country", "month", "km", ...),
     ``approx`` ("more than", "at least", "less than", "nearly", "about"; "range" and "decade" for spans;
     "many" for vague counts such as "hundreds of"), ``iso``/``iso_end`` for dates.
Holds:
- Digits: Western ``0-9``, Arabic-Indic ``٠-٩``, Urdu/Persian ``۰-۹``; ``٬``/``,`` and space / no-break
  space thousands separators, ``٫``/``.`` decimal marks, a comma followed by 1-2 digits is a decimal
  comma ("1,5 млрд").
- Scale words (thousand, lakh, million, crore, billion, ارب, مليار, млрд, мың, ...), currencies
  (symbols before, words after, with "US"/"امریکی"/"США" allowed in between), percent signs and words,
  units and counted nouns (people, countries, years, months, km, ...).
- Number words 1-20, tens and hundreds in en/ur/ar/ru/kk (compounds such as "twenty-five",
  "خمسة وعشرون", "двадцать пять", "он бес"), vague counts ("hundreds of", "دسیوں ہزار": the base,
  approx "many"), ordinal words first..tenth ("الثالث والستين" is 63rd) and digit ordinals ("125th",
  "5-й", "125 ویں").
- Ranges ("27-28 November", "27 سے 28 نومبر", "от 10 до 15") give one quantity with ``value_max`` /
  ``iso_end``; approximations before ("more than", "أكثر من", "более", "около") or after the number
  ("سے زیادہ", "135-тен астам") fill ``approx``.
- Dates: numeric (``07-11-2025``, ``2025-11-07``; day first unless the year leads) and day-month(-year) /
  month-day-year with month names in English, Urdu, Arabic (both naming systems), Russian (all cases)
  and Kazakh (with case endings). Digits inside a date are not reported again.
- A 4-digit integer 1800-2100 not followed by a unit, scale or percent is a year; "1990s",
  "1990 کی دہائی", "1990-е" are the decade (year 1990 .. 1999).
- Identifiers are not quantities: a number right after "No.", "Article", "рейс", "المادة", "نمبر" ...,
  or after a capitalised name ("Boeing 737", "Windows 10"; not "Category 4"), glued to letters ("G20",
  "COVID-19"), or a run of three digit groups ("0800 555 111"). Space-grouped thousands ("10 000")
  are read only in Russian and Kazakh, a dot before three digits ("15.000") as thousands outside English.
- ``extract`` never raises, on any string; ``Quantity.text == text[q.start - offset:q.end - offset]``.

Comparing quantities is ``checks``' job; ``compare_quantities`` here is kept for callers of v1.
"""
from __future__ import annotations

import math
import re

from . import lexicon as lx
from .types import Quantity

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def ascii_digits(text: str) -> str:
    """Map Arabic-Indic and Urdu/Persian digits to ASCII. Length-preserving (offsets hold)."""
    return text.translate(_DIGITS)


_MARK_RE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed]")


def _same_length_fold(text: str) -> str:
    """Lower case, digits ASCII, Arabic marks as tatweel, alef forms unified; same length as text."""
    out = []
    for ch in ascii_digits(text):
        if _MARK_RE.match(ch):
            out.append("\u0640")
            continue
        low = ch.lower()
        if len(low) != 1:
            low = ch
        out.append(low.translate(lx._FOLD))
    return "".join(out)


# --- months -------------------------------------------------------------------------------------
MONTHS: dict[str, int] = {}


def _add_months(names: str) -> None:
    for i, group in enumerate(names.split("|"), start=1):
        for name in group.split(","):
            MONTHS[lx.fold(name.strip())] = i


_add_months("january,jan|february,feb|march,mar|april,apr|may|june,jun|july,jul|august,aug|"
            "september,sep,sept|october,oct|november,nov|december,dec")
_add_months("جنوری|فروری|مارچ|اپریل|مئی|جون|جولائی|اگست|ستمبر|اکتوبر|نومبر|دسمبر")
_add_months("يناير,كانون الثاني|فبراير,شباط|مارس,آذار|أبريل,ابريل,نيسان|مايو,أيار|يونيو,يونيه,حزيران|"
            "يوليو,يوليه,تموز|أغسطس,اغسطس,آب|سبتمبر,أيلول|أكتوبر,اكتوبر,تشرين الأول|"
            "نوفمبر,تشرين الثاني|ديسمبر,كانون الأول")
_add_months("января,январь,январе|февраля,февраль,феврале|марта,март,марте|апреля,апрель,апреле|мая,май,мае|"
            "июня,июнь,июне|июля,июль,июле|августа,август,августе|сентября,сентябрь,сентябре|"
            "октября,октябрь,октябре|ноября,ноябрь,ноябре|декабря,декабрь,декабре")
_KK_MONTHS = ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"]
for _i, _m in enumerate(_KK_MONTHS, start=1):
    MONTHS[_m] = _i
_KK_SUFFIX = r"(?:[а-яәіңғүұқөһ]{0,6})"

_MONTH_WORDS = sorted((re.escape(m) for m in MONTHS if m not in _KK_MONTHS), key=len, reverse=True)
_MONTH_RE = r"(?:" + "|".join(_MONTH_WORDS) + r"|(?:" + "|".join(_KK_MONTHS) + r")" + _KK_SUFFIX + r")"


def _month_of(word: str) -> int | None:
    w = lx.fold(word).replace("\u0640", "").rstrip(".")
    if w in MONTHS:
        return MONTHS[w]
    for m in _KK_MONTHS:
        if w.startswith(m):
            return MONTHS[m]
    return None


_NUM = r"\d{1,3}(?:[,٬،]\d{3})+(?:[.٫]\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d])|\d+(?:[.٫,]\d+)?"
_NUM_NO_SPACE = r"\d{1,3}(?:[,٬،]\d{3})+(?:[.٫]\d+)?|\d+(?:[.٫,]\d+)?"
_B = r"(?<![\w.,٫٬/-])"  # no word/number glued on the left
_E = r"(?![\w]|[.,٫٬/:-]\d)"  # nor on the right
_DAY = r"(?P<d>\d{1,2})(?:-?(?:го|е|ого))?"
_DASH = r"\s*[-–—]\s*"
_TO = r"(?:\s*[-–—]\s*|\s+(?:to|سے|إلى|الى|до|по|and|و)\s+)"

_DATE_PATTERNS = [
    ("ymd", re.compile(_B + r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})" + _E)),
    ("dmy", re.compile(_B + r"(?P<d>\d{1,2})[-/.](?P<m>\d{1,2})[-/.](?P<y>\d{4})" + _E)),
    # 27-28 November 2024 / 27 سے 28 نومبر / من 27 إلى 28 نوفمبر / 27–28 ноября
    ("range", re.compile(_B + r"(?P<d>\d{1,2})" + _TO + r"(?P<d2>\d{1,2})\s+(?P<mon>" + _MONTH_RE + r")(?!\w)"
                         r"(?:,?\s+(?P<y>\d{4})" + _E + r")?")),
    # November 27-28, 2024
    ("mrange", re.compile(r"(?<!\w)(?P<mon>" + _MONTH_RE + r")\.?\s+(?P<d>\d{1,2})" + _DASH + r"(?P<d2>\d{1,2})"
                          r"(?:,?\s+(?P<y>\d{4}))?" + _E)),
    ("mdy", re.compile(r"(?<!\w)(?P<mon>" + _MONTH_RE + r")\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?"
                       r"(?:,?\s+(?P<y>\d{4}))?" + _E)),
    ("dmy-name", re.compile(_B + _DAY + r"\s+(?:من\s+)?(?P<mon>" + _MONTH_RE + r")(?!\w)"
                            r"(?:,?\s+(?P<y>\d{4})" + _E + r")?")),
    ("my", re.compile(r"(?<!\w)(?P<mon>" + _MONTH_RE + r")\s+(?P<y>\d{4})" + _E)),
]
_TIME_RE = re.compile(_B + r"\d{1,2}:\d{2}(?::\d{2})?" + _E)
_PHONE_RE = re.compile(_B + r"\d{2,}(?:[ \u00a0]\d{2,}){2,}" + _E)
_RANGE_RE = re.compile(_B + r"(?P<a>\d+(?:[.,]\d+)?)" + _DASH + r"(?P<b>\d+(?:[.,]\d+)?)" + r"(?![\w]|[.,/:-]\d)")
_NUMBER_RE = re.compile(_B + r"(?P<n>" + _NUM + r")")  # Russian/Kazakh: "10 000" is ten thousand
_NUMBER_RE_NO_SPACE = re.compile(_B + r"(?P<n>" + _NUM_NO_SPACE + r")")
_WORD_RE = re.compile(r"[^\W\d_]+(?:\.(?=[^\W\d_]\.))?")
_PCT_RE = re.compile(r"\s?[%٪]")
_PERCENT_PHRASES = [tuple(p.split()) for p in lx.PERCENT_WORDS]
_PER_HOUR = re.compile(r"\s*(?:/\s?h\b|/\s?ч\b|per hour|an hour|a hour|فی گھنٹہ|في الساعة|в час|сағатына)")
_PCT_BEFORE_RE = re.compile(r"[%٪]\s?$")
_ORD_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b|-(?:й|я|е|го|ое|ый|ой|му|м|ю|х|ші|шы|інші|ыншы)\b|\s?ویں(?!\w)", re.IGNORECASE)
_YEAR_WORDS = {lx.fold(w) for w in ("год", "года", "году", "годом", "г", "жылы", "жылғы", "жыл", "жылдың",
                                    "жылға", "жылдан", "жылдары", "ء")}
_YEAR_BEFORE = {lx.fold(w) for w in ("in", "since", "by", "until", "of", "year", "в", "с", "к", "до", "عام", "العام",
                                     "سنة", "منذ", "بحلول", "حتى", "في", "سال")}
_NOT_AN_ID = {lx.fold(w) for w in (
    "about", "around", "over", "some", "nearly", "almost", "more", "less", "at", "in", "on", "by", "since", "until",
    "from", "to", "of", "the", "and", "or", "only", "just", "all", "than", "under", "up", "after", "before",
    "около", "более", "менее", "почти", "свыше", "в", "на", "с", "к", "до", "по", "за", "из", "от", "и", "а")}


def _to_float(s: str) -> float | None:
    s = s.replace("٬", ",").replace("،", ",").replace("٫", ".").replace("\u00a0", " ").replace("\u202f", " ")
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", s):
        s = s.replace(",", "")
    elif re.fullmatch(r"\d{1,3}(?: \d{3})+", s):
        s = s.replace(" ", "")
    elif re.fullmatch(r"\d+,\d{1,2}", s):
        s = s.replace(",", ".")
    elif "," in s or " " in s:
        return None
    try:
        v = float(s)
    except ValueError:
        return None
    return v if math.isfinite(v) else None


def _decimals(raw: str) -> int:
    m = re.search(r"[.٫,](\d{1,2})$", raw) if not re.fullmatch(r"\d{1,3}(?:[,٬]\d{3})+", raw) else None
    if m and not re.fullmatch(r"\d{1,3}(?:[,٬]\d{3})+(?:[.٫]\d+)?", raw):
        return len(m.group(1))
    m = re.search(r"[.٫](\d+)$", raw)
    return len(m.group(1)) if m else 0


def _iso(y: int | None, m: int | None, d: int | None) -> str | None:
    if m is not None and not 1 <= m <= 12:
        return None
    if d is not None and not 1 <= d <= 31:
        return None
    if y is not None and not 1000 <= y <= 2999:
        return None
    if y and m and d:
        return f"{y:04d}-{m:02d}-{d:02d}"
    if y and m:
        return f"{y:04d}-{m:02d}"
    if m and d:
        return f"--{m:02d}-{d:02d}"
    return None


class _Scan:
    """One extraction: the text, its folded twin, word tokens, and the spans already taken."""

    def __init__(self, text: str, offset: int, lang: str | None):
        self.text = text
        self.offset = offset
        self.lang = lang if lang in lx.LANGS else None
        # "و38": the Arabic conjunction glued to a number is read as a space (same length)
        self.norm = re.sub(r"(?<![\w])و(?=\d)", " ", ascii_digits(text))
        self.low = re.sub(r"(?<![\w])و(?=\d)", " ", _same_length_fold(text))
        self.taken = bytearray(len(text))
        self.found: list[Quantity] = []
        self.words = [(m.start(), m.end(), m.group().replace("\u0640", "")) for m in _WORD_RE.finditer(self.low)]
        self.word_at = {s: i for i, (s, _, _) in enumerate(self.words)}
        self.word_end = {e: i for i, (_, e, _) in enumerate(self.words)}

    def free(self, a: int, b: int) -> bool:
        return not any(self.taken[a:b])

    def take(self, a: int, b: int) -> None:
        self.taken[a:b] = b"\x01" * (b - a)

    def add(self, kind: str, a: int, b: int, **kw) -> None:
        self.take(a, b)
        self.found.append(Quantity(kind, self.text[a:b], self.offset + a, self.offset + b, **kw))

    # -- tokens around a position
    def next_word(self, pos: int, max_gap: int = 2) -> int | None:
        """Index of the first word starting within ``max_gap`` characters (white space or hyphen) of pos."""
        j = pos
        while j < len(self.low) and j - pos < max_gap and self.low[j] in " \u00a0\u202f-–":
            j += 1
        return self.word_at.get(j)

    def prev_word(self, pos: int, max_gap: int = 2) -> int | None:
        j = pos
        while j > 0 and pos - j < max_gap and self.low[j - 1] in " \u00a0\u202f":
            j -= 1
        return self.word_end.get(j)

    def lexicon(self, table: dict[str, dict[str, float]]) -> dict[str, float]:
        if self.lang:
            return table[self.lang]
        merged: dict[str, float] = {}
        for lang in lx.LANGS:
            for w, v in table[lang].items():
                if w not in lx.CLASHES:
                    merged.setdefault(w, v)
        return merged

    def word_value(self, word: str, table: dict[str, float]) -> tuple[float | None, str]:
        if word in table:
            return table[word], word
        if self.lang in (None, "ar"):
            for p in ("وال", "بال", "لل", "ال", "و", "ب", "ل"):
                if word.startswith(p) and len(word) - len(p) >= 2 and word[len(p):] in table:
                    return table[word[len(p):]], word[len(p):]
        return None, word


def extract(text: str, offset: int = 0, lang: str | None = None) -> tuple[Quantity, ...]:
    """All quantities in ``text``; offsets are ``offset + position in text``. Never raises."""
    if not isinstance(text, str) or not text:
        return ()
    s = _Scan(text, offset, lang)
    _dates(s)
    for m in _TIME_RE.finditer(s.norm):
        if s.free(m.start(), m.end()):
            s.take(m.start(), m.end())
    for m in _PHONE_RE.finditer(s.norm):  # "0800 555 111": an identifier in any language
        s.take(m.start(), m.end())
    _digit_ranges(s)
    _digit_numbers(s)
    _ordinal_words(s)  # before number words: "الثالث والستين" is one ordinal
    _number_words(s)
    s.found.sort(key=lambda q: (q.start, q.end))
    return tuple(s.found)


# --- dates ----------------------------------------------------------------------------------------
def _dates(s: _Scan) -> None:
    for kind, pat in _DATE_PATTERNS:
        for m in pat.finditer(s.low):
            if not s.free(m.start(), m.end()):
                continue
            gd = m.groupdict()
            y = int(gd["y"]) if gd.get("y") else None
            d = int(gd["d"]) if gd.get("d") else None
            mon = gd.get("mon")
            mm = _month_of(mon) if mon else (int(gd["m"]) if gd.get("m") else None)
            iso = _iso(y, mm, d)
            if iso is None:
                continue
            iso_end = None
            if gd.get("d2"):
                d2 = int(gd["d2"])
                if d is None or not d < d2 <= 31:
                    continue
                iso_end = _iso(y, mm, d2)
            s.add("date", m.start(), m.end(), iso=iso, iso_end=iso_end,
                  approx="range" if iso_end else None)


# --- numbers written in digits ------------------------------------------------------------------
def _digit_ranges(s: _Scan) -> None:
    for m in _RANGE_RE.finditer(s.norm):
        if not s.free(m.start(), m.end()):
            continue
        a, b = _to_float(m.group("a")), _to_float(m.group("b"))
        if a is None or b is None or not a < b:
            continue
        if re.fullmatch(r"\d{4}", m.group("a")) and re.fullmatch(r"\d{2,4}", m.group("b")):
            if len(m.group("b")) == 2:  # 2019-20
                b = float(int(m.group("a")[:2] + m.group("b")))
                if not a < b:
                    continue
            if 1800 <= a <= 2100 and 1800 <= b <= 2100:
                s.add("year", m.start(), m.end(), value=a, value_max=b, precision=1.0, approx="range")
                continue
        prec = 10.0 ** -max(_decimals(m.group("a")), _decimals(m.group("b")))
        _finish(s, m.start(), m.end(), a, prec, value_max=b, raw=m.group("a"))


def _digit_numbers(s: _Scan) -> None:
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
        value = _to_float(raw)
        if s.lang not in (None, "en") and re.fullmatch(r"\d{1,3}\.\d{3}", raw):
            value = _to_float(raw.replace(".", ","))  # "15.000 دولار": a thousands dot outside English
        if value is None:
            continue
        # "N سے M", "от N до M", "من N إلى M", "N to M": a range
        rng = re.compile(r"\s+(?:to|سے|إلى|الى|до|and|و)\s+(" + _NUM + r")" + _E).match(s.low, b)
        if rng and s.free(b, rng.end()):
            hi = _to_float(rng.group(1))
            opener = s.prev_word(a)
            wants_opener = rng.group(0).split()[0] in ("and", "و", "до")
            if hi is not None and value < hi and (not wants_opener or (
                    opener is not None and s.words[opener][2] in lx.RANGE_OPENERS)):
                if re.fullmatch(r"\d{4}", raw) and 1800 <= value <= 2100 and 1800 <= hi <= 2100:
                    s.add("year", a, rng.end(), value=value, value_max=hi, precision=1.0, approx="range")
                else:
                    _finish(s, a, rng.end(), value, 10.0 ** -_decimals(raw), value_max=hi, raw=raw)
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
        _finish(s, a, b, value, 10.0 ** -_decimals(raw), raw=raw)


def _decade(s: _Scan, a: int, b: int, raw: str, value: float) -> bool:
    if not (re.fullmatch(r"\d{4}", raw) and 1800 <= value <= 2090 and value % 10 == 0):
        return False
    m = lx.DECADE_AFTER.match(s.low, b)
    if not m:
        return False
    s.add("year", a, m.end(), value=value, value_max=value + 9, precision=1.0, approx="decade")
    return True


def _finish(s: _Scan, a: int, b: int, value: float, precision: float, *, value_max: float | None = None,
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
    pct = _PCT_RE.match(s.norm, end)
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
        u, unit_end = _unit_after(s, end)
        if unit is None:
            unit = u
        else:
            unit_end = max(end, unit_end if u == unit else end)
    # year: 4 digits, no scale, nothing but a year word after it
    if (kind == "number" and raw is not None and scale == 1.0 and value_max is None
            and re.fullmatch(r"\d{4}", raw) and 1800 <= value <= 2100 and (unit is None or _year_word_after(s, b))):
        prev = s.prev_word(a)
        if unit is None or _year_word_after(s, b) or (prev is not None and s.words[prev][2] in _YEAR_BEFORE):
            s.add("year", a, b, value=value, precision=1.0)
            return True
    if kind == "number" and _is_identifier(s, a, unit, scale):
        s.take(a, b)
        return False
    # approximation
    approx = approx or _approx_before(s, a) or _approx_after(s, unit_end) or ("range" if value_max is not None else None)
    s.add(kind, a, end, value=value, value_max=value_max, precision=precision, unit=unit, approx=approx)
    return True


def _year_word_after(s: _Scan, b: int) -> bool:
    w = s.next_word(b, 2)
    return w is not None and s.words[w][2].rstrip(".") in _YEAR_WORDS


def _unit_after(s: _Scan, end: int) -> tuple[str | None, int]:
    """What the number counts: the first unit or currency word after it, skipping up to two
    adjectives such as "US" / "امریکی" / "американских"; also glued "-year-old", "-летнего"."""
    glued = lx.UNIT_SUFFIX.match(s.low, end)
    if glued:
        return "year", glued.end()
    pos, skipped = end, 0
    while skipped <= 2:
        if s.low.startswith(" a.m", pos) or s.low.startswith(" p.m", pos):
            return "clock", pos + 4
        wi = s.next_word(pos, 3)
        if wi is None:
            return None, end
        _ws, we, word = s.words[wi]
        word = word.rstrip(".")
        if word in lx.CURRENCY_WORDS:
            return lx.CURRENCY_WORDS[word], we
        if word in lx.UNIT_WORDS:
            unit = lx.UNIT_WORDS[word]
            if unit in ("km", "mile"):  # "km per hour", "میل فی گھنٹہ", "ميلا في الساعة", "км в час"
                rate = _PER_HOUR.match(s.low, we)
                if rate:
                    return ("kmh" if unit == "km" else "mph"), rate.end()
            if unit == "hour" and re.match(r"\s+(?:утра|вечера|дня|ночи)\b", s.low[we:]):
                return "clock", we  # "5 часов утра"
            return unit, we
        if s.lang in (None, "ar", "ur"):  # "دولار أمريكي": the adjective may follow; "ملین ڈالر": done above
            for p in ("ال", "و", "ب", "ل"):
                if word.startswith(p) and word[len(p):] in lx.UNIT_WORDS:
                    return lx.UNIT_WORDS[word[len(p):]], we
        # adjectives before the noun: "28 بلین امریکی ڈالر", "120 million cubic metres", "пяти крупных стран"
        if word in lx.CURRENCY_ADJ or (skipped < (1 if s.lang == "ar" else 2) and word not in lx.SCALES
                                       and not _is_number_word(s, word)):
            pos, skipped = we, skipped + 1
            continue
        return None, end
    return None, end


def _is_number_word(s: _Scan, word: str) -> bool:
    return word in s.lexicon(lx.NUMBERS) or word in s.lexicon(lx.ORDINALS) or any(
        word in ph for ph in lx.APPROX_AFTER) or word in lx.RANGE_WORDS


def _is_identifier(s: _Scan, a: int, unit: str | None, scale: float) -> bool:
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
    orig = s.text[ws:s.words[w][1]]
    if orig[:1].isupper() and orig[:1].isalpha() and word not in _NOT_AN_ID and _month_of(word) is None \
            and word not in lx.SCALE_NAMES:
        # a capitalised word right before the number, not at the start of the sentence: "Boeing 737"
        k = ws - 1
        while k >= 0 and s.text[k] in " \u00a0\"'“«(":
            k -= 1
        return k >= 0 and s.text[k] not in ".!?:;…۔؟"
    return False


def _match_phrase(s: _Scan, wi: int, phrases) -> tuple[str, ...] | None:
    for ph in sorted(phrases, key=len, reverse=True):
        if wi + len(ph) > len(s.words):
            continue
        seq = tuple(s.words[wi + k][2] for k in range(len(ph)))
        if seq == ph and all(s.words[wi + k + 1][0] - s.words[wi + k][1] <= 2 for k in range(len(ph) - 1)):
            return ph
    return None


def _approx_before(s: _Scan, a: int) -> str | None:
    # skip a currency sign between: "more than $5"
    j = a
    while j > 0 and s.norm[j - 1] in " $€£₸₽\u00a0":
        j -= 1
    wi = s.word_end.get(j)
    if wi is None:
        return None
    for n in (3, 2, 1):
        if wi - n + 1 < 0:
            continue
        seq = tuple(s.words[k][2] for k in range(wi - n + 1, wi + 1))
        if seq in lx.APPROX_BEFORE:
            return lx.APPROX_BEFORE[seq]
        if seq[0][:1] in ("ل", "و", "ب") and (seq[0][1:],) + seq[1:] in lx.APPROX_BEFORE:
            return lx.APPROX_BEFORE[(seq[0][1:],) + seq[1:]]  # "لأكثر من"
    return None


def _approx_after(s: _Scan, end: int) -> str | None:
    wi = s.next_word(end, 3)
    if wi is None:
        return None
    for n in (3, 2, 1):
        seq = tuple(s.words[k][2] for k in range(wi, min(wi + n, len(s.words))))
        if len(seq) == n and seq in lx.APPROX_AFTER:
            return lx.APPROX_AFTER[seq]
    return None


# --- numbers written in words -------------------------------------------------------------------
def _number_words(s: _Scan) -> None:
    table = s.lexicon(lx.NUMBERS)
    i = 0
    n = len(s.words)
    while i < n:
        start_i = i
        values: list[float] = []
        weak = False
        while i < n:
            ws, we, word = s.words[i]
            if not s.free(ws, we):
                break
            if values and ws - s.words[i - 1][1] > 2:
                break
            if word in lx.AR_ELEVEN and i + 1 < n and s.words[i + 1][2] in lx.AR_TEENS_TAIL and s.lang in (None, "ar"):
                values.append(lx.AR_ELEVEN[word])
                i += 2
                continue
            v, base = s.word_value(word, table)
            if base == "اثنين" and word != base:
                v = None  # "الاثنين", "يوم الاثنين": Monday
            if v is None and word in lx.SCALES and values and word not in lx.SCALE_GLUED_ONLY:
                v = lx.SCALES[word]
            if v is None:
                break
            if values and not _joins(values[-1], v, base != word and word.startswith("و")):
                break
            if base in lx.ONE_WORDS:
                weak = "one"
            elif base in lx.WEAK_NUMBERS:
                weak = True
            values.append(v)
            i += 1
        if not values:
            if i == start_i:
                _vague(s, i)
                i += 1
            continue
        a, b = s.words[start_i][0], s.words[i - 1][1]
        value = _compose(values)
        # what follows decides whether a weak word ("ایک", "نو", "one") is a number
        nxt = s.next_word(b, 2)
        nxt_word = s.words[nxt][2].rstrip(".") if nxt is not None else ""
        if nxt_word in ("طرفہ", "another") or (nxt_word == "دوسرے" and value == 1):
            continue
        if weak and len(values) == 1:
            strong_next = nxt_word in lx.SCALES or (weak is True and (
                nxt_word in lx.UNIT_WORDS or nxt_word in lx.CURRENCY_WORDS))
            if not strong_next:  # "ایک اہلکار" is "an official"; "ایک ارب" is a billion
                continue
        _finish(s, a, b, value, 1.0, from_words=True)


def _joins(prev: float, v: float, arabic_and: bool) -> bool:
    """Whether number word ``v`` continues the number that ends with ``prev``: "twenty five",
    "two hundred", "خمسة وعشرون", "ثلاثة عشر", "сто двадцать"; not "چار چار"."""
    if v >= 1000 or (v == 100 and prev < 10):
        return True
    if prev >= 100 and prev % 100 == 0 and v < 100:
        return True
    if prev >= 10 and prev % 10 == 0 and prev < 100 and v < 10:  # "twenty five", Kazakh "он бес"
        return True
    if prev < 10 and ((v == 10 and arabic_and is False) or (arabic_and and 20 <= v < 100 and v % 10 == 0)):
        return True
    return False


def _compose(values: list[float]) -> float:
    total, cur = 0.0, 0.0
    for v in values:
        if v == 100 and cur and cur < 10:
            cur *= 100
        elif v >= 1000:
            total += (cur or 1) * v
            cur = 0.0
        else:
            cur += v
    return total + cur


def _vague(s: _Scan, i: int) -> None:
    ws, we, word = s.words[i]
    if word not in lx.VAGUE or not s.free(ws, we):
        return
    base = lx.VAGUE[word]
    end = we
    nxt = s.next_word(we, 2)
    if nxt is not None and s.words[nxt][2] in lx.SCALES and s.words[nxt][2] not in lx.SCALE_GLUED_ONLY:
        base *= lx.SCALES[s.words[nxt][2]]
        end = s.words[nxt][1]
    unit, _ = _unit_after(s, end)
    if unit is None:  # "hundreds of people"
        of = s.next_word(end, 2)
        if of is not None and s.words[of][2] in ("of",):
            unit, _ = _unit_after(s, s.words[of][1])
    s.add("number", ws, end, value=base, precision=base, unit=unit, approx="many")


# --- ordinals in words --------------------------------------------------------------------------
_UR_PEHLE_BEFORE = {lx.fold(w) for w in ("کے", "اپنے", "میرے", "ہمارے")}
_UR_DOOSRA_NOT = {lx.fold(w) for w in ("جانب", "طرف", "ممالک", "ملکوں", "لوگ", "لوگوں", "دن", "شعبوں", "شعبے",
                                       "ملک", "حصوں", "افراد", "کو", "سے", "کی", "کے", "پر", "میں")}


def _ordinal_words(s: _Scan) -> None:
    table = s.lexicon(lx.ORDINALS)
    for i, (ws, we, word) in enumerate(s.words):
        if not s.free(ws, we):
            continue
        v, base = s.word_value(word, table)
        if v is None and s.lang in (None, "ar") and word.startswith("لا") and word[1:] in table:
            v, base = table[word[1:]], word[1:]  # "لأول" folds to "لاول"
        if v is None and s.lang in (None, "kk"):
            for stem, val in lx.KK_ORDINAL_STEMS.items():
                if word.startswith(stem):
                    v, base = val, stem
                    break
        if v is None:
            continue
        end = we
        if v < 10 and i + 1 < len(s.words) and s.words[i + 1][2] in lx.AR_TEENS_TAIL and s.lang in (None, "ar"):
            v, end = v + 10, s.words[i + 1][1]  # "الثانية عشرة": 12th
        elif v < 10 and i + 1 < len(s.words) and s.words[i + 1][2].startswith("و"):
            tens, _ = s.word_value(s.words[i + 1][2], s.lexicon(lx.NUMBERS))
            if tens and 20 <= tens < 100 and tens % 10 == 0:  # "الثالث والستين": 63rd
                v, end = v + tens, s.words[i + 1][1]
        prev = s.words[i - 1][2] if i > 0 else ""
        nxt = s.words[i + 1][2] if i + 1 < len(s.words) else ""
        before = s.norm[max(0, ws - 12):ws]
        if re.search(r"\d\s*$", before):
            continue  # "30 seconds", "30 ثانية"
        if base == "second" and (prev in ("per", "split", "one") or nxt in ("hand", "later", "ago", "or", "")
                                 or (prev == "a" and re.match(r"\s*[,.;:!?)]", s.text[we:we + 2]))):
            continue  # "a split second", "a second later", "on the other hand"
        if base == lx.fold("پہلے"):  # "first" after a genitive or "سب سے", or before a number; else "before"
            follows_number = bool(re.match(r"\s*\d", s.norm[we:we + 3])) or nxt in lx.NUMBERS["ur"]
            first_of_all = prev == "سے" and i > 1 and s.words[i - 2][2] == "سب"
            if not (prev in _UR_PEHLE_BEFORE or follows_number or first_of_all):
                continue
        if base.startswith(lx.fold("دوسر")) and (prev == "ایک" or nxt in _UR_DOOSRA_NOT):
            continue
        s.add("ordinal", ws, end, value=v, precision=1.0)


# --- display and the v1 comparison ----------------------------------------------------------------
def show(q: Quantity) -> str:
    """Canonical value first (reads the same in every script and direction), then the surface
    form when it differs: "28 billion (28 بلین)", "2025-11-07 (7 نوفمبر 2025)", "1992"."""
    plain = ascii_digits(q.text)
    if q.kind == "date":
        canonical = q.iso if not q.iso_end else f"{q.iso}/{q.iso_end[-2:]}"
    elif q.kind == "ordinal":
        canonical = _ordinal_name(q.value)
    else:
        canonical = _fmt(q.value)
        if canonical is not None and q.value_max is not None:
            if q.approx == "decade":
                canonical += "s"
            else:
                canonical += f"-{_fmt(q.value_max)}"
    if q.kind == "percent" and canonical is not None:
        canonical += "%"
    if canonical is not None and canonical != plain:
        return f"{canonical} ({q.text})"
    return q.text


_show = show  # v1 name, used by verdict


def _ordinal_name(v: float | None) -> str | None:
    if v is None or not float(v).is_integer():
        return None
    n = int(v)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _fmt(v: float | None) -> str | None:
    if v is None:
        return None
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(v) >= scale:
            return f"{v / scale:g} {word}"
    if float(v).is_integer():
        return f"{int(v):,}" if abs(v) >= 10_000 else str(int(v))
    return f"{v:g}"


def compare_quantities(ours, theirs):
    """v1 entry point: the quantity conflicts between two claims' quantities (see ``checks``)."""
    from .checks import quantity_conflicts

    return quantity_conflicts(tuple(ours), tuple(theirs))
