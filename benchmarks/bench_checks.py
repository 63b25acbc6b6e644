"""Consistency checks on the perturbation set: precision and recall of ``contradict``, false alarms.

Data: benchmarks/data/perturbations.json (built by benchmarks/build_perturbations.py from NTREX-128
and the seed articles; seed items are read from $FACTCHECK_DATA/seeds at run time and skipped when
the seeds are missing). Each item is a pair of parallel sentences (x, y); perturbed items have one
fact changed and expect ``contradict``, clean items expect anything else.

What runs: the product's own path for a matched pair: ``quantities.extract`` on each side (in its
language), then ``verdict.decide`` with the pair as a mutual match and no NLI model, so the verdict
comes from ``checks.check`` alone. The full run also decides every pair as ``compare`` does, with the
shipped NLI model (premise = the other side, at the model's own thresholds) beside the checks ("ours+nli":
what the model adds, and the false alarms it adds on translations). Baseline in the same run: every number written in digits compared
as a bare value (a contradiction when each side has a value the other lacks), which is roughly what
factcheck did before roles, units, words and names.

Reported per language pair and split (dev: the documents the checks were developed on; test: held
out, though its false alarms were read in session 6; xdev / fresh: XNLI test premises, built afterwards
(benchmarks/data/perturbations_xnli.json) and halved by premise: xdev may be read while developing,
fresh never is) and per perturbation type: precision = TP / (TP + FP), recall = TP / perturbed items,
false-alarm rate = FP / clean items. The full run also scores the test and fresh splits of the two sets
as generator version 1 built them (benchmarks/data/v1/, splits "test_v1" and "fresh_v1"): that
generator took places and ordinary words for persons, and both sets were rebuilt on 2026-12-07.

Run:  python benchmarks/bench_checks.py            (all items, ~1 minute)
      python benchmarks/bench_checks.py --quick    (test split, ur/ar/en/ru pairs only)
As a library: ``run(quick: bool) -> dict`` (the harness plugs this in).
Writes benchmarks/results/checks.json (quick: benchmarks/results/quick/checks.json, not committed).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.build_perturbations import xnli_part_premises
from factcheck.quantities import ascii_digits, extract
from factcheck.types import Claim, Match, Verdict
from factcheck.verdict import decide

DATA = REPO / "benchmarks" / "data" / "perturbations.json"
DATA_FRESH = REPO / "benchmarks" / "data" / "perturbations_xnli.json"  # split "fresh"
# the same two sets as generator version 1 built them (until 2026-12-07; see build_perturbations.is_person):
# their held-out splits are scored too, as "test_v1" and "fresh_v1", so the figures before and after the
# rebuild stand side by side in one run
DATA_V1 = REPO / "benchmarks" / "data" / "v1" / "perturbations.json"
DATA_FRESH_V1 = REPO / "benchmarks" / "data" / "v1" / "perturbations_xnli.json"
RESULTS = REPO / "benchmarks" / "results"
REQUIRED = ("ar-en", "ar-ru", "ar-ur", "en-ru", "en-ur", "ru-ur")  # the acceptance pairs
TARGETS = {"recall": 0.90, "false_alarm": 0.02}
_MATCH = Match(query=0, target=0, similarity=1.0, margin=1.0, mutual=True)


def data_dir() -> Path:
    return Path(os.environ.get("FACTCHECK_DATA") or REPO.parent / "shared" / "data")


_XNLI: dict[tuple[str, str], list[str]] = {}


def _xnli_premise(lang: str, row: int, part: str = "test") -> str | None:
    """Premise of XNLI ``part`` row ``row`` ("test" has a header row; "dev", development material only, none)."""
    if (part, lang) not in _XNLI:
        rows = xnli_part_premises(data_dir(), part, lang)
        if rows is None:
            return None
        _XNLI[part, lang] = rows
    rows = _XNLI[part, lang]
    return rows[row] if row < len(rows) else None


def texts(item: dict, lines: dict, seeds: Path) -> tuple[str, str] | None:
    if item["source"] in ("xnli_test", "xnli_dev"):
        part = item["source"][5:]
        x_text, y_text = _xnli_premise(item["x"], item["line"], part), _xnli_premise(item["y"], item["line"], part)
        if x_text is None or y_text is None:
            return None
    elif item["source"] == "seeds":
        out = []
        for ref in (item["x_ref"], item["y_ref"]):
            f = seeds / ref["file"]
            if not f.exists():
                return None
            out.append(f.read_text(encoding="utf-8")[ref["start"]:ref["end"]])
        x_text, y_text = out
    else:
        x_text = lines[item["x"]][str(item["line"])]
        y_text = lines[item["y"]][str(item["line"])]
    edit = item.get("edit")
    if edit:
        side = x_text if edit["side"] == "x" else y_text
        side = side[:edit["start"]] + edit["new"] + side[edit["end"]:]
        if edit["side"] == "x":
            x_text = side
        else:
            y_text = side
    return x_text, y_text


def claim(text: str, lang: str) -> Claim:
    return Claim("bench", 0, text, 0, len(text), text, 0, len(text), lang=lang, quantities=extract(text, 0, lang))


def ours(x_text: str, y_text: str, x: str, y: str, nli=None, params=None) -> tuple[bool, tuple[str, ...]]:
    """The verdict for claim ``x_text`` against evidence ``y_text``: the checks alone, or, with ``nli``
    (the model's scores, premise = evidence) and ``params``, the decision ``compare`` makes."""
    kw = {} if nli is None else {"nli_forward": nli, "params": params}
    f = decide("a", claim(x_text, x), _MATCH, claim(y_text, y), **kw)
    return f.verdict is Verdict.CONTRADICT, f.reasons


def _product_nli():
    """The shipped NLI model and the verdict thresholds ``compare`` runs it with (None when absent)."""
    from factcheck.nli import load_nli
    from factcheck.pipeline import CompareOptions, effective_options

    model = load_nli()
    return (model, effective_options(CompareOptions(), model).verdict) if model is not None else (None, None)


_NUM = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*")


def baseline(x_text: str, y_text: str) -> bool:
    def values(t):
        return {m.group().replace(",", "") for m in _NUM.finditer(ascii_digits(t))}

    a, b = values(x_text), values(y_text)
    return bool(a - b) and bool(b - a)


def _metrics(c: dict) -> dict:
    tp, fn, fp, tn = c["tp"], c["fn"], c["fp"], c["tn"]
    return {
        "perturbed": tp + fn, "clean": fp + tn, "tp": tp, "fn": fn, "fp": fp,
        "precision": round(tp / (tp + fp), 4) if tp + fp else None,
        "recall": round(tp / (tp + fn), 4) if tp + fn else None,
        "false_alarm": round(fp / (fp + tn), 4) if fp + tn else None,
    }


def _items(quick: bool) -> list[tuple[dict, dict]]:
    """(item, the lines it points to) of every set: the current ones, then (full runs only) the held-out
    splits of the generator-1 sets with the splits renamed "test_v1" and "fresh_v1"."""
    out = []
    for path, v1 in ((DATA, False), (DATA_FRESH, False), (DATA_V1, True), (DATA_FRESH_V1, True)):
        if not path.exists() or (v1 and quick):
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        lines = data.get("lines", {})
        for item in data["items"]:
            if v1:
                if item["split"] not in ("test", "fresh"):
                    continue
                item = {**item, "id": "v1:" + item["id"], "split": item["split"] + "_v1"}
            out.append((item, lines))
    return out


def run(quick: bool = False) -> dict:
    seeds = data_dir() / "seeds"
    counts: dict[tuple, dict] = defaultdict(lambda: {"tp": 0, "fn": 0, "fp": 0, "tn": 0})
    errors: list[dict] = []
    skipped = 0
    t0 = time.perf_counter()
    n = 0
    todo = []
    for item, lines in _items(quick):
        if quick and (item["split"] not in ("test", "fresh") or item["pair"] not in REQUIRED):
            continue
        pair_texts = texts(item, lines, seeds)
        if pair_texts is None:
            skipped += 1
            continue
        todo.append((item, pair_texts))
    # the full run also scores every pair of the current sets as compare decides it, with the shipped NLI
    # model beside the checks (a contradiction from either): how many false alarms the model adds
    model, params = _product_nli() if not quick else (None, None)
    t_nli = time.perf_counter()
    current = [(x_text, y_text) for item, (x_text, y_text) in todo if not item["split"].endswith("_v1")]
    scores = model.predict([(y_text, x_text) for x_text, y_text in current]) if model is not None else None
    t_nli = time.perf_counter() - t_nli
    for k, (item, (x_text, y_text)) in enumerate(todo):
        n += 1
        hit, reasons = ours(x_text, y_text, item["x"], item["y"])
        base = baseline(x_text, y_text)
        want = item["expected"] == "contradict"
        said_by = [("ours", hit), ("baseline", base)]
        if scores is not None and k < len(current):  # the current sets come first in ``todo``
            said_by.append(("ours+nli", ours(x_text, y_text, item["x"], item["y"], scores[k], params)[0]))
        for system, said in said_by:
            keys = [(system, item["pair"], item["split"]), (system, "all", item["split"]),
                    (system, item["pair"], "all"), (system, "type:" + item["type"], item["split"])]
            if item["type"] != "person":  # reported beside the full figures, never instead of them
                keys.append((system, item["pair"] + ":no-person", item["split"]))
            for key in keys:
                c = counts[key]
                c["tp" if want and said else "fn" if want else "fp" if said else "tn"] += 1
        if hit != want and item["split"] in ("dev", "xdev") and len(errors) < 400:
            errors.append({"id": item["id"], "split": item["split"], "type": item["type"], "x": x_text, "y": y_text, "reasons": list(reasons)})
    elapsed = time.perf_counter() - t0
    table = {f"{s}|{p}|{sp}": _metrics(c) for (s, p, sp), c in sorted(counts.items())}
    required = {p: table.get(f"ours|{p}|test") for p in REQUIRED}
    fresh = {p: table[f"ours|{p}|fresh"] for p in REQUIRED if f"ours|{p}|fresh" in table}
    with_nli = {p: table[f"ours+nli|{p}|test"] for p in REQUIRED if f"ours+nli|{p}|test" in table}
    v1 = {split: {p: table[f"ours|{p}|{split}"] for p in REQUIRED if f"ours|{p}|{split}" in table}
          for split in ("test_v1", "fresh_v1")}

    def met(ms) -> bool:
        return bool(ms) and all(m and m["recall"] is not None and m["recall"] >= TARGETS["recall"]
                                and m["false_alarm"] is not None and m["false_alarm"] <= TARGETS["false_alarm"]
                                for m in ms.values())
    ok = met(required)
    return {
        "benchmark": "checks",
        "quick": quick,
        "data": [str(d.relative_to(REPO)) for d in (DATA, DATA_FRESH, DATA_V1, DATA_FRESH_V1) if d.exists()],
        "items": n,
        "skipped_items": skipped,
        "seconds": round(elapsed, 2),
        "pairs_per_second": round(n / elapsed, 1) if elapsed else None,
        "targets": TARGETS,
        "acceptance_pairs_test": required,
        "acceptance_met": ok,
        "acceptance_pairs_fresh": fresh,
        "acceptance_met_fresh": met(fresh),
        # the held-out splits of the sets generator 1 built (before 2026-12-07), scored by the same code
        "acceptance_pairs_test_v1": v1["test_v1"],
        "acceptance_pairs_fresh_v1": v1["fresh_v1"],
        # compare's own decision (checks, then the shipped NLI model at its thresholds), test split
        "with_nli_pairs_test": with_nli,
        "nli_model": getattr(model, "model_id", None),
        "nli_seconds": round(t_nli, 2) if model is not None else None,
        "metrics": table,
        "dev_errors": errors,
    }


def print_table(result: dict) -> None:
    m = result["metrics"]
    print(f"{'pair':8} {'split':5} | {'ours P':>7} {'R':>6} {'FA':>6} | {'base P':>7} {'R':>6} {'FA':>6} | {'pert':>5} {'clean':>5}")
    keys = sorted({k.split("|", 1)[1] for k in m if k.startswith("ours|") and not k.split("|")[1].startswith("type:")
                   and ":no-person" not in k})
    for k in keys:
        o, b = m.get("ours|" + k), m.get("baseline|" + k)
        pair, split = k.split("|")

        def f(x):
            return f"{x:.3f}" if isinstance(x, float) else "  -  "

        print(f"{pair:8} {split:5} | {f(o['precision']):>7} {f(o['recall']):>6} {f(o['false_alarm']):>6} | "
              f"{f(b['precision']):>7} {f(b['recall']):>6} {f(b['false_alarm']):>6} | {o['perturbed']:>5} {o['clean']:>5}")
    print("recall without the person-name items (test):",
          ", ".join(f"{p} {m[f'ours|{p}:no-person|test']['recall']:.3f}" for p in REQUIRED
                    if f"ours|{p}:no-person|test" in m))
    print("recall by type (ours):")
    for k in sorted(x for x in m if x.startswith("ours|type:")):
        v = m[k]
        if v["perturbed"]:
            print(f"  {k.split('|')[1][5:]:8} {k.split('|')[2]:5} {v['recall']:.3f} ({v['tp']}/{v['perturbed']})")
    if result.get("with_nli_pairs_test"):
        print("as compare decides (checks + shipped NLI), test split: " + ", ".join(
            f"{p} R {v['recall']:.3f} FA {v['false_alarm']:.3f}" for p, v in result["with_nli_pairs_test"].items()))
    for key in ("acceptance_pairs_test_v1", "acceptance_pairs_fresh_v1"):
        if result.get(key):
            print(f"{key[17:]} (the set as generator 1 built it): " + ", ".join(
                f"{p} R {v['recall']:.3f} FA {v['false_alarm']:.3f}" for p, v in result[key].items()))
    print(f"acceptance (test split, pairs among ur/ar/en/ru: recall >= .90, false alarms <= .02): "
          f"{'met' if result['acceptance_met'] else 'NOT met'}; on the fresh XNLI split: "
          f"{'met' if result.get('acceptance_met_fresh') else 'NOT met'}; {result['items']} items in {result['seconds']} s")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Consistency checks on the perturbation set")
    ap.add_argument("--quick", action="store_true", help="test split, acceptance pairs only")
    ap.add_argument("--out", default=None)
    args = ap.parse_args(argv)
    result = run(args.quick)
    print_table(result)
    out = Path(args.out) if args.out else (RESULTS / "quick" / "checks.json" if args.quick else RESULTS / "checks.json")
    try:
        from benchmarks.common import machine_info, write_result

        result["machine"] = machine_info()
        write_result(out, result)
    except ImportError:  # harness refactors: write it plainly
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    return 0


def rows(result: dict) -> list:
    """Summary-table row: ranges over the acceptance pairs (test split), with the baseline's."""
    from benchmarks.suites import Row

    def span(values) -> str:
        lo, hi = min(values), max(values)
        return f"{lo:.3f}" if lo == hi else f"{lo:.3f}–{hi:.3f}"

    ours = result["acceptance_pairs_test"]
    base = [result["metrics"].get(f"baseline|{p}|test") for p in ours]
    base = [b for b in base if b]
    what = ("consistency checks, perturbation set (NTREX-128 test half + seeds; "
            f"{', '.join(ours)}): precision / recall of `contradict` / false alarms on untouched pairs")
    got = " / ".join(span([m[k] for m in ours.values()]) for k in ("precision", "recall", "false_alarm"))
    ref = ("digit-string baseline: " + " / ".join(span([m[k] for m in base]) for k in ("precision", "recall", "false_alarm"))
           + f"; target recall ≥ {TARGETS['recall']:.2f}, false alarms ≤ {TARGETS['false_alarm']:.2f}") if base else ""
    out = [Row(what, got, ref)]
    fresh = result.get("acceptance_pairs_fresh") or {}
    if fresh:
        fbase = [b for b in (result["metrics"].get(f"baseline|{p}|fresh") for p in fresh) if b]
        out.append(Row("the same on a fresh held-out set (XNLI test premises, built after the checks were developed)",
                       " / ".join(span([m[k] for m in fresh.values()]) for k in ("precision", "recall", "false_alarm")),
                       ("digit-string baseline: " + " / ".join(span([m[k] for m in fbase])
                                                               for k in ("precision", "recall", "false_alarm")))
                       if fbase else ""))
    for key, where in (("acceptance_pairs_test_v1", "NTREX-128 test half"), ("acceptance_pairs_fresh_v1", "fresh XNLI")):
        old = result.get(key) or {}
        if old:
            out.append(Row(f"the same, {where} as generator 1 built it (persons not told from places and words)",
                           " / ".join(span([m[k] for m in old.values()]) for k in ("precision", "recall", "false_alarm")),
                           "rebuilt by generator 2: rows above"))
    with_nli = result.get("with_nli_pairs_test") or {}
    if with_nli:
        out.append(Row("the same pairs as `compare` decides them, the shipped NLI model beside the checks (test half)",
                       " / ".join(span([m[k] for m in with_nli.values()]) for k in ("precision", "recall", "false_alarm")),
                       "checks alone: first row"))
    return out


if __name__ == "__main__":
    raise SystemExit(main())
