import { useState } from 'react';
import {
  addTarget,
  deleteTarget,
  duplicateTarget,
  filterTargets,
  sortTargets,
  undoDeleteTarget,
  updateTarget,
  type DeletedTarget,
  type TargetDraft,
  type TargetSortField,
} from '../../model/targets';
import type { Target } from '../../model/types';
import { useWorkspace } from '../workspace-context';
import { TargetForm, emptyDraft } from './target-form';
import { professionLabel, regionLabel } from '../../app/labels';
import { specialtyLabel } from '../../model/specialties';
import { useClock } from '../clock-context';
import { Suggestions } from './suggestions';
import { DiversityTargets } from './diversity-targets';
import { WorkspaceFile } from '../workspace-file';
import { downloadCsv } from '../download';

type Editing = { kind: 'new' } | { kind: 'edit'; target: Target } | null;

export function TargetsScreen() {
  const { workspace, update, saveState, saveError } = useWorkspace();
  const [editing, setEditing] = useState<Editing>(null);
  const [undo, setUndo] = useState<DeletedTarget | null>(null);
  const [sort, setSort] = useState<{ by: TargetSortField; direction: 'asc' | 'desc' }>({ by: 'dueQuarter', direction: 'asc' });
  const [filter, setFilter] = useState('');
  const areas = workspace.serviceAreas;
  const today = useClock().today();

  const save = (draft: TargetDraft) => {
    update((ws) => ({
      ...ws,
      targets: editing?.kind === 'edit' ? updateTarget(ws.targets, editing.target.id, draft) : addTarget(ws.targets, draft).targets,
    }));
    setEditing(null);
  };
  const remove = (id: string) =>
    update((ws) => {
      const r = deleteTarget({ targets: ws.targets, diversityTargets: ws.diversityTargets }, id);
      if (!r) return ws;
      setUndo(r.undo);
      return { ...ws, ...r.lists };
    });
  const restore = () => {
    if (!undo) return;
    update((ws) => ({ ...ws, ...undoDeleteTarget({ targets: ws.targets, diversityTargets: ws.diversityTargets }, undo) }));
    setUndo(null);
  };
  const shown = filterTargets(sortTargets(workspace.targets, sort), {
    text: filter,
    shownAs: (t) => [professionLabel(t), specialtyLabel(t.specialty), regionLabel(t.region, areas)],
  });
  const sortButton = (by: TargetSortField, label: string) => (
    <th scope="col" aria-sort={sort.by === by ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button
        type="button"
        className="sort"
        onClick={() => setSort({ by, direction: sort.by === by && sort.direction === 'asc' ? 'desc' : 'asc' })}
      >
        {label}
      </button>
    </th>
  );
  const columns = ['Profession', 'Specialty', 'Region', 'Hires', 'Due', 'Priority', 'Owner', 'Note'];
  const cells = (t: Target) => [
    professionLabel(t),
    specialtyLabel(t.specialty),
    regionLabel(t.region, areas),
    t.hires,
    t.dueQuarter,
    t.priority,
    t.owner,
    t.note,
  ];

  return (
    <div className="targets-screen">
      <p className={`save-state ${saveState}`} data-testid="save-state" role="status">
        {saveState === 'saved' &&
          `Saved in this browser${workspace.savedAt ? ` at ${new Date(workspace.savedAt).toLocaleTimeString()}` : ''}.`}
        {saveState === 'saving' && 'Saving…'}
        {saveState === 'error' && (saveError ?? 'Not saved.')}
      </p>
      <Suggestions onAccept={(draft) => update((ws) => ({ ...ws, targets: addTarget(ws.targets, draft).targets }))} />
      <section className="card" aria-labelledby="targets-title">
        <div className="card-head">
          <h2 id="targets-title">Recruitment targets ({workspace.targets.length})</h2>
          <div className="button-row">
            <label className="inline">
              Filter <input type="text" value={filter} onChange={(e) => setFilter(e.target.value)} data-testid="targets-filter" />
            </label>
            <button type="button" onClick={() => setEditing({ kind: 'new' })} data-testid="target-new">
              New target
            </button>
            <button
              type="button"
              className="secondary"
              disabled={!shown.length}
              onClick={() => downloadCsv('targets.csv', columns, shown.map(cells))}
              data-testid="targets-csv"
            >
              Export CSV
            </button>
          </div>
        </div>
        {undo && (
          <p className="msg ok" role="status">
            Target deleted.{' '}
            <button type="button" className="link" onClick={restore} data-testid="target-undo">
              Undo
            </button>
          </p>
        )}
        {editing && (
          <TargetForm
            key={editing.kind === 'edit' ? editing.target.id : 'new'}
            title={editing.kind === 'edit' ? 'Edit target' : 'New target'}
            initial={editing.kind === 'edit' ? editing.target : emptyDraft(areas, today)}
            areas={areas}
            onSave={save}
            onCancel={() => setEditing(null)}
          />
        )}
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="targets-title">
          <table data-testid="targets-table">
            <thead>
              <tr>
                {sortButton('profession', 'Profession')}
                {sortButton('specialty', 'Specialty')}
                <th scope="col">Region</th>
                {sortButton('hires', 'Hires')}
                {sortButton('dueQuarter', 'Due')}
                {sortButton('priority', 'Priority')}
                {sortButton('owner', 'Owner')}
                <th scope="col">Note</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((t) => (
                <tr key={t.id} data-target={t.id}>
                  {cells(t).map((c, i) => (
                    <td key={i} className={i === 3 ? 'num' : ''}>
                      {c}
                    </td>
                  ))}
                  <td className="actions">
                    <button type="button" className="link" onClick={() => setEditing({ kind: 'edit', target: t })}>
                      Edit
                    </button>{' '}
                    <button
                      type="button"
                      className="link"
                      onClick={() => update((ws) => ({ ...ws, targets: duplicateTarget(ws.targets, t.id)?.targets ?? ws.targets }))}
                    >
                      Duplicate
                    </button>{' '}
                    <button type="button" className="link" onClick={() => remove(t.id)} data-testid="target-delete">
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
              {!shown.length && (
                <tr>
                  <td colSpan={9} className="note">
                    No targets yet. Accept a suggestion above or add one with “New target”.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      </section>
      <DiversityTargets />
      <WorkspaceFile />
    </div>
  );
}
