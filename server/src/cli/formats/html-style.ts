/** The report's whole stylesheet, inlined so the file opens anywhere, offline. */
export const STYLE = `
:root { --ink: #1d2330; --muted: #5f6b7a; --line: #e3e7ee; --bg: #f6f7f9; --error: #c62828; --warning: #b26a00; --info: #1565c0; --ok: #2e7d32; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink); font: 15px/1.5 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
header { background: #1d2330; color: #fff; padding: 24px 0; }
header .wrap { max-width: 1100px; margin: 0 auto; padding: 0 40px; }
header h1 { margin: 0 0 4px; font-size: 24px; font-weight: 600; letter-spacing: .2px; }
header p { margin: 0; color: #c3cad6; font-size: 13px; }
main { max-width: 1100px; margin: 0 auto; padding: 24px 40px 60px; }
h2 { font-size: 18px; margin: 32px 0 12px; }
.cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 14px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 14px 18px; }
.card .n { font-size: 28px; font-weight: 650; }
.card .l { color: var(--muted); font-size: 13px; }
.card.ok .n { color: var(--ok); } .card.bad .n { color: var(--error); }
.panel { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; overflow-x: auto; }
.grid2 { display: grid; grid-template-columns: 1fr 1fr; gap: 14px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; padding: 7px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { color: var(--muted); font-weight: 600; font-size: 12px; text-transform: uppercase; letter-spacing: .4px; }
td.rule { white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; padding: 1px 9px; border-radius: 10px; font-size: 12px; font-weight: 600; white-space: nowrap; }
.badge.ready { background: #e6f4ea; color: var(--ok); }
.badge.blocked { background: #fdecea; color: var(--error); }
.badge.review { background: #fff4e0; color: var(--warning); }
.sev { font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: .4px; }
.sev.error { color: var(--error); } .sev.warning { color: var(--warning); } .sev.info { color: var(--info); }
.legend span { display: inline-flex; align-items: center; margin-right: 16px; font-size: 13px; color: var(--muted); }
.legend i { width: 11px; height: 11px; border-radius: 2px; margin-right: 6px; display: inline-block; }
.chart-label { font-size: 13px; fill: #1d2330; } .chart-value { font-size: 12px; fill: #5f6b7a; }
.draft { background: #fff; border: 1px solid var(--line); border-radius: 8px; margin: 14px 0; }
.draft > h3 { margin: 0; padding: 12px 18px; font-size: 15px; border-bottom: 1px solid var(--line); display: flex; gap: 12px; align-items: center; }
.draft > h3 code { font-size: 14px; }
.finding { padding: 12px 18px; border-bottom: 1px solid var(--line); }
.finding:last-child { border-bottom: 0; }
.finding .meta { display: flex; gap: 12px; align-items: baseline; font-size: 13px; color: var(--muted); }
.finding .msg { margin: 4px 0 6px; }
.context { background: #f3f5f8; border-left: 3px solid #c5ccd8; padding: 6px 10px; font: 13px/1.5 ui-monospace, Menlo, Consolas, monospace; white-space: pre-wrap; word-break: break-word; }
.context mark { background: #ffe08a; color: inherit; padding: 0 1px; border-radius: 2px; }
.fix { margin-top: 6px; font-size: 13px; color: var(--ok); }
.fix q { color: var(--ink); }
a { color: #1558b0; text-decoration: none; } a:hover { text-decoration: underline; }
.muted { color: var(--muted); }
footer { color: var(--muted); font-size: 12px; margin-top: 40px; }
@media print { header { background: #fff; color: #000; } .draft, .panel, .card { break-inside: avoid; } }
`;
