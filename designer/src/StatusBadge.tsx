const KNOWN = new Set(['active', 'paused', 'completed', 'cancelled', 'failed', 'terminated', 'timed-out']);

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge badge-${KNOWN.has(status) ? status : 'other'}`}>{status}</span>;
}
