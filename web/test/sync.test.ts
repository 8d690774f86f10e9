import { describe, expect, it } from "vitest";

import ensembleData from "../../src/report/ensemble_data.cpp?raw";
import cliTest from "../../tests/cli/test_report.cpp?raw";
import { chartSpecs, differencesDrawn, seriesDrawn } from "../src/report/charts";

describe("the C++ test of the report", () => {
  it("checks every series the charts draw", () => {
    const listed = /charted_series = \{([^}]*)\}/.exec(cliTest)?.[1] ?? "";
    const names = [...listed.matchAll(/"([a-z0-9_]+)"/g)].map((m) => m[1]);
    expect(new Set(names)).toEqual(new Set(seriesDrawn()));
  });
});

describe("the ensembles' transformed bands (src/report/ensemble_data.cpp)", () => {
  it("cover every series a chart draws as a running total or a 13-week average", () => {
    const listed = /transformed_series = \{([^}]*)\}/.exec(ensembleData)?.[1] ?? "";
    const names = [...listed.matchAll(/"([a-z0-9_]+)"/g)].map((m) => m[1]);
    const transformed = chartSpecs.flatMap((spec) => (spec.kind === "time" ? spec.lines : [])).filter((l) => (l.transform ?? "none") !== "none").map((l) => l.series);
    expect(new Set(names)).toEqual(new Set(transformed));
  });
});

describe("the compare's difference bands (src/report/ensemble_data.cpp)", () => {
  it("cover every series the difference chart draws", () => {
    const listed = /difference_series = \{([^}]*)\}/.exec(ensembleData)?.[1] ?? "";
    const names = [...listed.matchAll(/"([a-z0-9_]+)"/g)].map((m) => m[1]);
    expect(new Set(names)).toEqual(new Set(differencesDrawn()));
  });
});
