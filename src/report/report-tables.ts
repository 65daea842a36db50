// Every table in a report, in the order it appears: the screen offers each as a CSV.
import { countyNamesFromLabels } from '../app/common/county-names';
import { isUnavailable, type ReportInput } from '../app/report/report-input';
import type { ReportTable } from './report-table';
import { assumptionsTable } from './sections/assumptions';
import { candidateForecastTable, forecastTable } from './sections/forecast';
import { candidatesTable, funnelTable } from './sections/pipeline';
import { serviceAreasTable } from './sections/service-areas';
import { mapTable } from './sections/shortage-map';
import { diversityTable, targetsTable } from './sections/targets';
import { marketTables } from './sections/market';

export function reportTables(input: ReportInput): ReportTable[] {
  const tables: ReportTable[] = [];
  const names = countyNamesFromLabels(input.countyNames);
  if (!isUnavailable(input.map)) tables.push(mapTable(input.map));
  for (const { tables: figures } of input.stateFigures) tables.push(...figures);
  if (input.serviceAreas.length) tables.push(serviceAreasTable(input.serviceAreas, input.countyNames));
  if (input.targets.length) tables.push(targetsTable(input.targets, input.serviceAreas, names));
  if (input.diversityTargets.length)
    tables.push(diversityTable(input.diversityTargets, input.targets, input.serviceAreas, input.candidates, names));
  if (input.candidates.length) tables.push(funnelTable(input.candidates));
  if (input.candidates.length && input.includeCandidates) tables.push(candidatesTable(input.candidates, names));
  if (!isUnavailable(input.forecast)) {
    tables.push(forecastTable(input.forecast, input.targets, input.serviceAreas, names));
    if (input.includeCandidates) tables.push(candidateForecastTable(input.forecast, input, names));
  }
  if (!isUnavailable(input.market)) tables.push(...marketTables(input.market));
  tables.push(assumptionsTable(input.assumptions.rows));
  return tables;
}
