// The exported report: ONE self-contained HTML file that opens offline, makes no request and runs
// no code. Its CSP forbids scripts and every load except inline styles and data: images, so even
// a mistake in escaping could not reach the network or run.
import { html, styleSheet } from './html';
import type { ReportInput } from '../app/report/report-input';
import { REPORT_CSS } from './report-styles';
import { assumptionsSection } from './sections/assumptions';
import { dataSourcesSection } from './sections/data-sources';
import { forecastSection } from './sections/forecast';
import { headerSection } from './sections/header';
import { pipelineSection } from './sections/pipeline';
import { serviceAreasSection } from './sections/service-areas';
import { mapSection } from './sections/shortage-map';
import { stateFiguresSection } from './sections/state-figures';
import { marketSection } from './sections/market';
import { targetsSection } from './sections/targets';

const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export function buildReportHtml(input: ReportInput): string {
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${input.title}</title>
<style>${styleSheet(REPORT_CSS)}</style>
</head>
<body>
${headerSection(input)}
<main>
${mapSection(input)}
${stateFiguresSection(input)}
${serviceAreasSection(input)}
${targetsSection(input)}
${pipelineSection(input)}
${forecastSection(input)}
${marketSection(input)}
${dataSourcesSection(input.datasets)}
${assumptionsSection(input)}
</main>
<footer>Made with Shortage Atlas. Planning figures, not advice: check visa and licensure facts with counsel before acting.</footer>
</body>
</html>
`.markup;
}
