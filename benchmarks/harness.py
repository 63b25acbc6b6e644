"""One generic evaluation loop for every quality benchmark: any scorer, any dataset, any metrics.

In:  a ``Dataset`` (inputs, gold answers, optional group labels per item) and a scorer: any callable
     that maps a sequence of inputs to a sequence of predictions of the same length (batched, like
     ``Embedder.embed``; a bitext scorer mines each input against its corpus, an NLI scorer would
     label (premise, hypothesis) pairs, a claim checker would return verdicts).
Out: ``evaluate(scorer, dataset, metrics)`` returns a plain dict, ready for a result file::

        {"dataset": name, "n": items, "seconds": wall time of the scorer, "items_per_s": ...,
         "metrics": {metric: value}, "groups": {group: {"n": ..., "metrics": {...}}}}

Holds:
- The scorer is called on all inputs at once (``batch_size=None``: retrieval needs the whole set)
  or in consecutive batches; predictions keep the input order.
- A scorer that returns a different number of predictions than it got inputs is a ``ValueError``
  naming the dataset; so are gold or group lists whose length differs from the inputs.
- Metrics are ``metric(gold, predictions) -> float | dict``, computed over all items and, when the
  dataset has groups, over each group's items (groups in order of first appearance).
- Nothing is rounded here; result tables round when they print.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

Scorer = Callable[[Sequence[Any]], Sequence[Any]]
Metric = Callable[[Sequence[Any], Sequence[Any]], Any]


@dataclass(frozen=True)
class Dataset:
    """``inputs[i]`` is what the scorer sees for item i, ``gold[i]`` the expected prediction."""

    name: str
    inputs: Sequence[Any]
    gold: Sequence[Any]
    groups: Sequence[str] | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if len(self.gold) != len(self.inputs):
            raise ValueError(f"dataset {self.name}: {len(self.inputs)} inputs but {len(self.gold)} gold answers")
        if self.groups is not None and len(self.groups) != len(self.inputs):
            raise ValueError(f"dataset {self.name}: {len(self.inputs)} inputs but {len(self.groups)} group labels")

    def __len__(self) -> int:
        return len(self.inputs)


def evaluate(scorer: Scorer, dataset: Dataset, metrics: Mapping[str, Metric],
             batch_size: int | None = None) -> dict:
    """Score every input of ``dataset`` with ``scorer`` and apply ``metrics`` (see module doc)."""
    n = len(dataset)
    step = n if not batch_size else batch_size
    preds: list[Any] = []
    t0 = time.perf_counter()
    for s in range(0, n, max(step, 1)):
        batch = dataset.inputs[s : s + step]
        out = list(scorer(batch))
        if len(out) != len(batch):
            raise ValueError(f"dataset {dataset.name}: scorer returned {len(out)} predictions for {len(batch)} inputs")
        preds.extend(out)
    secs = time.perf_counter() - t0
    gold = list(dataset.gold)
    result = {"dataset": dataset.name, "n": n, "seconds": secs,
              "items_per_s": n / secs if secs > 0 else None,
              "metrics": {name: m(gold, preds) for name, m in metrics.items()}}
    if dataset.groups is not None:
        members: dict[str, list[int]] = {}
        for i, g in enumerate(dataset.groups):
            members.setdefault(g, []).append(i)
        result["groups"] = {
            g: {"n": len(ix), "metrics": {name: m([gold[i] for i in ix], [preds[i] for i in ix])
                                          for name, m in metrics.items()}}
            for g, ix in members.items()
        }
    return result


# ------------------------------------------------------------------------------------- metrics
def _eq(gold: Sequence[Any], pred: Sequence[Any]) -> np.ndarray:
    return np.array([g == p for g, p in zip(gold, pred)], dtype=bool)


def accuracy(gold: Sequence[Any], pred: Sequence[Any]) -> float:
    """Fraction of items whose prediction equals the gold answer (0.0 for no items)."""
    return float(np.mean(_eq(gold, pred))) if len(gold) else 0.0


def answered(none: Any = None) -> Metric:
    """Fraction of items with a prediction other than ``none`` (an abstention)."""
    def metric(gold: Sequence[Any], pred: Sequence[Any]) -> float:
        return float(np.mean([p != none for p in pred])) if len(pred) else 0.0
    return metric


def precision_when_answered(none: Any = None) -> Metric:
    """Accuracy over the items with a prediction other than ``none`` (1.0 when none answered)."""
    def metric(gold: Sequence[Any], pred: Sequence[Any]) -> float:
        keep = np.array([p != none for p in pred], dtype=bool)
        return float(np.mean(_eq(gold, pred)[keep])) if keep.any() else 1.0
    return metric


def label_prf(label: Any) -> Metric:
    """Precision, recall and F1 of predicting ``label`` (e.g. ``"contradict"``), with the counts."""
    def metric(gold: Sequence[Any], pred: Sequence[Any]) -> dict:
        g = np.array([x == label for x in gold], dtype=bool)
        p = np.array([x == label for x in pred], dtype=bool)
        tp, fp, fn = int(np.sum(g & p)), int(np.sum(~g & p)), int(np.sum(g & ~p))
        prec = tp / (tp + fp) if tp + fp else 1.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        return {"precision": prec, "recall": rec, "f1": f1, "tp": tp, "fp": fp, "fn": fn}
    return metric
