export { toCsv, neutraliseCell, rowsAsShown } from './to-csv';
export type { CsvCell, CsvRow, ToCsvOptions } from './to-csv';
export { escapeHtml } from './escape-html';
