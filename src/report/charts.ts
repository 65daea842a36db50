// Charts for the report as plain SVG markup: no script, no fonts to fetch, and SVG fills print even
// when a browser leaves out background colours. Each chart's numbers are also in a table.
import { ticks } from 'd3';
import { html, type Html } from './html';

const INK = '#1d2733';
const MUTED = '#55606e';
const BAR = '#0b5cad';
const BAND = '#b9d3ee';
const ROW = 24;
const WIDTH = 640;

const px = (n: number) => n.toFixed(1);

function shorten(label: string, max: number): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}

export interface Bar {
  label: string;
  value: number;
}

/** Horizontal bars with their values, e.g. candidates per pipeline stage. */
export function barChart(bars: Bar[], title: string): Html {
  const left = 110;
  const right = 40;
  const top = 8;
  const height = top * 2 + bars.length * ROW;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const scale = (v: number) => ((WIDTH - left - right) * v) / max;
  return html`<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${title}">
${bars.map((b, i) => {
  const y = top + i * ROW;
  return html`<text x="${left - 6}" y="${px(y + 15)}" text-anchor="end" fill="${INK}">${shorten(b.label, 18)}</text><rect x="${left}" y="${px(y + 4)}" width="${px(scale(b.value))}" height="14" fill="${BAR}"/><text x="${px(left + scale(b.value) + 4)}" y="${px(y + 15)}" fill="${INK}">${b.value}</text>`;
})}
<line x1="${left}" x2="${left}" y1="${top}" y2="${height - 8}" stroke="${INK}"/>
</svg>`;
}

export interface TargetBullet {
  label: string;
  hires: number;
  expected: number;
  p10: number;
  p90: number;
  probabilityMet: number;
}

/**
 * Per target, its label on a line of its own, then expected arrivals by the due date (bar), the
 * 10th–90th percentile (band), the hires wanted (line) and the chance of meeting it; an axis of hires.
 */
export function targetBulletChart(rows: TargetBullet[], title: string): Html {
  const left = 8;
  const right = 90;
  const top = 4;
  const row = 44;
  const axisY = top + rows.length * row + 4;
  const max = Math.max(1, ...rows.flatMap((r) => [r.hires, r.expected, r.p90]));
  const x = (v: number) => left + ((WIDTH - right - left) * v) / max;
  return html`<svg class="chart" viewBox="0 0 ${WIDTH} ${axisY + 24}" role="img" aria-label="${title}">
${rows.map((r, i) => {
  const y = top + i * row;
  return html`<text x="0" y="${px(y + 12)}" fill="${INK}" font-weight="600">${shorten(r.label, 90)}</text>
<rect x="${px(x(r.p10))}" y="${px(y + 18)}" width="${px(Math.max(1, x(r.p90) - x(r.p10)))}" height="18" fill="${BAND}"/><rect x="${left}" y="${px(y + 23)}" width="${px(x(r.expected) - left)}" height="8" fill="${BAR}"/><line x1="${px(x(r.hires))}" x2="${px(x(r.hires))}" y1="${px(y + 15)}" y2="${px(y + 39)}" stroke="${INK}" stroke-width="3"/><text x="${WIDTH - right + 10}" y="${px(y + 32)}" fill="${INK}">${Math.round(r.probabilityMet * 100)}% likely</text>`;
})}
<line x1="${left}" x2="${px(x(max))}" y1="${axisY}" y2="${axisY}" stroke="${MUTED}"/>
${ticks(0, max, Math.min(8, Math.ceil(max)))
  .filter(Number.isInteger)
  .map(
    (t) =>
      html`<line x1="${px(x(t))}" x2="${px(x(t))}" y1="${axisY}" y2="${axisY + 4}" stroke="${MUTED}"/><text x="${px(x(t))}" y="${axisY + 16}" text-anchor="middle" fill="${MUTED}">${t}</text>`,
  )}
<text x="${WIDTH - right + 10}" y="${axisY + 16}" fill="${MUTED}">hires</text>
</svg>`;
}
