// The Market screen's charts (Observable Plot): offered wages by H-1B wage level as quartile ranges,
// filings by employer, and sponsors' approvals and denials by fiscal year. The tables beside them
// carry every number.
import * as Plot from '@observablehq/plot';
import { asImage } from './accessible';

export interface WageRange {
  label: string;
  q1: number;
  median: number;
  q3: number;
  filings: number;
}

const dollars = (v: number) => (v >= 1000 ? `$${Math.round(v / 1000)}k` : `$${Math.round(v)}`);
const INK = '#1d2733';
const BLUE = '#0b5cad';
const ORANGE = '#b35806';

/** One row per wage level: a bar from the 25th to the 75th percentile, a tick at the median, the filings counted. */
export function wageRangeChart(rows: WageRange[], options: { title: string; width?: number }): SVGSVGElement | HTMLElement {
  // The wages, not zero, set the axis: the ranges differ by tens of thousands on a base of a hundred thousand.
  const high = Math.max(0, ...rows.map((r) => r.q3));
  const low = Math.min(high, ...rows.map((r) => r.q1));
  const pad = (high - low) * 0.1 || high * 0.05 || 1;
  const chart = Plot.plot({
    width: options.width ?? 640,
    height: 50 + rows.length * 34,
    marginLeft: 120,
    marginRight: 70,
    x: {
      label: 'Offered annual wage (25th–75th percentile, median marked)',
      grid: true,
      tickFormat: dollars,
      domain: [Math.max(0, low - pad), high + pad * 3],
    },
    y: { label: null, domain: rows.map((r) => r.label) },
    marks: [
      Plot.barX(rows, { x1: 'q1', x2: 'q3', y: 'label', fill: BLUE, fillOpacity: 0.35 }),
      Plot.tickX(rows, { x: 'median', y: 'label', stroke: INK, strokeWidth: 3 }),
      Plot.text(rows, {
        x: 'q3',
        y: 'label',
        text: (d: WageRange) => `${dollars(d.median)} · ${d.filings}`,
        dx: 6,
        textAnchor: 'start',
        fill: INK,
      }),
    ],
  });
  return asImage(chart, options.title);
}

export interface CountBar {
  label: string;
  value: number;
}

/** Horizontal bars, longest first as given, each with its count. */
export function countBarChart(rows: CountBar[], options: { title: string; axis: string; width?: number }): SVGSVGElement | HTMLElement {
  const chart = Plot.plot({
    width: options.width ?? 640,
    height: 40 + rows.length * 24,
    marginLeft: 230,
    x: { label: options.axis, grid: true, tickFormat: 'd', ticks: Math.min(8, Math.max(1, ...rows.map((r) => r.value))) },
    y: { label: null, domain: rows.map((r) => r.label), tickFormat: (d: string) => (d.length > 34 ? `${d.slice(0, 33)}…` : d) },
    marks: [
      Plot.barX(rows, { x: 'value', y: 'label', fill: BLUE }),
      Plot.text(rows, { x: 'value', y: 'label', text: (d: CountBar) => String(d.value), dx: 4, textAnchor: 'start', fill: INK }),
      Plot.ruleX([0]),
    ],
  });
  return asImage(chart, options.title);
}

export interface YearCount {
  /** "FY2023 (partial)" */
  year: string;
  measure: 'Initial approvals' | 'Initial denials';
  value: number;
}

const ROW = 56;

/** Initial approvals (upper bar) and denials (lower bar) for each fiscal year, each bar labelled: no legend needed. */
export function sponsorYearsChart(rows: YearCount[], options: { title: string; width?: number }): SVGSVGElement | HTMLElement {
  const years = [...new Set(rows.map((r) => r.year))];
  const half = (measure: YearCount['measure']) => rows.filter((r) => r.measure === measure);
  const approvals = half('Initial approvals');
  const denials = half('Initial denials');
  const label = (d: YearCount) => `${d.value} ${d.measure === 'Initial approvals' ? 'approved' : 'denied'}`;
  const chart = Plot.plot({
    width: options.width ?? 640,
    height: 70 + years.length * ROW,
    marginLeft: 120,
    marginRight: 90,
    x: { label: 'Initial H-1B petitions (upper bar approved, lower bar denied)', grid: true, tickFormat: 'd' },
    y: { label: null, domain: years, padding: 0.15 },
    color: { domain: ['Initial approvals', 'Initial denials'], range: [BLUE, ORANGE] },
    marks: [
      Plot.barX(approvals, { x: 'value', y: 'year', fill: 'measure', insetTop: 2, insetBottom: ROW / 2 - 2 }),
      Plot.barX(denials, { x: 'value', y: 'year', fill: 'measure', insetTop: ROW / 2 - 2, insetBottom: 2 }),
      Plot.text(approvals, { x: 'value', y: 'year', text: label, dy: -ROW / 4 + 2, dx: 4, textAnchor: 'start', fill: INK }),
      Plot.text(denials, { x: 'value', y: 'year', text: label, dy: ROW / 4 - 2, dx: 4, textAnchor: 'start', fill: INK }),
      Plot.ruleX([0]),
    ],
  });
  return asImage(chart, options.title);
}
