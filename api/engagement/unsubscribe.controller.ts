import { Controller, Get, Header, HttpCode, Inject, Post, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { ApiExcludeController } from '@nestjs/swagger';
import { UNSUBSCRIBE_PATH, verifyUnsubscribeToken } from '../../shared/engagement/delivery-links';
import { PatientContactStore } from '../../persistence/patient-contact-store';
import type { AppConfig } from '../../config/app-config';
import { SignatureAuthenticated } from '../auth/roles.decorator';
import { AuditedAs } from '../audit/audited.decorator';
import { noteAuditedPatients } from '../audit/audited-patients';
import { APP_CONFIG } from '../infrastructure/tokens';
import { badRequest } from '../errors/api-error';

/**
 * The unsubscribe link in every email. Opening it shows a confirmation button (mail scanners
 * open links, so a GET changes nothing); the button, and mail clients' one-click unsubscribe
 * (RFC 8058), POST and revoke email consent for every journey of the patient.
 */
@ApiExcludeController()
@SignatureAuthenticated()
@Controller(UNSUBSCRIBE_PATH.replace(/^\/api\//, ''))
export class UnsubscribeController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly contacts: PatientContactStore,
  ) {}

  // Not audited: the confirmation page shows and changes nothing.
  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  confirm(@Query('token') token: unknown): string {
    this.claim(token);
    return page(
      'Stop emails from your care team?',
      `<form method="post" action="?token=${encodeURIComponent(token as string)}"><button type="submit">Unsubscribe from email</button></form>` +
        '<p>You will still get messages on other channels you agreed to.</p>',
    );
  }

  @Post()
  @HttpCode(200)
  // Revokes the patient's email consent; the signed link names a pseudonym, not the patient id.
  @AuditedAs('patient.consent.unsubscribe', { signedBy: 'unsubscribe-link' })
  @Header('Content-Type', 'text/html; charset=utf-8')
  async unsubscribe(@Req() request: Request, @Query('token') token: unknown): Promise<string> {
    const { patientRef, channel } = this.claim(token);
    noteAuditedPatients(request, [patientRef]);
    await this.contacts.setConsent(patientRef, { channel, status: 'revoked', source: 'email-unsubscribe' });
    return page('You are unsubscribed', '<p>You will not get emails from us any more.</p>');
  }

  private claim(token: unknown) {
    // `?token=a&token=b` arrives as an array: one link holds one token.
    if (typeof token !== 'string') {
      throw badRequest('This unsubscribe link is not valid.', [
        { field: 'token', message: token === undefined ? 'missing' : 'must be given once' },
      ]);
    }
    const claim = verifyUnsubscribeToken(token, this.config.pseudonymKey);
    if (!claim || claim.channel !== 'email') {
      throw badRequest('This unsubscribe link is not valid.', [
        { field: 'token', message: 'invalid or altered' },
      ]);
    }
    return claim;
  }
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1>${body}</body></html>`;
}
