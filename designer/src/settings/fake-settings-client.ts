import { type ApiClient, ApiError } from '../api';
import { fakeGet, fakePost } from '../fake-api-client';
import type { SettingsCheck, SettingsJourneyType, SettingsObject, SettingsVersion } from './settings-api';

/**
 * An in-memory program-settings API for component tests: versions newest first, publishing with
 * the real API's 409 rule. Tests steer it (hold or fail GETs, script checks) and read what was sent.
 */
export class FakeSettingsClient implements ApiClient {
  readonly posts: Array<{ path: string; body: Record<string, unknown> }> = [];
  readonly gets: string[] = [];
  readonly abortedGets: string[] = [];
  /** GETs never answer (until aborted): the screen stays loading. */
  holdGets = false;
  /** GETs fail with this error while it is set. */
  failGets: ApiError | undefined;
  /** The validate endpoint's answer. */
  check: (settings: SettingsObject) => SettingsCheck = () => ({ valid: true, errors: [] });
  /** Make the next publish fail with this error (a 400, say). */
  rejectNextPublish: ApiError | undefined;
  /** Resolves a held POST: tests use it to look at the screen while a request is in flight. */
  private heldPost: Promise<void> | undefined;

  constructor(
    private readonly journeyType: string,
    /** Newest first, ending with version 0, as the API lists them. */
    readonly versions: SettingsVersion[],
  ) {}

  /** Holds POSTs until the returned function is called. */
  holdPosts(): () => void {
    let release!: () => void;
    this.heldPost = new Promise((resolve) => (release = resolve));
    return () => {
      this.heldPost = undefined;
      release();
    };
  }

  /** Another designer publishes, as if from another browser. */
  publishMeanwhile(settings: SettingsObject, note: string): SettingsVersion {
    return this.addVersion(settings, note);
  }

  readonly get = fakeGet((path, signal) => this.answerGet(path, signal));
  readonly post = fakePost((path, body) => this.answerPost(path, body));

  private answerGet(path: string, signal?: AbortSignal): Promise<unknown> {
    this.gets.push(path);
    if (this.holdGets) {
      return new Promise((_resolve, reject) =>
        signal?.addEventListener('abort', () => {
          this.abortedGets.push(path);
          reject(new DOMException('The request was aborted.', 'AbortError'));
        }),
      );
    }
    return this.readSettings(path);
  }

  private async answerPost(path: string, body: unknown): Promise<unknown> {
    const sent = copyJson(body) as Record<string, unknown>;
    this.posts.push({ path, body: sent });
    await this.heldPost;
    const base = `/api/programs/${this.journeyType}/settings`;
    if (path === `${base}/validate`) return this.check(sent.settings as SettingsObject);
    if (path !== base) throw new ApiError(404, `No route for POST ${path}.`);
    return this.publish(sent);
  }

  private async readSettings(path: string): Promise<unknown> {
    if (this.failGets) throw this.failGets;
    const base = `/api/programs/${this.journeyType}/settings`;
    if (path === base) return this.versions[0];
    if (path === `${base}/versions`) {
      return this.versions.map(({ settings: _settings, ...summary }) => summary);
    }
    const version = this.versions.find((candidate) => path === `${base}/versions/${candidate.version}`);
    if (version) return version;
    throw new ApiError(404, `No route for GET ${path}.`);
  }

  private publish(body: Record<string, unknown>): SettingsVersion {
    const current = this.versions[0]!.version;
    if (body.basedOnVersion !== current) {
      throw new ApiError(
        409,
        `The settings changed meanwhile: version ${current} is now the current one. Review it and publish again based on version ${current}.`,
        [{ field: 'basedOnVersion', message: `must be ${current}` }],
      );
    }
    const rejection = this.rejectNextPublish;
    this.rejectNextPublish = undefined;
    if (rejection) throw rejection;
    return this.addVersion(body.settings as SettingsObject, String(body.note ?? ''));
  }

  private addVersion(settings: SettingsObject, note: string): SettingsVersion {
    const version: SettingsVersion = {
      journeyType: this.journeyType,
      version: this.versions[0]!.version + 1,
      note,
      publishedBy: 'designer',
      publishedAt: '2026-03-02T10:00:00.000Z',
      settings,
    };
    this.versions.unshift(version);
    return version;
  }
}

// jsdom has no structuredClone; every value here is plain JSON anyway.
function copyJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** A small journey type whose settings have every kind of leaf the screen edits. */
export const demoJourneyType: SettingsJourneyType = {
  id: 'demo-reminders',
  title: 'Demo reminders',
  settingsSchema: {
    type: 'object',
    properties: {
      reminderLeadHours: {
        type: 'integer',
        minimum: 1,
        maximum: 336,
        description: 'Hours before the appointment that the reminder goes out.',
      },
      channelOrder: { type: 'array', items: { type: 'string', enum: ['sms', 'email', 'portal'] } },
      deadlineProfile: { type: 'string', enum: ['dilo', 'nhs-england'], description: 'Deadline profile.' },
      quietHours: {
        type: 'object',
        title: 'Quiet hours',
        properties: {
          enabled: { type: 'boolean' },
          start: { type: 'string' },
          end: { type: 'string' },
        },
      },
      retryDays: { type: 'array', items: { type: 'number' } },
      escalation: {
        type: 'object',
        properties: { steps: { type: 'array' }, closeAfterDays: { type: 'number' } },
      },
    },
  },
};

export const defaultDemoSettings = {
  reminderLeadHours: 24,
  channelOrder: ['sms', 'email', 'portal'],
  deadlineProfile: 'dilo',
  quietHours: { enabled: true, start: '21:00', end: '08:00' },
  retryDays: [1, 3],
  escalation: { steps: [{ afterDays: 0, action: 'message' }], closeAfterDays: 14 },
};

/** Version 1 (lead time 48 h) over the built-in defaults (version 0). */
export function demoSettingsClient(): FakeSettingsClient {
  return new FakeSettingsClient(demoJourneyType.id, [
    {
      journeyType: demoJourneyType.id,
      version: 1,
      note: 'Remind two days ahead',
      publishedBy: 'designer',
      publishedAt: '2026-03-01T09:00:00.000Z',
      settings: { ...copyJson(defaultDemoSettings), reminderLeadHours: 48 },
    },
    {
      journeyType: demoJourneyType.id,
      version: 0,
      note: 'Built-in defaults (no version published yet).',
      publishedBy: 'carepath',
      publishedAt: null,
      settings: copyJson(defaultDemoSettings),
    },
  ]);
}
