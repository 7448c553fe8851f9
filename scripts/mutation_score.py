"""Mutation score per core module, from the results `mutmut run` left in mutants/.

Equivalent mutants (rewrites no test could tell apart, each reviewed with a reason) are listed
in tests/mutation_equivalents.txt and left out of the score, so the figure means something.
Exit status 1 when a module is under the threshold (90 % by default) or a mutant was not run.

    python scripts/mutation_score.py                  # the table
    python scripts/mutation_score.py --survivors identify   # names of a module's survivors
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTANTS = ROOT / "mutants"
EQUIVALENTS = ROOT / "tests" / "mutation_equivalents.txt"

# mutmut's exit codes (mutmut.stats.status_by_exit_code): a test run that failed, timed out or
# crashed killed the mutant; a run that passed, or no test at all, let it survive.
KILLED = {1, 3, 24, -24, 152, 255, 36, 37, -11, -9}
NOT_RUN = {None, 2, 34}


def load_equivalents(path: Path = EQUIVALENTS) -> dict[str, str]:
    """`mutant-name  # reason` per line; a name without a reason is refused."""
    equivalents: dict[str, str] = {}
    if not path.exists():
        return equivalents
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, _, reason = line.partition("#")
        if not reason.strip():
            raise SystemExit(f"{path.name}:{number}: {name.strip()} has no reason")
        equivalents[name.strip()] = reason.strip()
    return equivalents


def load_results(mutants: Path = MUTANTS) -> dict[str, dict[str, int | None]]:
    """Exit code per mutant, grouped by module (checker.simulation.engine, …)."""
    results: dict[str, dict[str, int | None]] = {}
    for meta in sorted(mutants.glob("checker/**/*.py.meta")):
        module = ".".join(meta.relative_to(mutants).with_suffix("").with_suffix("").parts)
        codes = json.loads(meta.read_text(encoding="utf-8")).get("exit_code_by_key", {})
        if codes:
            results[module] = codes
    return results


def score(results: dict[str, dict[str, int | None]], equivalents: dict[str, str]) -> list[dict]:
    rows = []
    for module, codes in results.items():
        counts = Counter({"killed": 0, "survived": 0, "equivalent": 0, "not run": 0})
        survivors = []
        for name, code in codes.items():
            if name in equivalents:
                counts["equivalent"] += 1
            elif code in NOT_RUN:
                counts["not run"] += 1
            elif code in KILLED:
                counts["killed"] += 1
            else:
                counts["survived"] += 1
                survivors.append(name)
        judged = counts["killed"] + counts["survived"]
        rows.append({"module": module, "mutants": len(codes), **counts,
                     "score": counts["killed"] / judged if judged else None,
                     "survivors": sorted(survivors)})
    return rows


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=0.90)
    parser.add_argument("--survivors", metavar="MODULE",
                        help="list the surviving mutants of modules whose name contains this")
    args = parser.parse_args(argv)
    if not MUTANTS.is_dir():
        print("No mutants/ folder: run `make mutate` (or `mutmut run`) first.", file=sys.stderr)
        return 1
    equivalents = load_equivalents()
    results = load_results()
    known = {name for codes in results.values() for name in codes}
    stale = sorted(set(equivalents) - known)
    rows = score(results, equivalents)
    if args.survivors:
        for row in rows:
            if args.survivors in row["module"]:
                print("\n".join(row["survivors"]))
        return 0
    print(f"{'module':38} {'mutants':>7} {'killed':>7} {'equiv.':>7} {'survived':>8} "
          f"{'not run':>7} {'score':>7}")
    failing = []
    for row in rows:
        print(f"{row['module']:38} {row['mutants']:7} {row['killed']:7} {row['equivalent']:7} "
              f"{row['survived']:8} {row['not run']:7} {_percent(row['score']):>7}")
        if row["score"] is None or row["score"] < args.threshold or row["not run"]:
            failing.append(row["module"])
    total = {key: sum(row[key] for row in rows)
             for key in ("mutants", "killed", "equivalent", "survived", "not run")}
    judged = total["killed"] + total["survived"]
    print(f"{'all core modules':38} {total['mutants']:7} {total['killed']:7} "
          f"{total['equivalent']:7} {total['survived']:8} {total['not run']:7} "
          f"{_percent(total['killed'] / judged if judged else None):>7}")
    if stale:
        print(f"\n{len(stale)} listed equivalent mutant(s) no longer exist (the code changed): "
              "review tests/mutation_equivalents.txt:\n  " + "\n  ".join(stale))
    if failing:
        print(f"\nUnder {args.threshold:.0%} or not fully run: {', '.join(failing)}")
        return 1
    print(f"\nEvery core module kills at least {args.threshold:.0%} of its non-equivalent mutants.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
