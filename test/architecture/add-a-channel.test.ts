import fs from 'node:fs';
import path from 'node:path';
import { productChannels } from '../../channels';
import { loadConfig } from '../../config/app-config';
import { cancelJourneyUpdate } from '../../contracts/journey-contract';
import { PREVENTIVE_OUTREACH } from '../../workflows/preventive-outreach/preventive-outreach.contract';
import { eventually } from '../helpers/api-stack';
import { TEST_MODE_ENV } from '../helpers/engagement-sandbox';
import { createJourneyHarness, type JourneyHarness } from '../helpers/journey-harness';
import { pigeonLoft, pigeonPostChannel } from '../fixtures/channels/pigeon-post';

const channels = [...productChannels, pigeonPostChannel];
const PRODUCT_FOLDERS = [
  'activities',
  'api',
  'channels',
  'config',
  'contracts',
  'persistence',
  'shared',
  'worker',
  'workflows',
];

/**
 * A channel is one module: the fixture under test/fixtures/channels/pigeon-post is declared like the
 * product's channels and handed to the composition roots (`loadConfig`, the worker's engagement
 * setup) beside them. Nothing else names it, yet a journey's message reaches it through the real
 * delivery activity and lands in the outreach log.
 */
describe('adding a channel', () => {
  let harness: JourneyHarness;

  beforeAll(async () => {
    harness = await createJourneyHarness('add-a-channel', {
      channels: { modules: channels, env: { PIGEON_LOFT: 'north-tower' } },
    });
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('needs no file outside its own folder', () => {
    const mentions = PRODUCT_FOLDERS.flatMap((folder) => filesUnder(folder)).filter((file) =>
      fs.readFileSync(file, 'utf8').includes('pigeon'),
    );
    expect(mentions).toEqual([]);
  });

  it('contributes its settings to the one configuration, checked at start like the others', () => {
    const env = { ...TEST_MODE_ENV, PIGEON_LOFT: 'north-tower' };
    const pigeon = loadConfig(env, channels).channels.find(({ module }) => module === pigeonPostChannel);
    expect(pigeon?.settings).toEqual({ loft: 'north-tower' });
    expect(loadConfig(TEST_MODE_ENV, channels).channels.map(({ module }) => module.name)).not.toContain(
      'pigeon-post',
    );
    expect(() => loadConfig({ ...env, PIGEON_LOFT: 'North Tower!' }, channels)).toThrow(
      'Invalid pigeon post settings:\n  PIGEON_LOFT: must name a loft in lower case, such as north-tower',
    );
  });

  it('delivers a journey message on the new channel, recorded in the outreach log', async () => {
    const patientRef = 'ref-pigeon-post';
    await harness.seedContact(
      patientRef,
      { email: null, phone: null, portalEnabled: false, channelOrder: ['pigeon-post'] },
      { 'pigeon-post': 'granted' },
    );
    const handle = await harness.start(PREVENTIVE_OUTREACH, { params: { item: 'mammogram' }, patientRef });

    const [message] = await eventually(
      () => harness.messagesOf(handle.workflowId),
      (messages) => messages.some(({ status }) => status === 'sent'),
    );
    expect(message).toMatchObject({ channel: 'pigeon-post', status: 'sent', patientRef });
    expect(message!.providerMessageId).toBe(`band-${message!.id}`);
    expect(pigeonLoft).toEqual([
      expect.objectContaining({ messageId: message!.id, to: patientRef, loft: 'north-tower' }),
    ]);
    expect(pigeonLoft[0]!.content.text).toBe(message!.body);

    await handle.executeUpdate(cancelJourneyUpdate, { args: [{ reason: 'Test over', by: 'operator' }] });
    await handle.result();
  });
});

function filesUnder(folder: string): string[] {
  return fs
    .readdirSync(folder, { withFileTypes: true, recursive: true })
    .flatMap((entry) =>
      entry.isFile() && /\.(ts|hbs|json)$/.test(entry.name) ? [path.join(entry.parentPath, entry.name)] : [],
    );
}
