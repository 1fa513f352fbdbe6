import { describe, expect, test } from '@jest/globals';
import { z } from 'zod';
import { escalationPlanSchema } from '../../workflows/outreach-escalation/escalation-settings';
import { oncologyFastTrackSettings } from '../../workflows/oncology-fast-track/oncology-fast-track.settings';
import { readableIssue } from './readable-issues';
import type { JsonSchemaNode } from './settings-schema-lookup';

const settings = z
  .object({
    escalation: escalationPlanSchema(['nudge', 'reminder']).meta({ title: 'Escalation plan' }),
    schedulingUrl: z.url({ protocol: /^https$/ }).meta({ title: 'Scheduling link' }),
    label: z.string().min(1).max(10).meta({ title: 'Name in messages' }),
  })
  .strict();
const jsonSchema = z.toJSONSchema(settings, { io: 'input', unrepresentable: 'any' }) as JsonSchemaNode;

const valid = {
  escalation: {
    steps: [
      { afterDays: 0, action: 'message', channel: 'sms', wording: 'nudge', respondWithinHours: 24 },
      { afterDays: 2, action: 'staff-call', priority: 'routine', dueWithinHours: 24 },
    ],
    closeAfterDays: 14,
  },
  schedulingUrl: 'https://example.org/book',
  label: 'flu shot',
};

function sentences(draft: unknown, schema: z.ZodType = settings, json: JsonSchemaNode = jsonSchema) {
  const issues = schema.safeParse(draft).error?.issues ?? [];
  return issues.map((issue) => readableIssue(issue, json));
}

const withStep = (change: Record<string, unknown>, index = 0) => ({
  ...valid,
  escalation: {
    ...valid.escalation,
    steps: valid.escalation.steps.map((step, at) => (at === index ? { ...step, ...change } : step)),
  },
});

describe(readableIssue.name, () => {
  test('a number over its maximum names the field by its title and unit', () => {
    expect(sentences(withStep({ respondWithinHours: 400 }))).toEqual([
      'Respond within (hours) must be at most 336.',
    ]);
  });

  test('a number under its minimum, in a staff-call row, finds the title in its own branch', () => {
    expect(sentences(withStep({ dueWithinHours: 0 }, 1))).toEqual([
      'Call due within (hours) must be at least 1.',
    ]);
  });

  test('a whole number, a required field, a choice', () => {
    expect(sentences(withStep({ respondWithinHours: 1.5 }))).toEqual([
      'Respond within (hours) must be a whole number.',
    ]);
    expect(sentences({ ...valid, label: undefined })).toEqual(['Name in messages is required.']);
    expect(sentences(withStep({ channel: 'fax' }))).toEqual([
      'Channel must be one of: default, portal, email, sms, letter.',
    ]);
  });

  test('empty and too long text, and a web address', () => {
    expect(sentences({ ...valid, label: '' })).toEqual(['Name in messages cannot be empty.']);
    expect(sentences({ ...valid, label: 'a very long name' })).toEqual([
      'Name in messages must be at most 10 characters long.',
    ]);
    expect(sentences({ ...valid, schedulingUrl: 'http://example.org' })).toEqual([
      'Scheduling link must be a full web address starting with https://.',
    ]);
  });

  test('rules across fields keep the sentence their schema wrote', () => {
    expect(sentences({ ...valid, escalation: { ...valid.escalation, closeAfterDays: 1 } }).at(0)).toBe(
      'Close as unresponsive after (days) must be later than the last step.',
    );
  });

  test('an unknown setting is named', () => {
    expect(sentences({ ...valid, colour: 'red' })).toEqual([
      'The settings do not include colour; remove it.',
    ]);
  });

  test('no zod wording reaches a program manager on the oncology deadline rules', () => {
    const json = z.toJSONSchema(oncologyFastTrackSettings(), {
      io: 'input',
      unrepresentable: 'any',
    }) as JsonSchemaNode;
    const draft = {
      profiles: {
        dilo: [{ id: 'Bad Id', label: 'x', from: 'clock-start', metBy: ['clock-start'], days: 500 }],
      },
    };
    const result = sentences(draft, oncologyFastTrackSettings(), json);
    expect(result).toEqual(
      expect.arrayContaining([
        'Deadline id must be lowercase letters, digits and hyphens, starting with a letter (for example treatment-start).',
        'Deadline (calendar days) must be at most 365.',
      ]),
    );
    for (const message of result) expect(message).not.toMatch(/expected|Too big|Invalid/);
  });
});
