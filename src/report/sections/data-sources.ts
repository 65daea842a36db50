// Where every figure comes from, in a form a reader outside the project can follow: each dataset
// with its publisher, date and public address (marked when it is sample or estimated data), then
// the rules and facts the forecast and the text cite, by number, each with its public address.
import { html, type Html } from '../html';
import type { ReportDataset } from '../../app/report/report-input';
import { datasetAddress, preparedText, SHAPES_SOURCE } from '../dataset-sources';
import type { ReportContext } from '../context';
import { partlyReplacedText } from '../../app/data/data-used';
import { readViaText } from '../../model/timing/sources';

function marks(d: ReportDataset, all: readonly ReportDataset[]): Html {
  const partly = partlyReplacedText(d, all);
  return html`${partly && html`<span class="badge">${partly}</span>`}${d.sample && html`<span class="badge sample">sample — generated, not published figures</span>`}${d.estimate && html`<span class="badge estimate">estimate</span>`}${d.origin === 'upload' && html`<span class="badge">your file</span>`}${d.replacedBy && html`<span class="badge">replaced by your file</span>`}`;
}

function datasetItem(d: ReportDataset, all: readonly ReportDataset[]): Html {
  const address = datasetAddress(d);
  const prepared = preparedText(d.source);
  return html`<li${d.replacedBy ? html` class="replaced"` : ''}>
<p class="source-title">${d.title} ${marks(d, all)}</p>
<p>${d.publisher} · <strong>${d.vintage}</strong></p>
${address && html`<p class="small address">Where to get it: ${address.url}${address.where ? ` (${address.where})` : ''}${address.also?.length ? `; also ${address.also.join('; ')}` : ''}</p>`}
<p class="small">Licence: ${d.license}${d.coverage ? ` · Coverage: ${d.coverage}` : ''}</p>
${prepared && html`<p class="small">How it was read: ${prepared}</p>`}
</li>`;
}

export function dataSourcesSection({ input, cite }: ReportContext): Html {
  const cited = cite.list();
  return html`<section id="data-sources">
<h2>Data sources</h2>
${
  input.datasets.length
    ? html`<ul class="sources">${input.datasets.map((d) => datasetItem(d, input.datasets))}</ul>`
    : html`<p class="note">No datasets were loaded.</p>`
}
<p class="small">Map shapes: ${SHAPES_SOURCE}.</p>
<h3>Sources of the rules, facts and assumptions cited</h3>
<p class="note">Sources ${input.assumptions.vintage}. Immigration rules change: check the dates before acting.</p>
<ol class="citations" data-testid="rule-sources">${cited.map(
    (c) =>
      html`<li value="${c.n}">${
        c.source
          ? html`${c.source.publisher}: ${c.source.title}.${c.source.url ? html` <span class="address">${c.source.url}</span>` : ' No single public address.'}${c.source.via ? ` ${readViaText(c.source)}` : ''}`
          : 'Source not recorded.'
      }</li>`,
  )}</ol>
</section>`;
}
