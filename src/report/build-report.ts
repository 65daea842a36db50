// The exported report: ONE self-contained HTML file that opens offline, makes no request and runs
// no code. Its CSP forbids scripts and every load except inline styles and data: images, so even
// a mistake in escaping could not reach the network or run.
// Page one is the plan; the evidence follows in the order a reader checks it (map, targets,
// pipeline and forecast, market, assumptions), then the sources, then the long tables.
import { html, styleSheet, type Html } from './html';
import type { ReportInput } from '../app/report/report-input';
import { isUnavailable } from '../app/report/report-input';
import { REPORT_CSS } from './report-styles';
import { reportContext } from './context';
import type { ReportTable } from './report-table';
import { assumptionsSection, changedAssumptionsTable } from './sections/assumptions';
import { dataSourcesSection } from './sections/data-sources';
import { feesTable, forecastSection, forecastTable } from './sections/forecast';
import { headerSection } from './sections/header';
import { funnelTable, pipelineSection } from './sections/pipeline';
import { areaMapTable, mapSection } from './sections/shortage-map';
import { marketMainTables, marketSection } from './sections/market';
import { diversityTable, targetsSection, targetsTable } from './sections/targets';
import { planSection } from './sections/plan';
import { appendixSection, appendixTables } from './sections/appendix';

const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export interface RenderedReport {
  html: string;
  /** Every table of the report with a CSV, in the order it appears. */
  tables: ReportTable[];
}

/**
 * The report and its tables. Sections are rendered in reading order, so the sources they cite are
 * numbered in the order a reader meets them; the list of sources is rendered last and placed before the appendix.
 */
export function renderReport(input: ReportInput): RenderedReport {
  const ctx = reportContext(input);
  const header = headerSection(ctx);
  const body: Html[] = [
    planSection(ctx),
    mapSection(ctx),
    targetsSection(ctx),
    pipelineSection(ctx),
    forecastSection(ctx),
    marketSection(ctx),
    assumptionsSection(ctx),
  ];
  const appendix = appendixTables(ctx);
  const sources = dataSourcesSection(ctx);
  const markup = html`<!DOCTYPE html>
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
${header}
<main>
${body}
${sources}
${appendixSection(appendix)}
</main>
<footer>Made with Shortage Atlas. Planning figures, not advice: check visa and licensure facts with counsel before acting.</footer>
</body>
</html>
`.markup;
  const { names, cite } = ctx;
  const tables: ReportTable[] = [
    ...(isUnavailable(input.map) ? [] : [areaMapTable(ctx, input.map)]),
    ...(input.targets.length ? [targetsTable(input.targets, input.serviceAreas, names)] : []),
    ...(input.diversityTargets.length
      ? [diversityTable(input.diversityTargets, input.targets, input.serviceAreas, input.candidates, names, cite)]
      : []),
    ...(input.candidates.length ? [funnelTable(input.candidates)] : []),
    ...(isUnavailable(input.forecast)
      ? []
      : [
          forecastTable(input.forecast, input.targets, input.serviceAreas, names),
          ...(input.forecast.result.costPerHireByRoute.length ? [feesTable(input.forecast)] : []),
        ]),
    ...(isUnavailable(input.market) ? [] : marketMainTables(input.market)),
    ...[changedAssumptionsTable(ctx)].filter((t): t is ReportTable => t !== null),
    ...appendix.map((a) => a.table),
  ];
  return { html: markup, tables };
}

export const buildReportHtml = (input: ReportInput): string => renderReport(input).html;
