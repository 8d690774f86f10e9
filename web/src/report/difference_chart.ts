// A compare's scenarios against its first: a panel per series, each later scenario's mean paired
// difference (replicate r of both shares its random numbers) with its 95% band, in the scenario's
// colour, over a zero line. Where the band leaves zero the replicates resolve the difference.
import type { LineSeriesOption } from "echarts";

import type { DifferenceChartSpec } from "./charts";
import { findHub, type RunData } from "./data";
import { formatNumber, type NumberFormat } from "./format";
import { colourOf } from "./palette";
import { panels, timePanelsOption } from "./small_multiples";
import type { DrawnChart, TooltipFormats } from "./tooltip";

/** Whether any run of the report carries differences (a compare's scenarios after the first). */
export function hasDifferences(runs: RunData[]): boolean {
  return runs.some((run) => run.hubs.some((hub) => hub.differences !== undefined && Object.keys(hub.differences).length > 0));
}

function panelSeries(spec: DifferenceChartSpec, runs: RunData[], hub: string, panel: number, formats: TooltipFormats, names: Record<string, string>): LineSeriesOption[] {
  const { series: name, label, format } = spec.panels[panel] as DifferenceChartSpec["panels"][number];
  const out: LineSeriesOption[] = [];
  runs.forEach((run, runIndex) => {
    const difference = findHub(run, hub)?.differences?.[name];
    if (!difference) return;
    const id = `${runIndex}:${name}`;
    const colour = colourOf(runIndex);
    formats[id] = format as NumberFormat;
    names[id] = `${label} · ${run.label} − ${runs[0]?.label ?? "reference"}`;
    const common = { xAxisIndex: panel, yAxisIndex: panel, showSymbol: false } as const;
    out.push({
      ...common,
      type: "line",
      id,
      name: run.label,
      color: colour,
      lineStyle: { width: 2 },
      data: difference.mean.map((v, i) => [run.dates[i], v, difference.lower[i] ?? null, difference.upper[i] ?? null]),
      ...(out.length === 0
        ? { markLine: { symbol: "none", silent: true, lineStyle: { color: "#222", type: "solid", width: 1 }, label: { show: false }, data: [{ yAxis: 0 }] } }
        : {}),
    });
    const width = difference.upper.map((hi, i) => {
      const lo = difference.lower[i];
      return hi === null || lo === null || lo === undefined ? null : hi - lo;
    });
    const band = { ...common, type: "line" as const, stack: `band:${id}`, silent: true, lineStyle: { opacity: 0 }, tooltip: { show: false } };
    out.push(
      { ...band, id: `band:${id}:lower`, data: difference.lower.map((v, i) => [run.dates[i], v]) },
      { ...band, id: `band:${id}:width`, areaStyle: { color: colour, opacity: 0.18 }, data: width.map((v, i) => [run.dates[i], v]) },
    );
  });
  return out;
}

/** The option drawing `spec` for `hub` of `runs`, and how many differences it draws. */
export function differenceChartOption(spec: DifferenceChartSpec, runs: RunData[], hub: string): DrawnChart {
  const compared = runs.slice(1).map((run) => run.label);
  const top = 40;
  const layout = panels(spec.panels.map((p) => p.label), top);
  const formats: TooltipFormats = {};
  const names: Record<string, string> = {};
  const series = spec.panels.flatMap((_, i) => panelSeries(spec, runs, hub, i, formats, names));
  const points = series.filter((s) => s.id !== undefined && String(s.id) in formats).reduce((sum, s) => sum + ((s.data as unknown[]) ?? []).length, 0);
  const yAxis = spec.panels.map((p, i) => ({ type: "value" as const, gridIndex: i, axisLabel: { formatter: (v: number) => formatNumber(v, p.format) } }));
  const option = timePanelsOption(layout, compared, { formats, names }, yAxis, series);
  return { option, points, height: layout.height };
}
