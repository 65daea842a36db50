import { useEffect, useRef } from 'react';

/** Mounts a chart element made by a pure chart function. */
export function PlotHost({ make, deps }: { make: () => Element; deps: unknown[] }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    host.current?.replaceChildren(make());
    // The caller lists what the chart depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return <div className="plot-host" ref={host} />;
}
