"""Two ONNX graphs of factcheck's NLI model on the same data: XNLI test accuracy (en/ar/ru/ur, all
5,010 pairs each), how often their argmax labels differ, how often each graph's own labels change when
the same pairs are batched differently (all 5,010 at once, length-sorted into batches of 32, against
consecutive chunks of 40 pairs, as ``compare`` scores one article's claims), and claim-length
pairs/s (the ``nli`` suite's speed measure), on this machine's CPU.

Release 4.2 against 4.1 (per-token against per-batch activation scales, ``factcheck/nli_graph.py``):

    mkdir -p /tmp/r41 && git show 5b8a0dc:factcheck/models/factcheck-nli-e5small/model.onnx > /tmp/r41/model.onnx
    git show 5b8a0dc:factcheck/models/factcheck-nli-e5small/config.json > /tmp/r41/config.json
    python benchmarks/compare_nli_graphs.py /tmp/r41 factcheck/models/factcheck-nli-e5small \\
        --names per_batch per_token --out benchmarks/results/nli_per_token_vs_per_batch_avx2.json

Made to measure what rewriting the int8 weights as uint8 (``nli_train.unsigned_weights``) changes on
a CPU without VNNI, where ONNX Runtime's u8 x s8 kernel saturates in 16-bit lanes. The release before
the rewrite is in git history:

    git show acbce6d:factcheck/models/factcheck-nli-e5small/model.onnx > /tmp/s8/model.onnx
    cp factcheck/models/factcheck-nli-e5small/config.json /tmp/s8/
    python benchmarks/compare_nli_graphs.py /tmp/s8 factcheck/models/factcheck-nli-e5small \\
        --names s8 u8 --out benchmarks/results/nli_uint8_vs_int8_avx2.json

About 10 minutes on 2 AVX2 cores. The CPU flags that matter (avx2, avx512*, vnni) go in the result.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.common import machine_info, write_result  # noqa: E402
from benchmarks.suites import nli as suite  # noqa: E402
from factcheck.nli_model import E5NLI  # noqa: E402


def cpu_flags() -> str:
    try:
        text = Path("/proc/cpuinfo").read_text()
    except OSError:
        return "unknown"
    m = re.search(r"^flags\s*:(.*)$", text, re.M)
    flags = set(m.group(1).split()) if m else set()
    return " ".join(sorted(f for f in flags if f.startswith(("avx", "fma")) or "vnni" in f or f.startswith("amx")))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("a")
    ap.add_argument("b")
    ap.add_argument("--names", nargs=2, default=("a", "b"))
    ap.add_argument("--out", default=str(REPO / "benchmarks" / "results" / "nli_graphs.json"))
    args = ap.parse_args(argv)
    models = {args.names[0]: E5NLI(args.a), args.names[1]: E5NLI(args.b)}
    data = {lang: suite._xnli(lang) for lang in suite.FOCUS}
    result: dict = {"benchmark": "nli_graphs", "cpu_flags": cpu_flags(), "machine": machine_info(),
                    "models": {k: m.model_id for k, m in models.items()}, "accuracy": {}, "argmax_differs": {},
                    "labels_change_with_batching": {}, "max_prob_change_with_batching": {}}
    for lang, rows in data.items():
        pairs, gold = [(r[0], r[1]) for r in rows], [r[2] for r in rows]
        labels = {}
        for k, m in models.items():
            whole = m.predict(pairs)
            chunks = [s for i in range(0, len(pairs), 40) for s in m.predict(pairs[i:i + 40])]
            fields = suite.LABELS
            labels[k] = [max(fields, key=lambda f: getattr(a, f)) for a in whole]
            changed = sum(x != max(fields, key=lambda f: getattr(b, f)) for x, b in zip(labels[k], chunks))
            result["labels_change_with_batching"].setdefault(k, {})[lang] = changed
            result["max_prob_change_with_batching"].setdefault(k, {})[lang] = round(max(
                abs(getattr(a, f) - getattr(b, f)) for a, b in zip(whole, chunks) for f in fields), 6)
        for k, lab in labels.items():
            result["accuracy"].setdefault(k, {})[lang] = round(float(np.mean([a == g for a, g in zip(lab, gold)])), 4)
        a, b = labels.values()
        result["argmax_differs"][lang] = round(float(np.mean([x != y for x, y in zip(a, b)])), 4)
        print(lang, {k: v[lang] for k, v in result["accuracy"].items()}, "argmax differs",
              result["argmax_differs"][lang], "labels change with batching",
              {k: v[lang] for k, v in result["labels_change_with_batching"].items()}, flush=True)
    for k, m in models.items():
        acc = result["accuracy"][k]
        acc["mean4"] = round(float(np.mean([acc[lang] for lang in data])), 4)
        result.setdefault("speed", {})[k] = suite._speed(m, data, False)
        print(k, acc, result["speed"][k]["pairs_per_s_batch32"], "pairs/s", flush=True)
    write_result(args.out, result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
