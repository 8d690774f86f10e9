// The dashboard's stylesheet: the report's, plus the controls.
import { reportCss } from "../report/styles";

export const dashboardCss = `${reportCss}
.panel { background: #fff; border-radius: 6px; padding: 14px 16px; margin-bottom: 16px; box-shadow: 0 1px 2px rgba(0,0,0,0.08); }
.parameters { display: flex; flex-wrap: wrap; gap: 12px; }
fieldset { border: 1px solid #e2e5ea; border-radius: 4px; }
.parameter { display: grid; grid-template-columns: 18em 9em auto; gap: 8px; align-items: center; font-size: 0.85rem; padding: 2px 0; }
.parameter .range { color: #566; }
.field { margin-right: 16px; }
button { font-size: 0.95rem; padding: 4px 14px; margin-right: 8px; }
#progress { font-variant-numeric: tabular-nums; }
#messages { color: #a33; white-space: pre-line; }
`;
