import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { journeyModules } from '../../workflows/journeys';
import { temporalWebUiSavedViews } from './saved-views';

describe(temporalWebUiSavedViews.name, () => {
  test('a view per watched status and per journey type, as a link that saves it in the Web UI', () => {
    const views = temporalWebUiSavedViews('http://localhost:8233/', 'carepath', ['preventive-outreach']);
    expect(views.map(({ name, query }) => [name, query])).toEqual([
      ['Carepath: active', 'CarepathStatus = "active"'],
      ['Carepath: paused', 'CarepathStatus = "paused"'],
      ['Carepath: preventive-outreach', 'CarepathJourney = "preventive-outreach"'],
    ]);
    expect(views[2]!.url).toBe(
      'http://localhost:8233/namespaces/carepath/workflows' +
        '?query=CarepathJourney%20%3D%20%22preventive-outreach%22&savedQuery=Carepath%3A%20preventive-outreach',
    );
  });

  test('the README lists the links for both local stacks (the UI on :8233, namespace carepath)', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    const journeys = journeyModules.map((journey) => journey.id);
    for (const view of temporalWebUiSavedViews('http://localhost:8233', 'carepath', journeys))
      expect(readme).toContain(`[${view.name}](${view.url})`);
  });
});
