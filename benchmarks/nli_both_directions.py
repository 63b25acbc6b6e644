"""Contradiction from one NLI direction or from both: what the shipped model keeps on its validation split.

``compare`` says ``contradict`` from the NLI model when the other claim (premise) contradicts this one
(hypothesis) at the model's own threshold. Requiring the reverse direction too would drop the model's
false contradictions on untouched translations (see the ``ours+nli`` rows of the checks suite), but on
the validation split the model was calibrated on (XNLI dev premises held out from training, all
languages and mixes) it keeps few of the true ones. This script measures both rules there.

Run:  python benchmarks/nli_both_directions.py [--data ../shared/data/nli]   (~1 minute on 2 cores)
Prints precision / recall of contradiction for: forward only, and both directions at several thresholds.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from factcheck.nli import load_nli  # noqa: E402
from factcheck.nli_model import DEFAULT_MODEL, MODELS_DIR  # noqa: E402
from factcheck.nli_train import load_data  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(REPO.parent / "shared" / "data" / "nli"))
    args = ap.parse_args(argv)
    config = json.loads((MODELS_DIR / DEFAULT_MODEL / "config.json").read_text(encoding="utf-8"))
    seed = config.get("training", {}).get("seed", 13)
    threshold = config["thresholds"]["contradiction"]
    _, val, _ = load_data(Path(args.data), seed, en_limit=0)
    model = load_nli()
    fw = np.array([(s.entailment, s.contradiction) for s in model.predict([(e.premise, e.hypothesis) for e in val])])
    bw = np.array([s.contradiction for s in model.predict([(e.hypothesis, e.premise) for e in val])])
    gold = np.array([e.label for e in val]) == 2

    def show(name: str, pred: np.ndarray) -> None:
        prec = gold[pred].mean() if pred.any() else float("nan")
        print(f"{name:34} predicted {int(pred.sum()):4}  precision {prec:.3f}  recall {pred[gold].mean():.3f}")

    print(f"validation split: {len(val)} pairs, {int(gold.sum())} contradictions; shipped threshold {threshold}")
    show(f"forward >= {threshold} (what compare does)", (fw[:, 1] >= threshold) & (fw[:, 1] > fw[:, 0]))
    for t in (0.5, 0.6, 0.7, threshold):
        show(f"both directions >= {t}", (np.minimum(fw[:, 1], bw) >= t) & (fw[:, 1] > fw[:, 0]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
