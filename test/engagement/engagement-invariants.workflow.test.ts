import type { INestApplication } from '@nestjs/common';
import type { WorkflowHandle } from '@temporalio/client';
import { DateTime } from 'luxon';
import { createApp } from '../../api/create-app';
import { SMS_INBOUND_PATH } from '../../shared/engagement/delivery-links';
import { loadConfig } from '../../config/app-config';
import { freePort } from '../../scripts/dev-stack/free-port';
import { progressQuery } from '../../contracts/journey-contract';
import { EMERGENCY_FOLLOW_UP } from '../../workflows/emergency-follow-up/emergency-follow-up.contract';
import { PREVENTIVE_OUTREACH } from '../../workflows/preventive-outreach/preventive-outreach.contract';
import { SINK_AUTH_TOKEN, TEST_MODE_ENV } from '../helpers/engagement-sandbox';
import { recordHistoryFixture } from '../helpers/history-fixtures';
import { createJourneyHarness, type JourneyHarness } from '../helpers/journey-harness';

/*
 * The safety invariants of the engagement layer, on whole journeys: the time-skipping server,
 * the real worker and activities, a real SMTP server and a Twilio-speaking SMS endpoint, and the
 * real API for the inbound STOP. The engagement policy is the shipped default (quiet hours
 * 21:00-08:00 on email, SMS and portal; three non-urgent messages a day).
 */
describe('engagement invariants (time-skipping)', () => {
  let harness: JourneyHarness;
  let api: INestApplication;

  beforeAll(async () => {
    const port = await freePort();
    const publicBaseUrl = `http://127.0.0.1:${port}`;
    harness = await createJourneyHarness('engagement', {
      policy: {},
      inboundWebhookUrl: `${publicBaseUrl}${SMS_INBOUND_PATH}`,
    });
    api = await createApp(
      loadConfig({
        ...TEST_MODE_ENV,
        TEMPORAL_ADDRESS: harness.env.address,
        TEMPORAL_NAMESPACE: harness.env.namespace ?? 'default',
        TEMPORAL_TASK_QUEUE: harness.taskQueue,
        DATABASE_URL: harness.database.url,
        DESIGNER_DIST: '/nonexistent',
        PUBLIC_BASE_URL: publicBaseUrl,
        TWILIO_AUTH_TOKEN: SINK_AUTH_TOKEN,
      }),
    );
    await api.listen(port, '127.0.0.1');
  });

  afterAll(async () => {
    await api?.close();
    await harness?.close();
  });

  /** Skips the server's clock to the next `hh:mm` in a time zone; returns that instant. */
  async function skipToLocal(hour: number, minute: number, zone: string): Promise<DateTime> {
    const now = DateTime.fromMillis(await harness.now(), { zone });
    let target = now.set({ hour, minute, second: 0, millisecond: 0 });
    if (target <= now) target = target.plus({ days: 1 });
    await harness.env.sleep(target.toMillis() - now.toMillis());
    return target;
  }

  const startOutreach = (patientRef: string, item: string) =>
    harness.start(PREVENTIVE_OUTREACH, { params: { item }, patientRef, patientId: patientRef });
  const timelineOf = async (handle: WorkflowHandle) =>
    (await handle.query(progressQuery)).timeline.map((entry) => entry.summary);
  const smsTo = (phone: string) => harness.providers.sms.messages().filter((sms) => sms.to === phone);
  const mailTo = (address: string) =>
    harness.providers.smtp.messages().filter((mail) => mail.to.includes(address));

  test('[HZ-81] a message due inside quiet hours waits on a durable timer and goes out at 08:00 local time', async () => {
    const zone = 'America/New_York';
    const phone = '+15555550111';
    await harness.seedContact(
      'ref-night-owl',
      { phone, timeZone: zone, channelOrder: ['sms'] },
      { sms: 'granted' },
    );
    await skipToLocal(23, 30, zone);
    const handle = await startOutreach('ref-night-owl', 'flu-shot');
    await harness.env.sleep('5 minutes');

    expect(smsTo(phone)).toHaveLength(0);
    const eightAm = DateTime.fromMillis(await harness.now(), { zone })
      .plus({ days: 1 })
      .set({ hour: 8, minute: 0, second: 0, millisecond: 0 });
    expect(await timelineOf(handle)).toContainEqual(
      expect.stringContaining(`held until ${eightAm.toJSDate().toISOString()}: the patient's quiet hours`),
    );

    await skipToLocal(8, 5, zone);
    const [sms] = smsTo(phone);
    expect(sms).toBeDefined();
    const [logged] = await harness.messagesOf(handle.workflowId);
    expect(logged).toMatchObject({ channel: 'sms', status: 'sent' });
    expect(DateTime.fromJSDate(logged.plannedAt, { zone }).toFormat('HH:mm')).toBe('08:00');
    await recordHistoryFixture(handle, PREVENTIVE_OUTREACH, 'engagement-quiet-hours-deferred');
  });

  test('[HZ-80] a STOP received while a message waits for the morning stops it on SMS for good; email, next in order, gets it', async () => {
    const zone = 'Europe/Warsaw';
    const phone = '+48601000222';
    const email = 'stopper@patients.test';
    await harness.seedContact(
      'ref-stopper',
      { phone, email, timeZone: zone, channelOrder: ['sms', 'email'] },
      { sms: 'granted', email: 'granted' },
    );
    await skipToLocal(22, 10, zone);
    const handle = await startOutreach('ref-stopper', 'mammogram');
    await harness.env.sleep('5 minutes');
    expect(await timelineOf(handle)).toContainEqual(expect.stringContaining("the patient's quiet hours"));

    const reply = await harness.providers.sms.sendInbound({ from: phone, body: 'STOP' });
    expect(reply.status).toBe(200);

    await skipToLocal(8, 5, zone);
    expect(smsTo(phone)).toHaveLength(0);
    expect(mailTo(email)).toHaveLength(1);
    expect(await timelineOf(handle)).toContainEqual(expect.stringMatching(/sent by email$/));
    await recordHistoryFixture(handle, PREVENTIVE_OUTREACH, 'engagement-opt-out-while-deferred');
  });

  test('[HZ-86] the daily cap holds across journeys: the fourth message of the day waits for the next morning', async () => {
    const zone = 'Europe/Warsaw';
    const email = 'busy@patients.test';
    await harness.seedContact(
      'ref-busy',
      { email, timeZone: zone, channelOrder: ['email'] },
      { email: 'granted' },
    );
    const morning = await skipToLocal(10, 0, zone);
    const items = ['annual-visit', 'mammogram', 'flu-shot', 'colorectal-screening'];
    const handles: WorkflowHandle[] = [];
    for (const item of items) {
      handles.push(await startOutreach('ref-busy', item));
      await harness.env.sleep('1 minute');
    }
    expect(mailTo(email)).toHaveLength(3);
    expect(await timelineOf(handles[3])).toContainEqual(
      expect.stringContaining("the patient's daily message limit is reached"),
    );

    await skipToLocal(8, 5, zone);
    expect(mailTo(email)).toHaveLength(4);
    const [fourth] = await harness.messagesOf(handles[3].workflowId);
    const planned = DateTime.fromJSDate(fourth.plannedAt, { zone });
    expect(planned.toISODate()).toBe(morning.plus({ days: 1 }).toISODate());
    expect(planned.toFormat('HH:mm')).toBe('08:00');
  });

  test('[HZ-84] a channel that fails for good passes the message to the next one in the patient order', async () => {
    await harness.seedContact(
      'ref-hard-to-reach',
      {
        phone: '+15005550001', // the provider answers 21211: not a valid number
        email: 'bounce-hard@patients.test', // the mail server refuses the mailbox: 550
        portalEnabled: true,
        channelOrder: ['sms', 'email', 'portal'],
        quietHours: { sms: null, email: null, portal: null },
      },
      { sms: 'granted', email: 'granted' },
    );
    const handle = await startOutreach('ref-hard-to-reach', 'flu-shot');
    await harness.env.sleep('5 minutes');

    const attempts = await harness.messagesOf(handle.workflowId);
    expect(attempts.map((attempt) => [attempt.channel, attempt.status, attempt.errorCode])).toEqual([
      ['sms', 'rejected', 'twilio-21211'],
      ['email', 'rejected', expect.stringMatching(/^smtp-55\d$/)],
      ['portal', 'sent', null],
    ]);
    const timeline = await timelineOf(handle);
    expect(timeline.filter((line) => line.includes('refused it'))).toHaveLength(2);
    expect(timeline).toContainEqual(expect.stringMatching(/sent by portal$/));
    await recordHistoryFixture(handle, PREVENTIVE_OUTREACH, 'engagement-permanent-failure-fallback');
  });

  test('[HZ-83] an email whose answer a crash cut off is not sent again: a person is asked to check with the patient', async () => {
    const email = 'cut-off@patients.test';
    await harness.seedContact(
      'ref-cut-off',
      { email, channelOrder: ['email'], quietHours: { email: null } },
      { email: 'granted' },
    );
    // The server takes the whole mail, then the connection drops before its answer arrives.
    harness.providers.smtp.failNext('drop-after-data');
    const handle = await startOutreach('ref-cut-off', 'flu-shot');
    await harness.env.sleep('5 minutes');

    expect(mailTo(email)).toHaveLength(1);
    const [attempt] = await harness.messagesOf(handle.workflowId);
    expect(attempt?.status).toBe('uncertain');
    const tasks = await harness.tasksOf(handle.workflowId);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      kind: 'call',
      title: 'Check with the patient: a message by email may not have reached them',
    });
    expect(await timelineOf(handle)).toContainEqual(
      expect.stringContaining('Staff task (routine): Check with the patient'),
    );
    await recordHistoryFixture(handle, PREVENTIVE_OUTREACH, 'engagement-unconfirmed-email-staff-check');
  });

  test('[HZ-84] a patient no channel can reach gets a staff call instead, with the reasons', async () => {
    await harness.seedContact(
      'ref-unreachable',
      { email: null, phone: null, portalEnabled: false, channelOrder: ['email', 'sms', 'portal'] },
      {},
    );
    const handle = await startOutreach('ref-unreachable', 'flu-shot');
    await harness.env.sleep('5 minutes');

    expect(await harness.messagesOf(handle.workflowId)).toHaveLength(0);
    const [task] = await harness.tasksOf(handle.workflowId);
    expect(task).toMatchObject({
      kind: 'call',
      title: 'Call the patient: no message channel could reach them',
    });
    expect(task.details).toMatchObject({
      reasons: { email: 'no address on file', sms: 'no address on file', portal: 'no address on file' },
    });
    await recordHistoryFixture(handle, PREVENTIVE_OUTREACH, 'engagement-unreachable-staff-call');
  });

  test('no response within the step window: the message goes out on the next channel in the patient order', async () => {
    const phone = '+15555550112';
    const email = 'quiet-responder@patients.test';
    await harness.seedContact(
      'ref-no-reply',
      { phone, email, channelOrder: ['sms', 'email'], quietHours: { sms: null, email: null } },
      { sms: 'granted', email: 'granted' },
    );
    const handle = await harness.start(EMERGENCY_FOLLOW_UP, {
      patientRef: 'ref-no-reply',
      params: {
        encounterId: 'enc-window',
        dischargedAt: new Date((await harness.now()) - 47 * 3_600_000).toISOString(),
        timeZone: 'UTC',
      },
      settings: {
        escalation: {
          steps: [
            {
              afterDays: 0,
              action: 'message',
              channel: 'default',
              wording: 'emergency-follow-up.nudge',
              respondWithinHours: 12,
            },
            { afterDays: 4, action: 'staff-call', priority: 'routine', dueWithinHours: 24 },
          ],
          closeAfterDays: 14,
        },
      },
    });
    await harness.env.sleep('2 hours');
    expect(smsTo(phone)).toHaveLength(1);
    expect(mailTo(email)).toHaveLength(0);

    await harness.env.sleep('12 hours');
    expect(mailTo(email)).toHaveLength(1);
    expect(await timelineOf(handle)).toContainEqual(
      expect.stringContaining('no response by sms in time; trying the next channel'),
    );
    await recordHistoryFixture(handle, EMERGENCY_FOLLOW_UP, 'engagement-no-response-next-channel');
  });
});
