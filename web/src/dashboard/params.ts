// The levers' logic: what a range reads as, what a typed value means for each kind of parameter,
// which values go into a request (only those changed from the scenario's own), how levers are
// grouped (as docs/parameters.md groups them) and which match a search.
import type { Parameter } from "./api";

/** "[0, 24] months", "≥ 0 CNY", "any value". */
export function rangeText(p: Parameter): string {
  const unit = p.unit ? ` ${p.unit}` : "";
  if (p.choices.length > 0) return p.choices.join(" / ");
  if (p.type === "boolean") return "yes / no";
  if (p.min !== null && p.max !== null) return `[${p.min}, ${p.max}]${unit}`;
  if (p.min !== null) return `≥ ${p.min}${unit}`;
  if (p.max !== null) return `≤ ${p.max}${unit}`;
  return unit ? unit.trim() : "any value";
}

export type Value = number | string | boolean;
export type Parsed = { value: Value } | { error: string };

/** Whether the lab lets users change `p`: a number, a yes/no or a choice. Texts and dates (the
 * scenario's name and start, the history it starts from) are what the scenario is, not levers. */
export function editable(p: Parameter): boolean {
  return p.type === "integer" || p.type === "real" || p.type === "boolean" || p.type === "choice";
}

/** The value typed (or picked) for `p`, or why it cannot be used (checked as the server will). */
export function parseValue(p: Parameter, text: string): Parsed {
  const trimmed = text.trim();
  if (p.type === "boolean") {
    if (trimmed === "true" || trimmed === "false") return { value: trimmed === "true" };
    return { error: `${p.label}: must be true or false` };
  }
  if (p.type === "choice") {
    if (p.choices.includes(trimmed)) return { value: trimmed };
    return { error: `${p.label}: must be one of ${p.choices.join(", ")}` };
  }
  const value = Number(trimmed);
  if (trimmed === "" || !Number.isFinite(value)) return { error: `${p.label}: not a number` };
  if (p.type === "integer" && !Number.isInteger(value)) return { error: `${p.label}: must be a whole number` };
  if ((p.min !== null && value < p.min) || (p.max !== null && value > p.max))
    return { error: `${p.label}: must be in ${rangeText(p)}` };
  return { value };
}

/** The values to send: those typed that differ from the scenario's, by key; errors otherwise. */
export function changedValues(params: Parameter[], typed: Record<string, string>): { values: Record<string, Value>; errors: string[] } {
  const values: Record<string, Value> = {};
  const errors: string[] = [];
  for (const p of params) {
    const text = typed[p.key];
    if (text === undefined || !editable(p)) continue;
    const parsed = parseValue(p, text);
    if ("error" in parsed) errors.push(parsed.error);
    else if (parsed.value !== p.value) values[p.key] = parsed.value;
  }
  return { values, errors };
}

/** The parameters by group ("Run", "Hubs: liangzhu"...), groups in order of first appearance. */
export function groupParameters(params: Parameter[]): Map<string, Parameter[]> {
  const groups = new Map<string, Parameter[]>();
  for (const p of params) groups.set(p.group, [...(groups.get(p.group) ?? []), p]);
  return groups;
}

/** Whether `p` matches every word of `query`, in its title, key, description, unit or group. */
export function matches(p: Parameter, query: string): boolean {
  const text = `${p.title} ${p.key} ${p.description} ${p.unit} ${p.group} ${p.subgroup}`.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== "")
    .every((w) => text.includes(w));
}

/** A slider's range for `p`: its bounds when both are finite and not absurdly wide for a slider
 * (a seed up to 9e18), else from zero to a few times the scenario's value. */
export function sliderRange(p: Parameter): { min: number; max: number; step: number } | undefined {
  if (p.type !== "integer" && p.type !== "real") return undefined;
  const value = typeof p.value === "number" ? p.value : 0;
  const low = p.min ?? Math.min(0, value);
  const wide = p.max === null || p.max - low > 1e6 * Math.max(1, Math.abs(value));
  const high = wide ? Math.max(low + 1, Math.abs(value) * 4) : (p.max as number);
  const step = p.type === "integer" ? Math.max(1, Math.round((high - low) / 200)) : (high - low) / 200;
  return { min: low, max: high, step };
}
