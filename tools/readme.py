#!/usr/bin/env python3
"""README.md from nbs/index.ipynb, so the landing page has one source (nbdev's own `nbdev-readme` needs Quarto, which is
not installable here). Markdown cells as they are; code cells as Python blocks with their printed output; `#| hide` cells
left out. `python tools/readme.py` writes README.md; `--check` exits 1 when README.md is not what index.ipynb gives
(`make test` runs it)."""
import json, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTE = "<!-- Generated from nbs/index.ipynb by tools/readme.py: edit the notebook, then run `make readme`. -->"

def _text(outputs) -> str:
    "What a code cell printed or returned, as plain text."
    parts = []
    for o in outputs:
        if o.get("output_type") == "stream": parts.append("".join(o.get("text", [])))
        elif "text/plain" in o.get("data", {}): parts.append("".join(o["data"]["text/plain"]) + "\n")
    return "".join(parts).rstrip()

def render(nb: dict) -> str:
    "The README text of notebook `nb`."
    out = [NOTE]
    for c in nb["cells"]:
        src = "".join(c["source"]).strip("\n")
        lines = src.splitlines()
        if c["cell_type"] == "markdown": out.append(src)
        elif c["cell_type"] == "code" and not any(l.replace(" ", "").startswith("#|hide") for l in lines if l.startswith("#|")):
            out.append("```python\n" + "\n".join(l for l in lines if not l.startswith("#|")) + "\n```")
            text = _text(c.get("outputs", []))
            if text: out.append("```\n" + text + "\n```")
    return "\n\n".join(out) + "\n"

def main(argv=sys.argv[1:]) -> int:
    want = render(json.loads((ROOT/"nbs"/"index.ipynb").read_text()))
    readme = ROOT/"README.md"
    if "--check" in argv:
        if readme.exists() and readme.read_text() == want: print("README.md is in sync with nbs/index.ipynb"); return 0
        print("README.md is NOT what nbs/index.ipynb gives: edit the notebook, then run `make readme` (python tools/readme.py) and commit both"); return 1
    readme.write_text(want); print(f"wrote {readme}"); return 0

if __name__ == "__main__": sys.exit(main())
