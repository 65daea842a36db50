import { toCsv, type CsvRow } from '../model/csv';

export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A table as shown (its columns, its filtered rows) to a CSV file Excel opens as UTF-8. */
export function downloadCsv(fileName: string, columns: string[], rows: CsvRow[]): void {
  downloadText(fileName, toCsv(columns, rows), 'text/csv;charset=utf-8');
}
