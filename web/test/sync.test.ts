import { describe, expect, it } from "vitest";

import cliTest from "../../tests/cli/test_report.cpp?raw";
import { seriesDrawn } from "../src/report/charts";

describe("the C++ test of the report", () => {
  it("checks every series the charts draw", () => {
    const listed = /charted_series = \{([^}]*)\}/.exec(cliTest)?.[1] ?? "";
    const names = [...listed.matchAll(/"([a-z0-9_]+)"/g)].map((m) => m[1]);
    expect(new Set(names)).toEqual(new Set(seriesDrawn()));
  });
});
