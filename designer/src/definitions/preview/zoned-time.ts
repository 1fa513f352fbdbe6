/** "Fri 6 Mar 2026, 10:00": a time as the patient reads it, in their zone (the page names the zone once). */
export function zonedTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(new Date(iso));
}
