// The report's only styles, inlined: system fonts, nothing to fetch. Print rules keep headings with
// what follows, charts and table rows whole, and fit A4 and Letter alike; the plan fills page one
// on its own and the appendix starts on a new page.
export const REPORT_CSS = `
:root { --ink: #1d2733; --muted: #55606e; --line: #d5dbe3; --accent: #0b5cad; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 76rem; padding: 28px 32px 48px; color: var(--ink); background: #fff;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1, h2, h3 { line-height: 1.2; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 1.9rem; margin: 0 0 6px; }
h2 { font-size: 1.3rem; margin: 32px 0 8px; padding-top: 10px; border-top: 2px solid var(--accent); }
h3 { font-size: 1.05rem; margin: 20px 0 6px; }
p { margin: 0 0 8px; }
/* Tables of many columns get the page's width; lines of text stay short enough to read. */
p, li { max-width: 60rem; }
.kicker { text-transform: uppercase; letter-spacing: 0.08em; font-size: 0.8rem; font-weight: 700; color: var(--accent); margin: 0; }
.generated, .data-used, .note, .small, figcaption { color: var(--muted); }
.note { font-size: 0.9rem; }
.small, figcaption { font-size: 0.8rem; }
.warning { background: #fff4d6; border-left: 4px solid #b7791f; padding: 8px 12px; }
.key-figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(9.5rem, 1fr)); gap: 10px; margin: 16px 0 0; }
.key-figures div { border: 1px solid var(--line); border-left: 4px solid var(--accent); border-radius: 4px; padding: 8px 12px; break-inside: avoid; }
.key-figures dt { font-size: 0.8rem; color: var(--muted); font-weight: 600; }
.key-figures dd { margin: 2px 0 0; font-weight: 600; }
.badge { display: inline-block; font-size: 0.72rem; font-weight: 700; padding: 1px 6px; border-radius: 3px; margin-left: 6px; background: #e8edf3; color: #333; vertical-align: middle; }
.badge.sample { background: #fde2b8; color: #6b3d00; }
.badge.estimate { background: #e3dcf7; color: #3b2a78; }
.sources { list-style: none; padding: 0; margin: 0; }
.sources li { border-left: 3px solid var(--accent); padding: 2px 0 2px 10px; margin-bottom: 10px; break-inside: avoid; }
.sources li.replaced { opacity: 0.65; border-left-color: var(--line); }
.source-title { font-weight: 600; margin: 0; }
.sources p { margin: 0; }
figure { margin: 8px 0 12px; break-inside: avoid; page-break-inside: avoid; }
figure.map svg.choropleth { display: block; width: 100%; height: auto; max-height: 150mm; }
.choropleth g.shapes path { stroke: #fff; stroke-width: 0.5; vector-effect: non-scaling-stroke; }
.choropleth .overlay .outlined { fill: none; stroke: #0b5cad; stroke-width: 1.5; vector-effect: non-scaling-stroke; }
.choropleth .overlay .selected { fill: none; stroke: #1d2733; stroke-width: 2.5; vector-effect: non-scaling-stroke; }
.legend { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 4px 20px; margin-top: 4px; }
.legend p { margin: 0; font-size: 12px; color: var(--muted); }
.legend-swatches { max-width: 100%; height: auto; overflow: visible; font-size: 12px; font-variant-numeric: tabular-nums; color: #1d2733; }
.legend-swatches text { fill: currentColor; }
.swatch { display: inline-block; width: 14px; height: 10px; border: 1px solid #bbb; vertical-align: middle; }
figure.chart svg { display: block; width: 100%; max-width: 44rem; height: auto; }
.small-multiples { display: grid; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); gap: 8px 16px; }
.small-multiples figcaption { font-size: 0.85rem; font-weight: 600; }
@media screen and (max-width: 600px) {
  body { padding: 16px 12px 32px; }
  table.compact { display: block; overflow-x: auto; }
  .plan-page { padding: 4px 8px 8px; }
  table.compact td:last-child { min-width: 12em; }
}
.table-wrap { max-width: 100%; overflow-x: auto; }
table { min-width: 50%; max-width: 100%; border-collapse: collapse; margin: 6px 0 16px; font-size: 0.82rem; }
caption { text-align: left; font-weight: 600; color: var(--muted); padding-bottom: 4px; caption-side: top; }
th, td { text-align: left; vertical-align: top; padding: 4px 6px; border-bottom: 1px solid var(--line); overflow-wrap: break-word; }
thead th { border-bottom: 2px solid var(--ink); }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
tr.group th { background: #eef3f9; padding-top: 6px; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num, td.nowrap, th.nowrap { white-space: nowrap; }
td.wide { min-width: 12em; }
td.empty { color: var(--muted); }
.citations { font-size: 0.8rem; padding-left: 28px; color: var(--muted); }
.citations li { margin-bottom: 3px; break-inside: avoid; }
.address { overflow-wrap: anywhere; }
.plan-page { border: 1px solid var(--line); border-radius: 6px; padding: 4px 16px 8px; margin-top: 14px; }
.plan-title { border-top: 0; margin-top: 6px; padding-top: 0; }
.plan-block { break-inside: avoid; }
.plan-block h3 { margin-top: 12px; }
.quiet { font-weight: 400; color: var(--muted); font-size: 0.9em; }
table.compact { width: 100%; margin: 4px 0 6px; }
table.compact th[scope="row"] { font-weight: 600; }
.appendix h2 { margin-top: 24px; }
footer { margin-top: 32px; font-size: 0.8rem; color: var(--muted); border-top: 1px solid var(--line); padding-top: 8px; }
@page { size: auto; margin: 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  .report-header h1 { font-size: 17pt; }
  .report-header .generated, .report-header .data-used { font-size: 8.5pt; margin-bottom: 4pt; }
  .report-header .warning { font-size: 8.5pt; padding: 3pt 8pt; margin-bottom: 0; }
  .plan-page { break-after: page; page-break-after: always; border: 0; padding: 0; margin-top: 6pt; font-size: 9pt; }
  .plan-page h2 { font-size: 12pt; margin: 0 0 2pt; }
  .plan-page h3 { font-size: 10pt; margin: 7pt 0 2pt; }
  .plan-page p { margin-bottom: 3pt; }
  .plan-page table.compact { font-size: 8pt; margin: 2pt 0 3pt; }
  .plan-page th, .plan-page td { padding: 1.5pt 4pt; }
  .plan-page .small, .plan-page caption { font-size: 7.5pt; }
  .appendix { break-before: page; page-break-before: always; }
  h1 { font-size: 20pt; }
  h2 { margin-top: 18pt; }
  .key-figures { margin-top: 10pt; }
  figure.map svg.choropleth { max-height: 95mm; }
  table { font-size: 8.5pt; }
  .table-wrap { overflow: visible; }
  a { color: inherit; text-decoration: none; }
}
`;
