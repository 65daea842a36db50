// Page one: the plan a chief executive reads first — where (the service area and its own shortage
// figures, each dated), what (each target: hires, due date, expected arrivals, the chance of meeting
// it under the fee scenario and without it), who may be late (candidates at risk and the one reason
// each), what it costs (government fees and the $100,000 fee scenario as the employer's policy is
// set), and the choices behind it. It prints on one page; the evidence follows.
import { shortTargetLabelById } from '../../app/common/labels';
import type { AreaTotal } from '../../app/map/service-area-totals';
import { FTE_MISSING_LABEL } from '../../app/map/area-columns';
import { atRiskCandidates, type AtRiskCandidate } from '../../app/report/plan-page';
import { isUnavailable, type ReportArea, type ReportForecast } from '../../app/report/report-input';
import { countOf, formatNumber } from '../../model/format';
import { html, type Html } from '../html';
import { dollars, percent, type ReportContext } from '../context';

/** At most this many candidates at risk on page one; the appendix lists them all. */
export const AT_RISK_ON_PAGE_ONE = 6;

const DISCIPLINE_WORDS: Record<string, string> = { 'Primary Care': 'Primary care', 'Mental Health': 'Mental health' };

function areaTotalsTable(totals: AreaTotal[]): Html {
  return html`<table class="compact" data-testid="area-totals">
<caption>HRSA shortage designations in the area, each counted once</caption>
<thead><tr><th scope="col">Discipline</th><th scope="col" class="num">Practitioners needed (FTE)</th><th scope="col" class="num">Designations</th><th scope="col" class="num">${FTE_MISSING_LABEL}</th><th scope="col" class="num">Population of HPSAs</th><th scope="col">Source and date</th></tr></thead>
<tbody>${totals.map(
    (t) =>
      html`<tr><th scope="row">${DISCIPLINE_WORDS[t.discipline] ?? t.discipline}</th><td class="num">${formatNumber(t.fteNeeded, 1)}</td><td class="num">${formatNumber(t.designations)}</td><td class="num">${t.basis === 'detail' ? formatNumber(t.fteMissing) : 'not published'}</td><td class="num">${t.population == null ? 'not published' : formatNumber(t.population)}</td><td>${t.source}${t.source.includes(t.asOf) ? '' : `, data of ${t.asOf}`}</td></tr>`,
  )}</tbody>
</table>`;
}

function whereBlock(area: ReportArea | null): Html {
  if (!area)
    return html`<div class="plan-block"><h3>Where</h3><p class="note">No service area is set: the report covers the targets’ own regions.</p></div>`;
  const totals = area.totals;
  const beyond = isUnavailable(totals) ? 0 : Math.max(0, ...totals.totals.map((t) => t.extendBeyond));
  const supply = area.primaryCareSupply;
  return html`<div class="plan-block" data-testid="plan-area">
<h3>Where: ${area.area.name} <span class="quiet">— ${area.extent}</span></h3>
${
  isUnavailable(totals)
    ? html`<p class="note">HRSA figures not available: ${totals.unavailable}</p>`
    : totals.totals.length
      ? areaTotalsTable(totals.totals)
      : html`<p class="note">No HRSA shortage figures are loaded for the area.</p>`
}
<p class="small">${
    isUnavailable(supply)
      ? html`<span data-testid="area-supply">Primary-care physicians per 100,000 people: not available (${supply.unavailable}).</span>`
      : html`<span data-testid="area-supply">Primary-care physicians per 100,000 people: <strong>${formatNumber(supply.perHundredThousand, 1)}</strong> (${formatNumber(supply.physicians)} physicians, ${formatNumber(supply.population)} people, ${supply.year}; ${supply.source}).</span>`
  }${beyond > 0 ? ` Designations reaching beyond the area are counted whole, as HRSA sizes them.` : ''}${!isUnavailable(totals) && totals.gaps.length ? ` ${totals.gaps.join(' ')}` : ''}</p>
</div>`;
}

function targetsBlock(ctx: ReportContext, forecast: ReportForecast | null): Html {
  const { input } = ctx;
  if (!input.targets.length) return html`<div class="plan-block"><h3>Targets</h3><p class="note">No targets are set.</p></div>`;
  if (!forecast)
    return html`<div class="plan-block"><h3>Targets</h3><p class="note">${countOf(input.targets.length, 'target')}, ${countOf(
      input.targets.reduce((s, t) => s + t.hires, 0),
      'hire',
    )} wanted; no forecast: ${isUnavailable(input.forecast) ? input.forecast.unavailable : ''}</p></div>`;
  const { result } = forecast;
  const without = result.fee.counterfactual === 'not-applied' ? 'Without the $100,000 fee' : 'If the $100,000 fee continues';
  const onTrack = result.targets.filter((t) => t.probabilityMet >= result.targetProbability).length;
  return html`<div class="plan-block" data-testid="plan-targets">
<h3>Will the targets be met? <span class="quiet">— ${onTrack} of ${countOf(result.targets.length, 'target')} on track (at least ${percent(result.targetProbability)} likely)</span></h3>
<table class="compact">
<thead><tr><th scope="col">Target</th><th scope="col" class="num">Hires</th><th scope="col">Due</th><th scope="col" class="num">Expected arrivals (10th–90th)</th><th scope="col" class="num">Chance met</th><th scope="col" class="num">${without}</th></tr></thead>
<tbody>${result.targets.map(
    (f) =>
      html`<tr><th scope="row">${shortTargetLabelById(f.targetId, input.targets, input.serviceAreas, ctx.names)}</th><td class="num">${f.hires}</td><td class="nowrap">${f.dueDate}</td><td class="num">${formatNumber(f.expectedArrivals, 1)} (${formatNumber(f.arrivalsP10)}–${formatNumber(f.arrivalsP90)})</td><td class="num"><strong>${percent(f.probabilityMet)}</strong></td><td class="num">${percent(f.probabilityMetCounterfactual)}</td></tr>`,
  )}</tbody>
</table>
<p class="small">Forecast of ${result.now}: ${formatNumber(result.runs)} simulated futures of every candidate’s remaining steps (training, licensure, credentialing, visa), by the end of each due quarter. “Chance met”: under the $100,000 fee scenario below.</p>
</div>`;
}

function atRiskRow(ctx: ReportContext, c: AtRiskCandidate): Html {
  const target = shortTargetLabelById(c.targetId, ctx.input.targets, ctx.input.serviceAreas, ctx.names);
  return html`<tr><th scope="row" class="nowrap">${c.candidateId}</th><td>${c.specialty}; ${c.route}</td><td>${target}, due ${c.dueDate}: <strong>${percent(c.probability)}</strong></td><td>${c.reason}</td></tr>`;
}

function atRiskBlock(ctx: ReportContext, forecast: ReportForecast | null): Html {
  if (!forecast) return html``;
  const all = atRiskCandidates(forecast.result, ctx.input.candidates);
  if (!all.length)
    return html`<div class="plan-block" data-testid="plan-at-risk"><h3>Candidates at risk</h3><p class="note">None: every candidate in progress is more likely than not to arrive by the due dates they count toward.</p></div>`;
  const shown = all.slice(0, AT_RISK_ON_PAGE_ONE);
  return html`<div class="plan-block" data-testid="plan-at-risk">
<h3>Candidates at risk of missing a due date <span class="quiet">— ${countOf(all.length, 'candidate')}, less than 50% likely to arrive in time</span></h3>
<table class="compact">
<thead><tr><th scope="col">Candidate</th><th scope="col">Specialty; visa route</th><th scope="col">Target and chance of arriving in time</th><th scope="col">What delays them most</th></tr></thead>
<tbody>${shown.map((c) => atRiskRow(ctx, c))}</tbody>
</table>
${all.length > shown.length ? html`<p class="small">The soonest due first; ${countOf(all.length - shown.length, 'more candidate', 'more candidates')} in the appendix.</p>` : ''}
</div>`;
}

function costBlock(ctx: ReportContext, forecast: ReportForecast | null): Html {
  const { policy } = ctx.input;
  const choices = html`<p class="small" data-testid="plan-choices"><strong>Choices behind these figures.</strong> $100,000 H-1B fee scenario: ${policy.scenario}; compared with: ${policy.counterfactual}. Employer: ${policy.employer}; pays the $100,000 fee when it applies in ${percent(policy.payShare)} of cases (otherwise the hire falls through); cap-exempt employers pay it too: ${policy.capExemptPays ? 'yes' : 'no'}; premium processing: ${policy.premiumProcessing ? 'yes' : 'no'}. ${ctx.cite.text('Rules: the proclamation and USCIS guidance (S10, S11); fees (R1, R2).')}</p>`;
  if (!forecast) return html`<div class="plan-block"><h3>Cost</h3>${choices}</div>`;
  const routes = forecast.result.costPerHireByRoute;
  const open = routes.reduce((s, r) => s + r.candidates, 0);
  const total = routes.reduce((s, r) => s + r.expectedFeesUsd, 0);
  const other = forecast.counterfactualFeesUsd;
  const fee = forecast.result.fee;
  const scenarioCost =
    other === null
      ? 'the cost of the $100,000 fee scenario alone could not be worked out'
      : fee.counterfactual === 'not-applied'
        ? `${dollars(other)} without the $100,000 fee: the fee scenario adds ${dollars(Math.max(0, total - other))}`
        : `${dollars(other)} if the $100,000 fee continued: it would add ${dollars(Math.max(0, other - total))}`;
  return html`<div class="plan-block" data-testid="plan-cost">
<h3>Government fees</h3>
<p>Expected government fees for the ${countOf(open, 'candidate')} in progress: <strong>${dollars(total)}</strong> under this scenario; ${scenarioCost}. Known filing fees only (not legal, travel or recruitment costs); by visa route in the forecast section.</p>
${choices}
</div>`;
}

export function planSection(ctx: ReportContext): Html {
  const forecast = isUnavailable(ctx.input.forecast) ? null : ctx.input.forecast;
  return html`<section id="plan" class="plan-page" aria-labelledby="plan-title">
<h2 id="plan-title" class="plan-title">The plan on one page</h2>
${whereBlock(ctx.input.area)}
${targetsBlock(ctx, forecast)}
${atRiskBlock(ctx, forecast)}
${costBlock(ctx, forecast)}
</section>`;
}
