// ZIP codes to counties, through the Census 2020 ZIP Code Tabulation Areas (a ZCTA approximates a
// USPS ZIP code; a PO-box-only ZIP has none). A ZIP may lie in several counties: the one holding most
// of its land is chosen and the others are offered, with their shares of its land (not of its people).

export interface ZipCounty {
  fips: string;
  /** Two-letter state code. */
  state: string;
  /** "Albany County, NY". */
  label: string;
  /** The part's share of the ZIP's land area, 0–1. */
  share: number;
  /** The county holding most of the ZIP's land. */
  primary: boolean;
}

export interface ZipPlace {
  zip: string;
  /** The county holding most of its land first, then the others by share. */
  counties: ZipCounty[];
}

/** A ZIP's counties by ZIP, or undefined for a ZIP the Census file does not have. */
export type ZipLookup = (zip: string) => ZipPlace | undefined;

/** One row of the ZIP query (src/data/queries/zip.ts). */
export interface ZipRow {
  zcta: string;
  county_fips: string;
  state: string;
  county_name: string;
  land_share: number;
  is_primary: boolean;
}

/** The places of the query's rows, by ZIP, each with its counties in order. */
export function zipPlaces(rows: readonly ZipRow[]): Map<string, ZipPlace> {
  const places = new Map<string, ZipPlace>();
  for (const r of rows) {
    let place = places.get(r.zcta);
    if (!place) places.set(r.zcta, (place = { zip: r.zcta, counties: [] }));
    place.counties.push({
      fips: r.county_fips,
      state: r.state,
      label: `${r.county_name}, ${r.state}`,
      share: r.land_share,
      primary: r.is_primary,
    });
  }
  for (const p of places.values()) p.counties.sort((a, b) => Number(b.primary) - Number(a.primary) || b.share - a.share);
  return places;
}

export const lookupOf =
  (places: ReadonlyMap<string, ZipPlace>): ZipLookup =>
  (zip) =>
    places.get(zip);

/**
 * The five-digit ZIP a cell means: "12345", "12345-6789" and "123456789" (ZIP+4), and "2134" (a
 * spreadsheet dropped the leading zero of 02134); null for anything else.
 */
export function readZip(text: string): string | null {
  const t = text.trim();
  const m = /^(\d{5})(?:-?\d{4})?$/.exec(t);
  if (m) return m[1];
  return /^\d{4}$/.test(t) ? `0${t}` : null;
}

/** "87%", "less than 1%": a share of a ZIP's land. */
export function shareText(share: number): string {
  return share > 0 && share < 0.005 ? 'less than 1%' : `${Math.round(share * 100)}%`;
}

/** "Albany County, NY (87% of its land)". */
export const zipCountyText = (c: ZipCounty) => `${c.label} (${shareText(c.share)} of its land)`;

export type ZipPick = { ok: true; county: ZipCounty; others: ZipCounty[] } | { ok: false; message: string };

/**
 * The county a site at this ZIP is in: the one the row names (`county`, if the ZIP lies in it),
 * else the one holding most of its land (within `state` when one is given).
 */
export function pickZipCounty(place: ZipPlace, state?: string, county?: string): ZipPick {
  const inState = state ? place.counties.filter((c) => c.state === state) : place.counties;
  if (!inState.length)
    return {
      ok: false,
      message: `ZIP ${place.zip} is in ${[...new Set(place.counties.map((c) => c.state))].join(' and ')}, not ${state}`,
    };
  if (county) {
    const named = place.counties.find((c) => c.fips === county);
    if (!named)
      return {
        ok: false,
        message: `ZIP ${place.zip} is not in county ${county}; it lies in ${place.counties.map(zipCountyText).join(', ')}`,
      };
    return { ok: true, county: named, others: place.counties.filter((c) => c !== named) };
  }
  const chosen = inState[0];
  return { ok: true, county: chosen, others: place.counties.filter((c) => c !== chosen) };
}

/** What to say when a ZIP spans counties: which was chosen and which others it lies in. */
export function spansText(zip: string, pick: { county: ZipCounty; others: readonly ZipCounty[] }): string {
  return `ZIP ${zip} spans ${pick.others.length + 1} counties: ${zipCountyText(pick.county)} was chosen; it also lies in ${pick.others.map(zipCountyText).join(', ')}`;
}

/** The ZIP a county field's text is (five digits, or ZIP+4), or null. */
export const typedZip = (text: string): string | null => /^\s*(\d{5})(?:-?\d{4})?\s*$/.exec(text)?.[1] ?? null;

/** The digits of a ZIP being typed (three to five), for the type-ahead; null for other text. */
export const zipPrefix = (text: string): string | null => /^\s*(\d{3,5})(?:-\d{0,4})?\s*$/.exec(text)?.[1] ?? null;
