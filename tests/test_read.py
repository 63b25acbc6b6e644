"""read.py: formats, encodings, metadata rules, and one clear error per kind of bad input."""
from __future__ import annotations

import hashlib
import io
import json
import os
import random
import struct
import unicodedata
from pathlib import Path

import pytest

from factcheck.errors import InputError
from factcheck.read import decode_bytes, is_date_line, parse_date, read_articles, text_metadata

REPO = Path(__file__).resolve().parents[1]

EN = ("Kazakhstan will join the Abraham Accords, the president said on Thursday.\n"
      "The country has had diplomatic relations with Israel since 1992.\n")
AR = ("أعلنت كازاخستان رسميا انضمامها إلى الاتفاقات الإبراهيمية، في خطوة جديدة تعزز علاقاتها.\n"
      "وقال الرئيس إن دولا أخرى ستنضم قريبا إلى الاتفاقات.\n")
RU = "Президент России встретился с коллегой в четверг. Цены на нефть резко выросли, сообщили в министерстве.\n"




def _problem(excinfo) -> str:
    return excinfo.value.problem


# --------------------------------------------------------------------------- seeds

def test_seed_directory_reads_all_four_in_order(seeds):
    docs = read_articles(str(seeds))
    assert [Path(d.path).name[:3] for d in docs] == ["000", "001", "002", "003"]
    for d in docs:
        assert d.encoding == "utf-8"
        assert d.format == "text"
        assert d.content_hash == hashlib.sha256(d.text.encode("utf-8")).hexdigest()
        assert d.text == unicodedata.normalize("NFC", d.text)
        assert "\r" not in d.text


def test_seed_000_date_prefix_and_title(seeds):
    path = next(seeds.glob("000_*.txt"))
    (doc,) = read_articles(str(path))
    first = path.read_text(encoding="utf-8").split("\n")[0].strip()
    assert first.startswith("date 2025-11-07 ")
    assert doc.date == "2025-11-07"
    assert doc.title == first[len("date 2025-11-07 "):]
    assert doc.source is None and doc.url is None


def test_seed_001_source_line_gives_host_and_url(seeds):
    (doc,) = read_articles(str(next(seeds.glob("001_*.txt"))))
    assert doc.source == "baoquocte.vn"
    assert doc.url.startswith("https://baoquocte.vn/tong-thong-putin-tham-kazakhstan")
    assert doc.url.endswith("-295356.html")
    assert doc.title is None  # the first line is a full sentence ending in "۔"
    assert doc.date is None  # "27 نومبر" has no year and is not a date line


def test_seed_002_arabic_date_line_byline_title(seeds):
    path = next(seeds.glob("002_*.txt"))
    (doc,) = read_articles(str(path))
    assert doc.date == "2025-11-07"
    assert doc.source == "ANI"
    assert doc.title == path.read_text(encoding="utf-8").split("\n")[0].strip()


def test_seed_003_no_title_when_first_line_is_a_sentence(seeds):
    (doc,) = read_articles(str(next(seeds.glob("003_*.txt"))))
    assert doc.title is None and doc.date is None and doc.source is None


def test_seed_same_text_from_utf16_and_cp1256(seeds, tmp_path):
    path = next(seeds.glob("002_*.txt"))
    (orig,) = read_articles(str(path))
    raw = path.read_text(encoding="utf-8")
    for name, data, enc in [
        ("a.txt", raw.replace("\n", "\r\n").encode("utf-16"), "utf-16-le"),
        ("b.txt", raw.encode("utf-16-be"), "utf-16-be"),
        ("c.txt", raw.encode("cp1256", errors="ignore"), "cp1256"),
    ]:
        (tmp_path / name).write_bytes(data)
        (doc,) = read_articles(str(tmp_path / name))
        assert doc.encoding == enc
        if enc != "cp1256":
            assert doc.text == orig.text and doc.content_hash == orig.content_hash
        else:  # cp1256 cannot hold the few characters dropped by errors="ignore"
            assert doc.text == raw.encode("cp1256", errors="ignore").decode("cp1256")
            assert doc.title == orig.title and doc.date == orig.date


# --------------------------------------------------------------------------- encodings

@pytest.mark.parametrize("data,enc", [
    (EN.encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbf" + EN.encode("utf-8"), "utf-8-sig"),
    (EN.encode("utf-16"), "utf-16-le"),  # Python writes a little-endian BOM
    (b"\xfe\xff" + EN.encode("utf-16-be"), "utf-16-be"),
    (EN.encode("utf-16-le"), "utf-16-le"),  # no BOM: found by the NUL pattern
    (EN.encode("utf-16-be"), "utf-16-be"),
    (AR.encode("utf-16-le"), "utf-16-le"),  # Arabic: NULs only from spaces and newlines
    (AR.encode("cp1256"), "cp1256"),
    (EN.encode("utf-32"), "utf-32-le"),
])
def test_encodings_decode_to_the_same_text(data, enc, tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(data)
    (doc,) = read_articles(str(f))
    assert doc.encoding == enc
    expected = AR if "أعلنت" in doc.text else EN
    assert doc.text == expected
    assert doc.content_hash == hashlib.sha256(expected.encode()).hexdigest()


def test_legacy_cyrillic_goes_to_charset_normalizer(tmp_path):
    f = tmp_path / "ru.txt"
    f.write_bytes((RU * 3).encode("cp1251"))
    (doc,) = read_articles(str(f))
    assert doc.encoding == "cp1251"
    assert doc.text == RU * 3


def test_newlines_and_nfc_are_normalised_before_hashing(tmp_path):
    decomposed = "Cafe\u0301 owners said prices rose.\r\nThe ministry confirmed it.\rIt was in Paris.\n"
    f = tmp_path / "a.txt"
    f.write_bytes(decomposed.encode("utf-8"))
    (doc,) = read_articles(str(f))
    assert doc.text == "Café owners said prices rose.\nThe ministry confirmed it.\nIt was in Paris.\n"
    assert doc.content_hash == hashlib.sha256(doc.text.encode()).hexdigest()


def test_html_declared_charset_is_used(tmp_path):
    html = ("<html><head><meta charset='windows-1251'><title>Новости</title></head><body><article>"
            + "".join(f"<p>{RU.strip()} {i}</p>" for i in range(4)) + "</article></body></html>")
    f = tmp_path / "a.html"
    f.write_bytes(html.encode("cp1251"))
    (doc,) = read_articles(str(f))
    assert doc.encoding == "cp1251"
    assert RU.strip() in doc.text


# --------------------------------------------------------------------------- formats

HTML = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Kazakhstan joins the Abraham Accords | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2025-11-07T07:40:00Z">
<meta property="og:url" content="https://news.example.com/kz-accords"></head>
<body><nav><a href="/">Home</a> <a href="/world">World navigation link</a></nav><article>
<h1>Kazakhstan joins the Abraham Accords</h1>
<p>Kazakhstan will join the Abraham Accords, the United States president announced on Thursday.</p>
<p>The country has had diplomatic relations with Israel since 1992, officials said on Friday.</p>
<p>More countries are expected to join the agreements in the coming months, officials said.</p>
</article><footer>Copyright 2025 Example News</footer><script>var tracking = 1;</script></body></html>"""


def test_html_main_text_and_metadata(tmp_path):
    f = tmp_path / "a.html"
    f.write_text(HTML, encoding="utf-8")
    (doc,) = read_articles(str(f))
    assert doc.format == "html"
    assert doc.text.split("\n") == [
        "Kazakhstan joins the Abraham Accords",
        "Kazakhstan will join the Abraham Accords, the United States president announced on Thursday.",
        "The country has had diplomatic relations with Israel since 1992, officials said on Friday.",
        "More countries are expected to join the agreements in the coming months, officials said.",
    ]
    assert doc.title == "Kazakhstan joins the Abraham Accords"
    assert doc.date == "2025-11-07"
    assert doc.source == "Example News"
    assert doc.url == "https://news.example.com/kz-accords"


def test_markdown_heading_is_title(tmp_path):
    f = tmp_path / "a.md"
    f.write_text("# Kazakhstan joins the accords.\n\n" + EN, encoding="utf-8")
    (doc,) = read_articles(str(f))
    assert doc.format == "markdown"
    assert doc.title == "Kazakhstan joins the accords."
    assert doc.text.startswith("# Kazakhstan")


def test_jsonl_one_document_per_line(tmp_path):
    f = tmp_path / "a.jsonl"
    rows = [
        {"text": EN, "url": "https://x.example/1", "source": "AP", "title": "T1", "date": "7 November 2025",
         "lang": "EN"},
        None,
        {"text": AR},
    ]
    f.write_text("\n".join("" if r is None else json.dumps(r, ensure_ascii=False) for r in rows) + "\n",
                 encoding="utf-8")
    d1, d3 = read_articles(str(f))
    assert (d1.path, d3.path) == (f"{f}#L1", f"{f}#L3")
    assert (d1.url, d1.source, d1.title, d1.date, d1.lang, d1.format) == (
        "https://x.example/1", "AP", "T1", "2025-11-07", "en", "jsonl")
    assert d3.text == AR and d3.url is None and d3.lang is None
    assert d3.content_hash == hashlib.sha256(AR.encode()).hexdigest()


def test_directory_is_recursive_sorted_and_skips_hidden_and_other_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b" / "z.txt").write_text(EN)
    (tmp_path / "a.md").write_text(EN)
    (tmp_path / "c.htm").write_text(HTML)
    (tmp_path / ".secret.txt").write_text(EN)
    (tmp_path / ".hidden" / "x.txt").write_text(EN)
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4 \x00\x01")
    docs = read_articles(str(tmp_path))
    assert [os.path.relpath(d.path, tmp_path) for d in docs] == ["a.md", os.path.join("b", "z.txt"), "c.htm"]
    assert [d.format for d in docs] == ["markdown", "text", "html"]


def test_stdin_text_and_html():
    (doc,) = read_articles("-", stdin=io.BytesIO(EN.encode("utf-16")))
    assert (doc.path, doc.format, doc.text, doc.encoding) == ("-", "stdin", EN, "utf-16-le")
    (doc,) = read_articles("-", stdin=io.BytesIO(HTML.encode()))
    assert doc.format == "stdin"
    assert doc.title == "Kazakhstan joins the Abraham Accords"
    assert "tracking" not in doc.text and doc.text.startswith("Kazakhstan joins")


def test_unknown_extension_is_text_if_it_decodes(tmp_path):
    f = tmp_path / "article.log"
    f.write_text(EN)
    (doc,) = read_articles(str(f))
    assert doc.text == EN and doc.format == "text"


# --------------------------------------------------------------------------- errors

def test_missing_path(tmp_path):
    with pytest.raises(InputError) as e:
        read_articles(str(tmp_path / "nope.txt"))
    assert _problem(e) == "no such file or directory"
    assert str(e.value) == f"{tmp_path / 'nope.txt'}: no such file or directory"


def test_directory_without_articles(tmp_path):
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    with pytest.raises(InputError) as e:
        read_articles(str(tmp_path))
    assert _problem(e) == "no articles found (looked for .txt, .md, .html, .htm, .jsonl files)"


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", "\ufeff \n".encode("utf-8"), " \n".encode("utf-16")])
def test_empty_file(data, tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(data)
    with pytest.raises(InputError) as e:
        read_articles(str(f))
    assert _problem(e) == "empty file"


@pytest.mark.parametrize("data", [
    random.Random(0).randbytes(3000),
    struct.pack("<400i", *range(400)),  # NULs on both byte parities: not UTF-16
    b"Header line of a record\n" + b"\x00" * 40 + b"payload",
    b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
    b"%PDF-1.7\n" + b"\x01\x02\x03\x04\x05\x06" * 40,
    bytes(range(1, 32)) * 20,  # control characters only
])
def test_binary_file(data, tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(data)
    with pytest.raises(InputError) as e:
        read_articles(str(f))
    assert _problem(e) == "binary file, not text"


def test_undecodable(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(bytes(range(0x80, 0x100)) * 4)
    with pytest.raises(InputError) as e:
        read_articles(str(f))
    assert _problem(e) == "cannot decode text (tried utf-8, utf-16, cp1256, charset-normalizer)"


def test_too_large_is_refused_before_reading(tmp_path):
    f = tmp_path / "big.txt"
    with open(f, "wb") as fh:
        fh.truncate(52_400_000)  # sparse: stat says 52.4 MB, nothing is written
    with pytest.raises(InputError) as e:
        read_articles(str(f))
    assert _problem(e) == "file is 52.4 MB, over the 10 MB limit; use --max-bytes"
    small = tmp_path / "small.txt"
    small.write_text(EN * 40)
    with pytest.raises(InputError) as e:
        read_articles(str(small), max_bytes=2000)
    assert _problem(e) == f"file is {len(EN) * 40 / 1000:.1f} kB, over the 2 kB limit; use --max-bytes"
    with pytest.raises(InputError) as e:
        read_articles("-", max_bytes=2000, stdin=io.BytesIO((EN * 40).encode()))
    assert _problem(e) == "input is over the 2 kB limit; use --max-bytes"


def test_no_readable_text(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("12 345 -- 67.8 %% ok\n2025-11-07\n")
    with pytest.raises(InputError) as e:
        read_articles(str(f))
    assert _problem(e) == "no readable text"


@pytest.mark.parametrize("lines,problem", [
    ([json.dumps({"text": EN}), json.dumps({"text": EN}), "{not json"],
     "line 3 is not valid JSON: Expecting property name enclosed in double quotes (column 2)"),
    ([json.dumps({"text": EN}), json.dumps({"body": EN})], "line 2 has no 'text' field"),
    ([json.dumps({"text": "   "})], "line 1 has no 'text' field"),
    ([json.dumps({"text": 42})], "line 1 has no 'text' field"),
    ([json.dumps([EN])], "line 1 is not a JSON object"),
    (["", "  "], "empty file"),
])
def test_jsonl_errors(lines, problem, tmp_path):
    f = tmp_path / "a.jsonl"
    f.write_text("\n".join(lines) + "\n")
    with pytest.raises(InputError) as e:
        read_articles(str(f))
    assert _problem(e) == problem
    assert e.value.path == str(f)


def test_decode_bytes_reports_encoding():
    assert decode_bytes("سلام دنیا\r\n".encode("utf-8"), "p") == ("سلام دنیا\n", "utf-8")


# --------------------------------------------------------------------------- metadata rules

@pytest.mark.parametrize("text,iso", [
    ("date 2025-11-07 headline", "2025-11-07"),
    ("Published : November 7, 2025 at 7:40 AM IST", "2025-11-07"),
    ("07-11-2025  آخر تحديث", "2025-11-07"),
    ("11/25/2025", "2025-11-25"),  # only month-first is a valid date
    ("Updated 7th Nov. 2025", "2025-11-07"),
    ("٧ نوفمبر ٢٠٢٥", "2025-11-07"),
    ("7 نومبر 2025", "2025-11-07"),
    ("12 تشرين الثاني 2024", "2024-11-12"),
    ("7 ноября 2025 г.", "2025-11-07"),
    ("31-02-2025", None),
    ("27 نومبر", None),
    ("no date here", None),
])
def test_parse_date(text, iso):
    assert parse_date(text) == iso


@pytest.mark.parametrize("line,expected", [
    ("Published : November 7, 2025 at 7:40 AM IST", True),
    ("07-11-2025  آخر تحديث   | 07-11-2025 نشر في   |  أحمد      بواسطة | ANI", True),
    ("date 2025-11-07", True),
    ("November 7, 2025", True),
    ("On November 7, 2025, the president announced that Kazakhstan would join the accords.", False),
    ("The report published November 7, 2025 found that prices rose sharply across the region.", False),
])
def test_is_date_line(line, expected):
    assert is_date_line(line) is expected


def test_text_metadata_rules():
    assert text_metadata("By Jane Roe | Reuters\nPrices rose.\n")["source"] == "Reuters"
    assert text_metadata("Source: AP\nPrices rose in the city.\n")["source"] == "AP"
    meta = text_metadata("Prices rose sharply in Astana on Friday.\nOfficials said so.\n")
    assert meta == {"title": None, "date": None, "source": None, "url": None}
    meta = text_metadata("Published: 2025-11-07\nKazakhstan joins the Abraham Accords\nBody text here.\n")
    assert meta["title"] == "Kazakhstan joins the Abraham Accords" and meta["date"] == "2025-11-07"


def test_terminal_escapes_and_controls_are_removed(tmp_path):
    p = tmp_path / "esc.txt"
    filler = b"Parliament approved the plan on Monday after a long debate about its costs. " * 4
    p.write_bytes(b"The minister said \x1b[31mred\x1b[0m budget \x1b]0;title\x07of 28 billion dollars in 2023.\x07\n"
                  + filler)
    (doc,) = read_articles(str(p))
    assert doc.text == "The minister said red budget of 28 billion dollars in 2023.\n" + filler.decode()
