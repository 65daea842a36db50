import { useMemo } from 'react';
import { METRICS, STATUS_OPTIONS, type MapView, type Metric } from '../../model/map-view';
import { filterOptions, specialtyOptions } from '../../data/queries/shortage';
import { regionFilterOptions } from '../../app/map-filters';
import { useQuery } from '../use-query';
import { FoldOnPhone } from '../fold-on-phone';

type SetField = <K extends keyof MapView>(k: K, v: MapView[K]) => void;

/** State, Census region and division, HHS region: what the loaded states table offers. */
function RegionFilters({ view, onChange, set }: { view: MapView; onChange: (v: MapView) => void; set: SetField }) {
  const states = useQuery(useMemo(filterOptions, [])).rows ?? [];
  const options = regionFilterOptions(states, view.censusRegion);
  return (
    <>
      <h2>Region</h2>
      <label>
        State
        <select
          data-testid="filter-state"
          value={view.states[0] ?? ''}
          onChange={(e) => set('states', e.target.value ? [e.target.value] : [])}
        >
          <option value="">All states</option>
          {states.map((s) => (
            <option key={s.state} value={s.state}>
              {s.state_name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Census region
        <select
          data-testid="filter-region"
          value={view.censusRegion}
          onChange={(e) => onChange({ ...view, censusRegion: e.target.value, censusDivision: '' })}
        >
          <option value="">All</option>
          {options.censusRegions.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
      </label>
      <label>
        Census division
        <select data-testid="filter-division" value={view.censusDivision} onChange={(e) => set('censusDivision', e.target.value)}>
          <option value="">All</option>
          {options.censusDivisions.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
      </label>
      <label>
        HHS region
        <select data-testid="filter-hhs" value={view.hhsRegion} onChange={(e) => set('hhsRegion', e.target.value)}>
          <option value="">All</option>
          {options.hhsRegions.map((r) => (
            <option key={r} value={String(r)}>
              Region {r}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}

/** Rurality, status and type of the HPSA designations counted. */
function DesignationFilters({ view, set }: { view: MapView; set: SetField }) {
  return (
    <>
      <label>
        Rural or metro county (USDA RUCC 2023)
        <select data-testid="filter-rural" value={view.rural} onChange={(e) => set('rural', e.target.value as MapView['rural'])}>
          <option value="all">All counties</option>
          <option value="rural">Rural (nonmetro)</option>
          <option value="metro">Metro</option>
        </select>
      </label>
      <h2>Designations</h2>
      <fieldset>
        <legend>Status</legend>
        {STATUS_OPTIONS.map((s) => (
          <label key={s} className="checkbox">
            <input
              type="checkbox"
              checked={view.statuses.includes(s)}
              onChange={(e) => set('statuses', e.target.checked ? [...view.statuses, s] : view.statuses.filter((x) => x !== s))}
            />{' '}
            {s}
          </label>
        ))}
      </fieldset>
      <label>
        Type
        <select
          data-testid="filter-type"
          value={view.designationClass}
          onChange={(e) => set('designationClass', e.target.value as MapView['designationClass'])}
        >
          <option value="all">All designations</option>
          <option value="area">Geographic and population HPSAs</option>
          <option value="facility">Facility HPSAs (health centers, clinics, prisons)</option>
        </select>
      </label>
    </>
  );
}

export function MapFilters({ view, onChange }: { view: MapView; onChange: (v: MapView) => void }) {
  const specialties = useQuery(useMemo(specialtyOptions, [])).rows ?? [];
  const set: SetField = (k, v) => onChange({ ...view, [k]: v, selected: k === 'selected' ? (v as string) : view.selected });
  const hpsaMetric = METRICS[view.metric].hpsa;

  return (
    <form className="filters card" aria-label="Map filters" onSubmit={(e) => e.preventDefault()}>
      <FoldOnPhone title="View and filters">
        <h2>View</h2>
        <fieldset>
          <legend>Level</legend>
          {(['county', 'state'] as const).map((l) => (
            <label key={l} className="radio">
              <input type="radio" name="level" value={l} checked={view.level === l} onChange={() => set('level', l)} />{' '}
              {l === 'county' ? 'Counties' : 'States'}
            </label>
          ))}
        </fieldset>
        <label>
          Colour by
          <select data-testid="filter-metric" value={view.metric} onChange={(e) => set('metric', e.target.value as Metric)}>
            {(Object.keys(METRICS) as Metric[])
              .filter((m) => (METRICS[m].levels as readonly string[]).includes(view.level))
              .map((m) => (
                <option key={m} value={m}>
                  {METRICS[m].label}
                </option>
              ))}
          </select>
        </label>
        {hpsaMetric ? (
          <label>
            Discipline
            <select
              data-testid="filter-discipline"
              value={view.discipline}
              onChange={(e) => set('discipline', e.target.value as MapView['discipline'])}
            >
              <option>Primary Care</option>
              <option>Mental Health</option>
              <option>Dental Health</option>
            </select>
          </label>
        ) : (
          view.metric === 'specialty_gap' && (
            <label>
              Specialty
              <select data-testid="filter-specialty" value={view.specialty} onChange={(e) => set('specialty', e.target.value)}>
                {specialties.map((s) => (
                  <option key={s.specialty}>{s.specialty}</option>
                ))}
              </select>
            </label>
          )
        )}
        <RegionFilters view={view} onChange={onChange} set={set} />
        {hpsaMetric && <DesignationFilters view={view} set={set} />}
      </FoldOnPhone>
    </form>
  );
}
