// The levers panel: a search box, the main policy levers first, then every group of the schema
// folded; each lever with its plain title, a slider and typed entry (numbers), a choice list
// (choices, yes/no), its unit and range, the schema's description, default and source as its
// tooltip, and a reset button once changed.
import { element } from "../report/page";
import type { Parameter } from "./api";
import { editable, groupParameters, matches, rangeText, sliderRange, type Value } from "./params";

interface Lever {
  param: Parameter;
  row: HTMLElement;
  control: HTMLInputElement | HTMLSelectElement;
  slider?: HTMLInputElement;
}

function text(value: Value): string {
  return String(value);
}

export class LeversPanel {
  readonly root = element("section", "levers");
  private readonly search = element("input");
  private readonly list = element("div");
  private readonly count = element("p", "caption");
  private levers = new Map<string, Lever>();

  constructor(private readonly changed: () => void) {
    this.search.id = "lever-search";
    this.search.type = "search";
    this.search.placeholder = "Search levers (e.g. noncompete, voucher, tension)";
    this.search.addEventListener("input", () => this.filter());
    this.list.id = "parameters";
    this.root.append(this.search, this.count, this.list);
  }

  /** Another scenario's levers are on their way: the list no longer names its scenario. */
  loading(): void {
    delete this.list.dataset.scenario;
  }

  /** Draws the levers of a scenario; `scenario` is noted on the list once drawn. */
  show(scenario: string, params: Parameter[]): void {
    this.levers = new Map();
    const main = element("details", "group main");
    main.open = true;
    main.append(element("summary", "", "Main policy levers"));
    for (const p of params.filter((q) => q.main && editable(q))) main.append(this.leverRow(p, true));
    const groups = [...groupParameters(params.filter((q) => !q.main && editable(q)))].map(([name, members]) => {
      const details = element("details", "group");
      details.append(element("summary", "", `${name} (${members.length})`));
      let subgroup = "";
      for (const p of members) {
        if (p.subgroup !== subgroup) {
          subgroup = p.subgroup;
          details.append(element("h4", "", subgroup));
        }
        details.append(this.leverRow(p, false));
      }
      return details;
    });
    this.list.replaceChildren(main, ...groups);
    this.filter();
    this.list.dataset.scenario = scenario;
  }

  private leverRow(p: Parameter, main: boolean): HTMLElement {
    const row = element("div", "lever");
    row.dataset.lever = p.key;
    const label = element("label", "title", main && p.group !== "Run" ? `${p.title} (${p.group.replace(/^Hubs: /, "")})` : p.title);
    row.title = `${p.key}\n${p.description}\ndefault ${String(p.default)}; source: ${p.source}`;
    let control: HTMLInputElement | HTMLSelectElement;
    let slider: HTMLInputElement | undefined;
    if (p.type === "boolean" || p.type === "choice") {
      const select = element("select");
      const options = p.type === "boolean" ? ["true", "false"] : p.choices;
      for (const o of options) select.append(new Option(o === "true" ? "yes" : o === "false" ? "no" : o, o));
      select.value = text(p.value);
      control = select;
    } else {
      const input = element("input");
      input.type = "number";
      input.step = p.type === "integer" ? "1" : "any";
      if (p.min !== null) input.min = String(p.min);
      if (p.max !== null) input.max = String(p.max);
      input.value = text(p.value);
      control = input;
      const range = sliderRange(p);
      if (range) {
        slider = element("input", "slider");
        slider.type = "range";
        slider.min = String(range.min);
        slider.max = String(range.max);
        slider.step = String(range.step);
        slider.value = text(p.value);
        slider.setAttribute("aria-label", p.title);
        slider.addEventListener("input", () => {
          input.value = slider?.value ?? input.value;
          this.mark(p.key);
        });
      }
    }
    control.dataset.key = p.key;
    control.name = p.key;
    control.setAttribute("aria-label", p.title);
    label.htmlFor = control.id = `lever-${p.key.replace(/\W+/g, "-")}`;
    control.addEventListener("input", () => {
      if (slider) slider.value = control.value;
      this.mark(p.key);
    });
    control.addEventListener("change", () => this.mark(p.key));
    const reset = element("button", "reset", "↺");
    reset.type = "button";
    reset.title = `Back to the scenario's ${text(p.value)}`;
    reset.addEventListener("click", () => this.set(p.key, p.value));
    row.append(label, slider ?? element("span"), control, element("span", "range", rangeText(p)), reset);
    this.levers.set(p.key, { param: p, row, control, ...(slider ? { slider } : {}) });
    return row;
  }

  private mark(key: string): void {
    const lever = this.levers.get(key);
    if (!lever) return;
    lever.row.classList.toggle("changed", lever.control.value !== text(lever.param.value));
    this.changed();
  }

  /** Sets a lever's value (a file or run opened in the lab, or a reset). */
  set(key: string, value: Value): boolean {
    const lever = this.levers.get(key);
    if (!lever) return false;
    lever.control.value = text(value);
    if (lever.slider) lever.slider.value = text(value);
    this.mark(key);
    return true;
  }

  /** Every lever's value as shown, by key. */
  typed(): Record<string, string> {
    return Object.fromEntries([...this.levers].map(([key, l]) => [key, l.control.value]));
  }

  changedCount(): number {
    return [...this.levers.values()].filter((l) => l.row.classList.contains("changed")).length;
  }

  /** Shows the levers matching the search (opening the groups that hold them). */
  private filter(): void {
    const query = this.search.value.trim();
    let shown = 0;
    for (const { param, row } of this.levers.values()) {
      const hit = query === "" || matches(param, query);
      row.hidden = !hit;
      if (hit) shown += 1;
    }
    // A subgroup's heading shows while one of its levers does.
    for (const heading of this.list.querySelectorAll<HTMLElement>("details.group h4")) {
      let next = heading.nextElementSibling;
      let any = false;
      for (; next && next.tagName !== "H4"; next = next.nextElementSibling) any = any || !(next as HTMLElement).hidden;
      heading.hidden = !any;
    }
    for (const group of this.list.querySelectorAll<HTMLDetailsElement>("details.group")) {
      const any = [...group.querySelectorAll<HTMLElement>(".lever")].some((r) => !r.hidden);
      group.hidden = !any;
      if (query !== "" && any) group.open = true;
    }
    this.count.textContent = query === "" ? `${this.levers.size} levers` : `${shown} of ${this.levers.size} levers match`;
  }
}
