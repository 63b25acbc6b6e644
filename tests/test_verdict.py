from factcheck.quantities import extract
from factcheck.types import Claim, Match, NLIScores, Verdict
from factcheck.verdict import decide


def c(text, i=0):
    return Claim("h", i, text, 0, len(text), text, 0, len(text), quantities=extract(text))


M = Match(query=0, target=0, similarity=0.91, margin=1.2, mutual=True)


def test_absent_without_match():
    f = decide("a", c("x"), None, None)
    assert f.verdict is Verdict.ABSENT and f.evidence is None and f.reasons == ("no matching claim in the other article",)


def test_no_nli_never_agrees():
    f = decide("a", c("relations since 1992"), M, c("علاقات منذ عام 1992"))
    assert f.verdict is Verdict.UNCLEAR
    assert f.reasons == ("matched with similarity 0.91 (mutual best)", "same values on both sides: 1992")


def test_number_conflict_contradicts_even_if_nli_entails():
    f = decide("b", c("trade reached 21 billion in 2023"), M, c("trade reached 28 billion in 2023"),
               NLIScores(0.9, 0.05, 0.05), NLIScores(0.9, 0.05, 0.05))
    assert f.verdict is Verdict.CONTRADICT
    assert f.reasons[0] == "number differs: this claim says 21 billion, the other source says 28 billion"


def test_nli_decisions():
    ent = decide("a", c("x"), M, c("y"), NLIScores(0.8, 0.1, 0.1), NLIScores(0.3, 0.6, 0.1))
    assert ent.verdict is Verdict.AGREE and ent.confidence == 0.8
    con = decide("a", c("x"), M, c("y"), NLIScores(0.2, 0.2, 0.6), NLIScores(0.1, 0.2, 0.7))
    assert con.verdict is Verdict.CONTRADICT and con.confidence == 0.6  # forward direction decides
    # a contradiction only in the reverse direction does not decide
    rev = decide("a", c("x"), M, c("y"), NLIScores(0.3, 0.5, 0.2), NLIScores(0.1, 0.1, 0.8))
    assert rev.verdict is Verdict.UNCLEAR
    unc = decide("a", c("x"), M, c("y"), NLIScores(0.3, 0.4, 0.3), NLIScores(0.3, 0.4, 0.3))
    assert unc.verdict is Verdict.UNCLEAR
