import { useState } from 'react';
import { nextQuarters, type TargetDraft } from '../../model/targets';
import { specialtyLabel } from '../../model/specialties';
import { targetSpecialtiesFor, US_STATES } from '../../model/workspace';
import type { Priority, Profession, RegionRef, ServiceArea } from '../../model/types';
import { useClock } from '../clock-context';

const CENSUS_REGIONS = ['Northeast', 'Midwest', 'South', 'West'];

function regionKey(r: RegionRef): string {
  switch (r.kind) {
    case 'service-area':
      return `sa:${r.id}`;
    case 'state':
      return `st:${r.state}`;
    case 'census-region':
      return `cr:${r.name}`;
    case 'hhs-region':
      return `hhs:${r.number}`;
    case 'county':
      return 'county';
    case 'site':
      return 'site';
  }
}

interface PlaceFields {
  county: string;
  siteName: string;
  siteState: string;
}

function regionFromKey(key: string, p: PlaceFields): RegionRef | string {
  if (key.startsWith('sa:')) return { kind: 'service-area', id: key.slice(3) };
  if (key.startsWith('st:')) return { kind: 'state', state: key.slice(3) };
  if (key.startsWith('cr:')) return { kind: 'census-region', name: key.slice(3) };
  if (key.startsWith('hhs:')) return { kind: 'hhs-region', number: Number(key.slice(4)) };
  if (key === 'county')
    return /^\d{5}$/.test(p.county) ? { kind: 'county', fips: p.county } : 'Region: enter a five-digit county FIPS code, e.g. 06019.';
  if (!p.siteName.trim()) return 'Site: enter the site’s name.';
  if (p.county && !/^\d{5}$/.test(p.county)) return 'Site: the county FIPS code has five digits, e.g. 06019 (or leave it empty).';
  return { kind: 'site', name: p.siteName.trim(), state: p.siteState, countyFips: p.county };
}

/** A new target's fields: due a year from `today` (the quarter four after today's). */
export function emptyDraft(areas: readonly ServiceArea[], today: string): TargetDraft {
  return {
    profession: 'physician',
    specialty: 'primary care',
    region: areas[0] ? { kind: 'service-area', id: areas[0].id } : { kind: 'state', state: 'CA' },
    hires: 1,
    dueQuarter: nextQuarters(today, 4)[3],
    priority: 'medium',
    owner: '',
    note: '',
  };
}

/** Create or edit one target; validates before handing it back. */
export function TargetForm({
  initial,
  areas,
  onSave,
  onCancel,
  title,
}: {
  initial: TargetDraft;
  areas: readonly ServiceArea[];
  onSave: (d: TargetDraft) => void;
  onCancel: () => void;
  title: string;
}) {
  const [d, setD] = useState(initial);
  const r0 = initial.region;
  const [region, setRegion] = useState(regionKey(r0));
  const [county, setCounty] = useState(r0.kind === 'county' ? r0.fips : r0.kind === 'site' ? r0.countyFips : '');
  const [siteName, setSiteName] = useState(r0.kind === 'site' ? r0.name : '');
  const [siteState, setSiteState] = useState(r0.kind === 'site' ? r0.state : 'CA');
  const [error, setError] = useState('');
  const quarters = nextQuarters(useClock().today(), 16, { includeCurrent: true });
  if (!quarters.includes(d.dueQuarter)) quarters.unshift(d.dueQuarter);
  function save() {
    const r = regionFromKey(region, { county, siteName, siteState });
    if (typeof r === 'string') return setError(r);
    if (!Number.isInteger(d.hires) || d.hires < 1 || d.hires > 10000) return setError('Hires: a whole number from 1 to 10,000.');
    onSave({ ...d, region: r, owner: d.owner.trim(), note: d.note.trim() });
  }
  return (
    <form className="card target-form" aria-label={title} data-testid="target-form" onSubmit={(e) => (e.preventDefault(), save())}>
      <h3>{title}</h3>
      <div className="form-grid">
        <label>
          Profession
          <select
            value={d.profession}
            onChange={(e) => {
              const profession = e.target.value as Profession;
              setD({ ...d, profession, specialty: targetSpecialtiesFor(profession)[0] });
            }}
            data-testid="target-profession"
          >
            <option value="physician">Physician (IMG)</option>
            <option value="mls">Medical laboratory scientist</option>
          </select>
        </label>
        <label>
          Specialty
          <select value={d.specialty} onChange={(e) => setD({ ...d, specialty: e.target.value })} data-testid="target-specialty">
            {targetSpecialtiesFor(d.profession).map((s) => (
              <option key={s} value={s}>
                {specialtyLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Region
          <select value={region} onChange={(e) => setRegion(e.target.value)} data-testid="target-region">
            {areas.map((a) => (
              <option key={a.id} value={`sa:${a.id}`}>
                Service area: {a.name}
              </option>
            ))}
            <option value="site">A site (hospital or clinic)…</option>
            <option value="county">A county (FIPS)…</option>
            {CENSUS_REGIONS.map((c) => (
              <option key={c} value={`cr:${c}`}>
                Census region: {c}
              </option>
            ))}
            {Array.from({ length: 10 }, (_, i) => (
              <option key={i} value={`hhs:${i + 1}`}>
                HHS Region {i + 1}
              </option>
            ))}
            {US_STATES.map((s) => (
              <option key={s.code} value={`st:${s.code}`}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        {region === 'site' && (
          <>
            <label>
              Site name
              <input
                type="text"
                maxLength={200}
                value={siteName}
                onChange={(e) => setSiteName(e.target.value)}
                data-testid="target-site-name"
              />
            </label>
            <label>
              Site state
              <select value={siteState} onChange={(e) => setSiteState(e.target.value)}>
                {US_STATES.map((s) => (
                  <option key={s.code} value={s.code}>
                    {s.name}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        {(region === 'county' || region === 'site') && (
          <label>
            County FIPS{region === 'site' ? ' (optional)' : ''}
            <input type="text" value={county} onChange={(e) => setCounty(e.target.value.trim())} data-testid="target-county" />
          </label>
        )}
        <label>
          Hires
          <input
            type="number"
            min={1}
            max={10000}
            step={1}
            value={d.hires}
            onChange={(e) => setD({ ...d, hires: Number(e.target.value) })}
            data-testid="target-hires"
          />
        </label>
        <label>
          Due by end of
          <select value={d.dueQuarter} onChange={(e) => setD({ ...d, dueQuarter: e.target.value })} data-testid="target-due">
            {quarters.map((q) => (
              <option key={q}>{q}</option>
            ))}
          </select>
        </label>
        <label>
          Priority
          <select value={d.priority} onChange={(e) => setD({ ...d, priority: e.target.value as Priority })}>
            <option value="high">High</option>
            <option value="medium">Medium</option>
            <option value="low">Low</option>
          </select>
        </label>
        <label>
          Owner
          <input
            type="text"
            maxLength={200}
            value={d.owner}
            onChange={(e) => setD({ ...d, owner: e.target.value })}
            data-testid="target-owner"
          />
        </label>
        <label className="wide">
          Note
          <input
            type="text"
            maxLength={2000}
            value={d.note}
            onChange={(e) => setD({ ...d, note: e.target.value })}
            data-testid="target-note"
          />
        </label>
      </div>
      {error && (
        <p className="msg error" role="alert">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" data-testid="target-save">
          Save target
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
