#!/usr/bin/env python3
"""Benchmark (not a test) for `escala lint` on large workflows.

Writes clean workflows of 40,000 and 80,000 lines (many categories, each
with states, buttons, timers, evidence with patterns, translated texts;
80,000 lines is 3.4 MB, under the 4 MB lint accepts, and 313 categories,
under the 500 it checks),
checks that each lints with exit 0, then times `escala lint` on each (best
of 7 runs, wall clock) and prints the figures and the ratio.

Usage: python3 scripts/bench-lint.py .build/release/escala
"""
import os
import subprocess
import sys
import tempfile
import time

HEADER = """workflow "Benchmark"
locales es, en
ranks cm < trainee < moderator < admin < manager < owner
role programador "Programador"
channel panel_channel
channel staff
channel logs
defaults {
  claim exclusive
  override by admin
  takeover after 2h by same rank
  user speaks first
  transcript to logs
  after 15m without reason: close
  after 12h of user silence: close
}
"""


def category(index: int) -> str:
    name = f"cat{index}"
    lines = [
        f'text hola_{index} {{',
        f'  es "¡Hola {{user}}! Ticket {{ticket.number}} de la categoría {index}."',
        f'  en "Hello {{user}}! Ticket {{ticket.number}} in category {index}."',
        '}',
        f'ticket {name} "Categoría {index}" {{',
        '  emoji "🎫"',
        f'  description "Solicitudes del tipo {index}"',
        '  receives cm',
        '  escalation cm > trainee > moderator > admin',
        f'  greeting hola_{index}',
        '  question motivo "¿Qué ocurre?" long',
        '  require link prueba "Enlace a la prueba" matching "^https?://(www\\\\.)?[a-z0-9.-]+/\\\\S*$"',
        '  require attachment captura "Captura"',
        '  flag urgente',
        '  button subir "Escalar" primary',
        '  button urgente "Urgente" danger',
        '  button cerrar "Cerrar" secondary',
    ]
    # Thirty states a category: large categories, so that 80,000 lines
    # stay within the 500 categories lint checks (a server holds 500
    # channels; lint reports more as a mistake).
    states = ["nuevo"] + [f"paso{n}" for n in range(1, 30)]
    for s, state in enumerate(states):
        nxt = states[s + 1] if s + 1 < len(states) else None
        lines.append(f'  state {state}{" initial" if s == 0 else ""} {{')
        lines.append(f'    on button urgente by cm: set urgente')
        if nxt:
            lines.append(f'    on button subir by cm if urgente: escalate up; go to {nxt}')
            lines.append(f'    on button subir by cm if not urgente: rename "cat{index}-{{ticket.number}}"; go to {nxt}')
        lines.append(f'    on user message matching "(?i)gracias|thanks": go to {states[0] if s else states[1]}')
        lines.append(f'    after 30m: mention trainee')
        lines.append(f'    on button cerrar by trainee: close')
        lines.append('  }')
    lines.append('}')
    return "\n".join(lines) + "\n"


def workflow(target_lines: int) -> str:
    body, count, index = [], HEADER.count("\n") + 8, 0
    while count < target_lines:
        block = category(index)
        body.append(block)
        count += block.count("\n")
        index += 1
    names = ", ".join(f"cat{i}" for i in range(index))
    panels = []
    for start in range(0, index, 25):
        chunk = ", ".join(f"cat{i}" for i in range(start, min(index, start + 25)))
        panels.append(f'panel p{start} "Soporte {start}" in panel_channel {{\n  menu\n  opens {chunk}\n}}\n')
    del names
    return HEADER + "".join(panels) + "".join(body)


def time_lint(escala: str, path: str, runs: int = 7) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run([escala, "lint", path], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        elapsed = time.perf_counter() - start
        if result.returncode != 0:
            sys.exit(f"escala lint {path} exited {result.returncode}: the generated workflow should be clean")
        best = min(best, elapsed)
    return best


def main() -> None:
    escala = sys.argv[1] if len(sys.argv) > 1 else ".build/release/escala"
    with tempfile.TemporaryDirectory() as folder:
        figures = {}
        for lines in (40_000, 80_000):
            path = os.path.join(folder, f"bench-{lines}.flow")
            text = workflow(lines)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            actual = text.count("\n")
            figures[lines] = (actual, time_lint(escala, path))
            print(f"{actual:>7} lines, {len(text.encode()) / 1e6:.1f} MB: {figures[lines][1] * 1000:.0f} ms (best of 7)")
        small, large = figures[40_000], figures[80_000]
        ratio = large[1] / small[1]
        print(f"ratio 80k/40k: {ratio:.2f} (linear would be {large[0] / small[0]:.2f})")
        verdict = "under" if small[1] < 0.5 else "OVER"
        print(f"40k-line lint {verdict} the 0.5 s budget")


if __name__ == "__main__":
    main()
