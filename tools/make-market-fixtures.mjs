#!/usr/bin/env node
// Cuts small excerpts of the real DOL and USCIS files in ../shared/datasets/real into
// test/fixtures/market/, byte for byte (header line, then whole original lines in file order, BOM
// and line endings kept), so the core tests run on a clean clone without ../shared. Federal data,
// public domain. What each excerpt holds is chosen so tests can compare with complete figures:
//   DOL: every row for Texas (all occupations), every lab-technologist row for Georgia, and every
//        row with a quirk (wrong-looking units, monthly/weekly/bi-weekly pay, mojibake, tabs,
//        SOC codes without suffix, ZIP+4).
//   USCIS FY2022/FY2023: every NAICS 61/62 row for Texas, rows with no employer or no state, and
//        every 100th other row. Newer layout: the first 40 rows and the rows with thousands separators.
// Usage: node tools/make-market-fixtures.mjs
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';

const root = path.resolve(import.meta.dirname, '..');
const real = path.join(root, '../shared/datasets/real');
const out = path.join(root, 'test/fixtures/market');
fs.mkdirSync(out, { recursive: true });

/**
 * Keeps the header and the records `keep(record, index)` selects; records are single lines in these files.
 * @param {string} source
 * @param {string} target
 * @param {(record: Record<string, string>, index: number) => boolean} keep
 */
function excerpt(source, target, keep) {
  const text = fs.readFileSync(path.join(real, source), 'utf8');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(eol);
  const data = /** @type {Record<string, string>[]} */ (
    Papa.parse(text.replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true }).data
  );
  if (data.length !== lines.filter((l) => l !== '').length - 1) throw new Error(`${source}: records span several lines`);
  const kept = lines.slice(1).filter((line, i) => line !== '' && keep(data[i], i));
  const ending = text.endsWith(eol) ? eol : '';
  fs.writeFileSync(path.join(out, target), [lines[0], ...kept].join(eol) + ending);
  console.log(`${target}: ${kept.length} of ${data.length} records`);
}

/** @type {Record<string, number>} */
const UNITS = { Year: 1, Hour: 2080, Week: 52, 'Bi-Weekly': 26, Month: 12 };
excerpt('dol_lca_healthcare_soc29_fy2025_q2.csv', 'dol_lca_fy2025_q2_excerpt.csv', (r) => {
  const annual = Number(r.WAGE_RATE_OF_PAY_FROM) * UNITS[r.WAGE_UNIT_OF_PAY];
  const quirk =
    r.WAGE_UNIT_OF_PAY !== 'Year' && r.WAGE_UNIT_OF_PAY !== 'Hour'
      ? true
      : annual > 2_000_000 ||
        Object.values(r).some((v) => /[\t\u0080-\u009f\u00a0“]/.test(v)) ||
        !r.SOC_CODE.includes('.') ||
        r.WORKSITE_POSTAL_CODE.length > 5;
  return r.WORKSITE_STATE === 'TX' || (r.WORKSITE_STATE === 'GA' && r.SOC_CODE.startsWith('29-2011')) || quirk;
});

for (const fy of ['2022', '2023']) {
  excerpt(`uscis_h1b_datahubexport-${fy}.csv`, `uscis_h1b_datahubexport-${fy}_excerpt.csv`, (r, i) => {
    const health = r.NAICS === '61' || r.NAICS === '62';
    return (r.State === 'TX' && health) || r.Employer === '' || (health && r.State === '') || i % 100 === 0;
  });
}

excerpt('uscis_h1b_employer_info_fy2016-2024_naics52_finance_only.csv', 'uscis_h1b_employer_info_finance_excerpt.csv', (r, i) => {
  const counts = ['Initial Approval', 'Initial Denial', 'Continuing Approval', 'Continuing Denial'].map((c) => r[c]);
  return i < 40 || counts.some((v) => /^\d{1,3}(,\d{3})+$/.test(v));
});
