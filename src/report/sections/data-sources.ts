// Where every figure comes from: each dataset with its publisher and vintage, marked when it is
// sample or estimated data.
import { html, type Html } from '../html';
import type { ReportDataset } from '../../app/report/report-input';

function marks(d: ReportDataset): Html {
  return html`${d.sample && html`<span class="badge sample">sample — generated, not published figures</span>`}${d.estimate && html`<span class="badge estimate">estimate</span>`}${d.origin === 'upload' && html`<span class="badge">your file</span>`}${d.replacedBy && html`<span class="badge">replaced by your file</span>`}`;
}

export function dataSourcesSection(datasets: ReportDataset[]): Html {
  return html`<section id="data-sources">
<h2>Data sources</h2>
${
  datasets.length
    ? html`<ul class="sources">${datasets.map(
        (d) => html`<li${d.replacedBy ? html` class="replaced"` : ''}>
<p class="source-title">${d.title} ${marks(d)}</p>
<p>${d.publisher} · <strong>${d.vintage}</strong></p>
<p class="small">Source: ${d.source} · Licence: ${d.license}${d.coverage ? ` · Coverage: ${d.coverage}` : ''}</p>
</li>`,
      )}</ul>`
    : html`<p class="note">No datasets were loaded.</p>`
}
</section>`;
}
