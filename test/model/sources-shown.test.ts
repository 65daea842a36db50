// Sources as a reader sees them: the screen says a source was read through a secondary page the way
// the report does; every source the next actions cite is listed (S31 as the domain notes give it);
// a dollar figure is "confirmed" only with a quote of the notes stating it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourcesText } from '../../src/app/pipeline/assumption-rows';
import { ASSUMPTION_FIELDS, ASSUMPTION_META, type AssumptionMeta } from '../../src/model/timing/assumptions';
import { SOURCES, withPublishers } from '../../src/model/timing/sources';

const DOMAIN = fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/domain-md.md'), 'utf8').replace(/\s+/g, ' ');
const NEXT_ACTION = fs.readFileSync(path.resolve(import.meta.dirname, '../../src/model/timing/next-action.ts'), 'utf8');

describe('sources on screen', () => {
  it('say which secondary page a source was read through, as the report does', () => {
    // Domain notes: S10 is golawcorp.com's summary of the proclamation, S11 chanderlaw.com's.
    expect(DOMAIN).toContain('S10 golawcorp.com');
    expect(DOMAIN).toContain('S11 chanderlaw.com');
    expect(sourcesText(['S10'])).toMatch(/^S10: The White House, .* — Read via GO Law\b/);
    expect(sourcesText(['S11'])).toMatch(/ — Read via Chander Law\b/);
    for (const [id, source] of Object.entries(SOURCES)) {
      if (source.via) expect(sourcesText([id]), id).toContain(`Read via ${source.via}.`);
      else expect(sourcesText([id]), id).not.toContain('Read via');
    }
  });

  it('list every source the next actions cite, S31 as the domain notes give it', () => {
    const listed = /S31 (.*?) · S32/.exec(DOMAIN)?.[1];
    expect(listed).toBe('FSMB advisory commission (Feb 4, 2025); state alternative-licensure summaries');
    expect(SOURCES.S31?.title).toBe(listed);
    const cited = new Set([...NEXT_ACTION.matchAll(/\b([SR]\d{1,3})\b/g)].map((m) => m[1]));
    expect(cited.has('S31')).toBe(true);
    for (const id of cited) expect(Object.hasOwn(SOURCES, id), `${id} is cited by next-action.ts`).toBe(true);
    const sentence = 'most states require 1–3 years of US residency for a full licence (S31)';
    expect(withPublishers(sentence)).not.toContain('source not recorded');
  });

  it('call a dollar figure confirmed only with a quote of the domain notes stating it', () => {
    for (const field of ASSUMPTION_FIELDS) {
      const meta: AssumptionMeta = ASSUMPTION_META[field];
      if (meta.kind !== 'number' || meta.unit !== 'USD' || meta.confidence !== 'confirmed') continue;
      const quote = meta.quote?.replace(/\s+/g, ' ');
      expect(quote, `${field} is confirmed without a quote`).toBeDefined();
      expect(DOMAIN, field).toContain(quote);
      expect(quote, field).toContain(`$${meta.default.toLocaleString('en-US')}`);
    }
  });
});
