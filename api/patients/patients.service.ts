import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { deliveryChannels, type DeliveryChannel } from '../../contracts/delivery-channels';
import { PatientContactStore } from '../../persistence/patient-contact-store';
import { defaultEngagementPolicy, quietWindowSchema } from '../../shared/engagement/engagement-policy';
import type { AppConfig } from '../../config/app-config';
import { badRequest } from '../errors/api-error';
import { APP_CONFIG } from '../infrastructure/tokens';
import { patientRefFor } from '../../shared/journeys/patient-ref';
import { OutreachLog } from '../outreach/outreach-log.service';
import type { OutreachMessageView } from '../outreach/dto/outreach-views';
import type { ConsentDto, ConsentView, PatientContactDto, PatientContactView } from './dto/contact.dto';

const CONTACT_FIELDS = [
  'givenName',
  'email',
  'phone',
  'portalEnabled',
  'language',
  'readingLevel',
  'timeZone',
  'channelOrder',
  'quietHours',
] as const satisfies ReadonlyArray<keyof PatientContactDto>;

/** Patients as the engagement layer knows them: contact, consent, what they were sent, their portal inbox. */
@Injectable()
export class PatientsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly contacts: PatientContactStore,
    private readonly outreach: OutreachLog,
  ) {}

  async contact(patientId: string): Promise<PatientContactView> {
    const ref = this.refOf(patientId);
    const [contact, consents] = await Promise.all([this.contacts.find(ref), this.contacts.consents(ref)]);
    return {
      contact: contact && {
        ...(contact.givenName ? { givenName: contact.givenName } : {}),
        ...(contact.email ? { email: contact.email } : {}),
        ...(contact.phone ? { phone: contact.phone } : {}),
        portalEnabled: contact.portalEnabled,
        language: contact.language,
        readingLevel: contact.readingLevel,
        ...(contact.timeZone ? { timeZone: contact.timeZone } : {}),
        channelOrder: contact.channelOrder,
        ...(contact.quietHours ? { quietHours: contact.quietHours as PatientContactDto['quietHours'] } : {}),
      },
      consents: consents.map(consentView),
    };
  }

  /**
   * Merges the fields the request names into the profile: a field left out keeps its value, a
   * field sent as null is cleared (back to its default where it has one). A body that names no
   * field is refused: an empty or garbage body must never erase how a patient is reached.
   */
  async saveContact(patientId: string, body: PatientContactDto): Promise<PatientContactView> {
    const named = CONTACT_FIELDS.filter((field) => body[field] !== undefined);
    if (named.length === 0) {
      throw badRequest(`The body names no contact field; send one or more of: ${CONTACT_FIELDS.join(', ')}.`);
    }
    const ref = this.refOf(patientId);
    const current = await this.contacts.find(ref);
    const given = <K extends keyof PatientContactDto>(field: K) =>
      body[field] === undefined ? undefined : { value: body[field] };
    const pick = <T>(field: keyof PatientContactDto, kept: T, cleared: T): T => {
      const change = given(field);
      if (!change) return kept;
      return change.value === null ? cleared : (change.value as T);
    };
    const quietHours = given('quietHours');
    const defaults = defaultEngagementPolicy;
    await this.contacts.save(ref, {
      givenName: pick('givenName', current?.givenName ?? null, null),
      email: pick('email', current?.email ?? null, null),
      phone: pick('phone', current?.phone ?? null, null),
      portalEnabled: pick('portalEnabled', current?.portalEnabled ?? false, false),
      language: pick('language', current?.language ?? 'en', 'en'),
      readingLevel: pick('readingLevel', current?.readingLevel ?? 'plain', 'plain'),
      timeZone: pick('timeZone', current?.timeZone ?? null, null),
      channelOrder: pick(
        'channelOrder',
        current?.channelOrder ?? defaults.defaultChannelOrder,
        defaults.defaultChannelOrder,
      ),
      quietHours: !quietHours
        ? (current?.quietHours ?? null)
        : quietHours.value
          ? checkQuietHours(quietHours.value as NonNullable<PatientContactDto['quietHours']>)
          : null,
    });
    return this.contact(patientId);
  }

  async setConsent(patientId: string, channel: DeliveryChannel, body: ConsentDto): Promise<ConsentView> {
    const consent = await this.contacts.setConsent(this.refOf(patientId), {
      channel,
      status: body.status,
      source: body.source ?? 'api',
    });
    return consentView(consent);
  }

  messages(patientId: string, channel?: DeliveryChannel): Promise<OutreachMessageView[]> {
    return this.outreach.forPatient(this.refOf(patientId), channel);
  }

  /** The portal inbox: messages stored for the patient, not those still being written. */
  async inbox(patientId: string): Promise<OutreachMessageView[]> {
    const messages = await this.outreach.forPatient(this.refOf(patientId), 'portal');
    return messages.filter((message) => message.status !== 'sending' && message.status !== 'failed');
  }

  /** Marks a portal message read: a delivery status, and a response for a journey waiting on one. */
  async markRead(patientId: string, messageId: string): Promise<void> {
    const inbox = await this.inbox(patientId);
    if (!inbox.some((message) => message.id === messageId)) {
      throw new NotFoundException({
        message: `No portal message "${messageId}" for this patient.`,
        errors: [],
      });
    }
    await this.outreach.applyStatus({ id: messageId }, 'read', 'patient', null);
  }

  private refOf(patientId: string): string {
    return patientRefFor(patientId, this.config.pseudonymKey);
  }
}

function consentView(consent: {
  channel: string;
  status: string;
  source: string;
  changedAt: Date;
}): ConsentView {
  return {
    channel: consent.channel,
    status: consent.status,
    source: consent.source,
    changedAt: consent.changedAt.toISOString(),
  };
}

function checkQuietHours(given: Record<string, unknown>) {
  const checked: Record<string, { start: string; end: string } | null> = {};
  for (const [channel, window] of Object.entries(given)) {
    if (!(deliveryChannels as readonly string[]).includes(channel)) {
      throw badRequest('The quiet hours are not valid.', [
        { field: `quietHours.${channel}`, message: `not a channel; use ${deliveryChannels.join(', ')}` },
      ]);
    }
    const parsed = quietWindowSchema.nullable().safeParse(window);
    if (!parsed.success) {
      throw badRequest('The quiet hours are not valid.', [
        {
          field: `quietHours.${channel}`,
          message: parsed.error.issues.map((issue) => issue.message).join('; '),
        },
      ]);
    }
    checked[channel] = parsed.data;
  }
  return checked;
}
