import {
  Body,
  Controller,
  ForbiddenException,
  Header,
  HttpCode,
  Inject,
  Post,
  Req,
  ServiceUnavailableException,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request } from 'express';
import { verifyTwilioSignature } from '../../channels/sms/twilio-webhook-signature';
import {
  SMS_INBOUND_PATH,
  SMS_STATUS_MESSAGE_PARAM,
  SMS_STATUS_PATH,
} from '../../shared/engagement/delivery-links';
import { PatientContactStore } from '../../persistence/patient-contact-store';
import type { AppConfig } from '../../config/app-config';
import { patientRespondedSignal } from '../../contracts/journey-contract';
import { SignatureAuthenticated } from '../auth/roles.decorator';
import { AuditedAs } from '../audit/audited.decorator';
import { noteAuditedPatients } from '../audit/audited-patients';
import { APP_CONFIG, DATA_SOURCE } from '../infrastructure/tokens';
import { OutreachLog, type ProviderStatus } from '../outreach/outreach-log.service';
import { JourneySignals } from './journey-signals.service';
import { smsKeyword } from './sms-keywords';
import type { DataSource } from 'typeorm';
import { isUUID } from 'class-validator';
import { badRequest } from '../errors/api-error';

type TwilioForm = Record<string, string>;

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

/** Twilio's message statuses, as the outreach log counts them. */
const statusOf: Record<string, ProviderStatus | undefined> = {
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  undelivered: 'failed',
  failed: 'failed',
};

/**
 * Webhooks of the SMS provider, in Twilio's format: inbound messages (STOP and START change
 * consent for every journey at once; other replies count as the patient responding) and
 * delivery status callbacks. Both are authenticated by Twilio's request signature, checked
 * against the public URL the provider was given.
 */
@ApiExcludeController()
@SignatureAuthenticated()
@Controller()
export class SmsWebhooksController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly outreach: OutreachLog,
    private readonly signals: JourneySignals,
  ) {}

  @Post(SMS_INBOUND_PATH.replace(/^\/api\//, ''))
  // STOP/START change a patient's consent and replies move journeys. The message names no patient
  // id (a phone number is looked up): the rows name each patient it concerned by reference.
  @AuditedAs('patient.sms.inbound', { signedBy: 'sms-provider' })
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  async inbound(@Req() request: Request, @Body() form: TwilioForm): Promise<string> {
    this.verify(request, form, SMS_INBOUND_PATH);
    if (!form.MessageSid) {
      throw badRequest('The inbound message has no MessageSid.', [
        { field: 'MessageSid', message: 'missing' },
      ]);
    }
    const from = form.From ?? '';
    const keyword = smsKeyword(form.Body ?? '');
    // Once per provider message, consent changes included: a replayed STOP (a captured request
    // sent again after the patient texted START) finds its id taken and changes nothing.
    const taken = await this.dataSource.transaction(async (manager) => {
      // Plain SQL: TypeORM leaves out RETURNING for an entity without generated columns.
      const inserted: unknown[] = await manager.query(
        `INSERT INTO sms_inbound_message (provider_message_id, received_at) VALUES ($1, now())
          ON CONFLICT DO NOTHING RETURNING provider_message_id`,
        [form.MessageSid],
      );
      if (inserted.length === 0) return undefined;
      const contacts = new PatientContactStore(manager);
      const patientRefs = await contacts.refsByPhone(from);
      noteAuditedPatients(request, patientRefs);
      if (keyword) {
        for (const patientRef of patientRefs) {
          await contacts.setConsent(patientRef, {
            channel: 'sms',
            status: keyword === 'opt-out' ? 'revoked' : 'granted',
            source: 'sms-keyword',
          });
        }
      }
      return patientRefs;
    });
    if (taken && !keyword) {
      for (const patientRef of taken) {
        await this.signals.sendToRunningJourneysOf(patientRef, patientRespondedSignal, { channel: 'sms' });
      }
    }
    // The provider sends the carrier-required STOP/START confirmations itself.
    return EMPTY_TWIML;
  }

  // Not audited: a delivery receipt for a message we sent changes no patient data, and each one
  // is already kept in the outreach log's delivery events (source "provider").
  @Post(SMS_STATUS_PATH.replace(/^\/api\//, ''))
  @HttpCode(204)
  async status(@Req() request: Request, @Body() form: TwilioForm): Promise<void> {
    this.verify(request, form, SMS_STATUS_PATH);
    const status = statusOf[form.MessageStatus ?? ''];
    if (!status || !form.MessageSid) return;
    // Our own id in the callback URL finds the message even before the provider's id is recorded.
    const outreachMessageId = request.query[SMS_STATUS_MESSAGE_PARAM];
    await this.outreach.applyStatus(
      typeof outreachMessageId === 'string' && isUUID(outreachMessageId)
        ? { id: outreachMessageId, channel: 'sms' }
        : { channel: 'sms', providerMessageId: form.MessageSid },
      status,
      'provider',
      form.ErrorCode ? `twilio-${form.ErrorCode}` : (form.MessageStatus ?? null),
    );
  }

  private verify(request: Request, form: TwilioForm, path: string): void {
    // Twilio posts flat forms: a text/plain or empty body arrives as no object at all, and a field
    // given twice as an array; neither is a callback Twilio could have signed.
    if (!isFlatForm(form)) {
      throw badRequest('The webhook body is not a Twilio form.', [
        { field: '(body)', message: 'must be application/x-www-form-urlencoded with each field once' },
      ]);
    }
    const authToken = this.config.smsWebhookAuthToken;
    if (!authToken) throw new ServiceUnavailableException('SMS is not configured (TWILIO_AUTH_TOKEN).');
    const signature = request.header('x-twilio-signature') ?? '';
    // Twilio signs the URL it was given, query included.
    const query = request.originalUrl.includes('?')
      ? request.originalUrl.slice(request.originalUrl.indexOf('?'))
      : '';
    const url = `${this.config.publicBaseUrl}${path}${query}`;
    if (!verifyTwilioSignature({ authToken, signature, url, params: form })) {
      throw new ForbiddenException('The request signature is not valid.');
    }
  }
}

function isFlatForm(body: unknown): body is TwilioForm {
  return (
    typeof body === 'object' &&
    body !== null &&
    !Array.isArray(body) &&
    Object.values(body).every((value) => typeof value === 'string')
  );
}
