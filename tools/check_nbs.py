#!/usr/bin/env python3
"""What a committed notebook must not carry: widget state (nbdev-clean keeps it: `widgets` is on its hard-coded list),
charts as inline Vega data (charts are committed as PNG files beside the notebooks), or more than 100 KB.
`python tools/check_nbs.py` fails naming each problem; `--fix` removes widget state and inline chart outputs."""
import json, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 100_000
CHART_TYPES = ("application/vnd.vegalite", "application/vnd.vega")

def problems(path: Path, fix: bool = False) -> list[str]:
    "What is wrong with the notebook at `path` (after fixing what `fix` can)."
    nb = json.loads(path.read_text()); out = []
    if "widgets" in nb.get("metadata", {}):
        if fix: del nb["metadata"]["widgets"]
        else: out.append("saved widget state")
    for c in nb["cells"]:
        keep = [o for o in c.get("outputs", []) if not any(k.startswith(CHART_TYPES) for k in o.get("data", {}))]
        if len(keep) != len(c.get("outputs", [])):
            if fix: c["outputs"] = keep
            else: out.append(f"inline chart data in cell {c.get('id')}")
    if fix:
        path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n")
    if path.stat().st_size > LIMIT: out.append(f"{path.stat().st_size/1000:.0f} KB, over {LIMIT/1000:.0f} KB: split it")
    return out

def main(argv=sys.argv[1:]) -> int:
    bad = {p: problems(p, "--fix" in argv) for p in sorted((ROOT/"nbs").glob("*.ipynb"))}
    bad = {p: v for p, v in bad.items() if v}
    for p, v in bad.items(): print(f"{p.relative_to(ROOT)}: {'; '.join(v)}")
    if bad: print("fix: python tools/check_nbs.py --fix (widget state, inline charts); split a notebook over the limit"); return 1
    print(f"notebooks clean: no widget state, no inline chart data, none over {LIMIT/1000:.0f} KB"); return 0

if __name__ == "__main__": sys.exit(main())
