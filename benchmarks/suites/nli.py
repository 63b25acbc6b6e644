"""NLI quality and speed of factcheck's own model (factcheck/models/factcheck-nli-e5small).

Quality, through the generic loop (``benchmarks.harness.evaluate``), scorer = the shipped model's
argmax label:
- XNLI test accuracy per language (all 15; 5,010 pairs each) and the mean over en/ar/ru/ur;
- mixed-language XNLI (premise in one language, hypothesis in another; the test set is
  line-parallel): ur-ar, ar-ur, en-ur, ur-en, en-ar, ar-en, ru-ur, ur-ru;
- ANS Arabic stance dev: "agree vs disagree read as entailment vs contradiction" (the model's
  entailment vs contradiction probability decides; "other" items are left out), plus 3-way accuracy
  with other = neutral.
Speed (2 CPU threads): pairs/s on claim-length pairs (XNLI pairs of at most 64 tokens) in batches of
32, against the same model one pair at a time (baseline in the same run), and the load time.
Published references (MANIFEST.md) are printed beside ours. Quick mode: 300 pairs per language or
language pair, 300 ANS items; the full run takes about 15 minutes on 2 cores.
"""
from __future__ import annotations

import csv
import time

from benchmarks.common import data_dir, log
from benchmarks.harness import Dataset, accuracy, evaluate
from benchmarks.suites import Row

XNLI_LANGS = ("ar", "bg", "de", "el", "en", "es", "fr", "hi", "ru", "sw", "th", "tr", "ur", "vi", "zh")
MIXED = (("ur", "ar"), ("ar", "ur"), ("en", "ur"), ("ur", "en"), ("en", "ar"), ("ar", "en"), ("ru", "ur"), ("ur", "ru"))
FOCUS = ("en", "ar", "ru", "ur")
PUBLISHED = {
    "multilingual-MiniLMv2-L6-mnli-xnli": {"en": 0.789, "ar": 0.687, "ru": 0.714, "ur": 0.664, "mean15": 0.713},
    "mDeBERTa-v3-base-mnli-xnli": {"en": 0.883, "ar": 0.802, "ru": 0.813, "ur": 0.740, "mean15": 0.808},
}
LABELS = ("entailment", "neutral", "contradiction")


def _xnli(lang: str) -> list[list[str]]:
    p = data_dir() / "eval" / "xnli_test" / f"test-{lang}.tsv"
    with open(p, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    return rows[1:]


def _subset(n: int, quick: bool) -> list[int]:
    if not quick or n <= 300:
        return list(range(n))
    return [round(i * (n - 1) / 299) for i in range(300)]  # evenly spaced, deterministic


def label_scorer(model):
    def score(pairs):
        return [max(LABELS, key=lambda k: getattr(s, k)) for s in model.predict(list(pairs))]
    return score


def stance_scorer(model):
    def score(pairs):
        return ["entailment" if s.entailment >= s.contradiction else "contradiction"
                for s in model.predict(list(pairs))]
    return score


def _load_model():
    from factcheck.nli import load_nli

    model = load_nli("default")
    if model is None:
        raise RuntimeError("no NLI model shipped (factcheck/models/factcheck-nli-e5small)")
    return model


def run(quick: bool) -> dict:
    model = _load_model()
    t0 = time.perf_counter()
    model.predict([("a", "b")])  # load
    load_s = time.perf_counter() - t0
    scorer = label_scorer(model)
    xnli = {lang: _xnli(lang) for lang in XNLI_LANGS}
    idx = _subset(len(xnli["en"]), quick)
    per_lang: dict[str, dict] = {}
    for lang in XNLI_LANGS:
        rows = [xnli[lang][i] for i in idx]
        ds = Dataset(f"xnli-{lang}", [(r[0], r[1]) for r in rows], [r[2] for r in rows])
        per_lang[lang] = evaluate(scorer, ds, {"accuracy": accuracy}, batch_size=256)
        log(f"nli: xnli {lang} {per_lang[lang]['metrics']['accuracy']:.3f}")
    mixed: dict[str, dict] = {}
    for p, h in MIXED:
        ds = Dataset(f"xnli-{p}-{h}", [(xnli[p][i][0], xnli[h][i][1]) for i in idx], [xnli[p][i][2] for i in idx])
        mixed[f"{p}-{h}"] = evaluate(scorer, ds, {"accuracy": accuracy}, batch_size=256)
        log(f"nli: xnli {p}-{h} {mixed[f'{p}-{h}']['metrics']['accuracy']:.3f}")
    with open(data_dir() / "nli" / "ans_stance" / "dev.csv", encoding="utf-8", newline="") as fh:
        ans = list(csv.DictReader(fh))
    ans = [ans[i] for i in _subset(len(ans), quick)]
    two = [r for r in ans if r["stance"] in ("agree", "disagree")]
    ans2 = evaluate(stance_scorer(model), Dataset(
        "ans-agree-disagree", [(r["s1"], r["s2"]) for r in two],
        ["entailment" if r["stance"] == "agree" else "contradiction" for r in two]), {"accuracy": accuracy})
    m3 = {"agree": "entailment", "disagree": "contradiction", "other": "neutral"}
    ans3 = evaluate(scorer, Dataset("ans-3way", [(r["s1"], r["s2"]) for r in ans], [m3[r["stance"]] for r in ans]),
                    {"accuracy": accuracy})
    speed = _speed(model, xnli, quick)
    acc = {k: v["metrics"]["accuracy"] for k, v in per_lang.items()}
    result = {
        "model": {"id": model.model_id, "config": {k: v for k, v in model.config.items() if k != "training"},
                  "training": model.config.get("training")},
        "quick": quick, "n_per_language": len(idx), "load_s": round(load_s, 3),
        "xnli": per_lang, "xnli_mixed": mixed, "ans_stance": {"agree_disagree": ans2, "three_way": ans3},
        "summary": {
            "mean_en_ar_ru_ur": sum(acc[x] for x in FOCUS) / 4,
            "mean_15": sum(acc.values()) / len(acc),
            "mean_mixed": sum(v["metrics"]["accuracy"] for v in mixed.values()) / len(mixed),
            "accuracy": acc,
        },
        "speed": speed, "published": PUBLISHED,
    }
    _print(result)
    return result


def _speed(model, xnli, quick: bool) -> dict:
    tok = model._tok
    pool = [(r[0], r[1]) for lang in ("en", "ar", "ur", "ru") for r in xnli[lang][:1500]]
    lens = tok.pair_inputs([p for p, _ in pool], [h for _, h in pool], 512)
    short = [pq for pq, ids in zip(pool, lens) if len(ids) <= 64][: (256 if quick else 1024)]
    t = time.perf_counter()
    model.predict(short)
    batched = len(short) / (time.perf_counter() - t)
    one = short[:64]
    t = time.perf_counter()
    for pq in one:
        model.predict([pq])
    single = len(one) / (time.perf_counter() - t)
    mean_tokens = sum(min(len(ids), 64) for ids in lens if len(ids) <= 64) / max(1, sum(len(i) <= 64 for i in lens))
    return {"pairs": len(short), "mean_tokens": round(mean_tokens, 1), "pairs_per_s_batch32": round(batched, 1),
            "pairs_per_s_one_at_a_time": round(single, 1), "ratio": round(batched / single, 2),
            "threads": "onnxruntime default (all cores)", "target_pairs_per_s": 150}


def _print(r: dict) -> None:
    acc = r["summary"]["accuracy"]
    pub = PUBLISHED["multilingual-MiniLMv2-L6-mnli-xnli"]
    deb = PUBLISHED["mDeBERTa-v3-base-mnli-xnli"]
    print(f"{'XNLI test':<12}{'ours':>7}{'MiniLMv2-L6':>13}{'mDeBERTa':>10}")
    for lang in FOCUS:
        print(f"{lang:<12}{acc[lang]:>7.3f}{pub[lang]:>13.3f}{deb[lang]:>10.3f}")
    s = r["summary"]
    print(f"{'mean 4':<12}{s['mean_en_ar_ru_ur']:>7.3f}{sum(pub[x] for x in FOCUS) / 4:>13.3f}{sum(deb[x] for x in FOCUS) / 4:>10.3f}")
    print(f"{'mean 15':<12}{s['mean_15']:>7.3f}{pub['mean15']:>13.3f}{deb['mean15']:>10.3f}")
    print(f"mixed pairs mean {s['mean_mixed']:.3f}: " + ", ".join(
        f"{k} {v['metrics']['accuracy']:.3f}" for k, v in r["xnli_mixed"].items()))
    a = r["ans_stance"]
    print(f"ANS stance dev: agree/disagree {a['agree_disagree']['metrics']['accuracy']:.3f}, "
          f"3-way {a['three_way']['metrics']['accuracy']:.3f}")
    sp = r["speed"]
    print(f"speed: {sp['pairs_per_s_batch32']} pairs/s batched vs {sp['pairs_per_s_one_at_a_time']} one at a time "
          f"({sp['ratio']}x); load {r['load_s']} s")


def rows(result: dict) -> list[Row]:
    s = result["summary"]
    acc = s["accuracy"]
    pub = PUBLISHED["multilingual-MiniLMv2-L6-mnli-xnli"]
    deb = PUBLISHED["mDeBERTa-v3-base-mnli-xnli"]
    sp = result["speed"]

    def four(d):
        return " / ".join(f"{d[x]:.3f}" for x in FOCUS)

    return [
        Row("XNLI test accuracy en / ar / ru / ur (factcheck-nli-e5small)", four(acc),
            f"MiniLMv2-L6 {four(pub)}; mDeBERTa-base {four(deb)}"),
        Row("XNLI test mean en/ar/ru/ur; mean of 15", f"{s['mean_en_ar_ru_ur']:.3f}; {s['mean_15']:.3f}",
            f"MiniLMv2-L6 {sum(pub[x] for x in FOCUS) / 4:.3f}; {pub['mean15']:.3f}"),
        Row("XNLI mixed-language pairs, mean of 8", f"{s['mean_mixed']:.3f}", "target ≥ .69"),
        Row("ANS Arabic stance dev, agree vs disagree", f"{result['ans_stance']['agree_disagree']['metrics']['accuracy']:.3f}"),
        Row("NLI pairs/s on 2 cores (≤ 64 tokens), batched vs one at a time",
            f"{sp['pairs_per_s_batch32']} vs {sp['pairs_per_s_one_at_a_time']} ({sp['ratio']}×)", "target ≥ 150"),
    ]

