import { createHash, timingSafeEqual } from 'node:crypto';
import { isLoopbackHost } from '../../config/loopback';

export interface MetricsScrape {
  /** The `Authorization` header as sent. */
  authorization: string | undefined;
  /** The peer's address as Node reports it (`request.socket.remoteAddress`). */
  remoteAddress: string | undefined;
}

export type MetricsAccess = { allowed: true } | { allowed: false; status: 401 | 403; message: string };

/**
 * Who may scrape `/metrics`, on the API and the worker alike (config/telemetry-settings.ts): the
 * holder of METRICS_TOKEN when one is set; otherwise, in development, a caller on this machine,
 * and in production nobody. Metrics carry no patient data, but they tell how many patients a
 * program has and where staff fall behind: not for the public internet.
 */
export function metricsAccessRule(
  metricsToken: string | undefined,
  production: boolean,
): (scrape: MetricsScrape) => MetricsAccess {
  const expected = metricsToken === undefined ? undefined : digest(metricsToken);
  return ({ authorization, remoteAddress }) => {
    if (expected) {
      const presented = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1]?.trim();
      return presented && timingSafeEqual(digest(presented), expected)
        ? { allowed: true }
        : { allowed: false, status: 401, message: 'Metrics need "Authorization: Bearer <METRICS_TOKEN>".' };
    }
    if (production) {
      return {
        allowed: false,
        status: 403,
        message: 'Metrics are served only to the holder of METRICS_TOKEN, and none is set.',
      };
    }
    return isLoopbackAddress(remoteAddress)
      ? { allowed: true }
      : {
          allowed: false,
          status: 403,
          message: 'Without METRICS_TOKEN, metrics are served only to this machine.',
        };
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** An IPv4 peer on a dual-stack socket is reported as `::ffff:127.0.0.1`. */
export function isLoopbackAddress(address: string | undefined): boolean {
  return address !== undefined && isLoopbackHost(address.replace(/^::ffff:/i, ''));
}
