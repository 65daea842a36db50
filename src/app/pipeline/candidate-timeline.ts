// A candidate's timeline as the Pipeline screen draws it and the report prints it: the forecast's
// remaining steps (10th, 50th and 90th percentile finish dates) and fixed dates, as chart rows, a
// legend in words and a table with the same numbers.
import type { TimelineDateRow, TimelineStepRow } from '../../charts/timeline';
import type { CandidateForecast } from '../../model/forecast/result';
import type { IsoDate } from '../../model/types';

export interface TimelineFigure {
  steps: TimelineStepRow[];
  dates: TimelineDateRow[];
  now: Date;
  title: string;
  /** What the colours, marks and lines mean, with the step that delays the candidate most. */
  legend: string;
  /** The chart's numbers, row for row. */
  table: {
    steps: { label: string; p10: string; p50: string; p90: string; share: number; highlight: boolean }[];
    dates: { date: string; label: string }[];
  };
}

const day = (date: IsoDate) => new Date(`${date}T00:00:00Z`);
const pct = (share: number) => `${Math.round(share * 100)}%`;

/** Null when the candidate has no road left (arrived or withdrawn) or no step was traced. */
export function timelineFigure(c: CandidateForecast, now: IsoDate, targetLabel: (targetId: string) => string): TimelineFigure | null {
  const timeline = c.timeline;
  if (!timeline || (!timeline.steps.length && !timeline.milestones.length)) return null;
  const track = c.delayedMostBy?.track;
  const steps = timeline.steps.map((s) => ({
    label: s.label,
    p10: s.p10,
    p50: s.p50,
    p90: s.p90,
    share: s.share,
    highlight: s.track === track && track !== 'none',
  }));
  const dates = timeline.milestones.map((m) => ({
    date: m.date,
    label: m.kind === 'due-date' && m.targetId ? `Due: ${targetLabel(m.targetId)}` : m.label,
    due: m.kind === 'due-date',
  }));
  const decider = c.delayedMostBy && c.delayedMostBy.track !== 'none' ? c.delayedMostBy : null;
  const drawn = steps.some((s) => s.highlight);
  return {
    steps: steps.map((s, i) => ({
      key: `step-${i}`,
      label: `${s.label} · median ${s.p50}${s.share < 0.995 ? ` (in ${pct(s.share)} of futures)` : ''}`,
      p10: day(s.p10),
      p50: day(s.p50),
      p90: day(s.p90),
      highlight: s.highlight,
    })),
    dates: dates.map((d, i) => ({ key: `date-${i}`, label: `${d.date} — ${d.label}`, date: day(d.date), due: d.due })),
    now: day(now),
    title: `${c.candidateId}: each remaining step from its 10th to its 90th percentile finish, the median marked, and the fixed dates that matter`,
    legend: [
      'Bars: when each remaining step finishes, 10th to 90th percentile of the simulated futures in which the candidate stays; black tick: the median.',
      // What decides the arrival is said even when it is not a step with dates (the $100,000 fee).
      decider && drawn
        ? `★ Orange: ${decider.label}, the step that most often decides the arrival (${pct(decider.share)} of futures).`
        : '',
      decider && !drawn
        ? `What most often decides the arrival: ${decider.label} (${pct(decider.share)} of futures); it has no dates of its own, so no bar shows it.`
        : '',
      'Dashed lines: fixed dates of the process; solid: a target’s due date; the first line is today.',
    ]
      .filter(Boolean)
      .join(' '),
    table: { steps, dates: dates.map(({ date, label }) => ({ date, label })) },
  };
}
