"""Report stage: a ``Report`` as JSON (a versioned contract) or as a terminal report (rich).

In: a ``Report`` (both documents, their claims, one ``Finding`` per claim, the model ids).
Out: ``to_json`` -> a plain dict (schema ``JSON_SCHEMA_ID``) ready for ``json.dumps``;
``render`` -> prints a header, a verdict summary and a findings table to a rich Console;
``render_text`` -> the same, as a string (fixed width, no colour) for tests and logs;
``render_claims`` -> one article's claims (and optionally its dropped sentences), for ``claims``.

What holds:

* JSON text is always in logical order (exactly the article's characters); only the terminal
  report is reordered for display. Findings keep ``report.findings`` order in JSON; the table shows
  contradictions first, then agreements, unclear, absent, keeping the original order within each.
* Floats in JSON (confidence, similarity, NLI probabilities) are plain Python floats rounded to
  4 places, so numpy scalars never reach ``json.dumps`` and output is stable across runs.
* Every piece of article text in the terminal goes through ``BidiText``: with ``bidi="visual"`` it
  is wrapped to its column and reordered with the Unicode bidi algorithm (see ``factcheck.bidi``),
  and right-to-left cells are right-aligned; ``bidi="logical"`` leaves text for a bidi-capable
  terminal.
  Article text is never parsed as rich markup.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from io import StringIO
from typing import Any

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.measure import Measurement
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .bidi import MODES, paragraph_direction, visual_lines
from .errors import ConfigError
from .types import Claim, Document, Finding, Report, Sentence, Verdict

JSON_SCHEMA_ID = "factcheck.compare/1"

# Table order: what needs the reader's attention first.
VERDICT_ORDER = (Verdict.CONTRADICT, Verdict.AGREE, Verdict.UNCLEAR, Verdict.ABSENT)
VERDICT_STYLES = {
    Verdict.AGREE: "green",
    Verdict.CONTRADICT: "bold red",
    Verdict.UNCLEAR: "yellow",
    Verdict.ABSENT: "dim",
}


# ------------------------------------------------------------------------------------------ JSON


def to_json(report: Report, path_a: str | None = None, path_b: str | None = None) -> dict[str, Any]:
    """The report as a JSON-ready dict, schema ``factcheck.compare/1``.

    ``path_a``/``path_b`` are the paths as the user gave them; when None, ``Document.path`` is used.
    """
    return {
        "schema": JSON_SCHEMA_ID,
        "a": _doc_json(report.a, path_a, len(report.claims_a)),
        "b": _doc_json(report.b, path_b, len(report.claims_b)),
        "findings": [_finding_json(f) for f in report.findings],
        "summary": report.summary(),
        "models": {"embedder": report.embedder, "nli": report.nli},
    }


def _doc_json(doc: Document, path: str | None, n_claims: int) -> dict[str, Any]:
    return {
        "path": path if path is not None else doc.path,
        "title": doc.title,
        "lang": doc.lang or "und",
        "date": doc.date,
        "n_claims": n_claims,
    }


def _finding_json(f: Finding) -> dict[str, Any]:
    evidence = None
    if f.evidence is not None:
        evidence = {
            "text": f.evidence.text,
            "start": f.evidence.start,
            "end": f.evidence.end,
            "similarity": _round(f.similarity),
        }
    return {
        "side": f.side,
        "claim": {
            "text": f.claim.text,
            "start": f.claim.start,
            "end": f.claim.end,
            "sentence": f.claim.sentence,
        },
        "verdict": Verdict(f.verdict).value,
        "confidence": _round(min(1.0, max(0.0, float(f.confidence)))),
        "evidence": evidence,
        "nli": None if f.nli is None else {k: _round(v) for k, v in f.nli.as_dict().items()},
        "reasons": [str(r) for r in f.reasons],
    }


def _round(x: float | None) -> float | None:
    return None if x is None else round(float(x), 4)


# -------------------------------------------------------------------------------------- terminal


class BidiText:
    """A rich renderable for article text that reads right in a terminal without bidi support.

    Rendered at the width rich gives it: in ``"visual"`` mode the text is wrapped and reordered by
    ``factcheck.bidi.visual_lines`` and printed without further wrapping, right-aligned when the
    text is right-to-left; in ``"logical"`` mode it is a plain ``Text`` that rich wraps itself.
    """

    def __init__(
        self, text: str, *, mode: str = "visual", style: str = "", lang: str | None = None
    ) -> None:
        self.text = text
        self.mode = mode
        self.style = style
        self.lang = lang  # a hint for the base direction (the claim's or document's language)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        words = self.text.split()
        if not words:
            return Measurement(0, 0)
        longest_word = max(Text(w).cell_len for w in words)
        longest_line = max(Text(" ".join(p.split())).cell_len for p in self.text.split("\n"))
        return Measurement(longest_word, longest_line).clamp(max_width=options.max_width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if self.mode == "logical":
            yield Text(self.text, style=self.style)
            return
        direction = paragraph_direction(self.text, self.lang)
        lines = visual_lines(self.text, max(1, options.max_width), direction)
        yield Text(
            "\n".join(lines),
            style=self.style,
            justify="right" if direction == "R" else "left",
            no_wrap=True,
            overflow="fold",
        )


def render(
    report: Report,
    console: Console,
    *,
    bidi: str = "visual",
    show: Iterable[str | Verdict] | None = None,
    all_claims: bool = False,
) -> None:
    """Print the report: header with both articles, a verdict summary, then the findings table.

    ``bidi``: ``"visual"`` (reorder right-to-left text for terminals without bidi, the default) or
    ``"logical"`` (terminals that do bidi themselves). ``show``: the verdicts to list in the table
    (default all); the summary always counts every finding. Claims below the check-worthiness
    threshold (slogans, filler: ``claims.HIDE_BELOW``) are left out of the table unless
    ``all_claims``, except contradictions; a line says how many were left out.
    """
    if bidi not in MODES:
        raise ConfigError(f"unknown bidi mode {bidi!r}; use one of {', '.join(MODES)}")
    wanted = _parse_show(show)
    console.print(_header(report, bidi))
    console.print(_summary_line(report, wanted))
    if report.nli is None:
        console.print(Text("No NLI model loaded: matched claims are 'unclear', never 'agree' "
                           "(similarity alone is not agreement); number/date conflicts still show as "
                           "'contradict'.", style="dim"))
    from .claims import HIDE_BELOW

    def worth_showing(f: Finding) -> bool:
        cw = f.claim.checkworthiness
        return all_claims or cw is None or cw >= HIDE_BELOW or Verdict(f.verdict) is Verdict.CONTRADICT

    listed = [f for f in report.findings if Verdict(f.verdict) in wanted]
    findings = sorted((f for f in listed if worth_showing(f)), key=lambda f: VERDICT_ORDER.index(Verdict(f.verdict)))
    if len(findings) < len(listed):
        console.print(Text(f"{len(listed) - len(findings)} claims with low check-worthiness (slogans, filler) "
                           "not listed; --all-claims lists them.", style="dim"))
    if findings:
        langs = {"a": report.a.lang, "b": report.b.lang}
        console.print(_findings_table(findings, bidi, langs))
    else:
        console.print(Text("No findings to show.", style="dim"))


def render_text(
    report: Report,
    width: int = 120,
    bidi: str = "visual",
    show: Iterable[str | Verdict] | None = None,
    all_claims: bool = False,
) -> str:
    """``render`` into a string: fixed width, no colour, no terminal codes."""
    buf = StringIO()
    console = Console(
        file=buf,
        width=width,
        no_color=True,
        force_terminal=False,
        color_system=None,
        highlight=False,
        emoji=False,
        legacy_windows=False,
    )
    render(report, console, bidi=bidi, show=show, all_claims=all_claims)
    return buf.getvalue()


def _parse_show(show: Iterable[str | Verdict] | None) -> set[Verdict]:
    if show is None:
        return set(Verdict)
    wanted = set()
    for item in show:
        try:
            wanted.add(Verdict(str(item).strip().lower()))
        except ValueError:
            names = ", ".join(v.value for v in VERDICT_ORDER)
            raise ConfigError(f"--show: unknown verdict {item!r}; use {names}") from None
    return wanted


def _header(report: Report, mode: str) -> Panel:
    grid = _documents_grid(
        [("A", report.a, len(report.claims_a)), ("B", report.b, len(report.claims_b))], mode
    )
    models = f"embedder {report.embedder} · NLI {report.nli or 'none'}"
    subtitle = Text(models, style="dim")
    return Panel(grid, title="factcheck compare", subtitle=subtitle, box=box.ROUNDED)


def _documents_grid(docs: list[tuple[str, Document, int]], mode: str) -> Table:
    """One column per document: path, title, language, date, source (if any), claim count."""
    grid = Table.grid(padding=(0, 2), expand=True)
    grid.add_column(style="bold", no_wrap=True)
    for _ in docs:
        grid.add_column(ratio=1)
    if len(docs) > 1:
        grid.add_row("", *(Text(label, style="bold") for label, _, _ in docs))

    def row(label: str, values: list[str | None], style: str = "", langs=None) -> None:
        langs = langs or [None] * len(values)
        grid.add_row(label, *(_cell(v, mode, style, lang) for v, lang in zip(values, langs)))

    row("path", [d.path for _, d, _ in docs])
    row("title", [d.title for _, d, _ in docs], "bold", [d.lang for _, d, _ in docs])
    row("language", [d.lang or "und" for _, d, _ in docs])
    row("date", [d.date for _, d, _ in docs])
    if any(d.source for _, d, _ in docs):
        row("source", [d.source for _, d, _ in docs])
    row("claims", [str(n) for _, _, n in docs])
    return grid


def _cell(
    text: str | None, mode: str, style: str = "", lang: str | None = None
) -> BidiText | Text:
    if not text:
        return Text("-", style="dim")
    return BidiText(text, mode=mode, style=style, lang=lang)


def _summary_line(report: Report, wanted: set[Verdict]) -> Text:
    counts = report.summary()
    line = Text("Verdicts: ", style="bold")
    for i, verdict in enumerate(VERDICT_ORDER):
        if i:
            line.append(" · ")
        line.append(f"{counts[verdict.value]} {verdict.value}", style=VERDICT_STYLES[verdict])
    line.append(f"  ({len(report.findings)} claims)")
    if wanted != set(Verdict):
        shown = ", ".join(v.value for v in VERDICT_ORDER if v in wanted)
        line.append(f"  showing: {shown}", style="dim")
    return line


def _findings_table(findings: list[Finding], mode: str, langs: dict[str, str | None]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_lines=True, expand=True, pad_edge=False)
    table.add_column("", no_wrap=True)
    table.add_column("claim", ratio=4)
    table.add_column("verdict", no_wrap=True)
    table.add_column("conf", justify="right", no_wrap=True)
    table.add_column("evidence (other article)", ratio=4)
    table.add_column("reasons", ratio=3)
    for f in findings:
        verdict = Verdict(f.verdict)
        label = claim_label(f.side, f.claim) + (f"\n{f.claim.kind}" if f.claim.kind else "")
        table.add_row(
            Text(label),
            BidiText(f.claim.text, mode=mode, lang=f.claim.lang or langs[f.side]),
            Text(verdict.value, style=VERDICT_STYLES[verdict]),
            Text(f"{float(f.confidence):.2f}"),
            _evidence_cell(f, mode, langs),
            Group(*(BidiText(r, mode=mode) for r in f.reasons)) if f.reasons else Text(""),
        )
    return table


def _evidence_cell(f: Finding, mode: str, langs: dict[str, str | None]) -> Group | Text:
    if f.evidence is None:
        return Text("-", style="dim")
    other = "b" if f.side == "a" else "a"
    lang = f.evidence.lang or langs[other]
    scores = claim_label(other, f.evidence)
    if f.similarity is not None:
        scores += f" · sim {float(f.similarity):.2f}"
    parts = [BidiText(f.evidence.text, mode=mode, lang=lang), Text(scores, style="dim")]
    if f.nli is not None:
        n = f.nli
        nli = f"NLI e{n.entailment:.2f} n{n.neutral:.2f} c{n.contradiction:.2f}"
        parts.append(Text(nli, style="dim"))
    return Group(*parts)


def claim_label(side: str, claim: Claim) -> str:
    """How the terminal report names a claim: side letter and 1-based index, e.g. "A3"."""
    return f"{side.upper()}{claim.index + 1}"


def render_claims(
    doc: Document,
    claims: Sequence[Claim],
    sentences: Sequence[Sentence] | None,
    console: Console,
    *,
    bidi: str = "visual",
) -> None:
    """Print one article's header and its claims (kind, quantities); with ``sentences``, also the
    sentences dropped as boilerplate and why."""
    if bidi not in MODES:
        raise ConfigError(f"unknown bidi mode {bidi!r}; use one of {', '.join(MODES)}")
    console.print(Panel(_documents_grid([("", doc, len(claims))], bidi), title="factcheck claims"))
    if claims:
        table = Table(box=box.SIMPLE_HEAD, show_lines=True, expand=True, pad_edge=False)
        table.add_column("", no_wrap=True)
        table.add_column("claim", ratio=5)
        table.add_column("kind", no_wrap=True)
        table.add_column("quantities", ratio=2)
        for c in claims:
            quantities = Group(*(BidiText(q.display(), mode=bidi) for q in c.quantities))
            table.add_row(
                Text(str(c.index + 1)),
                BidiText(c.text, mode=bidi, lang=c.lang or doc.lang),
                Text(c.kind or "-", style="" if c.kind else "dim"),
                quantities if c.quantities else Text("-", style="dim"),
            )
        console.print(table)
    else:
        console.print(Text("No claims found.", style="dim"))
    dropped = [s for s in sentences or () if s.boilerplate]
    if dropped:
        table = Table(title="dropped sentences", box=box.SIMPLE_HEAD, expand=True, pad_edge=False)
        table.add_column("sentence", ratio=5)
        table.add_column("reason", no_wrap=True, style="dim")
        for s in dropped:
            table.add_row(BidiText(s.text, mode=bidi, lang=s.lang or doc.lang), Text(s.boilerplate))
        console.print(table)
