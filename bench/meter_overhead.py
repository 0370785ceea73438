"""Overhead of the meter on a ~1 s CPU workload.

Runs a fixed amount of pure-Python work bare, inside one window, and inside
three nested windows (run > phase > step), interleaved in a shuffled order,
REPS times each, and prints the medians and their ratios (target: wrapped /
bare <= 1.02). It also times 2,000 empty windows: the meter's own cost per
window, which run-to-run CPU speed noise on a shared VM (often +-5%) cannot hide.

    .venv/bin/python bench/meter_overhead.py [REPS]
"""
import sys, time, statistics, random
from greenml.measure import Meter

REPS = int(sys.argv[1]) if len(sys.argv) > 1 else 15

def work(n):
    s = 0
    for i in range(n): s += i * i
    return s

def calibrate(target=1.0):
    n = 1_000_000
    while True:
        t = time.perf_counter(); work(n); dt = time.perf_counter() - t
        if dt > 0.2: return int(n * target / dt)
        n *= 2

meter = Meter(idle_s=1.0)
meter.idle_baseline()                      # once per session, outside the timings
with meter.measure("warm-up"): pass        # starts the backends (CodeCarbon's ~1.5 s probe)
n = calibrate()

def bare(): work(n)
def wrapped():
    with meter.measure("step"): work(n)
def nested():
    with meter.measure("run"):
        with meter.measure("phase"):
            with meter.measure("step"): work(n)

times = {"bare": [], "one window": [], "three nested windows": []}
fns = dict(zip(times, (bare, wrapped, nested)))
rng = random.Random(0)
for _ in range(REPS):
    order = list(fns); rng.shuffle(order)   # interleaved, in a new order each round
    for k in order:
        f = fns[k]
        t = time.perf_counter(); f(); times[k].append(time.perf_counter() - t)

# The direct cost of a window: enter + exit with nothing inside, averaged over many.
K = 2000
t = time.perf_counter()
for _ in range(K):
    with meter.measure("empty"): pass
per_window = (time.perf_counter() - t) / K
del meter.records[-K:]

med = {k: statistics.median(v) for k, v in times.items()}
print(f"meter overhead, {REPS} interleaved runs each, workload {n:,} loop iterations")
print(f"backends: {', '.join(f'{c}={ch.source}' for c, (_, ch) in meter.channels.items())}")
print(f"{'variant':<24}{'median s':>10}{'min s':>10}{'max s':>10}{'ratio':>9}")
for k, v in times.items():
    print(f"{k:<24}{med[k]:>10.4f}{min(v):>10.4f}{max(v):>10.4f}{med[k]/med['bare']:>9.4f}")
# Adjacent runs share the machine's state (steal time, frequency): the median of
# per-round ratios is steadier than the ratio of medians on a shared VM.
paired = {k: statistics.median(a / b for a, b in zip(v, times["bare"])) for k, v in times.items()}
print(f"median of per-round ratios: " + ", ".join(f"{k} {paired[k]:.4f}" for k in times if k != "bare"))
print(f"one empty window costs {per_window*1e3:.3f} ms: {per_window/med['bare']*100:.3f}% of the {med['bare']:.2f} s workload")
worst = max(v for k, v in paired.items() if k != "bare")
print(f"worst ratio {worst:.4f} ({'within' if worst <= 1.02 else 'ABOVE'} the 2% target)")
