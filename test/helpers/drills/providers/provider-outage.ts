import type { ProviderSandbox } from '../../engagement-sandbox';
import {
  HTTP_INTERNAL_SERVER_ERROR,
  SMTP_SERVICE_UNAVAILABLE,
  startFlakyProviderProxy,
  type FlakyProviderProxy,
  type ProviderFault,
} from './flaky-provider-proxy';

/** Both providers behind proxies that fail together, as when the shared network egress goes down. */
export interface ProviderOutage {
  smtp: FlakyProviderProxy;
  sms: FlakyProviderProxy;
  /** Plays each fault for its share of `totalMs`, in order, then brings both providers back. */
  play(faults: ProviderFault[], totalMs: number, onFault?: (fault: ProviderFault) => void): Promise<void>;
}

let installed: ProviderOutage | undefined;

/**
 * Puts a provider sandbox behind flaky proxies: its environment (what the channel adapters
 * connect to) points at the proxies, while tests still count at the real SMTP capture and SMS
 * sink behind them. Meant for `startProviderSandbox` in a jest.mock, so `startApiStack` wires the
 * worker to the proxies unchanged; `installedOutage` then reaches them.
 */
export async function behindProviderOutage(sandbox: ProviderSandbox): Promise<ProviderSandbox> {
  const smtpTarget = new URL(sandbox.smtp.url);
  const smsTarget = new URL(sandbox.sms.baseUrl);
  const [smtp, sms] = await Promise.all([
    startFlakyProviderProxy(
      { host: smtpTarget.hostname, port: Number(smtpTarget.port) },
      SMTP_SERVICE_UNAVAILABLE,
    ),
    startFlakyProviderProxy(
      { host: smsTarget.hostname, port: Number(smsTarget.port) },
      HTTP_INTERNAL_SERVER_ERROR,
    ),
  ]);
  const setBoth = (state: ProviderFault | 'up') => Promise.all([smtp.setState(state), sms.setState(state)]);
  installed = {
    smtp,
    sms,
    async play(faults, totalMs, onFault) {
      for (const fault of faults) {
        await setBoth(fault);
        onFault?.(fault);
        await new Promise((resolve) => setTimeout(resolve, totalMs / faults.length));
      }
      await setBoth('up');
    },
  };
  return {
    ...sandbox,
    env: {
      ...sandbox.env,
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      TWILIO_API_BASE_URL: `http://127.0.0.1:${sms.port}`,
    },
    async close() {
      await Promise.all([smtp.close(), sms.close()]);
      await sandbox.close();
    },
  };
}

export function installedOutage(): ProviderOutage {
  if (!installed) throw new Error('No provider outage installed: mock startProviderSandbox first.');
  return installed;
}
