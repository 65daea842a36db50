import { useMemo } from 'react';
import { stateFigureQueries, stateFigureTables } from '../../app/map/state-figures';
import { useQuery } from '../use-query';
import { FigureTableView } from '../figure-table';

/** Every figure published for one state, each with its source and date (the report prints the same tables). */
export function StateFigures({ state }: { state: string }) {
  const q = useMemo(() => stateFigureQueries(state), [state]);
  const summaries = useQuery(q.summaries);
  const detail = useQuery(q.detail);
  const workforce = useQuery(q.workforce);
  const specialties = useQuery(q.specialties);
  const parts = [summaries, detail, workforce, specialties];
  const error = parts.find((p) => p.error)?.error;
  if (error) return <p className="msg error">{error.message}</p>;
  if (!summaries.rows || !detail.rows || !workforce.rows || !specialties.rows)
    return <p className="note">Loading the published figures…</p>;
  const tables = stateFigureTables({
    state,
    summaries: summaries.rows,
    detail: detail.rows,
    workforce: workforce.rows,
    specialties: specialties.rows,
  });
  return (
    <div data-testid="state-figures" data-query-state={parts.some((p) => p.pending) ? 'loading' : 'done'}>
      {tables.map((t) => (
        <FigureTableView key={t.id} table={t} />
      ))}
    </div>
  );
}
