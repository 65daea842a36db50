// Everything published for one state, as the map's details panel shows it and the report prints it:
// each HRSA summary table (with its date, partial tables said so, the US row beside), the loaded
// detail file's count, AAMC's physician workforce and BLS's lab workforce. Never one blended figure.
import type { Coordinator } from '../../data/cache/coordinator';
import { serviceAreaDetail } from '../../data/queries/service-area';
import { specialtyCounts, stateSummaries, stateWorkforce } from '../../data/queries/workforce';
import type { SummaryTableRow } from '../../data/queries/hpsa-summary';
import { STATES_AND_DC } from '../../model/hpsa-sources';
import { specialtyLabel } from '../../model/specialties';
import { tableVintage, type StateSummaryFigure } from '../../model/state-figures';
import type { AreaDetailRow } from '../../model/targets';
import { imgBenchmark, labContext, vacancyContext, type SpecialtyCountRow, type StateWorkforceRow } from '../../model/workforce-context';

export interface StateFigures {
  state: string;
  summaries: StateSummaryFigure[];
  detail: AreaDetailRow[];
  workforce: StateWorkforceRow[];
  specialties: SpecialtyCountRow[];
}

/** A table of figures with its columns; the screen draws it, the report prints it (and its CSV). */
export interface FigureTable {
  id: string;
  title: string;
  columns: { label: string; digits?: number; nowrap?: boolean }[];
  rows: (string | number | null)[][];
  /** Sentences under the table. */
  notes: string[];
}

export const stateFigureQueries = (state: string) => ({
  summaries: stateSummaries(state),
  detail: serviceAreaDetail({ id: state, name: state, counties: [], states: [state] }),
  workforce: stateWorkforce([state]),
  specialties: specialtyCounts([state]),
});

export async function gatherStateFigures(coordinator: Coordinator, state: string): Promise<StateFigures> {
  const q = stateFigureQueries(state);
  const [summaries, detail, workforce, specialties] = await Promise.all([
    coordinator.query(q.summaries),
    coordinator.query(q.detail),
    coordinator.query(q.workforce),
    coordinator.query(q.specialties),
  ]);
  return { state, summaries, detail, workforce, specialties };
}

const num = (digits: number) => ({ digits });

function hrsaTable(f: StateFigures, name: string): FigureTable {
  return {
    id: `hrsa-summaries-${f.state}`,
    title: `${name}: HRSA's published shortage summaries`,
    columns: [
      { label: 'Discipline' },
      { label: 'As of', nowrap: true },
      { label: 'Designations', ...num(0) },
      { label: 'Population of HPSAs', ...num(0) },
      { label: '% of need met', ...num(2) },
      { label: 'Practitioners needed', ...num(0) },
      { label: 'US row: designations', ...num(0) },
      { label: 'US row: practitioners needed', ...num(0) },
    ],
    rows: f.summaries.map((s) => [
      s.discipline,
      tableVintage(s),
      s.designations ?? (s.published_states < STATES_AND_DC ? 'not in this table' : null),
      s.population,
      s.pct_need_met,
      s.practitioners_needed,
      s.us_designations,
      s.us_practitioners_needed,
    ]),
    notes: [
      ...[...new Set(f.summaries.map((s) => s.source))].map(
        (source) =>
          `${f.summaries
            .filter((s) => s.source === source)
            .map((s) => `${s.discipline} ${s.as_of}`)
            .join(', ')}: ${source}.`,
      ),
      "HRSA's practitioners needed is the number of full-time practitioners that would remove the designations (ratio goal 3,500:1, or 3,000:1 where need is high, for primary care): a floor, not a recruiting target. Each table keeps its own date; they are never added together.",
    ],
  };
}

function detailTable(f: StateFigures, name: string): FigureTable | null {
  if (!f.detail.length) return null;
  return {
    id: `hrsa-detail-${f.state}`,
    title: `${name}: the loaded HRSA detail file (designated and proposed for withdrawal, each designation once)`,
    columns: [
      { label: 'Discipline' },
      { label: 'As of', nowrap: true },
      { label: 'Designations', ...num(0) },
      { label: 'With an FTE figure', ...num(0) },
      { label: 'Facilities without one', ...num(0) },
      { label: 'FTE needed', ...num(2) },
    ],
    rows: f.detail.map((d) => [d.discipline, d.as_of, d.designations, d.with_fte, d.facility_without_fte, d.fte_needed]),
    notes: ['A different date from the summaries above: shown beside them, never added to them.'],
  };
}

function physicianTable(f: StateFigures, name: string): FigureTable | null {
  const w = f.workforce[0];
  if (!w || w.aamc_as_of == null) return null;
  return {
    id: `aamc-${f.state}`,
    title: `${name}: active physicians (AAMC, as of ${w.aamc_as_of})`,
    columns: [{ label: 'Measure' }, { label: 'Per 100,000 people or %', ...num(1) }],
    rows: [
      ['Active physicians per 100,000 people', w.active_per_100k],
      ['Primary-care physicians per 100,000 people', w.primary_care_per_100k],
      ['General surgeons per 100,000 people', w.general_surgery_per_100k],
      ['International medical graduates, % of active physicians', w.pct_img],
      ['Women, % of active physicians', w.pct_female],
      ['Aged 60 or over, % of active physicians', w.pct_age_60_plus],
    ],
    notes: [`${imgBenchmark(w)}.`],
  };
}

function specialtyTable(f: StateFigures, name: string): FigureTable | null {
  const w = f.workforce[0];
  if (!w || w.aamc_as_of == null) return null;
  return {
    id: `aamc-specialties-${f.state}`,
    title: `${name}: active physicians by specialty (AAMC, as of ${w.aamc_as_of})`,
    columns: [{ label: 'Specialty' }, { label: 'AAMC’s name' }, { label: 'Active physicians', ...num(0) }],
    rows: [
      ['All specialties', 'All specialties', w.active_physicians],
      ...f.specialties.map((s): [string, string, number] => [specialtyLabel(s.specialty), s.aamc_field, s.active_physicians]),
    ],
    notes: ['AAMC’s state report counts these eight specialties only; for the others no state figure is published.'],
  };
}

function labTable(f: StateFigures, name: string): FigureTable | null {
  const w = f.workforce[0];
  if (!w) return null;
  return {
    id: `bls-lab-${f.state}`,
    title: `${name}: clinical laboratory technologists and technicians (BLS OEWS)`,
    columns: [{ label: 'Measure' }, { label: 'Value', ...num(0) }, { label: 'As of', nowrap: true }],
    rows: [
      ['Mean annual wage (US dollars)', w.annual_mean_wage, w.wage_as_of],
      ['Employment', w.employment_2024_05 ?? 'not published here', '2024-05'],
      ['Employment', w.employment_2023_05 ?? 'not published here', '2023-05'],
    ],
    notes: [...labContext([w]), vacancyContext()],
  };
}

/** The state's figures as tables, in the order the panel and the report show them. */
export function stateFigureTables(f: StateFigures): FigureTable[] {
  const name = f.workforce[0]?.state_name ?? f.state;
  return [hrsaTable(f, name), detailTable(f, name), physicianTable(f, name), specialtyTable(f, name), labTable(f, name)].filter(
    (t): t is FigureTable => t !== null,
  );
}

/** HRSA's state summary tables loaded, with their coverage and published US row (the Data sources screen). */
export function summaryTablesTable(rows: readonly SummaryTableRow[]): FigureTable {
  return {
    id: 'summary-tables',
    title: "HRSA's state summaries",
    columns: [
      { label: 'Discipline' },
      { label: 'As of' },
      { label: 'US designations', ...num(0) },
      { label: 'US population of HPSAs', ...num(0) },
      { label: 'US practitioners needed', ...num(0) },
      { label: 'Source' },
    ],
    rows: rows.map((r) => [r.discipline, tableVintage(r), r.us_designations, r.us_population, r.us_practitioners_needed, r.source]),
    notes: ['The US rows include the territories; partial tables list only some states.'],
  };
}
