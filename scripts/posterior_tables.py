#!/usr/bin/env python3
"""Writes docs/scenarios.md's two posterior tables (levels, differences) from a compare's CSV.

The CSV is what `liangzhu compare ... --posterior FILE --draws N --csv FILE` writes (docs/
experiments.md: mean, runs_low/runs_high, parameter_share, and for each scenario after the first
difference, difference_runs_low/high, p_higher). Standard library only:
    python3 scripts/posterior_tables.py posterior_draws.csv > tables.md
"""
import csv
import sys

# The table's columns: output name, heading, and how its figures are written.
COLUMNS = [
    ("startups_founded", "founded", "count"),
    ("startups_alive_end", "alive at end", "count"),
    ("tigers", "tigers", "tenths"),
    ("chip_independence_years", "years to chip independence", "hundredths"),
    ("government_spending_cny", "gov. spending", "billions"),
    ("startup_compute_fulfilment_run", "startups' compute fulfilment", "percent"),
]
MINUS = "\u2212"


def number(value, kind, signed=False):
    """A figure as the docs write it; signed adds + to positive differences."""
    if kind == "count":
        text = f"{abs(value):,.0f}"
    elif kind == "tenths":
        text = f"{abs(value):.1f}"
    elif kind == "hundredths":
        text = f"{abs(value):.2f}"
    elif kind == "billions":
        text = f"{abs(value) / 1e9:.1f} bn"
    else:  # a share: a level in percent, a difference in percentage points
        text = f"{abs(value) * 100:.1f} pt" if signed else f"{abs(value) * 100:.0f}%"
    if value < 0:  # a small negative difference keeps its sign: -0.0 pt
        return MINUS + text
    return ("+" if signed else "") + text


def share(row, key):
    value = row.get(key, "")
    return f", {float(value) * 100:.0f}%" if value not in ("", "nan") else ""


def level_cell(row, kind):
    return (f"{number(float(row['mean']), kind)} ({number(float(row['runs_low']), kind)}"
            f"\u2013{number(float(row['runs_high']), kind)}){share(row, 'parameter_share')}")


def difference_cell(row, kind):
    low, high = float(row["difference_runs_low"]), float(row["difference_runs_high"])
    text = (f"{number(float(row['difference']), kind, True)} ({number(low, kind, True)} to "
            f"{number(high, kind, True)}), P\u2191 {float(row['p_higher']):.2f}")
    return f"**{text}**" if low > 0 or high < 0 else text


def main(path):
    rows = list(csv.DictReader(open(path, newline="")))
    scenarios = list(dict.fromkeys(r["scenario"] for r in rows))
    by = {(r["scenario"], r["output"]): r for r in rows}
    heading = "| scenario | " + " | ".join(h for _, h, _ in COLUMNS) + " |"
    rule = "|---" * (len(COLUMNS) + 1) + "|"
    print(heading)
    print(rule)
    for s in scenarios:
        print(f"| {s} | " + " | ".join(level_cell(by[(s, o)], k) for o, _, k in COLUMNS) + " |")
    print()
    print(heading)
    print(rule)
    for s in scenarios[1:]:
        print(f"| {s} | " + " | ".join(difference_cell(by[(s, o)], k) for o, _, k in COLUMNS) +
              " |")


if __name__ == "__main__":
    main(sys.argv[1])
