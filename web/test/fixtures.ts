// Hand-made report documents for the tests: runs and ensembles whose every charted series is a
// simple ramp, so expectations can be computed by hand.
import { chartSpecs, seriesDrawn } from "../src/report/charts";
import type { Band, HubData, ReportData, RunData, SummaryFigure } from "../src/report/data";

export const ticks = 5;
export const dates = ["2025-01-01", "2025-01-08", "2025-01-15", "2025-01-22", "2025-01-29"];

/** A hub whose series `name` holds offset + tick (every charted series). */
export function hub(name: string, offset = 0, withBands = false): HubData {
  const series: Record<string, (number | null)[]> = {};
  const bands: Record<string, Band> = {};
  for (const s of seriesDrawn()) {
    series[s] = dates.map((_, t) => offset + t);
    bands[s] = { lower: dates.map((_, t) => offset + t - 1), upper: dates.map((_, t) => offset + t + 1) };
  }
  return withBands ? { name, series, bands } : { name, series };
}

export function figure(hub: string, name: string, value: number | null, unit = "CNY", extra: Partial<SummaryFigure> = {}): SummaryFigure {
  return { hub, name, value, unit, description: `${name} of ${hub || "the run"}`, ...extra };
}

/** A single run with the given hubs and a few summary figures per hub. */
export function run(label: string, hubs: HubData[], extra: Partial<RunData> = {}): RunData {
  const summary = hubs.flatMap((h) => [
    figure(h.name, "cost_per_startup_cny", 2.5e6),
    figure(h.name, "cost_per_tiger_cny", 4e8),
    figure(h.name, "tigers", 3, "startups"),
    figure(h.name, "chip_independence_tick", 2, "tick"),
  ]);
  return { id: label, label, scenario: "test", seed: 1, status: "complete", replicates: 1, dates, hubs, summary, ...extra };
}

/** An ensemble: series are means with bands, figures carry 95 % bounds. */
export function ensemble(label: string, hubName = "Liangzhu"): RunData {
  const r = run(label, [hub(hubName, 10, true)], { replicates: 20, confidence: 0.95 });
  r.summary = r.summary.map((f) => (f.value === null ? f : { ...f, lower: f.value * 0.9, upper: f.value * 1.1 }));
  return r;
}

export function report(runs: RunData[]): ReportData {
  return { format: "liangzhu-report", version: 1, title: "test report", series_info: {}, runs };
}

export { chartSpecs };
