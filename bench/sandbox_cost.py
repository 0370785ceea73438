"""What the trusted-process sandbox costs per program, beside the sandbox it replaced, in one run.

    .venv/bin/python bench/sandbox_cost.py [--before b8e6283] [--problems 20] [--rounds 5]

Runs HumanEval's canonical solutions (the first N problems) through `run_tests` of this checkout, at this machine's
OS level and at `guards`, and through `metrics.run_tests` of the commit `--before` (checked out into a temporary git
worktree), interleaved round by round so that drift hits all of them alike. Prints the median milliseconds per program
and the ratio to "before". Time it on a quiet machine.
"""
import argparse, json, os, statistics, subprocess, sys, tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

TIMER = r'''
import json, sys, time
sys.path.insert(0, sys.argv[1])
from greenml.data import humaneval
tasks = humaneval(int(sys.argv[2]))
impl = sys.argv[3]
if impl == "before":
    from greenml.metrics import run_tests
    call = lambda t: run_tests(t.prompt + t.solution, t.tests)
else:
    from greenml.sandbox import run_tests
    call = lambda t: run_tests(t.prompt + t.solution, t.tests, t.entry_point, t.prompt, isolation=impl)
call(tasks[0])                                   # warm: imports, the isolation probe
out = []
for t in tasks:
    t0 = time.perf_counter(); ok = call(t)[0]; out.append((time.perf_counter() - t0, ok))
print(json.dumps(out))
'''

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--before", default="b8e6283", help="the commit whose metrics.run_tests is 'before' (default: b8e6283)")
    ap.add_argument("--problems", type=int, default=20, help="HumanEval problems per round (default: 20)")
    ap.add_argument("--rounds", type=int, default=5, help="rounds, each timing every implementation once (default: 5)")
    a = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    from greenml.sandbox import sandbox_isolation
    level = sandbox_isolation()
    tree = Path(tempfile.mkdtemp(prefix="greenml-before-"))/"tree"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(tree), a.before], check=True)
    impls = {"before": tree, level: ROOT, **({"guards": ROOT} if level != "guards" else {})}
    times = {k: [] for k in impls}; passed = {k: [] for k in impls}
    try:
        for r in range(a.rounds):
            for name, root in (impls.items() if r % 2 == 0 else reversed(impls.items())):
                res = subprocess.run([sys.executable, "-c", TIMER, str(root), str(a.problems), name], capture_output=True, text=True, check=True)
                rows = json.loads(res.stdout.strip().splitlines()[-1])
                times[name] += [t for t, _ in rows]; passed[name] += [ok for _, ok in rows]
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=False)
    base = statistics.median(times["before"])
    print(f"{a.rounds} rounds x {a.problems} HumanEval canonical solutions; cores: {os.cpu_count()}")
    print(f"{'sandbox':<34}{'median ms/program':>18}{'vs before':>11}{'passed':>9}")
    for name in impls:
        m = statistics.median(times[name])
        label = f"before ({a.before}, metrics.run_tests)" if name == "before" else f"now, {name}"
        print(f"{label:<34}{1000*m:>18.1f}{m/base:>10.2f}x{sum(passed[name]):>5}/{len(passed[name])}")

if __name__ == "__main__":
    main()
