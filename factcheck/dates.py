"""Dates in any script: day-month(-year), month-day-year, numeric dates and date ranges.

In:  a ``textscan.Scan``. Out: "date" quantities with ``iso`` (and ``iso_end`` for ranges) added to it,
their spans taken so that their digits are not read again as numbers.
Holds: month names in English, Urdu, Arabic (both naming systems), Russian (all cases) and Kazakh (with
case endings); numeric dates are day first unless the year leads; impossible dates are not dates.
"""
from __future__ import annotations

import re

from . import lexicon as lx
from .textscan import DASH, B, E, Scan

# --- months -------------------------------------------------------------------------------------
MONTHS: dict[str, int] = {}


def _add_months(names: str) -> None:
    for i, group in enumerate(names.split("|"), start=1):
        for name in group.split(","):
            if name.strip():
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
# Russian abbreviations, as in "сент. 11, 2001" (not "мар", "сен", "ноя": they are also words or names)
_add_months("янв|февр,фев|||||июл|авг|сент|окт|нояб|дек")
_KK_MONTHS = ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"]
for _i, _m in enumerate(_KK_MONTHS, start=1):
    MONTHS[_m] = _i
_KK_MONTHS.append("қыркүйег")  # a vowel ending voices the final к: "қыркүйегінде"
MONTHS["қыркүйег"] = 9
_KK_SUFFIX = r"(?:[а-яәіңғүұқөһ]{0,6})"

_MONTH_WORDS = sorted((re.escape(m) for m in MONTHS if m not in _KK_MONTHS), key=len, reverse=True)
MONTH_RE = r"(?:" + "|".join(_MONTH_WORDS) + r"|(?:" + "|".join(_KK_MONTHS) + r")" + _KK_SUFFIX + r")"


def month_of(word: str) -> int | None:
    w = lx.fold(word).replace("\u0640", "").rstrip(".")
    if w in MONTHS:
        return MONTHS[w]
    for m in _KK_MONTHS:
        if w.startswith(m):
            return MONTHS[m]
    return None


_DAY = r"(?P<d>\d{1,2})(?:-?(?:го|е|ого|ші|шы|інші|ыншы))?"  # "5-го ноября", "6-шы қараша"
# the year after a day and month: "7 November 2025", "29 ستمبر، 2022", "30 سبتمبر، من عام 1882"
_THEN_YEAR = r"(?:(?:\s*[,،]\s*|\s+)(?:(?:من\s+)?(?:عام|سنة)\s+)?(?P<y>\d{4})" + E + r")?"  # "6 اکتوبر ،1774"
_THEN_YEAR_RE = re.compile(_THEN_YEAR)
# between the two days of a range (matched folded: "إلى" is "الي"); "and" too ("between 14 and 24
# September", "между 14 и 24 сентября", "بين 14 و24 سبتمبر" with its "و" glued to the day)
_TO = r"(?:\s*[-–—]\s*|\s+(?:to|through|سے|اور|إلى|الى|الي|до|по|and|и|و)\s+|\s+و(?=\d))"

_DATE_PATTERNS = [
    # "9/11", "11/9" (the attacks of 11 September 2001), in every script; no other day/month without a year
    ("nine-eleven", re.compile(B + r"(?P<m>9)/(?P<d>11)" + E)),
    ("ymd", re.compile(B + r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})" + E)),
    ("dmy", re.compile(B + r"(?P<d>\d{1,2})[-/.](?P<m>\d{1,2})[-/.](?P<y>\d{4})" + E)),
    # 27-28 November 2024 / 27 سے 28 نومبر / من 27 إلى 28 نوفمبر / 27–28 ноября
    ("range", re.compile(B + r"(?P<d>\d{1,2})" + _TO + r"(?P<d2>\d{1,2})\s+(?P<mon>" + MONTH_RE + r")(?!\w)"
                         r"(?:[,،]?\s+(?P<y>\d{4})" + E + r")?")),
    # November 27-28, 2024
    ("mrange", re.compile(r"(?<!\w)(?P<mon>" + MONTH_RE + r")\.?\s+(?P<d>\d{1,2})(?:" + DASH
                          + r"|\s+(?:to|through|and)\s+)(?P<d2>\d{1,2})"
                          r"(?:[,،]?\s+(?P<y>\d{4}))?" + E)),
    # Urdu with the month after the first day: "14 ستمبر اور 24 کے درمیان", "14 ستمبر سے 24 تک"
    ("range-ur", re.compile(B + r"(?P<d>\d{1,2})\s+(?P<mon>" + MONTH_RE + r")\s+(?:اور|سے)\s+(?P<d2>\d{1,2})"
                            r"(?=\s+(?:کے\s+درمیان|تک)(?!\w))")),
    ("mdy", re.compile(r"(?<!\w)(?P<mon>" + MONTH_RE + r")\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?"
                       r"(?:(?:[,،]\s*|\s+)(?P<y>\d{4}))?" + E)),  # "Feb. 19,2003" too
    # Kazakh puts the year first: "2018 жылдың 29 қыркүйегінде", "2017 жылдың шілдесінде"
    ("ydm-kk", re.compile(B + r"(?P<y>\d{4})\s+жыл(?:дың|ғы|ы)\s+(?:" + _DAY + r"\s+)?(?P<mon>(?:"
                          + "|".join(_KK_MONTHS) + r")" + _KK_SUFFIX + r")(?!\w)")),
    ("dmy-name", re.compile(B + _DAY + r"\s+(?:من\s+)?(?P<mon>" + MONTH_RE + r")(?!\w)" + _THEN_YEAR)),
    ("my", re.compile(r"(?<!\w)(?P<mon>" + MONTH_RE + r")\s+(?P<y>\d{4})" + E)),
]


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



def find_dates(s: Scan) -> None:
    if s.lang in ("ur", None):
        _urdu_day_words(s)
    for kind, pat in _DATE_PATTERNS:
        for m in pat.finditer(s.low_waw if kind == "range" else s.low):  # "بين 14 و24 سبتمبر"
            if not s.free(m.start(), m.end()):
                continue
            gd = m.groupdict()
            y = int(gd["y"]) if gd.get("y") else None
            d = int(gd["d"]) if gd.get("d") else None
            mon = gd.get("mon")
            mm = month_of(mon) if mon else (int(gd["m"]) if gd.get("m") else None)
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


def _urdu_day_words(s: Scan) -> None:
    """Urdu writes a day in words too: "آٹھ جولائی" (8 July), "دو جون 2003" (2 June 2003)."""
    for (ws, we, w), (ms, me, mw) in zip(s.words, s.words[1:]):
        v = lx.NUMBERS["ur"].get(w)
        mm = MONTHS.get(mw) if v is not None and float(v).is_integer() and 1 <= v <= 31 else None
        if mm is None or not re.fullmatch(r"[ \u00a0]+", s.low[we:ms]) or not s.free(ws, me):
            continue
        y = _THEN_YEAR_RE.match(s.low, me)  # always matches: the year is optional
        iso = _iso(int(y.group("y")) if y.group("y") else None, mm, int(v))
        if iso is not None:
            s.add("date", ws, y.end(), iso=iso)
