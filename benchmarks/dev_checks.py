"""Score the consistency checks on development material only, item by item, to compare two commits.

In:  development sets: the ``dev`` split of benchmarks/data/perturbations.json, the ``xdev`` split of
     benchmarks/data/perturbations_xnli.json, and any set built for development with
     ``build_perturbations.py --source xnli-dev --out F`` (all items) or ``--source ntrex --seed N --out F``
     (its ``dev`` split only); and, with ``--untouched``, every sentence of XNLI dev (premises once, each
     hypothesis) in the six pairs among en, ur, ar, ru, untouched.
Out: per set, changed facts found and false alarms (printed); with ``--save F``, every item's verdict as
     JSON, so ``--diff A B`` lists the items whose verdict changed between two saved runs; with ``--show
     TYPES``, the misses of those types and the false alarms ("clean"), text and reasons.
Why: the held-out splits (``test``, ``fresh``) must not be read while the checks are developed; this tool
     never scores them, whatever it is given, so a rule can be judged on development material alone.
     Checks alone, no NLI model, as ``bench_checks.ours`` runs them.

Run:  python benchmarks/dev_checks.py [SET.json ...] [--pairs all] [--untouched] [--save F] [--show person,clean]
      python benchmarks/dev_checks.py --diff A.json B.json
"""
from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.bench_checks import DATA, DATA_FRESH, REQUIRED, data_dir, ours, texts

HELD_OUT = frozenset({"test", "fresh", "test_v1", "fresh_v1"})
XNLI_DEV_LANGS = ("en", "ur", "ar", "ru")


def _splits(data: dict) -> set[str]:
    """The splits of a set that are development material: all but the held-out ones ("dev" of an
    NTREX build, "xdev" of an XNLI test build, "xnlidev" of an XNLI dev build)."""
    return {it.get("split") for it in data["items"]} - HELD_OUT


def score_set(path: Path, pairs: frozenset[str] | None, show: set[str]) -> dict[str, list]:
    """{item index: [type, pair, contradict]} over the development items of one set."""
    data = json.loads(path.read_text(encoding="utf-8"))
    splits = _splits(data)
    seeds = data_dir() / "seeds"
    out: dict[str, list] = {}
    for i, it in enumerate(data["items"]):
        if it.get("split") not in splits:
            continue
        pair = "-".join(sorted((it["x"], it["y"])))
        if pairs is not None and pair not in pairs:
            continue
        tx = texts(it, data.get("lines", {}), seeds)
        if tx is None:
            continue
        contradict, reasons = ours(tx[0], tx[1], it["x"], it["y"])
        out[str(i)] = [it["type"], pair, contradict]
        wrong = (it["type"] == "clean") == contradict
        if wrong and it["type"] in show:
            print(f"{path.stem} {i} {it['type']} {pair} {'FA' if contradict else 'MISS'} | {tx[0]} || {tx[1]} | "
                  f"{'; '.join(reasons)}")
    return out


def untouched_xnli_dev(show: bool) -> list[list]:
    """Contradictions among the untouched sentences of XNLI dev: [part, row, lang a, lang b]."""
    folder = data_dir() / "nli" / "xnli_dev"
    rows = {lang: [r.split("\t") for r in (folder / f"dev-{lang}.tsv").read_text(encoding="utf-8").split("\n") if r]
            for lang in XNLI_DEV_LANGS}
    seen: set[str] = set()
    units = []
    for i, row in enumerate(rows["en"]):
        if row[0] not in seen:
            seen.add(row[0])
            units.append((0, i))
        units.append((1, i))
    hits = []
    for col, i in units:
        for a, b in itertools.combinations(XNLI_DEV_LANGS, 2):
            ta, tb = rows[a][i][col], rows[b][i][col]
            contradict, reasons = ours(ta, tb, a, b)
            if contradict:
                hits.append(["premise" if col == 0 else "hypothesis", i, a, b])
                if show:
                    print(f"untouched {i} {a}-{b} | {ta} || {tb} | {'; '.join(reasons)}")
    print(f"untouched XNLI dev: {len(hits)} contradictions in {len(units) * 6} pairs")
    return hits


def diff(a: dict, b: dict) -> list[str]:
    """Items whose verdict differs between two saved runs."""
    lines = []
    for name, items in a.get("sets", {}).items():
        other = b.get("sets", {}).get(name, {})
        for i, (kind, pair, verdict) in items.items():
            if i in other and other[i][2] != verdict:
                lines.append(f"{name} {i} {kind} {pair}: {verdict} -> {other[i][2]}")
    ua = {tuple(h) for h in a.get("untouched", [])}
    ub = {tuple(h) for h in b.get("untouched", [])}
    lines += [f"untouched {h}: gone" for h in sorted(ua - ub)] + [f"untouched {h}: new" for h in sorted(ub - ua)]
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sets", nargs="*", type=Path, help="sets built for development (default: the committed dev "
                    "and xdev splits only)")
    ap.add_argument("--pairs", choices=("acceptance", "all"), default="acceptance")
    ap.add_argument("--untouched", action="store_true", help="also the untouched XNLI dev pairs (about 4 min)")
    ap.add_argument("--show", default="", help="comma-separated types whose misses to print; 'clean': false alarms")
    ap.add_argument("--save", type=Path)
    ap.add_argument("--diff", nargs=2, type=Path, metavar=("A", "B"))
    args = ap.parse_args(argv)
    if args.diff:
        a, b = (json.loads(p.read_text(encoding="utf-8")) for p in args.diff)
        print("\n".join(diff(a, b)) or "no verdict changed")
        return 0
    pairs = frozenset(REQUIRED) if args.pairs == "acceptance" else None
    show = set(filter(None, args.show.split(",")))
    result: dict = {"sets": {}}
    for path in [DATA, DATA_FRESH, *args.sets]:
        t0 = time.time()
        items = score_set(path, pairs, show)
        name = {DATA: "dev", DATA_FRESH: "xdev"}.get(path, path.stem)
        result["sets"][name] = items
        found = sum(1 for kind, _, c in items.values() if kind != "clean" and c)
        changed = sum(1 for kind, _, _ in items.values() if kind != "clean")
        alarms = sum(1 for kind, _, c in items.values() if kind == "clean" and c)
        print(f"{name}: found {found} of {changed}, false alarms {alarms} ({time.time() - t0:.0f} s)", flush=True)
    if args.untouched:
        result["untouched"] = untouched_xnli_dev("clean" in show)
    if args.save:
        args.save.write_text(json.dumps(result), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
