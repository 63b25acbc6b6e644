"""Build an audit corpus from NTREX-128: its news documents in 5 languages as 5 outlets.

Each NTREX document (newstest2019: English source, human translations into Arabic, Urdu, Russian,
Kazakh) becomes one story reported by five outlets, ``outlet-en``, ``outlet-ar``, ``outlet-ur``,
``outlet-ru``, ``outlet-kk``: one JSON line per article (``text``, ``title``, ``date``, ``source``,
``lang``) in ``<out>/<outlet>.jsonl``. Every fourth story is perturbed in one language (rotating
over ar, ur, ru, kk, en): one number that the sentence shares with the English sentence gets another
value (``build_perturbations.change_number``: >= 10% off, same digit script). ``<out>/manifest.json``
lists the stories (document id, date) and each perturbation (story, outlet, line, old, new), which
is what the audit benchmark checks against.

Dates: story i is dated 2019-01-01 + i // 2 days (two stories a day), the same in every outlet.

Sizes: ``--articles N`` takes the first N / 5 stories. Above the 123 stories NTREX has, stories are
repeated as new editions: edition r is dated 200 * r days later and starts with a dateline, so its
articles are new documents (new content hashes) while their claims repeat, which is what a
scaling benchmark needs (the cost of audit bookkeeping, with embeddings and NLI cached as they are
for re-reported facts).

NTREX-128 is CC BY-SA 4.0; the corpus is written at run time to a folder outside the repository.

Run:  python benchmarks/build_audit_corpus.py OUT [--articles 600]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO / "benchmarks") not in sys.path:
    sys.path.insert(0, str(REPO / "benchmarks"))

from build_perturbations import change_number, is_year, numbers, stable_rng  # noqa: E402

LANGS = {"en": "newstest2019-src.eng.txt", "ar": "newstest2019-ref.arb.txt", "ur": "newstest2019-ref.urd.txt",
         "ru": "newstest2019-ref.rus.txt", "kk": "newstest2019-ref.kaz.txt"}
PERTURB_ORDER = ("ar", "ur", "ru", "kk", "en")
BASE_DATE = dt.date(2019, 1, 1)


def data_dir() -> Path:
    return Path(os.environ.get("FACTCHECK_DATA") or REPO.parent / "shared" / "data")


def load_ntrex(root: Path) -> list[tuple[str, dict[str, list[str]]]]:
    """(document id, {lang: lines}) in corpus order."""
    ids = (root / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    lines = {lang: (root / f).read_text(encoding="utf-8").splitlines() for lang, f in LANGS.items()}
    docs: list[tuple[str, dict[str, list[str]]]] = []
    for i, doc_id in enumerate(ids):
        if not docs or docs[-1][0] != doc_id:
            docs.append((doc_id, {lang: [] for lang in LANGS}))
        for lang in LANGS:
            docs[-1][1][lang].append(lines[lang][i].strip())
    return docs


def perturb(doc_id: str, texts: dict[str, list[str]], lang: str) -> dict | None:
    """Change one number that line l of ``lang`` shares with the English line l (not the title)."""
    rng = stable_rng("audit-corpus", doc_id, lang)
    options = []
    for li in range(1, len(texts[lang])):
        en_vals = {v for _, _, _, v in numbers(texts["en"][li])}
        for s, e, raw, v in numbers(texts[lang][li]):
            if v in en_vals and v != 0:
                options.append((li, s, e, raw, v))
    rng.shuffle(options)
    for li, s, e, raw, v in options:
        new = change_number(raw, v, rng, year=is_year(raw, v))
        if new:
            line = texts[lang][li]
            texts[lang][li] = line[:s] + new + line[e:]
            return {"line": li, "old": raw, "new": new, "sentence": texts[lang][li],
                    "english": texts["en"][li]}
    return None


def build(out: Path, articles: int = 600, data: Path | None = None) -> dict:
    root = (data or data_dir()) / "eval" / "ntrex128"
    base = load_ntrex(root)
    n_stories = max(1, articles // len(LANGS))
    out.mkdir(parents=True, exist_ok=True)
    files = {lang: open(out / f"outlet-{lang}.jsonl", "w", encoding="utf-8") for lang in LANGS}
    stories, perturbations = [], []
    try:
        for i in range(n_stories):
            edition, k = divmod(i, len(base))
            doc_id, texts = base[k]
            texts = {lang: list(lines) for lang, lines in texts.items()}
            date = BASE_DATE + dt.timedelta(days=k // 2 + 200 * edition)
            story = {"story": i, "document": doc_id, "edition": edition, "date": date.isoformat()}
            if k % 4 == 1:
                lang = PERTURB_ORDER[(k // 4) % len(PERTURB_ORDER)]
                p = perturb(doc_id, texts, lang)
                if p:
                    perturbations.append({"story": i, "outlet": f"outlet-{lang}", "lang": lang, **p})
                    story["perturbed"] = f"outlet-{lang}"
            stories.append(story)
            for lang, lines in texts.items():
                body = "\n".join(x for x in lines if x)
                if edition:
                    body = f"{date.isoformat()}\n{body}"
                rec = {"text": body, "title": lines[0], "date": date.isoformat(), "source": f"outlet-{lang}",
                       "lang": lang, "story": i}
                files[lang].write(json.dumps(rec, ensure_ascii=False) + "\n")
    finally:
        for fh in files.values():
            fh.close()
    manifest = {"source": "NTREX-128 newstest2019 (CC BY-SA 4.0)", "articles": n_stories * len(LANGS),
                "stories": stories, "perturbations": perturbations}
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--articles", type=int, default=600)
    args = ap.parse_args(argv)
    m = build(args.out, args.articles)
    print(f"{m['articles']} articles, {len(m['stories'])} stories, {len(m['perturbations'])} perturbed -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
