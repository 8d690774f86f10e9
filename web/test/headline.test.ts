import { describe, expect, it } from "vitest";

import { headlineRows } from "../src/report/headline";
import { ensemble, figure, hub, run } from "./fixtures";

describe("headline figures", () => {
  it("show one cell per run, in the figure's unit", () => {
    const rows = headlineRows([run("a", [hub("Liangzhu")]), run("b", [hub("Liangzhu")])], "Liangzhu");
    const cost = rows.find((r) => r.name === "cost_per_startup_cny");
    expect(cost?.cells).toEqual(["2.5 m", "2.5 m"]);
    expect(cost?.description).toContain("cost_per_startup_cny");
  });

  it("show a tick as its date and an unreached date as such", () => {
    const reached = run("a", [hub("Liangzhu")]);
    const missed = run("b", [hub("Liangzhu")]);
    missed.summary = missed.summary.map((f) => (f.name === "chip_independence_tick" ? { ...f, value: null } : f));
    const row = headlineRows([reached, missed], "Liangzhu").find((r) => r.name === "chip_independence_tick");
    expect(row?.cells).toEqual(["2025-01-15", "not reached"]);
  });

  it("fall back on whole-run figures and leave out figures no run has", () => {
    const r = run("a", [hub("Liangzhu")]);
    r.summary.push(figure("", "tension_end", 0.4, "index (0-1)"));
    const rows = headlineRows([r], "Liangzhu");
    expect(rows.find((x) => x.name === "tension_end")?.cells).toEqual(["0.4"]);
    expect(rows.find((x) => x.name === "startups_founded")).toBeUndefined();
  });

  it("show an ensemble's interval", () => {
    const row = headlineRows([ensemble("e")], "Liangzhu").find((r) => r.name === "tigers");
    expect(row?.cells).toEqual(["3 (2.7 – 3.3)"]);
  });

  it("show where runs fall, the parameters' share and the chance of beating the reference", () => {
    const e = ensemble("e");
    e.posterior = { draws: 20, seeds_per_draw: 2 };
    e.summary = e.summary.map((f) =>
      f.name === "tigers" ? { ...f, spread_lower: 1, spread_upper: 6, parameter_share: 0.624, p_higher: 0.8333 } : f);
    const row = headlineRows([e], "Liangzhu").find((r) => r.name === "tigers");
    expect(row?.cells).toEqual([
      "3 (2.7 – 3.3); 95% of runs 1 – 6; 62% of the variance from parameters; P(higher than the reference) 0.83",
    ]);
  });

  it("are those of the chosen hub", () => {
    const r = run("a", [hub("Liangzhu"), hub("Silicon Valley")]);
    r.summary = [figure("Liangzhu", "tigers", 1, "startups"), figure("Silicon Valley", "tigers", 7, "startups")];
    expect(headlineRows([r], "Silicon Valley")[0]?.cells).toEqual(["7"]);
  });
});

describe("an ensemble's intervals in the headline", () => {
  it("never reach below zero for counts, money or shares", () => {
    const e = ensemble("e");
    e.summary.push(figure("Liangzhu", "startups_acquired", 0.8, "startups", { lower: -0.6, upper: 2.2 }));
    e.summary.push(figure("Liangzhu", "tension_end", 0.1, "index (0-1)", { lower: -0.05, upper: 0.25 }));
    const row = (name: string) => headlineRows([e], "Liangzhu").find((r) => r.name === name)?.cells[0];
    expect(row("startups_acquired")).toBe("0.8 (0 – 2.2)");
    expect(row("tension_end")).toBe("0.1 (-0.05 – 0.25)"); // an index may be where it likes
  });
});
