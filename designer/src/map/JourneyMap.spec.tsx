/** @jest-environment jsdom */
import { beforeAll, describe, expect, test } from '@jest/globals';
import { render, screen, within } from '@testing-library/react';
import { JourneyMap, type JourneyMapProps } from './JourneyMap';
import { preventiveOutreachBlueprint } from './preventive-outreach.test-support';

beforeAll(() => {
  // React Flow watches its container's size; jsdom has no ResizeObserver (nor any layout).
  globalThis.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

const settings = { reminderLeadHours: 48, outcomeCheckAfterHours: 24, escalation: { closeAfterDays: 45 } };

async function renderMap(props: Partial<JourneyMapProps> = {}) {
  render(
    <JourneyMap
      title="Preventive outreach"
      blueprint={preventiveOutreachBlueprint}
      settings={settings}
      {...props}
    />,
  );
  const map = screen.getByRole('figure', { name: 'Map of Preventive outreach' });
  // ELK's first layout in a cold process takes a few seconds.
  await within(map).findByText('Until the reminder time', {}, { timeout: 15_000 });
  return map;
}

/** A row of the text alternative beneath the canvas. */
function stageRow(map: HTMLElement, name: RegExp) {
  return within(within(map).getByRole('table')).getByRole('row', { name });
}

describe(JourneyMap.name, () => {
  test('says it is drawing the map until the layout is ready, then lists its stages beneath', async () => {
    render(<JourneyMap title="Preventive outreach" blueprint={preventiveOutreachBlueprint} />);
    expect(screen.getByRole('status').textContent).toBe('Drawing the map…');
    await screen.findByText('Until the reminder time', {}, { timeout: 15_000 });
    expect(screen.queryByRole('status')).toBeNull();

    expect(screen.getByText('Stages as a list')).toBeTruthy();
    const rowHeaders = within(screen.getByRole('table'))
      .getAllByRole('rowheader')
      .map((header) => header.textContent);
    expect(rowHeaders).toEqual([
      'Outreach',
      'Appointment booked',
      'Rebooking after a no-show',
      'Screening done (end)',
      'Patient declined (end)',
      'Closed: no response (end)',
      'Cancelled by an operator (end)',
    ]);
    // Without an overlay there are no counts to show.
    expect(screen.getAllByRole('columnheader').map((header) => header.textContent)).toEqual(['Stage']);
    expect(screen.queryByText(/here now/)).toBeNull();
  });

  test('draws every node with the word for its kind and durations from the settings, with a legend', async () => {
    const map = await renderMap();
    for (const node of preventiveOutreachBlueprint.nodes) {
      expect(within(map).getAllByText(node.label).length).toBeGreaterThan(0);
    }
    expect(within(map).getByRole('group', { name: 'Stage: Outreach' }).textContent).toContain(
      'Stage · start',
    );
    expect(within(map).getByRole('group', { name: 'Timer: Until the reminder time' }).textContent).toContain(
      '48 hours',
    );
    expect(within(map).getByRole('group', { name: 'Timer: Outreach window' }).textContent).toContain(
      '45 days',
    );
    expect(
      within(map).getByRole('group', { name: 'Staff task: Staff check how the appointment went' }),
    ).toBeTruthy();
    expect(within(map).getByRole('group', { name: 'End: Screening done' })).toBeTruthy();

    const legend = within(map).getByRole('list', { name: 'Legend' });
    expect(
      within(legend)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'Stage where a patient can be',
      'End where the journey closes',
      'Timer waits on the clock',
      'Waits for an event, with a timeout',
      'Decision takes a path by a condition',
      'Message sent to the patient',
      'Staff task work for a person, such as an escalation',
    ]);
  });

  test('draws the published escalation plan as its steps with their days, and names the stages a shared exit stands for', async () => {
    const escalation = {
      steps: [
        { afterDays: 0, action: 'message', channel: 'sms', wording: 'call-to-action' },
        { afterDays: 4, action: 'staff-call', priority: 'routine', dueWithinHours: 72 },
      ],
      closeAfterDays: 14,
    };
    render(
      <JourneyMap
        title="Preventive outreach"
        blueprint={preventiveOutreachBlueprint}
        settings={{ ...settings, escalation }}
      />,
    );
    const map = screen.getByRole('figure', { name: 'Map of Preventive outreach' });
    const firstStep = await within(map).findByRole(
      'group',
      { name: 'Message: Day 0: message (SMS)' },
      { timeout: 15_000 },
    );
    expect(firstStep.querySelector('[title]')?.getAttribute('title')).toContain('Day 0: message (SMS)');
    expect(within(map).getByRole('group', { name: 'Staff task: Day 4: staff call (routine)' })).toBeTruthy();
    expect(
      within(map).getByRole('group', { name: 'Timer: Day 14: close if nothing is booked' }),
    ).toBeTruthy();
    expect(within(map).queryByText('Message step')).toBeNull();
    expect(
      within(map).getByRole('group', { name: /^From any open stage: Outreach, Appointment booked/ }),
    ).toBeTruthy();
  });

  test('shows how many patients are at each stage, dropped off or breached, spelled out', async () => {
    const map = await renderMap({
      overlay: {
        outreach: { now: 40, droppedOff: 3, breached: 0 },
        booked: { now: 1, droppedOff: 0, breached: 2 },
      },
    });

    const outreach = within(map).getByRole('group', { name: 'Stage: Outreach' });
    expect(within(outreach).getByTitle('40 patients here now').textContent).toContain('40 here');
    expect(within(outreach).getByText('3 patients dropped off here')).toBeTruthy();
    expect(within(outreach).queryByText(/breached/)).toBeNull();
    const booked = within(map).getByRole('group', { name: 'Stage: Appointment booked' });
    expect(within(booked).getByText('1 patient here now')).toBeTruthy();
    expect(within(booked).getByText('2 patients breached a deadline here')).toBeTruthy();
    // An empty open stage says so; an empty end says nothing.
    const rebooking = within(map).getByRole('group', { name: 'Stage: Rebooking after a no-show' });
    expect(within(rebooking).getByText('0 patients here now')).toBeTruthy();
    expect(within(map).getByRole('group', { name: 'End: Screening done' }).textContent).not.toMatch(/here/);

    const cells = (name: RegExp) =>
      within(stageRow(map, name))
        .getAllByRole('cell')
        .map((cell) => cell.textContent);
    expect(cells(/^Outreach/)).toEqual(['40', '3', '0']);
    expect(cells(/^Appointment booked/)).toEqual(['1', '0', '2']);
    expect(cells(/^Screening done \(end\)/)).toEqual(['0', '0', '0']);
  });

  test("marks the patient's stage on the map and in the list", async () => {
    const map = await renderMap({ position: 'booked' });

    const booked = within(map).getByRole('group', { name: 'Stage: Appointment booked' });
    expect(within(booked).getByText('Patient is here')).toBeTruthy();
    expect(booked.querySelector('[aria-current="step"]')).not.toBeNull();
    expect(within(map).getAllByText('Patient is here')).toHaveLength(1);

    const row = stageRow(map, /^Appointment booked/);
    expect(row.textContent).toBe('Appointment booked (patient is here)');
    expect(row.getAttribute('aria-current')).toBe('step');
    expect(stageRow(map, /^Outreach/).getAttribute('aria-current')).toBeNull();
  });

  test('says why when the blueprint cannot be drawn', async () => {
    const broken = {
      ...preventiveOutreachBlueprint,
      edges: [...preventiveOutreachBlueprint.edges, { from: 'outreach', to: 'no-such-node' }],
    };
    render(<JourneyMap title="Preventive outreach" blueprint={broken} />);
    const alert = await screen.findByRole('alert', {}, { timeout: 15_000 });
    expect(alert.textContent).toMatch(/^The map could not be drawn: .*no-such-node/);
  });
});
