import { useSyncExternalStore, type ReactNode } from 'react';

const PHONE = '(max-width: 700px)';

function usePhoneWidth(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const query = matchMedia(PHONE);
      query.addEventListener('change', onChange);
      return () => query.removeEventListener('change', onChange);
    },
    () => matchMedia(PHONE).matches,
  );
}

/** On a phone the content folds away under its title (closed until opened); wider, it is simply shown. */
export function FoldOnPhone({ title, children }: { title: string; children: ReactNode }) {
  if (!usePhoneWidth()) return <>{children}</>;
  return (
    <details className="filters-fold" data-testid="fold">
      <summary>{title}</summary>
      <div className="fold-body">{children}</div>
    </details>
  );
}
