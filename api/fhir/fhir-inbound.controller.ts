import { Controller, HttpCode, HttpStatus, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { WEBHOOK_SIGNATURE_HEADER } from './inbound/webhook-signature';
import { ACCEPTED_CONTENT_TYPES } from './inbound/inbound-body';
import { SignatureAuthenticated } from '../auth/roles.decorator';
import { AuditedAs } from '../audit/audited.decorator';
import { singleJourneyOfEhrResult } from '../audit/audit-targets';
import { letAuditOutcomeFollowAnswer } from '../audit/outcome-after-answer';
import { receiptAuditRow } from '../audit/audit-row-opening';
import { InboundResultView } from './dto/inbound-result.view';
import { FhirInboundService } from './fhir-inbound.service';
import { FhirWebhookGuard } from './fhir-webhook.guard';

/** Seconds an EHR should wait before sending again what could not be applied now. */
const RETRY_AFTER_SECONDS = 30;

/** The path the raw-body parser is mounted on (api/create-app.ts): the signature covers the exact bytes. */
export const FHIR_WEBHOOK_PATH = '/api/fhir';

@ApiTags('ehr')
@ApiBearerAuth()
// The guard below authenticates instead of the API-key guard: an integration key or a signed body.
@SignatureAuthenticated()
@UseGuards(FhirWebhookGuard)
@Controller('fhir')
export class FhirInboundController {
  constructor(private readonly inbound: FhirInboundService) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  // EHR events start journeys and change consent; the actor is the integration key or the signature.
  @AuditedAs('ehr.event.receive', {
    journeyId: singleJourneyOfEhrResult,
    signedBy: 'ehr-webhook',
    // The inbox's first store writes the row too; nothing is applied before it exists.
    openedWhileReceiving: true,
    carriedByFirstWrite: true,
  })
  @ApiOperation({
    summary: 'EHR events in: FHIR R4 subscription notifications (backport IG), resources and bundles.',
    description:
      'Each event is stored before it is applied and applied once: a redelivery answers "duplicate". ' +
      'Needs an integration API key or a signature of the body (see docs/ehr-events.md).',
  })
  @ApiConsumes(...ACCEPTED_CONTENT_TYPES)
  @ApiBody({
    description:
      'A notification Bundle (type history, status Parameters first), a transaction/batch/collection Bundle, or a resource.',
    schema: { type: 'object', required: ['resourceType'], properties: { resourceType: { type: 'string' } } },
  })
  @ApiHeader({
    name: WEBHOOK_SIGNATURE_HEADER,
    required: false,
    description: 'sha256=<hex HMAC-SHA256 of the body with FHIR_WEBHOOK_SECRET>, instead of an API key.',
  })
  @ApiOkResponse({ type: InboundResultView, description: 'What happened to each entry.' })
  @ApiBadRequestResponse({ description: 'Not JSON, not FHIR R4, or a notification without its status.' })
  @ApiUnauthorizedResponse({ description: 'No integration key and no valid signature; nothing stored.' })
  @ApiUnsupportedMediaTypeResponse({ description: 'Neither application/fhir+json nor application/json.' })
  @ApiServiceUnavailableResponse({
    type: InboundResultView,
    description: 'Some entries are stored but could not be applied now: send them again.',
  })
  async receive(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<InboundResultView> {
    // The inbox keeps each entry's outcome: the audit row exists before any entry is stored, and
    // its status need not hold the EHR's answer back.
    letAuditOutcomeFollowAnswer(request);
    const { view, retryLater } = await this.inbound.receive(
      bodyBytes(request),
      request.header('content-type'),
      receiptAuditRow(request),
    );
    if (retryLater)
      response.status(HttpStatus.SERVICE_UNAVAILABLE).setHeader('Retry-After', `${RETRY_AFTER_SECONDS}`);
    return view;
  }
}

function bodyBytes(request: Request): Buffer | undefined {
  return Buffer.isBuffer(request.body) ? request.body : undefined;
}
