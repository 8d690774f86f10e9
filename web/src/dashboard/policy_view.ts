// The policy timeline: dated changes of any key of a hub, as [[hub.<name>.policy]] entries of a
// scenario file. Each row is checked as the server will check it (a date inside the run, a key the
// hub has that may change during a run, a value of that key's type and range).
import { element } from "../report/page";
import type { Parameter, PolicyChange } from "./api";
import { editable, parseValue } from "./params";

interface Row {
  tr: HTMLTableRowElement;
  date: HTMLInputElement;
  hub: HTMLSelectElement;
  key: HTMLInputElement;
  value: HTMLInputElement;
}

/** The date `weeks` weeks after `start` (YYYY-MM-DD). */
export function addWeeks(start: string, weeks: number): string {
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 7 * weeks);
  return d.toISOString().slice(0, 10);
}

/** The keys of a hub's table a dated change may set, each with its parameter. */
export function policyKeys(params: Parameter[], hub: string): Map<string, Parameter> {
  const prefix = `hub.${hub}.`;
  const keys = new Map<string, Parameter>();
  for (const p of params)
    if (p.key.startsWith(prefix) && !p.start_only && editable(p) && p.group.startsWith("Hubs:"))
      keys.set(p.key.slice(prefix.length), p);
  return keys;
}

/** The change a row describes, or why it cannot be sent. */
export function checkChange(params: Parameter[], change: { date: string; hub: string; key: string; value: string }, start: string, end: string): PolicyChange | { error: string } {
  const where = `policy change on ${change.date || "(no date)"}`;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(change.date)) return { error: `${where}: needs a date` };
  if (change.date < start || change.date >= end) return { error: `${where}: the run covers ${start} to ${end}` };
  const param = policyKeys(params, change.hub).get(change.key);
  if (!param) return { error: `${where}: '${change.key}' is not a key of hub ${change.hub} that may change during a run` };
  const parsed = parseValue(param, change.value);
  if ("error" in parsed) return { error: `${where}: ${parsed.error}` };
  return { date: change.date, hub: change.hub, key: change.key, value: parsed.value };
}

export class PolicyTimeline {
  readonly root = element("section", "policies");
  private readonly body = element("tbody");
  private readonly keys = element("datalist");
  private rows: Row[] = [];
  private params: Parameter[] = [];
  private hubs: string[] = [];
  private start = "";
  private end = "";

  constructor(private readonly changed: () => void) {
    const add = element("button", "", "+ Add a dated change");
    add.id = "add-policy";
    add.type = "button";
    add.addEventListener("click", () => this.add());
    this.keys.id = "policy-keys";
    const table = element("table", "timeline");
    table.id = "policy-timeline";
    const head = element("tr");
    for (const h of ["from", "hub", "key", "value", ""]) head.append(element("th", "", h));
    table.append(head, this.body);
    this.root.append(
      element("h3", "", "Policy timeline"),
      element("p", "caption", "Changes of a hub's parameter from a date on, as a scenario file's [[hub.<name>.policy]] entries; marked on the charts."),
      table,
      add,
      this.keys,
    );
  }

  /** A new scenario: no changes yet; keys offered from its parameters. */
  show(params: Parameter[], hubs: string[], start: string, weeks: number): void {
    this.params = params;
    this.hubs = hubs;
    this.range(start, weeks);
    this.rows = [];
    this.body.replaceChildren();
    this.keys.replaceChildren(...[...policyKeys(params, hubs[0] ?? "")].map(([key, p]) => new Option(p.title, key)));
  }

  /** The run's dates (its length may change). */
  range(start: string, weeks: number): void {
    this.start = start;
    this.end = addWeeks(start, weeks);
  }

  add(change?: PolicyChange): void {
    const tr = element("tr");
    const date = element("input");
    date.type = "date";
    date.className = "policy-date";
    date.value = change?.date ?? addWeeks(this.start, 52);
    const hub = element("select");
    hub.className = "policy-hub";
    for (const h of this.hubs) hub.append(new Option(h, h));
    if (change) hub.value = change.hub;
    const key = element("input");
    key.className = "policy-key";
    key.setAttribute("list", this.keys.id);
    key.placeholder = "noncompete.max_months";
    key.value = change?.key ?? "";
    const value = element("input");
    value.className = "policy-value";
    value.value = change === undefined ? "" : String(change.value);
    const remove = element("button", "reset", "✕");
    remove.type = "button";
    remove.title = "Remove this change";
    const row: Row = { tr, date, hub, key, value };
    remove.addEventListener("click", () => {
      this.rows = this.rows.filter((r) => r !== row);
      tr.remove();
      this.changed();
    });
    for (const control of [date, hub, key, value]) control.addEventListener("change", () => this.changed());
    for (const control of [date, hub, key, value, remove]) {
      const td = element("td");
      td.append(control);
      tr.append(td);
    }
    this.body.append(tr);
    this.rows.push(row);
    this.changed();
  }

  /** The changes, checked; the errors of those that cannot be sent. */
  changes(): { changes: PolicyChange[]; errors: string[] } {
    const changes: PolicyChange[] = [];
    const errors: string[] = [];
    for (const r of this.rows) {
      const checked = checkChange(this.params, { date: r.date.value, hub: r.hub.value, key: r.key.value.trim(), value: r.value.value }, this.start, this.end);
      if ("error" in checked) errors.push(checked.error);
      else changes.push(checked);
    }
    return { changes, errors };
  }

  /** The dates with their changes, for the charts' marks. */
  marks(): { date: string; text: string }[] {
    return this.changes().changes.map((c) => ({ date: c.date, text: `${c.key} = ${String(c.value)}` }));
  }
}
