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
import { checkDefinition } from '../../../contracts/journey-definitions/validate-definition';
import { JourneyPropertiesPanel } from './JourneyPropertiesPanel';

const example = (): JourneyDefinition =>
  journeyDefinitionSchema.parse(JSON.parse(JSON.stringify(screeningBooking)));

function renderPanel(start: JourneyDefinition) {
  let latest = start;
  function Harness() {
    const [definition, setDefinition] = useState(start);
    latest = definition;
    return <JourneyPropertiesPanel definition={definition} onEdit={(edit) => setDefinition(edit)} />;
  }
  render(<Harness />);
  return { user: userEvent.setup(), latest: () => latest };
}

describe(JourneyPropertiesPanel.name, () => {
  test("the journey's stages, events and program settings are generated forms; the nodes are not in it", async () => {
    const { user, latest } = renderPanel(example());
    const panel = screen.getByRole('region', { name: 'Journey properties' });
    expect(within(panel).queryByRole('group', { name: 'Nodes' })).toBeNull();

    const stages = within(panel).getByRole('group', { name: 'Stages' });
    await user.click(within(stages).getByRole('button', { name: 'Add to stages' }));
    const stage = within(stages).getByRole('group', { name: `Stages: ${example().stages.length + 1}` });
    await user.type(within(stage).getByRole('textbox', { name: 'Id' }), 'reminded');
    await user.type(within(stage).getByRole('textbox', { name: 'Label' }), 'Reminded');
    expect(latest().stages.at(-1)).toEqual({ id: 'reminded', label: 'Reminded' });

    // A setting is one of five types: its fields follow the type chosen.
    const settings = within(panel).getByRole('group', { name: 'Program settings with their defaults' });
    await user.type(within(settings).getByRole('textbox', { name: /^New name in/ }), 'reminderDays');
    await user.click(within(settings).getByRole('button', { name: 'Add reminderDays' }));
    const setting = within(settings).getByRole('group', { name: 'reminderDays' });
    await user.selectOptions(
      within(setting).getByRole('combobox', { name: 'reminderDays: given as' }),
      'days',
    );
    await user.type(within(setting).getByRole('textbox', { name: 'Title' }), 'Days before the reminder');
    await user.clear(within(setting).getByRole('spinbutton', { name: 'Default (days)' }));
    await user.type(within(setting).getByRole('spinbutton', { name: 'Default (days)' }), '5');
    expect(latest().settings.reminderDays).toEqual({
      type: 'days',
      default: 5,
      title: 'Days before the reminder',
    });

    const events = within(panel).getByRole('group', { name: 'Events the journey hears' });
    const booked = within(events).getByRole('group', { name: 'Events the journey hears: 1' });
    expect((within(booked).getByRole('textbox', { name: 'Event type' }) as HTMLInputElement).value).toBe(
      'appointment-booked',
    );
    expect(checkDefinition(latest()).problems).toEqual([]);
  });
});
