"""Effect of every strategy on the embedded models, side by side in one run.

For smollm2-135m and efficientnet-lite0: size on disk, parameter count, measured
sparsity, int8 layers, latency per sample relative to the baseline (median of
REPS forward passes, batch 1: one 32-token sequence / one 224x224 image), and
agreement of the top-1 prediction with the baseline's.

    .venv/bin/python bench/optimize_effect.py [REPS]
"""
import sys, time, statistics, tempfile, warnings, random
from pathlib import Path
warnings.filterwarnings("ignore")
import torch
from greenml.models import load_model
from greenml.optimize import apply_strategy, prove, save_optimized, baseline_size, torch_effect, STRATEGIES

REPS = int(sys.argv[1]) if len(sys.argv) > 1 else 20
STRATS = ["prune-l1", "prune-structured", "quant-dynamic", "bf16", "onnx", "onnx-int8"]
root = Path(tempfile.mkdtemp(prefix="greenml-bench-"))

def inputs(lm):
    if lm.task == "causal-lm":
        text = ("def fibonacci(n):\n    \"Return the n-th Fibonacci number.\"\n    a, b = 0, 1\n    for _ in range(n): a, b = b, a + b\n"
                "    return a\n\nThe quick brown fox jumps over the lazy dog.")
        enc = lm.tokenizer([text], return_tensors="pt", truncation=True, max_length=32)
        return [{"input_ids": enc["input_ids"], "attention_mask": enc["attention_mask"]}]
    from skimage import data as skd
    from PIL import Image
    photos = [skd.chelsea(), skd.coffee(), skd.rocket(), skd.astronaut(), skd.camera()]
    return [{"pixel_values": lm.preprocess(Image.fromarray(p))[None]} for p in photos]

def agreement(a, b):
    return float((a.argmax(-1) == b.argmax(-1)).float().mean())

print(f"torch {torch.__version__}, {torch.get_num_threads()} threads; latency: median of {REPS} rounds, "
      "each timing every version once in a shuffled order\n")
for name in ("smollm2-135m", "efficientnet-lite0"):
    lm = load_model(name)
    xs = inputs(lm)
    be = torch_effect(lm.model)
    versions = {"baseline": (lm.logits, dict(size_on_disk=baseline_size(lm, root), params=be["params"], sparsity=be["sparsity"],
                quantized_layers=0, eligible_layers=be["linear_layers"], took_effect=True), 0.0)}
    for s in STRATS:
        t = time.perf_counter(); o = apply_strategy(lm, s); took = time.perf_counter() - t
        eff = prove(o); save_optimized(o, root)
        versions[s] = (o.logits, eff, took)
    base_out = [lm.logits(x) for x in xs]
    agree = {k: statistics.mean(agreement(f(x), b) for x, b in zip(xs, base_out)) for k, (f, _, _) in versions.items()}
    for f, _, _ in versions.values(): f(xs[0]); f(xs[0])          # warm-up
    times = {k: [] for k in versions}
    rng = random.Random(0)
    for _ in range(REPS):
        order = list(versions); rng.shuffle(order)
        for k in order:
            t = time.perf_counter(); versions[k][0](xs[0]); times[k].append(time.perf_counter() - t)
    lat = {k: statistics.median(v) for k, v in times.items()}
    what = "one 32-token sequence" if lm.task == "causal-lm" else "one 224x224 image"
    print(f"== {name} ({lm.task}; latency per sample: {what}; top-1 agreement with the baseline over "
          f"{'32 token positions' if lm.task == 'causal-lm' else f'{len(xs)} skimage photos'})")
    print(f"{'version':<18}{'size MB':>9}{'x base':>8}{'params M':>10}{'sparsity':>9}{'int8':>9}{'ms/sample':>11}{'x base':>8}{'top-1 agree':>12}  note")
    b = versions["baseline"][1]
    for k, (_, e, took) in versions.items():
        note = "" if k == "baseline" else f"{'ok' if e['took_effect'] else 'NO EFFECT'}; applied in {took:.1f} s"
        print(f"{k:<18}{e['size_on_disk']/1e6:>9.1f}{e['size_on_disk']/b['size_on_disk']:>8.2f}{e['params']/1e6:>10.2f}{e['sparsity']:>9.3f}"
              f"{str(e['quantized_layers'])+'/'+str(e['eligible_layers']):>9}{lat[k]*1e3:>11.1f}{lat[k]/lat['baseline']:>8.2f}{agree[k]:>12.2f}  {note}")
    print()
    del lm, versions
