// Every table in a report, in the order it appears: the screen offers each as a CSV.
import type { ReportInput } from '../app/report/report-input';
import { renderReport } from './build-report';
import type { ReportTable } from './report-table';

export const reportTables = (input: ReportInput): ReportTable[] => renderReport(input).tables;
