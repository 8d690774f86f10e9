import { describe, expect, it } from "vitest";

import { formatCny, formatForUnit, formatNumber } from "../src/report/format";
import { cumulative, movingAverage } from "../src/report/transforms";

describe("numbers", () => {
  it("writes money in thousands, millions and billions", () => {
    expect(formatCny(950)).toBe("950");
    expect(formatCny(2.5e6)).toBe("2.5 m");
    expect(formatCny(1.234e9)).toBe("1.23 bn");
    expect(formatCny(-3e12)).toBe("-3 tn");
  });

  it("writes shares in percent and a missing value as a dash", () => {
    expect(formatNumber(0.125, "share")).toBe("12.5 %");
    expect(formatNumber(null, "count")).toBe("–");
    expect(formatNumber(Number.NaN, "cny")).toBe("–");
    expect(formatNumber(1234.4, "count")).toBe("1,234");
  });

  it("picks the format from the unit of docs/outputs.md", () => {
    expect(formatForUnit("CNY per week")).toBe("cny");
    expect(formatForUnit("share")).toBe("share");
    expect(formatForUnit("x start")).toBe("index");
    expect(formatForUnit("startups")).toBe("count");
  });
});

describe("transforms", () => {
  it("sums from the start, leaving gaps where values are missing", () => {
    expect(cumulative([1, 2, null, 3])).toEqual([1, 3, null, 6]);
  });

  it("averages over a window, shorter at the start", () => {
    expect(movingAverage([2, 4, 6, 8], 2)).toEqual([2, 3, 5, 7]);
    expect(movingAverage([null, null, 3], 2)).toEqual([null, null, 3]);
  });
});
