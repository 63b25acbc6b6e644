"""Per-token quantisation of the NLI graph (factcheck/nli_graph.py): the shipped graph scores a pair
the same whatever it is batched with, and the rewrite itself on a small graph built here."""
import json

import numpy as np
import pytest

from factcheck.nli import load_nli
from factcheck.nli_model import DEFAULT_MODEL, MODELS_DIR

SHIPPED = MODELS_DIR / DEFAULT_MODEL
shipped = pytest.mark.skipif(not (SHIPPED / "model.onnx").exists(), reason="no NLI model shipped in this checkout")

PAIR = ("وافق الوزير على توقيع المعاهدة يوم الاثنين.", "وزیر نے معاہدے پر دستخط کرنے سے انکار کر دیا۔")
OTHERS = [
    ("The reservoir holds 120 million cubic metres of water, the largest amount since records began in "
     "1952, officials of the regional water authority said on Tuesday after a week of heavy rain.",
     "The reservoir is almost empty."),
    ("Казахстан присоединится к соглашениям Авраама.", "Казахстан не присоединится к соглашениям."),
    ("ok", "ok"),
    ("1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 " * 3, "numbers"),
]


@shipped
def test_shipped_config_says_per_token():
    cfg = json.loads((SHIPPED / "config.json").read_text())
    assert cfg["quantization"].startswith("int8, activations per token")


@shipped
def test_a_pair_scores_the_same_alone_and_in_any_batch():
    model = load_nli("default")
    alone = model.predict([PAIR])[0]
    rows = []
    for batch in ([PAIR] + OTHERS, OTHERS[:1] + [PAIR], OTHERS + [PAIR] * 3, [OTHERS[3], PAIR, OTHERS[2]]):
        out = model.predict(batch)
        rows += [s for p, s in zip(batch, out) if p == PAIR]
    assert len(rows) == 6
    for s in rows:  # float arithmetic of padded attention rows may differ in the last bits, no more
        for k in ("entailment", "neutral", "contradiction"):
            assert abs(getattr(s, k) - getattr(alone, k)) < 1e-5
    assert max(("entailment", "neutral", "contradiction"), key=lambda k: getattr(alone, k)) == "contradiction"


# --- the rewrite on a small graph ------------------------------------------------------------------
def _tiny_quantised(tmp_path):
    onnx = pytest.importorskip("onnx")
    from onnx import TensorProto, helper, numpy_helper
    from onnxruntime.quantization import QuantType, quantize_dynamic

    rng = np.random.default_rng(3)
    w1, b1 = rng.standard_normal((16, 24)).astype(np.float32), rng.standard_normal(24).astype(np.float32)
    w2, b2 = rng.standard_normal((24, 8)).astype(np.float32), rng.standard_normal(8).astype(np.float32)
    nodes = [helper.make_node("MatMul", ["x", "w1"], ["h0"]), helper.make_node("Add", ["h0", "b1"], ["h1"]),
             helper.make_node("Relu", ["h1"], ["h"]),
             helper.make_node("MatMul", ["h", "w2"], ["y0"]), helper.make_node("Add", ["y0", "b2"], ["y"])]
    g = helper.make_graph(nodes, "tiny", [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["b", "t", 16])],
                          [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["b", "t", 8])],
                          [numpy_helper.from_array(a, n) for a, n in ((w1, "w1"), (b1, "b1"), (w2, "w2"), (b2, "b2"))])
    model = helper.make_model(g, opset_imports=[helper.make_opsetid("", 17)])
    fp32, q = tmp_path / "fp32.onnx", tmp_path / "q.onnx"
    onnx.save(model, str(fp32))
    quantize_dynamic(str(fp32), str(q), weight_type=QuantType.QInt8, per_channel=True)

    def ref(x):
        return np.maximum(x @ w1 + b1, 0) @ w2 + b2
    return q, ref


def _run(path, x):
    import onnxruntime as ort

    return ort.InferenceSession(str(path), providers=["CPUExecutionProvider"]).run(None, {"x": x})[0]


def test_per_token_rows_do_not_depend_on_their_neighbours(tmp_path):
    from factcheck.nli_graph import per_token

    q, ref = _tiny_quantised(tmp_path)
    pt = tmp_path / "pt.onnx"
    assert per_token(q, pt, 7) == {"activations": 2, "matmuls": 2, "weight_bits": 7}
    rng = np.random.default_rng(4)
    x = rng.standard_normal((2, 3, 16)).astype(np.float32)
    loud = x.copy()
    loud[1] *= 1000  # another pair in the batch with much larger activations
    want = ref(x)
    a, b = _run(pt, x), _run(pt, loud)
    np.testing.assert_array_equal(a[0], b[0])  # per token: row 0 is untouched by row 1
    assert np.abs(a - want).max() < 0.05 * np.abs(want).max()  # and still close to the float graph
    qa, qb = _run(q, x), _run(q, loud)  # per tensor (the graph before the rewrite): it is not
    assert np.abs(qa[0] - qb[0]).max() > 0.1 * np.abs(want[0]).max()
    single = _run(pt, x[:1, :1])  # one token alone
    np.testing.assert_allclose(single[0, 0], a[0, 0], rtol=0, atol=1e-5)


def test_per_token_weights_fit_in_seven_bits(tmp_path):
    onnx = pytest.importorskip("onnx")  # in the `test` and `train` extras
    from onnx import numpy_helper

    from factcheck.nli_graph import per_token

    q, _ = _tiny_quantised(tmp_path)
    pt = tmp_path / "pt.onnx"
    per_token(q, pt, 7)
    m = onnx.load(str(pt))
    ints = [numpy_helper.to_array(i) for i in m.graph.initializer if i.data_type == onnx.TensorProto.INT8]
    assert len(ints) == 2 and all(np.abs(a.astype(int)).max() == 63 for a in ints)
    ops = [n.op_type for n in m.graph.node]
    assert "DynamicQuantizeLinear" not in ops and ops.count("MatMulIntegerToFloat") == 2


def test_per_token_refuses_a_float_graph(tmp_path):
    from factcheck.nli_graph import per_token

    q, _ = _tiny_quantised(tmp_path)
    fp32 = tmp_path / "fp32.onnx"
    with pytest.raises(ValueError, match="no DynamicQuantizeLinear"):
        per_token(fp32, tmp_path / "out.onnx")
    with pytest.raises(ValueError, match="weight_bits"):
        per_token(q, tmp_path / "out.onnx", 9)


def test_cli_refuses_bad_input_in_one_line_and_writes_nothing(tmp_path, capsys):
    pytest.importorskip("onnx")
    from factcheck.nli_graph import main

    src = tmp_path / "src"
    src.mkdir()
    (src / "model.onnx").write_bytes(b"\x00not a graph\xff" * 10)
    (src / "config.json").write_text(json.dumps({"onnx_sha256": "x"}))
    for args in (["per-token", str(src), str(tmp_path / "out")], ["per-token", str(src), str(src)],
                 ["per-token", str(tmp_path / "missing"), str(tmp_path / "out")]):
        with pytest.raises(SystemExit) as e:
            main(args)
        msg = str(e.value.code)
        assert msg.startswith("factcheck.nli_graph: error: ") and "\n" not in msg
    assert not (tmp_path / "out" / "model.onnx").exists() and list((tmp_path / "out").iterdir()) == []
    assert (src / "model.onnx").read_bytes().startswith(b"\x00not a graph")
