import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DESIGNER_CLIENT_PATH, renderDesignerClient } from '../../scripts/openapi/designer-client';

/**
 * The designer's API types are generated from the OpenAPI document the DTOs describe: a DTO changed
 * without regenerating would let the browser's types drift from the server's again.
 */
describe('the designer API client', () => {
  test('is what the current API generates', async () => {
    const [committed, generated] = await Promise.all([
      readFile(join(__dirname, '..', '..', DESIGNER_CLIENT_PATH), 'utf8'),
      renderDesignerClient(),
    ]);
    if (committed === generated) return;
    const committedLines = committed.split('\n');
    const generatedLines = generated.split('\n');
    const line = generatedLines.findIndex((text, index) => text !== committedLines[index]);
    throw new Error(
      `the committed designer client is stale: run npm run openapi:generate\n` +
        `(${DESIGNER_CLIENT_PATH} line ${line + 1}: committed ${JSON.stringify(committedLines[line])}, ` +
        `the API now generates ${JSON.stringify(generatedLines[line])})`,
    );
  });
});
