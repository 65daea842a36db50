import { useState } from 'react';
import { countyLabel } from '../../app/common/county-names';
import type { AreaValue } from '../../data/queries/shortage';
import type { MapView } from '../../model/map-view';
import { addToServiceArea, parseAreaCodes } from '../../model/service-areas';
import type { ServiceArea } from '../../model/types';
import { stateByCode } from '../../model/workspace';
import { countOf } from '../../model/format';
import { CountyPicker } from '../county-input';
import { useCountyNames } from '../use-county-names';

/** The map's own ways to add: the selected area, or every area in the filtered table. */
function MapAdd({ view, rows, add }: { view: MapView; rows: AreaValue[]; add: (geos: string[]) => void }) {
  const selectedName = rows.find((r) => r.geo === view.selected)?.name;
  return (
    <div className="button-row">
      <button
        type="button"
        className="secondary"
        disabled={!view.selected}
        onClick={() => add([view.selected])}
        data-testid="service-area-add-selected"
      >
        Add {selectedName ?? `the selected ${view.level}`}
      </button>
      <button
        type="button"
        className="secondary"
        disabled={!rows.length}
        onClick={() => add(rows.map((r) => r.geo))}
        data-testid="service-area-add-all"
      >
        Add all {rows.length} in the table
      </button>
    </div>
  );
}

/** "06019, 06107 NV": adds counties and whole states by code; a bad code is named and nothing is added. */
function CodeEntry({ onAdd }: { onAdd: (codes: { counties: string[]; states: string[] }) => void }) {
  const [codes, setCodes] = useState('');
  const [codeError, setCodeError] = useState('');
  function addList() {
    const parsed = parseAreaCodes(codes);
    if (!parsed.ok) return setCodeError(parsed.message);
    onAdd(parsed);
    setCodes('');
    setCodeError('');
  }
  return (
    <details className="more-ways">
      <summary>Add whole states or a list of codes</summary>
      <div className="inline-form">
        <label>
          State codes or county FIPS codes (e.g. NV, 06019, 06107)
          <input
            type="text"
            value={codes}
            maxLength={20000}
            onChange={(e) => setCodes(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && addList()}
            data-testid="service-area-codes"
          />
        </label>
        <button type="button" className="secondary" onClick={addList} disabled={!codes.trim()} data-testid="service-area-add-codes">
          Add
        </button>
      </div>
      {codeError && (
        <p className="msg error" role="alert">
          {codeError}
        </p>
      )}
    </details>
  );
}

/** "1 whole state (NV), 12 counties", leaving out what it has none of. */
function memberCounts(area: ServiceArea): string {
  const parts = [
    ...(area.states.length ? [`${countOf(area.states.length, 'whole state')} (${area.states.join(', ')})`] : []),
    ...(area.counties.length ? [countOf(area.counties.length, 'county', 'counties')] : []),
  ];
  return parts.length ? parts.join(', ') : 'no counties or states yet';
}

/** Counties and whole states of one service area: added by name (or code, or from the map), listed by name, removable. */
export function ServiceAreaEditor({
  area,
  onChange,
  map,
}: {
  area: ServiceArea;
  onChange: (a: ServiceArea) => void;
  map?: { view: MapView; rows: AreaValue[] };
}) {
  const names = useCountyNames();
  const addGeos = (geos: string[]) => {
    const states = (map?.rows ?? []).filter((r) => geos.includes(r.geo) && r.geo.length === 2).map((r) => r.state);
    onChange(addToServiceArea(area, { counties: geos.filter((g) => g.length === 5), states }));
  };
  const members = [
    ...area.states.map((s) => ({
      key: s,
      label: stateByCode(s)?.name ?? s,
      without: { ...area, states: area.states.filter((x) => x !== s) },
    })),
    ...area.counties.map((c) => ({
      key: c,
      label: countyLabel(c, names),
      without: { ...area, counties: area.counties.filter((x) => x !== c) },
    })),
  ];
  return (
    <>
      <CountyPicker
        label="Add a county by name"
        onPick={(c) => onChange(addToServiceArea(area, { counties: [c.fips] }))}
        testId="service-area-county"
      />
      {map && <MapAdd view={map.view} rows={map.rows} add={addGeos} />}
      <CodeEntry onAdd={(codes) => onChange(addToServiceArea(area, codes))} />
      <p className="note" data-testid="service-area-summary">
        {area.name}: {memberCounts(area)}.{map ? ' Outlined on the map.' : ''}
      </p>
      {members.length > 0 && (
        <ul className="chips" aria-label={`Counties and states in ${area.name}`} data-testid="service-area-members">
          {members.map((m) => (
            <li key={m.key} className="chip">
              {m.label}
              <button
                type="button"
                className="chip-remove"
                onClick={() => onChange(m.without)}
                aria-label={`Remove ${m.label} from ${area.name}`}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {members.length > 1 && (
        <button type="button" className="secondary" onClick={() => onChange({ ...area, counties: [], states: [] })}>
          Clear {area.name}
        </button>
      )}
    </>
  );
}
