export { toCsv, neutraliseCell } from './toCsv';
export type { CsvCell, CsvRow, ToCsvOptions } from './toCsv';
export { escapeHtml } from './escapeHtml';
