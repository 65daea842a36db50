// The last report downloaded or printed in this session, for the plan strip's Share step: done while
// the plan is the one the report was made from — the same workspace (each edit makes a new one), the
// same forecast and the same datasets.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { SharedReport } from '../../app/plan/plan';
import { useAtlas } from '../atlas-context';
import { useClock } from '../clock-context';
import { useLiveForecast } from '../live-forecast-context';
import { useWorkspace } from '../workspace-context';

interface Made {
  at: Date;
  from: readonly unknown[];
}

const SharedReportContext = createContext<{ made: Made | null; record: (made: Made) => void } | null>(null);

export function SharedReportProvider({ children }: { children: ReactNode }) {
  const [made, record] = useState<Made | null>(null);
  const value = useMemo(() => ({ made, record }), [made]);
  return <SharedReportContext.Provider value={value}>{children}</SharedReportContext.Provider>;
}

/** What a report is made from, compared by identity (the forecast by the workspace state it was run on). */
function useReportSources(): readonly unknown[] {
  const { datasets } = useAtlas();
  const { workspace } = useWorkspace();
  const live = useLiveForecast();
  const forecastKey = live.kind === 'current' ? live.forecast.key : null;
  return useMemo(() => [workspace, forecastKey, datasets], [workspace, forecastKey, datasets]);
}

const hoursAndMinutes = (d: Date) => `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;

/** The Share step's record; null before the first download or print. */
export function useSharedReport(): SharedReport | null {
  const made = useContext(SharedReportContext)?.made;
  const sources = useReportSources();
  if (!made) return null;
  return { at: hoursAndMinutes(made.at), current: made.from.every((x, i) => x === sources[i]) };
}

/** Records a download or print of the report made from the plan as it is now. */
export function useRecordShared(): () => void {
  const record = useContext(SharedReportContext)?.record;
  const sources = useReportSources();
  const clock = useClock();
  return useCallback(() => record?.({ at: clock.now(), from: sources }), [record, sources, clock]);
}
