"""Export stage: compare and audit results as JSON, CSV, Markdown or one self-contained HTML file.

In:  a ``Report`` (``factcheck compare``) or an ``AuditReport`` (``factcheck audit``) and a format
     name from ``FORMATS``.
Out: ``export_compare`` / ``export_audit`` -> the whole export as one ``str``;
     ``audit_chunks`` -> the audit export as a stream of strings, reading the stories one at a time
     from an iterable (``factcheck.audit.iter_stories``), so a large audit is never held whole;
     ``write_output`` -> writes a string or such a stream to stdout, or atomically to a file;
     ``check_output`` -> fails early (before a long compare) when the file could not be written.

What holds:

* Article text is hostile input. CSV cells that a spreadsheet would read as a formula (first
  character ``= + - @``, tab or CR) get a leading apostrophe; Markdown cells escape ``\\ ` * _ [ ]
  | ~`` with a backslash and ``& < >`` as entities, and newlines become ``<br>``, so a cell can neither
  break its table, start a link or image, nor inject HTML; HTML goes through ``html.escape(...,
  quote=True)`` everywhere (see ``factcheck.export_html`` for the page's other safety properties).
* Exports are complete: every finding is included whatever ``--show``/``--all-claims`` say (those
  shape the terminal table only). Text is in logical order (exactly the article's characters).
* Floats are rounded to 4 places; output is deterministic for a given report.
* ``write_output`` never leaves a half-written file: it writes a temporary file in the target's
  folder, fsyncs it and ``os.replace``-s it over the target (an existing file keeps its permission
  bits). Problems raise ``OutputError`` with one line naming the file.

Formats
-------

``json``
    compare: ``factcheck.report.to_json`` unchanged (schema ``factcheck.compare/1``, see README).
    audit: schema ``factcheck.audit/1``::

        {"schema": "factcheck.audit/1",
         "audit_id": int, "created_at": str,
         "selection": {...}, "params": {...},     # as the audit recorded them
         "models": {"embedder": str, "nli": str|null},
         "summary": {"agree": int, "contradict": int, "unclear": int, "absent": int},
         "stories": [
           {"index": int, "label": str, "summary": {...same keys...},
            "documents": [{"document_id": int, "path": str, "source": str, "lang": str|null,
                           "title": str|null, "date": str|null, "n_claims": int}],
            "findings": [{"claim_id": int, "document_id": int, "source": str, "lang": str|null,
                          "text": str, "start": int, "end": int,
                          "other_document_id": int, "other_source": str,
                          "verdict": "agree"|"contradict"|"unclear"|"absent", "confidence": float,
                          "evidence": {"claim_id": int|null, "text": str, "start": int|null,
                                       "end": int|null, "similarity": float|null} | null,
                          "reasons": [str]}]}],
         "singletons": [{...document...}],         # articles no other article reports on
         "sources": [{"source": str, "documents": int, "claims": int, "confirmed": int,
                      "contradicted": int, "unique": int, "unclear": int}],
         "matrix": [{"source": str, "other": str, "matched": int, "agree": int,
                     "contradict": int, "unclear": int, "agreement": float|null}],
         "contested": [{"claim_id": int, "story": int, "source": str, "lang": str|null,
                        "text": str, "contradicted_by": [str], "confirmed_by": [str],
                        "score": float, "evidence": [str], "reasons": [str]}]}

    ``start``/``end`` are offsets into the stored document text; ``agreement`` is
    agree / (agree + contradict), null when nothing was decided. Values in ``selection``/``params``
    that JSON cannot hold (paths, tuples) are written as strings/lists.

``csv``
    One row per finding, a header row, RFC 4180 quoting (``\\r\\n`` line ends), UTF-8 without BOM.
    Columns, in this order: compare ``COMPARE_CSV_COLUMNS``, audit ``AUDIT_CSV_COLUMNS``.
    ``claim``/``evidence`` (compare) are labels such as ``A3`` (side and 1-based claim index);
    ``reasons`` are joined with `` | ``; empty cells mean null.

``md``
    A readable report: header, verdict summary, then findings grouped by verdict (compare) or the
    per-source table, agreement matrix, most contested claims and per-story findings (audit).

``html``
    One self-contained page without JavaScript: both articles in full with every claim highlighted
    by verdict and linked to its finding, a findings table, verdict filters (pure CSS).
"""
from __future__ import annotations

import contextlib
import csv
import enum
import json
import os
import sys
import tempfile
import textwrap
from collections.abc import Iterable, Iterator, Mapping
from io import StringIO
from pathlib import Path
from typing import Any

from .errors import ConfigError, OutputError
from .report import VERDICT_ORDER, claim_label, to_json
from .types import AuditDocument, AuditFinding, AuditReport, Finding, Report, Story, Verdict

FORMATS = ("json", "csv", "md", "html")
AUDIT_SCHEMA_ID = "factcheck.audit/1"

COMPARE_CSV_COLUMNS = (
    "side", "claim", "claim_start", "claim_end", "claim_lang", "claim_kind", "claim_text",
    "verdict", "confidence", "evidence", "evidence_start", "evidence_end", "evidence_text",
    "similarity", "nli_entailment", "nli_neutral", "nli_contradiction", "reasons",
    "document", "other_document",
)
AUDIT_CSV_COLUMNS = (
    "story", "story_label", "claim_id", "document_id", "document_path", "source", "lang",
    "claim_start", "claim_end", "claim_text", "verdict", "confidence",
    "other_document_id", "other_source", "evidence_claim_id", "evidence_start", "evidence_end",
    "evidence_text", "similarity", "reasons",
)
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
REASON_SEPARATOR = " | "


# ------------------------------------------------------------------------------------ public API


def export_compare(report: Report, fmt: str, path_a: str | None = None, path_b: str | None = None) -> str:
    """The compare ``report`` in format ``fmt`` (one of ``FORMATS``), as one string.

    ``path_a``/``path_b`` are the paths as the user gave them (default: ``Document.path``).
    """
    fmt = _check_format(fmt)
    if fmt == "json":
        return json.dumps(to_json(report, path_a, path_b), ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return _compare_csv(report, path_a, path_b)
    if fmt == "md":
        return _compare_md(report, path_a, path_b)
    from .export_html import compare_html

    return compare_html(report, path_a, path_b)


def export_audit(report: AuditReport, fmt: str, stories: Iterable[Story] | None = None) -> str:
    """The audit ``report`` in format ``fmt`` (one of ``FORMATS``), as one string."""
    return "".join(audit_chunks(report, fmt, stories))


def audit_chunks(report: AuditReport, fmt: str, stories: Iterable[Story] | None = None) -> Iterator[str]:
    """The audit export in pieces. ``stories`` (default ``report.stories``) supplies the stories with
    their findings, in ``report.stories`` order; it is read once, one story at a time."""
    fmt = _check_format(fmt)
    stories = report.stories if stories is None else stories
    if fmt == "json":
        return _audit_json_chunks(report, stories)
    if fmt == "csv":
        return _audit_csv(report, stories)
    if fmt == "md":
        return _audit_md(report, stories)
    from .export_html import audit_html_chunks

    return audit_html_chunks(report, stories)


def check_output(output: str | None) -> None:
    """Raise ``OutputError`` if ``output`` (a file path; None or "-" for stdout) cannot be written.

    Cheap, so the CLI calls it before a long compare; ``write_output`` checks again.
    """
    if output is None or output == "-":
        return
    target = Path(output)
    if target.is_dir():
        raise OutputError(output, "is a folder; give a file name")
    folder = target.parent
    if not folder.is_dir():
        raise OutputError(output, f"cannot write: folder {str(folder)!r} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(output, f"cannot write: folder {str(folder)!r} is not writable")


def write_output(text: str | Iterable[str], output: str | None) -> None:
    """Write ``text`` (a string or an iterable of strings, consumed once) to stdout (``output`` None
    or "-") or atomically to the file ``output``."""
    chunks = [text] if isinstance(text, str) else text
    if output is None or output == "-":
        for chunk in chunks:
            sys.stdout.write(chunk)
        sys.stdout.flush()
        return
    check_output(output)
    target = Path(output)
    try:
        mode = target.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    except OSError as exc:
        raise OutputError(output, f"cannot write in folder {str(target.parent)!r}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            for chunk in chunks:
                fh.write(chunk.encode("utf-8", errors="replace"))
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise OutputError(output, f"cannot write: {exc.strerror or exc}") from None
        raise


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def _check_format(fmt: str) -> str:
    value = fmt.value if isinstance(fmt, enum.Enum) else str(fmt)
    if value not in FORMATS:
        raise ConfigError(f"unknown export format {value!r}; use one of {', '.join(FORMATS)}")
    return value


# ------------------------------------------------------------------------------------------ JSON


def audit_json(report: AuditReport, stories: Iterable[Story] | None = None) -> dict[str, Any]:
    """The audit as a JSON-ready dict, schema ``factcheck.audit/1`` (see the module docstring)."""
    return {
        "schema": AUDIT_SCHEMA_ID,
        "audit_id": report.audit_id,
        "created_at": report.created_at,
        "selection": _plain(report.selection),
        "params": _plain(report.params),
        "models": {"embedder": report.models.get("embedder"), "nli": report.models.get("nli")},
        "summary": report.summary(),
        "stories": [_story_json(s) for s in (report.stories if stories is None else stories)],
        "singletons": [_audit_doc_json(d) for d in report.singletons],
        "sources": [
            {"source": s.source, "documents": s.documents, "claims": s.claims, "confirmed": s.confirmed,
             "contradicted": s.contradicted, "unique": s.unique, "unclear": s.unclear}
            for s in report.sources
        ],
        "matrix": [
            {"source": p.source, "other": p.other, "matched": p.matched, "agree": p.agree,
             "contradict": p.contradict, "unclear": p.unclear, "agreement": _round(p.agreement)}
            for p in report.matrix
        ],
        "contested": [
            {"claim_id": c.claim_id, "story": c.story, "source": c.source, "lang": c.lang, "text": c.text,
             "contradicted_by": list(c.contradicted_by), "confirmed_by": list(c.confirmed_by),
             "score": _round(c.score), "evidence": list(c.evidence), "reasons": [str(r) for r in c.reasons]}
            for c in report.contested
        ],
    }


def _audit_json_chunks(report: AuditReport, stories: Iterable[Story]) -> Iterator[str]:
    """``json.dumps(audit_json(report), indent=2)`` written story by story (same text)."""
    text = json.dumps(audit_json(report, ()), ensure_ascii=False, indent=2)
    marker = '\n  "stories": [],\n'
    cut = text.index(marker)  # the first top-level key of that name: keys are in a fixed order
    yield text[:cut] + '\n  "stories": ['
    empty = True
    for s in stories:
        body = json.dumps(_story_json(s), ensure_ascii=False, indent=2)  # no raw newline inside strings
        yield ("\n" if empty else ",\n") + textwrap.indent(body, "    ")
        empty = False
    yield ("],\n" if empty else "\n  ],\n") + text[cut + len(marker):] + "\n"


def _story_json(s: Story) -> dict[str, Any]:
    return {
        "index": s.index,
        "label": s.label,
        "summary": s.summary(),
        "documents": [_audit_doc_json(d) for d in s.documents],
        "findings": [_audit_finding_json(f) for f in s.findings],
    }


def _audit_doc_json(d: AuditDocument) -> dict[str, Any]:
    return {"document_id": d.document_id, "path": d.path, "source": d.source, "lang": d.lang,
            "title": d.title, "date": d.date, "n_claims": d.n_claims}


def _audit_finding_json(f: AuditFinding) -> dict[str, Any]:
    evidence = None
    if f.evidence_text is not None:
        evidence = {"claim_id": f.evidence_claim_id, "text": f.evidence_text, "start": f.evidence_start,
                    "end": f.evidence_end, "similarity": _round(f.similarity)}
    return {
        "claim_id": f.claim_id, "document_id": f.document_id, "source": f.source, "lang": f.lang,
        "text": f.text, "start": f.start, "end": f.end,
        "other_document_id": f.other_document_id, "other_source": f.other_source,
        "verdict": Verdict(f.verdict).value, "confidence": _round(_clamp(f.confidence)),
        "evidence": evidence, "reasons": [str(r) for r in f.reasons],
    }


def _plain(value: Any) -> Any:
    """A JSON-ready copy of ``value``: dicts/lists/tuples recursively, floats rounded, enums as
    their value, anything else JSON cannot hold (paths, dates) as ``str``."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, enum.Enum):
        return _plain(value.value)
    if isinstance(value, float):
        return _round(value)
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_plain(v) for v in value]
        return sorted(items, key=str) if isinstance(value, (set, frozenset)) else items
    if hasattr(value, "item") and callable(value.item):  # numpy scalars
        return _plain(value.item())
    return str(value)


def _round(x: float | None) -> float | None:
    return None if x is None else round(float(x), 4)


def _clamp(x: float) -> float:
    return min(1.0, max(0.0, float(x)))


# ------------------------------------------------------------------------------------------- CSV


def defuse_cell(text: str) -> str:
    """``text`` made safe for a spreadsheet cell: a leading apostrophe if it would start a formula."""
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(round(value, 4))
    return defuse_cell(str(value))


def _csv(columns: tuple[str, ...], rows: Iterable[dict[str, Any]]) -> str:
    return "".join(_csv_chunks(columns, [rows]))


def _csv_chunks(columns: tuple[str, ...], groups: Iterable[Iterable[dict[str, Any]]]) -> Iterator[str]:
    """The header, then one string per group of rows."""
    buf = StringIO()
    writer = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(columns)
    for rows in groups:
        for row in rows:
            writer.writerow([_csv_value(row.get(c)) for c in columns])
        yield buf.getvalue()
        buf.seek(0)
        buf.truncate()
    yield buf.getvalue()


def _compare_csv(report: Report, path_a: str | None, path_b: str | None) -> str:
    paths = {"a": path_a if path_a is not None else report.a.path,
             "b": path_b if path_b is not None else report.b.path}
    langs = {"a": report.a.lang, "b": report.b.lang}

    def row(f: Finding) -> dict[str, Any]:
        other = "b" if f.side == "a" else "a"
        ev = f.evidence
        return {
            "side": f.side, "claim": claim_label(f.side, f.claim),
            "claim_start": f.claim.start, "claim_end": f.claim.end,
            "claim_lang": f.claim.lang or langs.get(f.side), "claim_kind": f.claim.kind,
            "claim_text": f.claim.text, "verdict": Verdict(f.verdict).value,
            "confidence": _clamp(f.confidence),
            "evidence": None if ev is None else claim_label(other, ev),
            "evidence_start": None if ev is None else ev.start,
            "evidence_end": None if ev is None else ev.end,
            "evidence_text": None if ev is None else ev.text,
            "similarity": None if f.similarity is None else float(f.similarity),
            "nli_entailment": None if f.nli is None else float(f.nli.entailment),
            "nli_neutral": None if f.nli is None else float(f.nli.neutral),
            "nli_contradiction": None if f.nli is None else float(f.nli.contradiction),
            "reasons": REASON_SEPARATOR.join(str(r) for r in f.reasons),
            "document": paths.get(f.side), "other_document": paths.get(other),
        }

    return _csv(COMPARE_CSV_COLUMNS, (row(f) for f in report.findings))


def _audit_csv(report: AuditReport, stories: Iterable[Story]) -> Iterator[str]:
    return _csv_chunks(AUDIT_CSV_COLUMNS, (_audit_csv_rows(s) for s in stories))


def _audit_csv_rows(story: Story) -> Iterator[dict[str, Any]]:
    paths = {d.document_id: d.path for d in story.documents}
    for f in story.findings:
        yield {
            "story": story.index, "story_label": story.label, "claim_id": f.claim_id,
            "document_id": f.document_id, "document_path": paths.get(f.document_id),
            "source": f.source, "lang": f.lang, "claim_start": f.start, "claim_end": f.end,
            "claim_text": f.text, "verdict": Verdict(f.verdict).value, "confidence": _clamp(f.confidence),
            "other_document_id": f.other_document_id, "other_source": f.other_source,
            "evidence_claim_id": f.evidence_claim_id, "evidence_start": f.evidence_start,
            "evidence_end": f.evidence_end, "evidence_text": f.evidence_text,
            "similarity": None if f.similarity is None else float(f.similarity),
            "reasons": REASON_SEPARATOR.join(str(r) for r in f.reasons),
        }


# -------------------------------------------------------------------------------------- Markdown

_MD_ESCAPES = {
    "\\": "\\\\", "`": "\\`", "*": "\\*", "_": "\\_", "[": "\\[", "]": "\\]", "|": "\\|", "~": "\\~",
    "&": "&amp;", "<": "&lt;", ">": "&gt;",
}


def md_escape(text: Any, newline: str = "<br>") -> str:
    """``text`` as inert Markdown for a table cell or heading: no markup, links, HTML or line
    breaks survive (every line break, including U+2028 and friends, becomes ``newline``)."""
    if text is None:
        return ""
    lines = str(text).splitlines() or [""]
    return newline.join("".join(_MD_ESCAPES.get(ch, ch) for ch in line) for line in lines)


def _md_table(header: list[str], rows: Iterable[list[Any]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    for r in rows:
        out.append("| " + " | ".join(str(c) if c not in (None, "") else "-" for c in r) + " |")
    return out


def _md_counts(counts: Mapping[str, int], total: int, noun: str = "claims") -> str:
    parts = " · ".join(f"{counts[v.value]} {v.value}" for v in VERDICT_ORDER)
    return f"**Verdicts:** {parts} ({total} {noun})"


def _md_reasons(reasons: Iterable[str]) -> str:
    return "<br>".join(md_escape(r, " ") for r in reasons)


def _compare_md(report: Report, path_a: str | None, path_b: str | None) -> str:
    a, b = report.a, report.b
    paths = (path_a if path_a is not None else a.path, path_b if path_b is not None else b.path)
    lines = ["# factcheck compare", ""]
    meta = [
        ["path", md_escape(paths[0]), md_escape(paths[1])],
        ["title", md_escape(a.title), md_escape(b.title)],
        ["language", md_escape(a.lang or "und"), md_escape(b.lang or "und")],
        ["date", md_escape(a.date), md_escape(b.date)],
    ]
    if a.source or b.source:
        meta.append(["source", md_escape(a.source), md_escape(b.source)])
    meta.append(["claims", len(report.claims_a), len(report.claims_b)])
    lines += _md_table(["", "A", "B"], meta)
    lines += ["", _md_counts(report.summary(), len(report.findings)), "",
              f"Models: embedder {md_escape(report.embedder)} · NLI {md_escape(report.nli or 'none')}", ""]
    if report.nli is None:
        lines += ["No NLI model was loaded: matched claims are 'unclear', never 'agree'.", ""]
    titles = {Verdict.CONTRADICT: "Contradictions", Verdict.AGREE: "Agreements",
              Verdict.UNCLEAR: "Unclear", Verdict.ABSENT: "Absent from the other article"}
    for verdict in VERDICT_ORDER:
        group = [f for f in report.findings if Verdict(f.verdict) is verdict]
        if not group:
            continue
        lines += [f"## {titles[verdict]} ({len(group)})", ""]
        rows = []
        for f in group:
            other = "b" if f.side == "a" else "a"
            evidence = "-"
            if f.evidence is not None:
                evidence = f"{claim_label(other, f.evidence)}: {md_escape(f.evidence.text)}"
                if f.similarity is not None:
                    evidence += f" (similarity {float(f.similarity):.2f})"
            rows.append([claim_label(f.side, f.claim), md_escape(f.claim.text),
                         f"{_clamp(f.confidence):.2f}", evidence, _md_reasons(f.reasons)])
        lines += _md_table(["claim", "text", "conf.", "evidence (other article)", "reasons"], rows)
        lines.append("")
    return "\n".join(lines)


def _audit_md(report: AuditReport, stories: Iterable[Story]) -> Iterator[str]:
    counts = report.summary()
    total = sum(counts.values())
    lines = [f"# factcheck audit {report.audit_id}", "", f"Created: {md_escape(report.created_at)}  ",
             f"Models: embedder {md_escape(report.models.get('embedder'))} · "
             f"NLI {md_escape(report.models.get('nli') or 'none')}  "]
    if report.selection:
        sel = "; ".join(f"{md_escape(k)}: {md_escape(_plain_text(v))}" for k, v in report.selection.items())
        lines.append(f"Selection: {sel}  ")
    if report.params:
        params = "; ".join(f"{md_escape(k)}: {md_escape(_plain_text(v))}" for k, v in report.params.items())
        lines.append(f"Parameters: {params}  ")
    n_docs = sum(len(s.documents) for s in report.stories)
    lines += [f"Stories: {len(report.stories)} ({n_docs} articles); articles no other article reports on: "
              f"{len(report.singletons)}", "", _md_counts(counts, total, "findings"), ""]

    if report.sources:
        lines += ["## Sources", ""]
        lines += _md_table(
            ["source", "articles", "claims", "confirmed", "contradicted", "unclear", "unique"],
            ([md_escape(s.source), s.documents, s.claims, s.confirmed, s.contradicted, s.unclear, s.unique]
             for s in report.sources),
        )
        lines += ["", "confirmed / contradicted: claims at least one other source agrees with / contradicts; "
                  "unique: claims no other source in the story reports.", ""]
    if report.matrix:
        lines += ["## Agreement matrix", "",
                  "Row: whose claims; column: the source they are checked against. Cell: agreement "
                  "(agree / (agree + contradict)), then agree / contradict / matched claims.", ""]
        names = _matrix_sources(report)
        cells = {(p.source, p.other): p for p in report.matrix}
        rows = []
        for src in names:
            row = [md_escape(src)]
            for other in names:
                p = cells.get((src, other))
                if src == other:
                    row.append("—")
                elif p is None or p.matched == 0:
                    row.append("-")
                else:
                    pct = "n/a" if p.agreement is None else f"{p.agreement:.0%}"
                    row.append(f"{pct} ({p.agree}/{p.contradict}/{p.matched})")
            rows.append(row)
        lines += _md_table(["claims of ↓ vs →"] + [md_escape(n) for n in names], rows)
        lines.append("")
    if report.contested:
        lines += ["## Most contested claims", ""]
        lines += _md_table(
            ["#", "source", "claim", "contradicted by", "confirmed by", "evidence", "reasons", "score"],
            ([i + 1, md_escape(c.source), md_escape(c.text), md_escape(", ".join(c.contradicted_by)),
              md_escape(", ".join(c.confirmed_by)), "<br>".join(md_escape(e) for e in c.evidence),
              _md_reasons(c.reasons), f"{c.score:.2f}"] for i, c in enumerate(report.contested)),
        )
        lines.append("")
    yield "\n".join(lines)
    for story in stories:
        lines = [""]  # the newline that joins it to the previous piece
        lines += [f"## Story {story.index + 1}: {md_escape(story.label, ' ')}", "",
                  _md_counts(story.summary(), len(story.findings), "findings"), ""]
        lines += _md_table(
            ["id", "source", "title", "language", "date", "claims", "path"],
            ([d.document_id, md_escape(d.source), md_escape(d.title), md_escape(d.lang or "und"),
              md_escape(d.date), d.n_claims, md_escape(d.path)] for d in story.documents),
        )
        lines.append("")
        for verdict in VERDICT_ORDER:
            group = [f for f in story.findings if Verdict(f.verdict) is verdict]
            if not group:
                continue
            lines += [f"### {verdict.value} ({len(group)})", ""]
            lines += _md_table(
                ["source", "claim", "against", "conf.", "evidence", "reasons"],
                ([md_escape(f.source), md_escape(f.text), md_escape(f.other_source),
                  f"{_clamp(f.confidence):.2f}", md_escape(f.evidence_text), _md_reasons(f.reasons)]
                 for f in group),
            )
            lines.append("")
        yield "\n".join(lines)
    if report.singletons:
        lines = [""]
        lines += ["## Articles no other article reports on", ""]
        lines += _md_table(
            ["id", "source", "title", "language", "date", "claims", "path"],
            ([d.document_id, md_escape(d.source), md_escape(d.title), md_escape(d.lang or "und"),
              md_escape(d.date), d.n_claims, md_escape(d.path)] for d in report.singletons),
        )
        lines.append("")
        yield "\n".join(lines)


def _matrix_sources(report: AuditReport) -> list[str]:
    """Sources for the matrix axes: ``report.sources`` order, then any only the matrix names."""
    names = [s.source for s in report.sources]
    for p in report.matrix:
        for n in (p.source, p.other):
            if n not in names:
                names.append(n)
    return names


def _plain_text(value: Any) -> str:
    value = _plain(value)
    if isinstance(value, list):
        return ", ".join(_plain_text(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}={_plain_text(v)}" for k, v in value.items())
    return "-" if value is None else str(value)
