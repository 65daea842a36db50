// The report's first lines: title, when it was made, and a warning when sample data is in it.
import { countOf } from '../../model/format';
import { isSampleCandidate } from '../../model/pipeline';
import { html, type Html } from '../html';
import type { ReportContext } from '../context';
import { dataUsedText } from '../../app/data/data-used';

function generatedText(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString('en-US', { dateStyle: 'long', timeStyle: 'short' });
}

export function headerSection({ input }: ReportContext): Html {
  const samples = input.datasets.filter((d) => d.sample && !d.replacedBy).map((d) => d.title);
  const sampleCandidates = input.candidates.filter(isSampleCandidate).length;
  if (sampleCandidates) samples.push(countOf(sampleCandidates, 'pipeline candidate'));
  return html`<header class="report-header">
<p class="kicker">Shortage Atlas · recruitment report</p>
<h1>${input.title}</h1>
<p class="generated">Generated <time datetime="${input.generatedAt}">${generatedText(input.generatedAt)}</time>. A snapshot of the plan, the pipeline and the data loaded at that moment; every figure carries its source and date.</p>
<p class="data-used">${dataUsedText(input.datasets, input.goneFiles)}</p>
${samples.length > 0 && html`<p class="warning"><strong>Contains sample data.</strong> ${samples.join('; ')}: generated for demonstration, not real figures or people.</p>`}
</header>`;
}
