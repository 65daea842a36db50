import { useId, useMemo, useState, type ReactNode } from 'react';
import { findCounty, searchCounties, type County, type CountyNames } from '../app/common/county-names';
import { countyProblem } from '../app/targets/target-draft';
import { zipsStartingWith } from '../data/queries/zip';
import { shareText, typedZip, zipPlaces, zipPrefix, type ZipCounty, type ZipPlace } from '../model/zip';
import { useCountyNames } from './use-county-names';
import { useQuery } from './use-query';

/** The ZIPs starting with the digits typed (three or more), with their counties; empty for other text. */
function useZipPlaces(text: string): ZipPlace[] {
  const prefix = zipPrefix(text);
  const rows = useQuery(useMemo(() => (prefix ? zipsStartingWith(prefix) : null), [prefix])).rows;
  return useMemo(() => (prefix && rows ? [...zipPlaces(rows).values()] : []), [prefix, rows]);
}

/** The ZIP typed in full, if the Census file has it. */
const exactZip = (text: string, places: readonly ZipPlace[]) => places.find((p) => p.zip === typedZip(text));

/** Under a county field holding a ZIP: the counties it lies in (the one with most of its land first), each one button away. */
function ZipHint({
  text,
  places,
  names,
  onChoose,
  testId,
}: {
  text: string;
  places: readonly ZipPlace[];
  names: CountyNames;
  onChoose: (county: ZipCounty) => void;
  testId?: string;
}) {
  const zip = typedZip(text);
  if (!zip) return null;
  const place = exactZip(text, places);
  const fips = names.get(zip);
  return (
    <div className="zip-hint" data-testid={testId ? `${testId}-zip` : undefined} role="status">
      {place ? (
        <>
          <span>
            ZIP {zip} {place.counties.length > 1 ? `spans ${place.counties.length} counties; most of its land is in the first` : 'lies in'}:
          </span>{' '}
          {place.counties.map((c) => (
            <button type="button" className="secondary small" key={c.fips} onClick={() => onChoose(c)} data-fips={c.fips}>
              {c.label} ({shareText(c.share)} of its land)
            </button>
          ))}
        </>
      ) : (
        !fips && (
          <span>
            ZIP {zip} is not among the Census 2020 ZIP Code Tabulation Areas (a PO-box-only ZIP has none): type the county’s name.
          </span>
        )
      )}
      {fips && (
        <span>
          {' '}
          {zip} is also the FIPS code of {fips.label}, which Enter uses.
        </span>
      )}
    </div>
  );
}

/**
 * The type-ahead of a county field: a datalist of counties by name and of the ZIPs starting with the
 * digits typed (each with its counties), and the hint under the field naming a typed ZIP's counties.
 */
export function useCountyTypeAhead(value: string): {
  listId: string;
  datalist: ReactNode;
  hint: (onChoose: (county: ZipCounty) => void, testId?: string) => ReactNode;
} {
  const names = useCountyNames();
  const places = useZipPlaces(value);
  const listId = useId();
  const datalist = (
    <datalist id={listId}>
      {places.flatMap((p) =>
        p.counties.map((c) => (
          <option
            key={`${p.zip}-${c.fips}`}
            value={c.label}
            label={`ZIP ${p.zip}: ${shareText(c.share)} of its land${p.counties.length > 1 && c.primary ? ', the most' : ''}`}
          />
        )),
      )}
      {searchCounties(value, names, 12).map((c) => (
        <option key={c.fips} value={c.label} />
      ))}
    </datalist>
  );
  const hint = (onChoose: (county: ZipCounty) => void, testId?: string) => (
    <ZipHint text={value} places={places} names={names} onChoose={onChoose} testId={testId} />
  );
  return { listId, datalist, hint };
}

/** A county typed by name (or found by ZIP), with type-ahead from the Census county and ZIP tables ("Kern County, CA", "93301"). */
export function CountyInput({
  label,
  value,
  onChange,
  onEnter,
  onZip,
  testId,
}: {
  label: string;
  value: string;
  onChange: (text: string) => void;
  onEnter?: () => void;
  /** A county chosen under a ZIP; by default its name fills the field. */
  onZip?: (county: ZipCounty) => void;
  testId?: string;
}) {
  const { listId, datalist, hint } = useCountyTypeAhead(value);
  return (
    <div className="county-input">
      <label>
        {label}
        <input
          type="text"
          list={listId}
          value={value}
          maxLength={120}
          autoComplete="off"
          placeholder="e.g. Kern County, CA or ZIP 93301"
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && onEnter) {
              e.preventDefault();
              onEnter();
            }
          }}
          data-testid={testId}
        />
        {datalist}
      </label>
      {hint((c) => (onZip ? onZip(c) : onChange(c.label)), testId)}
    </div>
  );
}

/** A county typed by name or ZIP and added with a button (or Enter); a ZIP's other counties stay offered. */
export function CountyPicker({ label, onPick, testId }: { label: string; onPick: (county: County) => void; testId: string }) {
  const names = useCountyNames();
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const places = useZipPlaces(text);
  const add = (county: County) => {
    onPick(county);
    setError('');
  };
  function pick() {
    if (!text.trim()) return;
    // A county's name or FIPS code first; else a ZIP: the county holding most of its land.
    const county = findCounty(text, names);
    const zipCounty = county ? undefined : exactZip(text, places)?.counties[0];
    const chosen = county ?? (zipCounty && names.get(zipCounty.fips));
    if (!chosen) return setError(countyProblem(text));
    add(chosen);
    // A ZIP spanning counties stays typed, so its other counties can be added too.
    if (!zipCounty || exactZip(text, places)!.counties.length === 1) setText('');
  }
  return (
    <div className="county-picker">
      <div className="inline-form">
        <CountyInput
          label={label}
          value={text}
          onChange={setText}
          onEnter={pick}
          onZip={(c) => {
            const county = names.get(c.fips);
            if (county) add(county);
          }}
          testId={testId}
        />
        <button type="button" className="secondary" onClick={pick} disabled={!text.trim()} data-testid={`${testId}-add`}>
          Add
        </button>
      </div>
      {error && (
        <p className="msg error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
