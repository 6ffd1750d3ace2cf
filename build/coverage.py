#!/usr/bin/env python3
"""Merges the test projects' cobertura reports into one line and branch coverage of the product, writes it as JSON,
and compares it with the committed baseline (build/coverage-baseline.json).

usage: coverage.py <results dir> <summary.json> <baseline.json> [--write-baseline]
A line counts as covered when any test project ran it; a branch likewise. Exit 1 when line coverage is more than
0.1 points under the baseline, 0 otherwise (also when there is no baseline yet, with a note).
"""
import glob
import json
import os
import sys
import xml.etree.ElementTree as ET

TOLERANCE = 0.1


def merge(results):
    lines = {}     # (file, line) -> hit
    branches = {}  # (file, line) -> (covered, total), the best any project reached
    reports = glob.glob(os.path.join(results, "**", "coverage.cobertura.xml"), recursive=True)
    for path in reports:
        root = ET.parse(path).getroot()
        for cls in root.iter("class"):
            name = cls.attrib.get("filename", "")
            for line in cls.iter("line"):
                key = (name, int(line.attrib["number"]))
                lines[key] = lines.get(key, False) or int(line.attrib.get("hits", "0")) > 0
                if line.attrib.get("branch") == "True":
                    text = line.attrib.get("condition-coverage", "")  # "50% (1/2)"
                    if "(" in text:
                        covered, total = text[text.index("(") + 1:text.index(")")].split("/")
                        best = branches.get(key, (0, int(total)))
                        branches[key] = (max(best[0], int(covered)), int(total))
    return reports, lines, branches


def percent(part, whole):
    return round(100.0 * part / whole, 2) if whole else 0.0


def main():
    results, summary_path, baseline_path = sys.argv[1:4]
    write_baseline = "--write-baseline" in sys.argv[4:]
    reports, lines, branches = merge(results)
    if not reports:
        print("[coverage] no coverage reports found; nothing to compare")
        return 0
    summary = {
        "line": percent(sum(lines.values()), len(lines)),
        "branch": percent(sum(c for c, _ in branches.values()), sum(t for _, t in branches.values())),
        "lines": len(lines),
        "lines_covered": sum(lines.values()),
        "reports": len(reports),
    }
    os.makedirs(os.path.dirname(summary_path), exist_ok=True)
    with open(summary_path, "w") as out:
        json.dump(summary, out, indent=2)
    if write_baseline:
        with open(baseline_path, "w") as out:
            json.dump({"line": summary["line"], "branch": summary["branch"]}, out, indent=2)
            out.write("\n")
        print(f"[coverage] baseline written: line {summary['line']}%, branch {summary['branch']}%")
        return 0
    if not os.path.exists(baseline_path):
        print(f"[coverage] line {summary['line']}%, branch {summary['branch']}% (no baseline at {baseline_path})")
        return 0
    with open(baseline_path) as f:
        baseline = json.load(f)
    print(f"[coverage] line {summary['line']}% (baseline {baseline['line']}%), branch {summary['branch']}% (baseline {baseline['branch']}%)")
    if summary["line"] < baseline["line"] - TOLERANCE:
        print(f"[coverage] FAILED: line coverage fell {round(baseline['line'] - summary['line'], 2)} points under the baseline "
              f"(more than {TOLERANCE}); add tests, or lower build/coverage-baseline.json on purpose (docs/development.md)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
