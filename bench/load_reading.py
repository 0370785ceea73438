"""How precisely each CodeCarbon scope reads a window's CPU load on this machine: the process clock against /proc/stat.

Two duty-cycle workloads on one thread — A busy 2 ms of every 5 ms (40%), B busy 3 ms of every 5 ms (60%) — run in
alternating 1 s windows (greenml's shortest resolving window for the load model), in a random order per pair. Each window
is read both ways at once through the real `CodeCarbonBackend`: scope 'process' (this process's CPU time,
`time.process_time()`, CodeCarbon's process mode: TDP x CPU share) and scope 'machine' (the system's busy ticks from
/proc/stat, CodeCarbon's default: TDP x (0.1 + 0.9 load^3)). Identical windows should read identically, so the spread of a
version's windows (CV) is the reading's noise plus the machine's; the B/A ratio of the estimated energy comes with a
95% interval over the pairs. Run it on a quiet machine: machine scope counts every other process too.

    .venv/bin/python bench/load_reading.py [--pairs 15] [--window 1.0]
"""
import argparse, math, random, time
import numpy as np
from scipy import stats
from greenml.backends import CodeCarbonBackend

ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
ap.add_argument("--pairs", type=int, default=15, help="A/B window pairs")
ap.add_argument("--window", type=float, default=1.0, help="length of each window (s)")
a = ap.parse_args()

scopes = {s: CodeCarbonBackend(scope=s) for s in ("process", "machine")}
for b in scopes.values(): b.tracker   # start CodeCarbon before any window

def duty(busy_ms, seconds, period_ms=5.0):
    t_end = time.perf_counter() + seconds
    while (t := time.perf_counter()) < t_end:
        while time.perf_counter() - t < busy_ms/1000: pass
        time.sleep(max(0.0, (period_ms - busy_ms)/1000))

WORK = {"A": 2.0, "B": 3.0}
rng = random.Random(0)
rows = {s: {v: [] for v in WORK} for s in scopes}   # scope -> version -> [(load, joules)]
t0 = time.perf_counter()
for _ in range(a.pairs):
    for v in rng.sample(list(WORK), 2):
        t = time.perf_counter(); s0 = {k: b.snapshot(t) for k, b in scopes.items()}
        duty(WORK[v], a.window)
        t = time.perf_counter(); s1 = {k: b.snapshot(t) for k, b in scopes.items()}
        for k, b in scopes.items():
            load = (s1[k][1] - s0[k][1])/(s1[k][2] - s0[k][2])
            rows[k][v].append((load, b.window(s0[k], s1[k])["cpu"].energy_j))

print(f"{a.pairs} pairs of {a.window:g} s windows; A: one thread 40% busy, B: 60%  ({time.perf_counter() - t0:.0f} s)")
print(f"{'scope':<9}{'load A':>9}{'load B':>9}{'CV A':>8}{'CV B':>8}{'B/A energy':>12}{'95% CI':>18}")
for k, r in rows.items():
    la, lb = (np.array([x[0] for x in r[v]]) for v in WORK)
    ja, jb = (np.array([x[1] for x in r[v]]) for v in WORK)
    lr = np.log(jb/ja); h = stats.t.ppf(0.975, len(lr) - 1)*lr.std(ddof=1)/math.sqrt(len(lr))
    print(f"{k:<9}{la.mean():>9.3f}{lb.mean():>9.3f}{ja.std(ddof=1)/ja.mean():>8.1%}{jb.std(ddof=1)/jb.mean():>8.1%}"
          f"{math.exp(lr.mean()):>12.3f}   [{math.exp(lr.mean() - h):.3f}, {math.exp(lr.mean() + h):.3f}]")
