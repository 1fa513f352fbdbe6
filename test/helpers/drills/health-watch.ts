import request from 'supertest';
import type { App } from 'supertest/types';

export interface HealthSample {
  at: number;
  httpStatus: number;
  database: string;
  temporal: string;
}

/**
 * Polls GET /api/health, as a load balancer would, until stopped: what it said while a
 * dependency was down is part of what the drill checks.
 */
export function watchHealth(http: App, everyMs = 500): { samples: HealthSample[]; stop(): Promise<void> } {
  const samples: HealthSample[] = [];
  let watching = true;
  const loop = (async () => {
    while (watching) {
      const response = await request(http).get('/api/health');
      samples.push({
        at: Date.now(),
        httpStatus: response.status,
        database: String(response.body?.database?.status),
        temporal: String(response.body?.temporal?.status),
      });
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    samples,
    async stop() {
      watching = false;
      await loop;
    },
  };
}
