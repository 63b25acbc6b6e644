"""The benchmark harness: the generic evaluation loop (fake scorer, exact numbers), the retrieval
scorers on synthetic vectors, the registry and the CLI. Fast: no model, no data files."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks import __main__ as cli  # noqa: E402
from benchmarks import report  # noqa: E402
from benchmarks.harness import (  # noqa: E402
    Dataset, accuracy, answered, evaluate, label_prf, precision_when_answered,
)
from benchmarks.suites import registry  # noqa: E402
from benchmarks.suites.retrieval import make_scorers, margin_topk  # noqa: E402

# ---------------------------------------------------------------------------- generic loop
WORDS = Dataset("words", inputs=["a", "bb", "ccc", "dd", "e", "ff"], gold=[1, 2, 3, 3, 1, 0],
                groups=["x", "x", "y", "y", "z", "z"])


def word_length(texts):  # the fake scorer: predicts len(text)
    return [len(t) for t in texts]


def test_evaluate_exact_metrics_overall_and_per_group():
    r = evaluate(word_length, WORDS, {"accuracy": accuracy, "prf2": label_prf(2)})
    assert r["dataset"] == "words" and r["n"] == 6
    # predictions 1 2 3 2 1 2 against gold 1 2 3 3 1 0: items 0, 1, 2, 4 right
    assert r["metrics"]["accuracy"] == pytest.approx(4 / 6)
    # label 2: predicted for items 1, 3, 5; gold only for item 1
    assert r["metrics"]["prf2"] == {"precision": pytest.approx(1 / 3), "recall": 1.0, "f1": pytest.approx(0.5),
                                    "tp": 1, "fp": 2, "fn": 0}
    assert list(r["groups"]) == ["x", "y", "z"]
    assert {g: v["metrics"]["accuracy"] for g, v in r["groups"].items()} == {"x": 1.0, "y": 0.5, "z": 0.5}
    assert [v["n"] for v in r["groups"].values()] == [2, 2, 2]
    assert r["seconds"] >= 0


def test_evaluate_batches_keep_order():
    calls = []

    def scorer(batch):
        calls.append(list(batch))
        return word_length(batch)

    r = evaluate(scorer, WORDS, {"accuracy": accuracy}, batch_size=4)
    assert calls == [["a", "bb", "ccc", "dd"], ["e", "ff"]]
    assert r["metrics"]["accuracy"] == pytest.approx(4 / 6)
    assert "groups" in r
    calls.clear()
    evaluate(scorer, WORDS, {})
    assert calls == [WORDS.inputs]  # default: one call with every input (retrieval needs the whole set)


def test_abstentions():
    ds = Dataset("abstain", inputs=[0, 1, 2, 3], gold=[0, 1, 2, 3])
    r = evaluate(lambda xs: [x if x < 2 else (-1 if x == 2 else 0) for x in xs], ds,
                 {"accuracy": accuracy, "answered": answered(-1), "precision": precision_when_answered(-1)})
    assert r["metrics"] == {"accuracy": 0.5, "answered": 0.75, "precision": pytest.approx(2 / 3)}


def test_scorer_returning_wrong_length_and_bad_datasets_are_errors():
    with pytest.raises(ValueError, match="words: scorer returned 5 predictions for 6 inputs"):
        evaluate(lambda xs: list(xs)[:-1], WORDS, {"accuracy": accuracy})
    with pytest.raises(ValueError, match="2 inputs but 1 gold"):
        Dataset("bad", inputs=[1, 2], gold=[1])
    with pytest.raises(ValueError, match="2 inputs but 3 group"):
        Dataset("bad", inputs=[1, 2], gold=[1, 2], groups=["a", "b", "c"])


# ------------------------------------------------------------------------ retrieval scorers
def _unit(rows):
    a = np.asarray(rows, dtype=np.float32)
    return a / np.linalg.norm(a, axis=1, keepdims=True)


def test_margin_beats_cosine_on_a_hub_and_rerank_hook_is_applied():
    # Target 0 is a "hub", close to every query; query 1's own target (1) is only second by cosine.
    t = _unit([[1, 1, 1, 0], [0, 1, 0, 0.9], [0, 0, 1, 0.2]])
    q = _unit([[1, 0.2, 0.2, 0], [0.9, 1, 0.9, 0.6], [0, 0, 1, 0.1]])
    vecs = {"q0": q[0], "q1": q[1], "q2": q[2]}
    embed = lambda texts: np.stack([vecs[x] for x in texts])  # noqa: E731
    ds = Dataset("hub", ["q0", "q1", "q2"], [0, 1, 2])
    cos = q @ t.T
    assert np.argmax(cos[1]) == 0  # cosine picks the hub for query 1
    scorers = make_scorers(embed, t, ["t0", "t1", "t2"])
    assert set(scorers) == {"cosine", "margin", "factcheck"}
    assert evaluate(scorers["cosine"], ds, {"a": accuracy})["metrics"]["a"] == pytest.approx(2 / 3)
    assert evaluate(scorers["margin"], ds, {"a": accuracy})["metrics"]["a"] == 1.0

    seen = {}

    def prefer_last_candidate(q_texts, t_texts, idx, scores, q_lang, t_lang):
        seen.update(q=list(q_texts), t=list(t_texts), shape=idx.shape, langs=(q_lang, t_lang))
        return -scores  # reverses the order: the worst of the top candidates wins

    scorers = make_scorers(embed, t, ["t0", "t1", "t2"], rerank=prefer_last_candidate, langs=("ur", "en"))
    preds = scorers["margin+names"](["q0", "q1", "q2"])
    idx, _ = margin_topk(q, t, 4, 10)
    assert seen == {"q": ["q0", "q1", "q2"], "t": ["t0", "t1", "t2"], "shape": (3, 3), "langs": ("ur", "en")}
    assert preds == idx[:, -1].tolist()


def test_shared_names_adapter_adds_bonus_only_where_it_can_change_the_winner():
    from benchmarks.suites.retrieval import shared_names_reranker

    calls = []
    names = {"q": 2, "r": 0}  # names in each query

    def shared(q, ql, t, tl):
        calls.append((q, t))
        return {"t1": 2, "t2": 1}.get(t, 0)

    rr = shared_names_reranker(shared, lambda text, lang: ("x",) * names[text], bonus=0.02)
    idx = np.array([[0, 1, 2], [0, 1, 2]])
    scores = np.array([[1.10, 1.07, 1.00], [1.10, 1.09, 1.08]])
    new = rr(["q", "r"], ["t0", "t1", "t2"], idx, scores, "en", "ur")
    # q: t1 is within 2 x 0.02 of t0 and shares 2 names -> 1.11 beats 1.10; t2 is out of reach, untouched
    np.testing.assert_allclose(new, [[1.10, 1.11, 1.00], [1.10, 1.09, 1.08]])
    assert calls == [("q", "t0"), ("q", "t1")]  # r has no names: nothing computed


def test_margin_topk_first_choice_is_factcheck_candidates():
    from factcheck.retrieve import candidates

    rng = np.random.default_rng(7)
    q, t = _unit(rng.normal(size=(40, 16))), _unit(rng.normal(size=(50, 16)))
    idx, scores = margin_topk(q, t, 4, 5)
    c = candidates(q, t, 4)
    assert idx[:, 0].tolist() == c.target.tolist()
    np.testing.assert_allclose(scores[:, 0], c.margin, rtol=1e-5)
    assert (np.diff(scores, axis=1) <= 1e-7).all()


# ------------------------------------------------------------------------------ registry, CLI
def test_cli_parses():
    p = cli.build_parser()
    a = p.parse_args(["quick"])
    assert (a.command, a.suite) == ("quick", None)
    a = p.parse_args(["full", "--suite", "retrieval", "speed", "--suite", "retrieval_calibration"])
    assert a.suite == ["retrieval", "speed", "retrieval_calibration"]
    a = p.parse_args(["table", "--check"])
    assert (a.command, a.check, a.quick) == ("table", True, False)
    with pytest.raises(SystemExit) as e:
        p.parse_args(["quick", "--suite", "nonesuch"])
    assert e.value.code == 2
    with pytest.raises(SystemExit):
        p.parse_args([])


def test_registry_and_skipped_stubs(capsys):
    reg = registry()
    assert list(reg) == ["retrieval", "retrieval_calibration", "speed", "nli", "checks", "audit"]
    skipped = [s for s in reg.values() if s.skip]
    for suite in skipped:
        assert cli.run_suites([suite.name], quick=True) == 0
        assert f"== {suite.name}: skipped, " in capsys.readouterr().out
    assert cli.main(["list"]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in listing] == list(reg)
    for line, suite in zip(listing, reg.values()):
        assert ("skipped: " in line) == bool(suite.skip)


def test_checks_suite_switches_on_when_bench_checks_exists(monkeypatch):
    import benchmarks.suites as suites

    real = suites.importlib.util.find_spec
    monkeypatch.setattr(suites.importlib.util, "find_spec",
                        lambda name, *a: object() if name == "benchmarks.bench_checks" else real(name, *a))
    s = suites.registry()["checks"]
    assert (s.module, s.skip) == ("benchmarks.bench_checks", None)


def test_readme_block_replaced_between_markers_only(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(f"intro\n{report.BEGIN}\nold\n{report.END}\noutro\n", encoding="utf-8")
    assert report.update_readme({}, readme, check=True) is False
    report.update_readme({}, readme)
    text = readme.read_text(encoding="utf-8")
    assert text.startswith(f"intro\n{report.BEGIN}\n") and text.endswith(f"{report.END}\noutro\n")
    assert "old" not in text and "| what | ours |" in text
    assert report.update_readme({}, readme, check=True) is True


def test_entry_point_runs():
    out = subprocess.run([sys.executable, "-m", "benchmarks", "--help"], cwd=REPO, capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0
    assert "quick" in out.stdout and "full" in out.stdout and "table" in out.stdout


def test_the_perturbation_generator_takes_persons_with_a_possessive_off_only():
    from benchmarks.build_perturbations import is_person
    from factcheck.names import find_names

    common = {"several", "state", "springs", "street", "department"}

    def person(text):
        return [is_person(n, common) for n in find_names(text, "en") if not n.entity]

    assert person("We met Lenny Bruce's friends and Joachim Schmettau.") == [True, True]
    # a leading "s" is the word's own: "Several", "State", "Springs" are ordinary words, no surnames
    assert person("They told us Several Tejano tales, then the State Department came to Colorado Springs.") == [
        False, False, False]


def test_the_perturbation_generator_tells_persons_from_places_and_plurals():
    from benchmarks.build_perturbations import common_words, is_person
    from factcheck.names import find_names

    common = common_words(["the rangers met in the park near a spring"])
    assert {"rangers", "park", "spring"} <= common and "vegas" not in common

    def person(text):
        return [is_person(n, common) for n in find_names(text, "en") if not n.entity]

    # a place word first ("Las Vegas", "San Antonio"), an ordinary word's plural ("Colorado Springs")
    assert person("We drove from Las Vegas to San Antonio, then met Texas Rangers at Heaven Park.") == [
        False, False, False, False]
    assert person("We drove with Steve Harris and Lenny Bruce.") == [True, True]


def test_the_generator_corpus_adds_words_seen_often_enough(tmp_path):
    from benchmarks.build_perturbations import COMMON_MIN, common_words

    f = tmp_path / "nli.tsv"
    f.write_text("premise\thypothesis\tlabel\n" + "a park and john\tthe park\tneutral\n" * (COMMON_MIN - 1)
                 + "a park\tx\tneutral\n", encoding="utf-8")
    words = common_words([], f)
    assert "park" in words and "john" not in words  # "park" 2 x COMMON_MIN - 1 times, "john" COMMON_MIN - 1


def test_splicing_persons_keeps_every_other_item_and_the_lines_they_need():
    from benchmarks.build_perturbations import splice_persons

    def item(i, typ, line, split="test", source="ntrex128"):
        return {"id": f"{i}", "source": source, "split": split, "pair": "en-ur", "line": line, "x": "en", "y": "ur",
                "type": typ}

    old = {"params": {"seed": 7}, "lines": {"en": {"1": "a", "2": "b"}, "ur": {"1": "A", "2": "B"}},
           "items": [item("c1", "clean", 1), item("p2", "person", 2), item("s", "person", 0, source="seeds")]}
    new = {"params": {"seed": 7}, "lines": {"en": {"3": "c"}, "ur": {"3": "C"}},
           "items": [item("n3", "number", 3), item("p3", "person", 3), item("s2", "person", 0, source="seeds")]}
    out = splice_persons(old, new)
    assert [i["id"] for i in out["items"]] == ["c1", "s", "p3"]
    assert out["lines"] == {"en": {"1": "a", "3": "c"}, "ur": {"1": "A", "3": "C"}}
    assert out["params"]["generator"] == 2 and old["params"] == {"seed": 7}


def test_the_development_scorer_never_scores_a_held_out_split_and_diffs_two_runs():
    from benchmarks import dev_checks
    ntrex = {"items": [{"split": "dev"}, {"split": "test"}]}
    xnli = {"items": [{"split": "xdev"}, {"split": "fresh"}]}
    assert dev_checks._splits(ntrex) == {"dev"} and dev_checks._splits(xnli) == {"xdev"}
    assert dev_checks._splits({"items": [{"split": "xnlidev"}]}) == {"xnlidev"}
    a = {"sets": {"dev": {"3": ["person", "ar-ur", False], "4": ["clean", "en-ru", False]}},
         "untouched": [["premise", 7, "en", "ur"]]}
    b = {"sets": {"dev": {"3": ["person", "ar-ur", True], "4": ["clean", "en-ru", False]}}, "untouched": []}
    assert dev_checks.diff(a, b) == ["dev 3 person ar-ur: False -> True", "untouched ('premise', 7, 'en', 'ur'): gone"]
