"""Value types that cross stage boundaries.

Every stage takes and returns these frozen dataclasses; no positional tuples cross a module
boundary. Offsets (``start``/``end``) are always character offsets into ``Document.text``, the
article text exactly as decoded (for HTML: the extracted main text), half-open ``[start, end)``.

Extension points used by later stages (atomic claims, quantities, check-worthiness) are optional
fields with neutral defaults, so adding them never changes existing constructors.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Verdict(str, enum.Enum):
    """What the other article says about a claim."""

    AGREE = "agree"
    CONTRADICT = "contradict"
    UNCLEAR = "unclear"
    ABSENT = "absent"

    def __str__(self) -> str:  # so f"{v}" gives "agree", not "Verdict.AGREE"
        return self.value


def verdict_counts(findings) -> dict[str, int]:
    """How many findings have each verdict (every verdict present, in ``Verdict`` order)."""
    counts = {v.value: 0 for v in Verdict}
    for f in findings:
        counts[Verdict(f.verdict).value] += 1
    return counts


@dataclass(frozen=True)
class Document:
    """One article, decoded, with the metadata we could find.

    ``content_hash`` is the sha256 of ``text`` (after decoding and extraction), so the same article
    read from UTF-8 or UTF-16 bytes is the same document.
    """

    path: str  # file path, "-" for stdin, or "path#L3" for line 3 of a JSONL file
    text: str
    content_hash: str
    title: str | None = None
    date: str | None = None  # ISO 8601 date (YYYY-MM-DD) when parseable, else None
    source: str | None = None  # outlet / agency, e.g. "ANI", "AP"
    url: str | None = None
    lang: str | None = None  # ISO 639-1 code of the dominant language, filled by langid
    encoding: str | None = None  # what the bytes were decoded from, e.g. "utf-8-sig", "cp1256"
    format: str = "text"  # "text" | "markdown" | "html" | "jsonl" | "stdin"


@dataclass(frozen=True)
class Sentence:
    """A sentence of a document. ``boilerplate`` names why it is not content (or is None)."""

    text: str
    start: int
    end: int
    lang: str | None = None
    boilerplate: str | None = None  # e.g. "byline", "copyright", "url", "image-path", "date-line"


@dataclass(frozen=True)
class Quantity:
    """A number, year or date found in a claim, normalised for comparison.

    ``kind`` is one of "year", "date", "number", "percent", "ordinal", "id" (an identifier: ``unit`` holds
    its label class, "section", "flight" ...). ``value`` is the numeric value
    (for a date: ``None`` and ``iso`` holds YYYY-MM-DD, YYYY-MM or --MM-DD when the year is missing).
    ``text`` is the surface form as written, ``start``/``end`` offsets into ``Document.text``.
    A range ("27-28 November", "10 to 15") keeps its lower end in ``value``/``iso`` and its upper end
    in ``value_max``/``iso_end``. ``precision`` is the unit of the last digit written (1e9 for
    "28 billion"), so values are compared only as far as both were stated.
    All fields are JSON-serialisable: ``Quantity(**dataclasses.asdict(q)) == q``.
    """

    kind: str
    text: str
    start: int
    end: int
    value: float | None = None
    iso: str | None = None
    unit: str | None = None  # what is counted or measured: "USD", "person", "country", "month", "%", ...
    approx: str | None = None  # "more than", "at least", "less than", "nearly", "about", "range", "decade", "many"
    value_max: float | None = None
    iso_end: str | None = None
    precision: float | None = None

    def display(self) -> str:
        return self.text


@dataclass(frozen=True)
class Claim:
    """One checkable statement of a document.

    v1: one claim per content sentence. ``text`` is ``Document.text[start:end]``; ``sentence``
    is the full sentence it came from (context for the reader and for NLI).
    ``kind``, ``checkworthiness`` and ``quantities`` are filled by later stages; their defaults mean
    "not analysed".
    """

    doc_hash: str
    index: int  # position among the document's claims, 0-based
    text: str
    start: int
    end: int
    sentence: str
    sentence_start: int
    sentence_end: int
    lang: str | None = None
    kind: str | None = None  # "quantity", "date", "event", "attribution", "opinion"
    checkworthiness: float | None = None
    quantities: tuple[Quantity, ...] = ()

    @property
    def key(self) -> str:
        """Stable identifier: document hash + offsets."""
        return f"{self.doc_hash[:16]}:{self.start}-{self.end}"


@dataclass(frozen=True)
class Match:
    """The best counterpart of a claim in the other document, as retrieval scored it."""

    query: int  # index of the claim on the checked side
    target: int  # index of the counterpart claim on the other side
    similarity: float  # cosine similarity of the L2-normalised embeddings
    margin: float  # margin score: similarity relative to both sides' nearest neighbours
    mutual: bool  # the two claims are each other's nearest neighbour


@dataclass(frozen=True)
class NLIScores:
    """Probabilities for a (premise, hypothesis) pair, in a fixed, named order. Sum to 1."""

    entailment: float
    neutral: float
    contradiction: float

    def as_dict(self) -> dict[str, float]:
        return {
            "entailment": self.entailment,
            "neutral": self.neutral,
            "contradiction": self.contradiction,
        }


@dataclass(frozen=True)
class Finding:
    """The verdict on one claim of one side, with the evidence that decided it."""

    side: str  # "a" or "b": whose claim this is
    claim: Claim
    verdict: Verdict
    confidence: float  # 0..1
    evidence: Claim | None = None  # the counterpart claim in the other article
    similarity: float | None = None
    margin: float | None = None
    nli: NLIScores | None = None
    reasons: tuple[str, ...] = ()
    mutual: bool | None = None  # the counterpart's best match is this claim too


@dataclass(frozen=True)
class Report:
    """The result of comparing two documents."""

    a: Document
    b: Document
    claims_a: tuple[Claim, ...]
    claims_b: tuple[Claim, ...]
    findings: tuple[Finding, ...]
    embedder: str
    nli: str | None
    stats: dict = field(default_factory=dict, compare=False, hash=False)

    def summary(self) -> dict[str, int]:
        return verdict_counts(self.findings)


# -- audits ---------------------------------------------------------------------------------------
# An audit cross-checks many stored documents. Its result is built from the claims database
# (documents, claims, comparisons, findings) by ``factcheck.audit.build_report``; exporters and the
# terminal report read only these dataclasses. A large audit's report is built without findings
# (``Story.findings`` empty, ``Story.counts`` set) and its stories are then streamed one at a time
# with their findings (``factcheck.audit.iter_stories``), so memory does not grow with the audit.


@dataclass(frozen=True)
class AuditDocument:
    """One stored article taking part in an audit (text included, for highlighted exports)."""

    document_id: int
    path: str
    source: str  # outlet; never empty (falls back to the file's folder name)
    lang: str | None
    title: str | None
    date: str | None
    text: str
    n_claims: int


@dataclass(frozen=True)
class AuditFinding:
    """One claim of one document checked against one other document of the same story."""

    story: int  # Story.index
    claim_id: int
    document_id: int
    source: str
    lang: str | None
    text: str
    start: int  # offsets into AuditDocument.text
    end: int
    other_document_id: int
    other_source: str
    verdict: Verdict
    confidence: float
    evidence_claim_id: int | None = None
    evidence_text: str | None = None
    evidence_start: int | None = None
    evidence_end: int | None = None
    similarity: float | None = None
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class Story:
    """Articles that report the same event (grouped by claim similarity and dates)."""

    index: int  # 0-based, stable for a given database and selection
    label: str  # a short human-readable label (title or first claim of the earliest article)
    documents: tuple[AuditDocument, ...]
    findings: tuple[AuditFinding, ...]
    counts: dict[str, int] | None = None  # verdict counts of all findings, when ``findings`` were left out

    @property
    def has_findings(self) -> bool:
        """False for a summary-only story (``counts`` set, findings not loaded)."""
        return self.counts is None

    def summary(self) -> dict[str, int]:
        return dict(self.counts) if self.counts is not None else verdict_counts(self.findings)


@dataclass(frozen=True)
class SourceStats:
    """Per outlet: its claims (check-worthy ones, in stories with other outlets) and what others say."""

    source: str
    documents: int
    claims: int  # claims made
    confirmed: int  # claims at least one other source agrees with
    contradicted: int  # claims at least one other source contradicts
    unique: int  # claims no other source in the story reports (absent everywhere else)
    unclear: int  # claims matched elsewhere, but neither confirmed nor contradicted


@dataclass(frozen=True)
class SourcePair:
    """One cell of the source-by-source agreement matrix (claims of ``source`` checked against ``other``)."""

    source: str
    other: str
    matched: int  # claims of ``source`` with a counterpart in ``other``'s articles
    agree: int
    contradict: int
    unclear: int

    @property
    def agreement(self) -> float | None:
        """agree / (agree + contradict): None when nothing was decided."""
        decided = self.agree + self.contradict
        return None if decided == 0 else self.agree / decided


@dataclass(frozen=True)
class ContestedClaim:
    """A claim other sources contradict, with who contradicts it and with what."""

    claim_id: int
    story: int
    source: str
    lang: str | None
    text: str
    contradicted_by: tuple[str, ...]  # sources
    confirmed_by: tuple[str, ...]
    score: float  # sum of contradiction confidences: the ranking key
    evidence: tuple[str, ...]  # the contradicting claims' text
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class AuditReport:
    audit_id: int
    created_at: str
    selection: dict  # what was audited: {"paths": [...], "since": ..., "sources": [...]}
    params: dict
    stories: tuple[Story, ...]
    sources: tuple[SourceStats, ...]
    matrix: tuple[SourcePair, ...]
    contested: tuple[ContestedClaim, ...]
    models: dict  # {"embedder": ..., "nli": ...}
    singletons: tuple[AuditDocument, ...] = ()  # articles no other article reports on

    def summary(self) -> dict[str, int]:
        total = {v.value: 0 for v in Verdict}
        for s in self.stories:
            for k, n in s.summary().items():
                total[k] += n
        return total
