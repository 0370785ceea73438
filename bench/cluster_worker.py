"""Does a Dask worker run a model as fast as a local run on the same machine?

Times efficientnet-lite0's forward pass on one 224x224 image (the median of
N passes after a warm-up) in four places, side by side in one run:

  local               this process, as `greenml run` runs it
  greenml local:1     a worker of `cluster.dask_client("local:1")`, started without
                      Dask's settings (`cluster.CLEAN_DASK`, as configs/dask.yaml does)
  dask defaults       a worker of a plain `distributed.LocalCluster`: its nanny sets
                      OMP_NUM_THREADS=1 (and MKL, OpenBLAS) and MALLOC_TRIM_THRESHOLD_=65536
  dask, threads back  the same worker with torch given its threads back: what is left
                      is the malloc setting, which cannot be undone in a running process

and prints each median and its ratio to the local one. greenml's target: its own
workers within run-to-run noise of 1.0 (energy estimated as power x time follows);
it refuses workers with Dask's settings (`cluster._check_env`).

    .venv/bin/python bench/cluster_worker.py [N]
"""
import os, sys, statistics, time, logging

N = int(sys.argv[1]) if len(sys.argv) > 1 else 40

def per_image(threads_back: bool = False) -> tuple:
    "Median seconds per forward pass here, the torch threads, and the Dask variables seen."
    import psutil, torch
    from greenml.cluster import DASK_ENV
    if threads_back: torch.set_num_threads(psutil.cpu_count(logical=False) or os.cpu_count())
    from greenml.models import get_spec
    lm = get_spec("efficientnet-lite0").load()
    x = {"pixel_values": torch.randn(1, 3, 224, 224)}
    for _ in range(5): lm.logits(x)
    ts = []
    for _ in range(N):
        t = time.perf_counter(); lm.logits(x); ts.append(time.perf_counter() - t)
    return statistics.median(ts), torch.get_num_threads(), [k for k in DASK_ENV if k in os.environ]

if __name__ == "__main__":
    import distributed
    from greenml.cluster import dask_client
    rows = [("local", per_image())]
    with dask_client("local:1") as c:   # first: a plain LocalCluster leaves Dask's variables in this process's environment
        rows.append(("greenml local:1", c.submit(per_image, pure=False, resources={"meter": 1}).result()))
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, dashboard_address=None, silence_logs=logging.ERROR) as lc, distributed.Client(lc) as c:
        rows.append(("dask defaults", c.submit(per_image, False, pure=False).result()))
        rows.append(("dask, threads back", c.submit(per_image, True, pure=False).result()))
    base = rows[0][1][0]
    print(f"efficientnet-lite0, one 224x224 image, median of {N} passes")
    print(f"{'where':<20}{'ms/image':>10}{'x local':>9}{'threads':>9}  Dask variables in its environment")
    for name, (s, th, seen) in rows:
        print(f"{name:<20}{s*1e3:>10.2f}{s/base:>9.2f}{th:>9}  {', '.join(seen) or '-'}")
