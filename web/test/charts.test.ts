import type { LineSeriesOption } from "echarts";
import { describe, expect, it } from "vitest";

import type { DifferenceChartSpec, FigureChartSpec, SpreadChartSpec, TimeChartSpec } from "../src/report/charts";
import { chartApplies, chartOption } from "../src/report/draw";
import { legendRows } from "../src/report/time_chart";
import { axisTooltip } from "../src/report/tooltip";
import { chartSpecs, ensemble, hub, run, ticks } from "./fixtures";

function timeSpec(id: string): TimeChartSpec {
  const spec = chartSpecs.find((s) => s.id === id);
  if (spec?.kind !== "time") throw new Error(`no time chart ${id}`);
  return spec;
}

function seriesOf(option: unknown): LineSeriesOption[] {
  return (option as { series: LineSeriesOption[] }).series;
}

function valuesOf(series: LineSeriesOption): unknown[] {
  return (series.data as unknown[][]).map((point) => point[1]);
}

describe("every chart", () => {
  it("draws data for a run that has every series", () => {
    const runs = [run("a", [hub("Liangzhu", 1)])];
    for (const spec of chartSpecs.filter((s) => chartApplies(s, runs))) expect(chartOption(spec, runs, "Liangzhu").points, spec.id).toBeGreaterThan(0);
  });

  it("of a single run leaves out the differences and the replicates' spread, which it has not", () => {
    const shown = chartSpecs.filter((s) => chartApplies(s, [run("a", [hub("Liangzhu", 1)])])).map((s) => s.kind);
    expect(shown).not.toContain("difference");
    expect(shown).not.toContain("spread");
    expect(shown).toContain("time");
  });

  it("has a title, a caption, a legend or categories, and named axes", () => {
    for (const spec of chartSpecs.filter((s) => s.kind === "time" || s.kind === "figures")) {
      expect(spec.title.length).toBeGreaterThan(0);
      expect(spec.caption.length).toBeGreaterThan(20);
      const { option } = chartOption(spec, [run("a", [hub("Liangzhu")])], "Liangzhu");
      const axes = ([] as { name?: string }[]).concat(option.yAxis as { name?: string }[]);
      for (const axis of axes) expect(axis.name, spec.id).toBeTruthy();
      if (spec.kind === "time") expect(option.legend, spec.id).toBeDefined();
      expect(option.tooltip, spec.id).toBeDefined();
      expect(option.toolbox, `${spec.id} can be saved as an image`).toBeDefined();
    }
  });
});

describe("time charts", () => {
  it("stack the stages of a single run as areas", () => {
    const series = seriesOf(chartOption(timeSpec("stages"), [run("a", [hub("Liangzhu")])], "Liangzhu").option);
    expect(series).toHaveLength(5);
    for (const s of series) expect(s.stack).toBe("total");
  });

  it("draw the chosen hub's values", () => {
    const runs = [run("a", [hub("Liangzhu", 0), hub("Silicon Valley", 100)])];
    const spec = timeSpec("tigers");
    expect(valuesOf(seriesOf(chartOption(spec, runs, "Liangzhu").option)[0] as LineSeriesOption)).toEqual([0, 1, 2, 3, 4]);
    expect(valuesOf(seriesOf(chartOption(spec, runs, "Silicon Valley").option)[0] as LineSeriesOption)).toEqual([100, 101, 102, 103, 104]);
  });

  it("leave out runs that lack the hub, and draw nothing when none has it", () => {
    const runs = [run("a", [hub("Liangzhu")]), run("b", [hub("Shenzhen")])];
    const spec = timeSpec("tigers");
    const drawn = seriesOf(chartOption(spec, runs, "Shenzhen").option).filter((s) => !String(s.id).startsWith("key:"));
    expect(drawn.map((s) => s.id)).toEqual(["1:tigers_alive", "1:tigers_total"]);
    expect(drawn.map((s) => s.name)).toEqual(["b", "b"]);
    expect(chartOption(spec, runs, "Nowhere").points).toBe(0);
  });

  it("apply running totals to flows", () => {
    const series = seriesOf(chartOption(timeSpec("funding"), [run("a", [hub("Liangzhu", 1)])], "Liangzhu").option);
    expect(valuesOf(series[0] as LineSeriesOption)).toEqual([1, 3, 6, 10, 15]);
    expect(valuesOf(series[4] as LineSeriesOption)).toEqual([1, 2, 3, 4, 5]);
    expect(series[4]?.yAxisIndex).toBe(1);
  });

  it("mark the chip-independence date on the compute chart", () => {
    const series = seriesOf(chartOption(timeSpec("compute"), [run("a", [hub("Liangzhu")])], "Liangzhu").option);
    const marked = series.filter((s) => s.markLine);
    expect(marked).toHaveLength(1);
    expect(marked[0]?.markLine?.data).toEqual([{ xAxis: "2025-01-15" }]);
  });

  it("put runs side by side in a colour each, a dash pattern per series, and no stacking", () => {
    const runs = [run("baseline", [hub("Liangzhu")]), run("subsidy cut", [hub("Liangzhu", 5)])];
    const { option } = chartOption(timeSpec("tigers"), runs, "Liangzhu");
    const series = seriesOf(option);
    const drawn = series.filter((s) => !String(s.id).startsWith("key:"));
    expect(drawn.map((s) => s.name)).toEqual(["baseline", "baseline", "subsidy cut", "subsidy cut"]);
    const dash = (s: LineSeriesOption | undefined) => (s?.lineStyle as { type: string }).type;
    expect(drawn[0]?.color).toBe(drawn[1]?.color); // one colour per scenario...
    expect(drawn[0]?.color).not.toBe(drawn[2]?.color);
    expect(dash(drawn[0])).not.toBe(dash(drawn[1])); // ...one dash pattern per series
    expect(dash(drawn[0])).toBe(dash(drawn[2]));
    for (const s of series) expect(s.stack).toBeUndefined();
    // The legend: the runs, then a key of the dash patterns.
    expect((option.legend as { data: string[] }).data).toEqual(["baseline", "subsidy cut", "Tigers alive", "Tigers so far"]);
  });

  it("of several runs with more series than dash patterns become small multiples, a panel per series", () => {
    const runs = [run("baseline", [hub("Liangzhu")]), run("subsidy cut", [hub("Liangzhu", 5)])];
    const { option } = chartOption(timeSpec("stages"), runs, "Liangzhu");
    const series = seriesOf(option);
    expect(option.grid).toHaveLength(5);
    expect((option.title as { text: string }[]).map((t) => t.text)).toEqual(["Idea", "Seed", "Series A", "Series B", "Growth"]);
    expect(series).toHaveLength(10);
    for (const s of series) expect(s.xAxisIndex).toBe(s.yAxisIndex);
    const idea = series.filter((s) => s.xAxisIndex === 0);
    expect(idea.map((s) => s.name)).toEqual(["baseline", "subsidy cut"]);
    expect(idea[0]?.color).not.toBe(idea[1]?.color);
    expect(series.filter((s) => s.name === "baseline").every((s) => s.color === idea[0]?.color)).toBe(true);
    expect((option.legend as { data: string[] }).data).toEqual(["baseline", "subsidy cut"]);
  });

  it("start counts at zero, clip their bands there, and align a second axis with the first", () => {
    const e = ensemble("e");
    const h = e.hubs[0];
    if (!h?.bands) throw new Error("no bands");
    h.bands["tigers_alive"] = { lower: [-3, -2, 0, 1, 2], upper: [3, 4, 5, 6, 7] };
    const { option } = chartOption(timeSpec("tigers"), [e], "Liangzhu");
    expect((option.yAxis as { min?: number }[])[0]?.min).toBe(0);
    const lower = seriesOf(option).find((s) => String(s.id) === "band:0:tigers_alive:lower");
    expect(valuesOf(lower as LineSeriesOption)).toEqual([0, 0, 0, 1, 2]);
    const government = chartOption(timeSpec("government"), [e], "Liangzhu").option.yAxis as { min?: number; alignTicks?: boolean }[];
    expect(government.map((a) => a.min)).toEqual([0, 0]);
    expect(government[1]?.alignTicks).toBe(true);
    const funding = chartOption(timeSpec("funding"), [e], "Liangzhu").option.yAxis as { min?: number; max?: number }[];
    expect(funding[1]).toMatchObject({ min: 0, max: 1 }); // a share
  });
});

describe("ensembles", () => {
  it("draw a shaded band from the lower to the upper bound behind each mean", () => {
    const { option, points } = chartOption(timeSpec("tigers"), [ensemble("baseline × 20")], "Liangzhu");
    const series = seriesOf(option);
    expect(series).toHaveLength(6); // two means, each with a lower and a width series
    const lower = series.find((s) => String(s.id).endsWith(":lower") && String(s.id).includes("tigers_alive"));
    const width = series.find((s) => String(s.id).endsWith(":width") && String(s.id).includes("tigers_alive"));
    expect(lower?.stack).toBe(width?.stack);
    expect(valuesOf(lower as LineSeriesOption)).toEqual([9, 10, 11, 12, 13]);
    expect(valuesOf(width as LineSeriesOption)).toEqual([2, 2, 2, 2, 2]);
    expect(width?.areaStyle).toBeDefined();
    expect(points).toBe(2 * ticks);
  });

  it("show the interval in the tooltip", () => {
    const { option } = chartOption(timeSpec("tigers"), [ensemble("e")], "Liangzhu");
    const mean = seriesOf(option)[0] as LineSeriesOption;
    const tooltip = axisTooltip({ [String(mean.id)]: "count" });
    const text = tooltip([{ seriesId: mean.id, seriesName: mean.name, value: (mean.data as unknown[])[2], axisValueLabel: "2025-01-15" }]);
    expect(text).toContain("2025-01-15");
    expect(text).toContain("12 (11 – 13)");
  });

  it("sit beside single runs, bands only where there are bounds", () => {
    const runs = [ensemble("baseline × 20"), run("one run", [hub("Liangzhu")])];
    const series = seriesOf(chartOption(timeSpec("tigers"), runs, "Liangzhu").option);
    expect(series.filter((s) => String(s.id).startsWith("band:"))).toHaveLength(4);
    expect(series.filter((s) => !String(s.id).startsWith("band:") && !String(s.id).startsWith("key:")).map((s) => s.id)).toEqual([
      "0:tigers_alive",
      "0:tigers_total",
      "1:tigers_alive",
      "1:tigers_total",
    ]);
  });
});

describe("figure charts", () => {
  const spec = chartSpecs.find((s) => s.kind === "figures") as FigureChartSpec;

  it("draw one bar per run in each panel", () => {
    const runs = [run("a", [hub("Liangzhu")]), run("b", [hub("Liangzhu")])];
    const { option, points } = chartOption(spec, runs, "Liangzhu");
    const bars = (option.series as { type: string; data: { value: number }[] }[]).filter((s) => s.type === "bar");
    expect(bars).toHaveLength(spec.figures.length);
    expect(bars[0]?.data.map((d) => d.value)).toEqual([2.5e6, 2.5e6]);
    expect(points).toBe(2 * spec.figures.length);
  });

  it("add error bars for ensembles' bounds", () => {
    const { option } = chartOption(spec, [ensemble("e"), run("b", [hub("Liangzhu")])], "Liangzhu");
    const errors = (option.series as { type: string; data: number[][] }[]).filter((s) => s.type === "custom");
    expect(errors[0]?.data).toEqual([[0, 2.25e6, 2.75e6]]);
  });
});

describe("figure chart tooltips", () => {
  it("give an ensemble's interval", () => {
    const spec = chartSpecs.find((s) => s.kind === "figures") as FigureChartSpec;
    const { option } = chartOption(spec, [ensemble("e")], "Liangzhu");
    const bar = (option.series as { type: string; data: { bounds: number[] }[] }[])[0];
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    const text = formatter({ name: "e", seriesName: "per startup founded", value: 2.5e6, data: bar?.data[0] });
    expect(text).toContain("2.5 m (2.25 m – 2.75 m) CNY");
  });
});

describe("legends", () => {
  it("make room for themselves when runs side by side make them wrap", () => {
    const one = chartOption(timeSpec("tigers"), [run("a", [hub("Liangzhu")])], "Liangzhu");
    const runs = [run("baseline with a long label", [hub("Liangzhu")]), run("subsidy cut with a long label", [hub("Liangzhu")])];
    const two = chartOption(timeSpec("tigers"), runs, "Liangzhu");
    expect(legendRows(["a", "b"])).toBe(1);
    expect(two.height).toBeGreaterThan(one.height);
    expect((two.option.grid as { top: number }).top).toBeGreaterThan((one.option.grid as { top: number }).top);
  });
});

describe("differences from the reference", () => {
  const spec = chartSpecs.find((s) => s.kind === "difference") as DifferenceChartSpec;
  const withDifferences = (label: string, shift: number) => {
    const e = ensemble(label);
    const h = e.hubs[0];
    if (!h) throw new Error("no hub");
    h.differences = Object.fromEntries(
      spec.panels.map((p) => [p.series, { mean: [0, 1, 2, 3, 4].map((t) => t + shift), lower: [0, 1, 2, 3, 4].map((t) => t + shift - 1), upper: [0, 1, 2, 3, 4].map((t) => t + shift + 1) }]),
    );
    return e;
  };

  it("are drawn only for a compare, a panel per series, each later scenario in its colour over a zero line", () => {
    const runs = [ensemble("baseline"), withDifferences("reform", 0), withDifferences("cut", 10)];
    expect(chartApplies(spec, [ensemble("baseline")])).toBe(false);
    expect(chartApplies(spec, runs)).toBe(true);
    const { option, points } = chartOption(spec, runs, "Liangzhu");
    expect(option.grid).toHaveLength(spec.panels.length);
    const means = seriesOf(option).filter((s) => !String(s.id).startsWith("band:"));
    expect(means).toHaveLength(2 * spec.panels.length);
    expect(means.filter((s) => s.xAxisIndex === 0).map((s) => s.name)).toEqual(["reform", "cut"]);
    expect(means[0]?.color).not.toBe(means[1]?.color);
    expect(valuesOf(means[1] as LineSeriesOption)).toEqual([10, 11, 12, 13, 14]);
    expect(means.filter((s) => s.markLine).map((s) => s.markLine?.data)).toEqual(spec.panels.map(() => [{ yAxis: 0 }]));
    expect(points).toBe(2 * spec.panels.length * ticks);
    expect((option.legend as { data: string[] }).data).toEqual(["reform", "cut"]);
  });
});

describe("the replicates' spread", () => {
  const spec = chartSpecs.find((s) => s.kind === "spread") as SpreadChartSpec;

  it("draws each replicate as a dot in its scenario's slot and colour, and the mean as a bar", () => {
    const a = ensemble("a");
    const b = ensemble("b");
    for (const [r, values] of [[a, [1, 2, 3]], [b, [4, null, 6]]] as const) {
      const tigers = r.summary.find((f) => f.name === "tigers" && f.hub === "Liangzhu");
      if (!tigers) throw new Error("no tigers");
      tigers.replicates = [...values];
      tigers.value = 2;
    }
    expect(chartApplies(spec, [run("one", [hub("Liangzhu")])])).toBe(false);
    expect(chartApplies(spec, [a, b])).toBe(true);
    const { option, points } = chartOption(spec, [a, b], "Liangzhu");
    expect(points).toBe(5); // the missing replicate is left out
    const dots = (option.series as { id: string; data: number[][]; color: string }[]).filter((s) => s.id.endsWith(":tigers") && !s.id.startsWith("mean:"));
    expect(dots.map((s) => s.data.map((p) => p[1]))).toEqual([[1, 2, 3], [4, 6]]);
    for (const p of dots[1]?.data ?? []) expect(Math.abs((p[0] as number) - 1)).toBeLessThanOrEqual(0.3 + 1e-9);
    expect(dots[0]?.color).not.toBe(dots[1]?.color);
    const means = (option.series as { id: string; data: number[][] }[]).filter((s) => s.id.startsWith("mean:") && s.id.endsWith(":tigers"));
    expect(means.map((s) => s.data)).toEqual([[[0, 2]], [[1, 2]]]);
  });
});

describe("running totals of an ensemble", () => {
  it("draw the band the store's replicates give for the running total, never a sum of weekly bounds", () => {
    const e = ensemble("e");
    const h = e.hubs[0];
    if (!h) throw new Error("no hub");
    const spec = timeSpec("funding");
    const government = spec.lines[0]?.series as string;
    expect(spec.lines[0]?.transform).toBe("cumulative");
    // Without a transformed band the running total has no band at all.
    const bandsOf = () => seriesOf(chartOption(spec, [e], "Liangzhu").option).filter((s) => String(s.id).startsWith("band:") && String(s.id).includes(government));
    let bands = bandsOf();
    expect(bands).toHaveLength(0);
    h.transformed_bands = { cumulative: { [government]: { lower: [1, 2, 3, 4, 5], upper: [2, 3, 4, 5, 6] } } };
    bands = bandsOf();
    expect(bands).toHaveLength(2); // the lower bound and the width above it
    const lower = bands.find((b) => String(b.id).endsWith(":lower")) as LineSeriesOption;
    const width = bands.find((b) => String(b.id).endsWith(":width")) as LineSeriesOption;
    expect(valuesOf(lower)).toEqual([1, 2, 3, 4, 5]);
    expect(valuesOf(width)).toEqual([1, 1, 1, 1, 1]) /* not the running sums of the weekly bounds */;
  });
});

