// End-of-run figures as small multiples: one panel per figure, one bar per run, and an error bar
// for an ensemble's confidence interval.
import type { BarSeriesOption, CustomSeriesOption, EChartsOption } from "echarts";

import type { FigureChartSpec } from "./charts";
import { figureOf, type RunData } from "./data";
import { formatNumber } from "./format";
import { colourOf } from "./palette";
import { describePoint, escapeHtml, type DrawnChart } from "./tooltip";

function hasBounds(runs: RunData[], hub: string, name: string): boolean {
  return runs.some((run) => figureOf(run, hub, name)?.lower != null);
}

function bars(spec: FigureChartSpec, runs: RunData[], hub: string, panel: number): BarSeriesOption {
  const name = spec.figures[panel]?.name as string;
  return {
    type: "bar",
    name: spec.figures[panel]?.label as string,
    xAxisIndex: panel,
    yAxisIndex: panel,
    barMaxWidth: 48,
    data: runs.map((run, i) => {
      const figure = figureOf(run, hub, name);
      // `bounds` rides along for the tooltip (ECharts hands the data item back to it).
      return { value: figure?.value ?? null, itemStyle: { color: colourOf(i) }, bounds: [figure?.lower, figure?.upper] };
    }) as BarSeriesOption["data"],
    // Values over the bars, unless error bars would cover them (the tooltip gives them then).
    label: { show: !hasBounds(runs, hub, name), position: "top", formatter: (p) => formatNumber(p.value as number, spec.axis.format) },
  };
}

/** An I-beam from lower to upper bound over each bar that has bounds. */
function errorBars(spec: FigureChartSpec, runs: RunData[], hub: string, panel: number): CustomSeriesOption {
  const name = spec.figures[panel]?.name as string;
  const data = runs.flatMap((run, i) => {
    const f = figureOf(run, hub, name);
    return f?.lower != null && f.upper != null ? [[i, f.lower, f.upper]] : [];
  });
  return {
    type: "custom",
    xAxisIndex: panel,
    yAxisIndex: panel,
    silent: true,
    encode: { x: 0, y: [1, 2] },
    data,
    renderItem: (_params, api) => {
      const low = api.coord([api.value(0), api.value(1)]) as number[];
      const high = api.coord([api.value(0), api.value(2)]) as number[];
      const [x = 0, y0 = 0] = low;
      const [, y1 = 0] = high;
      const line = (x1: number, ya: number, x2: number, yb: number) => ({
        type: "line" as const,
        shape: { x1, y1: ya, x2, y2: yb },
        style: { stroke: "#222", lineWidth: 1.5 },
      });
      return { type: "group", children: [line(x, y0, x, y1), line(x - 6, y0, x + 6, y0), line(x - 6, y1, x + 6, y1)] };
    },
  };
}

function countPoints(spec: FigureChartSpec, runs: RunData[], hub: string): number {
  return spec.figures.reduce(
    (sum, f) => sum + runs.filter((run) => Number.isFinite(figureOf(run, hub, f.name)?.value ?? NaN)).length,
    0,
  );
}

/** The option drawing `spec` for `hub` of `runs`, and how many figures it draws. */
export function figureChartOption(spec: FigureChartSpec, runs: RunData[], hub: string): DrawnChart {
  const panels = spec.figures.length;
  const width = 100 / panels;
  const labels = runs.map((run) => run.label);
  const option: EChartsOption = {
    animation: false,
    title: spec.figures.map((f, i) => ({ text: f.label, left: `${i * width + width / 2}%`, textAlign: "center", textStyle: { fontSize: 13 } })),
    grid: spec.figures.map((_, i) => ({ left: `${i * width + 9}%`, width: `${width - 13}%`, top: 50, bottom: 60 })),
    xAxis: spec.figures.map((_, i) => ({
      type: "category" as const,
      gridIndex: i,
      data: labels,
      // Every run named under its bar, long labels broken into lines.
      axisLabel: { interval: 0, width: Math.max(60, 420 / runs.length), overflow: "break" as const },
    })),
    yAxis: spec.figures.map((_, i) => ({
      type: "value" as const,
      gridIndex: i,
      name: spec.axis.name,
      axisLabel: { formatter: (v: number) => formatNumber(v, spec.axis.format) },
    })),
    tooltip: {
      trigger: "item",
      formatter: (p: unknown) => {
        const { name, seriesName, value, data } = p as { name: string; seriesName: string; value: number; data: { bounds?: unknown[] } };
        const text = describePoint([name, value, ...(data.bounds ?? [])], spec.axis.format);
        return `${escapeHtml(name)}<br>${escapeHtml(seriesName)}: <b>${text} ${spec.axis.name}</b>`;
      },
    },
    series: spec.figures.flatMap((_, i) => [bars(spec, runs, hub, i), errorBars(spec, runs, hub, i)]),
  };
  return { option, points: countPoints(spec, runs, hub), height: 360 };
}
