import { cancelJourneyUpdate, progressQuery } from '../../contracts/journey-contract';
import { PREVENTIVE_OUTREACH } from '../../workflows/preventive-outreach/preventive-outreach.contract';
import { createJourneyHarness, type JourneyHarness } from '../helpers/journey-harness';

/**
 * A journey ends while its message is with the engagement layer: the EHR records the patient's
 * death between the activity's start and its answer. The real activities run; only the answer
 * is held until the journey has ended, so the race is the same every run.
 */
describe('a delivery in flight when the journey ends', () => {
  let harness: JourneyHarness;
  let release: () => void = () => undefined;
  let started: Promise<void>;
  let markStarted: () => void = () => undefined;

  beforeAll(async () => {
    harness = await createJourneyHarness('delivery-end', {
      wrapActivities: (real) => ({
        ...real,
        async deliverMessage(...args: Parameters<typeof real.deliverMessage>) {
          const answer = await real.deliverMessage(...args);
          markStarted();
          await new Promise<void>((resolve) => (release = resolve));
          return answer;
        },
      }),
    });
  });

  afterAll(async () => {
    release();
    await harness?.close();
  });

  beforeEach(() => {
    started = new Promise<void>((resolve) => (markStarted = resolve));
  });

  test('[HZ-93] a patient no channel reaches, whose journey the EHR ended meanwhile, raises no staff call', async () => {
    await harness.seedContact(
      'ref-ended-unreachable',
      { email: null, phone: null, portalEnabled: false, channelOrder: ['email', 'sms', 'portal'] },
      {},
    );
    const handle = await harness.start(PREVENTIVE_OUTREACH, {
      params: { item: 'mammogram' },
      patientRef: 'ref-ended-unreachable',
    });
    await started;
    await handle.executeUpdate(cancelJourneyUpdate, {
      args: [{ reason: 'The EHR records the patient as deceased', by: 'ehr' }],
    });
    release();
    await handle.result();

    expect(await harness.tasksOf(handle.workflowId)).toEqual([]);
    const { stage, timeline } = await handle.query(progressQuery);
    expect(stage).toBe('cancelled');
    expect(timeline.at(-1)!.summary).toBe('Ended by the EHR: The EHR records the patient as deceased');
  });

  test('[HZ-93] a message that did go out as the journey ended is recorded, and not followed by another channel', async () => {
    const email = 'ended-mid-send@patients.test';
    await harness.seedContact(
      'ref-ended-sent',
      { email, phone: '+15555550199', channelOrder: ['email', 'sms'] },
      { email: 'granted', sms: 'granted' },
    );
    const handle = await harness.start(PREVENTIVE_OUTREACH, {
      params: { item: 'flu-shot' },
      patientRef: 'ref-ended-sent',
    });
    await started;
    await handle.executeUpdate(cancelJourneyUpdate, {
      args: [{ reason: 'No longer eligible', by: 'operator' }],
    });
    release();
    await handle.result();
    await harness.env.sleep('30 days');

    const messages = await harness.messagesOf(handle.workflowId);
    expect(messages).toHaveLength(1);
    expect(await harness.tasksOf(handle.workflowId)).toEqual([]);
    const { timeline } = await handle.query(progressQuery);
    expect(timeline.at(-1)!.summary).toMatch(
      new RegExp(`sent by ${messages[0].channel}, as the journey ended$`),
    );
  });
});
