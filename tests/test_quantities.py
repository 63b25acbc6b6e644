from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.quantities import ascii_digits, compare_quantities, extract


def kinds(text):
    return [(q.kind, q.text, q.value if q.kind != "date" else q.iso) for q in extract(text)]


def test_digits_in_every_script():
    assert ascii_digits("١٩٩٢ ۱۹۹۲ 1992") == "1992 1992 1992"
    assert kinds("منذ عام ١٩٩٢") == [("year", "١٩٩٢", 1992.0)]
    assert kinds("1992 سے") == [("year", "1992", 1992.0)]
    assert kinds("آبادی ۱۲٬۵۰۰") == [("number", "۱۲٬۵۰۰", 12500.0)]


def test_urdu_trade_sentence_numbers_and_scales():
    text = "2023 میں تجارتی ٹرن اوور 28 بلین امریکی ڈالر تک پہنچ گیا، 2024 کے پہلے 9 مہینوں میں یہ 20 بلین"
    assert kinds(text) == [
        ("year", "2023", 2023.0), ("number", "28 بلین", 28e9), ("year", "2024", 2024.0),
        ("number", "9", 9.0), ("number", "20 بلین", 20e9),
    ]


def test_dates_numeric_and_named():
    assert kinds("Published : November 7, 2025 at 7:40 AM IST") == [("date", "November 7, 2025", "2025-11-07")]
    assert kinds("07-11-2025 آخر تحديث") == [("date", "07-11-2025", "2025-11-07")]
    assert kinds("date 2025-11-07") == [("date", "2025-11-07", "2025-11-07")]
    assert kinds("27 ноября 2024 г.") == [("date", "27 ноября 2024", "2024-11-27")]
    assert kinds("یکم 28 نومبر تک") == [("date", "28 نومبر", "--11-28")]
    assert kinds("7 نوفمبر 2025") == [("date", "7 نوفمبر 2025", "2025-11-07")]


def test_percent_decimal_and_offsets():
    qs = extract("xx rose 3.5% and 1,5 млрд", offset=100)
    assert [(q.kind, q.value, q.start, q.end) for q in qs] == [
        ("percent", 3.5, 108, 112), ("number", 1.5e9, 117, 125)]


def test_amount_is_not_a_year():
    assert kinds("paid 2000 dollars") == [("number", "2000", 2000.0)]
    assert kinds("2000 тысяч") == [("number", "2000 тысяч", 2e6)]


def test_compare_names_both_values():
    out = compare_quantities(extract("trade reached $28 billion in 2023"), extract("تجارت 21 بلین ڈالر 2023"))
    assert len(out) == 1
    assert out[0].kind == "number"
    assert out[0].reason() == (
        "number differs: this claim says 28 billion, the other source says 21 billion (21 بلین)")


def test_compare_no_false_alarm_when_one_side_says_less_or_rounds():
    assert compare_quantities(extract("since 1992 and the mid 1990s"), extract("منذ عام 1992")) == []
    assert compare_quantities(extract("on 7 November 2025"), extract("in 2025")) == []
    assert compare_quantities(extract("350,000 people"), extract("350 ألف شخص")) == []
    assert compare_quantities(extract("grew 3.52%"), extract("grew 3.5%")) == []
    assert compare_quantities(extract("28 billion"), extract("no numbers here")) == []


def test_compare_years_and_dates_disagree():
    (d,) = compare_quantities(extract("proposed in 1998"), extract("proposed in 2003"))
    assert d.kind == "year" and "1998" in d.reason() and "2003" in d.reason()
    (d,) = compare_quantities(extract("on 7 November 2025"), extract("on 8 November 2025"))
    assert d.kind == "date"


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_extract_never_crashes_and_offsets_hold(text):
    for q in extract(text, offset=5):
        assert text[q.start - 5 : q.end - 5] == q.text
        assert q.kind in {"year", "date", "number", "percent"}


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_integers_round_trip_in_three_scripts(n):
    for digits in ("0123456789", "٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹"):
        s = str(n).translate(str.maketrans("0123456789", digits))
        (q,) = extract(f"x {s} y")
        assert q.value == n
