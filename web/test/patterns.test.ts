import { describe, expect, it } from "vitest";

import type { PatternValue } from "../src/report/data";
import { patternRows } from "../src/report/patterns";
import { hub, run } from "./fixtures";

function pattern(hubName: string, id: string, unit: string, value: number | null, verdict: PatternValue["verdict"]): PatternValue {
  return { hub: hubName, id, topic: "Survival", title: `title of ${id}`, unit, low: 0.3, high: 0.55, value, verdict, source: "SAIC 2013" };
}

describe("pattern panel", () => {
  it("shows each run's value in the pattern's unit, with its verdict", () => {
    const a = run("a", [hub("Liangzhu")]);
    const b = run("b", [hub("Liangzhu")]);
    a.patterns = [pattern("Liangzhu", "survival_5y", "share", 0.526, "inside")];
    b.patterns = [pattern("Liangzhu", "survival_5y", "share", 0.7, "far")];
    const rows = patternRows([a, b], "Liangzhu");
    expect(rows).toHaveLength(1);
    expect(rows[0]?.reference).toBe("30.0% – 55.0%");
    expect(rows[0]?.cells).toEqual([
      { text: "52.6%", verdict: "inside" },
      { text: "70.0%", verdict: "far" },
    ]);
  });

  it("keeps to the chosen hub and marks runs without a value", () => {
    const a = run("a", [hub("Liangzhu"), hub("Silicon Valley")]);
    const b = run("b", [hub("Liangzhu")]);
    a.patterns = [pattern("Liangzhu", "tigers_per_year", "per year", 1.5, "inside"), pattern("Silicon Valley", "tigers_per_year", "per year", 9, "far")];
    b.patterns = [pattern("Liangzhu", "tigers_per_year", "per year", null, "no data")];
    expect(patternRows([a, b], "Silicon Valley")[0]?.cells[0]).toEqual({ text: "9", verdict: "far" });
    expect(patternRows([a, b], "Silicon Valley")[0]?.cells[1]).toEqual({ text: "–", verdict: "no data" });
    expect(patternRows([a, b], "Liangzhu")[0]?.cells[1]).toEqual({ text: "–", verdict: "no data" });
  });

  it("is empty for runs without a panel (ensembles, live runs)", () => {
    expect(patternRows([run("a", [hub("Liangzhu")])], "Liangzhu")).toEqual([]);
  });
});
