// The map's columns read from the file in JavaScript must be the columns the engine gives for the
// same file (HPSA_AREA_SOURCE_SQL after the load), or not be used at all.
import { describe, it, expect, beforeEach } from 'vitest';
import type { SqlEngine } from '../../src/data/engine';
import { readUserFile } from '../../src/data/datasets';
import { HPSA_AREA_SOURCE_SQL, HPSA_AREA_TABLE } from '../../src/data/derived';
import { MapSourceReader, mirroredCounts, mirrorsLoad } from '../../src/data/hpsa-map-source';
import { sniffHeader } from '../../src/data/csv-header';
import type { LocalTable } from '../../src/data/local-table';
import { createNodeEngine } from '../helpers/duckdb-node';
import { CA_PC_EXCERPT, parseRows, readExcerpt } from '../helpers/shared';
import { bytes, hpsaCsv } from '../helpers/hpsa-fixture';

let db: SqlEngine;
beforeEach(async () => {
  db = await createNodeEngine();
});

/**
 * Loads the file as an upload does; the mirrored columns (or undefined), the engine's, and, when the
 * file was counted ahead of the engine, whether the engine refused it (its counts differing).
 */
async function upload(file: Uint8Array, name = 'BCD_HPSA_FCT_DET_PC.csv') {
  const { derive, localSources, engineLoad, dataset } = await readUserFile(db, file, name);
  const refused = await engineLoad;
  await derive();
  return { mirrored: localSources?.[HPSA_AREA_TABLE], engine: await db.columns(HPSA_AREA_SOURCE_SQL), refused, dataset };
}

const plain = (t: LocalTable) => ({
  length: t.length,
  columns: Object.fromEntries(Object.entries(t.columns).map(([k, v]) => [k, [...v]])),
});

// Rows with what the reader must get right: padding, case, placeholders, short FIPS codes, empty
// values, decimals, quoted fields with commas, quotes and line breaks in columns it does not read.
const TRICKY: Record<string, string>[] = [
  {},
  { 'HPSA ID': '1069999902', 'Primary State Abbreviation': ' ca ', 'Common State County FIPS Code': '6037', 'HPSA Score': '' },
  { 'HPSA ID': '1069999903', 'Common State County FIPS Code': 'XXXXX', 'Designation Type': 'Rural Health Clinic', 'HPSA Shortage': '' },
  { 'HPSA ID': '1069999904', 'HPSA Name': 'Sacramento County, CA "North"\nline two', 'Designation Type': '  HPSA Population  ' },
  { 'HPSA ID': '1069999904', 'HPSA Status': 'Withdrawn', 'HPSA Designation Population': '-127050', 'HPSA Shortage': '0.15' },
  { 'HPSA ID': '1069999905', 'Common State County FIPS Code': 'XXX  ', 'Designation Type': '', 'HPSA Shortage': '12345678901234567' },
  { 'HPSA ID': '1069999906', 'Data Warehouse Record Create Date': '1/5/2024', 'HPSA Designation Population': '0.1234567890123456' },
];

describe('the map’s columns read from the file', () => {
  it('are the engine’s on the real California excerpt (day-first dates, quoted county names)', async () => {
    const { mirrored, engine, refused, dataset } = await upload(readExcerpt());
    expect(mirrored).toBeDefined();
    expect(plain(mirrored!)).toEqual(plain(engine));
    // Counted ahead of the engine; the engine counted the same (else it refuses), and so does a plain CSV parser.
    expect(refused).toBeNull();
    const rows = parseRows(CA_PC_EXCERPT);
    expect(dataset.rows).toBe(rows.length);
    expect(dataset.summary).toContain(`${new Set(rows.map((r) => r['HPSA ID'])).size} designations`);
  });

  it('are the engine’s on rows with every quirk it mirrors, in HRSA’s national layout and plain', async () => {
    for (const opts of [{}, { bom: true, trailingComma: true, lineEnd: '\r\n' }]) {
      const { mirrored, engine, refused } = await upload(bytes(hpsaCsv(TRICKY, opts)));
      expect(engine.length).toBe(TRICKY.length);
      expect(mirrored, JSON.stringify(opts)).toBeDefined();
      expect(refused).toBeNull();
      expect(plain(mirrored!)).toEqual(plain(engine));
    }
  });

  it('read the same however the file is cut into chunks', () => {
    const file = bytes(hpsaCsv(TRICKY, { bom: true, trailingComma: true, lineEnd: '\r\n' }));
    const sniff = sniffHeader(new TextDecoder().decode(file));
    const read = (cuts: number[]) => {
      const reader = new MapSourceReader({ header: sniff.fields, trailingDelimiter: sniff.trailingDelimiter, dateOrder: 'MDY' });
      let from = 0;
      for (const to of [...cuts, file.length]) {
        reader.push(file.subarray(from, to));
        from = to;
      }
      return reader.end();
    };
    const whole = read([]);
    expect(whole?.length).toBe(TRICKY.length);
    for (let cut = 1; cut < file.length; cut++) expect(read([cut]), `cut at ${cut}`).toEqual(whole);
    expect(read(Array.from({ length: file.length - 1 }, (_, i) => i + 1))).toEqual(whole); // a byte at a time
  });

  it('are not used where the reader does not mirror the engine exactly; the file still loads', async () => {
    const cases: Record<string, string>[] = [
      { 'Designation Type': 'Géographic HPSA' },
      { 'HPSA Score': '12.5' },
      { 'HPSA Shortage': ' 1.6' },
      { 'HPSA Shortage': '1e3' },
      { 'HPSA Designation Population': '"12,000"' },
      { 'Data Warehouse Record Create Date': '03/27/2024 00:00' },
      { 'HPSA ID': 'A "quoted" id' },
      // Not read for the map, but typed by the engine's read: a date that is not one sends the file to the careful read.
      { 'HPSA Designation Date': '02/30/2020' },
      { 'HPSA Designation Last Update Date': '9/2021' },
    ];
    for (const row of cases) {
      const { mirrored, engine } = await upload(bytes(hpsaCsv([{}, row])));
      expect(engine.length, JSON.stringify(row)).toBe(2);
      expect(mirrored, JSON.stringify(row)).toBeUndefined();
    }
    const blankLine = bytes(hpsaCsv([{}, { 'HPSA ID': '2' }]).replace('\n', '\n\n'));
    expect((await upload(blankLine)).mirrored).toBeUndefined();
  });

  it('stand for the engine’s table only when every count the engine made is the same', async () => {
    const { mirrored } = await upload(readExcerpt());
    const counts = mirroredCounts(mirrored!)!;
    expect(mirrorsLoad(counts, { ...counts, keptRows: 0 })).toBe(true);
    const [status, n] = Object.entries(counts.designationsByStatus)[0];
    for (const other of [
      { rows: counts.rows + 1 },
      { designations: counts.designations - 1 },
      { disciplines: [...counts.disciplines, 'Dental Health'] },
      { designationsByStatus: { ...counts.designationsByStatus, [status]: n + 1 } },
      { snapshot: '2024-03-28' },
      { keptRows: 1 },
    ])
      expect(mirrorsLoad(counts, { ...counts, keptRows: 0, ...other }), JSON.stringify(other)).toBe(false);
  });

  it('are not used when the engine’s table keeps rows of another discipline beside the file’s', async () => {
    expect((await upload(bytes(hpsaCsv([{}])))).mirrored).toBeDefined();
    const mentalHealth = bytes(hpsaCsv([{ 'HPSA Discipline Class': 'Mental Health', 'HPSA ID': '7' }], { withoutMcta: true }));
    const both = await upload(mentalHealth, 'BCD_HPSA_FCT_DET_MH.csv');
    expect(both.engine.length).toBe(2);
    expect(both.mirrored).toBeUndefined();
  });
});
