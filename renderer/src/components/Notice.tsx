import type { ReactNode } from 'react';

/** A message box: errors are announced to screen readers at once. */
export function Notice({ kind, title, children }: { kind: 'error' | 'info' | 'warning'; title?: string; children: ReactNode }) {
  return (
    <div className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {title && <p className="notice-title">{title}</p>}
      <div>{children}</div>
    </div>
  );
}
