"""J per sample from per-sample windows (today's) against one resolving window (`measure_passes`), on emulated sources.

A synthetic workload of two versions — B is the same ~40 samples at 0.6x the time and 1.3x the power (B/A = 0.78 per
sample); samples of a fixed 5 ms or of 2-20 ms, whose power varies +-50% between samples and doubles in a prefill-like
half — is replayed through four emulated energy sources read by the real backends and the real Meter
(`greenml.emulate`): an NVML-like GPU counter (moves every 100 ms by the mean power of the last 25 ms, times 100 ms),
a RAPL-like CPU counter (1 ms updates, wrapping around), CodeCarbon's cpu_load model in its machine scope on emulated
10 ms CPU ticks of 2 cores (1% background; source 'load'), and in greenml's default process scope on an emulated process
CPU clock whose other-core thread is brought up to date at 10 ms scheduler ticks (source 'process'). Ten blocks, each
with a random phase order, a random version order and random idle gaps, so windows fall at every phase of the ticks. Per-sample: a window per sample, J per sample = the windows' mean. Resolving:
`measure_passes` over a version's samples (passes until the window is `min_window_s` long; passes after the first
in a shuffled order, with a shuffle seed of its own in each block), J per sample = window /
(passes x samples). J per sample is the mean over the blocks; the truth is the trace's exact energy (for the load
model, either scope: the model at the samples' exact mean load, times their time). Prints one table: the errors of J per sample for
A and B and of the B/A ratio (%), the share of windows below resolution, and the mean passes per window.

    .venv/bin/python bench/attribution.py [--seed 0] [--blocks 10] [--min-window S]
"""
import argparse, time
from greenml.emulate import attribution_table, format_table
from greenml.measure import GPU_MIN_WINDOW_S

ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
ap.add_argument("--seed", type=int, default=0, help="seed of the workload, the orders, the gaps and the sources")
ap.add_argument("--blocks", type=int, default=10, help="blocks per run (each a random phase order and version order)")
ap.add_argument("--min-window", type=float, default=None, help="resolving window's minimum (s); default: the meter's own")
a = ap.parse_args()

t = time.perf_counter()
# the emulated RAPL file has no Zeus poller: between two reads it may cross its range once at most. At the default, RAPL's
# resolving window is its own 10 ms minimum (one pass, under 0.5 s of this workload) and a 268 J range, crossed several
# times a run, is safe; a --min-window makes longer RAPL windows, which get 4.3 kJ (or 1.1 MJ past 10 s). A double wrap
# reads low, so the check bounds each window by the trace's highest power times its length instead of by what it read
rng_uj = 2**28 if a.min_window is None else 2**32 if a.min_window <= 10 else 2**40
rows = attribution_table(seed=a.seed, blocks=a.blocks, min_window_s=a.min_window, max_energy_range_uj=rng_uj)
bound = max(max(r["run"].trace.watts)*max(rec.duration_s for rec in r["run"].records) for r in rows if r["source"] == "rapl")
if bound >= rng_uj/1e6: raise SystemExit(f"a RAPL window may hold {bound:.0f} J, over its {rng_uj/1e6:.0f} J range: it could wrap twice")
print(format_table(rows))
mw = f"the meter's min_window_s (nvml {GPU_MIN_WINDOW_S:g} s, rapl 0.01 s, load and process 1 s)" if a.min_window is None else f"{a.min_window:g} s"
print(f"seed {a.seed}, {a.blocks} blocks, resolving windows of at least {mw}; {time.perf_counter() - t:.1f} s")
