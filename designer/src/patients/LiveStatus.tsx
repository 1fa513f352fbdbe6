/**
 * When the view was last read and whether the background refresh is failing; deliberately not
 * a live region, so a screen reader is not interrupted every few seconds.
 */
export function LiveStatus({ refreshedAt, refreshError }: { refreshedAt?: Date; refreshError?: string }) {
  if (refreshError) return <span className="refresh-error">Not updating: {refreshError}</span>;
  if (!refreshedAt) return null;
  return (
    <span className="muted">
      Updated <time dateTime={refreshedAt.toISOString()}>{refreshedAt.toLocaleTimeString()}</time>
    </span>
  );
}
