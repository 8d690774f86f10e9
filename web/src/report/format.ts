// Numbers as an analyst reads them: money in millions or billions of CNY, shares in percent.

/** How an axis or a figure shows its numbers. */
export type NumberFormat = "count" | "cny" | "share" | "index";

const cnyScales: [number, string][] = [
  [1e12, "tn"],
  [1e9, "bn"],
  [1e6, "m"],
  [1e3, "k"],
];

function trimmed(value: number, digits: number): string {
  return Number(value.toFixed(digits)).toLocaleString("en-US", { maximumFractionDigits: digits });
}

/** 1.25e9 → "1.25 bn" (the unit, CNY, is in the axis name or added by the caller). */
export function formatCny(value: number): string {
  const magnitude = Math.abs(value);
  for (const [scale, suffix] of cnyScales)
    if (magnitude >= scale) return `${trimmed(value / scale, 2)} ${suffix}`;
  return trimmed(value, 0);
}

/** A number in the given format; "–" for a missing one. */
export function formatNumber(value: number | null | undefined, format: NumberFormat): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  switch (format) {
    case "cny":
      return formatCny(value);
    case "share":
      return `${trimmed(value * 100, 1)} %`;
    case "index":
      return trimmed(value, 3);
    case "count":
      return trimmed(value, Math.abs(value) >= 100 ? 0 : 1);
  }
}

/** The format that suits a unit as docs/outputs.md writes it. */
export function formatForUnit(unit: string): NumberFormat {
  if (unit.startsWith("CNY")) return "cny";
  if (unit === "share") return "share";
  if (unit.startsWith("x ") || unit.startsWith("index")) return "index";
  return "count";
}
