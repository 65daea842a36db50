// Forecast against each target: expected arrivals by the due date with their spread, the chance
// of meeting the target with and without the $100,000 fee, the next thing to do; the government
// fees by visa route; and each candidate at risk with the timeline the Pipeline screen draws.
import type { ServiceArea, Target } from '../../model/types';
import { html, svgMarkup, type Html } from '../html';
import { isUnavailable, type ReportForecast, type ReportInput } from '../../app/report/report-input';
import { tableHtml, type ReportTable } from '../report-table';
import { targetLabelById } from '../../app/common/labels';
import type { CountyNames } from '../../app/common/county-names';
import { CANDIDATE_FORECAST_COLUMNS, candidateForecastRows } from '../../app/pipeline/candidate-forecast-table';
import { atRiskCandidates } from '../../app/report/plan-page';
import { routeName } from '../../model/names';
import { countOf } from '../../model/format';
import { percent, type ReportContext } from '../context';

export function forecastTable(forecast: ReportForecast, targets: Target[], areas: ServiceArea[], names?: CountyNames): ReportTable {
  return {
    id: 'forecast',
    title: 'Forecast against each target (arrivals by the due date)',
    columns: [
      { label: 'Target', wide: true },
      { label: 'Hires', digits: 0 },
      { label: 'Due by', nowrap: true },
      { label: 'Candidates', digits: 0 },
      { label: 'Expected arrivals', digits: 1 },
      { label: '10th–90th percentile', nowrap: true },
      { label: 'Chance met (%)', digits: 0 },
      {
        label: forecast.result.fee.counterfactual === 'not-applied' ? 'Without the $100,000 fee (%)' : 'If the $100,000 fee continues (%)',
        digits: 0,
      },
      { label: 'Expected gap', digits: 1 },
      { label: 'Next action', wide: true },
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

/** Known government fees per expected hire, by visa route, as on the Pipeline screen. */
export function feesTable(forecast: ReportForecast): ReportTable {
  return {
    id: 'fees-by-route',
    title: 'Expected government fees by visa route (candidates in progress)',
    columns: [
      { label: 'Visa route' },
      { label: 'Candidates', digits: 0 },
      { label: 'Expected hires', digits: 1 },
      { label: 'Expected fees ($)', digits: 0 },
      { label: 'Fees per hire ($)', digits: 0 },
      { label: 'Can owe the $100,000 fee' },
    ],
    rows: forecast.result.costPerHireByRoute.map((r) => [
      routeName(r.visaRoute),
      r.candidates,
      r.expectedHires,
      r.expectedFeesUsd,
      r.costPerHireUsd,
      r.h1bFeeCanApply ? 'yes' : 'no',
    ]),
  };
}

/** Every candidate at risk of missing a due date: the appendix's list (page one shows the first few). */
export function atRiskTable(ctx: ReportContext, forecast: ReportForecast): ReportTable {
  const { input, names } = ctx;
  return {
    id: 'candidates-at-risk',
    title: 'Candidates at risk of missing a due date, soonest due first',
    columns: [
      { label: 'Candidate', nowrap: true },
      { label: 'Specialty' },
      { label: 'Stage' },
      { label: 'Visa route' },
      { label: 'Target' },
      { label: 'Due', nowrap: true },
      { label: 'Chance of arriving in time (%)', digits: 0 },
      { label: 'What delays them most' },
    ],
    rows: atRiskCandidates(forecast.result, input.candidates).map((c) => [
      c.candidateId,
      c.specialty,
      c.stage,
      c.route,
      targetLabelById(c.targetId, input.targets, input.serviceAreas, names),
      c.dueDate,
      Math.round(c.probability * 100),
      c.reason,
    ]),
  };
}

/** Each candidate's forecast: personal data, so only in a report that includes candidate rows. */
export function candidateForecastTable(
  forecast: ReportForecast,
  input: Pick<ReportInput, 'targets' | 'serviceAreas' | 'candidates'>,
  names?: CountyNames,
): ReportTable {
  return {
    id: 'candidate-forecast',
    title: 'Forecast for each candidate',
    testId: 'candidate-forecast',
    columns: CANDIDATE_FORECAST_COLUMNS.map((label) => ({ label })),
    rows: candidateForecastRows(forecast.result, input.candidates, { targets: input.targets, serviceAreas: input.serviceAreas, names }),
  };
}

/** The at-risk candidates' timelines, where the Pipeline screen has drawn them. */
function timelines(ctx: ReportContext, forecast: ReportForecast): Html {
  const risky = atRiskCandidates(forecast.result, ctx.input.candidates).filter((c) => Object.hasOwn(forecast.timelines, c.candidateId));
  if (!risky.length) return html``;
  return html`<h3>Timelines of the candidates at risk</h3>
<p class="note">Forecast of ${forecast.result.now}. As on the Pipeline screen: each remaining step from its 10th to its 90th percentile finish, the median marked; starred and orange, the steps that most often decide the arrival; dashed lines, fixed dates of the process; a solid line, a target’s due date; the first line, the day of the forecast. The dates are in each candidate’s row of the Pipeline screen.</p>
${risky.map((c) => html`<figure class="chart timeline"><figcaption>${c.candidateId}: ${c.specialty}; ${c.route}</figcaption>${svgMarkup(forecast.timelines[c.candidateId])}</figure>`)}`;
}

export function forecastSection(ctx: ReportContext): Html {
  const { input, names, cite } = ctx;
  const forecast = input.forecast;
  if (isUnavailable(forecast))
    return html`<section id="forecast"><h2>Forecast against the targets</h2><p class="note">Not available: ${forecast.unavailable}</p></section>`;
  const { result, charts } = forecast;
  const label = (id: string) => targetLabelById(id, input.targets, input.serviceAreas, names);
  const byId = new Map(result.targets.map((f) => [f.targetId, f]));
  const risky = atRiskCandidates(result, input.candidates).length;
  // Under the charts, as under every chart of the report: whose figures, and of when.
  const forecastSource = `Source: this workspace’s ${countOf(input.candidates.length, 'candidate')}, forecast of ${result.now} (${result.runs.toLocaleString('en-US')} simulated futures, seed ${result.seed}) with the assumptions listed under Assumptions.`;
  return html`<section id="forecast">
<h2>Forecast against the targets</h2>
<p class="note">${result.runs.toLocaleString('en-US')} simulated futures (seed ${result.seed}) from ${result.now} of every candidate’s remaining steps from where each one is — training, licensure and credentialing, the visa process at its recorded status (the H-1B lottery and its Oct 1 start, J-1 waivers by their site rules and slots, green cards), the day each is free — with the assumptions listed below. A target counts as on track when it is at least ${percent(result.targetProbability)} likely to be met.</p>
<figure class="chart">
${svgMarkup(charts.total)}
<figcaption class="small">${forecastSource} All candidates. Line: expected cumulative arrivals; band: 10th to 90th percentile; dashed: all targets’ hires combined.</figcaption>
</figure>
<p class="note" id="fee-rule">The $100,000 H-1B fee: ${result.fee.dates} ${cite.text(result.fee.status)} ${result.fee.scenarioText} The table gives each target’s chance under this scenario and ${result.fee.counterfactual === 'not-applied' ? 'without the fee' : 'if the fee continued'}. ${cite.text('Sources: S10, S11, S13.')}</p>
${tableHtml(forecastTable(forecast, input.targets, input.serviceAreas, names))}
<div class="small-multiples">${charts.targets.map(({ targetId, svg }) => {
    const f = byId.get(targetId);
    return html`<figure class="chart small-multiple"><figcaption>${label(targetId)}${f && `: ${f.hires} by ${f.dueDate} · ${percent(f.probabilityMet)} likely`}</figcaption>
${svgMarkup(svg)}</figure>`;
  })}</div>
${charts.targets.length > 0 && html`<p class="note">Each target: its matching candidates’ expected cumulative arrivals; dashed line: hires wanted; dotted line: the due date. The numbers are in the table above. ${forecastSource}</p>`}
${result.costPerHireByRoute.length > 0 && html`${tableHtml(feesTable(forecast))}<p class="note">Government fees only, for a ${input.policy.employer}: the H-1B registration, Form I-129 or I-140, ACWIA, fraud prevention and Asylum Program fees with their exemptions, premium processing${input.policy.premiumProcessing ? '' : ' (not used)'}, and the $100,000 fee where the scenario applies it and the employer pays it; not legal, consular, state or recruitment costs. ${cite.text('Sources: R1, R2, S15.')}</p>`}
<p class="note">${risky ? `${countOf(risky, 'candidate')} at risk of missing a due date: the first on page one, all of them in the appendix.` : 'No candidate is at risk of missing a due date.'}</p>
${timelines(ctx, forecast)}
${input.includeCandidates ? html`<p class="note">The forecast for each candidate is in the appendix.</p>` : html`<p class="note">The forecast for each candidate is left out of this report with the other candidate-level rows.</p>`}
</section>`;
}
