// The charts of a calibration report: each factor's marginal posterior against its prior draws,
// each pair of factors' particles, and every target's posterior predictive against its
// observation. Bins and scales are computed here, so that the page only lays them out.
import type { CustomSeriesOption, EChartsOption, ScatterSeriesOption } from "echarts";

import { shortKey, type CalibrationData, type Factor, type Generation, type Particle } from "./calibration_data";
import { formatCny } from "./format";
import { colourOf } from "./palette";
import { escapeHtml, type DrawnChart } from "./tooltip";

const priorColour = "#9aa3ad";
const posteriorColour = colourOf(0);

/** A factor's value as people write it: 0.000195 → "1.95e-4", 5.69e6 → "5.69 m", 0.816 → "0.816". */
export function formatFactor(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  const magnitude = Math.abs(value);
  if (magnitude >= 1e4) return formatCny(value);
  if (magnitude !== 0 && magnitude < 0.01) return value.toExponential(2).replace(/\.?0+e/, "e").replace("e-0", "e-");
  return String(Number(value.toPrecision(3)));
}

/** Whether a factor is drawn on a log scale (its prior is log-uniform). */
export function logScale(factor: Factor): boolean {
  return factor.prior.shape === "log-uniform";
}

/** The range a factor's charts span: its prior's support, or where its prior draws fell when the
 * support is unbounded (a normal prior). */
export function factorRange(factor: Factor, draws: Particle[], k: number): [number, number] {
  const values = draws.map((p) => p.values[k] as number);
  const low = factor.prior.low ?? Math.min(...values);
  const high = factor.prior.high ?? Math.max(...values);
  return [low, high > low ? high : low + 1];
}

/** `bins` + 1 bin edges over [low, high], evenly spaced (in log space when `log`). */
export function binEdges(low: number, high: number, bins: number, log: boolean): number[] {
  const from = log ? Math.log(low) : low;
  const to = log ? Math.log(high) : high;
  return Array.from({ length: bins + 1 }, (_, i) => {
    const x = from + ((to - from) * i) / bins;
    return log ? Math.exp(x) : x;
  });
}

/** The share of the total weight in each bin; values outside the edges go to the end bins. */
export function weightedHistogram(values: number[], weights: number[], edges: number[]): number[] {
  const bins = edges.length - 1;
  const shares = new Array<number>(bins).fill(0);
  const total = weights.reduce((s, w) => s + w, 0);
  if (total <= 0) return shares;
  values.forEach((v, i) => {
    let bin = edges.findIndex((edge, j) => j > 0 && v < edge) - 1;
    if (bin < 0) bin = v < (edges[0] as number) ? 0 : bins - 1;
    shares[bin] = (shares[bin] as number) + (weights[i] as number) / total;
  });
  return shares;
}

function lastGeneration(data: CalibrationData): Generation {
  return data.generations[data.generations.length - 1] as Generation;
}

function firstGeneration(data: CalibrationData): Generation {
  return data.generations[0] as Generation;
}

const saveButton = (name: string) => ({ right: 0, top: 0, feature: { saveAsImage: { title: "Save as image", name } } });

/** Factor `k`'s marginal: the prior draws (generation 0, equal weights) and the last generation
 * by weight, as shares per bin over the prior's support. */
export function marginalOption(data: CalibrationData, k: number, bins = 16): DrawnChart {
  const factor = data.factors[k] as Factor;
  const prior = firstGeneration(data).particles;
  const last = lastGeneration(data);
  const [low, high] = factorRange(factor, prior, k);
  const edges = binEdges(low, high, bins, logScale(factor));
  const share = (particles: Particle[], weighted: boolean) =>
    weightedHistogram(particles.map((p) => p.values[k] as number), particles.map((p) => (weighted ? p.weight : 1)), edges).map((s) => Number((s * 100).toFixed(2)));
  const labels = edges.slice(0, -1).map((edge, i) => `${formatFactor(edge)}–${formatFactor(edges[i + 1])}`);
  const option: EChartsOption = {
    animation: false,
    legend: { top: 0, right: 36 },
    grid: { left: 50, right: 16, top: 48, bottom: 56 },
    xAxis: { type: "category", data: labels, name: shortKey(factor.key), nameLocation: "middle", nameGap: 40, axisLabel: { formatter: (v: string) => v.split("–")[0] ?? v } },
    yAxis: { type: "value", name: "% of weight" },
    tooltip: { trigger: "axis" },
    toolbox: saveButton(`liangzhu-marginal-${shortKey(factor.key)}`),
    series: [
      { type: "bar", name: "prior draws", data: share(prior, false), itemStyle: { color: priorColour }, barGap: "0%" },
      { type: "bar", name: `posterior (generation ${last.index})`, data: share(last.particles, true), itemStyle: { color: posteriorColour } },
    ],
  };
  return { option, points: prior.length + last.particles.length, height: 300 };
}

/** Factors `a` and `b` together: the prior draws in grey and the last generation's particles,
 * each drawn as large as its weight. */
export function pairOption(data: CalibrationData, a: number, b: number): DrawnChart {
  const fa = data.factors[a] as Factor;
  const fb = data.factors[b] as Factor;
  const prior = firstGeneration(data).particles;
  const last = lastGeneration(data);
  const n = last.particles.length;
  const axis = (f: Factor, k: number, name: string) => {
    const [low, high] = factorRange(f, prior, k);
    return { type: logScale(f) ? ("log" as const) : ("value" as const), min: low, max: high, name, nameLocation: "middle" as const, nameGap: 28, axisLabel: { formatter: (v: number) => formatFactor(v) } };
  };
  const points = (particles: Particle[]) => particles.map((p) => [p.values[a] as number, p.values[b] as number, p.weight]);
  const series: ScatterSeriesOption[] = [
    { type: "scatter", name: "prior draws", data: points(prior), symbolSize: 4, itemStyle: { color: priorColour, opacity: 0.6 } },
    {
      type: "scatter",
      name: `posterior (generation ${last.index})`,
      data: points(last.particles),
      // Area proportional to weight: an average particle is 7 px across.
      symbolSize: (value: number[]) => Math.max(3, 7 * Math.sqrt((value[2] ?? 0) * n)),
      itemStyle: { color: posteriorColour, opacity: 0.75 },
    },
  ];
  const option: EChartsOption = {
    animation: false,
    grid: { left: 62, right: 16, top: 16, bottom: 44 },
    xAxis: axis(fa, a, shortKey(fa.key)),
    yAxis: { ...axis(fb, b, shortKey(fb.key)), nameGap: 50 },
    tooltip: {
      trigger: "item",
      formatter: (p: unknown) => {
        const { seriesName, value } = p as { seriesName: string; value: number[] };
        return `${escapeHtml(seriesName)}<br>${escapeHtml(shortKey(fa.key))} ${formatFactor(value[0])}<br>${escapeHtml(shortKey(fb.key))} ${formatFactor(value[1])}`;
      },
    },
    toolbox: saveButton(`liangzhu-pair-${shortKey(fa.key)}-${shortKey(fb.key)}`),
    series,
  };
  return { option, points: prior.length + n, height: 280 };
}

/** (simulated - observed) / scale: how many of its scales a value is from the observation. */
export function standardised(value: number, observed: number, scale: number): number {
  return (value - observed) / scale;
}

/** Every target's posterior predictive on one axis, in units of its scale: 0 is the observation,
 * ±1 the deviation that counts as one unit of misfit. Each particle of the last generation is a
 * dot (darker with weight), the I-beam its 5-95% range and the diamond its median. */
export function predictiveOption(data: CalibrationData): DrawnChart {
  const last = lastGeneration(data);
  const names = data.targets.map((t) => t.name);
  const maxWeight = Math.max(...last.particles.map((p) => p.weight));
  const dots = data.targets.flatMap((t, i) =>
    last.particles.flatMap((p) => {
      const v = p.simulated[i];
      return v === null || v === undefined ? [] : [{ value: [i, standardised(v, t.observed, t.scale)], itemStyle: { opacity: 0.15 + 0.6 * (p.weight / maxWeight) } }];
    }),
  );
  const ranges = data.targets.flatMap((t, i) =>
    t.q05 === null || t.q95 === null ? [] : [[i, standardised(t.q05, t.observed, t.scale), standardised(t.q95, t.observed, t.scale)]],
  );
  const medians = data.targets.flatMap((t, i) => (t.q50 === null ? [] : [[i, standardised(t.q50, t.observed, t.scale)]]));
  const beams: CustomSeriesOption = {
    type: "custom",
    name: "5-95% of the posterior",
    silent: true,
    encode: { x: 0, y: [1, 2] },
    data: ranges,
    renderItem: (_params, api) => {
      const [x = 0, y0 = 0] = api.coord([api.value(0), api.value(1)]) as number[];
      const [, y1 = 0] = api.coord([api.value(0), api.value(2)]) as number[];
      const line = (x1: number, ya: number, x2: number, yb: number) => ({ type: "line" as const, shape: { x1, y1: ya, x2, y2: yb }, style: { stroke: "#222", lineWidth: 1.5 } });
      return { type: "group", children: [line(x, y0, x, y1), line(x - 8, y0, x + 8, y0), line(x - 8, y1, x + 8, y1)] };
    },
  };
  const observation = {
    silent: true,
    symbol: "none",
    label: {
      formatter: (p: { value?: unknown }) => {
        const v = Number(p.value);
        return v === 0 ? "observed" : v > 0 ? "+1 scale" : "−1 scale";
      },
      position: "end" as const,
    },
    data: [{ yAxis: 0, lineStyle: { color: "#c23b3b", type: "solid" as const, width: 2 } }, { yAxis: 1, lineStyle: { color: "#c23b3b", type: "dashed" as const } }, { yAxis: -1, lineStyle: { color: "#c23b3b", type: "dashed" as const } }],
  };
  const option: EChartsOption = {
    animation: false,
    legend: { top: 0, left: 0 },
    grid: { left: 60, right: 80, top: 36, bottom: 90 },
    xAxis: { type: "category", data: names, axisLabel: { interval: 0, rotate: names.length > 4 ? 30 : 0, width: Math.max(90, 900 / names.length), overflow: "truncate" } },
    yAxis: { type: "value", name: "(simulated − observed) / scale", nameGap: 40, nameLocation: "middle" },
    tooltip: {
      trigger: "item",
      formatter: (p: unknown) => {
        const { value } = p as { value: number[] };
        const t = data.targets[value[0] ?? 0];
        if (!t) return "";
        const simulated = t.observed + (value[1] ?? 0) * t.scale;
        return `${escapeHtml(t.name)}<br>simulated ${formatFactor(simulated)} (observed ${formatFactor(t.observed)}, scale ${formatFactor(t.scale)})`;
      },
    },
    toolbox: saveButton("liangzhu-predictive"),
    series: [
      { type: "scatter", name: "particles", data: dots, symbolSize: 6, itemStyle: { color: posteriorColour }, markLine: observation },
      beams,
      { type: "scatter", name: "median", data: medians, symbol: "diamond", symbolSize: 12, itemStyle: { color: "#222" } },
    ],
  };
  return { option, points: dots.length, height: 380 };
}
