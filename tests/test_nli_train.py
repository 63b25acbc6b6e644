"""The NLI training recipe end to end on a tiny made-up data set: premise-group split, seeded mix,
budget stop, resume from the checkpoint, best weights on validation."""
import json

import pytest

from factcheck import nli_train

LABELS = ("entailment", "neutral", "contradiction")


def _write_xnli(root, langs=("en", "ar"), groups=10):
    d = root / "xnli_dev"
    d.mkdir(parents=True)
    for lang in langs:
        rows = []
        for g in range(groups):
            premise = f"The council of town {g} met on day {g + 1} and approved the budget ({lang})."
            for k, label in enumerate(LABELS):
                hyp = [f"Town {g} has a budget.", f"Town {g} also built a bridge.", f"Town {g} rejected it."][k]
                rows.append(f"{premise}\t{hyp}\t{label}")
        (d / f"dev-{lang}.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return root


def test_validation_shares_no_premise_with_training(tmp_path):
    train, val, info = nli_train.load_data(_write_xnli(tmp_path), seed=13, mixed_copies=2)
    assert info["val_premise_groups"] == 1
    assert {e.group for e in train}.isdisjoint({e.group for e in val})
    # validation: 3 items x 2 languages + 1 mixed-language copy per item; training: 2 mixed copies
    assert (len(val), len(train)) == (9, 27 * 2 + 27 * 2)
    again = nli_train.load_data(tmp_path, seed=13, mixed_copies=2)
    assert [e.premise for e in again[0]] == [e.premise for e in train]  # seeded


@pytest.mark.filterwarnings("ignore::UserWarning")
def test_training_stops_on_budget_resumes_and_keeps_the_best(tmp_path):
    # training needs the optional `train` extra (torch, safetensors), which CI does not install
    pytest.importorskip("torch")
    pytest.importorskip("safetensors")
    data = _write_xnli(tmp_path / "data")
    out = tmp_path / "run"
    args = ["--data", str(data), "--out", str(out), "--epochs", "1", "--batch-size", "16", "--cpu",
            "--threads", "1", "--eval-every", "3", "--log-every", "1", "--max-length", "48", "--mixed-copies", "1"]
    nli_train.main(args + ["--budget-minutes", "0.0001"])  # stops after the first step
    log = [json.loads(x) for x in (out / "log.jsonl").read_text().splitlines()]
    assert [r["event"] for r in log][0] == "start" and log[-1]["event"] == "paused"
    assert log[0]["data"]["train_mix"] == {"xnli-ar": 27, "xnli-en": 27, "xnli-mixed": 27}
    paused_at = log[-1]["step"]
    assert 1 <= paused_at < log[0]["steps_total"]
    nli_train.main(args)
    log = [json.loads(x) for x in (out / "log.jsonl").read_text().splitlines()]
    resume = [r for r in log if r["event"] == "resume"]
    assert resume and resume[0]["step"] == paused_at
    assert log[-1]["event"] == "done" and log[-1]["step"] == log[0]["steps_total"]
    evals = [r for r in log if r["event"] == "eval"]
    best = max(r["val_acc"] for r in evals)
    cfg = json.loads((out / "best" / "config.json").read_text())
    assert round(cfg["training"]["val_acc"], 4) == best
    assert (out / "best" / "weights.safetensors").stat().st_size > 1_000_000
    # a uniform soup of the best and the last checkpoint, scored on the same validation split
    nli_train.main(["--data", str(data), "--out", str(tmp_path / "soup"), "--threads", "1",
                    "--soup", str(out / "best"), str(out / "last.pt")])
    soup = json.loads((tmp_path / "soup" / "best" / "config.json").read_text())["training"]
    assert soup["soup_of"] == [str(out / "best"), str(out / "last.pt")] and soup["seed"] == 13
    assert 0.0 <= soup["val_acc"] <= 1.0
    # the package: int8 with activations per token (nli_graph), so a pair scores the same in any batch
    pkg = tmp_path / "pkg"
    nli_train.main(["--data", str(data), "--out", str(out), "--package", str(pkg)])
    cfg = json.loads((pkg / "config.json").read_text())
    assert cfg["quantization"] == nli_train.QUANTIZATION and cfg["validation"]["shipped"] == "int8"
    import onnx

    ops = {n.op_type for n in onnx.load(str(pkg / "model.onnx")).graph.node}
    assert "MatMulIntegerToFloat" in ops and "DynamicQuantizeLinear" not in ops
    from factcheck.nli_model import E5NLI

    model = E5NLI(str(pkg))
    pair = ("The council of town 3 met.", "Town 3 rejected it.")
    alone = model.predict([pair])[0]
    batched = model.predict([("word " * 40, "long"), pair, ("a", "b")])[1]
    assert abs(alone.contradiction - batched.contradiction) < 1e-5


def test_unpack_rebuilds_the_shipped_weights_as_a_checkpoint(tmp_path):
    # rebuilding needs torch and safetensors (the `train` extra), which CI does not install
    pytest.importorskip("torch")
    pytest.importorskip("safetensors")
    import numpy as np
    import torch

    from pathlib import Path

    from factcheck import e5_weights
    from factcheck.nli_model import WordRows

    pkg = Path(nli_train.__file__).parent / "models" / "factcheck-nli-e5small"
    report = nli_train.unpack(pkg, tmp_path / "best")
    assert report == {"matrices": 73, "tensors": 198, "token_type_row": True}
    module = nli_train.load_checkpoint_module(tmp_path / "best")
    pairs = [("The council approved the budget on Monday.", "The budget was approved."),
             ("The council approved the budget on Monday.", "The council rejected the budget."),
             ("مجلس نے پیر کو بجٹ منظور کیا۔", "The mayor lives in a red house.")]
    tok = e5_weights.load(tokenizer_only=True).tokenizer
    ids = tok.pair_inputs([p for p, _ in pairs], [h for _, h in pairs], 128)
    with torch.inference_mode():
        emb, mask = nli_train.batch_tensors(ids, WordRows(), tok.pad)
        logits = module(emb, mask).numpy()
    shipped = nli_train.onnx_logits(pkg / "model.onnx", ids, WordRows(), tok.pad)
    assert (logits.argmax(1) == shipped.argmax(1)).all()
    assert np.abs(logits - shipped).max() < 0.5  # the graph's activations are 8-bit, the rebuilt ones fp32
