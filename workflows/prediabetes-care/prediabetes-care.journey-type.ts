import { z } from 'zod';
import type { JourneyType } from '../journey-types';

// SKELETON: to be replaced by the journey's real contract, blueprint and settings.
export const prediabetesCareJourneyType: JourneyType = {
  id: 'prediabetes-care',
  title: 'Prediabetes care',
  description: 'Not built yet.',
  workflowType: 'prediabetesCareWorkflow',
  paramsSchema: z.object({}).strict(),
  eventSchema: z.object({ type: z.literal('noop') }).strict(),
  settingsSchema: z.object({}).strict(),
  blueprint: { start: 'enrolled', nodes: [{ id: 'enrolled', kind: 'end', label: 'Enrolled' }], edges: [] },
  sources: [],
};
