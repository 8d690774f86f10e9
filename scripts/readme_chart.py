#!/usr/bin/env python3
"""Draws the README's picture from a run store: two line charts of one run's weekly series.

Standard library only (sqlite3 + hand-written SVG), so it runs on a fresh machine:
    python3 scripts/readme_chart.py out/demo.db docs/img/baseline.svg
The HTML report with full charts is `liangzhu report` (planned); this is the README's preview.
"""
import sqlite3
import sys

WIDTH, HEIGHT, PAD = 440, 260, 62
COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e"]


def series(db, run, names):
    rows = db.execute(
        "SELECT c.name, s.tick, s.value FROM series s JOIN series_catalog c "
        "ON c.run_id = s.run_id AND c.series_index = s.series_index "
        "WHERE s.run_id = ? AND s.group_index = 0 ORDER BY s.tick", (run,)).fetchall()
    out = {n: [] for n in names}
    for name, tick, value in rows:
        if name in out:
            out[name].append((tick, value))
    return out


def panel(x0, title, data, labels, start_year):
    shown = [data[name] for name, _ in labels]
    ticks = max(t for s in shown for t, _ in s) or 1
    top = max(v for s in shown for _, v in s) or 1
    sx = lambda t: x0 + PAD + (WIDTH - PAD - 10) * t / ticks
    sy = lambda v: HEIGHT - 30 - (HEIGHT - 70) * v / top
    parts = [f'<text x="{x0 + WIDTH / 2}" y="20" text-anchor="middle" font-weight="bold">{title}</text>',
             f'<line x1="{x0 + PAD}" y1="{HEIGHT - 30}" x2="{x0 + WIDTH - 10}" y2="{HEIGHT - 30}" stroke="#555"/>',
             f'<line x1="{x0 + PAD}" y1="40" x2="{x0 + PAD}" y2="{HEIGHT - 30}" stroke="#555"/>',
             f'<text x="{x0 + PAD - 4}" y="{sy(top) + 4}" text-anchor="end">{top:,.0f}</text>',
             f'<text x="{x0 + PAD - 4}" y="{HEIGHT - 26}" text-anchor="end">0</text>']
    for year in range(0, int(ticks / 52.18) + 1, 2):
        x = sx(year * 52.18)
        parts.append(f'<text x="{x}" y="{HEIGHT - 14}" text-anchor="middle">{start_year + year}</text>')
    for i, (name, label) in enumerate(labels):
        points = " ".join(f"{sx(t):.1f},{sy(v):.1f}" for t, v in data[name])
        parts.append(f'<polyline fill="none" stroke="{COLOURS[i]}" stroke-width="2" points="{points}"/>')
        parts.append(f'<text x="{x0 + PAD + 8}" y="{48 + 14 * i}" fill="{COLOURS[i]}">{label}</text>')
    return parts


def main():
    store, out = sys.argv[1], sys.argv[2]
    db = sqlite3.connect(store)
    run, start = db.execute("SELECT run_id, start_date FROM runs ORDER BY run_id DESC LIMIT 1").fetchone()
    start_year = int(start[:4])
    left = [("startups_alive", "live startups"), ("tigers_total", "tigers so far (x10)")]
    right = [("compute_demand_h100e", "demand"), ("compute_supply_domestic_h100e", "domestic supply"),
             ("compute_supply_foreign_h100e", "foreign supply")]
    data = series(db, run, [n for n, _ in left + right])
    data["tigers_total"] = [(t, 10 * v) for t, v in data["tigers_total"]]
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{2 * WIDTH}" height="{HEIGHT}" '
             f'font-family="sans-serif" font-size="11">', f'<rect width="100%" height="100%" fill="white"/>']
    parts += panel(0, "Startups in Liangzhu (baseline)", data, left, start_year)
    parts += panel(WIDTH, "Compute, H100-equivalents", data, right, start_year)
    parts.append("</svg>")
    with open(out, "w") as f:
        f.write("\n".join(parts) + "\n")


if __name__ == "__main__":
    main()
