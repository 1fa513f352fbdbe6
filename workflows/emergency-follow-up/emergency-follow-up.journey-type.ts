import { z } from 'zod';
import type { JourneyType } from '../journey-types';

// SKELETON: to be replaced by the journey's real contract, blueprint and settings.
export const emergencyFollowUpJourneyType: JourneyType = {
  id: 'emergency-follow-up',
  title: 'Emergency visit follow-up',
  description: 'Not built yet.',
  workflowType: 'emergencyFollowUpWorkflow',
  paramsSchema: z.object({}).strict(),
  eventSchema: z.object({ type: z.literal('noop') }).strict(),
  settingsSchema: z.object({}).strict(),
  blueprint: { start: 'enrolled', nodes: [{ id: 'enrolled', kind: 'end', label: 'Enrolled' }], edges: [] },
  sources: [],
};
