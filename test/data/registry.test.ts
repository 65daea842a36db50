// The loader registry: every upload is recognised by its header (never its name) and read by the
// one loader of its format; every row of a federal file is accounted for (loaded, or dropped with
// a reason); the manifest's datasets name registered loaders.
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../src/data/engine/engine';
import { FILE_LOADERS, LOADER_IDS, loadUserFile } from '../../src/data/loaders/registry';
import { parseManifest } from '../../src/data/loaders/manifest';
import { DataLoadError } from '../../src/data/loaders/csv-stage';
import { createNodeEngine } from '../helpers/duckdb-node';
import { SOURCES, loadEmbeddedDatasets } from '../helpers/app-data';
import { readExcerpt } from '../helpers/shared';
import { DOL_EXCERPT, H1B_2022_EXCERPT, fixtureBytes, fixtureText } from '../helpers/market-fixture';

let db: SqlEngine;
beforeAll(async () => {
  db = await createNodeEngine();
  await loadEmbeddedDatasets(db);
});

const dataRows = (text: string) => Papa.parse(text.replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true }).data.length;

describe('the loader registry', () => {
  it.each([
    ['hrsa-hpsa-detail', () => readExcerpt(), 'hpsa', ['hpsa']],
    ['dol-lca', () => fixtureBytes(DOL_EXCERPT), 'lca_filings', ['lca_filings', 'lca_withdrawn']],
    ['uscis-h1b', () => fixtureBytes(H1B_2022_EXCERPT), 'h1b_sponsors', ['h1b_sponsors']],
  ] as const)('reads a %s file by its header, whatever it is called, and says which tables changed', async (id, bytes, table, tables) => {
    const { dataset, changed } = await loadUserFile(db, bytes(), 'download (3).csv', { now: new Date('2026-11-23') });
    expect(dataset.format).toBe(id);
    expect(dataset.table).toBe(table);
    expect(changed).toEqual(tables);
    expect(dataset.file).toMatchObject({ name: 'download (3).csv' });
    expect(dataset.origin).toBe('upload');
  });

  it('accounts for every data row of a DOL file: those kept and those dropped, by reason', async () => {
    const { dataset } = await loadUserFile(db, fixtureBytes(DOL_EXCERPT), DOL_EXCERPT);
    const inFile = dataRows(fixtureText(DOL_EXCERPT));
    expect(dataset.rowsRead).toBe(inFile);
    const dropped = dataset.dropped!.reduce((n, d) => n + d.rows, 0);
    expect(dataset.rows + dropped).toBe(inFile);
    expect(dataset.dropped!.map((d) => d.reason)).toContain('other occupations');
  });

  it('for a file no loader reads, names what each loader expects and what was found', async () => {
    const e = await loadUserFile(db, new TextEncoder().encode('name,age\nAda,36\n'), 'people.csv').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DataLoadError);
    const message = (e as DataLoadError).message;
    for (const l of FILE_LOADERS) expect(message).toContain(l.expected);
    expect(message).toContain('found a header starting "name", "age"');
  });

  it('every loader has its own id, and every embedded dataset names one of them', () => {
    expect(new Set(LOADER_IDS).size).toBe(LOADER_IDS.length);
    const manifest = parseManifest(JSON.parse(fs.readFileSync(path.join(SOURCES, 'manifest.json'), 'utf8')));
    for (const d of manifest.datasets) expect(LOADER_IDS, d.id).toContain(d.loader);
  });
});
