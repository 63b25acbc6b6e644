"""Atomic claims: the seed 001 trade sentence, conservative splitting, and span invariants."""
import dataclasses
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.atomic import split
from factcheck.claims import EXTRACTOR_ID, extract_claims
from factcheck.segment import segment
from factcheck.types import Document, Quantity

SEED_001 = "001_baa2b6a8d129b5c7.txt"
TRADE_MARKER = "2023 میں تجارتی ٹرن اوور"


def parts(text, lang):
    return [text[a:b] for a, b in split(text, 0, lang)]


def test_seed_001_trade_sentence_gives_three_claims(seeds):
    text = (seeds / SEED_001).read_text(encoding="utf-8")
    doc = Document(path=SEED_001, text=text, content_hash="h", lang="ur")
    claims = [c for c in extract_claims(doc, segment(doc, ("ur", "en"))) if TRADE_MARKER in c.sentence]
    assert len(claims) == 3
    for c in claims:
        assert text[c.start:c.end] == c.text
        assert text[c.sentence_start:c.sentence_end] == c.sentence
        assert c.sentence_start <= c.start < c.end <= c.sentence_end
        assert c.kind == "quantity"
    amounts = [[(q.value, q.unit, q.approx) for q in c.quantities if q.unit == "USD"] for c in claims]
    assert amounts == [[(2.8e10, "USD", None)], [(2.0e10, "USD", "more than")], [(3.0e10, "USD", None)]]
    periods = [[q.value for q in c.quantities if q.kind == "year"] for c in claims]
    assert periods == [[2023.0], [2024.0], [2025.0]]
    assert claims[1].text.startswith("2024 کے پہلے 9 مہینوں") and claims[1].text.endswith("پہنچ گیا")
    assert claims[2].text.startswith("دونوں فریق 2025 تک")  # "اور" trimmed off
    # what the pipeline stores comes back unchanged
    for c in claims:
        assert tuple(Quantity(**d) for d in json.loads(json.dumps([dataclasses.asdict(q) for q in c.quantities]))) \
            == c.quantities
    assert EXTRACTOR_ID == "claims-v2-atomic"


def test_splits_only_where_each_part_is_a_statement():
    assert parts("The reservoir holds 120 million cubic metres of water, and it will supply 350,000 people.",
                 "en") == ["The reservoir holds 120 million cubic metres of water",
                           "it will supply 350,000 people."]
    # no own subject: one statement with two predicates
    assert len(parts("The reservoir holds 120 million cubic metres and will supply 350,000 people.", "en")) == 1
    # subordinate clause, speech verb, quotation: not split
    assert len(parts("اس اہلکار نے کہا کہ دفاع شامل ہوں گے، حالانکہ یہ سب معاہدوں کے تابع رہے ہیں۔", "ur")) == 1
    assert len(parts('ٹرمپ نے لکھا، "استحکام اور ترقی کے لیے بہت کچھ کرنا ہے، حقیقی نتائج ہیں"', "ur")) == 1
    assert len(parts("کچھ دیر بات کرتے ہوئے، قازقستان کے وزیر نے تصدیق کی۔", "ur")) == 1
    assert parts("Цены выросли на 5%, а продажи упали на 3%.", "ru") == ["Цены выросли на 5%", "продажи упали на 3%."]
    assert parts("قال المسؤول إن الخطة جاهزة تماما، وأشاروا إلى أن التنفيذ سيبدأ قريبا.", "ar") == [
        "قال المسؤول إن الخطة جاهزة تماما", "وأشاروا إلى أن التنفيذ سيبدأ قريبا."]
    assert len(parts("Blessed are the peacemakers!", "en")) == 1


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab اورہے گیا،,;؛ and, but .")), max_size=80),
       st.sampled_from(["en", "ur", "ar", "ru", "kk", None]))
def test_spans_are_ordered_trimmed_and_inside(text, lang):
    spans = split(text, 10, lang)
    prev = 10
    for a, b in spans:
        assert prev <= a < b <= 10 + len(text)
        assert not text[a - 10].isspace() and not text[b - 11].isspace()
        prev = b
