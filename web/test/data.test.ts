import { describe, expect, it } from "vitest";

import { hubNames, parseReportData, ReportDataError } from "../src/report/data";
import { hub, report, run } from "./fixtures";

describe("parseReportData", () => {
  it("reads a well-formed document", () => {
    const data = parseReportData(JSON.stringify(report([run("a", [hub("Liangzhu")])])));
    expect(data.runs).toHaveLength(1);
    expect(data.runs[0]?.hubs[0]?.name).toBe("Liangzhu");
  });

  it("refuses text that is not JSON, another format or another version", () => {
    expect(() => parseReportData("{not json")).toThrow(ReportDataError);
    expect(() => parseReportData(JSON.stringify({ format: "other" }))).toThrow(/not a liangzhu report/);
    expect(() => parseReportData(JSON.stringify({ ...report([]), version: 2 }))).toThrow(/version 2/);
    expect(() => parseReportData(JSON.stringify(report([])))).toThrow(/no runs/);
  });

  it("says which series does not have one value per date", () => {
    const bad = run("a", [hub("Liangzhu")]);
    (bad.hubs[0] as { series: Record<string, number[]> }).series.tigers_alive = [1, 2];
    expect(() => parseReportData(JSON.stringify(report([bad])))).toThrow(/tigers_alive has 2 values for 5 dates/);
  });

  it("says which band is short", () => {
    const bad = run("a", [hub("Liangzhu", 0, true)]);
    const bands = bad.hubs[0]?.bands ?? {};
    bands.startups_idea = { lower: [0], upper: [1] };
    expect(() => parseReportData(JSON.stringify(report([bad])))).toThrow(/band of startups_idea/);
  });
});

describe("hubNames", () => {
  it("lists every hub of every run once, in order of first appearance", () => {
    const data = report([run("a", [hub("Liangzhu"), hub("Silicon Valley")]), run("b", [hub("Shenzhen"), hub("Liangzhu")])]);
    expect(hubNames(data)).toEqual(["Liangzhu", "Silicon Valley", "Shenzhen"]);
  });
});

describe("a run without hubs", () => {
  it("is accepted (a run that failed early) and adds no hub", () => {
    const data = parseReportData(JSON.stringify(report([run("failed", [], { dates: [] })])));
    expect(hubNames(data)).toEqual([]);
  });
});
