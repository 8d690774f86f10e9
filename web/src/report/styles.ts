// The report's stylesheet, inlined by the bundle so the page needs no other file.
export const reportCss = `
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; color: #1d2430; background: #f5f6f8; }
main { max-width: 1180px; margin: 0 auto; padding: 24px; }
h1 { font-size: 1.6rem; margin: 0 0 4px; }
h2 { font-size: 1.15rem; margin: 0 0 4px; }
.meta { color: #566; font-size: 0.9rem; margin: 0 0 16px; }
.runs, .headline { border-collapse: collapse; background: #fff; font-size: 0.9rem; margin-bottom: 16px; }
.runs th, .runs td, .headline th, .headline td { border-bottom: 1px solid #e2e5ea; padding: 5px 10px; text-align: left; }
.headline td.value { text-align: right; font-variant-numeric: tabular-nums; }
.patterns td.verdict-inside { color: #1a7f37; }
.patterns td.verdict-near { color: #9a6700; }
.patterns td.verdict-far { color: #cf222e; font-weight: 600; }
.patterns td.verdict-no-data { color: #6e7781; }
.identification-identified, .verdict-inside { color: #1a7f37; }
.identification-partly-identified { color: #9a6700; }
.identification-not-identified, .verdict-far { color: #cf222e; font-weight: 600; }
.charts.pairs { grid-template-columns: repeat(auto-fit, minmax(340px, 1fr)); }
.controls { margin: 8px 0 16px; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 16px; }
.card { background: #fff; border-radius: 6px; padding: 14px 16px; box-shadow: 0 1px 2px rgba(0,0,0,0.08); }
.card.wide { grid-column: 1 / -1; }
.card details.values { margin-top: 6px; font-size: 0.85em; }
.card details.values summary { cursor: pointer; color: #555; }
.caption { color: #566; font-size: 0.85rem; margin: 0 0 6px; }
.chart { height: 340px; }
.empty { color: #a33; font-size: 0.9rem; }
.error { color: #a33; font-weight: bold; }
`;
