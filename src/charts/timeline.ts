// One candidate's road as a timeline (Observable Plot): a row per remaining step, a bar from its
// 10th to its 90th percentile finish with the median marked, the steps that delay the candidate
// most in orange and starred; then a row per fixed date (end of training, the H-1B calendar, a
// waiver window, due dates), each drawn as a rule across the steps. Every row's label sits above
// its bar, so the chart needs no margin for labels and reads the same at phone width.
import * as Plot from '@observablehq/plot';
import { asImage } from './accessible';

export interface TimelineStepRow {
  key: string;
  label: string;
  p10: Date;
  p50: Date;
  p90: Date;
  /** A step of the track that most often decides the arrival. */
  highlight: boolean;
}

export interface TimelineDateRow {
  key: string;
  label: string;
  date: Date;
  /** A target's due date (drawn solid), not a fixed date of the process (dashed). */
  due: boolean;
}

// Blue and orange (and ink) stay apart for every common colour-vision deficiency; stars and dash
// patterns say the same without colour.
const INK = '#1d2733';
const BLUE = '#0b5cad';
const ORANGE = '#b35806';
const GREY = '#55606e';
const ROW = 34;
const FONT = 12;

export function timelineChart(
  steps: readonly TimelineStepRow[],
  dates: readonly TimelineDateRow[],
  options: { title: string; now: Date; width?: number },
): SVGSVGElement | HTMLElement {
  const width = Math.max(280, options.width ?? 720);
  const keys = [...steps.map((s) => s.key), ...dates.map((d) => d.key)];
  const times = [options.now, ...steps.flatMap((s) => [s.p10, s.p90]), ...dates.map((d) => d.date)].map((d) => d.getTime());
  const span = Math.max(...times) - options.now.getTime();
  const domain = [options.now, new Date(Math.max(...times) + Math.max(span * 0.04, 15 * 86_400_000))];
  const label = {
    frameAnchor: 'left',
    dy: -ROW / 2 + FONT / 2 + 2,
    textAnchor: 'start',
    fontSize: FONT,
    lineWidth: (width - 24) / FONT,
    textOverflow: 'ellipsis',
    // A halo the colour of the page: the date rules pass behind the labels, not through them.
    stroke: 'white',
    strokeWidth: 3,
  } as const;
  const chart = Plot.plot({
    width,
    height: 36 + keys.length * ROW,
    marginLeft: 8,
    marginRight: 16,
    marginTop: 8,
    style: { fontSize: `${FONT}px` },
    x: { type: 'utc', domain, grid: true, label: null, ticks: Math.max(2, Math.floor(width / 110)) },
    y: { axis: null, domain: keys, paddingInner: 0, paddingOuter: 0 },
    marks: [
      Plot.ruleX(
        dates.filter((d) => !d.due),
        { x: 'date', stroke: GREY, strokeDasharray: '4,3' },
      ),
      Plot.ruleX(
        dates.filter((d) => d.due),
        { x: 'date', stroke: INK, strokeWidth: 1.5 },
      ),
      Plot.ruleX([options.now], { stroke: INK }),
      Plot.barX(steps, {
        x1: 'p10',
        x2: 'p90',
        y: 'key',
        fill: (s: TimelineStepRow) => (s.highlight ? ORANGE : BLUE),
        fillOpacity: 0.8,
        insetTop: ROW / 2,
        insetBottom: 4,
      }),
      Plot.tickX(steps, { x: 'p50', y: 'key', stroke: INK, strokeWidth: 3, insetTop: ROW / 2 - 4, insetBottom: 1 }),
      Plot.text(steps, { ...label, y: 'key', text: (s: TimelineStepRow) => `${s.highlight ? '★ ' : ''}${s.label}`, fill: INK }),
      Plot.dot(dates, {
        x: 'date',
        y: 'key',
        symbol: 'diamond',
        r: 5,
        fill: (d: TimelineDateRow) => (d.due ? INK : GREY),
        dy: ROW / 4 - 2,
      }),
      Plot.text(dates, { ...label, y: 'key', text: 'label', fill: GREY }),
    ],
  });
  return asImage(chart, options.title);
}
