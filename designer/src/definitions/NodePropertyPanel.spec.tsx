/** @jest-environment jsdom */
import { describe, expect, test } from '@jest/globals';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import screeningBooking from '../../../contracts/journey-definitions/examples/screening-booking.json';
import {
  journeyDefinitionSchema,
  type JourneyDefinition,
} from '../../../contracts/journey-definitions/definition-schema';
import { addNode } from './definition-edits';
import { NodePropertyPanel } from './NodePropertyPanel';
import { FormContext } from './schema-form/form-context';

const example = (): JourneyDefinition =>
  journeyDefinitionSchema.parse(JSON.parse(JSON.stringify(screeningBooking)));

/** The panel of one node over a draft kept in state, as the editor keeps it; `latest()` reads it. */
function renderPanel(start: JourneyDefinition, nodeId: string) {
  let latest = start;
  function Harness() {
    const [definition, setDefinition] = useState(start);
    const [selected, setSelected] = useState<string | undefined>(nodeId);
    latest = definition;
    const node = definition.nodes.find((candidate) => candidate.id === selected);
    if (!node) return <p>Nothing selected.</p>;
    return (
      <FormContext.Provider
        value={{
          nodes: definition.nodes,
          stages: definition.stages,
          events: definition.events,
          languages: definition.languages,
        }}
      >
        <NodePropertyPanel
          node={node}
          isStart={definition.start === node.id}
          onEdit={(edit) => setDefinition(edit)}
          onSelect={setSelected}
        />
      </FormContext.Provider>
    );
  }
  render(<Harness />);
  return {
    user: userEvent.setup(),
    latest: () => latest,
    node: () => latest.nodes.find((node) => node.id === nodeId)!,
  };
}

describe(NodePropertyPanel.name, () => {
  test('a wait is a form made from its schema: titled fields, its timeout added as a duration or a setting', async () => {
    const { user, node } = renderPanel(example(), 'wait-booking');
    const panel = screen.getByRole('region', { name: 'Properties of Wait for a booking' });
    expect((within(panel).getByLabelText('Label') as HTMLInputElement).value).toBe('Wait for a booking');
    // The stage is a choice of the journey's stages; the event a choice of its declared events.
    expect(within(panel).getByRole('combobox', { name: 'Stage' })).toBeTruthy();
    const events = within(panel).getByRole('group', { name: 'Events that end the wait' });
    expect((within(events).getByRole('combobox', { name: 'Event type' }) as HTMLSelectElement).value).toBe(
      'appointment-booked',
    );
    // No field for the kind or the map position: those are the palette's and the map's.
    expect(within(panel).queryByLabelText(/kind|position/i)).toBeNull();

    const timeout = within(panel).getByRole('group', { name: 'Timeout (required)' });
    expect(
      (within(timeout).getByRole('textbox', { name: 'Program setting' }) as HTMLInputElement).value,
    ).toBe('bookingWindow');
    await user.selectOptions(
      within(timeout).getByRole('combobox', { name: 'Duration or setting: given as' }),
      'Duration',
    );
    await user.clear(within(timeout).getByRole('spinbutton', { name: 'Amount' }));
    await user.type(within(timeout).getByRole('spinbutton', { name: 'Amount' }), '3');
    await user.selectOptions(within(timeout).getByRole('combobox', { name: 'Unit' }), 'weeks');
    expect(node()).toMatchObject({ timeout: { after: { amount: 3, unit: 'weeks' }, next: 'booked-yet' } });

    // Switching to a deadline keeps where the timeout goes.
    await user.selectOptions(
      within(timeout).getByRole('combobox', { name: 'Timeout (required): given as' }),
      '1',
    );
    expect(node()).toMatchObject({ timeout: { deadline: { count: 'calendar' }, next: 'booked-yet' } });

    await user.click(within(panel).getByRole('button', { name: 'Remove timeout (required)' }));
    expect(node()).not.toHaveProperty('timeout');
    await user.click(within(panel).getByRole('button', { name: 'Add timeout (required)' }));
    expect(node()).toHaveProperty('timeout');
  });

  test('[HZ-54] a wait timed from a fact offers where to go when that time has already passed, as a choice of nodes', async () => {
    const { user, node } = renderPanel(example(), 'wait-booking');
    const panel = screen.getByRole('region', { name: 'Properties of Wait for a booking' });
    const timeout = within(panel).getByRole('group', { name: 'Timeout (required)' });
    await user.selectOptions(
      within(timeout).getByRole('combobox', { name: 'Timeout (required): given as' }),
      '2',
    );
    expect(node()).toMatchObject({ timeout: { next: 'booked-yet' } });
    // Optional, so added on purpose: the validator asks for it on a time before a fact.
    await user.click(
      within(timeout).getByRole('button', {
        name: 'Add when that time has already passed on arrival, go to',
      }),
    );
    await user.selectOptions(
      within(timeout).getByRole('combobox', { name: 'When that time has already passed on arrival, go to' }),
      'call-patient',
    );
    expect(node()).toMatchObject({ timeout: { next: 'booked-yet', whenPassed: 'call-patient' } });
  });

  test("a message's wording is edited in the message editor per offered language, reading level and channel; an emptied text goes", async () => {
    const { definition, id } = addNode(example(), 'message');
    const { user, node } = renderPanel(definition, id);
    const spanishAny = screen.getByLabelText('Spanish, plain, Any channel');
    await user.type(spanishAny, 'Hola');
    await user.type(screen.getByLabelText('English, standard, SMS'), 'Hi');
    expect(node()).toMatchObject({
      message: { wording: { es: { plain: { any: 'Hola' } }, en: { standard: { sms: 'Hi' } } } },
    });
    // The editor shows the message as the patient would get it.
    expect(screen.getByRole('region', { name: 'Rendered message' })).toBeTruthy();
    await user.clear(spanishAny);
    expect(node()).toMatchObject({ message: { wording: { en: { standard: { sms: 'Hi' } } } } });
    expect((node() as { message: { wording: object } }).message.wording).not.toHaveProperty('es');
  });

  test('a branch condition is edited as a comparison or as JSON Logic, and text that is not JSON changes nothing', async () => {
    const { user, node } = renderPanel(example(), 'booked-yet');
    const branch = screen.getByRole('group', { name: 'Branches, tried in order: 1' });
    expect((within(branch).getByLabelText('Reads') as HTMLInputElement).value).toBe('outcomes.wait-booking');
    await user.clear(within(branch).getByLabelText('Compared with'));
    await user.type(within(branch).getByLabelText('Compared with'), '7');
    await user.selectOptions(within(branch).getByLabelText('Comparison'), '>=');
    expect(node()).toMatchObject({ branches: [{ when: { '>=': [{ var: 'outcomes.wait-booking' }, 7] } }] });
    const json = within(branch).getByLabelText('Condition as JSON Logic') as HTMLTextAreaElement;
    expect(JSON.parse(json.value)).toEqual({ '>=': [{ var: 'outcomes.wait-booking' }, 7] });

    await user.clear(json);
    await user.type(json, '{{"and": [[true');
    expect(within(branch).getByText(/This is not JSON yet/)).toBeTruthy();
    expect(json.getAttribute('aria-invalid')).toBe('true');
    expect(node()).toMatchObject({ branches: [{ when: { '>=': [{ var: 'outcomes.wait-booking' }, 7] } }] });
  });

  test('renaming a node carries its edges along; deleting it removes them', async () => {
    const { user, latest } = renderPanel(example(), 'call-patient');
    const id = screen.getByRole('textbox', { name: 'Id' });
    // Another node's id is refused where it is typed, and leaving the field restores this one.
    await user.clear(id);
    await user.type(id, 'declined');
    expect(screen.getByText('Another node has this id.')).toBeTruthy();
    await user.tab();
    expect((id as HTMLInputElement).value).toBe('call-patient');
    await user.clear(id);
    await user.type(id, 'call-to-book');
    await user.tab();
    expect(latest().nodes.find((node) => node.id === 'booked-yet')).toMatchObject({
      otherwise: 'call-to-book',
    });
    await user.click(screen.getByRole('button', { name: 'Delete Call the patient to book' }));
    expect(latest().nodes.map((node) => node.id)).not.toContain('call-to-book');
    expect(latest().nodes.find((node) => node.id === 'booked-yet')).not.toHaveProperty('otherwise');
    expect(screen.getByText('Nothing selected.')).toBeTruthy();
  });
});
