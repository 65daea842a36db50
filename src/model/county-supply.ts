// Health-care providers by county, state and nation (the embedded County Health Rankings & Roadmaps
// tables): which measures there are, the two releases shown side by side (never added together),
// how each figure's source is said, and the geographies the map draws differently from the data.

/** Primary-care physicians, dentists, mental-health providers, other primary-care providers (NP, PA, CNS). */
export type SupplyMeasure = 'pcp' | 'dentists' | 'mhp' | 'other_pcp';

export const SUPPLY_MEASURES: readonly SupplyMeasure[] = ['pcp', 'dentists', 'mhp', 'other_pcp'];

interface MeasureInfo {
  /** A table row's name: "Primary-care physicians". */
  label: string;
  /** What is counted, in the plural: "primary-care physicians". */
  providers: string;
  /** The federal file the count comes from. */
  publisher: string;
}

export const MEASURE_INFO: Readonly<Record<SupplyMeasure, MeasureInfo>> = {
  pcp: { label: 'Primary-care physicians', providers: 'primary-care physicians', publisher: 'HRSA Area Health Resources File' },
  dentists: { label: 'Dentists', providers: 'dentists', publisher: 'HRSA Area Health Resources File' },
  mhp: { label: 'Mental-health providers', providers: 'mental-health providers', publisher: 'CMS NPPES' },
  other_pcp: {
    label: 'Other primary-care providers (NP, PA, CNS)',
    providers: 'nurse practitioners, physician assistants and clinical nurse specialists in primary care',
    publisher: 'CMS NPPES',
  },
};

export interface SupplyRelease {
  /** The engine's table (datasets/manifest.json). */
  table: string;
  /** County Health Rankings & Roadmaps' release year. */
  release: number;
  /** The year of each measure's figures in this release (the tables' `<measure>_year`; a test checks they agree). */
  years: Readonly<Record<SupplyMeasure, number>>;
  /**
   * The population each measure is counted over, as the release gives it: not always of the figures'
   * year (NPPES June 2024 over Census Vintage 2023; a test checks each against the data).
   */
  populations: Readonly<Record<SupplyMeasure, string>>;
}

/** Newest first. The map shows one; the table, the details and the report show both, side by side. */
export const SUPPLY_RELEASES: readonly [SupplyRelease, SupplyRelease] = [
  {
    table: 'supply_chr2025',
    release: 2025,
    years: { pcp: 2022, dentists: 2023, mhp: 2024, other_pcp: 2024 },
    populations: { pcp: '2022', dentists: 'Census Vintage 2023', mhp: 'Census Vintage 2023', other_pcp: 'Census Vintage 2023' },
  },
  {
    table: 'supply_chr2022',
    release: 2022,
    years: { pcp: 2019, dentists: 2020, mhp: 2021, other_pcp: 2021 },
    populations: { pcp: '2019', dentists: '2020', mhp: '2020', other_pcp: '2020' },
  },
];

export const SUPPLY_TABLES = SUPPLY_RELEASES.map((r) => r.table);

/** The release a view's "as of" picks: the one whose figures for the measure are of that year; else the newest. */
export function releaseIndex(measure: SupplyMeasure, asOf: string): 0 | 1 {
  return asOf === String(SUPPLY_RELEASES[1].years[measure]) ? 1 : 0;
}

/** "HRSA Area Health Resources File 2022, via County Health Rankings & Roadmaps 2025": said wherever a figure is shown. */
export function supplySource(measure: SupplyMeasure, year: number | string, release: number): string {
  return `${MEASURE_INFO[measure].publisher} ${year}, via County Health Rankings & Roadmaps ${release}`;
}

/** The attribution and licence the data-sources panel, SOURCES.md and the report name with the figures. */
export const SUPPLY_LICENCE =
  'County Health Rankings & Roadmaps (University of Wisconsin Population Health Institute), CC BY-NC-SA 4.0; the federal figures it relays are public domain';

/** What the builder recovered from a published rate (tools/build-county-datasets.mjs), said under the figures. */
export const RECOVERED_NOTE =
  'The 2022 release gives its 2019 primary-care rate over the 2019 population without that population, and its 2021 other primary-care providers as a rate only: the population and the count are recovered from the published rate (count ÷ rate × 100,000; rate × population ÷ 100,000) and checked to be whole numbers.';

/** The trend's source. */
export const TREND_SOURCE = 'Urban Institute, from the HRSA Area Health Resources File';

/**
 * Shapes the map draws for counties the data no longer have: us-atlas@3 draws Alaska's Valdez-Cordova
 * Census Area (02261), split in 2019 into Chugach (02063) and Copper River (02066). The newer
 * release's figures for the two are summed into the old shape (counts and populations, the rate
 * recomputed); the older release has Valdez-Cordova itself.
 */
export const LEGACY_MAP_UNITS: Readonly<Record<string, readonly string[]>> = { '02261': ['02063', '02066'] };

/** Connecticut, said beside any Connecticut figure or a gap there. */
export const CONNECTICUT_NOTE =
  'Connecticut: its eight counties were replaced in 2022 by nine planning regions. The 2025 release has no 2022 primary-care or 2023 dentist figures for Connecticut, and gives its mental-health and other primary-care figures for the planning regions, which the map (drawn with the old counties) cannot show: they are in the table. The older release counts the old counties.';

/** Puerto Rico, said where its shapes are drawn without a provider figure: neither release has a row for it. */
export const PUERTO_RICO_NOTE =
  'Puerto Rico: neither County Health Rankings & Roadmaps release (2022, 2025) has figures for it — both cover the 50 states and DC only — so it is drawn without a figure.';

/**
 * HRSA's criterion for a geographic primary-care HPSA (42 CFR Part 5, Appendix A): population per
 * full-time-equivalent primary-care physician of at least 3,500:1, or more than 3,000:1 where needs
 * are unusually high. Shown as context beside a county's ratio of people to physicians counted by
 * head, never as a target.
 */
export const HPSA_GEOGRAPHIC_CRITERION = { ratio: 3500, highNeedsRatio: 3000, rule: '42 CFR Part 5, Appendix A' } as const;

/** Where a county's or state's own ratio (people per physician, by head count) stands against the criterion, in words. */
export function criterionContext(popPerPhysician: number | null, physicians: number | null, place: 'county' | 'state'): string {
  const { ratio, highNeedsRatio } = HPSA_GEOGRAPHIC_CRITERION;
  const rule = `HRSA’s criterion for a geographic primary-care HPSA is ${ratio.toLocaleString('en-US')} people or more per full-time-equivalent primary-care physician (more than ${highNeedsRatio.toLocaleString('en-US')} where needs are unusually high)`;
  const caveat = `This ${place}’s ratio counts physicians by head, not by full-time equivalents, and HRSA also weighs the area’s boundaries, nearby supply and needs: context, not a designation and not a recruiting target.`;
  if (physicians === 0) return `No primary-care physician is counted here. ${rule}. ${caveat}`;
  if (popPerPhysician == null) return `${rule}. ${caveat}`;
  const side =
    popPerPhysician >= ratio
      ? `at or above ${ratio.toLocaleString('en-US')}:1`
      : popPerPhysician > highNeedsRatio
        ? `between ${highNeedsRatio.toLocaleString('en-US')}:1 and ${ratio.toLocaleString('en-US')}:1`
        : `below ${highNeedsRatio.toLocaleString('en-US')}:1`;
  return `${Math.round(popPerPhysician).toLocaleString('en-US')} people per primary-care physician here: ${side}. ${rule}. ${caveat}`;
}
