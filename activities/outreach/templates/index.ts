import { ApplicationFailure } from '@temporalio/activity';
import { appointmentReminderTemplates } from './appointment-reminder';
import { oncologyFastTrackTemplates } from './oncology-fast-track';
import { prediabetesCareTemplates } from './prediabetes-care';
import { preventiveOutreachTemplates } from './preventive-outreach';
import { emergencyFollowUpTemplates } from './emergency-follow-up';
import type { RenderTemplate, TemplateValues } from './template';

/** Every message any journey can send, by wording key (the keys program settings refer to). */
const templates: Record<string, RenderTemplate> = {
  ...appointmentReminderTemplates,
  ...oncologyFastTrackTemplates,
  ...prediabetesCareTemplates,
  ...preventiveOutreachTemplates,
  ...emergencyFollowUpTemplates,
};

export function renderMessage(key: string, values: TemplateValues): string {
  const render = templates[key];
  // A missing template is a deployment error: retrying cannot fix it, so fail the step loudly.
  if (!render) throw ApplicationFailure.nonRetryable(`No message template "${key}".`, 'UnknownTemplate');
  return render(values);
}
