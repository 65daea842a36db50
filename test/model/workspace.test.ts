import { makeCandidate } from '../helpers/candidate';
import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../src/model/types';
import {
  MIGRATIONS,
  WORKSPACE_FORMAT,
  WORKSPACE_SCHEMA_VERSION,
  emptyWorkspace,
  migrate,
  leftOutText,
  parseWorkspaceFile,
  serializeWorkspace,
  type Workspace,
} from '../../src/model/workspace';

// A small valid workspace, and a way to write hostile variants of it.
const candidate = (overrides: Partial<Candidate> = {}): Candidate =>
  makeCandidate({
    id: 'c-1',
    specialty: 'psychiatry',
    stage: 'offer',
    stageDate: '2026-11-02',
    visaRoute: 'j1-conrad30',
    siteState: 'NM',
    siteCountyFips: '35001',
    expectedStart: '2027-07-01',
    languages: ['English', 'Hindi'],
    gender: 'female',
    licenceStatus: 'applied',
    ...overrides,
  });

function sampleWorkspace(): Workspace {
  return {
    ...emptyWorkspace(new Date('2026-11-23T10:00:00Z')),
    serviceAreas: [{ id: 'sa-1', name: 'Rio Grande', counties: ['35001', '35043'], states: [] }],
    targets: [
      {
        id: 'target-1',
        profession: 'physician',
        specialty: 'psychiatry',
        region: { kind: 'service-area', id: 'sa-1' },
        hires: 4,
        dueQuarter: '2027-Q4',
        priority: 'high',
        owner: 'CMO',
        note: '',
      },
      {
        id: 'target-2',
        profession: 'mls',
        specialty: 'medical laboratory scientist',
        region: { kind: 'site', name: 'Main lab', state: 'CA', countyFips: '06037' },
        hires: 2,
        dueQuarter: '2027-Q2',
        priority: 'medium',
        owner: '',
        note: 'night shift',
        offer: {
          annualWage: 72_500,
          wageLevel: 3,
          levelSource: 'estimated',
          state: 'CA',
          basis: '64 DOL wage filings, medical laboratory scientists in California, FY2025 Q2',
          savedOn: '2026-11-23',
        },
      },
    ],
    diversityTargets: [
      { id: 'd-1', targetId: 'target-1', measure: { kind: 'language-coverage', languages: ['Spanish'], minHiresPerLanguage: 1 }, note: '' },
      { id: 'd-2', targetId: null, measure: { kind: 'max-country-share', maxShare: 0.5 }, note: '' },
    ],
    candidates: [
      candidate(),
      candidate({
        id: 'c-2',
        profession: 'mls',
        specialty: 'medical laboratory scientist',
        siteCountyFips: '',
        expectedStart: '',
        ascpi: true,
        ecfmgCertified: null,
      }),
    ],
    assumptions: { licensureDays: 90, credentialing: { days: 120 } },
    view: { selectedServiceArea: 'sa-1' },
  };
}

/** The sample as a parsed JSON document, for editing into hostile shapes. */
function sampleDocument(): Record<string, unknown> {
  return JSON.parse(serializeWorkspace(sampleWorkspace())) as Record<string, unknown>;
}

/** Applies an edit to the sample document and returns its JSON text. */
// Hostile edits reach into arbitrary shapes, which is what `any` is for.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function edited(edit: (doc: Record<string, any>) => void): string {
  const doc = sampleDocument();
  edit(doc);
  return JSON.stringify(doc);
}

function errorsOf(text: string, options = {}): string[] {
  const result = parseWorkspaceFile(text, options);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.errors;
}

describe('emptyWorkspace and serializeWorkspace', () => {
  it('an empty workspace is current, dated, and round-trips', () => {
    const empty = emptyWorkspace(new Date('2026-01-02T03:04:05Z'));
    expect(empty.schemaVersion).toBe(WORKSPACE_SCHEMA_VERSION);
    expect(empty.savedAt).toBe('2026-01-02T03:04:05.000Z');
    const back = parseWorkspaceFile(serializeWorkspace(empty));
    expect(back).toEqual({ ok: true, workspace: empty, leftOut: [] });
  });

  it('writes pretty JSON with the format marker first', () => {
    const text = serializeWorkspace(sampleWorkspace());
    expect(text.startsWith(`{\n  "format": "${WORKSPACE_FORMAT}",\n  "schemaVersion": ${WORKSPACE_SCHEMA_VERSION},`)).toBe(true);
  });

  it('a full workspace round-trips exactly', () => {
    const workspace = sampleWorkspace();
    const result = parseWorkspaceFile(serializeWorkspace(workspace));
    expect(result).toEqual({ ok: true, workspace, leftOut: [] });
  });

  it('accepts a leading BOM (files saved by Windows editors)', () => {
    expect(parseWorkspaceFile(`\uFEFF${serializeWorkspace(sampleWorkspace())}`).ok).toBe(true);
  });

  it('drops unknown keys instead of carrying them into the app', () => {
    const result = parseWorkspaceFile(
      edited((doc) => {
        doc.extra = 1;
        doc.targets[0].color = 'red';
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect('extra' in result.workspace).toBe(false);
    expect('color' in result.workspace.targets[0]).toBe(false);
  });

  it('names every field it leaves out, at any depth, and none of a file it wrote itself', () => {
    expect(parseWorkspaceFile(serializeWorkspace(sampleWorkspace()))).toMatchObject({ ok: true, leftOut: [] });
    const result = parseWorkspaceFile(
      edited((doc) => {
        doc.notes = 'kept by hand';
        doc.targets[0].color = 'red';
        doc.targets[0].region.fips = '06019'; // a field of another kind of region
        doc.candidates[0].favouriteFood = 'pho';
        doc.serviceAreas[0].manager = 'Dr. Lee';
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // Counted from the edit above: five fields, each by its path.
    expect([...result.leftOut].sort()).toEqual(
      ['candidates[0].favouriteFood', 'notes', 'serviceAreas[0].manager', 'targets[0].color', 'targets[0].region.fips'].sort(),
    );
    expect(leftOutText(result.leftOut)).toBe(
      `Not imported: 5 fields this app does not read (from a newer version of the app, or added by hand): ${result.leftOut.join(', ')}.`,
    );
    const many = Array.from({ length: 11 }, (_, i) => `f${i}`);
    expect(leftOutText(many)).toMatch(/^Not imported: 11 fields .*: f0, f1, f2, f3, f4, f5, f6, f7 and 3 more\.$/);
    expect(leftOutText([])).toBeNull();
  });

  it('the view is optional', () => {
    const result = parseWorkspaceFile(edited((doc) => delete doc.view));
    expect(result.ok && result.workspace.view).toBe(undefined);
  });
});

describe('references and duplicates', () => {
  it('refuses a diversity target pointing at an unknown target', () => {
    expect(errorsOf(edited((doc) => (doc.diversityTargets[0].targetId = 'target-9')))).toEqual([
      'diversityTargets[0].targetId: unknown target id "target-9"',
    ]);
  });

  it('refuses a target region naming an unknown service area', () => {
    expect(errorsOf(edited((doc) => (doc.targets[0].region.id = 'sa-404')))).toEqual([
      'targets[0].region.id: unknown service area id "sa-404"',
    ]);
  });

  it('refuses duplicate ids in each list, naming both places', () => {
    const errors = errorsOf(
      edited((doc) => {
        doc.targets[1].id = 'target-1';
        doc.candidates[1].id = 'c-1';
      }),
    );
    expect(errors).toContain('targets[1].id: duplicate id "target-1" (also targets[0])');
    expect(errors).toContain('candidates[1].id: duplicate id "c-1" (also candidates[0])');
  });

  it('refuses a site county outside the site state', () => {
    expect(errorsOf(edited((doc) => (doc.targets[1].region.countyFips = '35001')))).toEqual([
      'targets[1].region.countyFips: county 35001 is not in CA',
    ]);
  });
});

describe('assumptions', () => {
  it('passes assumptions to the injected validator and reports its problems under assumptions.', () => {
    let seen: unknown;
    const validateAssumptions = (value: Record<string, unknown>) => {
      seen = value;
      return typeof value.licensureDays === 'number' && value.licensureDays > 365 ? [] : ['licensureDays: expected more than 365'];
    };
    expect(errorsOf(serializeWorkspace(sampleWorkspace()), { validateAssumptions })).toEqual([
      'assumptions.licensureDays: expected more than 365',
    ]);
    expect(seen).toEqual(sampleWorkspace().assumptions);
  });

  it('keeps assumptions as stored when the validator accepts them', () => {
    const result = parseWorkspaceFile(serializeWorkspace(sampleWorkspace()), { validateAssumptions: () => [] });
    expect(result.ok && result.workspace.assumptions).toEqual({ licensureDays: 90, credentialing: { days: 120 } });
  });

  it('reports a validator that throws instead of crashing', () => {
    const validateAssumptions = () => {
      throw new Error('boom');
    };
    expect(errorsOf(serializeWorkspace(sampleWorkspace()), { validateAssumptions })).toEqual(['assumptions: could not be checked: boom']);
  });

  it('refuses assumptions that are not an object', () => {
    expect(errorsOf(edited((doc) => (doc.assumptions = [1, 2])))).toEqual(['assumptions: expected an object, found an array of 2 items']);
  });
});

describe('versions and migrations', () => {
  it('refuses a newer version with a clear message', () => {
    expect(errorsOf(edited((doc) => (doc.schemaVersion = 9)))).toEqual([
      `this file was written by a newer version (v9); this app reads up to v${WORKSPACE_SCHEMA_VERSION}`,
    ]);
  });

  it('upgrades a v0 file (pipeline stored as "pipeline", no diversity targets) and says so', () => {
    const v0 = sampleDocument();
    v0.schemaVersion = 0;
    v0.pipeline = v0.candidates;
    delete v0.candidates;
    delete v0.diversityTargets;
    delete v0.assumptions;
    const result = parseWorkspaceFile(JSON.stringify(v0));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.migratedFrom).toBe(0);
    expect(result.leftOut).toEqual([]); // "pipeline" was read, as the candidates
    expect(result.workspace.schemaVersion).toBe(WORKSPACE_SCHEMA_VERSION);
    expect(result.workspace.candidates).toEqual(sampleWorkspace().candidates);
    expect(result.workspace.diversityTargets).toEqual([]);
    expect(result.workspace.assumptions).toEqual({});
  });

  it('upgrades a v2 file (no offers on targets): its targets carry over unchanged', () => {
    const v2 = sampleDocument();
    v2.schemaVersion = 2;
    for (const t of v2.targets as Record<string, unknown>[]) delete t.offer;
    const result = parseWorkspaceFile(JSON.stringify(v2));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.migratedFrom).toBe(2);
    expect(result.workspace.targets).toEqual(sampleWorkspace().targets.map(({ offer: _, ...t }) => t));
    expect(result.workspace.targets[1]).not.toHaveProperty('offer');
  });

  it('names each field of a bad offer', () => {
    expect(
      errorsOf(
        edited((doc) => {
          doc.targets[1].offer = { annualWage: -5, wageLevel: 5, levelSource: 'guessed', state: 'XX', basis: 1, savedOn: '2026-13-01' };
        }),
      ),
    ).toEqual([
      'targets[1].offer.annualWage: expected a number from 1 to 10000000, found -5',
      'targets[1].offer.wageLevel: expected a wage level 1, 2, 3 or 4, found 5',
      'targets[1].offer.levelSource: expected one of "estimated", "confirmed", found "guessed"',
      expect.stringMatching(/^targets\[1\]\.offer\.state: expected a two-letter US state or territory code/),
      'targets[1].offer.basis: expected text, found 1',
      'targets[1].offer.savedOn: expected a calendar date as YYYY-MM-DD, found "2026-13-01"',
    ]);
  });

  it('validates the migrated document, so a bad v0 file is still refused', () => {
    const v0 = sampleDocument();
    v0.schemaVersion = 0;
    (v0.candidates as Record<string, unknown>[])[0].stage = 'hired';
    expect(parseWorkspaceFile(JSON.stringify(v0)).ok).toBe(false);
  });

  it('reports a missing upgrade step and a failing one', () => {
    const v0 = edited((doc) => (doc.schemaVersion = 0));
    expect(errorsOf(v0, { migrations: {} })).toEqual(['this file uses version v0, which this app can no longer read (no upgrade from v0)']);
    const failing = {
      0: () => {
        throw new Error('bad shape');
      },
    };
    expect(errorsOf(v0, { migrations: failing })).toEqual(['upgrading this file from v0 to v1 failed: bad shape']);
  });

  it('upgrades a v1 file: old specialty names, and visa status, availability and the rules’ inputs added', () => {
    const v1 = sampleDocument();
    v1.schemaVersion = 1;
    const [psychiatrist, lab] = v1.candidates as Record<string, unknown>[];
    for (const c of [psychiatrist, lab]) {
      for (const field of [
        'visaStatus',
        'visaStatusDate',
        'availableFrom',
        'currentStatus',
        'trainingStatus',
        'bachelorsDegree',
        'visaScreen',
      ])
        delete c[field];
    }
    lab.specialty = 'medical laboratory';
    psychiatrist.stage = 'visa';
    (v1.candidates as Record<string, unknown>[]).push({
      ...psychiatrist,
      id: 'c-3',
      specialty: 'primary care',
      stage: 'offer',
      visaRoute: 'h1b-cap-subject',
    });
    (v1.targets as Record<string, unknown>[])[1].specialty = 'medical laboratory';
    (v1.targets as Record<string, unknown>[])[0].specialty = 'primary care';
    const result = parseWorkspaceFile(JSON.stringify(v1));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.migratedFrom).toBe(1);
    const [c1, c2, c3] = result.workspace.candidates;
    // "primary care" meant family medicine for a candidate; a target keeps it, now HRSA's group of four.
    expect([c1.specialty, c2.specialty, c3.specialty]).toEqual(['psychiatry', 'medical laboratory scientist', 'family medicine']);
    expect(result.workspace.targets.map((t) => t.specialty)).toEqual(['primary care', 'clinical laboratory']);
    // A Conrad 30 candidate in the visa stage was forecast as filed on the stage date; now it says so.
    expect([c1.visaStatus, c1.visaStatusDate, c1.currentStatus]).toEqual(['waiver-filed', '2026-11-02', 'j1']);
    expect([c2.visaStatus, c2.visaStatusDate, c2.availableFrom, c2.trainingStatus, c2.bachelorsDegree]).toEqual([
      'not-started',
      '',
      '',
      '',
      null,
    ]);
    expect([c3.visaStatus, c3.currentStatus]).toEqual(['not-started', '']);
  });

  it('migrate runs steps in order without mutating the input', () => {
    const doc = { schemaVersion: 0, pipeline: [] };
    const result = migrate(doc, 0, MIGRATIONS, 1);
    expect(result).toEqual({ ok: true, doc: { schemaVersion: 1, candidates: [], diversityTargets: [], assumptions: {} } });
    expect(doc).toEqual({ schemaVersion: 0, pipeline: [] });
  });
});

describe('hostile files are refused whole, with paths in the messages', () => {
  const valid = () => serializeWorkspace(sampleWorkspace());

  it('not JSON at all, empty, or a JSON value that is not an object', () => {
    expect(errorsOf('hello')[0]).toMatch(/^this file is not valid JSON \(/);
    expect(errorsOf('{"format": "shortage-atlas-workspace",')[0]).toMatch(/^this file is not valid JSON/);
    expect(errorsOf('  \n')).toEqual(['this file is empty']);
    expect(errorsOf('[1,2]')).toEqual(['this file does not hold a workspace: expected a JSON object, found an array of 2 items']);
    expect(errorsOf('null')).toEqual(['this file does not hold a workspace: expected a JSON object, found null']);
    expect(errorsOf('"workspace"')).toEqual(['this file does not hold a workspace: expected a JSON object, found "workspace"']);
  });

  it('wrong or missing format marker', () => {
    expect(errorsOf(edited((doc) => (doc.format = 'something-else')))).toEqual([
      'format: expected "shortage-atlas-workspace" (is this a Shortage Atlas workspace file?), found "something-else"',
    ]);
    expect(errorsOf(edited((doc) => delete doc.format))[0]).toMatch(/^format: missing; expected "shortage-atlas-workspace"/);
  });

  it('version that is not a whole number', () => {
    for (const version of ['1', 1.5, -1, null]) {
      expect(errorsOf(edited((doc) => (doc.schemaVersion = version)))[0]).toMatch(/^schemaVersion: expected a whole version number/);
    }
    expect(errorsOf(edited((doc) => delete doc.schemaVersion))[0]).toBe(
      'schemaVersion: missing; expected a whole version number such as 1',
    );
  });

  it('a number too large for a double is quoted as written', () => {
    const text = valid().replace('"hires": 4', '"hires": 1e309');
    expect(errorsOf(text)).toEqual(['targets[0].hires: expected an integer from 1 to 10000, found 1e309']);
    const negative = valid().replace('"licensureDays": 90', '"licensureDays": -2e400');
    expect(errorsOf(negative)).toEqual(['assumptions.licensureDays: expected a finite number, found -2e400']);
  });

  it('only number literals are rewritten when quoting overflow, never text that looks like one', () => {
    const text = valid().replace('"hires": 4', '"hires": 1e309').replace('"note": "night shift"', '"note": "1e309 \\" 2e999"');
    expect(errorsOf(text)).toEqual(['targets[0].hires: expected an integer from 1 to 10000, found 1e309']);
  });

  it('hires outside 1..10000, fractional, or of the wrong type', () => {
    const cases: [unknown, string][] = [
      [0, '0'],
      [10001, '10001'],
      [2.5, '2.5'],
      ['4', '"4"'],
      [null, 'null'],
      [{ n: 4 }, 'an object'],
    ];
    for (const [hires, found] of cases) {
      expect(errorsOf(edited((doc) => (doc.targets[0].hires = hires)))).toEqual([
        `targets[0].hires: expected an integer from 1 to 10000, found ${found}`,
      ]);
    }
  });

  it('missing fields name the field and what was expected', () => {
    expect(errorsOf(edited((doc) => delete doc.candidates[1].stage))).toEqual([
      'candidates[1].stage: missing; expected one of "sourced", "screening", "interview", "offer", "accepted", "licensure", "credentialing", "visa", "arrived", "withdrawn"',
    ]);
    expect(errorsOf(edited((doc) => delete doc.targets))).toEqual(['targets: missing; expected an array']);
  });

  it('deeply wrong shapes at every level', () => {
    expect(errorsOf(edited((doc) => (doc.candidates = 'lots')))).toEqual(['candidates: expected an array, found "lots"']);
    expect(errorsOf(edited((doc) => (doc.targets[0] = 5)))).toEqual(['targets[0]: expected an object, found 5']);
    expect(errorsOf(edited((doc) => (doc.targets[0].region = [])))).toEqual([
      'targets[0].region: expected an object, found an array of 0 items',
    ]);
    expect(errorsOf(edited((doc) => (doc.candidates[0].languages = 'English')))).toEqual([
      'candidates[0].languages: expected an array, found "English"',
    ]);
    expect(errorsOf(edited((doc) => (doc.serviceAreas[0].counties = [35001])))).toEqual([
      'serviceAreas[0].counties[0]: expected a five-digit county FIPS code as text, found 35001',
    ]);
  });

  it('invalid enum values, including the friendly spellings only the CSV importer accepts', () => {
    expect(errorsOf(edited((doc) => (doc.candidates[0].stage = 'hired')))[0]).toMatch(
      /^candidates\[0\]\.stage: expected one of "sourced", .*found "hired"$/,
    );
    expect(errorsOf(edited((doc) => (doc.candidates[0].visaRoute = 'J-1 Conrad 30')))[0]).toMatch(
      /^candidates\[0\]\.visaRoute: expected one of/,
    );
    expect(errorsOf(edited((doc) => (doc.targets[0].specialty = 'podiatry')))[0]).toMatch(
      /^targets\[0\]\.specialty: expected one of "primary care", .*"hospitalist".*found "podiatry"$/,
    );
    expect(errorsOf(edited((doc) => (doc.targets[1].specialty = 'psychiatry')))[0]).toMatch(
      /^targets\[1\]\.specialty: expected one of "clinical laboratory", "medical laboratory scientist", .*found "psychiatry"$/,
    );
    // A candidate names one specialty; only targets may name a group.
    expect(errorsOf(edited((doc) => (doc.candidates[0].specialty = 'primary care')))[0]).toMatch(
      /^candidates\[0\]\.specialty: expected one of/,
    );
    expect(errorsOf(edited((doc) => (doc.candidates[0].visaStatus = 'lottery won')))[0]).toMatch(
      /^candidates\[0\]\.visaStatus: expected one of/,
    );
    expect(errorsOf(edited((doc) => (doc.targets[0].region = { kind: 'hhs-region', number: 11 })))).toEqual([
      'targets[0].region.number: expected an integer from 1 to 10, found 11',
    ]);
    expect(errorsOf(edited((doc) => (doc.diversityTargets[1].measure = { kind: 'img-share', minShare: 1.5 })))).toEqual([
      'diversityTargets[1].measure.minShare: expected a number from 0 to 1, found 1.5',
    ]);
  });

  it('dates must be real calendar dates written YYYY-MM-DD', () => {
    for (const date of ['2027-02-30', '2027-2-3', '12/01/2027', '2027-13-01', '']) {
      expect(errorsOf(edited((doc) => (doc.candidates[0].stageDate = date)))).toEqual([
        `candidates[0].stageDate: expected a calendar date as YYYY-MM-DD, found ${JSON.stringify(date)}`,
      ]);
    }
    expect(parseWorkspaceFile(edited((doc) => (doc.candidates[0].stageDate = '2028-02-29'))).ok).toBe(true);
    expect(errorsOf(edited((doc) => (doc.savedAt = 'yesterday')))[0]).toMatch(/^savedAt: expected an ISO timestamp/);
  });

  it('county FIPS is five digits of text in a known state, and states are known codes', () => {
    expect(errorsOf(edited((doc) => (doc.candidates[0].siteCountyFips = '6037')))).toEqual([
      'candidates[0].siteCountyFips: expected a five-digit county FIPS code as text, e.g. "06037", found "6037"',
    ]);
    expect(errorsOf(edited((doc) => (doc.candidates[0].siteCountyFips = 35001)))[0]).toMatch(/found 35001$/);
    expect(errorsOf(edited((doc) => (doc.serviceAreas[0].counties = ['99001'])))).toEqual([
      'serviceAreas[0].counties[0]: "99" is not a US state or territory FIPS prefix, found "99001"',
    ]);
    expect(errorsOf(edited((doc) => (doc.candidates[0].siteCountyFips = '06037')))).toEqual([
      'candidates[0].siteCountyFips: county 06037 is not in NM',
    ]);
    expect(errorsOf(edited((doc) => (doc.serviceAreas[0].states = ['XX'])))[0]).toMatch(
      /^serviceAreas\[0\]\.states\[0\]: expected a two-letter US state or territory code/,
    );
    expect(errorsOf(edited((doc) => (doc.serviceAreas[0].states = ['ca'])))[0]).toMatch(/found "ca"$/);
    expect(parseWorkspaceFile(edited((doc) => (doc.serviceAreas[0].states = ['PR', 'GU', 'DC', 'VI']))).ok).toBe(true);
  });

  it('strings too long', () => {
    expect(errorsOf(edited((doc) => (doc.targets[0].note = 'x'.repeat(10_001))))).toEqual([
      'targets[0].note: text too long: 10001 characters, at most 10000 allowed',
    ]);
    expect(errorsOf(edited((doc) => (doc.candidates[0].id = 'x'.repeat(201))))).toEqual([
      'candidates[0].id: text too long: 201 characters, at most 200 allowed',
    ]);
    expect(errorsOf(edited((doc) => (doc.view = { big: 'y'.repeat(10_001) })))).toEqual([
      'view.big: text too long: 10001 characters, at most 10000 allowed',
    ]);
  });

  it('arrays too long are refused before their items are read', () => {
    const text = edited((doc) => (doc.candidates = new Array(200_001).fill(0)));
    expect(errorsOf(text)).toEqual(['candidates: too many items: 200001, at most 200000 allowed']);
    expect(errorsOf(valid(), { limits: { maxTargets: 1 } })).toEqual(['targets: too many items: 2, at most 1 allowed']);
  });

  it('files larger than the limit are refused before parsing', () => {
    expect(errorsOf(valid(), { limits: { maxFileChars: 100 } })[0]).toMatch(
      /^this file is too large: \d+ characters, at most 100 allowed$/,
    );
  });

  it('"__proto__" keys are refused anywhere and never pollute prototypes', () => {
    const text = valid()
      .replace('{\n  "format"', '{"__proto__": {"polluted": true},\n  "format"')
      .replace('"licensureDays": 90', '"licensureDays": 90, "__proto__": {"polluted": true}')
      .replace('"id": "c-2"', '"id": "c-2", "__proto__": {"isAdmin": true}');
    expect(errorsOf(text)).toEqual([
      '__proto__: the key "__proto__" is not allowed',
      'candidates[1].__proto__: the key "__proto__" is not allowed',
      'assumptions.__proto__: the key "__proto__" is not allowed',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBe(undefined);
    expect(({} as Record<string, unknown>).isAdmin).toBe(undefined);
  });

  it('deep nesting is refused without overflowing the stack', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const text = valid().replace('"selectedServiceArea": "sa-1"', `"deep": ${deep}`);
    const errors = errorsOf(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^view\.deep(\[0\])+: nested more than 32 levels deep$/);
  });

  it('lists the first 50 problems and counts the rest', () => {
    const text = edited((doc) => {
      doc.candidates = Array.from({ length: 200 }, (_, i) => ({ ...doc.candidates[0], id: `c${i}`, stage: 'hired' }));
    });
    const errors = errorsOf(text);
    expect(errors).toHaveLength(51);
    expect(errors[0]).toMatch(/^candidates\[0\]\.stage:/);
    expect(errors[49]).toMatch(/^candidates\[49\]\.stage:/);
    expect(errors[50]).toBe('and 150 more');
  });

  it('never returns part of a workspace: one bad record refuses the file', () => {
    const result = parseWorkspaceFile(edited((doc) => (doc.candidates[1].gender = 7)));
    expect(result).toEqual({ ok: false, errors: ['candidates[1].gender: expected text, found 7'] });
    expect('workspace' in result).toBe(false);
  });

  it('reads a 100,000-candidate workspace in reasonable time', () => {
    const workspace = sampleWorkspace();
    workspace.candidates = Array.from({ length: 100_000 }, (_, i) => candidate({ id: `c-${i}` }));
    const text = serializeWorkspace(workspace);
    const started = performance.now();
    const result = parseWorkspaceFile(text);
    const elapsed = performance.now() - started;
    expect(result.ok && result.workspace.candidates.length).toBe(100_000);
    expect(elapsed).toBeLessThan(5_000);
  });
});
