__version__ = "0.0.1"

# The main API at the top level (`from greenml import Meter, run_experiment`), imported on first use:
# `import greenml` stays light, and the `greenml` command does not load torch before it needs it.
_API = {"GreenMLError": "core", "results_lock": "core",
        "Meter": "measure", "doctor": "measure",
        "get_spec": "models", "load_model": "models", "list_models": "models", "model_spec": "models", "declare_model": "models",
        "load_dataset": "data", "humaneval": "data", "fetch_thesis": "data", "thesis_path": "data",
        "STRATEGIES": "optimize", "apply_strategy": "optimize", "run_optimizations": "optimize",
        "run_inference": "inference",
        "load_config": "experiment", "parse_config": "experiment", "run_experiment": "experiment", "run_cluster": "cluster",
        "load_results": "results", "analyse": "report", "recommend": "analysis", "write_report": "report"}
__all__ = list(_API)

def __getattr__(name):
    if name in _API:
        import importlib
        return getattr(importlib.import_module(f".{_API[name]}", __name__), name)
    raise AttributeError(f"module 'greenml' has no attribute {name!r}")

def __dir__(): return sorted(list(globals()) + __all__)

def load_ipython_extension(ip):
    "`%load_ext greenml`: the `%%measure` cell magic (see greenml.measure)."
    from .measure import load_ipython_extension as _load
    _load(ip)
