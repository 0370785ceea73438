"""Effect of every strategy on the embedded models, side by side in one run.

For each embedded model and each strategy that applies to it on the CPU, relative to the baseline:
size on disk, parameters, and speed —
- LMs (smollm2-135m): tokens/s of greedy decoding, 48 new tokens per prompt (4 prompts), with the runtime's KV cache
  where it has one (torch `generate`, onnxruntime-genai; the `torch.onnx` export has none); greedy token agreement with
  the baseline (the fraction of the 4 x 48 positions where the version chose the baseline's token, free-running);
  and the fraction of the memory-bandwidth roofline: decoding reads every weight once per token, so tokens/s cannot
  exceed memory bandwidth / weight bytes (taken as the size on disk, a proxy: an embedding lookup reads one row); the
  bandwidth is the traffic (bytes read + written) of a single-threaded 256 MB numpy copy, measured in the same run — so
  the fraction is a guide, not a bound (decoding reads with all cores).
- vision (efficientnet-lite0): ms per image (batch 1, median of shuffled rounds), top-1 agreement with the baseline on
  4 scikit-image photos (none of them a calibration image), and top-1 accuracy on the thesis's 50 images when `greenml.data.thesis_path('data')` finds it (../shared/seed, GREENML_THESIS_RESULTS, or `greenml thesis fetch`)
  is there.
Latencies are medians of REPS rounds; each round times every version once, in a shuffled order, with a pause after each
call (ONNX Runtime's worker threads spin-wait after a run and would slow whatever is timed next).

    .venv/bin/python bench/optimize_effect.py [REPS]
"""
import os, sys, time, statistics, tempfile, warnings, random
from pathlib import Path
warnings.filterwarnings("ignore")
import numpy as np
import torch
from greenml.models import load_model
from greenml.optimize import STRATEGIES, apply_strategy, applicable, prove, save_optimized, baseline_size, torch_effect
from greenml.runtimes import GenaiModule
from greenml.optimize import OrtModule

REPS = int(sys.argv[1]) if len(sys.argv) > 1 else 7
NEW = 48
root = Path(tempfile.mkdtemp(prefix="greenml-bench-"))
from greenml.data import thesis_path
THESIS = thesis_path("data") or Path("/nonexistent")
PROMPTS = ["The capital of France is", "Once upon a time, in a small village,", "def fibonacci(n):\n    \"Return the n-th Fibonacci number.\"\n",
           "The three primary colours are"]


def copy_bandwidth(mb=256, reps=5):
    "Memory traffic per second of a 256 MB copy: the bytes read plus the bytes written, over the fastest of `reps` copies."
    a = np.ones(mb * 2**20 // 8); b = np.empty_like(a)
    best = min((lambda t: (np.copyto(b, a), time.perf_counter() - t)[1])(time.perf_counter()) for _ in range(reps))
    return 2 * a.nbytes / best


def greedy(model, tok, ids, n=NEW):
    "Exactly n new tokens, greedy, through the model's own runtime."
    if isinstance(model, GenaiModule): return model.generate_ids(ids[0].tolist(), n, min_new_tokens=n)
    with torch.inference_mode():
        if isinstance(model, OrtModule):                       # the torch.onnx export: no KV cache, the whole sequence each step
            cur = ids
            for _ in range(n):
                nxt = model(input_ids=cur, attention_mask=torch.ones_like(cur))[0, -1].argmax()
                cur = torch.cat([cur, nxt.view(1, 1)], 1)
            return cur[0, ids.shape[1]:].tolist()
        out = model.generate(input_ids=ids, attention_mask=torch.ones_like(ids), max_new_tokens=n, min_new_tokens=n, do_sample=False,
                             pad_token_id=tok.pad_token_id if tok.pad_token_id is not None else tok.eos_token_id)
        return out[0, ids.shape[1]:].tolist()


def versions_of(lm):
    be = torch_effect(lm.model)
    vs = {"baseline": (lm.model, dict(size_on_disk=baseline_size(lm, root), params=be["params"], quantized_layers=0,
                                      eligible_layers=be["linear_layers"], took_effect=True, effect_summary=""), 0.0)}
    for s in STRATEGIES:
        if applicable(s, lm.spec, "cpu"): continue
        t = time.perf_counter(); o = apply_strategy(lm, s); took = time.perf_counter() - t
        eff = prove(o); save_optimized(o, root)
        vs[s] = (o.model, eff, took)
    return vs


def lm_table(name, bw):
    lm = load_model(name); tok = lm.tokenizer
    prompts = [tok(p, return_tensors="pt")["input_ids"] for p in PROMPTS]
    vs = versions_of(lm)
    base = [greedy(lm.model, tok, p) for p in prompts]
    outs = {k: [greedy(m, tok, p) for p in prompts] for k, (m, _, _) in vs.items()}
    agree = {k: sum(a == b for o, bo in zip(v, base) for a, b in zip(o, bo)) / (len(prompts) * NEW) for k, v in outs.items()}
    secs = {k: [] for k in vs}
    rng = random.Random(0)
    for _ in range(REPS):
        order = list(vs); rng.shuffle(order)
        for k in order:
            p = prompts[_ % len(prompts)]
            t = time.perf_counter(); greedy(vs[k][0], tok, p); secs[k].append(time.perf_counter() - t)
            time.sleep(0.1)   # ONNX Runtime's threads spin-wait after a run: let them stop before the next version is timed
    tps = {k: NEW / statistics.median(v) for k, v in secs.items()}
    print(f"== {name}: greedy decoding, {NEW} new tokens, {len(prompts)} prompts; copy bandwidth {bw/1e9:.1f} GB/s")
    print(f"{'version':<20}{'size MB':>9}{'x base':>8}{'params M':>10}{'quant':>9}{'tok/s':>8}{'x base':>8}{'roofline':>9}{'agree':>7}  proof")
    b = vs["baseline"][1]
    for k, (_, e, took) in vs.items():
        roof = bw / e["size_on_disk"]
        print(f"{k:<20}{e['size_on_disk']/1e6:>9.1f}{e['size_on_disk']/b['size_on_disk']:>8.2f}{e['params']/1e6:>10.2f}"
              f"{str(e['quantized_layers'])+'/'+str(e['eligible_layers']):>9}{tps[k]:>8.1f}{tps[k]/tps['baseline']:>8.2f}{tps[k]/roof:>9.2f}"
              f"{agree[k]:>7.2f}  {'' if k == 'baseline' else ('ok' if e['took_effect'] else 'NO EFFECT') + f' ({took:.1f} s): ' + str(e.get('effect_summary', ''))[:70]}")
    print()


def vision_table(name):
    from skimage import data as skd
    from PIL import Image
    lm = load_model(name)
    xs = [lm.preprocess(Image.fromarray(p))[None] for p in (skd.chelsea(), skd.coffee(), skd.rocket(), skd.camera())]
    thesis = None
    if THESIS.exists():
        from greenml.data import load_dataset
        thesis = load_dataset("vision", str(THESIS))
        tx = [lm.preprocess(s.image)[None] for s in thesis]
    vs = versions_of(lm)
    from dataclasses import replace
    call = lambda m, x: replace(lm, model=m).logits({"pixel_values": x})
    base = [call(lm.model, x).argmax(-1) for x in xs]
    agree = {k: statistics.mean(float((call(m, x).argmax(-1) == b).float().mean()) for x, b in zip(xs, base)) for k, (m, _, _) in vs.items()}
    top1 = {}
    if thesis:
        for k, (m, _, _) in vs.items():
            top1[k] = statistics.mean(int(call(m, x).argmax(-1)) in s.labels for x, s in zip(tx, thesis))
    for k, (m, _, _) in vs.items(): call(m, xs[0]); call(m, xs[0])       # warm-up
    secs = {k: [] for k in vs}
    rng = random.Random(0)
    for r in range(REPS * 5):
        order = list(vs); rng.shuffle(order)
        for k in order:
            t = time.perf_counter(); call(vs[k][0], xs[r % len(xs)]); secs[k].append(time.perf_counter() - t)
            time.sleep(0.05)   # ONNX Runtime's threads spin-wait after a run: let them stop before the next version is timed
    lat = {k: statistics.median(v) for k, v in secs.items()}
    print(f"== {name}: batch 1, 224x224; top-1 agreement with the baseline on 4 scikit-image photos"
          + (f"; top-1 accuracy on the thesis's {len(thesis)} images" if thesis else ""))
    print(f"{'version':<20}{'size MB':>9}{'x base':>8}{'params M':>10}{'quant':>9}{'ms/image':>10}{'x base':>8}{'agree':>7}{'top-1':>7}  proof")
    b = vs["baseline"][1]
    for k, (_, e, took) in vs.items():
        print(f"{k:<20}{e['size_on_disk']/1e6:>9.1f}{e['size_on_disk']/b['size_on_disk']:>8.2f}{e['params']/1e6:>10.2f}"
              f"{str(e['quantized_layers'])+'/'+str(e['eligible_layers']):>9}{lat[k]*1e3:>10.1f}{lat[k]/lat['baseline']:>8.2f}{agree[k]:>7.2f}"
              f"{top1.get(k, float('nan')):>7.2f}  {'' if k == 'baseline' else ('ok' if e['took_effect'] else 'NO EFFECT') + f' ({took:.1f} s): ' + str(e.get('effect_summary', ''))[:70]}")
    print()


if __name__ == "__main__":
    import shutil
    bw = copy_bandwidth()
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads; {REPS} rounds; copy bandwidth {bw/1e9:.1f} GB/s\n")
    try:
        lm_table("smollm2-135m", bw)
        vision_table("efficientnet-lite0")
    finally: shutil.rmtree(root, ignore_errors=True)
