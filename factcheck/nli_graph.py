"""Rewrites of the packaged NLI graph (ONNX) that change how it is quantised, not what it learnt.

    python -m factcheck.nli_graph per-token SRC_DIR DST_DIR [--weight-bits 7] [--data ../shared/data/nli]

In:  a packaged model directory (``model.onnx`` as written by ``nli_train.export_package``: dynamic
     int8 quantisation, one ``DynamicQuantizeLinear`` per activation feeding ``MatMulInteger`` nodes,
     per-column weight scales) and its ``config.json``.
Out: the same directory layout with a graph whose activations are quantised **per token** (one scale
     per row of the [batch, length, hidden] input of every linear layer) instead of per tensor.
Holds:
- Batch independence: with one scale per tensor, a pair's probabilities depend on the other pairs in
  its batch (and on their padding): measured on the 3,984 validation pairs, 221 argmax labels changed
  between length-sorted and shuffled batches, probabilities by up to .40. With one scale per token,
  nothing a token's row is computed from comes from another pair, so a pair scores the same alone,
  in any batch, at any padding (tests/test_nli_graph.py checks this on the shipped graph).
- Exact integer arithmetic on every x86 CPU: activations are uint8 (zero point 128, values 1..255),
  weights int8 with ``weight_bits`` bits (7: |w| <= 63). ONNX Runtime's u8 x s8 kernel for CPUs
  without VNNI adds pairs of products in saturating 16-bit lanes; 255 * 63 * 2 = 32,130 fits, so that
  kernel (the fastest of the integer kernels on AVX2) is exact, as VNNI's 32-bit lanes are anyway.
- Weights are requantised from the dequantised float weights, one symmetric scale per output column;
  biases, LayerNorms, attention and the head's float parts are untouched.
- The result is a plain ONNX graph for ONNX Runtime's CPU provider (``MatMulIntegerToFloat`` from the
  com.microsoft domain does the integer matrix product and its column scales in one kernel).
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np


def quantization_label(weight_bits: int) -> str:
    """What ``config.json`` says of a graph ``per_token`` wrote."""
    return f"int8, activations per token (uint8), weights {weight_bits}-bit per column"


def per_token(src: Path, dst: Path, weight_bits: int = 7) -> dict:
    """Write ``dst`` (a graph file) from ``src``: per-token activation quantisation (see module doc).
    Returns counts of what changed. Raises ValueError when ``src`` is not of the expected shape."""
    import onnx
    from onnx import helper, numpy_helper

    if not 2 <= weight_bits <= 8:
        raise ValueError(f"weight_bits must be 2..8, not {weight_bits}")
    model = onnx.load(str(src))
    g = model.graph
    inits = {i.name: i for i in g.initializer}
    consumers: dict[str, list] = {}
    for n in g.node:
        for x in n.input:
            consumers.setdefault(x, []).append(n)

    def arr(name: str) -> np.ndarray:
        if name not in inits:
            raise ValueError(f"{name} is not a constant of the graph")
        return numpy_helper.to_array(inits[name])

    def only(name: str, op: str):
        c = consumers.get(name, [])
        if len(c) != 1 or c[0].op_type != op:
            raise ValueError(f"{name} feeds {[x.op_type for x in c]}, expected one {op}")
        return c[0]

    qmax = 2 ** (weight_bits - 1) - 1
    new_inits = [numpy_helper.from_array(np.array(1 / 127, np.float32), "pt_inv127"),
                 numpy_helper.from_array(np.array(1e-12, np.float32), "pt_eps"),
                 numpy_helper.from_array(np.array(1.0, np.float32), "pt_one"),
                 numpy_helper.from_array(np.array(128, np.uint8), "pt_zp")]
    drop: set[int] = set()  # ids of nodes replaced
    inserts: dict[int, list] = {}  # id of a node -> the nodes that take its place, in order
    n_act = n_mm = 0
    for d in [n for n in g.node if n.op_type == "DynamicQuantizeLinear"]:
        x, (xq, xs, xzp) = d.input[0], d.output
        p = f"pt{n_act}_"
        nodes = [
            helper.make_node("Abs", [x], [p + "abs"]),
            helper.make_node("ReduceMax", [p + "abs"], [p + "max"], axes=[-1], keepdims=1),
            helper.make_node("Mul", [p + "max", "pt_inv127"], [p + "s0"]),
            helper.make_node("Max", [p + "s0", "pt_eps"], [p + "s"]),  # an all-zero row: q = 128
            helper.make_node("Div", [x, p + "s"], [p + "xs"]),
            helper.make_node("QuantizeLinear", [p + "xs", "pt_one", "pt_zp"], [p + "q"]),  # rounds, saturates
        ]
        n_act += 1
        for mm in [c for c in consumers.get(xq, []) if c.op_type == "MatMulInteger"]:
            if mm.input[2] != xzp:
                raise ValueError(f"{mm.name}: unexpected zero point input {mm.input[2]}")
            cast = only(mm.output[0], "Cast")
            mul = only(cast.output[0], "Mul")
            scales = next(s for s in mul.input if s != cast.output[0])
            smul = next(n for n in g.node if scales in n.output)
            w_scale = arr(next(s for s in smul.input if s != xs))
            wq = arr(mm.input[1]).astype(np.float32)
            wzp = arr(mm.input[3]).astype(np.float32) if len(mm.input) > 3 and mm.input[3] else 0.0
            w = (wq - wzp) * w_scale  # [K, N], per-column scale
            s7 = np.maximum(np.abs(w).max(axis=0), 1e-12) / qmax
            w7 = np.clip(np.rint(w / s7), -qmax, qmax).astype(np.int8)
            wn = f"{mm.input[1]}_s{weight_bits}"
            new_inits += [numpy_helper.from_array(w7, wn), numpy_helper.from_array(s7.astype(np.float32), wn + "_scale")]
            q = p + f"mm{n_mm}"
            nodes += [
                helper.make_node("MatMulIntegerToFloat", [p + "q", wn, "pt_one", wn + "_scale", "pt_zp"], [q],
                                 domain="com.microsoft"),
                helper.make_node("Mul", [q, p + "s"], [mul.output[0]]),  # what the old chain produced
            ]
            drop.update({id(mm), id(cast), id(mul), id(smul)})
            for old in (mm.input[1], mm.input[3] if len(mm.input) > 3 else ""):
                inits.pop(old, None)
            n_mm += 1
        left = [c for c in consumers.get(xq, []) + consumers.get(xs, []) + consumers.get(xzp, [])
                if id(c) not in drop]
        if left:
            raise ValueError(f"{d.name}: outputs also feed {[c.op_type for c in left]}")
        drop.add(id(d))
        inserts[id(d)] = nodes
    if not n_act:
        raise ValueError(f"{src}: no DynamicQuantizeLinear node (not a dynamically quantised graph)")
    out_nodes = []
    for n in g.node:
        out_nodes += inserts.get(id(n), [])
        if id(n) not in drop:
            out_nodes.append(n)
    used = {x for n in out_nodes for x in n.input}
    g.ClearField("node")
    g.node.extend(out_nodes)
    keep = [i for i in inits.values() if i.name in used] + [i for i in new_inits if i.name in used]
    g.ClearField("initializer")
    g.initializer.extend(keep)
    if not any(o.domain == "com.microsoft" for o in model.opset_import):
        model.opset_import.append(helper.make_opsetid("com.microsoft", 1))
    onnx.save(model, str(dst))
    return {"activations": n_act, "matmuls": n_mm, "weight_bits": weight_bits}


def per_token_package(src_dir: Path, dst_dir: Path, weight_bits: int = 7, data: Path | None = None) -> dict:
    """``per_token`` on a packaged model directory: graph, plus ``config.json`` with the new sha256 and
    quantisation. With ``data`` (the NLI training data directory), both graphs are scored on the
    validation split the checkpoint was selected on, and the softmax temperature and decision
    thresholds are fitted again on the new graph's logits (``nli_train.calibrate``, as ``package``
    does); without it they are carried over unchanged."""
    import os
    import tempfile

    from .embed import file_sha256

    if dst_dir.resolve() == src_dir.resolve():
        raise ValueError(f"{dst_dir}: write the rewrite to another directory than its source")
    cfg = json.loads((src_dir / "config.json").read_text())
    dst_dir.mkdir(parents=True, exist_ok=True)
    # written beside the target and renamed, so an interrupted run leaves no half-written graph
    fd, tmp = tempfile.mkstemp(dir=dst_dir, suffix=".onnx.tmp")
    os.close(fd)
    try:
        info = per_token(src_dir / "model.onnx", Path(tmp), weight_bits)
        os.replace(tmp, dst_dir / "model.onnx")
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    cfg.update(onnx_sha256=file_sha256(dst_dir / "model.onnx"), quantization=quantization_label(weight_bits),
               derived_from={"onnx_sha256": cfg["onnx_sha256"], "quantization": cfg.get("quantization")})
    if data is not None:
        cfg["validation"] = revalidate(src_dir / "model.onnx", dst_dir / "model.onnx", data, cfg)
        cfg.update(temperature=cfg["validation"]["temperature"], thresholds=cfg["validation"]["thresholds"])
        info["val_acc"] = cfg["validation"]["val_acc_int8"]
        info["val_acc_before"] = cfg["validation"]["val_acc_before"]
    (dst_dir / "config.json").write_text(json.dumps(cfg, indent=2, ensure_ascii=False) + "\n")
    return {**info, "onnx_sha256": cfg["onnx_sha256"]}


def revalidate(before: Path, after: Path, data: Path, cfg: dict) -> dict:
    """The ``validation`` block of a package's config for graph ``after``: its accuracy on the
    validation split beside ``before``'s (both in length-sorted batches of 64, as ``package`` scores),
    and a fresh ``calibrate`` on its logits (``nli_train.validation_report``). The fp32 accuracy is
    carried over from ``cfg``."""
    from . import e5_weights
    from .nli_model import WordRows
    from .nli_train import onnx_logits, validation_report, validation_split

    tok = e5_weights.load(tokenizer_only=True).tokenizer
    rows = WordRows()
    val, ids, labels = validation_split(tok, data, cfg["training"])
    acc_before = float((onnx_logits(before, ids, rows, tok.pad).argmax(1) == labels).mean())
    logits = onnx_logits(after, ids, rows, tok.pad)
    acc = float((logits.argmax(1) == labels).mean())
    report = validation_report(logits, labels, val, cfg.get("validation", {}).get("val_acc_fp32"), acc, "int8")
    return {**report, "val_acc_before": round(acc_before, 4)}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description="Rewrite the quantisation of a packaged NLI graph.")
    sub = ap.add_subparsers(dest="cmd", required=True)
    pt = sub.add_parser("per-token", help="per-token activation quantisation (batch-independent)")
    pt.add_argument("src")
    pt.add_argument("dst")
    pt.add_argument("--weight-bits", type=int, default=7)
    pt.add_argument("--data", help="NLI training data directory: score both graphs on validation and fit the "
                    "temperature and thresholds again (without it they are carried over)")
    args = ap.parse_args(argv)
    try:
        out = per_token_package(Path(args.src), Path(args.dst), args.weight_bits,
                                Path(args.data) if args.data else None)
    except Exception as exc:  # noqa: BLE001 - one line for any unreadable or unexpected input
        raise SystemExit(f"factcheck.nli_graph: error: {type(exc).__name__}: {exc}".splitlines()[0]) from None
    print(json.dumps(out))


if __name__ == "__main__":
    main()
