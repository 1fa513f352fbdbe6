/**
 * The fact naming the EHR events a journey has received but keeps until the step they follow
 * (comma-separated event types; null when none): the journey's page lists them among its alerts.
 * Its own module, free of the Temporal SDK, so the designer can import it.
 */
export const HELD_EVENTS_FACT = 'heldEvents';
