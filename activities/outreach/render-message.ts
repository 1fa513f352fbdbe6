/**
 * Plain-language wording for the messages journeys send. The engagement layer replaces this
 * with per-channel, per-language template files; until then the wording lives here.
 */
export type MessageTemplate = 'appointment-reminder';

export function renderMessage(template: MessageTemplate, values: Record<string, string>): string {
  switch (template) {
    case 'appointment-reminder': {
      const when = new Intl.DateTimeFormat('en-GB', {
        dateStyle: 'full',
        timeStyle: 'short',
        timeZone: values.timeZone ?? 'UTC',
      }).format(new Date(values.appointmentAt!));
      return `Reminder: you have an appointment on ${when}. If you cannot come, please let us know so we can offer the time to someone else.`;
    }
  }
}
