import { useState } from 'react';
import { NumberInput } from '../number-input';
import { checkedDraft, placeFields, regionChoice, regionFromChoice, type PlaceFields } from '../../app/targets/target-draft';
import { nextQuarters, type TargetDraft } from '../../model/targets';
import { specialtyLabel } from '../../model/specialties';
import { targetSpecialtiesFor, US_STATES } from '../../model/workspace';
import { CENSUS_REGIONS, HHS_REGIONS } from '../../model/us-regions';
import type { Priority, Profession, ServiceArea } from '../../model/types';
import { useClock } from '../clock-context';
import { CountyInput } from '../county-input';
import { useCountyNames } from '../use-county-names';
import { TargetContext } from './target-context';
import { SaveOrCancel } from '../save-or-cancel';

/** Where the target is: one list of every kind of region, and the fields a county or site needs. */
function RegionFields({
  areas,
  choice,
  onChoice,
  place,
  onPlace,
}: {
  areas: readonly ServiceArea[];
  choice: string;
  onChoice: (c: string) => void;
  place: PlaceFields;
  onPlace: (p: PlaceFields) => void;
}) {
  return (
    <>
      <label>
        Region
        <select value={choice} onChange={(e) => onChoice(e.target.value)} data-testid="target-region">
          {areas.map((a) => (
            <option key={a.id} value={`sa:${a.id}`}>
              Service area: {a.name}
            </option>
          ))}
          <option value="site">A site (hospital or clinic)…</option>
          <option value="county">A county…</option>
          {CENSUS_REGIONS.map((c) => (
            <option key={c} value={`cr:${c}`}>
              Census region: {c}
            </option>
          ))}
          {HHS_REGIONS.map((n) => (
            <option key={n} value={`hhs:${n}`}>
              HHS Region {n}
            </option>
          ))}
          {US_STATES.map((s) => (
            <option key={s.code} value={`st:${s.code}`}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      {choice === 'site' && (
        <>
          <label>
            Site name
            <input
              type="text"
              maxLength={200}
              value={place.siteName}
              onChange={(e) => onPlace({ ...place, siteName: e.target.value })}
              data-testid="target-site-name"
            />
          </label>
          <label>
            Site state (when no county is given)
            <select value={place.siteState} onChange={(e) => onPlace({ ...place, siteState: e.target.value })}>
              {US_STATES.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
      {(choice === 'county' || choice === 'site') && (
        <CountyInput
          label={choice === 'site' ? 'Site county (optional)' : 'County'}
          value={place.county}
          onChange={(county) => onPlace({ ...place, county })}
          testId="target-county"
        />
      )}
    </>
  );
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
  const [choice, setChoice] = useState(regionChoice(initial.region));
  const names = useCountyNames();
  const [place, setPlace] = useState(() => placeFields(initial.region, names));
  const [error, setError] = useState('');
  const quarters = nextQuarters(useClock().today(), 16, { includeCurrent: true });
  if (!quarters.includes(d.dueQuarter)) quarters.unshift(d.dueQuarter);
  // The region chosen so far (null while its fields are incomplete): its published figures show beside the form.
  const chosen = regionFromChoice(choice, place, names);
  const region = typeof chosen === 'string' ? null : chosen;
  function save() {
    const checked = checkedDraft(d, choice, place, names);
    if (typeof checked === 'string') setError(checked);
    else onSave(checked);
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
        <RegionFields areas={areas} choice={choice} onChoice={setChoice} place={place} onPlace={setPlace} />
        <label>
          Hires
          <NumberInput
            min={1}
            max={10000}
            step={1}
            value={d.hires}
            onChange={(hires) => setD({ ...d, hires })}
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
      <TargetContext profession={d.profession} specialty={d.specialty} region={region} areas={areas} />
      {error && (
        <p className="msg error" role="alert">
          {error}
        </p>
      )}
      <SaveOrCancel label="Save target" testId="target-save" onCancel={onCancel} />
    </form>
  );
}
