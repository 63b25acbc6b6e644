"""Report stage: the JSON contract, bidi display lines, and the terminal report.

All article text here is written for these tests (short Urdu, Arabic and English sentences).
"""
from __future__ import annotations

import hashlib
import json
import unicodedata
from dataclasses import replace
from io import StringIO

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console

from factcheck.bidi import (
    paragraph_direction,
    visual_lines,
    wrap_logical,
)
from factcheck.errors import ConfigError
from factcheck.report import JSON_SCHEMA_ID, render_claims, render_text, to_json
from factcheck.types import (
    Claim, Document, Finding, NLIScores, Quantity, Report, Sentence, Verdict,
)

# --------------------------------------------------------------------------------------- fixtures

URDU = [
    "وزیر اعظم نے 1992 میں ماسکو کا دورہ کیا۔",
    "معاہدے پر 12 ممالک نے دستخط کیے۔",
    "بارش کی وجہ سے میلہ ملتوی ہو گیا۔",
]
ENGLISH = [
    "The prime minister visited Moscow in 1994.",
    "Twelve countries signed the agreement.",
]
TITLE_A = "ماسکو کا دورہ"
TITLE_B = "Prime minister in Moscow"


def _doc(path: str, sentences: list[str], **meta) -> Document:
    text = " ".join(sentences)
    return Document(
        path=path, text=text, content_hash=hashlib.sha256(text.encode()).hexdigest(), **meta
    )


def _claims(doc: Document, sentences: list[str]) -> tuple[Claim, ...]:
    out = []
    pos = 0
    for i, s in enumerate(sentences):
        start = doc.text.index(s, pos)
        end = start + len(s)
        pos = end
        out.append(Claim(doc.content_hash, i, s, start, end, s, start, end, lang=doc.lang))
    return tuple(out)


def make_report() -> Report:
    a = _doc("news/ur.txt", URDU, title=TITLE_A, lang="ur", date="2024-03-01", source="ANI")
    b = _doc("news/en.txt", ENGLISH, title=TITLE_B, lang=None, date=None)
    ca, cb = _claims(a, URDU), _claims(b, ENGLISH)
    findings = (
        # deliberately not in display order: agree before contradict
        Finding(
            "a", ca[1], Verdict.AGREE, 0.8, cb[1], np.float32(0.75), 0.1,
            NLIScores(0.9, 0.07, 0.03), ("NLI entailment 0.90",),
        ),
        Finding(
            "a", ca[0], Verdict.CONTRADICT, 0.912345, cb[0], 0.812345678, 0.2,
            NLIScores(0.05, 0.15, 0.8), ("years differ: 1992 vs 1994",),
        ),
        Finding("a", ca[2], Verdict.ABSENT, 0.66666666, None, None, None, None, ()),
        Finding("b", cb[0], Verdict.CONTRADICT, 0.9, ca[0], 0.812345678, 0.2, None, ()),
        Finding("b", cb[1], Verdict.AGREE, 0.7, ca[1], 0.75, 0.1, None, ()),
    )
    return Report(a, b, ca, cb, findings, embedder="e5-small", nli=None)


@pytest.fixture()
def report() -> Report:
    return make_report()


# ------------------------------------------------------------------------------------------- JSON


def test_to_json_documents_summary_and_models(report):
    out = to_json(report, "ur.txt")
    assert out["schema"] == JSON_SCHEMA_ID == "factcheck.compare/1"
    assert out["a"] == {
        "path": "ur.txt", "title": TITLE_A, "lang": "ur", "date": "2024-03-01", "n_claims": 3,
    }
    # no path given: the document's own; no language: "und"
    assert out["b"] == {
        "path": "news/en.txt", "title": TITLE_B, "lang": "und", "date": None, "n_claims": 2,
    }
    assert out["summary"] == {"agree": 2, "contradict": 2, "unclear": 0, "absent": 1}
    assert out["models"] == {"embedder": "e5-small", "nli": None}
    assert list(out) == ["schema", "a", "b", "findings", "summary", "models"]


def test_to_json_findings_exact(report):
    findings = to_json(report)["findings"]
    assert [(f["side"], f["verdict"]) for f in findings] == [
        ("a", "agree"), ("a", "contradict"), ("a", "absent"), ("b", "contradict"), ("b", "agree"),
    ]
    start = report.a.text.index(URDU[0])
    assert findings[1] == {
        "side": "a",
        "claim": {
            "text": URDU[0], "start": start, "end": start + len(URDU[0]), "sentence": URDU[0],
        },
        "verdict": "contradict",
        "confidence": 0.9123,
        "evidence": {"text": ENGLISH[0], "start": 0, "end": len(ENGLISH[0]), "similarity": 0.8123},
        "nli": {"entailment": 0.05, "neutral": 0.15, "contradiction": 0.8},
        "reasons": ["years differ: 1992 vs 1994"],
    }
    absent = findings[2]
    assert absent["evidence"] is None
    assert absent["nli"] is None
    assert absent["confidence"] == 0.6667
    assert absent["reasons"] == []
    # numpy scalars become plain floats
    assert type(findings[0]["evidence"]["similarity"]) is float
    assert findings[0]["evidence"]["similarity"] == 0.75


def test_to_json_round_trips_and_keeps_logical_text(report):
    out = to_json(report, "ur.txt", "en.txt")
    dumped = json.dumps(out, ensure_ascii=False)
    assert json.loads(dumped) == out
    assert URDU[0] in dumped  # logical order, unescaped, never reordered for display
    assert out["findings"][0]["claim"]["text"] == report.a.text[
        out["findings"][0]["claim"]["start"]:out["findings"][0]["claim"]["end"]
    ]


# ------------------------------------------------------------------------------------------- bidi


def test_pure_arabic_words_reversed():
    text = "ذهب الولد إلى المدرسة"
    expected = " ".join(w[::-1] for w in reversed(text.split()))
    assert visual_lines(text, 80) == [expected] == ["ةسردملا ىلإ دلولا بهذ"]


def test_digits_keep_their_order_in_rtl_text():
    assert visual_lines("سال 1992 میں", 80) == ["ںیم 1992 لاس"]
    assert visual_lines("ذهب 25 إلى 26", 80) == ["26 ىلإ 25 بهذ"]


def test_latin_text_unchanged():
    text = "Kazakhstan joins the accords in 2025 (AP)."
    assert visual_lines(text, 80) == [text]
    assert visual_lines(text, 12) == ["Kazakhstan", "joins the", "accords in", "2025 (AP)."]


def test_latin_name_at_start_of_urdu_sentence_stays_rtl():
    # first strong character is Latin, but the sentence is Urdu: CSTO goes to the right end
    assert paragraph_direction("CSTO کے اجلاس میں") == "R"
    assert visual_lines("CSTO کے اجلاس میں", 80) == ["ںیم سالجا ےک CSTO"]
    # a known language decides; English with an Arabic word stays LTR
    assert paragraph_direction("CSTO کے", lang="en") == "L"
    assert visual_lines("The word سلام means peace", 80) == ["The word مالس means peace"]


def test_wrapping_keeps_logical_line_order_and_paragraph_context():
    text = "كتب الولد $28"
    width = cell_len("كتب الولد")
    # first logical words on the first line, each line reordered on its own ...
    assert visual_lines(text, width) == ["دلولا بتك", "28$"]
    # ... and "$28" shows as it does mid-paragraph (W2 context carried across the break)
    assert visual_lines(text, 80) == ["28$ دلولا بتك"]


def test_marks_follow_their_base_letter():
    # بِسْمِ : each harakah must come right after its letter for the terminal to stack it
    assert visual_lines("بِسْمِ", 10) == ["م\u0650س\u0652ب\u0650"]


def test_control_and_bidi_format_characters_dropped():
    # ESC never reaches the terminal; the RLO/RLM were applied, then removed
    assert visual_lines("\x1b[31m\u202eسلام\u200f دنیا", 40) == ["31mایند مالس["]


def test_visual_lines_rejects_bad_arguments():
    with pytest.raises(ValueError):
        visual_lines("abc", 0)
    with pytest.raises(ValueError):
        visual_lines("abc", 10, direction="rtl")


_ALPHABET = st.sampled_from(
    list("ابتثجحخدذرزسشصضطظعغفقكلمنهوي") + list("ٹڈڑںےہکگ")
    + ["\u0650", "\u064b", "\u0670"]  # kasra, fathatan, superscript alef
    + list("abcXYZ0123456789$%.,:()-") + [" ", " ", " ", "\n", "中"]
)


@settings(max_examples=300, deadline=None)
@given(st.text(_ALPHABET, max_size=120), st.integers(min_value=2, max_value=40))
def test_lines_never_exceed_width_and_keep_every_character(text, width):
    lines = visual_lines(text, width)
    assert all(cell_len(line) <= width for line in lines)
    # same characters (brackets in RTL runs are mirrored by rule L4, so count them as one)
    def chars(s: str) -> list[str]:
        return sorted(s.replace(")", "(").replace(" ", "").replace("\n", ""))

    assert chars("".join(lines)) == chars(unicodedata.normalize("NFC", text))
    # wrapping itself is in logical order: the same number of lines as the logical wrap
    assert len(lines) == sum(len(wrap_logical(p, width)) for p in unicodedata.normalize(
        "NFC", text).split("\n"))


# --------------------------------------------------------------------------------------- terminal


def test_render_text_header_counts_and_order(report):
    out = render_text(report, width=160)
    assert TITLE_B in out
    assert visual_lines(TITLE_A, 80)[0] in out  # the Urdu title, in display order
    assert "Verdicts: 2 contradict · 2 agree · 0 unclear · 1 absent  (5 claims)" in out
    assert "ANI" in out and "2024-03-01" in out
    # rows are labelled side + claim number; contradictions, then agreements, then absent
    labels = ("A1", "A2", "A3", "B1", "B2")
    rows = [line.split()[0] for line in out.splitlines() if line[1:3] in labels]
    assert rows == ["A1", "B1", "A2", "B2", "A3"]
    assert out.index(ENGLISH[0]) < out.index(ENGLISH[1])  # the English claims fit one line
    assert all(cell_len(line) <= 160 for line in out.splitlines())
    narrow = render_text(report, width=60)
    assert all(cell_len(line) <= 60 for line in narrow.splitlines())


def test_render_text_rtl_claims_visual_and_logical(report):
    short = URDU[1]  # fits its column at width 160
    visual = render_text(report, width=160)
    assert visual_lines(short, 200)[0] in visual
    assert short not in visual
    logical = render_text(report, width=160, bidi="logical")
    assert short in logical


def test_render_text_show_filters_but_summary_counts_all(report):
    out = render_text(report, width=160, show={"agree"})
    assert ENGLISH[1] in out
    assert ENGLISH[0] not in out
    assert "2 contradict" in out and "showing: agree" in out
    assert "No findings to show." in render_text(report, show={"unclear"})
    with pytest.raises(ConfigError):
        render_text(report, show={"maybe"})
    with pytest.raises(ConfigError):
        render_text(report, bidi="rtl")


def test_render_claims_lists_claims_and_dropped_sentences(report):
    claims = list(report.claims_a)
    year = Quantity("year", "1992", 13, 17, 1992.0)
    claims[0] = replace(claims[0], kind="date", quantities=(year,))
    dropped = Sentence("تصویر: اے پی", 0, 12, "ur", boilerplate="image-path")
    buf = StringIO()
    render_claims(report.a, claims, [dropped], Console(file=buf, width=100, no_color=True))
    out = buf.getvalue()
    assert "factcheck claims" in out and "news/ur.txt" in out
    assert visual_lines(URDU[0], 200)[0] in out
    assert "date" in out and "1992" in out
    assert "image-path" in out and visual_lines(dropped.text, 50)[0] in out
    assert all(cell_len(line) <= 100 for line in out.splitlines())
