import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { startApiStack, type ApiStack } from '../helpers/api-stack';

/*
 * The API serves the designer: its files, and its index.html for every page path (a deep link),
 * never for the API. Built here into a folder below a dot-named one, as a checkout under
 * ~/.local/src would be: the index used to be sent by absolute path, which `send` refused there
 * with a 404 for every deep link.
 */
describe('the designer served by the API', () => {
  let stack: ApiStack;
  let dotted: string;

  beforeAll(async () => {
    dotted = mkdtempSync(join(tmpdir(), 'carepath-static-'));
    const dist = join(dotted, '.local', 'designer-dist');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Carepath designer</title>');
    writeFileSync(join(dist, 'assets', 'app.js'), 'console.log("designer");');
    writeFileSync(join(dist, '.secret'), 'not for browsers');
    stack = await startApiStack({ DESIGNER_DIST: dist });
  }, 120_000);
  afterAll(async () => {
    await stack?.close();
    rmSync(dotted, { recursive: true, force: true });
  });

  test('a deep link gets the index, with the security headers; a file is itself; the API stays the API', async () => {
    const deepLink = await request(stack.http).get('/patients/j-1').expect(200);
    expect(deepLink.headers['content-type']).toMatch(/^text\/html/);
    expect(deepLink.text).toContain('<title>Carepath designer</title>');
    expect(deepLink.headers['content-security-policy']).toContain("script-src 'self'");

    const asset = await request(stack.http).get('/assets/app.js').expect(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.text).toBe('console.log("designer");');

    // A dot-named file inside the build is never served: the page path gets the index instead.
    const hidden = await request(stack.http).get('/.secret').expect(200);
    expect(hidden.text).not.toContain('not for browsers');

    const api = await request(stack.http).get('/api/no-such-route').expect(404);
    expect(api.headers['content-type']).toMatch(/json/);
    await request(stack.http).get('/api/health').expect(200);
  });
});
