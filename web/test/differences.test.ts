import { describe, expect, it } from "vitest";

import { costPerAdditionalTiger, differenceRows, hasFigureDifferences } from "../src/report/differences";
import { ensemble, figure } from "./fixtures";

function compared(tigers: { d: number; lo: number; hi: number }) {
  const reference = ensemble("baseline");
  const reform = ensemble("reform");
  reform.summary.push(
    figure("Liangzhu", "government_spending_cny", 5e9, "CNY", { difference: 1e9, difference_lower: 0.5e9, difference_upper: 1.5e9, p_value: 0.0004, p_higher: 0.9, p_lower: 0.1 }),
  );
  const t = reform.summary.find((f) => f.name === "tigers" && f.hub === "Liangzhu");
  const chip = reform.summary.find((f) => f.name === "chip_independence_tick" && f.hub === "Liangzhu");
  if (!t || !chip) throw new Error("fixture");
  Object.assign(t, { difference: tigers.d, difference_lower: tigers.lo, difference_upper: tigers.hi, p_value: 0.02, p_higher: 0.75, p_lower: 0.05 });
  Object.assign(chip, { difference: -52.1775, difference_lower: -60, difference_upper: -40, p_value: 0.01, p_higher: 0.1, p_lower: 0.85 });
  return [reference, reform];
}

describe("the table of differences from the reference", () => {
  it("gives each figure's difference with its interval, p-value and the chance of doing better", () => {
    const runs = compared({ d: 2, lo: 1, hi: 3 });
    expect(hasFigureDifferences(runs)).toBe(true);
    expect(hasFigureDifferences([runs[0] as never])).toBe(false);
    const rows = differenceRows(runs, "Liangzhu");
    const byName = Object.fromEntries(rows.map((r) => [r.name, r.cells]));
    expect(byName["tigers"]).toEqual(["+2 (+1 to +3)", "0.020", "0.75"]); // more tigers is better
    expect(byName["government_spending_cny"]).toEqual(["+1 bn (+500 m to +1.5 bn)", "<0.001", "0.10"]); // less spending is
    expect(byName["chip_independence_tick"]).toEqual(["-1.00 y (-1.15 y to -0.77 y)", "0.010", "0.85"]); // earlier is
  });

  it("prices an additional tiger as extra spending over extra tigers, not spending over all tigers", () => {
    const runs = compared({ d: 2, lo: 1, hi: 3 });
    expect(costPerAdditionalTiger(runs[1] as never, "Liangzhu")).toBe("500 m");
    const row = differenceRows(runs, "Liangzhu").find((r) => r.name === "cost_per_additional_tiger_cny");
    expect(row?.cells[0]).toBe("500 m");
  });

  it("does not price a tiger the replicates do not resolve", () => {
    expect(costPerAdditionalTiger(compared({ d: 0.5, lo: -1, hi: 2 })[1] as never, "Liangzhu")).toBe("no resolved change in tigers");
    expect(costPerAdditionalTiger(compared({ d: -2, lo: -3, hi: -1 })[1] as never, "Liangzhu")).toBe("fewer tigers");
  });
});
