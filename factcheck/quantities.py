"""Numbers, years and dates in any script, normalised for comparison.

In:  a text span (and the offset of that span in ``Document.text``).
Out: ``Quantity`` records (kind "year" | "date" | "number" | "percent") with offsets into the
     document, in text order; digits of every script read as their values.
Holds:
- Western ``0-9``, Arabic-Indic ``٠-٩`` and Extended Arabic-Indic (Urdu/Persian) ``۰-۹`` digits;
  ``٬``/``,`` thousands separators, ``٫``/``.`` decimal marks (a comma followed by 1-2 digits is a
  decimal comma, as in Russian "1,5").
- Dates: numeric (``07-11-2025``, ``2025-11-07``, ``7/11/2025``; day first unless the year leads),
  and day-month(-year) / month-day-year with month names in English, Urdu, Arabic (both the
  Egyptian/Gulf and Levantine names), Russian and Kazakh. Digits inside a date are not reported
  again as numbers or years.
- A 4-digit integer 1800-2100 not followed by a percent sign or a unit is a year.
- ``extract`` never raises on any string.

``compare_quantities`` is the deterministic check used by the verdict stage: it reports values of the
same kind that one claim states and the other contradicts. The atomic-claims stage refines roles
(an amount vs a count), scale words and approximations; this version compares by kind only.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .types import Quantity

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def ascii_digits(text: str) -> str:
    """Map Arabic-Indic and Urdu/Persian digits to ASCII. Length-preserving (offsets hold)."""
    return text.translate(_DIGITS)


_MONTHS: dict[str, int] = {}


def _add_months(names: str) -> None:
    for i, group in enumerate(names.split("|"), start=1):
        for name in group.split(","):
            _MONTHS[name.strip().lower()] = i


# English (full and abbreviated)
_add_months("january,jan|february,feb|march,mar|april,apr|may|june,jun|july,jul|august,aug|"
            "september,sep,sept|october,oct|november,nov|december,dec")
# Urdu
_add_months("جنوری|فروری|مارچ|اپریل|مئی|جون|جولائی|اگست|ستمبر|اکتوبر|نومبر|دسمبر")
# Arabic: Egyptian/Gulf names and Levantine names
_add_months("يناير,كانون الثاني|فبراير,شباط|مارس,آذار|أبريل,ابريل,نيسان|مايو,أيار|يونيو,يونيه,حزيران|"
            "يوليو,يوليه,تموز|أغسطس,اغسطس,آب|سبتمبر,أيلول|أكتوبر,اكتوبر,تشرين الأول|"
            "نوفمبر,تشرين الثاني|ديسمبر,كانون الأول")
# Russian (genitive, as in dates, and nominative)
_add_months("января,январь|февраля,февраль|марта,март|апреля,апрель|мая,май|июня,июнь|июля,июль|"
            "августа,август|сентября,сентябрь|октября,октябрь|ноября,ноябрь|декабря,декабрь")
# Kazakh
_add_months("қаңтар,қаңтарда|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан")

_MONTH_RE = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
_NUM = r"\d+(?:[,٬]\d{3})+(?:[.٫]\d+)?|\d+(?:[.٫,]\d+)?"
_B = r"(?<![\w.,٫٬/-])"  # no word/number glued on the left
_E = r"(?![\w]|[.,٫٬/-]\d)"  # nor on the right

_DATE_PATTERNS = [
    # 2025-11-07
    ("ymd", re.compile(_B + r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})" + _E)),
    # 07-11-2025, 7/11/2025, 07.11.2025 (day first)
    ("dmy", re.compile(_B + r"(?P<d>\d{1,2})[-/.](?P<m>\d{1,2})[-/.](?P<y>\d{4})" + _E)),
    # November 7, 2025 / Nov 7 2025
    ("mdy", re.compile(r"(?<!\w)(?P<mon>" + _MONTH_RE + r")\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?"
                       r"(?:,?\s+(?P<y>\d{4}))?" + _E, re.IGNORECASE)),
    # 7 November 2025 / 27 نومبر / 27 ноября 2024 г. / 7 نوفمبر 2025
    ("dmy-name", re.compile(_B + r"(?P<d>\d{1,2})\s+(?P<mon>" + _MONTH_RE + r")(?!\w)"
                            r"(?:,?\s+(?P<y>\d{4})" + _E + r")?", re.IGNORECASE)),
    # November 2025 / نومبر 2025
    ("my", re.compile(r"(?<!\w)(?P<mon>" + _MONTH_RE + r")\s+(?P<y>\d{4})" + _E, re.IGNORECASE)),
]
_TIME_RE = re.compile(_B + r"\d{1,2}:\d{2}(?::\d{2})?" + _E)  # clock times are skipped, not numbers
_NUMBER_RE = re.compile(_B + r"(?P<n>" + _NUM + r")(?P<pct>\s?[%٪])?")
# a number directly followed by one of these is an amount, not a year ("2000 dollars", "1999 km")
_UNIT_AFTER = re.compile(r"\s?(?:[$€£₸%٪]|usd|dollars?|km|kg|tonnes?|people|ڈالر|دولار|доллар|тенге)", re.I)


# scale words right after a number: "28 billion", "350 ألف", "20 بلین", "1,5 млрд" (the atomic-claims
# stage extends this to number words, lakh/crore and currencies)
_SCALES = {
    1e3: "thousand|thousands|ألف|آلاف|الف|ہزار|هزار|тысяч|тысячи|тысяча|тыс|мың",
    1e5: "lakh|lakhs|لاکھ",
    1e6: "million|millions|mln|مليون|ملايين|ملین|ملیون|миллион|миллиона|миллионов|млн|миллион",
    1e7: "crore|crores|کروڑ",
    1e9: "billion|billions|bn|مليار|مليارات|بلین|ارب|миллиард|миллиарда|миллиардов|млрд|миллиард",
    1e12: "trillion|تريليون|ٹریلین|триллион|трлн",
}
_SCALE_WORD = {w: v for v, ws in _SCALES.items() for w in ws.split("|")}
_SCALE_RE = re.compile(r"\s?(" + "|".join(sorted(map(re.escape, _SCALE_WORD), key=len, reverse=True)) + r")\.?(?!\w)",
                       re.IGNORECASE)


def _to_float(s: str) -> float | None:
    s = s.replace("٬", ",").replace("٫", ".")
    if re.fullmatch(r"\d+(?:,\d{3})+(?:\.\d+)?", s):
        s = s.replace(",", "")
    elif re.fullmatch(r"\d+,\d{1,2}", s):
        s = s.replace(",", ".")
    elif "," in s:
        return None
    try:
        v = float(s)
    except ValueError:
        return None
    return v if math.isfinite(v) else None


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


def extract(text: str, offset: int = 0) -> tuple[Quantity, ...]:
    """All quantities in ``text``; offsets are ``offset + position in text``."""
    norm = ascii_digits(text)
    taken = [False] * len(norm)
    found: list[Quantity] = []

    def free(a: int, b: int) -> bool:
        return not any(taken[a:b])

    def take(a: int, b: int) -> None:
        for i in range(a, b):
            taken[i] = True

    for kind, pat in _DATE_PATTERNS:
        for m in pat.finditer(norm):
            if not free(m.start(), m.end()):
                continue
            gd = m.groupdict()
            y = int(gd["y"]) if gd.get("y") else None
            d = int(gd["d"]) if gd.get("d") else None
            mon = gd.get("mon")
            mm = _MONTHS.get(mon.lower()) if mon else (int(gd["m"]) if gd.get("m") else None)
            iso = _iso(y, mm, d)
            if iso is None:
                continue
            take(m.start(), m.end())
            found.append(Quantity("date", text[m.start():m.end()], offset + m.start(), offset + m.end(), iso=iso))

    for m in _TIME_RE.finditer(norm):
        if free(m.start(), m.end()):
            take(m.start(), m.end())

    for m in _NUMBER_RE.finditer(norm):
        a, b = m.start(), m.end()
        if not free(a, b):
            continue
        raw = m.group("n")
        value = _to_float(raw)
        if value is None:
            continue
        scale = None if m.group("pct") else _SCALE_RE.match(norm, b)
        if scale:
            value *= _SCALE_WORD[scale.group(1).lower()]
            b = scale.end()
        take(a, b)
        if m.group("pct"):
            kind = "percent"
        elif not scale and re.fullmatch(r"\d{4}", raw) and 1800 <= value <= 2100 and not _UNIT_AFTER.match(norm, b):
            kind = "year"
        else:
            kind = "number"
        found.append(Quantity(kind, text[a:b], offset + a, offset + b, value=value))
    found.sort(key=lambda q: q.start)
    return tuple(found)


@dataclass(frozen=True)
class Discrepancy:
    """Two claims state different values of the same kind."""

    kind: str
    ours: tuple[Quantity, ...]
    theirs: tuple[Quantity, ...]

    def reason(self) -> str:
        def show(qs: tuple[Quantity, ...]) -> str:
            return ", ".join(_show(q) for q in qs)

        label = {"year": "year", "date": "date", "number": "number", "percent": "percentage"}[self.kind]
        return f"{label} differs: this claim says {show(self.ours)}, the other source says {show(self.theirs)}"


def _show(q: Quantity) -> str:
    """Canonical value first (reads the same in every script and direction), then the surface
    form when it differs: "28 billion (28 بلین)", "2025-11-07 (7 نوفمبر 2025)", "1992"."""
    plain = ascii_digits(q.text)
    canonical = q.iso if q.kind == "date" else _fmt(q.value)
    if q.kind == "percent" and canonical is not None:
        canonical += "%"
    if canonical is not None and canonical != plain:
        return f"{canonical} ({q.text})"
    return q.text


def _fmt(v: float | None) -> str | None:
    if v is None:
        return None
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(v) >= scale:
            return f"{v / scale:g} {word}"
    if float(v).is_integer():
        return f"{int(v):,}" if abs(v) >= 10_000 else str(int(v))
    return f"{v:g}"


def _same_number(x: float, y: float) -> bool:
    """Equal, or equal once the more precise value is rounded to the other's precision."""
    if math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-12):
        return True
    for digits in (0, 1, 2):
        if round(x, digits) == x and round(y, digits) == x:
            return True
        if round(y, digits) == y and round(x, digits) == y:
            return True
    return False


def _same_date(a: str, b: str) -> bool:
    """Partial ISO dates agree on every field both have (year, month, day)."""

    def parts(s: str) -> tuple[str | None, str | None, str | None]:
        if s.startswith("--"):
            m, d = s[2:].split("-")
            return None, m, d
        bits = s.split("-")
        return bits[0], bits[1] if len(bits) > 1 else None, bits[2] if len(bits) > 2 else None

    return all(x is None or y is None or x == y for x, y in zip(parts(a), parts(b)))


def compare_quantities(ours: tuple[Quantity, ...], theirs: tuple[Quantity, ...]) -> list[Discrepancy]:
    """Kinds for which each side states a value the other side does not.

    A value only one side mentions is not a contradiction (the other source may just say less);
    a contradiction needs an unmatched value on both sides, of the same kind. A date's year also
    counts as a year on the other side, so "7 November 2025" vs "2025" agrees.
    """
    out: list[Discrepancy] = []

    def years_of(qs):
        ys = [q.value for q in qs if q.kind == "year"]
        ys += [float(q.iso[:4]) for q in qs if q.kind == "date" and q.iso and not q.iso.startswith("--")]
        return ys

    for kind in ("date", "year", "number", "percent"):
        a = tuple(q for q in ours if q.kind == kind)
        b = tuple(q for q in theirs if q.kind == kind)
        if not a or not b:
            continue
        if kind == "date":
            a_only = tuple(q for q in a if not any(_same_date(q.iso, r.iso) for r in b))
            b_only = tuple(r for r in b if not any(_same_date(q.iso, r.iso) for q in a))
        elif kind == "year":
            other_years_b, other_years_a = years_of(theirs), years_of(ours)
            a_only = tuple(q for q in a if q.value not in other_years_b)
            b_only = tuple(r for r in b if r.value not in other_years_a)
        else:
            a_only = tuple(q for q in a if not any(_same_number(q.value, r.value) for r in b))
            b_only = tuple(r for r in b if not any(_same_number(q.value, r.value) for q in a))
        if a_only and b_only:
            out.append(Discrepancy(kind, a_only, b_only))
    return out
