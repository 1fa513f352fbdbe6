import type { ReactNode } from 'react';

interface NoticeProps {
  tone: 'loading' | 'empty' | 'error';
  children: ReactNode;
  onRetry?: () => void;
}

/** The loading, empty and error states every data view shares. */
export function Notice({ tone, children, onRetry }: NoticeProps) {
  return (
    <div className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <span>{children}</span>
      {onRetry && (
        <button type="button" className="button-secondary" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}
