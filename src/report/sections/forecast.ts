// Forecast against each target: expected arrivals by the due date with their spread, the chance
// of meeting the target, the expected gap, and the next thing to do.
import type { ServiceArea, Target } from '../../model/types';
import { targetBulletChart } from '../charts';
import { html, type Html } from '../html';
import { isUnavailable, type ReportForecast, type ReportInput } from '../../app/report-input';
import { tableHtml, type ReportTable } from '../report-table';
import { targetLabelById } from '../../app/labels';

export function forecastTable(forecast: ReportForecast, targets: Target[], areas: ServiceArea[]): ReportTable {
  return {
    id: 'forecast',
    title: 'Forecast against each target (arrivals by the due date)',
    columns: [
      { label: 'Target' },
      { label: 'Hires', digits: 0 },
      { label: 'Due by', nowrap: true },
      { label: 'Candidates', digits: 0 },
      { label: 'Expected arrivals', digits: 1 },
      { label: '10th–90th percentile', nowrap: true },
      { label: 'Chance met (%)', digits: 0 },
      { label: 'Expected gap', digits: 1 },
      { label: 'Next action' },
      { label: 'By', nowrap: true },
    ],
    rows: forecast.result.targets.map((f) => {
      const next = forecast.nextSteps[f.targetId];
      return [
        targetLabelById(f.targetId, targets, areas),
        f.hires,
        f.dueDate,
        f.matchedCandidates,
        f.expectedArrivals,
        `${f.arrivalsP10}–${f.arrivalsP90}`,
        Math.round(f.probabilityMet * 100),
        f.expectedShortfall,
        next?.action ?? '',
        next?.date ?? '',
      ];
    }),
  };
}

export function forecastSection(input: ReportInput): Html {
  const forecast = input.forecast;
  if (isUnavailable(forecast))
    return html`<section id="forecast"><h2>Forecast against the targets</h2><p class="note">Not available: ${forecast.unavailable}</p></section>`;
  const { result } = forecast;
  const bullets = result.targets.map((f) => ({
    label: targetLabelById(f.targetId, input.targets, input.serviceAreas),
    hires: f.hires,
    expected: f.expectedArrivals,
    p10: f.arrivalsP10,
    p90: f.arrivalsP90,
    probabilityMet: f.probabilityMet,
  }));
  return html`<section id="forecast">
<h2>Forecast against the targets</h2>
<p class="note">${result.runs.toLocaleString('en-US')} simulated futures (seed ${result.seed}) from ${result.now} of every candidate’s remaining steps — licensure, credentialing, the H-1B lottery and calendar, Conrad 30 slots — with the assumptions listed at the end. A target counts as on track when it is at least ${Math.round(result.targetProbability * 100)}% likely to be met.</p>
<figure class="chart">
${targetBulletChart(bullets, 'Chart of expected arrivals by the due date against the hires wanted, per target; the numbers are in the table below')}
<figcaption class="small">Bar: expected arrivals by the due date. Band: 10th to 90th percentile. Black line: hires wanted. Right: chance the target is met.</figcaption>
</figure>
${tableHtml(forecastTable(forecast, input.targets, input.serviceAreas))}
</section>`;
}
