import type { LineSeriesOption } from "echarts";
import { describe, expect, it } from "vitest";

import type { FigureChartSpec, TimeChartSpec } from "../src/report/charts";
import { chartOption } from "../src/report/draw";
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
    for (const spec of chartSpecs) expect(chartOption(spec, runs, "Liangzhu").points, spec.id).toBeGreaterThan(0);
  });

  it("has a title, a caption, a legend or categories, and named axes", () => {
    for (const spec of chartSpecs) {
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
    expect(seriesOf(chartOption(spec, runs, "Shenzhen").option).map((s) => s.name)).toEqual(["Tigers alive · b", "Tigers so far · b"]);
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

  it("put runs side by side with their labels, a dash pattern each and no stacking", () => {
    const runs = [run("baseline", [hub("Liangzhu")]), run("subsidy cut", [hub("Liangzhu", 5)])];
    const series = seriesOf(chartOption(timeSpec("stages"), runs, "Liangzhu").option);
    expect(series).toHaveLength(10);
    expect(series[0]?.name).toBe("Idea · baseline");
    expect(series[5]?.name).toBe("Idea · subsidy cut");
    expect((series[0]?.lineStyle as { type: string }).type).not.toBe((series[5]?.lineStyle as { type: string }).type);
    for (const s of series) expect(s.stack).toBeUndefined();
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
    expect(series.filter((s) => !String(s.id).startsWith("band:")).map((s) => s.name)).toEqual([
      "Tigers alive · baseline × 20",
      "Tigers so far · baseline × 20",
      "Tigers alive · one run",
      "Tigers so far · one run",
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
    const one = chartOption(timeSpec("stages"), [run("a", [hub("Liangzhu")])], "Liangzhu");
    const runs = [run("baseline with a long label", [hub("Liangzhu")]), run("subsidy cut with a long label", [hub("Liangzhu")])];
    const two = chartOption(timeSpec("stages"), runs, "Liangzhu");
    expect(legendRows(["a", "b"])).toBe(1);
    expect(two.height).toBeGreaterThan(one.height);
    expect((two.option.grid as { top: number }).top).toBeGreaterThan((one.option.grid as { top: number }).top);
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

