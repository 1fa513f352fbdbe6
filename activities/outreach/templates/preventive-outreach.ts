import type { TemplateSet } from './template';

// SKELETON: the journey's message templates, keyed by wording key.
export const preventiveOutreachTemplates: TemplateSet<string> = {};
