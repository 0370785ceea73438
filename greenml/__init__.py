__version__ = "0.0.1"

def load_ipython_extension(ip):
    "`%load_ext greenml`: the `%%measure` cell magic (see greenml.measure)."
    from .measure import load_ipython_extension as _load
    _load(ip)
