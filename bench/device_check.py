"""Device check: greenml's meter on a real GPU.

Prints `greenml doctor`'s view of the machine, then runs the two embedded models' shapes — SmolLM2-135M (greedy decoding
with a KV cache) and EfficientNet-Lite0 (batches of images) — as baseline fp32 and two optimized versions (fp16, bf16) on
the GPU the way a study measures them: one resolving window per version (`measure_passes`: the samples pass after pass
until the window is the meter's `min_window_s`, 8 s where NVML is read), each version after a cool-down that waits for
the GPU's power to fall back near idle, and prints per version:

- per-GPU energy of the infer phase, and its average power, which must lie between the GPU's idle power (measured with the
  CUDA context and the model loaded) and its power limit — a check that the counter, the CUDA sync at window edges and the
  idle baseline agree;
- J per sample (per token for the LM);
- where the CPU or RAM was read from RAPL, how far CodeCarbon's estimate of the same windows was from the counter;
- how often the NVML energy counter actually updates (polled), against the 0.1 s the meter assumes;
- the passes the window took, and beside it the old way: a window per sample (how many were below resolution, and how far
  their mean J per sample is from the resolving window's);
- the cool-down: how long the GPU took to return within 10% of its idle power, and the GPU's temperature before and
  after the window (as `zeus.profile` records it).

Weights are RANDOM: SmolLM2's 538 MB cannot travel to a lent GPU machine, and energy and speed depend on the shapes, not on
the values. No correctness figure is computed or reported.

Run: `python bench/device_check.py` (CUDA required; `--device cpu --samples 2` is a dry run of the script itself).
Needs greenml's measure layer: torch, transformers, efficientnet-lite-pytorch, codecarbon, zeus, psutil, pandas, nvidia-ml-py.
"""
import argparse, json, math, statistics, sys, time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import torch
from greenml.measure import Meter, doctor, measure_passes

# SmolLM2-135M-Instruct's architecture (its GGUF header): a Llama decoder, 134.5 M parameters with the tied head.
SMOLLM2 = dict(vocab_size=49152, hidden_size=576, intermediate_size=1536, num_hidden_layers=30, num_attention_heads=9,
               num_key_value_heads=3, max_position_embeddings=8192, rms_norm_eps=1e-5, rope_theta=100000.0,
               tie_word_embeddings=True, hidden_act="silu")


def smollm2(device, dtype):
    from transformers import LlamaConfig, LlamaForCausalLM
    torch.manual_seed(0)
    return LlamaForCausalLM(LlamaConfig(**SMOLLM2)).to(device=device, dtype=dtype).eval()


def efficientnet(device, dtype):
    from efficientnet_lite_pytorch import EfficientNet
    torch.manual_seed(0)
    return EfficientNet.from_name("efficientnet-lite0").to(device=device, dtype=dtype).eval()


def lm_sample(model, device, tokens, seed):
    g = torch.Generator().manual_seed(seed)
    ids = torch.randint(0, SMOLLM2["vocab_size"], (1, 24), generator=g).to(device)
    out = model.generate(input_ids=ids, attention_mask=torch.ones_like(ids), max_new_tokens=tokens, min_new_tokens=tokens,
                         do_sample=False, pad_token_id=0)
    return out.shape[1] - ids.shape[1]


def vision_sample(model, device, dtype, batch, seed):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(batch, 3, 224, 224, generator=g).to(device=device, dtype=dtype)
    model(x)
    return batch


def counter_period(meter, seconds=1.0):
    "Median interval between changes of the first counted GPU's energy counter, polled as fast as Python can."
    g = next((b for b in meter.backends if b.name == "gpu"), None)
    if g is None or not g.indices or not g.counted(g.indices[0]): return None
    i, last, changes, t0 = g.indices[0], None, [], time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        v = g.gpus.get_total_energy_consumption(i)
        if last is not None and v != last: changes.append(time.perf_counter())
        last = v
    return statistics.median(b - a for a, b in zip(changes, changes[1:])) if len(changes) > 2 else None


def cooldown(meter, most_s=30.0, step_s=1.0, tol=0.10):
    "Wait until the GPU's power, read over `step_s` windows (ten NVML updates), is within `tol` of its idle power (at most `most_s`); the seconds waited."
    idle = (meter.idle_w or {}).get("gpu")
    if idle is None or not meter.device.startswith("cuda"): return 0.0
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < most_s:
        with meter.measure("cooldown") as w: time.sleep(step_s)
        g = w.record.components.get("gpu")
        if g is not None and g.energy_j / w.record.duration_s <= idle*(1 + tol): break
    return round(time.perf_counter() - t0, 1)


def run_version(meter, name, make, sample, n, device):
    waited = cooldown(meter)                                       # the previous version's heat gone
    model = make()
    meter.idle_baseline(force=True, components=["gpu"])            # CUDA context and model in place
    with torch.inference_mode():
        for s in range(3): sample(model, 10_000 + s)               # warm-up (kernels, caches), not measured
        t0 = meter.gpu_temperature()
        p = measure_passes(meter, list(range(n)), lambda s: sample(model, s), name="infer", model=name)
        p.temps = (t0, meter.gpu_temperature())                    # as zeus.profile records them
        with meter.measure("per-sample", model=name) as w:         # the old way, for comparison: a window per sample
            per = []
            for s in range(n):
                with meter.measure("sample", model=name) as ws: u = sample(model, s)
                per.append((ws.record, u))
    del model
    if device.startswith("cuda"): torch.cuda.empty_cache()
    return p, per, waited


def report(p, per, waited, unit, gpu_limits):
    rec = p.record
    units = sum(u for _, u in per) * p.passes
    out = dict(duration_s=round(rec.duration_s, 3), passes=p.passes, energy_j=round(rec.energy_j, 3), below_resolution=rec.below_resolution,
               sources=rec.sources, flags=rec.flags, cooldown_s=waited, gpu_temp_c=p.temps)
    j = rec.energy_j / units if units else math.nan
    out[f"j_per_{unit}"] = round(j, 5)
    old = sum(r.energy_j for r, _ in per) / max(1, sum(u for _, u in per))
    out["per_sample_windows"] = dict(below_resolution=f"{sum(r.below_resolution for r, _ in per)} of {len(per)}",
                                     **{f"j_per_{unit}": round(old, 5)}, vs_resolving=f"{old/j - 1:+.1%}" if j else None)
    g = rec.components.get("gpu")
    if g is not None:
        out["gpu"] = {}
        for dev, e in g.parts.items():
            watts = e / rec.duration_s
            idle = g.idle_w
            limit = gpu_limits.get(dev)
            ok = idle is not None and limit is not None and idle <= watts <= limit
            out["gpu"][dev] = dict(energy_j=round(e, 3), avg_power_w=round(watts, 1), idle_w=None if idle is None else round(idle, 1),
                                   limit_w=limit, power_between_idle_and_limit=ok)
    for c, ce in rec.components.items():
        if ce.estimate_error is not None: out[f"{c}_estimate_error"] = f"{ce.estimate_error:+.1%} (counter {ce.energy_j:.2f} J, CodeCarbon {ce.estimate_j:.2f} J)"
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--device", default="cuda:0")
    ap.add_argument("--samples", type=int, default=8)
    ap.add_argument("--tokens", type=int, default=64, help="new tokens per LM sample")
    ap.add_argument("--batch", type=int, default=32, help="images per vision sample")
    ap.add_argument("--idle", type=float, default=2.0)
    a = ap.parse_args()
    if a.device.startswith("cuda") and not torch.cuda.is_available():
        print(f"device_check: {a.device} requested but torch sees no CUDA device: run it on a machine with an NVIDIA GPU (or --device cpu for a dry run)")
        return 2
    meter = Meter(idle_s=a.idle)
    d = doctor(meter)
    print("== doctor"); print(json.dumps({k: d[k] for k in ("machine", "zeus", "gpus", "backends", "components", "calibration", "estimated")}, indent=1, default=str))
    meter.use_device(a.device)
    meter.idle_baseline()
    g = next((b for b in meter.backends if b.name == "gpu"), None)
    limits = {f"cuda:{i}": g.gpus.get_power_management_limit(i) / 1000 for i in g.indices} if g else {}
    print(f"== NVML energy counter update period: {counter_period(meter)} s (the meter assumes 0.1 s); resolving windows of at least {meter.min_window_s} s")
    versions = {"fp32": torch.float32, "fp16": torch.float16, "bf16": torch.bfloat16}
    if not a.device.startswith("cuda"): versions.pop("fp16")       # no fast fp16 kernels on CPU
    results = {}
    for vname, dt in versions.items():
        res = run_version(meter, f"smollm2-135m/{vname}", lambda: smollm2(a.device, dt),
                          lambda m, s: lm_sample(m, a.device, a.tokens, s), a.samples, a.device)
        results[f"smollm2-135m (random weights) {vname}"] = report(*res, "token", limits)
        res = run_version(meter, f"efficientnet-lite0/{vname}", lambda: efficientnet(a.device, dt),
                          lambda m, s: vision_sample(m, a.device, dt, a.batch, s), a.samples, a.device)
        results[f"efficientnet-lite0 (random weights) {vname}"] = report(*res, "image", limits)
    print("== infer phase per version"); print(json.dumps(results, indent=1))
    bad = [k for k, v in results.items() for dev, x in v.get("gpu", {}).items() if not x["power_between_idle_and_limit"]]
    short = [k for k, v in results.items() if v["below_resolution"]]
    print("== resolution:", "every version's window resolved" if not short else f"BELOW RESOLUTION: {short}")
    print("== power check:", "every version's average GPU power lies between idle and the power limit" if not bad and limits
          else ("no GPU counted" if not limits else f"OUT OF RANGE: {bad}"))
    return 0 if not bad and not short else 1


if __name__ == "__main__":
    sys.exit(main())
