// Forecast against each target: expected arrivals by the due date with their spread, the chance
// of meeting the target, the expected gap, and the next thing to do.
import type { ServiceArea, Target } from '../../model/types';
import { html, svgMarkup, type Html } from '../html';
import { isUnavailable, type ReportForecast, type ReportInput } from '../../app/report/report-input';
import { tableHtml, type ReportTable } from '../report-table';
import { targetLabelById } from '../../app/common/labels';
import { countyNamesFromLabels, type CountyNames } from '../../app/common/county-names';
import { candidateForecastCells, candidateForecastColumns } from '../../app/pipeline/candidate-forecast-table';

export function forecastTable(forecast: ReportForecast, targets: Target[], areas: ServiceArea[], names?: CountyNames): ReportTable {
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
      {
        label:
          forecast.result.fee.counterfactual === 'not-applied'
            ? 'Chance met without the $100,000 fee (%)'
            : 'Chance met if the $100,000 fee continues (%)',
        digits: 0,
      },
      { label: 'Expected gap', digits: 1 },
      { label: 'Next action' },
      { label: 'By', nowrap: true },
    ],
    rows: forecast.result.targets.map((f) => {
      const next = forecast.nextSteps[f.targetId];
      return [
        targetLabelById(f.targetId, targets, areas, names),
        f.hires,
        f.dueDate,
        f.matchedCandidates,
        f.expectedArrivals,
        `${f.arrivalsP10}–${f.arrivalsP90}`,
        Math.round(f.probabilityMet * 100),
        Math.round(f.probabilityMetCounterfactual * 100),
        f.expectedShortfall,
        next?.action ?? '',
        next?.date ?? '',
      ];
    }),
  };
}

/** Each candidate's forecast: personal data, so only in a report that includes candidate rows. */
export function candidateForecastTable(
  forecast: ReportForecast,
  input: Pick<ReportInput, 'targets' | 'serviceAreas'>,
  names?: CountyNames,
): ReportTable {
  return {
    id: 'candidate-forecast',
    title: 'Forecast for each candidate',
    testId: 'candidate-forecast',
    columns: candidateForecastColumns(forecast.result, input.targets, input.serviceAreas, names).map((label) => ({ label })),
    rows: forecast.result.candidates.map((c) => candidateForecastCells(c, forecast.result)),
  };
}

export function forecastSection(input: ReportInput): Html {
  const forecast = input.forecast;
  if (isUnavailable(forecast))
    return html`<section id="forecast"><h2>Forecast against the targets</h2><p class="note">Not available: ${forecast.unavailable}</p></section>`;
  const { result, charts } = forecast;
  const names = countyNamesFromLabels(input.countyNames);
  const label = (id: string) => targetLabelById(id, input.targets, input.serviceAreas, names);
  const byId = new Map(result.targets.map((f) => [f.targetId, f]));
  return html`<section id="forecast">
<h2>Forecast against the targets</h2>
<p class="note">${result.runs.toLocaleString('en-US')} simulated futures (seed ${result.seed}) from ${result.now} of every candidate’s remaining steps from where each one is — training, licensure and credentialing, the visa process at its recorded status (the H-1B lottery and its Oct 1 start, J-1 waivers by their site rules and slots, green cards), the day each is free — with the assumptions listed at the end. A target counts as on track when it is at least ${Math.round(result.targetProbability * 100)}% likely to be met.</p>
<figure class="chart">
${svgMarkup(charts.total)}
<figcaption class="small">All candidates. Line: expected cumulative arrivals; band: 10th to 90th percentile; dashed: all targets’ hires combined.</figcaption>
</figure>
<p class="note" id="fee-rule">The $100,000 H-1B fee: ${result.fee.dates} ${result.fee.status} ${result.fee.scenarioText} The table gives each target’s chance under this scenario and ${result.fee.counterfactual === 'not-applied' ? 'without the fee' : 'if the fee continued'}.</p>
${tableHtml(forecastTable(forecast, input.targets, input.serviceAreas, names))}
<div class="small-multiples">${charts.targets.map(({ targetId, svg }) => {
    const f = byId.get(targetId);
    return html`<figure class="chart small-multiple"><figcaption>${label(targetId)}${f && `: ${f.hires} by ${f.dueDate} · ${Math.round(f.probabilityMet * 100)}% likely`}</figcaption>
${svgMarkup(svg)}</figure>`;
  })}</div>
${charts.targets.length > 0 && html`<p class="note">Each target: its matching candidates’ expected cumulative arrivals; dashed line: hires wanted; dotted line: the due date. The numbers are in the table above.</p>`}
${
  input.includeCandidates
    ? tableHtml(candidateForecastTable(forecast, input, names))
    : html`<p class="note">The forecast for each candidate is left out of this report with the other candidate-level rows.</p>`
}
</section>`;
}
