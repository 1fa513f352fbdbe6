import { z } from 'zod';
import type { JourneyType } from '../journey-types';

// SKELETON: to be replaced by the journey's real contract, blueprint and settings.
export const preventiveOutreachJourneyType: JourneyType = {
  id: 'preventive-outreach',
  title: 'Preventive screening outreach',
  description: 'Not built yet.',
  workflowType: 'preventiveOutreachWorkflow',
  paramsSchema: z.object({}).strict(),
  eventSchema: z.object({ type: z.literal('noop') }).strict(),
  settingsSchema: z.object({}).strict(),
  blueprint: { start: 'enrolled', nodes: [{ id: 'enrolled', kind: 'end', label: 'Enrolled' }], edges: [] },
  sources: [],
};
