import { Suspense, useEffect, useState, type ReactNode } from 'react';
import { ErrorBoundary } from './error-boundary';

export interface Tab {
  id: string;
  label: string;
  render: () => ReactNode;
}

/** "#pipeline" and "#pipeline/…" (a screen's own place, e.g. one candidate) both open the pipeline screen. */
const fromHash = (tabs: Tab[]) => tabs.find((t) => `#${t.id}` === location.hash || location.hash.startsWith(`#${t.id}/`))?.id ?? tabs[0].id;

/**
 * Screens as tabs; the open tab is in the URL hash so links and reloads keep it (a screen may add its
 * own place after a slash). `banner`: shown above every screen.
 */
export function Tabs({ tabs, banner }: { tabs: Tab[]; banner?: (open: string) => ReactNode }) {
  const [open, setOpen] = useState(() => fromHash(tabs));
  useEffect(() => {
    const onHash = () => setOpen(fromHash(tabs));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [tabs]);
  const go = (id: string) => {
    setOpen(id);
    history.replaceState(null, '', `${location.pathname}${location.search}#${id}`);
  };
  const current = tabs.find((t) => t.id === open) ?? tabs[0];
  return (
    <>
      <nav className="tabs" aria-label="Screens">
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            className={t.id === current.id ? 'tab active' : 'tab'}
            aria-current={t.id === current.id ? 'page' : undefined}
            data-tab={t.id}
            onClick={() => go(t.id)}
          >
            {t.label}
          </button>
        ))}
      </nav>
      <main className="app-main" id={`screen-${current.id}`}>
        {banner?.(current.id)}
        <ErrorBoundary key={current.id}>
          <Suspense fallback={<p className="note">Loading…</p>}>{current.render()}</Suspense>
        </ErrorBoundary>
      </main>
    </>
  );
}
