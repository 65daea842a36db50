// The app's chart and storage modules in a real Chromium, served from source by Vite's dev server:
// rows in, SVG out (marks, titles, what the report keeps of it), and the IndexedDB workspace store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openModulesPage } from './harness';

/** Source modules as the dev server serves them (passed into the page, so TypeScript does not resolve them here). */
const MODULES = {
  funnel: '/src/charts/funnel.ts',
  arrivals: '/src/charts/arrivals.ts',
  choropleth: '/src/charts/choropleth.ts',
  legend: '/src/charts/legend.ts',
  serialize: '/src/charts/serialize.ts',
  market: '/src/charts/market.ts',
  sanitize: '/src/report/sanitize-svg.ts',
  store: '/src/storage/workspace-db.ts',
  workspace: '/src/model/workspace/index.ts',
};
let page: Page;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ page, close } = await openModulesPage(['@observablehq/plot', 'd3']));
});
afterAll(async () => {
  await close?.();
});

describe('charts, drawn in Chromium', () => {
  it('the funnel has one bar per stage, its counts and stages as text, and one accessible name', async () => {
    const r = await page.evaluate(async (m) => {
      const load = (window as unknown as { load: (path: string) => Promise<unknown> }).load;
      const { funnelChart } = (await load(m.funnel)) as typeof import('../../src/charts/funnel');
      const svg = funnelChart(
        [
          { stage: 'sourced', count: 3 },
          { stage: 'offer', count: 0 },
          { stage: 'arrived', count: 12 },
        ],
        { title: 'Candidates by stage' },
      );
      document.body.replaceChildren(svg);
      const bars = [...svg.querySelectorAll('rect')].map((b) => Number(b.getAttribute('width')));
      return {
        role: svg.getAttribute('role'),
        label: svg.getAttribute('aria-label'),
        innerLabels: svg.querySelectorAll('[aria-label]').length,
        bars,
        text: [...svg.querySelectorAll('text')].map((t) => t.textContent),
      };
    }, MODULES);
    expect(r.role).toBe('img');
    expect(r.label).toBe('Candidates by stage');
    expect(r.innerLabels).toBe(0); // one name for the whole chart; the table carries the numbers
    expect(r.bars).toHaveLength(3);
    expect(r.bars[1]).toBe(0);
    expect(r.bars[2] / r.bars[0]).toBeCloseTo(12 / 3, 1); // bar lengths in proportion to the counts
    for (const t of ['sourced', 'offer', 'arrived', '3', '0', '12']) expect(r.text).toContain(t);
  });

  it('the arrivals chart draws the band, the mean line, the target and the due date', async () => {
    const r = await page.evaluate(async (m) => {
      const load = (window as unknown as { load: (path: string) => Promise<unknown> }).load;
      const { arrivalsChart } = (await load(m.arrivals)) as typeof import('../../src/charts/arrivals');
      const points = ['2026-11', '2026-12', '2027-01'].map((m, i) => ({
        month: new Date(`${m}-01T00:00:00Z`),
        mean: i,
        p10: i / 2,
        p90: i * 2,
      }));
      const draw = (options: Parameters<typeof arrivalsChart>[1]) => {
        const svg = arrivalsChart(points, options);
        document.body.replaceChildren(svg);
        return {
          label: svg.getAttribute('aria-label'),
          dashed: [...svg.querySelectorAll('[stroke-dasharray]')].map((l) => l.getAttribute('stroke-dasharray')),
          // Plot puts a mark's style on its group: the band's fill, the line's stroke.
          band: svg.querySelectorAll('[fill="#0b5cad"][fill-opacity] path').length,
          line: svg.querySelectorAll('[stroke="#0b5cad"] path').length,
        };
      };
      return { full: draw({ title: 'T', target: 4, dueDate: new Date('2026-12-31T00:00:00Z') }), bare: draw({ title: 'U' }) };
    }, MODULES);
    expect(r.full.label).toBe('T');
    expect(r.full.dashed.sort()).toEqual(['2,3', '5,3']); // due date, target
    expect(r.bare.dashed).toEqual([]);
    expect(r.full.band).toBe(1); // the 10th–90th percentile band
    expect(r.full.line).toBe(1); // the mean
  });

  it('the choropleth colours each shape by its value, outlines and zooms; the report keeps every mark', async () => {
    const r = await page.evaluate(async (m) => {
      const load = (window as unknown as { load: (path: string) => Promise<unknown> }).load;
      const { choropleth, colorScale, OUTSIDE_VIEW_FILL } = (await load(m.choropleth)) as typeof import('../../src/charts/choropleth');
      const { toMarkup } = (await load(m.serialize)) as typeof import('../../src/charts/serialize');
      const { sanitizeSvg } = (await load(m.sanitize)) as typeof import('../../src/report/sanitize-svg');
      const square = (id: string, x: number) => ({
        id,
        name: `Area ${id}`,
        geometry: {
          type: 'Polygon' as const,
          coordinates: [
            [
              [x, 0],
              [x, 10],
              [x + 10, 10],
              [x + 10, 0],
              [x, 0],
            ],
          ],
        },
      });
      const shapes = [square('01001', 0), square('01003', 20), square('01005', 40), square('01007', 60)];
      const values = new Map<string, number | null>([
        ['01001', 1],
        ['01003', 50],
        ['01007', null],
      ]);
      const scale = colorScale([1, 50], 'need');
      const svg = choropleth({
        shapes,
        values,
        scale,
        width: 975,
        height: 610,
        title: 'Map',
        tooltip: (s, v) => `${s.name}: ${v ?? 'none'}`,
        outlined: new Set(['01003']),
        zoomTo: ['01001', '01003', '01007'],
      });
      const paths = [...svg.querySelectorAll('g.shapes path')];
      const markup = toMarkup(svg);
      const reparsed = new DOMParser().parseFromString(sanitizeSvg(markup), 'image/svg+xml').documentElement;
      return {
        fills: paths.map((p) => p.getAttribute('fill')),
        // 01005 lies outside the zoomed view: context, not an area without a figure (01007).
        expected: [scale.color(1), scale.color(50), OUTSIDE_VIEW_FILL, scale.color(null)],
        titles: paths.map((p) => p.querySelector('title')?.textContent),
        outlined: svg.querySelectorAll('.overlay .outlined').length,
        viewBox: svg.getAttribute('viewBox'),
        elements: svg.querySelectorAll('*').length,
        kept: reparsed.querySelectorAll('*').length,
      };
    }, MODULES);
    expect(r.fills).toEqual(r.expected);
    expect(new Set(r.fills).size).toBe(4); // low, high, outside the view and no data differ
    expect(r.titles).toEqual(['Area 01001: 1', 'Area 01003: 50', 'Area 01005: none', 'Area 01007: none']);
    expect(r.outlined).toBe(1);
    const [x, , w] = r.viewBox!.split(' ').map(Number);
    expect(x).toBeLessThan(0 + 1); // around the three zoomed squares (x 0–70), not the 975-wide frame
    expect(x + w).toBeGreaterThan(70);
    expect(w).toBeLessThan(150);
    expect(r.kept).toBe(r.elements);
  });

  it('the market charts: quartile bars with a median tick per level, count bars in proportion, approvals and denials per year', async () => {
    const r = await page.evaluate(async (m) => {
      const load = (window as unknown as { load: (path: string) => Promise<unknown> }).load;
      const { wageRangeChart, countBarChart, sponsorYearsChart } = (await load(m.market)) as typeof import('../../src/charts/market');
      const ranges = wageRangeChart(
        [
          { label: 'Level I', q1: 50_000, median: 55_000, q3: 60_000, filings: 3 },
          { label: 'Level IV', q1: 70_000, median: 72_000, q3: 90_000, filings: 11 },
        ],
        { title: 'Wages by level' },
      );
      const bars = countBarChart(
        [
          { label: 'A', value: 4 },
          { label: 'B', value: 1 },
        ],
        { title: 'Employers', axis: 'Filings' },
      );
      const years = sponsorYearsChart(
        [
          { year: 'FY2022', measure: 'Initial approvals', value: 752 },
          { year: 'FY2022', measure: 'Initial denials', value: 12 },
        ],
        { title: 'Sponsors by year' },
      );
      document.body.replaceChildren(ranges, bars, years);
      const widths = (svg: Element) => [...svg.querySelectorAll('rect')].map((b) => Number(b.getAttribute('width')));
      return {
        labels: [ranges, bars, years].map((c) => [c.getAttribute('role'), c.getAttribute('aria-label')]),
        rangeWidths: widths(ranges),
        ticks: ranges.querySelectorAll('line').length,
        barWidths: widths(bars),
        yearText: [...years.querySelectorAll('text')].map((t) => t.textContent),
      };
    }, MODULES);
    expect(r.labels).toEqual([
      ['img', 'Wages by level'],
      ['img', 'Employers'],
      ['img', 'Sponsors by year'],
    ]);
    expect(r.rangeWidths).toHaveLength(2);
    expect(r.rangeWidths[1] / r.rangeWidths[0]).toBeCloseTo(20_000 / 10_000, 1); // Q1–Q3 spans to scale
    expect(r.ticks).toBeGreaterThanOrEqual(2);
    expect(r.barWidths[0] / r.barWidths[1]).toBeCloseTo(4, 1);
    expect(r.yearText).toEqual(expect.arrayContaining(['752 approved', '12 denied', 'FY2022']));
  });

  it('the legend shows one swatch per class and a no-data swatch', async () => {
    const r = await page.evaluate(async (m) => {
      const load = (window as unknown as { load: (path: string) => Promise<unknown> }).load;
      const { colorScale } = (await load(m.choropleth)) as typeof import('../../src/charts/choropleth');
      const { colorLegend } = (await load(m.legend)) as typeof import('../../src/charts/legend');
      const scale = colorScale([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14], 'need');
      const legend = colorLegend(scale, 'FTE needed', (v) => v.toFixed(1));
      document.body.replaceChildren(legend);
      return { classes: scale.colors.length, swatches: legend.querySelectorAll('svg rect').length, text: legend.textContent };
    }, MODULES);
    expect(r.classes).toBe(7);
    expect(r.swatches).toBe(7);
    expect(r.text).toContain('FTE needed');
    expect(r.text).toContain('no value in the loaded data');
  });
});

describe('the workspace store (IndexedDB, in Chromium)', () => {
  it('starts empty, saves records, refuses a write over a record changed since, and refuses to read a damaged one', async () => {
    const r = await page.evaluate(async (m) => {
      const load = (window as unknown as { load: (path: string) => Promise<unknown> }).load;
      await new Promise((resolve) => {
        const del = indexedDB.deleteDatabase('shortage-atlas');
        del.onsuccess = del.onerror = del.onblocked = resolve;
      });
      const { WorkspaceStore } = (await load(m.store)) as typeof import('../../src/storage/workspace-db');
      const { workspaceRecords, emptyWorkspace } = (await load(m.workspace)) as typeof import('../../src/model/workspace');
      const store = await WorkspaceStore.open();
      const before = await store.load();
      const area = { id: 'area-1', name: 'Central Valley', counties: ['06019'], states: ['NV'] };
      const [record] = workspaceRecords({ ...emptyWorkspace(), serviceAreas: [area] });
      const savedAt = '2026-11-23T10:00:00.000Z';
      const first = await store.write([record], () => null, { savedAt });
      const after = await store.load();
      // A tab that never saw area-1 writes its own area-1: refused, and what is saved stays.
      const renamed = { ...record, value: { ...area, name: 'Other' } };
      const stale = await store.write([renamed], () => null, { savedAt });
      const seenRev = after.revs.get(record.key)!;
      const current = await store.write([renamed], () => seenRev, { savedAt });
      const last = await store.load();
      // Damage what is saved, as another program might.
      await store.write([{ ...record, value: { id: 'area-1', counties: 'none' } }], () => current.seq, { savedAt });
      const damaged = await store.load().then(
        () => 'read',
        (e: Error) => e.message,
      );
      store.close();
      return {
        before: before.workspace.serviceAreas,
        beforeSeq: before.seq,
        first: first.written.length,
        after: after.workspace.serviceAreas,
        stale: stale.conflicts.map((c) => c.theirs?.value),
        staleWritten: stale.written.length,
        current: current.written.length,
        last: last.workspace.serviceAreas,
        damaged,
      };
    }, MODULES);
    expect(r.before).toEqual([]);
    expect(r.beforeSeq).toBe(0);
    expect(r.first).toBe(1);
    expect(r.after).toEqual([{ id: 'area-1', name: 'Central Valley', counties: ['06019'], states: ['NV'] }]);
    expect(r.stale).toEqual([{ id: 'area-1', name: 'Central Valley', counties: ['06019'], states: ['NV'] }]);
    expect(r.staleWritten).toBe(0);
    expect(r.current).toBe(1);
    expect(r.last).toEqual([{ id: 'area-1', name: 'Other', counties: ['06019'], states: ['NV'] }]);
    expect(r.damaged).toMatch(/^serviceAreas\[0\]\.name: missing/);
  });
});
