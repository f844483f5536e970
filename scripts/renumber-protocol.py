#!/usr/bin/env python3
"""Re-point the line citations of docs/protocol.md after workflows/roleplay.flow
was edited: each citation keeps its quoted code and moves to the nearest line
that holds it. A citation whose code is gone is reported, and left for a person."""
import re
import sys

DOC, FLOW = "docs/protocol.md", "workflows/roleplay.flow"
CITATION = re.compile(r"\[`(\d+)`\]\(\.\./workflows/roleplay\.flow#L(\d+)\) `([^`]+)`")

lines = open(FLOW, encoding="utf-8").read().split("\n")
missing = []

def repoint(match):
    old, code = int(match.group(2)), match.group(3)
    holders = [n for n, text in enumerate(lines, 1) if code in text]
    if not holders:
        missing.append(f"{FLOW} no longer holds `{code}` (cited at line {old})")
        return match.group(0)
    new = min(holders, key=lambda n: abs(n - old))
    return f"[`{new}`](../workflows/roleplay.flow#L{new}) `{code}`"

text = CITATION.sub(repoint, open(DOC, encoding="utf-8").read())
open(DOC, "w", encoding="utf-8").write(text)
for line in missing:
    print(line, file=sys.stderr)
sys.exit(1 if missing else 0)
