import { describe, expect, test } from '@jest/globals';
import { expandEscalationPlans } from './expand-escalation-plans';
import { preventiveOutreachBlueprint } from './preventive-outreach.test-support';

const escalation = {
  steps: [
    { afterDays: 0, action: 'message', channel: 'sms', wording: 'call-to-action' },
    { afterDays: 4, action: 'staff-call', priority: 'routine', dueWithinHours: 72 },
  ],
  closeAfterDays: 14,
};

describe(expandEscalationPlans.name, () => {
  const expanded = expandEscalationPlans(preventiveOutreachBlueprint, { escalation });
  const labelOf = (id: string) => expanded.nodes.find((node) => node.id === id)?.label;

  test("the plan's steps with their days replace the generic loop", () => {
    expect(['escalation:step-1', 'escalation:step-2', 'escalation:close'].map(labelOf)).toEqual([
      'Day 0: message (SMS)',
      'Day 4: staff call (routine)',
      'Day 14: close if nothing is booked',
    ]);
    expect(expanded.nodes.map((node) => node.id)).not.toContain('outreach-cadence');
    expect(expanded.nodes.map((node) => node.id)).not.toContain('outreach-window');
  });

  test('the stage leads into the first step, the steps follow each other, and the close leads out', () => {
    const edges = expanded.edges.map(({ from, to, label }) => `${from} -> ${to}${label ? `: ${label}` : ''}`);
    expect(edges).toEqual(
      expect.arrayContaining([
        'outreach -> escalation:step-1',
        'escalation:step-1 -> escalation:step-2: after 4 more days',
        'escalation:step-2 -> escalation:close: after 10 more days',
        'escalation:close -> unresponsive: nothing booked in the window',
      ]),
    );
    expect(edges.some((edge) => edge.includes('outreach-cadence'))).toBe(false);
  });

  test('a plan the settings do not hold, or no settings, leave the generic loop as it is', () => {
    expect(expandEscalationPlans(preventiveOutreachBlueprint, undefined)).toBe(preventiveOutreachBlueprint);
    expect(expandEscalationPlans(preventiveOutreachBlueprint, { escalation: { closeAfterDays: 3 } })).toEqual(
      preventiveOutreachBlueprint,
    );
  });
});
