import { describe, expect, it } from "vitest";

import type { Parameter } from "../src/dashboard/api";
import { appendUpdate, compareUrl, finished, parseProgress, parseRunEvent, progressText, reportUrl, UpdateGapError } from "../src/dashboard/live";
import { answerSentence } from "../src/dashboard/answer";
import { changedValues, editable, groupParameters, matches, parseValue, rangeText, sliderRange } from "../src/dashboard/params";
import { addWeeks, checkChange, policyKeys } from "../src/dashboard/policy_view";
import { ReportDataError, type RunData } from "../src/report/data";

function parameter(overrides: Partial<Parameter> = {}): Parameter {
  return {
    key: "hub.test.noncompete.max_months",
    group: "Hubs: test",
    subgroup: "noncompete",
    label: "noncompete.max_months",
    title: "Longest noncompete the law allows",
    type: "real",
    unit: "months",
    min: 0,
    max: 120,
    choices: [],
    default: 24,
    value: 24,
    description: "Longest noncompete the law allows (months after leaving)",
    source: "assumption",
    start_only: false,
    main: true,
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
    const run = parameter({ key: "ticks", group: "Run" });
    const hub = parameter();
    expect([...groupParameters([run, hub, run]).keys()]).toEqual(["Run", "Hubs: test"]);
  });

  it("read yes/no and choices, and leave texts and dates alone", () => {
    const enforceable = parameter({ key: "hub.test.noncompete.enforceable", label: "noncompete.enforceable", type: "boolean", value: true, min: null, max: null });
    const country = parameter({ key: "hub.test.country", label: "country", type: "choice", choices: ["china", "us"], value: "china", min: null, max: null });
    expect(parseValue(enforceable, "false")).toEqual({ value: false });
    expect(parseValue(enforceable, "no")).toEqual({ error: "noncompete.enforceable: must be true or false" });
    expect(parseValue(country, "us")).toEqual({ value: "us" });
    expect("error" in parseValue(country, "mars")).toBe(true);
    expect(rangeText(country)).toBe("china / us");
    expect(editable(parameter({ type: "date" }))).toBe(false);
    expect(changedValues([enforceable, country], { [enforceable.key]: "false", [country.key]: "china" }).values).toEqual({ [enforceable.key]: false });
  });

  it("find levers by every word of a search, in titles, keys and descriptions", () => {
    expect(matches(parameter(), "noncompete months")).toBe(true);
    expect(matches(parameter(), "NONCOMPETE")).toBe(true);
    expect(matches(parameter(), "voucher")).toBe(false);
    expect(matches(parameter(), "")).toBe(true);
  });

  it("give sliders the bounds, or a range around the value when the bounds are too wide", () => {
    expect(sliderRange(parameter())).toEqual({ min: 0, max: 120, step: 0.6 });
    expect(sliderRange(parameter({ type: "integer", min: 0, max: 9e18, value: 7 }))).toEqual({ min: 0, max: 28, step: 1 });
    expect(sliderRange(parameter({ type: "boolean" }))).toBeUndefined();
  });
});

describe("policy timeline", () => {
  const params = [
    parameter(),
    parameter({ key: "hub.test.talent.engineers", label: "talent.engineers", start_only: true }),
    parameter({ key: "capital.foreign_base_appetite", group: "Capital" }),
  ];

  it("offer the keys of a hub that may change during a run", () => {
    expect([...policyKeys(params, "test").keys()]).toEqual(["noncompete.max_months"]);
    expect(addWeeks("2025-01-01", 52)).toBe("2025-12-31");
  });

  it("check each change as the server will", () => {
    const ok = checkChange(params, { date: "2026-01-01", hub: "test", key: "noncompete.max_months", value: "0" }, "2025-01-01", "2035-01-01");
    expect(ok).toEqual({ date: "2026-01-01", hub: "test", key: "noncompete.max_months", value: 0 });
    const late = checkChange(params, { date: "2036-01-01", hub: "test", key: "noncompete.max_months", value: "0" }, "2025-01-01", "2035-01-01");
    expect(late).toEqual({ error: "policy change on 2036-01-01: the run covers 2025-01-01 to 2035-01-01" });
    const start = checkChange(params, { date: "2026-01-01", hub: "test", key: "talent.engineers", value: "5" }, "2025-01-01", "2035-01-01");
    expect("error" in start && start.error.includes("may change during a run")).toBe(true);
    const range = checkChange(params, { date: "2026-01-01", hub: "test", key: "noncompete.max_months", value: "500" }, "2025-01-01", "2035-01-01");
    expect("error" in range && range.error.includes("[0, 120]")).toBe(true);
  });
});

describe("the answer", () => {
  function ensemble(label: string, figures: Record<string, [number, number, number, number?]>): RunData {
    return {
      id: label,
      label,
      scenario: label,
      dates: [],
      hubs: [],
      replicates: 5,
      summary: Object.entries(figures).map(([name, [d, lo, hi, higher]]) => ({
        hub: "",
        name,
        value: 0,
        unit: "",
        description: "",
        difference: d,
        difference_lower: lo,
        difference_upper: hi,
        p_higher: higher ?? null,
        replicates: [1, 2, 3, 4, 5],
      })),
    } as RunData;
  }

  it("says what the set-up changes against the scenario, with intervals", () => {
    const reference = ensemble("baseline", {});
    const setup = { ...ensemble("ban", { tigers: [4.2, -0.6, 9.1, 0.8], chip_independence_years: [-0.3, -0.5, -0.1], government_spending_cny: [3.9e9, 3.1e9, 4.6e9] }), dates: ["2025-01-01", "2034-12-27"] };
    expect(answerSentence([reference, setup], "liangzhu")).toBe(
      "Against baseline: +4.2 tigers by 2034-12-27 (−0.6 to +9.1), more tigers with probability 0.80, chip independence 0.3 years earlier (−0.5 to −0.1), costs 3.9 bn CNY more (3.1 bn to 4.6 bn); 5 pairs of runs, 95% intervals.",
    );
    const cut = ensemble("cut", { government_spending_cny: [-6.37e6, -8.29e6, -4.45e6] });
    expect(answerSentence([reference, cut], "")).toBe("Against baseline: saves 6.37 m CNY (4.45 m to 8.29 m); 5 pairs of runs, 95% intervals.");
    const unsure = ensemble("unsure", { government_spending_cny: [1e6, -2e6, 4e6] });
    expect(answerSentence([reference, unsure], "")).toContain("costs 1 m CNY more (−2 m to +4 m)");
    expect(answerSentence([reference], "liangzhu")).toBeUndefined();
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
