import Papa from 'papaparse';
import { ASSUMPTION_META, DEFAULT_ASSUMPTIONS } from '../../src/model/timing/assumptions';
import { describe, expect, it } from 'vitest';
import { buildReportHtml } from '../../src/report/build-report';
import { specialtyLabel } from '../../src/model/specialties';
import { tableCsv } from '../../src/report/report-table';
import { reportTables } from '../../src/report/report-tables';
import { FORMULA, HOSTILE, HOSTILE_ESCAPED, marketFixture, reportInput } from './report-fixture';

/** Start tags in the document, with their attribute text, e.g. ["img", " src=x"]. */
const startTags = (doc: string) =>
  [...doc.matchAll(/<([a-zA-Z][\w:-]*)([^>]*)>/g)].map(([, name, attributes]) => ({ name: name.toLowerCase(), attributes }));

describe('buildReportHtml', () => {
  const doc = buildReportHtml(reportInput());

  it('is one HTML document whose CSP, as the browser reads it, allows no script, no request and no form', () => {
    expect(doc.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(doc.match(/<html/g)).toHaveLength(1);
    expect(doc).toContain('<style>');
    expect(doc).not.toMatch(/<link\b/i);
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(doc);
    expect(meta).not.toBeNull();
    // Parse the policy as CSP Level 3 does: directives split on ";", names case-insensitive, the first of a name wins.
    const policy = new Map<string, string[]>();
    for (const part of meta![1].replaceAll('&#39;', "'").split(';')) {
      const [name, ...sources] = part.trim().split(/\s+/);
      if (name && !policy.has(name.toLowerCase())) policy.set(name.toLowerCase(), sources);
    }
    // A fetch directive that is absent falls back to default-src.
    const effective = (directive: string) => policy.get(directive) ?? policy.get('default-src') ?? ['*'];
    for (const directive of [
      'script-src',
      'script-src-elem',
      'script-src-attr',
      'connect-src',
      'font-src',
      'frame-src',
      'object-src',
      'media-src',
      'worker-src',
      'manifest-src',
    ])
      expect(effective(directive), directive).toEqual(["'none'"]);
    expect(effective('img-src')).toEqual(['data:']);
    expect(effective('style-src')).toEqual(["'unsafe-inline'"]); // its own <style>, nothing fetched
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
  });

  it('contains no script, no event handler, no foreignObject and no live markup from data', () => {
    expect(doc).not.toMatch(/<script/i);
    expect(doc).not.toMatch(/<foreignObject/i);
    const tags = startTags(doc);
    expect(tags.filter((t) => t.name === 'img')).toEqual([]);
    // Attribute names only: a value may quote "onerror=" as (escaped) text.
    const names = (attributes: string) =>
      [...attributes.matchAll(/\s([^\s"'=/>]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?/g)].map((m) => m[1]);
    expect(tags.filter((t) => names(t.attributes).some((n) => /^on/i.test(n)))).toEqual([]);
  });

  it('escapes every data string: owner, note, dataset title, names, county names, notes, next steps', () => {
    const escapedCount = doc.split(HOSTILE_ESCAPED).length - 1;
    // title (twice: <title> and <h1>), dataset title (list and sample warning), source, map row,
    // map tooltip, service area (name and target region), county name, owner, diversity (language
    // twice, note), candidate in the diversity reading, next step, assumption note.
    expect(escapedCount).toBeGreaterThanOrEqual(14);
    expect(doc).not.toContain(HOSTILE);
    expect(doc).toContain('=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)');
  });

  it('prints the published figures of the chosen state and the service area’s states in the appendix, each table with its date, escaped', () => {
    const appendix = doc.slice(doc.indexOf('<section id="appendix"'));
    expect(appendix).toContain('<table id="table-hrsa-summaries-NV">');
    expect(doc).toContain(`<p class="small">Primary Care 2021-12-31: ${HOSTILE_ESCAPED}.</p>`);
    expect(doc).toMatch(/<td class="nowrap">2021-12-31<\/td><td class="num">71<\/td>/);
    expect(reportTables(reportInput()).map((t) => t.id)).toContain('hrsa-summaries-NV');
  });

  it('loads nothing: no http(s) URL in any src, href or xlink:href, and no url() in styles', () => {
    expect(doc).not.toMatch(/\s(?:src|href|xlink:href|srcset|action|data)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    expect(doc).not.toMatch(/url\(\s*['"]?(?!#)/i);
    expect(doc).not.toMatch(/@import/i);
  });

  it('keeps the app-made map and its legend, sanitised, followed by the map table', () => {
    expect(doc).toContain(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 975 610" role="img" aria-label="Map of counties" class="choropleth">',
    );
    expect(doc).toContain('<path d="M1,1L5,5Z" data-geo="06001" fill="#fd8d3c" data-value="3">');
    expect(doc).toContain('<g class="overlay"><path class="outlined" d="M1,1Z"/>');
    expect(doc).not.toContain('evil.example');
    expect(doc).toContain('<style>.plot-1 { font: 10px system-ui; }</style>');
    expect(doc.indexOf('class="choropleth"')).toBeLessThan(doc.indexOf('id="table-shortage-map"'));
  });

  it('marks sample data and names each dataset with its vintage', () => {
    expect(doc).toContain('Contains sample data.');
    expect(doc).toContain('<strong>snapshot of 2024-03-27</strong>');
    expect(doc).toContain('sample — generated, not published figures');
  });

  it('marks generated sample candidates', () => {
    expect(doc).not.toContain('generated samples, not real people');
    const withSamples = buildReportHtml(
      reportInput({ candidates: [...reportInput().candidates, { ...reportInput().candidates[1], id: 'SAMPLE-001' }] }),
    );
    expect(withSamples).toContain('1 of the 3 candidates are generated samples, not real people.');
    expect(withSamples).toMatch(/Contains sample data.*1 pipeline candidate[^s]/);
  });

  it("gives every chart, the Pipeline screen's own drawing made inert, its table", () => {
    // The funnel, all candidates' arrivals, and one chart per target: each sanitised, each followed or preceded by its numbers.
    const charts = [
      ...doc.matchAll(/<figure class="chart[^"]*">\s*<(?:figcaption[^>]*>[^<]*<\/figcaption>\s*<)?svg[^>]*class="plot-d6a7b5"/g),
    ];
    expect(charts).toHaveLength(4); // funnel, all arrivals, one target, the market's wage levels
    expect(doc).not.toMatch(/<script/i);
    const funnelAt = doc.indexOf('aria-label="Candidates by pipeline stage');
    expect(funnelAt).toBeGreaterThan(0);
    expect(doc.indexOf('id="table-pipeline-funnel"')).toBeGreaterThan(funnelAt);
    const totalAt = doc.indexOf('aria-label="Cumulative expected arrivals of all candidates"');
    expect(doc.indexOf('id="table-forecast"')).toBeGreaterThan(totalAt);
    expect(doc.indexOf(`aria-label="${HOSTILE_ESCAPED}: expected cumulative arrivals"`)).toBeGreaterThan(
      doc.indexOf('id="table-forecast"'),
    );
    expect(doc).toMatch(/<td class="num">25<\/td>/); // P(met) 25%
  });

  it('calls the map’s no-figure areas hatched, as they are drawn', () => {
    expect(doc).toMatch(/in classes of equal count \(quantiles\); hatched: /);
    expect(doc).not.toMatch(/quantiles\); grey/);
  });

  it('says under each chart whose figures have no dated caption of their own where they come from', () => {
    const captions = [...doc.matchAll(/<figure class="chart">\s*<svg[\s\S]*?<\/svg>\s*<figcaption class="small">([^<]*)<\/figcaption>/g)]
      .map((m) => m[1])
      .filter((caption) => caption.startsWith('Source:'));
    const input = reportInput();
    const candidates = input.candidates.length;
    const forecast = input.forecast as Exclude<typeof input.forecast, { unavailable: string }>;
    const ofForecast = `Source: this workspace’s ${candidates} candidates, forecast of ${forecast.result.now} (${forecast.result.runs.toLocaleString('en-US')} simulated futures, seed ${forecast.result.seed}) with the assumptions listed under Assumptions.`;
    expect(captions).toEqual([
      `Source: the ${candidates} candidates of this workspace, as saved in this browser; counted ${input.generatedAt.slice(0, 10)}.`,
      `${ofForecast} All candidates. Line: expected cumulative arrivals; band: 10th to 90th percentile; dashed: all targets’ hires combined.`,
      `Source: DOL LCA disclosure data, ${HOSTILE_ESCAPED}.`,
    ]);
    // The charts of each target share one note, with the same source.
    expect(doc).toContain(`The numbers are in the table above. ${ofForecast}</p>`);
  });

  it('shows the targets table with every column, and diversity targets with their definitions', () => {
    for (const column of ['Profession', 'Specialty', 'Region', 'Hires', 'Due', 'Priority', 'Owner', 'Note', 'H-1B offer'])
      expect(doc).toContain(`<th scope="col"${column === 'Hires' ? ' class="num"' : ''}>${column}</th>`);
    expect(doc).toContain(`Service area: ${HOSTILE_ESCAPED}`);
    expect(doc).toContain('Patient–clinician language concordance');
  });

  it('leaves candidate-level rows out unless asked', () => {
    expect(doc).not.toContain('CAND-8');
    expect(doc).toContain('Candidate-level rows are left out');
    const withRows = buildReportHtml(reportInput({ includeCandidates: true }));
    expect(withRows).toContain('<td>CAND-8</td>');
    expect(withRows).toContain(`<td>CAND-7 ${HOSTILE_ESCAPED}</td>`);
    expect(reportTables(reportInput()).map((t) => t.id)).not.toContain('candidates');
    expect(reportTables(reportInput({ includeCandidates: true })).map((t) => t.id)).toContain('candidates');
  });

  it('says pipeline and forecast are not available when no candidates are loaded', () => {
    const empty = buildReportHtml(
      reportInput({
        candidates: [],
        funnelChart: null,
        forecast: { unavailable: 'no candidates loaded.' },
        market: { unavailable: 'not asked.' },
      }),
    );
    expect(empty).toContain('Not available: no candidates loaded.');
    expect(empty).not.toContain('table-pipeline-funnel');
    expect(empty).not.toContain('table-forecast');
    expect(empty).not.toContain('<figure class="chart');
  });

  it('has the Market section: the view, its charts and tables, the saved offers and the sources with their periods', () => {
    const market = doc.slice(doc.indexOf('<section id="market">'), doc.indexOf('</section>', doc.indexOf('<section id="market">')));
    const appendix = doc.slice(doc.indexOf('<section id="appendix"'));
    expect(market).toContain('<h3>Medical laboratory scientist (MLS) — Texas</h3>');
    expect(market).toContain('53 LCA filings by 39 employers in FY2025 Q2');
    // What is counted, as on the Market screen: a copy without the status and class says so (casebook D1).
    expect(market).toContain(
      'The status and visa class of these filings could not be checked: the FY2025 Q2 copy has no case status or visa class column',
    );
    expect(market).toContain('not a petition, an approval or a hire');
    expect(market).not.toMatch(/certified H-1B wage filings|demand/);
    expect(market).toContain('median offered annual wage $61,797 (25th–75th percentile $55,494 – $70,741');
    expect(market.indexOf('aria-label="Offered annual wage by wage level')).toBeLessThan(market.indexOf('id="table-market-wage-levels"'));
    for (const id of ['market-wage-levels', 'market-employers', 'market-saved-offers']) expect(market).toContain(`id="table-${id}"`);
    // The long tables, in the appendix.
    for (const id of ['market-sponsor-years', 'market-sponsors']) expect(appendix).toContain(`id="table-${id}"`);
    expect(appendix).toContain('<td class="nowrap">FY2023 (partial year)</td>');
    expect(appendix).toContain('<td>check</td>');
    expect(market).toContain('<td>Level III</td>');
    expect(market).toMatch(/<td class="num">46<\/td>/); // P(selected) at level III: DHS’s projection, 45.87% (domain.md S7, S9)
    expect(market).toContain(HOSTILE_ESCAPED);
    expect(market).not.toContain(HOSTILE);
  });

  it('says why the market figures are missing, and that no offer is saved', () => {
    const none = buildReportHtml(reportInput({ market: { unavailable: 'the market figures could not be gathered (boom).' } }));
    expect(none).toContain('<h2>Market</h2><p class="note">Not available: the market figures could not be gathered (boom).</p>');
    const market = marketFixture([]);
    expect(market.offers.rows).toEqual([]);
    const noOffer = buildReportHtml(reportInput({ market }));
    expect(noOffer).toContain('No offer saved on a target');
  });

  it('says why the map is missing when it could not be drawn', () => {
    const noMap = buildReportHtml(reportInput({ map: { unavailable: 'the map could not be drawn (HTTP 404).' } }));
    expect(noMap).toContain('Not available: the map could not be drawn (HTTP 404).');
    expect(noMap).not.toContain('class="choropleth"');
  });

  it('has print rules for A4 and Letter: page margins, headings kept with what follows, rows kept whole', () => {
    expect(doc).toContain('@page { size: auto; margin: 14mm; }');
    expect(doc).toMatch(/h1, h2, h3 \{[^}]*break-after: avoid/);
    expect(doc).toMatch(/tr \{[^}]*break-inside: avoid/);
    expect(doc).toMatch(/figure \{[^}]*break-inside: avoid/);
    expect(doc).not.toMatch(/<(button|input|select|textarea|form)\b/i);
  });

  it('lists the assumptions with numbered sources, each source with its publisher and public address, and when they were collected', () => {
    expect(doc).toContain(ASSUMPTION_META.h1bSelectionProbability.label);
    expect(doc).toContain(`<td>${DEFAULT_ASSUMPTIONS.mlsLicensureStates.split(',').join(', ')}</td>`);
    expect(doc).toContain('<td>$100,000</td>');
    // The fee scenario by its words, not its code.
    expect(doc).toContain(`<td>${ASSUMPTION_META.h1bFeeScenario.optionLabels.continues}</td>`);
    const list = doc.slice(doc.indexOf('data-testid="rule-sources"'), doc.indexOf('</ol>', doc.indexOf('data-testid="rule-sources"')));
    const items = [...list.matchAll(/<li value="(\d+)">(.*?)<\/li>/g)];
    // Numbered 1, 2, 3… in the order cited; every one named, with an address where the source has one.
    expect(items.map((m) => Number(m[1]))).toEqual(items.map((_, i) => i + 1));
    expect(items.length).toBeGreaterThan(20);
    for (const [, , text] of items) expect(text).toMatch(/^[^:]+: .+\./);
    expect(list).toContain('https://www.cozen.com/news-resources/publications/2023/fy2024-h-1b-registration-recap');
    // Every number cited in the text is in the list.
    const cited = new Set([...doc.matchAll(/\[(\d+(?:, \d+)*)\]/g)].flatMap((m) => m[1].split(', ').map(Number)));
    for (const n of cited) expect(items.map((m) => Number(m[1]))).toContain(n);
    expect(doc).toMatch(/Sources collected on \d{4}-\d{2}-\d{2}/);
  });
});

describe('report tables as CSV', () => {
  it('are the tables as shown, with formulas neutralised', () => {
    const targets = reportTables(reportInput()).find((t) => t.id === 'targets')!;
    const csv = tableCsv(targets);
    const [header, row] = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(header).toEqual(['Profession', 'Specialty', 'Region', 'Hires', 'Due', 'Priority', 'Owner', 'Note', 'H-1B offer']);
    // The specialty as every screen labels it (model/specialties.ts).
    expect(row).toEqual([
      'Physician',
      specialtyLabel('primary care'),
      `Service area: ${HOSTILE}`,
      '3',
      '2027-Q4',
      'high',
      HOSTILE,
      `'${FORMULA}`,
      '', // no offer saved
    ]);
  });

  it('include the Market tables, employer names neutralised where they look like formulas', () => {
    const ids = reportTables(reportInput()).map((t) => t.id);
    expect(ids).toEqual(
      expect.arrayContaining(['market-wage-levels', 'market-employers', 'market-sponsor-years', 'market-sponsors', 'market-saved-offers']),
    );
    const sponsors = reportTables(reportInput()).find((t) => t.id === 'market-sponsors')!;
    const [header, row] = Papa.parse<string[]>(tableCsv(sponsors).slice(1), { skipEmptyLines: true }).data;
    expect(header.slice(0, 6)).toEqual([
      'Rank, ranked by FY2022 initial approvals',
      'Employer',
      'States',
      'Included as (NAICS 62 health care; NAICS 61 academic medical centre by name)',
      'FY2022 initial approvals',
      'FY2022 initial denials',
    ]);
    expect(row).toEqual(['1', `'${FORMULA}`, 'TX', 'NAICS 61, by name', '96', '1', '39', '1', '2', 'check']);
  });

  it('keep numbers as numbers', () => {
    const map = reportTables(reportInput()).find((t) => t.id === 'shortage-map')!;
    expect(tableCsv(map).split('\r\n')[1]).toBe(`1,${HOSTILE},06001,3,2024-03-27,2,0,1000,18,1`);
  });
});
