"""Measure what `docgen check` finds: defects injected into clean document sets (recall)
and findings on the clean sets themselves (false alarms).

    python bench/recall.py [--variants N] [--json bench/recall.json]

Prints one row per defect class (its rule, injections, found, recall) and the false
alarms of each clean set, and writes the same as JSON. The injections and clean sets
are in tests/recall/.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.recall import harness  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--variants", type=int, default=None,
                        help="wordings per defect class and clean set (default: all)")
    parser.add_argument("--json", type=Path, default=REPO / "bench" / "recall.json")
    parser.add_argument("--misses", action="store_true", help="list every missed injection")
    arguments = parser.parse_args()
    started = time.perf_counter()
    report = harness.run(variants=arguments.variants)
    rows = report.table()
    print("| defect class | rule | injections | found | recall |")
    print("|---|---|---:|---:|---:|")
    for row in rows:
        recall = "—" if row["recall"] is None else f"{row['recall']:.0%}"
        print(f"| {row['class']} | `{row['rule']}` | {row['injections']} | {row['found']} "
              f"| {recall} |")
    total = sum(int(row["injections"]) for row in rows)  # type: ignore[call-overload]
    found = sum(int(row["found"]) for row in rows)  # type: ignore[call-overload]
    print(f"| **all** | | {total} | {found} | {found / total:.1%} |")
    print()
    print("| clean set | documents | false alarms |")
    print("|---|---:|---:|")
    for name, alarms in report.false_alarms.items():
        print(f"| {name} | {report.documents[name]} | {len(alarms)} |")
    for name, alarms in report.false_alarms.items():
        for alarm in alarms:
            print(f"false alarm in {name}: {alarm}")
    if arguments.misses:
        for outcome in report.outcomes:
            if not outcome.found:
                print(f"missed {outcome.defect} in {outcome.clean_set} #{outcome.variant}: "
                      f"{outcome.expected.rule} at {outcome.expected.document}:"
                      f"{outcome.expected.line} ({outcome.injected})")
                for finding in outcome.findings[:6]:
                    print(f"    got {finding}")
    arguments.json.write_text(json.dumps({
        "classes": rows,
        "false_alarms": {name: {"documents": report.documents[name], "findings": alarms}
                         for name, alarms in report.false_alarms.items()},
        "injections": total, "found": found,
    }, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"\n{total} injections in {time.perf_counter() - started:.1f} s; "
          f"written to {arguments.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
