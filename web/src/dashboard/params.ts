// The parameter controls' logic: what a range reads as, what a typed value means, and which
// values go into a run request (only those changed from the scenario's own).
import type { Parameter } from "./api";

/** "[0, 24] months", "≥ 0 CNY", "any value". */
export function rangeText(p: Parameter): string {
  const unit = p.unit ? ` ${p.unit}` : "";
  if (p.min !== null && p.max !== null) return `[${p.min}, ${p.max}]${unit}`;
  if (p.min !== null) return `≥ ${p.min}${unit}`;
  if (p.max !== null) return `≤ ${p.max}${unit}`;
  return unit ? unit.trim() : "any value";
}

export type Parsed = { value: number } | { error: string };

/** The number typed for `p`, or why it cannot be used (checked as the server will). */
export function parseValue(p: Parameter, text: string): Parsed {
  const trimmed = text.trim();
  const value = Number(trimmed);
  if (trimmed === "" || !Number.isFinite(value)) return { error: `${p.label}: not a number` };
  if (p.type === "integer" && !Number.isInteger(value)) return { error: `${p.label}: must be a whole number` };
  if ((p.min !== null && value < p.min) || (p.max !== null && value > p.max))
    return { error: `${p.label}: must be in ${rangeText(p)}` };
  return { value };
}

/** The values to send: those typed that differ from the scenario's, by key; errors otherwise. */
export function changedValues(params: Parameter[], typed: Record<string, string>): { values: Record<string, number>; errors: string[] } {
  const values: Record<string, number> = {};
  const errors: string[] = [];
  for (const p of params) {
    const text = typed[p.key];
    if (text === undefined) continue;
    const parsed = parseValue(p, text);
    if ("error" in parsed) errors.push(parsed.error);
    else if (parsed.value !== p.value) values[p.key] = parsed.value;
  }
  return { values, errors };
}

/** The parameters by group ("run", "hub liangzhu"...), groups in order of first appearance. */
export function groupParameters(params: Parameter[]): Map<string, Parameter[]> {
  const groups = new Map<string, Parameter[]>();
  for (const p of params) groups.set(p.group, [...(groups.get(p.group) ?? []), p]);
  return groups;
}
