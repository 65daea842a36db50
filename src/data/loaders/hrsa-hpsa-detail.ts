// HRSA's HPSA detail files (BCD_HPSA_FCT_DET_PC / _MH / _DH: one row per component of a shortage
// designation) into the `hpsa` table, replacing the disciplines the file holds (hpsa/read.ts).
import type { FileLoader } from './loader';
import { HPSA_DETAIL_COLUMNS, HPSA_FILE_COLUMN, HPSA_SIGNATURE } from './hpsa/format';
import { todayOf } from './date-rule';
import { dateOrderOfFirstRows, loadHpsaDetail, type HpsaLoadResult } from './hpsa/read';
import { HPSA_TABLE } from '../tables/hpsa';
import { formatNumber } from '../../model/format';

/** "1,328 designations (designated 611, withdrawn 717) in 7,441 component rows": designations by status, then rows. */
const designationSummary = (r: HpsaLoadResult) =>
  `${formatNumber(r.designations)} designation${r.designations === 1 ? '' : 's'} (${Object.entries(r.designationsByStatus)
    .map(([s, n]) => `${s.toLowerCase()} ${formatNumber(n)}`)
    .join(', ')}) in ${formatNumber(r.rows)} component rows`;

export const hrsaHpsaDetail: FileLoader<null> = {
  id: 'hrsa-hpsa-detail',
  expected: `an HRSA HPSA detail file whose header has ${HPSA_SIGNATURE.map((c) => `"${c}"`).join(', ')}`,

  recognise(sniff, fileName) {
    const have = new Set(sniff.fields);
    if (HPSA_SIGNATURE.every((c) => have.has(c))) {
      const missing = HPSA_DETAIL_COLUMNS.filter((c) => !have.has(c));
      if (missing.length)
        return {
          refused: `${fileName} looks like an HRSA HPSA detail file but lacks ${missing.length} column(s) the loader needs: ${missing.join(', ')}.`,
        };
      if (sniff.delimiter !== ',')
        return {
          refused: `${fileName} is an HRSA HPSA detail file separated by "${sniff.delimiter}"; HRSA publishes it comma-separated. Re-save it as CSV (comma).`,
        };
      return { layout: null };
    }
    if (sniff.firstLine.includes('HPSA Find'))
      return {
        refused: `${fileName} is an export of HRSA's HPSA Find tool (a nested report with a title row). Download the designation data file instead: BCD_HPSA_FCT_DET_PC.csv (or _MH, _DH) from data.HRSA.gov → Data Downloads → Shortage Areas.`,
      };
    return null;
  },

  columnsRead: () => [...HPSA_DETAIL_COLUMNS, HPSA_FILE_COLUMN.ratio_goal],

  async load(db, file) {
    const r = await loadHpsaDetail(db, { ...file, today: todayOf(file.now), firstRowsOrder: await dateOrderOfFirstRows(db, file) });
    return {
      changed: [HPSA_TABLE],
      table: HPSA_TABLE,
      parts: r.disciplines,
      title: `Health Professional Shortage Areas — ${r.disciplines.join(', ').toLowerCase()}`,
      publisher: 'HRSA (Health Resources and Services Administration)',
      vintage: r.snapshot ? `HRSA data warehouse snapshot of ${r.snapshot}` : 'snapshot date not in the file',
      source: `Dates ${r.dateOrderWhy}`,
      rows: r.rows,
      rowsRead: r.rows,
      dropped: [],
      summary: designationSummary(r),
      warnings: r.warnings,
    };
  },
};
