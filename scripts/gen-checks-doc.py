#!/usr/bin/env python3
"""Writes the "Lint checks" catalogue of docs/language.md from the golden
files: for each code, its summary, the lines of Golden/CODE-*.flow around the
mistake, the first line of what lint prints, and the same lines from
Golden/fixed/. The same sections go into the tool itself
(Sources/WorkflowDSL/Diagnostics/CheckExplanations.swift), for `escala
explain` and SARIF's rule help. Run after changing a golden file; the tests
check the result.

Usage: python3 scripts/gen-checks-doc.py .build/debug/escala
"""
import difflib
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "Tests/WorkflowDSLTests/Golden"
DOC = ROOT / "docs/language.md"
escala = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / ".build/debug/escala")

# Titles and summaries come from the tool itself, so they cannot drift.
codes_source = (ROOT / "Sources/WorkflowDSL/Diagnostics/DiagnosticCode.swift").read_text()
cases = dict(re.findall(r'case (\w+) = "([EWN]\d{3})"', codes_source))
titles = dict(re.findall(r'case \.(\w+): "([a-z-]+)"', codes_source))
summaries = dict(re.findall(r'case \.(\w+): "([^"]*(?:\\"[^"]*)*)"\n', codes_source.split("var summary")[1]))


def excerpt(lines, start, end, context=2):
    lo, hi = max(0, start - context), min(len(lines), end + context)
    shown = [l for l in lines[lo:hi] if not l.startswith("#")]
    text = "\n".join(shown)
    if len(text) > 1200:
        text = text[:1200] + "\n..."
    return text


sections = []
examples = []
LANGUAGES = ["en", "es", "fr"]
for case, code in sorted(cases.items(), key=lambda item: item[1][1:]):
    # The first case of each code (the second, NAME.2.flow, is a test only).
    bad_path = min(GOLDEN.glob(f"{code}-*.flow"), key=lambda path: len(path.name))
    fixed_path = GOLDEN / "fixed" / bad_path.name
    # A note (N…) is about the ids file beside the workflow: its fix is there.
    is_note = code.startswith("N")
    shown_bad = bad_path.with_suffix(".ids") if is_note else bad_path
    shown_fixed = fixed_path.with_suffix(".ids") if is_note else fixed_path
    bad = shown_bad.read_text().splitlines()
    fixed = shown_fixed.read_text().splitlines()
    matcher = difflib.SequenceMatcher(a=bad, b=fixed)
    changes = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    a0, a1 = changes[0][1], changes[-1][2]
    b0, b1 = changes[0][3], changes[-1][4]
    ids = [] if is_note else ["--ids-optional"]

    def first_line(language):
        output = subprocess.run([escala, "lint", "--lang", language, *ids, str(bad_path)],
                                capture_output=True, text=True, cwd=ROOT).stdout
        return output.splitlines()[0].replace(str(bad_path.with_suffix(".ids")), shown_bad.name).replace(str(bad_path), bad_path.name)

    lint = {language: first_line(language) for language in LANGUAGES}
    # The comment at the top of the golden file says what is wrong in it.
    comment = []
    for line in bad_path.read_text().splitlines():
        if not line.startswith("#"):
            break
        comment.append(line.lstrip("# ").strip())
    why = " ".join(comment)
    summary = summaries[case].replace('\\"', '"')
    example = {"why": why, "bad": excerpt(bad, a0, max(a1, a0 + 1)), "lint": lint,
               "fixed": excerpt(fixed, b0, max(b1, b0 + 1))}
    examples.append((case, code, example))
    sections.append(
        f"### {code} {titles[case]}\n\n{summary} {why}\n\n"
        f"Bad:\n\n```\n{example['bad']}\n```\n\n"
        f"```\n{lint['en']}\n```\n\n"
        f"Fixed:\n\n```\n{example['fixed']}\n```\n"
    )

doc = DOC.read_text()
begin, end = "<!-- checks:begin -->", "<!-- checks:end -->"
head, rest = doc.split(begin)
_, tail = rest.split(end)
DOC.write_text(head + begin + "\n\n" + "\n".join(sections) + "\n" + end + tail)
SWIFT = ROOT / "Sources/WorkflowDSL/Diagnostics/CheckExamples.swift"


def raw(text):
    return '#"""\n' + text + '\n"""#'


swift = [
    "// Written by scripts/gen-checks-doc.py from the golden files: do not edit.",
    "// A test checks that the English explanations match docs/language.md.",
    "",
    "extension CheckExample {",
    "    /// The first golden file of each code, its fixed version, and the first",
    "    /// line `escala lint` prints for it in each language.",
    "    static func of(_ code: DiagnosticCode) -> CheckExample {",
    "        switch code {",
]
for case, code, example in examples:
    swift.append(f"        case .{case}: CheckExample(")
    swift.append(f"            why: #\"{example['why']}\"#,")
    swift.append(f"            bad: {raw(example['bad'])},")
    swift.append("            lint: [")
    for language in LANGUAGES:
        swift.append(f"                .{language}: #\"{example['lint'][language]}\"#,")
    swift.append("            ],")
    swift.append(f"            fixed: {raw(example['fixed'])})")
swift += ["        }", "    }", "}", ""]
SWIFT.write_text("\n".join(swift))
OLD = ROOT / "Sources/WorkflowDSL/Diagnostics/CheckExplanations.swift"
if OLD.exists():
    OLD.unlink()
print(f"{len(sections)} checks written to {DOC.relative_to(ROOT)} and {SWIFT.relative_to(ROOT)}")
