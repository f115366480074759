/**
 * The report's one inline stylesheet, allowed by the page's Content-Security-Policy through its
 * SHA-256 hash. No `style` attribute appears anywhere in the report.
 */
export const REPORT_STYLE = `
:root { color-scheme: light; --ink: #1d2733; --muted: #5b6876; --line: #d9dee4; --panel: #f6f8fa;
  --a: #2f6db5; --b: #c2572b; --c: #2e8a6a; --mark: #fff1a8; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
header, main, footer { max-width: 1180px; margin: 0 auto; padding: 0 20px; }
header { padding-top: 20px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 16px; margin: 0 0 10px; }
.sub { color: var(--muted); margin: 0 0 16px; }
.totals { display: grid; grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); gap: 12px; margin: 0 0 18px; padding: 0; list-style: none; }
.totals li { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; }
.totals b { display: block; font-size: 24px; }
.totals span { color: var(--muted); }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(540px, 1fr)); gap: 16px; margin-bottom: 16px; }
section.panel { border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px; overflow-x: auto; }
.chart { max-width: 100%; height: auto; }
.chart-label { font-size: 12px; fill: var(--ink); }
.chart-value { font-size: 12px; fill: var(--muted); }
.tone-a { fill: var(--a); } .tone-b { fill: var(--b); } .tone-c { fill: var(--c); }
.bar:hover rect { opacity: .8; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
th { background: var(--panel); font-weight: 600; position: sticky; top: 0; }
th button { all: inherit; cursor: pointer; padding: 0; border: 0; background: none; position: static; }
th button::after { content: " \\2195"; color: var(--muted); font-size: 11px; }
th[aria-sort="ascending"] button::after { content: " \\2191"; color: var(--ink); }
th[aria-sort="descending"] button::after { content: " \\2193"; color: var(--ink); }
td.num, th.num { text-align: right; }
.sentence { max-width: 460px; }
mark { background: var(--mark); padding: 0 2px; border-radius: 2px; }
.filters { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; margin-bottom: 10px; }
.filters input, .filters select { font: inherit; padding: 4px 8px; border: 1px solid var(--line); border-radius: 6px; }
.filters input { min-width: 260px; }
.muted { color: var(--muted); }
.note-name { overflow-wrap: anywhere; min-width: 7em; }
.nowrap { white-space: nowrap; }
.chip { white-space: nowrap; display: inline-block; padding: 0 6px; border-radius: 10px; background: var(--panel); border: 1px solid var(--line); font-size: 12px; margin: 0 2px 2px 0; }
dl.settings { display: grid; grid-template-columns: max-content 1fr; gap: 4px 14px; margin: 0; }
dl.settings dt { color: var(--muted); }
dl.settings dd { margin: 0; word-break: break-all; }
footer { padding-bottom: 30px; }
@media print { th { position: static; } .filters { display: none; } }
`;
