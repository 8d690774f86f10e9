import { describe, expect, it } from "vitest";

import type { Parameter } from "../src/dashboard/api";
import { appendUpdate, compareUrl, finished, parseProgress, parseRunEvent, progressText, reportUrl, UpdateGapError } from "../src/dashboard/live";
import { changedValues, groupParameters, parseValue, rangeText } from "../src/dashboard/params";
import { ReportDataError } from "../src/report/data";

function parameter(overrides: Partial<Parameter> = {}): Parameter {
  return {
    key: "hub.test.noncompete.max_months",
    group: "hub test",
    label: "noncompete.max_months",
    type: "real",
    unit: "months",
    min: 0,
    max: 120,
    default: 24,
    value: 24,
    description: "Longest noncompete the law allows",
    ...overrides,
  };
}

describe("parameter controls", () => {
  it("read ranges with their unit, open ends included", () => {
    expect(rangeText(parameter())).toBe("[0, 120] months");
    expect(rangeText(parameter({ max: null, unit: "CNY" }))).toBe("≥ 0 CNY");
    expect(rangeText(parameter({ min: null, max: null, unit: "" }))).toBe("any value");
  });

  it("check typed values as the server does", () => {
    expect(parseValue(parameter(), " 6 ")).toEqual({ value: 6 });
    expect(parseValue(parameter(), "500")).toEqual({ error: "noncompete.max_months: must be in [0, 120] months" });
    expect(parseValue(parameter(), "six")).toEqual({ error: "noncompete.max_months: not a number" });
    expect(parseValue(parameter(), "")).toEqual({ error: "noncompete.max_months: not a number" });
    expect(parseValue(parameter({ type: "integer", label: "ticks" }), "2.5")).toEqual({ error: "ticks: must be a whole number" });
  });

  it("send only the values changed from the scenario's", () => {
    const ticks = parameter({ key: "ticks", label: "ticks", type: "integer", group: "run", unit: "weeks", value: 30, min: 1, max: 5218 });
    const months = parameter();
    expect(changedValues([ticks, months], { ticks: "30", [months.key]: "6" })).toEqual({ values: { [months.key]: 6 }, errors: [] });
    expect(changedValues([ticks, months], { ticks: "0" }).errors).toEqual(["ticks: must be in [1, 5218] weeks"]);
  });

  it("group parameters in order of first appearance", () => {
    const run = parameter({ key: "ticks", group: "run" });
    const hub = parameter();
    expect([...groupParameters([run, hub, run]).keys()]).toEqual(["run", "hub test"]);
  });
});

describe("live runs", () => {
  it("read progress events and say where the run stands", () => {
    const p = parseProgress('{"run_id": 3, "status": "running", "tick": 12, "ticks_total": 30, "message": ""}');
    expect(progressText(p)).toBe("run 3: week 12 of 30 (40 %), running");
    expect(finished(p)).toBe(false);
    expect(finished({ ...p, status: "interrupted" })).toBe(true);
    expect(progressText({ ...p, status: "failed", message: "boom" })).toBe("run 3: week 12 of 30 (40 %), failed: boom");
    expect(() => parseProgress('{"tick": 1}')).toThrow();
  });

  const update = { id: "1", label: "run 1: tiny", scenario: "tiny", status: "running", from: 0, dates: ["2025-01-01", "2025-01-08"], hubs: [{ name: "test", series: { tigers_alive: [0, 1], founded: [3, 4] } }], summary: [] };
  const later = { ...update, from: 2, dates: ["2025-01-15"], hubs: [{ name: "test", series: { tigers_alive: [2], founded: [5] } }] };

  it("check data events as the report checks its data", () => {
    expect(parseRunEvent(JSON.stringify(update)).hubs[0]?.series.tigers_alive).toEqual([0, 1]);
    const broken = { ...update, hubs: [{ name: "test", series: { tigers_alive: [0] } }] };
    expect(() => parseRunEvent(JSON.stringify(broken))).toThrow(ReportDataError);
    const queued = { ...update, dates: [], hubs: [] };
    expect(parseRunEvent(JSON.stringify(queued)).dates).toEqual([]);
    expect(() => parseRunEvent(JSON.stringify({ ...update, from: undefined }))).toThrow(ReportDataError);
    expect(() => parseRunEvent(JSON.stringify({ ...update, from: -1 }))).toThrow(ReportDataError);
  });

  it("append each update's weeks to the run so far", () => {
    const queued = appendUpdate(undefined, { ...update, status: "queued", dates: [], hubs: [] });
    const first = appendUpdate(queued, update);
    expect(first.dates).toEqual(["2025-01-01", "2025-01-08"]);
    const second = appendUpdate(first, later);
    expect(second.dates).toEqual(["2025-01-01", "2025-01-08", "2025-01-15"]);
    expect(second.hubs[0]?.series).toEqual({ tigers_alive: [0, 1, 2], founded: [3, 4, 5] });
    expect(first.dates).toHaveLength(2);
    expect("from" in second).toBe(false);
  });

  it("take the status and summary of the last update, weeks or not", () => {
    const figure = { hub: "", name: "tigers", value: 2, unit: "", description: "" };
    const ended = appendUpdate(appendUpdate(undefined, update), { ...update, from: 2, status: "complete", dates: [], hubs: [{ name: "test", series: {} }], summary: [figure] });
    expect(ended.status).toBe("complete");
    expect(ended.summary).toEqual([figure]);
    expect(ended.hubs[0]?.series.founded).toEqual([3, 4]);
  });

  it("refuse an update that does not continue the run", () => {
    const first = appendUpdate(undefined, update);
    expect(() => appendUpdate(first, { ...later, from: 1 })).toThrow(UpdateGapError);
    expect(() => appendUpdate(first, update)).toThrow(UpdateGapError);
    expect(() => appendUpdate(undefined, later)).toThrow(UpdateGapError);
    const missing = { ...later, hubs: [{ name: "test", series: { tigers_alive: [2] } }] };
    expect(() => appendUpdate(first, missing)).toThrow(UpdateGapError);
  });

  it("link the reports the server serves", () => {
    expect(reportUrl(4)).toBe("/runs/4/report");
    expect(compareUrl(1, 2)).toBe("/compare/1/2");
  });
});
