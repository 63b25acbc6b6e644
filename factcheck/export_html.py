"""HTML export: one self-contained, script-free page for a compare or an audit.

In:  a ``Report`` (``compare_html``) or an ``AuditReport`` (``audit_html``; ``audit_html_chunks``
     with an iterable of stories carrying their findings, read once).
Out: the page as one ``str`` (UTF-8 when written; ``<meta charset="utf-8">``), or as pieces: the
     audit's story sections are rendered one story at a time into a temporary file, so memory does
     not grow with the audit (the header, which links into the stories, is written first).

What holds:

* Every piece of article text and metadata (titles, paths, sources, reasons, model ids, audit
  selection) goes through ``html.escape(..., quote=True)``; nothing from the input is ever written
  as markup, an attribute name or a URL. Ids and classes are built from integers and verdict names.
* The page contains no JavaScript and loads nothing: no external fonts, scripts, styles or images.
  A ``Content-Security-Policy`` meta tag (``default-src 'none'; style-src 'unsafe-inline';
  img-src data:``) blocks scripts and network requests even if escaping were ever wrong.
* Every element holding article text has ``dir="auto"`` (and ``lang`` when known), so Urdu and
  Arabic read right to left and mixed text is isolated from its neighbours. The one exception is
  by design: claim highlights inside an article body are runs of its paragraphs, not isolates
  (the body is ``dir="auto"`` with ``unicode-bidi: plaintext``: each line takes its own direction).
* Articles are shown in full, in logical order, with each claim span ``[start, end)`` highlighted
  by verdict. A span links to its finding and the finding links back to its span and to its
  evidence in the other article. Spans with offsets outside the text are skipped; overlapping spans
  are clipped so markup never nests.
* Verdict filters are checkboxes styled with ``:has()`` selectors: unticking a verdict hides its
  findings and removes its highlight. Printing keeps the current filter and colours.
"""
from __future__ import annotations

import re
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from .report import VERDICT_ORDER, claim_label
from .types import AuditDocument, AuditReport, Claim, Document, Report, Story, Verdict

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
_LANG_RE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


def _e(value: Any) -> str:
    return escape("" if value is None else str(value), quote=True)


def _lang_attr(lang: str | None) -> str:
    """`` lang="ur"`` for a well-formed language tag, else nothing (the tag is input too)."""
    return f' lang="{_e(lang)}"' if lang and _LANG_RE.match(lang) else ""


def _t(text: Any, lang: str | None = None, tag: str = "span", cls: str = "") -> str:
    """Article text or metadata in its own element with ``dir="auto"``."""
    klass = f' class="{cls}"' if cls else ""
    return f'<{tag}{klass} dir="auto"{_lang_attr(lang)}>{_e(text)}</{tag}>'


def _badge(verdict: Verdict) -> str:
    return f'<span class="badge v-{verdict.value}">{verdict.value}</span>'


# ----------------------------------------------------------------------------------- highlighting


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    id: str
    verdict: Verdict | None  # None: evidence only (no finding of its own)
    href: str | None  # the finding row it links to
    title: str


def _highlight(text: str, spans: Iterable[_Span]) -> tuple[str, set[str]]:
    """``text`` escaped, with each valid span wrapped in a link; returns it and the ids emitted.

    The spans get no ``dir`` of their own: they are runs inside the article's paragraphs, and a
    ``dir`` attribute would make each one a bidi isolate, which the paragraph-direction rule skips
    (an Urdu line that is one claim would then be laid out left to right). The article body has
    ``dir="auto"`` and ``unicode-bidi: plaintext``, so each line takes the direction of its first
    strong character, as in a text editor.
    """
    valid = sorted((s for s in spans if 0 <= s.start < s.end <= len(text)), key=lambda s: (s.start, -s.end))
    out: list[str] = []
    emitted: set[str] = set()
    pos = 0
    for s in valid:
        if s.id in emitted:
            continue
        start = max(s.start, pos)
        if start >= s.end:
            continue
        out.append(_e(text[pos:start]))
        cls = f"span v-{s.verdict.value}" if s.verdict else "span v-none"
        tag, href = ("a", f' href="#{_e(s.href)}"') if s.href else ("span", "")
        out.append(f'<{tag} class="{cls}" id="{_e(s.id)}"{href} title="{_e(s.title)}">'
                   f"{_e(text[start:s.end])}</{tag}>")
        emitted.add(s.id)
        pos = s.end
    out.append(_e(text[pos:]))
    return "".join(out), emitted


def _ref(target: str, label: str, ids: set[str]) -> str:
    """A link to ``#target`` when that anchor exists on the page, else the plain label."""
    return f'<a class="ref" href="#{_e(target)}">{_e(label)}</a>' if target in ids else f'<span class="ref">{_e(label)}</span>'


# ------------------------------------------------------------------------------------ page frame


_CSS = """
:root{--ink:#1d2329;--muted:#5b6670;--line:#d9dee3;--paper:#fff;--soft:#f5f7f9;--accent:#23527c;
--agree:#1b6e35;--agree-bg:#d9f0df;--contradict:#b3261e;--contradict-bg:#fbdcd8;
--unclear:#7a5200;--unclear-bg:#fcefc4;--absent:#56616b;--absent-bg:#e6eaee;--none-bg:#e4ecf7;}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--soft);color:var(--ink);font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,
"Noto Sans","Liberation Sans","DejaVu Sans",sans-serif}
:lang(ar){font-family:"Noto Naskh Arabic","Noto Sans Arabic","Segoe UI","Geeza Pro","DejaVu Sans",sans-serif}
:lang(ur){font-family:"Noto Nastaliq Urdu","Jameel Noori Nastaleeq","Noto Naskh Arabic","Segoe UI","DejaVu Sans",sans-serif;line-height:2.2}
main{max-width:1320px;margin:0 auto;padding:24px 28px 48px}
header.top{background:var(--paper);border:1px solid var(--line);border-radius:10px;padding:18px 22px;margin-bottom:18px}
h1{font-size:22px;margin:0 0 4px;letter-spacing:-.01em}
h2{font-size:18px;margin:28px 0 10px;padding-bottom:4px;border-bottom:2px solid var(--line)}
h3{font-size:15px;margin:16px 0 8px}
.meta{color:var(--muted);font-size:13px;margin:2px 0;overflow-wrap:anywhere}
.meta b{color:var(--ink);font-weight:600}
.docs{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:12px;margin-top:12px}
.doc{border:1px solid var(--line);border-radius:8px;padding:10px 14px;background:var(--soft)}
.doc .title{display:block;font-weight:600;font-size:16px;margin:2px 0 6px;overflow-wrap:anywhere}
.doc dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0;font-size:13px}
.doc dt{color:var(--muted)}.doc dd{margin:0;overflow-wrap:anywhere}
.side{display:inline-block;min-width:1.6em;padding:0 6px;border-radius:4px;background:var(--accent);color:#fff;
font-weight:700;font-size:12px;text-align:center;margin-inline-end:6px}
.filters{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin:14px 0 0}
.filters .label{color:var(--muted);font-size:13px;margin-inline-end:4px}
.chip{display:inline-flex;align-items:center;gap:6px;border:1px solid var(--line);border-radius:999px;padding:3px 12px 3px 8px;
font-size:14px;cursor:pointer;user-select:none;background:var(--paper)}
.chip input{margin:0;accent-color:var(--accent)}
.chip b{font-variant-numeric:tabular-nums}
.chip.v-agree{background:var(--agree-bg);border-color:var(--agree)}
.chip.v-contradict{background:var(--contradict-bg);border-color:var(--contradict)}
.chip.v-unclear{background:var(--unclear-bg);border-color:var(--unclear)}
.chip.v-absent{background:var(--absent-bg);border-color:var(--absent)}
.chip:has(input:not(:checked)){background:var(--paper);opacity:.6;text-decoration:line-through}
.hint{color:var(--muted);font-size:12.5px;margin:6px 0 0}
section.card{background:var(--paper);border:1px solid var(--line);border-radius:10px;padding:6px 22px 18px;margin-bottom:18px}
.articles{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:18px}
article{border:1px solid var(--line);border-radius:8px;background:var(--paper);min-width:0}
article h3{margin:0;padding:8px 14px;background:var(--soft);border-bottom:1px solid var(--line);border-radius:8px 8px 0 0;
font-size:14px;overflow-wrap:anywhere}
.text{unicode-bidi:plaintext;text-align:start;white-space:pre-wrap;overflow-wrap:anywhere;padding:12px 16px;font-size:15.5px;line-height:1.75;margin:0}
.text:lang(ur){line-height:3}
.span{color:inherit;text-decoration:none;border-radius:3px;padding:1px 2px;margin:0 1px;border-bottom:2px solid transparent;
-webkit-box-decoration-break:clone;box-decoration-break:clone}
a.span:hover{outline:1px solid var(--accent)}
.span:target,tr:target{outline:3px solid var(--accent);outline-offset:1px}
.v-agree.span{background:var(--agree-bg);border-bottom-color:var(--agree)}
.v-contradict.span{background:var(--contradict-bg);border-bottom-color:var(--contradict)}
.v-unclear.span{background:var(--unclear-bg);border-bottom-color:var(--unclear)}
.v-absent.span{background:var(--absent-bg);border-bottom-color:var(--absent)}
.v-none.span{background:var(--none-bg)}
table{border-collapse:collapse;width:100%;font-size:14px}
table.findings{table-layout:fixed}
.w5{width:5%}.w8{width:8%}.w9{width:9%}.w15{width:15%}.w22{width:22%}.w25{width:25%}.w29{width:29%}.w32{width:32%}.w33{width:33%}
th{text-align:start;font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);
border-bottom:2px solid var(--line);padding:6px 8px;vertical-align:bottom}
td{border-bottom:1px solid var(--line);padding:7px 8px;vertical-align:top;overflow-wrap:anywhere}
td.num{text-align:end;font-variant-numeric:tabular-nums;white-space:nowrap}
td.nowrap{white-space:nowrap}
tr.finding.v-contradict td:first-child{box-shadow:inset 4px 0 0 var(--contradict)}
tr.finding.v-agree td:first-child{box-shadow:inset 4px 0 0 var(--agree)}
tr.finding.v-unclear td:first-child{box-shadow:inset 4px 0 0 var(--unclear)}
tr.finding.v-absent td:first-child{box-shadow:inset 4px 0 0 var(--absent)}
.badge{display:inline-block;border-radius:4px;padding:0 7px;font-size:12.5px;font-weight:600;white-space:nowrap}
.badge.v-agree{background:var(--agree-bg);color:var(--agree)}
.badge.v-contradict{background:var(--contradict-bg);color:var(--contradict)}
.badge.v-unclear{background:var(--unclear-bg);color:var(--unclear)}
.badge.v-absent{background:var(--absent-bg);color:var(--absent)}
.claim,.evidence{display:block}
.evidence{color:#333b42}
.ref{font-weight:600;color:var(--accent);text-decoration:none;font-size:12.5px;margin-inline-end:6px;white-space:nowrap}
a.ref:hover{text-decoration:underline}
.small{color:var(--muted);font-size:12.5px}
ul.reasons{margin:0;padding-inline-start:16px}
ul.reasons li{margin:0 0 2px}
.matrix td,.matrix th{text-align:center}
.matrix th{text-transform:none;letter-spacing:0;font-size:13px}
.matrix th.row{text-align:start;text-transform:none;font-size:14px;color:var(--ink);letter-spacing:0}
.matrix td{border:1px solid var(--paper);font-variant-numeric:tabular-nums}
.matrix td .small{display:block}
.agr-0{background:#f4c7c1}.agr-1{background:#f6d3c3}.agr-2{background:#f8dfc6}.agr-3{background:#fae9c8}
.agr-4{background:#fbf0cb}.agr-5{background:#f4f2cc}.agr-6{background:#e7f0cc}.agr-7{background:#d9ecce}
.agr-8{background:#cce7cf}.agr-9{background:#bfe1cf}.agr-10{background:#b2dbcf}.agr-na{background:var(--soft)}
.diag{background:var(--soft);color:var(--muted)}
nav.toc{font-size:14px;margin-top:10px}
nav.toc a{color:var(--accent);text-decoration:none;margin-inline-end:14px}
details>summary{cursor:pointer;color:var(--muted);font-size:13px}
footer{color:var(--muted);font-size:12px;text-align:center;margin-top:24px}
body:has(#show-agree:not(:checked)) .finding.v-agree,
body:has(#show-contradict:not(:checked)) .finding.v-contradict,
body:has(#show-unclear:not(:checked)) .finding.v-unclear,
body:has(#show-absent:not(:checked)) .finding.v-absent{display:none}
body:has(#show-agree:not(:checked)) .span.v-agree,
body:has(#show-contradict:not(:checked)) .span.v-contradict,
body:has(#show-unclear:not(:checked)) .span.v-unclear,
body:has(#show-absent:not(:checked)) .span.v-absent{background:none;border-bottom-color:transparent}
@media print{
 body{background:#fff;font-size:11pt}
 main{max-width:none;padding:0}
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 header.top,section.card,article{border-color:#bbb;break-inside:auto}
 .chip input,.hint,nav.toc{display:none}
 tr,.doc{break-inside:avoid}
 a{color:inherit}
 .articles{grid-template-columns:1fr 1fr}
}
"""


def _page(title: str, body: str) -> str:
    return _page_head(title) + f"{body}\n" + _PAGE_TAIL


_PAGE_TAIL = (
    '<footer>Generated by factcheck. This page runs no scripts and loads nothing from the network.</footer>\n'
    "</main>\n</body>\n</html>\n"
)


def _page_head(title: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="generator" content="factcheck">\n'
        f"<title>{_e(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n<main>\n"
    )


def _filters(counts: Mapping[str, int]) -> str:
    chips = "".join(
        f'<label class="chip v-{v.value}"><input type="checkbox" id="show-{v.value}" checked>'
        f"<b>{counts.get(v.value, 0)}</b> {v.value}</label>"
        for v in VERDICT_ORDER
    )
    return (f'<div class="filters"><span class="label">Show:</span>{chips}</div>'
            '<p class="hint">Untick a verdict to hide its findings and highlights. '
            "Click a highlighted claim to jump to its finding.</p>")


def _models(models: Mapping[str, Any]) -> str:
    return (f'<p class="meta"><b>Models</b> embedder {_t(models.get("embedder") or "none")} · '
            f'NLI {_t(models.get("nli") or "none")}</p>')


def _colgroup(*percent: int) -> str:
    """Column widths for a fixed-layout table, as classes (``.w33 {width: 33%}`` in the CSS)."""
    return "<colgroup>" + "".join(f'<col class="w{p}">' for p in percent) + "</colgroup>"


def _reasons(reasons: Sequence[str]) -> str:
    if not reasons:
        return ""
    return '<ul class="reasons">' + "".join(f"<li>{_t(r)}</li>" for r in reasons) + "</ul>"


# --------------------------------------------------------------------------------------- compare


def compare_html(report: Report, path_a: str | None = None, path_b: str | None = None) -> str:
    """The compare report as one HTML page (see the module docstring for what holds)."""
    docs = {"a": report.a, "b": report.b}
    paths = {"a": path_a if path_a is not None else report.a.path,
             "b": path_b if path_b is not None else report.b.path}
    n_claims = {"a": len(report.claims_a), "b": len(report.claims_b)}

    def span_id(side: str, c: Claim) -> str:
        return f"{side}-{c.start}-{c.end}"

    rows_for: dict[str, str] = {}
    spans: dict[str, list[_Span]] = {"a": [], "b": []}
    for i, f in enumerate(report.findings):
        if f.side not in docs:
            continue
        sid = span_id(f.side, f.claim)
        rows_for.setdefault(sid, f"f{i}")
        v = Verdict(f.verdict)
        spans[f.side].append(_Span(f.claim.start, f.claim.end, sid, v, rows_for[sid],
                                   f"{claim_label(f.side, f.claim)} · {v.value} {float(f.confidence):.2f}"))
    for f in report.findings:  # evidence that has no finding of its own still gets an anchor
        other = "b" if f.side == "a" else "a"
        if f.evidence is not None and other in docs:
            sid = span_id(other, f.evidence)
            if sid not in rows_for:
                spans[other].append(_Span(f.evidence.start, f.evidence.end, sid, None, None,
                                          claim_label(other, f.evidence)))

    ids: set[str] = set()
    articles = []
    for side, doc in docs.items():
        marked, emitted = _highlight(doc.text, spans[side])
        ids |= emitted
        articles.append(
            f'<article><h3><span class="side">{side.upper()}</span>{_t(doc.title or paths[side], doc.lang)}</h3>'
            f'<div class="text" dir="auto"{_lang_attr(doc.lang)}>{marked}</div></article>'
        )

    order = sorted(range(len(report.findings)), key=lambda i: VERDICT_ORDER.index(Verdict(report.findings[i].verdict)))
    rows = []
    for i in order:
        f = report.findings[i]
        if f.side not in docs:
            continue
        v = Verdict(f.verdict)
        other = "b" if f.side == "a" else "a"
        lang = f.claim.lang or docs[f.side].lang
        claim = (_ref(span_id(f.side, f.claim), claim_label(f.side, f.claim), ids)
                 + (f'<span class="small">{_e(f.claim.kind)}</span>' if f.claim.kind else "")
                 + _t(f.claim.text, lang, "span", "claim"))
        if f.evidence is None:
            evidence = '<span class="small">no counterpart</span>'
        else:
            scores = [] if f.similarity is None else [f"similarity {float(f.similarity):.2f}"]
            if f.nli is not None:
                n = f.nli
                scores.append(f"NLI e {n.entailment:.2f} · n {n.neutral:.2f} · c {n.contradiction:.2f}")
            evidence = (_ref(span_id(other, f.evidence), claim_label(other, f.evidence), ids)
                        + _t(f.evidence.text, f.evidence.lang or docs[other].lang, "span", "evidence")
                        + (f'<span class="small">{_e(" · ".join(scores))}</span>' if scores else ""))
        rows.append(
            f'<tr class="finding v-{v.value}" id="f{i}"><td>{claim}</td><td class="nowrap">{_badge(v)}</td>'
            f'<td class="num">{min(1.0, max(0.0, float(f.confidence))):.2f}</td><td>{evidence}</td>'
            f"<td>{_reasons(f.reasons)}</td></tr>"
        )

    doc_cards = "".join(_compare_doc_card(side, docs[side], paths[side], n_claims[side]) for side in docs)
    header = (
        '<header class="top"><h1>factcheck compare</h1>'
        f'<p class="meta">Which claims of article A does article B agree with, contradict, leave unclear, '
        f"or not mention — and the reverse. {len(report.findings)} claims checked.</p>"
        f"{_models({'embedder': report.embedder, 'nli': report.nli})}"
        + ("" if report.nli else '<p class="meta">No NLI model was loaded: matched claims are '
           "<b>unclear</b>, never <b>agree</b>.</p>")
        + f'<div class="docs">{doc_cards}</div>{_filters(report.summary())}</header>'
    )
    body = (
        header
        + f'<section class="card"><h2>Articles</h2><div class="articles">{"".join(articles)}</div></section>'
        + '<section class="card"><h2>Findings</h2><table class="findings">'
        + _colgroup(33, 8, 5, 32, 22)
        + '<thead><tr><th>claim</th><th>verdict</th>'
        + '<th>conf.</th><th>evidence (other article)</th><th>reasons</th></tr></thead><tbody>'
        + "".join(rows) + "</tbody></table></section>"
    )
    title = f"factcheck compare: {report.a.title or paths['a']} / {report.b.title or paths['b']}"
    return _page(title, body)


def _compare_doc_card(side: str, doc: Document, path: str, n_claims: int) -> str:
    rows = [("path", _t(path)), ("language", _t(doc.lang or "und")), ("date", _t(doc.date or "-"))]
    if doc.source:
        rows.append(("source", _t(doc.source, doc.lang)))
    if doc.url:
        rows.append(("url", _t(doc.url)))  # shown as text, never as a link
    rows.append(("claims", str(n_claims)))
    dl = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    title = _t(doc.title or "(no title)", doc.lang, "span", "title")
    return f'<div class="doc"><span class="side">{side.upper()}</span>{title}<dl>{dl}</dl></div>'


# ----------------------------------------------------------------------------------------- audit


def audit_html(report: AuditReport, stories: Iterable[Story] | None = None) -> str:
    """The audit report as one HTML page (see the module docstring for what holds)."""
    return "".join(audit_html_chunks(report, report.stories if stories is None else stories))


def audit_html_chunks(report: AuditReport, stories: Iterable[Story]) -> Iterator[str]:
    """The page in pieces; ``stories`` gives ``report.stories`` with their findings, one at a time."""
    # Story sections go to a temporary file first: the header and the contested-claims table come
    # before them on the page and may only link to anchors the stories actually emit.
    wanted = {_audit_span_id(c.story, c.claim_id) for c in report.contested}
    ids: set[str] = set()
    with tempfile.TemporaryFile("w+", encoding="utf-8") as spool:
        for story in stories:
            articles, emitted = _story_articles(story)
            ids |= emitted & wanted
            spool.write(_story_section(story, articles, emitted))
        n_docs = sum(len(s.documents) for s in report.stories)
        selection = "".join(f"<dt>{_e(k)}</dt><dd>{_t(_text(v))}</dd>" for k, v in report.selection.items())
        params = "".join(f"<dt>{_e(k)}</dt><dd>{_t(_text(v))}</dd>" for k, v in report.params.items())
        toc = "".join(f'<a href="#story-{s.index}">{s.index + 1}. {_t(s.label)}</a>' for s in report.stories)
        header = (
            f'<header class="top"><h1>factcheck audit {_e(report.audit_id)}</h1>'
            f'<p class="meta"><b>Created</b> {_t(report.created_at)} · {_n(len(report.stories), "story", "stories")} '
            f"({_n(n_docs, 'article')}) · {_n(len(report.singletons), 'article')} no other article reports on · "
            f"{_n(len(report.sources), 'source')}</p>"
            f"{_models(report.models)}"
            + (f'<div class="docs"><div class="doc"><b>Selection</b><dl>{selection}</dl></div>'
               f'<div class="doc"><b>Parameters</b><dl>{params}</dl></div></div>' if selection or params else "")
            + _filters(report.summary())
            + f'<nav class="toc"><a href="#sources">Sources</a><a href="#matrix">Agreement matrix</a>'
            f'<a href="#contested">Most contested</a>{toc}</nav></header>'
        )
        yield (_page_head(f"factcheck audit {report.audit_id}") + header + _sources_section(report)
               + _matrix_section(report) + _contested_section(report, ids))
        spool.seek(0)
        while chunk := spool.read(1 << 20):
            yield chunk
    yield _singletons_section(report.singletons) + "\n" + _PAGE_TAIL


def _n(count: int, singular: str, plural: str | None = None) -> str:
    return f"<b>{count}</b> {singular if count == 1 else plural or singular + 's'}"


def _text(value: Any) -> str:
    if isinstance(value, Mapping):
        return ", ".join(f"{k}={_text(v)}" for k, v in value.items())
    if isinstance(value, (list, tuple, set, frozenset)):
        return ", ".join(_text(v) for v in value)
    return "-" if value is None else str(value)


def _audit_span_id(story: int, claim_id: int) -> str:
    return f"s{int(story)}-c{int(claim_id)}"


def _story_articles(story: Story) -> tuple[list[str], set[str]]:
    """Each document of the story with its claims highlighted; and the anchor ids emitted."""
    by_claim: dict[int, list[tuple[int, Any]]] = {}
    for i, f in enumerate(story.findings):
        by_claim.setdefault(f.claim_id, []).append((i, f))
    spans: dict[int, list[_Span]] = {d.document_id: [] for d in story.documents}
    for claim_id, items in by_claim.items():
        first = items[0][1]
        verdict = min((Verdict(f.verdict) for _, f in items), key=VERDICT_ORDER.index)
        title = "; ".join(f"{Verdict(f.verdict).value} vs {f.other_source} ({float(f.confidence):.2f})" for _, f in items)
        if first.document_id in spans:
            spans[first.document_id].append(_Span(first.start, first.end, _audit_span_id(story.index, claim_id),
                                                  verdict, f"s{story.index}-f{items[0][0]}", title))
    for f in story.findings:  # evidence claims without findings of their own still get an anchor
        if (f.evidence_claim_id is not None and f.evidence_claim_id not in by_claim
                and f.evidence_start is not None and f.evidence_end is not None and f.other_document_id in spans):
            spans[f.other_document_id].append(_Span(f.evidence_start, f.evidence_end,
                                                    _audit_span_id(story.index, f.evidence_claim_id), None, None,
                                                    f"evidence for {f.source}"))
    out, ids = [], set()
    for d in story.documents:
        marked, emitted = _highlight(d.text, spans[d.document_id])
        ids |= emitted
        meta = " · ".join(x for x in (_e(d.lang or "und"), _e(d.date or "no date"), f"{d.n_claims} claims"))
        out.append(
            f'<article id="s{story.index}-d{d.document_id}"><h3>{_t(d.source, None, "span", "side")}'
            f'{_t(d.title or d.path, d.lang)}<span class="small"> · {meta} · </span>{_t(d.path, None, "span", "small")}</h3>'
            f'<div class="text" dir="auto"{_lang_attr(d.lang)}>{marked}</div></article>'
        )
    return out, ids


def _story_section(story: Story, articles: list[str], ids: set[str]) -> str:
    langs = {d.document_id: d.lang for d in story.documents}
    order = sorted(range(len(story.findings)), key=lambda i: VERDICT_ORDER.index(Verdict(story.findings[i].verdict)))
    rows = []
    for i in order:
        f = story.findings[i]
        v = Verdict(f.verdict)
        claim = (_ref(_audit_span_id(story.index, f.claim_id), f"#{f.claim_id}", ids)
                 + _t(f.text, f.lang or langs.get(f.document_id), "span", "claim"))
        if f.evidence_text is None:
            evidence = '<span class="small">no counterpart</span>'
        else:
            ref = ("" if f.evidence_claim_id is None
                   else _ref(_audit_span_id(story.index, f.evidence_claim_id), f"#{f.evidence_claim_id}", ids))
            evidence = (ref + _t(f.evidence_text, langs.get(f.other_document_id), "span", "evidence")
                        + ("" if f.similarity is None else f'<span class="small">similarity {float(f.similarity):.2f}</span>'))
        rows.append(
            f'<tr class="finding v-{v.value}" id="s{story.index}-f{i}"><td>{_t(f.source)}</td><td>{claim}</td>'
            f'<td class="nowrap">{_badge(v)}</td><td class="num">{min(1.0, max(0.0, float(f.confidence))):.2f}</td>'
            f"<td>{_t(f.other_source)}</td><td>{evidence}</td><td>{_reasons(f.reasons)}</td></tr>"
        )
    counts = story.summary()
    summary = " · ".join(f"{counts[v.value]} {v.value}" for v in VERDICT_ORDER)
    table = ('<table class="findings">' + _colgroup(9, 29, 8, 5, 9, 25, 15)
             + '<thead><tr><th>source</th><th>claim</th><th>verdict</th><th>conf.</th><th>checked against</th>'
             f'<th>evidence</th><th>reasons</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
             if rows else '<p class="small">No findings.</p>')
    return (f'<section class="card" id="story-{story.index}"><h2>Story {story.index + 1}: '
            f'{_t(story.label)}</h2><p class="meta">{len(story.documents)} articles · {summary}</p>'
            f'<div class="articles">{"".join(articles)}</div><h3>Findings</h3>{table}</section>')


def _sources_section(report: AuditReport) -> str:
    if not report.sources:
        return ""
    rows = "".join(
        f"<tr><td>{_t(s.source)}</td><td class=\"num\">{s.documents}</td><td class=\"num\">{s.claims}</td>"
        f'<td class="num">{s.confirmed}</td><td class="num">{s.contradicted}</td><td class="num">{s.unclear}</td>'
        f'<td class="num">{s.unique}</td></tr>'
        for s in report.sources
    )
    return ('<section class="card" id="sources"><h2>Sources</h2><table><thead><tr><th>source</th><th>articles</th>'
            "<th>claims</th><th>confirmed</th><th>contradicted</th><th>unclear</th><th>unique</th></tr></thead>"
            f"<tbody>{rows}</tbody></table><p class=\"small\">confirmed / contradicted: claims at least one other "
            "source agrees with / contradicts; unique: claims no other source in the story reports.</p></section>")


def _matrix_section(report: AuditReport) -> str:
    if not report.matrix:
        return ""
    names = [s.source for s in report.sources]
    for p in report.matrix:
        for n in (p.source, p.other):
            if n not in names:
                names.append(n)
    cells = {(p.source, p.other): p for p in report.matrix}
    head = "".join(f"<th>{_t(n)}</th>" for n in names)
    rows = []
    for src in names:
        tds = []
        for other in names:
            p = cells.get((src, other))
            if src == other:
                tds.append('<td class="diag">—</td>')
            elif p is None or p.matched == 0:
                tds.append('<td class="agr-na small">-</td>')
            elif p.agreement is None:
                tds.append(f'<td class="agr-na">n/a<span class="small">{p.matched} matched</span></td>')
            else:
                bucket = int(round(p.agreement * 10))
                tds.append(f'<td class="agr-{bucket}"><b>{p.agreement:.0%}</b><span class="small">'
                           f"{p.agree} agree · {p.contradict} contra · {p.matched} matched</span></td>")
        rows.append(f'<tr><th class="row">{_t(src)}</th>{"".join(tds)}</tr>')
    return ('<section class="card" id="matrix"><h2>Agreement matrix</h2><p class="small">Row: whose claims; column: '
            "the source they are checked against. Agreement = agree / (agree + contradict) over matched claims.</p>"
            f'<table class="matrix"><thead><tr><th>claims of ↓ vs →</th>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></section>")


def _contested_section(report: AuditReport, ids: set[str]) -> str:
    if not report.contested:
        return ""
    rows = []
    for n, c in enumerate(report.contested, 1):
        evidence = "".join(f"<li>{_t(e)}</li>" for e in c.evidence)
        rows.append(
            f'<tr class="finding v-contradict"><td class="num">{n}</td><td>{_t(c.source)}</td>'
            f'<td>{_ref(_audit_span_id(c.story, c.claim_id), f"story {c.story + 1}", ids)}{_t(c.text, c.lang, "span", "claim")}</td>'
            f"<td>{_t(', '.join(c.contradicted_by))}</td><td>{_t(', '.join(c.confirmed_by) or '-')}</td>"
            f'<td><ul class="reasons">{evidence}</ul></td><td>{_reasons(c.reasons)}</td>'
            f'<td class="num">{c.score:.2f}</td></tr>'
        )
    return ('<section class="card" id="contested"><h2>Most contested claims</h2><table><thead><tr><th>#</th>'
            "<th>source</th><th>claim</th><th>contradicted by</th><th>confirmed by</th><th>evidence</th>"
            f"<th>reasons</th><th>score</th></tr></thead><tbody>{''.join(rows)}</tbody></table></section>")


def _singletons_section(docs: Sequence[AuditDocument]) -> str:
    if not docs:
        return ""
    rows = "".join(
        f"<tr><td>{_t(d.source)}</td><td>{_t(d.title or '-', d.lang)}</td><td>{_t(d.lang or 'und')}</td>"
        f'<td class="nowrap">{_t(d.date or "-")}</td><td class="num">{d.n_claims}</td><td>{_t(d.path)}</td></tr>'
        for d in docs
    )
    return ('<section class="card" id="singletons"><h2>Articles no other article reports on</h2><table><thead><tr>'
            "<th>source</th><th>title</th><th>language</th><th>date</th><th>claims</th><th>path</th></tr></thead>"
            f"<tbody>{rows}</tbody></table></section>")
