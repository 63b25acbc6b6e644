"""The HTML export in a real browser (headless Chromium, Debian's ``chromium`` package).

Checks that the page renders (the DOM holds the findings and both articles in full), that the
browser logs no console messages or Content-Security-Policy violations, and that hostile article
text does not run: every payload in ``export_samples.PAYLOADS`` would set ``data-pwned`` or change
``document.title`` if it executed. A control test proves the log check catches what it should.

Skipped when chromium is not installed, unless ``FACTCHECK_REQUIRE_CHROMIUM=1`` (CI sets it): then
a missing browser is a failure.
"""
from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from export_samples import (
    ALLOWED_TAGS, B_SENTENCES, PAYLOADS, TITLE_B, Tree, make_audit_report, make_compare_report, text_of,
)
from factcheck.export import export_audit, export_compare


@pytest.fixture(scope="module")
def chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    if os.environ.get("FACTCHECK_REQUIRE_CHROMIUM") == "1":
        pytest.fail("FACTCHECK_REQUIRE_CHROMIUM=1 but chromium is not installed (apt-get install chromium)")
    pytest.skip("chromium is not installed (set FACTCHECK_REQUIRE_CHROMIUM=1 to make this a failure)")


def browse(chromium: str, page: Path, *args: str) -> subprocess.CompletedProcess:
    profile = page.parent / f"profile-{page.stem}"
    cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0",
           f"--user-data-dir={profile}", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
           *args, page.as_uri()]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done


def console_messages(log: str) -> list[str]:
    """Console output and CSP reports in Chromium's stderr log (``INFO:CONSOLE`` lines)."""
    return [line for line in log.splitlines()
            if re.search(r":CONSOLE\b|Content Security Policy|Refused to", line)]


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def assert_nothing_ran(dom: Tree) -> None:
    assert {e["tag"] for e in dom.elements} <= ALLOWED_TAGS
    for e in dom.elements:
        assert "data-pwned" not in e["attrs"], e
        assert not any(name.startswith("on") for name in e["attrs"]), e
        assert not any("PWNED" in (v or "") for v in e["attrs"].values() if v), e


def test_log_check_catches_scripts_and_csp_violations(chromium, tmp_path):
    """Controls: under our CSP an inline script is blocked and reported; without it, it runs."""
    blocked = tmp_path / "blocked.html"
    blocked.write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"><title>t</title></head>"
        "<body><script>document.title='RAN'</script><img src=\"http://192.0.2.1/x.png\"></body></html>")
    done = browse(chromium, blocked, "--dump-dom")
    assert "<title>t</title>" in done.stdout
    messages = console_messages(done.stderr)
    assert len(messages) == 2 and all("Content Security Policy" in m for m in messages), messages
    ran = tmp_path / "ran.html"
    ran.write_text("<!DOCTYPE html><html><head><title>t</title></head>"
                   "<body><script>document.title='RAN'; console.error('boom')</script></body></html>")
    done = browse(chromium, ran, "--dump-dom")
    assert "<title>RAN</title>" in done.stdout
    assert any('"boom"' in m for m in console_messages(done.stderr))


def test_hostile_compare_page_renders_and_nothing_runs(chromium, tmp_path):
    report = make_compare_report(B_SENTENCES + list(PAYLOADS))
    page = tmp_path / "hostile.html"
    page.write_text(export_compare(report, "html", "A.txt", "B.txt"), encoding="utf-8")

    done = browse(chromium, page, "--dump-dom")
    assert console_messages(done.stderr) == []
    dom = Tree(done.stdout)
    assert_nothing_ran(dom)
    (title,) = [e for e in dom.elements if e["tag"] == "title"]
    assert text_of(title) == f"factcheck compare: ماسکو کا دورہ / {TITLE_B}"
    rows = [e for e in dom.with_class("finding") if e["tag"] == "tr"]
    assert len(rows) == len(report.findings) == 17
    bodies = dom.with_class("text")
    assert [text_of(b) for b in bodies] == [report.a.text, report.b.text]
    for payload in PAYLOADS:  # shown as text, exactly
        assert payload in text_of(bodies[1])
    assert [text_of(e) for e in dom.with_class("chip")] == ["2 contradict", "2 agree", "1 unclear", "12 absent"]

    shot = tmp_path / "hostile.png"
    done = browse(chromium, page, f"--screenshot={shot}", "--window-size=1280,2000")
    assert console_messages(done.stderr) == []
    assert png_size(shot) == (1280, 2000)
    assert shot.stat().st_size > 50_000  # a blank page is a few KB


def test_real_compare_and_audit_pages_render(chromium, tmp_path):
    from factcheck import pipeline
    from factcheck.samples import sample_pair
    from factcheck.settings import Settings

    a, b = sample_pair("contradict")
    report = pipeline.compare(str(a), str(b), Settings.from_env({"FACTCHECK_HOME": str(tmp_path / "home")}), None)
    page = tmp_path / "compare.html"
    page.write_text(export_compare(report, "html", "en_reservoir.txt", "ur_reservoir.txt"), encoding="utf-8")
    done = browse(chromium, page, "--dump-dom")
    assert console_messages(done.stderr) == []
    dom = Tree(done.stdout)
    assert_nothing_ran(dom)
    assert len([e for e in dom.with_class("finding") if e["tag"] == "tr"]) == 20
    assert len(dom.with_class("v-contradict")) == 1 + 4 + 4 + 4  # chip, spans, rows, badges
    shot = tmp_path / "compare.png"
    browse(chromium, page, f"--screenshot={shot}", "--window-size=1280,2000")
    assert png_size(shot) == (1280, 2000) and shot.stat().st_size > 50_000

    audit = make_audit_report()
    page = tmp_path / "audit.html"
    page.write_text(export_audit(audit, "html"), encoding="utf-8")
    done = browse(chromium, page, "--dump-dom")
    assert console_messages(done.stderr) == []
    dom = Tree(done.stdout)
    assert_nothing_ran(dom)
    assert [text_of(b) for b in dom.with_class("text")] == [d.text for s in audit.stories for d in s.documents]
    assert len([e for e in dom.with_class("finding") if e["tag"] == "tr"]) == 12 + len(audit.contested)
