// The candidate pipeline: counts by stage for everyone; one row per candidate only on request
// (candidate rows are personal data), in the appendix.
import { stageCounts } from '../../app/pipeline/figures';
import type { Candidate, Stage } from '../../model/types';
import { isSampleCandidate } from '../../model/pipeline';
import { professionName, routeName, stageName } from '../../model/names';
import { specialtyLabel } from '../../model/specialties';
import { html, svgMarkup, type Html } from '../html';
import { tableHtml, type ReportTable } from '../report-table';
import { siteLabel, type CountyNames } from '../../app/common/county-names';
import type { ReportContext } from '../context';

export function funnelTable(candidates: Candidate[]): ReportTable {
  return {
    id: 'pipeline-funnel',
    title: 'Candidates by pipeline stage',
    columns: [{ label: 'Stage' }, { label: 'Candidates', digits: 0 }],
    rows: stageCounts(candidates).map(({ stage, count }) => [stageName(stage as Stage), count]),
  };
}

export function candidatesTable(candidates: Candidate[], names: CountyNames): ReportTable {
  return {
    id: 'candidates',
    title: 'Candidates, one row each',
    columns: [
      { label: 'Candidate' },
      { label: 'Profession' },
      { label: 'Specialty' },
      { label: 'Stage' },
      { label: 'Stage since', nowrap: true },
      { label: 'Visa route' },
      { label: 'Site' },
      { label: 'Site state' },
      { label: 'Site county code (FIPS)', nowrap: true },
      { label: 'Expected start', nowrap: true },
    ],
    rows: candidates.map((c) => [
      c.id,
      professionName(c.profession),
      specialtyLabel(c.specialty),
      stageName(c.stage),
      c.stageDate,
      routeName(c.visaRoute),
      siteLabel(c, names),
      c.siteState,
      c.siteCountyFips,
      c.expectedStart,
    ]),
  };
}

export function pipelineSection({ input }: ReportContext): Html {
  if (!input.candidates.length)
    return html`<section id="pipeline"><h2>Pipeline</h2><p class="note">Not available: no candidates loaded.</p></section>`;
  const funnel = funnelTable(input.candidates);
  const samples = input.candidates.filter(isSampleCandidate).length;
  return html`<section id="pipeline">
<h2>Pipeline</h2>
${samples > 0 && html`<p class="note"><span class="badge sample">sample</span> ${samples} of the ${input.candidates.length} candidates are generated samples, not real people.</p>`}
${input.funnelChart && html`<figure class="chart">${svgMarkup(input.funnelChart)}<figcaption class="small">Source: the ${input.candidates.length} candidates of this workspace, as saved in this browser; counted ${input.generatedAt.slice(0, 10)}.</figcaption></figure>`}
${tableHtml(funnel)}
<p class="note">${
    input.includeCandidates
      ? 'One row per candidate is in the appendix.'
      : 'Candidate-level rows are left out of this report; it shows counts only, and the candidates at risk by their id.'
  }</p>
</section>`;
}
