// Strip plots of an ensemble's end-of-run figures: a panel per figure, each replicate a dot in its
// scenario's colour (spread sideways so ties stay visible), the mean a black bar. What one run
// would have said, next to what the mean says.
import type { EChartsOption, ScatterSeriesOption } from "echarts";

import type { SpreadChartSpec } from "./charts";
import { figureOf, type RunData } from "./data";
import { formatForUnit, formatNumber } from "./format";
import { colourOf } from "./palette";
import { panels } from "./small_multiples";
import { escapeHtml, type DrawnChart } from "./tooltip";

/** Whether any run of the report is an ensemble with replicates to show. */
export function hasReplicates(runs: RunData[]): boolean {
  return runs.some((run) => run.summary.some((f) => (f.replicates?.length ?? 0) > 1));
}

/** A replicate's sideways offset: evenly spread over ±0.3 of its scenario's slot, the same in
 * every drawing (no random jitter, so a report never changes between openings). */
function offset(replicate: number, replicates: number): number {
  return replicates <= 1 ? 0 : -0.3 + (0.6 * replicate) / (replicates - 1);
}

function panelSeries(spec: SpreadChartSpec, runs: RunData[], hub: string, panel: number): ScatterSeriesOption[] {
  const name = (spec.figures[panel] as SpreadChartSpec["figures"][number]).name;
  const out: ScatterSeriesOption[] = [];
  runs.forEach((run, runIndex) => {
    const figure = figureOf(run, hub, name);
    const values = figure?.replicates ?? [];
    if (values.length === 0) return;
    out.push({
      type: "scatter",
      id: `${runIndex}:${name}`,
      name: run.label,
      xAxisIndex: panel,
      yAxisIndex: panel,
      color: colourOf(runIndex),
      symbolSize: 6,
      itemStyle: { opacity: 0.7 },
      data: values.flatMap((v, r) => (v === null ? [] : [[runIndex + offset(r, values.length), v, r + 1]])),
    });
    if (figure?.value != null)
      out.push({
        type: "scatter",
        id: `mean:${runIndex}:${name}`,
        name: run.label,
        xAxisIndex: panel,
        yAxisIndex: panel,
        color: "#222",
        symbol: "rect",
        symbolSize: [34, 3],
        silent: true,
        data: [[runIndex, figure.value]],
      });
  });
  return out;
}

/** The option drawing `spec` for `hub` of `runs`, and how many replicate values it draws. */
export function spreadChartOption(spec: SpreadChartSpec, runs: RunData[], hub: string): DrawnChart {
  const labels = runs.map((run) => run.label);
  const top = 40;
  const layout = panels(spec.figures.map((f) => f.label), top, 150);
  const series = spec.figures.flatMap((_, i) => panelSeries(spec, runs, hub, i));
  const points = series.filter((s) => !String(s.id).startsWith("mean:")).reduce((sum, s) => sum + ((s.data as unknown[]) ?? []).length, 0);
  const unitOf = (i: number) => figureOf(runs.find((run) => figureOf(run, hub, spec.figures[i]?.name ?? "")) ?? (runs[0] as RunData), hub, spec.figures[i]?.name ?? "")?.unit ?? "";
  const option: EChartsOption = {
    animation: false,
    title: layout.title,
    grid: layout.grid,
    legend: { data: labels, top: 0, left: 10, right: 36 },
    tooltip: {
      trigger: "item",
      formatter: (p: unknown) => {
        const { seriesName, value, seriesIndex } = p as { seriesName: string; value: number[]; seriesIndex: number };
        const panel = (series[seriesIndex]?.xAxisIndex as number) ?? 0;
        const format = formatForUnit(unitOf(panel));
        return `${escapeHtml(seriesName)}, replicate ${value[2] ?? ""}: <b>${formatNumber(value[1], format)}</b>`;
      },
    },
    xAxis: spec.figures.map((_, i) => ({
      type: "value" as const,
      gridIndex: i,
      min: -0.5,
      max: runs.length - 0.5,
      interval: 1,
      splitLine: { show: false },
      axisLabel: { formatter: (v: number) => (Number.isInteger(v) ? (labels[v] ?? "") : "") },
    })),
    yAxis: spec.figures.map((_, i) => ({
      type: "value" as const,
      gridIndex: i,
      scale: true,
      axisLabel: { formatter: (v: number) => formatNumber(v, formatForUnit(unitOf(i))) },
    })),
    series,
  };
  return { option, points, height: layout.height };
}
