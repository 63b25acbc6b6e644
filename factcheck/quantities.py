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
- Scale words (dozen, thousand, lakh, million, crore, billion, ارب, مليار, млрд, мың, ...), currencies
  (symbols before, words after, with "US"/"امریکی"/"США" allowed in between), percent signs and words,
  units and counted nouns (people, countries, years, months, km, ...).
- Number words 1-20, tens and hundreds in en/ur/ar/ru/kk (Urdu 21-99 too; compounds such as "twenty-five",
  "خمسة وعشرون", "двадцать пять", "он бес", "twenty five hundred", "две тысячи пятьсот"), amounts written
  as a sum of scales ("3 ارب 20 کروڑ" is 3.2 billion), vague counts ("hundreds of", "دسیوں ہزار": the base,
  approx "many"), ordinal words first..tenth ("الثالث والستين" is 63rd) and digit ordinals ("125th",
  "5-й", "125 ویں").
- Ranges ("27-28 November", "27 سے 28 نومبر", "от 10 до 15") give one quantity with ``value_max`` /
  ``iso_end``; approximations before ("more than", "أكثر من", "более", "около") or after the number
  ("سے زیادہ", "135-тен астам") fill ``approx``.
- Dates: numeric (``07-11-2025``, ``2025-11-07``; day first unless the year leads) and day-month(-year) /
  month-day-year with month names in English, Urdu, Arabic (both naming systems), Russian (all cases)
  and Kazakh (with case endings); an Urdu day in words ("آٹھ جولائی"). Digits inside a date are not
  reported again.
- A 4-digit integer 1800-2100 not followed by a unit, scale or percent is a year, and so is one from
  1000 beside a year word ("в 1279 году", "عام 1279"); "1990s",
  "1990 کی دہائی", "1990-е" are the decade (year 1990 .. 1999); a year not ending in 0 before a decade
  word ("1982-х годах") is that year, approx "decade". After "more than" / "at least" a number is a
  count, unless a word of time bounds it ("until at least 2010", "کم از کم 2010 تک").
- Identifiers are not amounts. A number right after a label ("No.", "Article", "section", "рейс",
  "статьей", "المادة", "بند", "نمبر" ...) is kind "id" with the label's class as its unit ("section",
  "flight", "resolution" ...: ``lexicon.ID_CLASSES``), compared only with identifiers of that class;
  a number after a capitalised name ("Boeing 737", "Windows 10"; not "Category 4") is kind "id" with the
  class "name"; one glued to letters
  ("G20", "COVID-19") is skipped; a run of three digit groups ("0800 555 111"; in Russian and Kazakh not
  one shaped as thousands, "10 000 000") or a phone number with an area code ("(800) 877-6773") is
  kind "id" with unit "phone". Space-grouped thousands ("10 000")
  are read only in Russian and Kazakh, a dot before three digits ("15.000") as thousands outside English.
- ``extract`` never raises, on any string; ``Quantity.text == text[q.start - offset:q.end - offset]``.

The parsers live in ``dates`` (dates), ``numerals`` (digits, and scale/unit/approximation for any number),
``number_words`` (numbers and ordinals in words) over the shared ``textscan.Scan``; this module runs them
in order and formats values. Comparing quantities is ``checks``' job; ``compare_quantities`` here is kept
for callers of v1.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .dates import MONTHS, find_dates
from .number_words import arabic_duals, number_words, ordinal_words
from .numerals import PHONE_AREA_RE, PHONE_RE, TIME_RE, digit_numbers, digit_ranges
from . import lexicon
from .lexicon import RANGE_JOINERS, RANGE_OPENERS
from .textscan import Scan, ascii_digits
from .types import Quantity

__all__ = ["MONTHS", "ascii_digits", "compare_quantities", "extract", "show"]


def _add_phone(s: Scan, m: re.Match) -> None:
    """A phone number: an identifier whose value is its digits, compared only with phone numbers."""
    if s.free(m.start(), m.end()):
        s.add("id", m.start(), m.end(), value=float(re.sub(r"\D", "", ascii_digits(m.group()))),
              unit="phone", precision=1.0)


def extract(text: str, offset: int = 0, lang: str | None = None) -> tuple[Quantity, ...]:
    """All quantities in ``text``; offsets are ``offset + position in text``. Never raises."""
    if not isinstance(text, str) or not text:
        return ()
    s = Scan(text, offset, lang)
    find_dates(s)
    for m in TIME_RE.finditer(s.norm):
        if s.free(m.start(), m.end()):
            s.take(m.start(), m.end())
    for m in PHONE_AREA_RE.finditer(s.norm):  # "(800) 877-6773": compared as a whole, never a range
        _add_phone(s, m)
    for m in PHONE_RE.finditer(s.norm):  # "0800 555 111": a phone number, compared with phone numbers only
        groups = m.group().split()
        if s.lang in ("ru", "kk") and len(groups[0]) <= 3 and not groups[0].startswith("0") and all(
                len(g) == 3 for g in groups[1:]):
            continue  # "10 000 000 рублей": thousands grouped by spaces
        _add_phone(s, m)
    digit_ranges(s)
    digit_numbers(s)
    ordinal_words(s)  # before number words: "الثالث والستين" is one ordinal
    number_words(s)
    arabic_duals(s)
    s.found.sort(key=lambda q: (q.start, q.end))
    return tuple(_word_ranges(s, _scale_sums(s)))


def _scale_sums(s: Scan) -> list[Quantity]:
    """Amounts written as a sum of scales, as Urdu news writes them: "ایک کروڑ 8 لاکھ" (10.8 million),
    "3 ارب 20 کروڑ روپے" (3.2 billion rupees): a number with a scale word right before a smaller one,
    nothing but a space between, is one amount (in the second one's unit). So are thousands and the
    hundreds after them in digits ("13 ہزار 212", "13 тысяч 212", Arabic with its "و": "13 ألفا و212"):
    13,212, not 13,000 and 212."""
    out: list[Quantity] = []
    for q in s.found:
        p = out[-1] if out else None
        gap = s.text[p.end - s.offset:q.start - s.offset].strip() if p is not None else ""
        if (p is not None and p.kind == q.kind == "number" and p.unit is None and p.value_max is None
                and q.value_max is None and p.value is not None and q.value is not None
                and (0 < _scale(q.text) < _scale(p.text) and not gap or _scale(p.text) == 1000 and _scale(
                    q.text) == 0 and gap in ("", "و") and q.value < 1000 and q.value == int(q.value)
                     and q.approx is None and _DIGITS_ONLY.fullmatch(ascii_digits(q.text).strip()) is not None)
                and q.value < _scale(p.text)):
            out[-1] = replace(q, text=s.text[p.start - s.offset:q.end - s.offset], start=p.start,
                              value=p.value + q.value, approx=q.approx or p.approx)
            continue
        out.append(q)
    return out


_DIGITS_ONLY = re.compile(r"\d{1,3}")


def _scale(text: str) -> float:
    """The scale word a number's text ends with ("8 لاکھ": 100,000), or 0."""
    words = lexicon.fold(text).split()
    return lexicon.SCALES.get(words[-1].rstrip("."), 0.0) if words else 0.0


# "от трех до четырех дней", "تین سے پانچ دن", "three to five days", "بين ثلاثة وخمسة": two numbers, one
# of them in words, joined by a range word (digit ranges are read by ``numerals``); "nine to four" is
# still the span the writer gave (4-9)
RANGE_GAP = re.compile(r"\s+(?:" + RANGE_JOINERS + r")\s+|\s+و\s*|-to-|\s*[-–—]\s*")
_NEEDS_OPENER = {"and", "و", "до"}


def _word_ranges(s: Scan, found: list[Quantity]) -> list[Quantity]:
    out: list[Quantity] = []
    for q in found:
        p = out[-1] if out else None
        gap = s.low_waw[p.end - s.offset:q.start - s.offset] if p is not None else ""
        if p is not None and RANGE_GAP.fullmatch(gap):
            word = gap.strip()
        elif p is not None and not gap.strip() and q.text.startswith("و"):
            word = "و"  # "بين ثلاثة وخمسة": the و is glued to the second number
        else:
            word = None
        if (word is not None and p.kind == q.kind == "number" and p.value_max is None and q.value_max is None
                and p.value is not None and q.value is not None and p.value != q.value
                and p.approx in (None, "about") and (p.unit is None or p.unit == q.unit)
                and not (in_digits(p) and in_digits(q))):
            opener = s.prev_word(p.start - s.offset)
            if word not in _NEEDS_OPENER or (opener is not None and s.words[opener][2] in RANGE_OPENERS):
                out[-1] = replace(q, text=s.text[p.start - s.offset:q.end - s.offset], start=p.start,
                                  value=min(p.value, q.value), value_max=max(p.value, q.value), approx="range",
                                  precision=min(p.precision or 1.0, q.precision or 1.0))
                continue
        out.append(q)
    return out


def in_digits(q: Quantity) -> bool:
    """Whether any digit is written in the quantity ("3", "۳", "three to 5"; not "three")."""
    return any(ch.isdigit() for ch in ascii_digits(q.text))



# --- display and the v1 comparison ----------------------------------------------------------------
def show(q: Quantity) -> str:
    """Canonical value first (reads the same in every script and direction), then the surface
    form when it differs: "28 billion (28 بلین)", "2025-11-07 (7 نوفمبر 2025)", "1992"."""
    plain = ascii_digits(q.text)
    if q.kind == "date":
        canonical = q.iso if not q.iso_end else f"{q.iso}/{q.iso_end[-2:]}"
    elif q.kind == "ordinal":
        canonical = _ordinal_name(q.value)
    elif q.kind == "id" and q.unit == "phone":
        return plain  # "(800) 877-6773": its digits are the identifier, not an amount
    else:
        canonical = _fmt(q.value)
        if canonical is not None and q.value_max is not None:
            if q.approx == "decade":
                canonical += "s"
            else:
                canonical += f"-{_fmt(q.value_max)}"
    if q.kind == "percent" and canonical is not None:
        canonical += "%"
    unit = ""
    if q.kind == "number" and canonical is not None and q.unit in _MEASURES:
        unit = f" {q.unit}".replace("3", "³").replace("2", "²")  # "300 kg" against "650 lb": what was converted
    # the approximation belongs to the value: "more than 150 km" is not "150 km"
    bound = _SHOWN_APPROX.get(q.approx or "", "")
    if canonical is not None and canonical != plain:
        return f"{bound}{canonical}{unit} ({q.text})"
    return bound + q.text + unit


# "less than" ("under", "менее", "سے کم") is shown as "at most". "up to" / "до" / "تک" / "ما يصل إلى" carry no
# approximation: the figure they give is the one the report states ("up to 10 meters" / "до 12 метров" differ)
_SHOWN_APPROX = {"more than": "more than ", "at least": "at least ", "less than": "at most ", "about": "about ",
                 "nearly": "nearly "}


_MEASURES = {"m", "km", "cm", "mm", "mile", "inch", "foot", "kg", "lb", "t", "Mt", "kt", "ha", "acre", "mph", "kmh", "m3", "km3", "m2", "km2",
             "mile2", "foot2", "foot3", "cm3", "cm2"}
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
