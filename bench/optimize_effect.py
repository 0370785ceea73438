"""Effect of every strategy on the embedded models, side by side in one run.

For smollm2-135m and efficientnet-lite0: size on disk, parameter count, measured
sparsity, int8 layers, latency per sample relative to the baseline (median of
REPS forward passes, batch 1: one 32-token sequence / one 224x224 image), and
agreement of the top-1 prediction with the baseline's.

    .venv/bin/python bench/optimize_effect.py [REPS]
"""
import sys, time, statistics, tempfile, warnings
from pathlib import Path
warnings.filterwarnings("ignore")
import torch
from greenml.models import load_model
from greenml.optimize import apply_strategy, prove, save_optimized, baseline_size, torch_effect, STRATEGIES

REPS = int(sys.argv[1]) if len(sys.argv) > 1 else 10
STRATS = ["prune-l1", "prune-structured", "quant-dynamic", "bf16", "onnx", "onnx-int8"]
root = Path(tempfile.mkdtemp(prefix="greenml-bench-"))

def latency(fn, x, reps=REPS):
    for _ in range(2): fn(x)
    ts = []
    for _ in range(reps):
        t = time.perf_counter(); fn(x); ts.append(time.perf_counter() - t)
    return statistics.median(ts)

def inputs(lm):
    if lm.task == "causal-lm":
        text = ("def fibonacci(n):\n    \"Return the n-th Fibonacci number.\"\n    a, b = 0, 1\n    for _ in range(n): a, b = b, a + b\n"
                "    return a\n\nThe quick brown fox jumps over the lazy dog.")
        enc = lm.tokenizer([text], return_tensors="pt", truncation=True, max_length=32)
        return {"input_ids": enc["input_ids"], "attention_mask": enc["attention_mask"]}
    from skimage import data as skd
    from PIL import Image
    return {"pixel_values": lm.preprocess(Image.fromarray(skd.chelsea()))[None]}

def agreement(a, b):
    return float((a.argmax(-1) == b.argmax(-1)).float().mean())

print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, {REPS} timed forward passes per version (median)\n")
for name in ("smollm2-135m", "efficientnet-lite0"):
    lm = load_model(name)
    x = inputs(lm)
    base_lat = latency(lm.logits, x)
    base_out = lm.logits(x)
    be = torch_effect(lm.model)
    rows = [("baseline", baseline_size(lm, root), be["params"], be["sparsity"], f"0/{be['linear_layers']}", base_lat, 1.0, "")]
    for s in STRATS:
        t = time.perf_counter()
        o = apply_strategy(lm, s)
        took = time.perf_counter() - t
        eff = prove(o)
        save_optimized(o, root)
        lat = latency(o.logits, x)
        agree = agreement(o.logits(x), base_out)
        rows.append((s, eff["size_on_disk"], eff["params"], eff["sparsity"], f"{eff['quantized_layers']}/{eff['eligible_layers']}",
                     lat, agree, f"{'ok' if eff['took_effect'] else 'NO EFFECT'}; applied in {took:.1f} s"))
        del o
    print(f"== {name} ({lm.task}; latency per sample: {'one 32-token sequence' if lm.task == 'causal-lm' else 'one 224x224 image'})")
    print(f"{'version':<18}{'size MB':>9}{'x base':>8}{'params M':>10}{'sparsity':>9}{'int8':>9}{'ms/sample':>11}{'x base':>8}{'top-1 agree':>12}  note")
    b = rows[0]
    for r in rows:
        print(f"{r[0]:<18}{r[1]/1e6:>9.1f}{r[1]/b[1]:>8.2f}{r[2]/1e6:>10.2f}{r[3]:>9.3f}{r[4]:>9}{r[5]*1e3:>11.1f}{r[5]/b[5]:>8.2f}{r[6]:>12.2f}  {r[7]}")
    print()
    del lm
