"""Terminal rendering of an ``AuditReport`` and of search results (rich).

In:  an ``AuditReport`` (``factcheck.audit.build_report``) or a list of ``search.Hit``; a rich Console.
Out: printed tables: stories (articles, outlets, verdict counts), per-source statistics, the
     source-by-source agreement matrix, the most contested claims with who contradicts them and
     why, and each story's contradictions; for search, each hit with its cross-language
     counterparts and their verdict history.
Holds: article text goes through ``report.BidiText`` (right-to-left text reordered for terminals
without bidi support unless ``bidi="logical"``) and is never parsed as rich markup.
"""
from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .report import VERDICT_STYLES, BidiText
from .types import AuditReport, Verdict


def _n(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{100 * x:.0f}%"


MAX_STORIES = 30  # stories listed in the terminal; exports list them all


def render_audit(report: AuditReport, console: Console, *, bidi: str = "visual", details: int = 5,
                 max_stories: int = MAX_STORIES) -> None:
    """The audit as terminal tables: header, stories (the ``max_stories`` most contradicted when
    there are more), sources, agreement matrix, most contested claims, singletons."""
    counts = report.summary()
    n_docs = sum(len(s.documents) for s in report.stories) + len(report.singletons)
    head = Text.assemble(
        (f"audit #{report.audit_id}", "bold"), f" · {report.created_at} · {_n(n_docs, 'article')} · "
        f"{_n(len(report.stories), 'story', 'stories')} · "
        f"{_n(len(report.singletons), 'article')} without a counterpart\n",
        ("contradict ", VERDICT_STYLES[Verdict.CONTRADICT]), str(counts["contradict"]), "   ",
        ("agree ", VERDICT_STYLES[Verdict.AGREE]), str(counts["agree"]), "   ",
        ("unclear ", VERDICT_STYLES[Verdict.UNCLEAR]), str(counts["unclear"]), "   ",
        ("absent ", VERDICT_STYLES[Verdict.ABSENT]), str(counts["absent"]),
    )
    models = report.models or {}
    console.print(Panel(head, title="factcheck audit", box=box.ROUNDED,
                        subtitle=Text(f"embedder {models.get('embedder')} · NLI {models.get('nli') or 'none'}",
                                      style="dim")))

    shown = list(report.stories)
    title = "Stories"
    if len(shown) > max_stories:
        shown = sorted(shown, key=lambda s: (-s.summary()["contradict"], s.index))[:max_stories]
        title = (f"Stories: the {max_stories} of {len(report.stories)} with the most contradictions "
                 f"(every story is in --format html, md, json or csv)")
    t = Table(title=title, box=box.SIMPLE_HEAVY, show_lines=False, expand=True)
    t.add_column("#", justify="right", no_wrap=True)
    t.add_column("story", ratio=3)
    t.add_column("articles", justify="right")
    t.add_column("sources", ratio=2)
    for v in (Verdict.CONTRADICT, Verdict.AGREE, Verdict.UNCLEAR, Verdict.ABSENT):
        t.add_column(v.value, justify="right", style=VERDICT_STYLES[v])
    for s in shown:
        c = s.summary()
        srcs = ", ".join(sorted({d.source for d in s.documents}))
        t.add_row(str(s.index + 1), BidiText(s.label, mode=bidi, lang=s.documents[0].lang), str(len(s.documents)),
                  Text(srcs), str(c["contradict"]), str(c["agree"]), str(c["unclear"]), str(c["absent"]))
    console.print(t)

    t = Table(title="Sources (check-worthy claims; confirmed / contradicted by other sources)",
              box=box.SIMPLE_HEAVY, expand=True)
    for col in ("source", "articles", "claims", "confirmed", "contradicted", "unclear", "only here"):
        t.add_column(col, justify="left" if col == "source" else "right")
    for s in report.sources:
        t.add_row(Text(s.source), str(s.documents), str(s.claims), str(s.confirmed),
                  Text(str(s.contradicted), style="bold red" if s.contradicted else ""), str(s.unclear), str(s.unique))
    console.print(t)

    if report.matrix:
        names = sorted({p.source for p in report.matrix} | {p.other for p in report.matrix})
        cell = {(p.source, p.other): p for p in report.matrix}
        t = Table(title="Agreement: agree / (agree + contradict) of the row's claims matched in the "
                        "column's articles (✗ contradictions, n matched)", box=box.SIMPLE_HEAVY)
        t.add_column("claims of ↓ checked in →")
        for n in names:
            t.add_column(Text(n), justify="right")
        for a in names:
            row = [Text(a)]
            for b in names:
                p = cell.get((a, b))
                if p is None or p.matched == 0:
                    row.append(Text("·", style="dim"))
                else:
                    style = "bold red" if p.contradict else ""
                    row.append(Text(f"{_pct(p.agreement)} ✗{p.contradict} n{p.matched}", style=style))
            t.add_row(*row)
        console.print(t)

    if report.contested:
        t = Table(title="Most contested claims", box=box.SIMPLE_HEAVY, expand=True, show_lines=True)
        t.add_column("#", justify="right")
        t.add_column("claim", ratio=3)
        t.add_column("source")
        t.add_column("contradicted by")
        t.add_column("evidence and reasons", ratio=3)
        for i, c in enumerate(report.contested, 1):
            ev = Group(*[BidiText(e, mode=bidi) for e in c.evidence[:2]],
                       *[Text(r, style="italic") for r in c.reasons[:3]])
            t.add_row(str(i), BidiText(c.text, mode=bidi, lang=c.lang), Text(c.source),
                      Text(", ".join(c.contradicted_by), style="red"), ev)
        console.print(t)
    else:
        console.print(Text("No claim is contradicted by another source.", style="green"))
    if report.singletons:
        console.print(Text(f"{_n(len(report.singletons), 'article shares', 'articles share')} no story with any other: "
                           + ", ".join(d.path.rsplit('/', 1)[-1] for d in report.singletons[:details])
                           + (" …" if len(report.singletons) > details else ""), style="dim"))


def render_hits(hits: Sequence, console: Console, *, bidi: str = "visual") -> None:
    if not hits:
        console.print(Text("No stored claim is close to the query.", style="dim"))
        return
    for i, h in enumerate(hits, 1):
        title = Text.assemble((f"{i}. ", "bold"), (f"{h.similarity:.3f}", "cyan"), "  ",
                              Text(f"{h.source} · {h.lang or 'und'} · {h.date or 'undated'} · {h.path}", style="dim"))
        body = [BidiText(h.text, mode=bidi, lang=h.lang)]
        if h.history:
            t = Table(box=box.MINIMAL, expand=True, show_header=True)
            t.add_column("verdict", no_wrap=True)
            t.add_column("counterpart", ratio=3)
            t.add_column("source · lang")
            t.add_column("when", no_wrap=True)
            for e in h.history:
                v = Verdict(e.verdict)
                t.add_row(Text(f"{v.value} {e.confidence:.2f}", style=VERDICT_STYLES[v]),
                          BidiText(e.evidence_text or "—", mode=bidi, lang=e.evidence_lang),
                          Text(f"{e.evidence_source or ''} · {e.evidence_lang or ''}"), Text(e.when or ""))
            body.append(t)
        else:
            body.append(Text("never cross-checked (run an audit)", style="dim"))
        console.print(Panel(Group(*body), title=title, title_align="left", box=box.ROUNDED))
