"""segment.py: sentence ends, exact offsets, languages and boilerplate reasons."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.read import read_articles
from factcheck.segment import BOILERPLATE_REASONS, segment
from factcheck.types import Document

REPO = Path(__file__).resolve().parents[1]


def doc(text: str, title: str | None = None, lang: str | None = None) -> Document:
    return Document(path="t", text=text, content_hash=hashlib.sha256(text.encode()).hexdigest(),
                    title=title, lang=lang)


def texts(text: str, **kw) -> list[str]:
    return [s.text for s in segment(doc(text), **kw)]


def check_offsets(d: Document, sents) -> None:
    prev_end = 0
    for s in sents:
        assert d.text[s.start:s.end] == s.text
        assert s.text and s.text == s.text.strip()
        assert s.start >= prev_end
        prev_end = s.end
        assert s.boilerplate is None or s.boilerplate in BOILERPLATE_REASONS


# --------------------------------------------------------------------------- seeds

@pytest.fixture(scope="module")
def seed_docs(seeds) -> dict[str, tuple[Document, list]]:
    out = {}
    for d in read_articles(str(seeds)):
        out[Path(d.path).name[:3]] = (d, segment(d))
    return out


def by_text(sents, needle: str):
    hits = [s for s in sents if needle in s.text]
    assert hits, needle
    return hits


def test_seed_offsets_and_order(seed_docs):
    for d, sents in seed_docs.values():
        check_offsets(d, sents)


def test_seed_000(seed_docs):
    d, sents = seed_docs["000"]
    assert (sents[0].text, sents[0].boilerplate) == ("date 2025-11-07", "date-line")
    # the title follows the date marker on the same line; it is a statement, so content
    assert sents[1].text == d.title and sents[1].boilerplate is None and sents[1].lang == "ur"
    (published,) = by_text(sents, "Published :")
    assert published.text == "Published : November 7, 2025 at 7:40 AM IST"
    assert published.boilerplate == "date-line"
    (y1992,) = by_text(sents, "1992")
    assert y1992.boilerplate is None and y1992.lang == "ur"
    assert y1992.text.endswith("ہیں۔") and y1992.text.startswith("جمعرات")
    # Urdu splits at "۔": line 6 of the file holds three sentences
    line6 = d.text.split("\n")[5]
    assert [s.text for s in sents if s.text in line6] == [p + "۔" for p in line6.split("۔ ")[:2]] + [
        line6.split("۔ ")[2]]
    content = [s for s in sents if s.boilerplate is None]
    assert len(content) == 23 and {s.lang for s in content} == {"ur"}
    assert [s.boilerplate for s in sents].count("date-line") == 2


def test_seed_001(seed_docs):
    d, sents = seed_docs["001"]
    (comments,) = by_text(sents, "تبصرہ (0)")
    assert comments.text == "تبصرہ (0)" and comments.boilerplate == "comments"
    (source,) = by_text(sents, "ماخذ: https://")
    assert source.boilerplate == "byline" and source.lang == "ur"
    captions = [s for s in sents if s.boilerplate == "caption"]
    assert len(captions) == 4  # two caption lines, each "text۔ (ماخذ: ...) |"
    assert all("RIA" in s.text or "آر آئی اے" in s.text for s in captions[1::2])
    lines = d.text.split("\n")
    headings = [s.text for s in sents if s.boilerplate == "heading"]
    assert headings == [lines[2].strip(), lines[6].strip()]  # includes "قدرتی اتحادی"
    assert "قدرتی اتحادی" in headings
    content = [s for s in sents if s.boilerplate is None]
    assert not any("ماخذ" in s.text or "http" in s.text for s in content)
    assert {s.lang for s in content} == {"ur"}
    # a Latin acronym at the start of an Urdu sentence does not make it English
    (tass,) = by_text(sents, "TASS")
    assert tass.lang == "ur" and tass.boilerplate is None
    assert len(content) == 46 and len(sents) == 54


def test_seed_002(seed_docs):
    d, sents = seed_docs["002"]
    assert sents[0].text == d.title and sents[0].boilerplate is None  # 5-word headline: a claim
    assert [s.boilerplate for s in sents[1:5]] == ["date-line", "duplicate", "duplicate", "heading"]
    assert sents[4].text == "واشنطن"
    (read_also,) = by_text(sents, "اقرأ أيضًا")
    assert read_also.boilerplate == "read-also"
    assert sents[-1].text == "قصص مقترحة" and sents[-1].boilerplate == "read-also"
    # a full stop inside a quotation ends the first sentence of the quote
    quote = [s.text for s in sents if "تروث سوشل" in s.text or s.text.startswith("فاليوم")]
    assert quote[0].endswith("شعوب العالم.") and quote[1].startswith("فاليوم،")
    assert quote[1].endswith('الإبراهيمية".')
    # Arabic commas do not split: the first content paragraph is one sentence
    first_par = d.text.split("\n")[11]
    assert "،" in first_par and first_par.strip() in [s.text for s in sents]
    assert {s.lang for s in sents if s.boilerplate is None} == {"ar"}
    assert sum(s.boilerplate is None for s in sents) == 11 and len(sents) == 17


def test_seed_003(seed_docs):
    d, sents = seed_docs["003"]
    copyright_ = [s for s in sents if s.boilerplate == "copyright"]
    assert len(copyright_) == 3 and "حقوق الطبع" in copyright_[0].text
    (img,) = by_text(sents, ".jpg")
    assert img.boilerplate == "image-path" and img.lang is None
    content = [s for s in sents if s.boilerplate is None]
    assert not any("حقوق الطبع" in s.text or ".jpg" in s.text or "الحقوق محفوظة" in s.text for s in content)
    # closing quote stays with its sentence; the next quote starts a new one
    (blessed,) = by_text(sents, "طوبى")
    assert blessed.text == "“طوبى لصانعي السلام!”"
    (y1992,) = by_text(sents, "1992")
    assert y1992.boilerplate is None and y1992.lang == "ar"
    assert len(content) == 15 and len(sents) == 19


# --------------------------------------------------------------------------- sentence ends

def test_english_abbreviations_and_numbers():
    assert texts("Mr. Smith went to Washington. He met Dr. Jones at 7:40 a.m. on Friday. "
                 "The U.S. economy grew 3.5 percent, e.g. in Texas. J. Smith said so. "
                 "Visit example.com for details. The No. 1 seed lost! Did he win? Yes, he did.") == [
        "Mr. Smith went to Washington.",
        "He met Dr. Jones at 7:40 a.m. on Friday.",
        "The U.S. economy grew 3.5 percent, e.g. in Texas.",
        "J. Smith said so.",
        "Visit example.com for details.",
        "The No. 1 seed lost!",
        "Did he win?",
        "Yes, he did.",
    ]


def test_quotes_belong_to_their_sentence():
    assert texts('He said: "It is over." Then he left. “Why?” he asked. She replied “Because.” '
                 "And went home. He wrote (see above.) Then stopped.") == [
        'He said: "It is over."',
        "Then he left.",
        "“Why?” he asked.",
        "She replied “Because.”",
        "And went home.",
        "He wrote (see above.)",
        "Then stopped.",
    ]
    assert texts("وقال المتحدث: “انتهى الاجتماع اليوم.” وبعد ذلك غادر المبنى.") == [
        "وقال المتحدث: “انتهى الاجتماع اليوم.”", "وبعد ذلك غادر المبنى."]


def test_russian_abbreviations():
    assert texts("Он родился в 1990 г. в Москве. Это было, т.е. давно. А. С. Пушкин написал "
                 "роман и т.д. Затем он ушёл. Мы купили груши и т.п. в магазине. "
                 "Улица им. Ленина была пуста.") == [
        "Он родился в 1990 г. в Москве.",
        "Это было, т.е. давно.",
        "А. С. Пушкин написал роман и т.д.",
        "Затем он ушёл.",
        "Мы купили груши и т.п. в магазине.",
        "Улица им. Ленина была пуста.",
    ]


def test_arabic_and_urdu_marks():
    # Arabic comma and semicolon do not end sentences; ؟ does, and so does a missing space
    assert texts("انتهى الاجتماع الطويل أمس؛ لكنه فشل، وعاد الجميع. هل نجح الاتفاق الجديد؟ لا أحد يعرف ذلك.بدأ اجتماع آخر اليوم.") == [
        "انتهى الاجتماع الطويل أمس؛ لكنه فشل، وعاد الجميع.",
        "هل نجح الاتفاق الجديد؟",
        "لا أحد يعرف ذلك.",
        "بدأ اجتماع آخر اليوم.",
    ]
    assert texts("قازقستان نے معاہدہ کیا۔ ٹرمپ نے کہا کہ یہ اہم ہے۔کیا یہ سچ ہے؟") == [
        "قازقستان نے معاہدہ کیا۔", "ٹرمپ نے کہا کہ یہ اہم ہے۔", "کیا یہ سچ ہے؟"]
    # a line without final punctuation is still a sentence; decimals with ٫ do not split
    assert texts("ارتفع التضخم إلى 3٫5 في المئة هذا العام\nوقال الوزير إن الأسعار ستنخفض") == [
        "ارتفع التضخم إلى 3٫5 في المئة هذا العام", "وقال الوزير إن الأسعار ستنخفض"]


def test_lines_always_end_sentences_and_lists():
    assert texts("1. First point here is valid.\n2. Second point is also fine\r\nThird line here now") == [
        "1. First point here is valid.", "2. Second point is also fine", "Third line here now"]
    assert texts("Prices rose in 2024… Analysts were surprised. 中国经济增长了百分之五。这是一个测试句子！") == [
        "Prices rose in 2024…", "Analysts were surprised.", "中国经济增长了百分之五。", "这是一个测试句子！"]


# --------------------------------------------------------------------------- boilerplate

BODY = "The ministry said on Friday that exports of grain rose by ten percent in the first half of the year."


@pytest.mark.parametrize("line,reason", [
    ("Copyright 2025 Reuters. All rights reserved.", "copyright"),
    ("© 2025 Example Media", "copyright"),
    ("Все права защищены.", "copyright"),
    ("جميع الحقوق محفوظة لصحيفة المثال", "copyright"),
    ("Read also: Prices fall in Astana as winter arrives", "read-also"),
    ("Читайте также: Цены упали в Астане", "read-also"),
    ("یہ بھی پڑھیں: قازقستان میں قیمتیں گر گئیں", "read-also"),
    ("Related stories", "read-also"),
    ("Comments (3)", "comments"),
    ("تعليقات (0)", "comments"),
    ("(Photo: Reuters)", "caption"),
    ("The minister speaks in Astana on Friday. (Photo: AP) |", "caption"),
    ("Photo: Jane Roe for Example News", "caption"),
    ("تصویر: وزیر اعظم کی تقریب", "caption"),
    ("https://example.com/news/2025/11/07/kazakhstan-joins-accords", "url"),
    ("www.example.com/kz", "url"),
    ("By Jane Roe | ANI", "byline"),
    ("Source: AP", "byline"),
    ("المصدر: وكالة الأنباء", "byline"),
    ("Published: 7 November 2025, 10:15", "date-line"),
    ("Updated 2025-11-07", "date-line"),
    ("https://cdn.example.com/img/photo-1234.webp", "image-path"),
    ("/thmb/abc=/750x0/filters:no_upscale():max_bytes(150000):strip_icc()/photo.png)", "image-path"),
    ("Yes, indeed.", "fragment"),
    ("--- *** ---", "fragment"),
])
def test_boilerplate_reasons(line, reason):
    d = doc(f"{BODY}\n{line}\n{BODY.replace('grain', 'wheat')}\n")
    sents = segment(d)
    check_offsets(d, sents)
    assert [s.boilerplate for s in sents] == [None] + [reason] * (len(sents) - 2) + [None]


def test_copyright_and_read_also_cover_the_rest_of_their_line():
    sents = segment(doc(f"{BODY}\nCopyright 2025 AP. It may not be used. Nor rewritten without asking.\n"))
    assert [s.boilerplate for s in sents] == [None, "copyright", "copyright", "copyright"]


def test_heading_title_and_duplicates():
    title = "Kazakhstan joins the Abraham Accords"
    text = f"{title}\n\nWorld news\n\n{BODY}\n{title}\nTrade\n{BODY}\n"
    sents = segment(doc(text, title=title))
    assert [(s.text, s.boilerplate) for s in sents] == [
        (title, None), ("World news", "heading"), (BODY, None), (title, "duplicate"),
        ("Trade", "heading"), (BODY, "duplicate")]
    # a short title is a heading, not a claim; without doc.title the first line is the title
    assert [s.boilerplate for s in segment(doc(f"Big news\n{BODY}\n", title="Big news"))] == ["heading", None]
    assert [s.boilerplate for s in segment(doc(f"{title}\n{BODY}\n"))] == [None, None]


def test_content_is_not_flagged():
    text = ("The report, published on November 7, 2025, found that prices rose.\n"
            "He was written about by the press in 2020.\n"
            "The company said its copyright lawsuit against the publisher would go ahead.\n")
    assert [s.boilerplate for s in segment(doc(text))] == [None, None, None]


# --------------------------------------------------------------------------- languages

def test_sentence_languages_in_a_mixed_document():
    text = ("روس اس وقت قازقستان کا اہم اسٹریٹجک پارٹنر اور اتحادی ہے۔ Donald Trump نے کہا کہ یہ اہم ہے۔\n"
            "The president met his counterpart on Thursday.\n"
            "Россия и Казахстан подписали соглашение.\n"
            "قدرتی اتحادی\n"
            "روس اس وقت قازقستان کا اہم اسٹریٹجک پارٹنر اور اتحادی ہے اور رہے گا۔\n")
    assert [s.lang for s in segment(doc(text))] == ["ur", "ur", "en", "ru", "ur", "ur"]


def test_langs_none_skips_detection_and_doc_lang_fills_short_sentences():
    assert {s.lang for s in segment(doc(f"{BODY}\nYes.\n"), langs=None)} == {None}
    # "Ja, klar." alone could be any Latin language; the document says English
    sents = segment(doc(f"{BODY}\nJa, klar.\n", lang="en"))
    assert [s.lang for s in sents] == ["en", "en"]


# --------------------------------------------------------------------------- properties

ALPHABET = st.sampled_from(list("ab Zß.!?…۔؟،؛\"'“”»«()\n\r\t 0123456789:/-|©") +
                           ["U.S.", "Mr.", "т.е.", "date 2025-11-07 ", "Published : ", "http://x.com/a.jpg",
                            "بواسطة", "قال", "ہے", "Привет", "中文", "\u200f", "\u2028", "\xa0"])


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.lists(ALPHABET, max_size=60).map("".join)))
def test_segment_never_crashes_and_offsets_round_trip(text):
    d = doc(text)
    sents = segment(d)
    check_offsets(d, sents)
    # every non-space, visible character of the text lies in some sentence
    covered = set()
    for s in sents:
        covered.update(range(s.start, s.end))
    for i, ch in enumerate(text):
        if not ch.isspace() and ch not in "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u061c":
            assert i in covered, (i, ch)
