import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DEMO_KEYS, startApiStack, type ApiStack } from '../helpers/api-stack';

/*
 * The console's addresses are client-side routes: a refresh or a pasted link asks the API for
 * `/patients/<id>` itself, which must answer the designer's index.html; `/api/...` stays the API.
 */
describe('the API serves the designer at every non-API path', () => {
  let stack: ApiStack;

  beforeAll(async () => {
    const designerDist = mkdtempSync(join(tmpdir(), 'carepath-designer-routes-'));
    writeFileSync(
      join(designerDist, 'index.html'),
      '<!doctype html><title>console</title><div id="root"></div>',
    );
    stack = await startApiStack({ DESIGNER_DIST: designerDist });
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  test.each([
    '/',
    '/journeys/preventive-outreach/settings',
    '/patients?status=active',
    '/patients/some-journey',
    '/audit',
  ])('%s answers the designer page', async (path) => {
    const response = await request(stack.http).get(path).expect(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.text).toContain('<div id="root">');
  });

  test('an unknown API path is a JSON 404, never the designer page', async () => {
    const response = await request(stack.http)
      .get('/api/no-such-route')
      .set('Authorization', DEMO_KEYS.operator)
      .expect(404);
    expect(response.headers['content-type']).toContain('json');
    expect(response.text).not.toContain('<div id="root">');
  });
});
