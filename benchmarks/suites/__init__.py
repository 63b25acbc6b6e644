"""The registry of benchmark suites: name -> module with ``run(quick: bool) -> dict``.

A suite module provides ``run(quick)`` (does the work, prints its own short table, returns the
result dict the harness writes to ``benchmarks/results/[quick/]<name>.json``) and, optionally,
``rows(result) -> list[Row]`` for the summary table in ``benchmarks/README.md``. A suite without
``rows`` may put a ``"table"`` list of ``{"what", "ours", "reference"}`` dicts in its result.

A suite registered with a ``skip`` reason is listed and announced as skipped, never run: that is
how work other issues are building shows up before it exists. The claim-check suite switches
itself on as soon as ``benchmarks/bench_checks.py`` (``run(quick: bool) -> dict``) exists.
"""
from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass
from types import ModuleType


@dataclass(frozen=True)
class Row:
    """One line of the summary table."""

    what: str
    ours: str
    reference: str = ""


@dataclass(frozen=True)
class Suite:
    name: str
    title: str
    module: str | None = None  # dotted module with run(quick) -> dict
    skip: str | None = None  # reason the suite is registered but not run

    def load(self) -> ModuleType:
        if self.module is None:
            raise RuntimeError(f"suite {self.name} is skipped: {self.skip}")
        return importlib.import_module(self.module)


def _checks_suite() -> Suite:
    title = "claim-level cross-checking (perturbation sets, seed pairs)"
    if importlib.util.find_spec("benchmarks.bench_checks") is not None:
        return Suite("checks", title, "benchmarks.bench_checks")
    return Suite("checks", title, skip="pending issue 4 (benchmarks/bench_checks.py, atomic claims)")


def _nli_suite() -> Suite:
    title = "NLI: XNLI test per language and mixed pairs, ANS stance, pairs/s"
    from pathlib import Path

    shipped = Path(__file__).resolve().parents[2] / "factcheck" / "models" / "factcheck-nli-e5small" / "model.onnx"
    if shipped.exists():
        return Suite("nli", title, "benchmarks.suites.nli")
    return Suite("nli", title, skip="no NLI model shipped (factcheck/models/factcheck-nli-e5small)")


def registry() -> dict[str, Suite]:
    """All suites, in the order ``quick`` and ``full`` run them."""
    suites = [
        Suite("retrieval", "bitext retrieval: Tatoeba xx->eng, NTREX-128 all ordered pairs",
              "benchmarks.suites.retrieval"),
        Suite("retrieval_calibration", "retrieval thresholds: NTREX-128 document pairs, held-out P/R/F1",
              "benchmarks.calibrate_retrieval"),
        Suite("speed", "speed and memory: --help, compare cold/warm vs naive, embedder sentences/s",
              "benchmarks.suites.speed"),
        _nli_suite(),
        _checks_suite(),
        Suite("audit", "audit: NTREX corpus quality; ingest/audit time and memory at 60/600/6000 articles; HNSW recall",
              "benchmarks.suites.audit"),
    ]
    return {s.name: s for s in suites}
