"""The one entry point for factcheck's benchmarks.

    python -m benchmarks quick [--suite NAME ...]   subset of every suite (< 5 min on 2 cores)
    python -m benchmarks full  [--suite NAME ...]   everything; the numbers in the README
    python -m benchmarks table [--quick] [--check]  summary table from the result files
    python -m benchmarks list                       suites and their status

``quick``/``full`` run the chosen suites (all by default) one after another in this process, write
each result to benchmarks/results/<suite>.json (quick: benchmarks/results/quick/<suite>.json, so a
quick run never overwrites full results) and print a summary table. They never judge the numbers:
exit 0 when every suite ran, 1 when one failed (the others still run), 2 on a usage error.
``table`` rewrites the generated block of benchmarks/README.md from the full results (``--quick``:
print the quick results' table only; ``--check``: exit 1 if the README block is out of date).
"""
from __future__ import annotations

import argparse
import sys
import time
import traceback

from benchmarks.common import QUICK_RESULTS, RESULTS, log, peak_rss_mib, write_result
from benchmarks.suites import registry


def build_parser() -> argparse.ArgumentParser:
    names = list(registry())
    ap = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    for mode, what in (("quick", "a subset of each suite (CI; < 5 minutes on 2 cores)"),
                       ("full", "every suite in full (the published numbers)")):
        p = sub.add_parser(mode, help=what, description=what)
        p.add_argument("--suite", action="extend", nargs="+", choices=names, metavar="NAME",
                       help=f"run only these suites (default: all): {', '.join(names)}")
    t = sub.add_parser("table", help="summary table from the result files; rewrites benchmarks/README.md")
    t.add_argument("--quick", action="store_true", help="print the table of the quick results; README untouched")
    t.add_argument("--check", action="store_true", help="exit 1 if the README's generated block is out of date")
    sub.add_parser("list", help="list the suites")
    return ap


def run_suites(names: list[str], quick: bool) -> int:
    from benchmarks import report

    reg = registry()
    folder = QUICK_RESULTS if quick else RESULTS
    mode = "quick" if quick else "full"
    failed, ran = [], []
    t_all = time.perf_counter()
    for name in names:
        suite = reg[name]
        if suite.skip:
            print(f"== {name}: skipped, {suite.skip}", flush=True)
            continue
        print(f"== {name} ({mode}): {suite.title}", flush=True)
        t0 = time.perf_counter()
        try:
            result = suite.load().run(quick=quick)
        except (Exception, SystemExit):  # a failing suite must not stop the others
            log(traceback.format_exc())
            print(f"== {name}: FAILED (traceback above, on stderr)", flush=True)
            failed.append(name)
            continue
        wall = time.perf_counter() - t0
        write_result(folder / f"{name}.json", {"suite": name, "mode": mode, "wall_s": round(wall, 1),
                                               "peak_rss_mib": peak_rss_mib(), **result})
        print(f"== {name}: {wall:.1f}s", flush=True)
        ran.append(name)
    if ran:
        print()
        print(report.markdown_table(report.load_results(quick, ran)))
    print(f"\n{mode} run: {len(ran)} suite(s) in {time.perf_counter() - t_all:.0f}s"
          + (f"; FAILED: {', '.join(failed)}" if failed else ""))
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "list":
        reg = registry()
        width = max(map(len, reg)) + 2
        for s in reg.values():
            print(f"{s.name:<{width}}{'skipped: ' + s.skip if s.skip else s.title}")
        return 0
    if args.command == "table":
        from benchmarks import report

        results = report.load_results(quick=args.quick)
        if not results:
            print(f"no results in {QUICK_RESULTS if args.quick else RESULTS}; run python -m benchmarks "
                  f"{'quick' if args.quick else 'full'} first", file=sys.stderr)
            return 1
        if args.check:
            ok = report.update_readme(results, check=True)
            print("benchmarks/README.md is up to date" if ok else
                  "benchmarks/README.md is out of date: run python -m benchmarks table")
            return 0 if ok else 1
        print(report.markdown_table(results))
        if not args.quick:
            report.update_readme(results)
            print("updated benchmarks/README.md")
        return 0
    names = args.suite or list(registry())
    return run_suites(list(dict.fromkeys(names)), quick=args.command == "quick")


if __name__ == "__main__":
    raise SystemExit(main())
