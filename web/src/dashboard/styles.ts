// The lab's stylesheet: the report's, plus a two-column layout (set-up on the left, scrolling on
// its own; the answer and the charts on the right) that puts the answer and the first charts above
// the fold at 1400x900.
import { reportCss } from "../report/styles";

export const dashboardCss = `${reportCss}
body { margin: 0; }
main.lab { display: grid; grid-template-columns: minmax(360px, 30%) 1fr; gap: 16px; height: 100vh; padding: 0 12px; box-sizing: border-box; max-width: none; }
aside.side { overflow-y: auto; padding: 8px 4px 24px 0; border-right: 1px solid #e2e5ea; }
section.answer-column { overflow-y: auto; padding: 8px 0 24px; }
.setup h1 { font-size: 1.25rem; margin: 4px 0 8px; }
.setup .field { display: inline-block; margin: 4px 12px 4px 0; font-size: 0.9rem; }
.setup input[type=number] { width: 5em; }
#setup-name, #label { width: 14em; margin: 4px 8px 4px 0; }
button { font-size: 0.9rem; padding: 4px 12px; margin: 4px 6px 4px 0; }
button.primary { background: #1f5fa8; color: #fff; border: 1px solid #1f5fa8; border-radius: 3px; font-weight: 600; }
#lever-search { width: 100%; box-sizing: border-box; padding: 6px 8px; margin: 8px 0 2px; font-size: 0.95rem; }
details.group { border: 1px solid #e2e5ea; border-radius: 4px; margin: 6px 0; padding: 2px 8px; background: #fff; }
details.group summary { cursor: pointer; font-weight: 600; padding: 4px 0; }
details.group h4 { margin: 6px 0 2px; font-size: 0.8rem; color: #566; text-transform: uppercase; }
.lever { display: grid; grid-template-columns: 1fr 6.5em 6.5em; grid-template-areas: "title title title" "slider value reset" "range range range"; column-gap: 6px; font-size: 0.82rem; padding: 4px 0; border-bottom: 1px dotted #e8eaee; }
.lever .title { grid-area: title; }
.lever .slider { grid-area: slider; width: 100%; }
.lever input[type=number], .lever select { grid-area: value; width: 100%; box-sizing: border-box; }
.lever .range { grid-area: range; color: #667; font-size: 0.75rem; }
.lever .reset { grid-area: reset; visibility: hidden; padding: 0 6px; justify-self: start; }
.lever[hidden], details.group[hidden], details.group h4[hidden] { display: none; }
.lever.changed { background: #fff6df; }
.lever.changed .title { font-weight: 600; }
.lever.changed .reset { visibility: visible; }
.policies h3 { margin: 14px 0 2px; font-size: 1rem; }
table.timeline { font-size: 0.8rem; border-collapse: collapse; }
table.timeline input, table.timeline select { font-size: 0.8rem; max-width: 9.5em; }
table.timeline .policy-value { width: 5em; }
.status { position: sticky; top: 0; background: #f6f7f9; z-index: 2; padding: 4px 0; }
#progress { font-variant-numeric: tabular-nums; display: inline-block; margin: 4px 12px 4px 0; }
#queue { margin: 2px 0; }
#messages { color: #a33; white-space: pre-line; margin: 2px 0; }
p.answer { font-size: 1.1rem; line-height: 1.45; background: #fff; border-left: 4px solid #1f5fa8; padding: 8px 12px; margin: 4px 0 8px; }
.results .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(460px, 1fr)); gap: 12px; }
.results .tables { background: #fff; border-radius: 6px; padding: 4px 10px; box-shadow: 0 1px 2px rgba(0,0,0,0.08); overflow-x: auto; }
.results .tables:empty { display: none; }
.tables table { font-size: 0.76rem; }
.tables h3 { margin: 6px 0; font-size: 0.95rem; }
.panel { background: #fff; border-radius: 6px; padding: 14px 16px; margin: 16px 0; box-shadow: 0 1px 2px rgba(0,0,0,0.08); }
.field { margin-right: 16px; }
`;
