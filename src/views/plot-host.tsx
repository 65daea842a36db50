import { useEffect, useRef } from 'react';
import { useWidth } from './use-width';

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

/**
 * A chart drawn to the width it has, at most `maxWidth`, and drawn again when that changes. A chart
 * drawn wider and scaled down to a phone's width would shrink its text below reading size.
 */
export function FittedPlot({ make, deps, maxWidth }: { make: (width: number) => Element; deps: unknown[]; maxWidth: number }) {
  const box = useRef<HTMLDivElement>(null);
  const width = Math.min(useWidth(box, maxWidth), maxWidth);
  return (
    <div ref={box} className="fitted-plot">
      <PlotHost make={() => make(width)} deps={[...deps, width]} />
    </div>
  );
}
