// DOL OFLC's LCA disclosure file (H-1B wage filings) into `lca_filings`: certified H-1B filings for
// physicians and lab technologists, replacing the filings loaded before (market/lca-read.ts).
import type { FileLoader } from './loader';
import { recogniseLca, type LcaColumns } from './market/lca-format';
import { loadLcaFile } from './market/lca-read';
import { LCA_TABLE } from '../tables/market';
import { WAGE_UNIT_RULE } from '../../model/market/wage-units';

const fmt = (n: number) => n.toLocaleString('en-US');

export const dolLca: FileLoader<LcaColumns> = {
  id: 'dol-lca',
  expected: 'a DOL LCA disclosure file (SOC_CODE, JOB_TITLE, WAGE_RATE_OF_PAY_FROM, …)',
  recognise: recogniseLca,

  async load(db, file, columns) {
    const r = await loadLcaFile(db, { ...file, columns });
    const dropped = [
      { reason: 'other occupations', rows: r.otherOccupations },
      { reason: 'not certified or not H-1B', rows: r.notCertifiedH1b },
    ].filter((d) => d.rows > 0);
    return {
      changed: [LCA_TABLE],
      table: LCA_TABLE,
      parts: ['filings'],
      title: `H-1B wage filings (LCAs), physicians and lab technologists — ${r.period.label}`,
      publisher: 'US Department of Labor, Office of Foreign Labor Certification (LCA disclosure data)',
      vintage: r.period.label,
      source: `Period from ${r.period.basis}. Offered wages annualised: ${WAGE_UNIT_RULE}.`,
      rows: r.rows,
      rowsRead: r.rows + r.otherOccupations + r.notCertifiedH1b,
      dropped,
      summary: `${fmt(r.rows)} filings (${fmt(r.physicians)} physicians, ${fmt(r.lab)} lab; ${fmt(r.trainees)} residents/fellows, ${fmt(r.unmapped)} without a specialty, ${fmt(r.withoutLevel)} without a wage level)${dropped.length ? `; not loaded: ${dropped.map((d) => `${fmt(d.rows)} ${d.reason === 'other occupations' ? 'rows for other occupations' : d.reason}`).join(', ')}` : ''}. Replaces the filings loaded before.`,
      warnings: r.warnings,
    };
  },
};
