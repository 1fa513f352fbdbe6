import { Body, Controller, Delete, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiCookieAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { AppConfig } from '../../config/app-config';
import {
  AesGcmPayloadCodec,
  PayloadDecryptionError,
} from '../../shared/payload-encryption/aes-gcm-payload-codec';
import { AuditedAs } from '../audit/audited.decorator';
import { parse as parseCookies } from 'cookie';
import type { AuthenticatedRequest } from '../auth/api-key.guard';
import { DocumentedRoles, Roles, SignatureAuthenticated } from '../auth/roles.decorator';
import { badRequest } from '../errors/api-error';
import { APP_CONFIG } from '../infrastructure/tokens';
import { CodecAccessGuard } from './codec-access.guard';
import { payloadsFromRequest, payloadsToResponse, type PayloadJson } from './codec-payloads';
import {
  CODEC_SESSION_COOKIE,
  CODEC_SESSION_HOURS,
  CODEC_SESSION_PATH,
  CodecSessions,
} from './codec-session';

const PAYLOADS_SCHEMA = {
  type: 'object',
  required: ['payloads'],
  properties: {
    payloads: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          metadata: { type: 'object', additionalProperties: { type: 'string', format: 'byte' } },
          data: { type: 'string', format: 'byte' },
        },
      },
    },
  },
};

/**
 * The Temporal codec server protocol, so the Web UI and the CLI can show encrypted journey
 * histories to operators: decode and encode with the same keys the worker uses.
 */
@ApiTags('codec')
@Controller('codec')
export class CodecController {
  private readonly codec: AesGcmPayloadCodec;
  private readonly secureCookie: boolean;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly sessions: CodecSessions,
  ) {
    this.codec = new AesGcmPayloadCodec(config.payloadEncryption);
    this.secureCookie = config.publicBaseUrl.startsWith('https:');
  }

  @Post('decode')
  @HttpCode(200)
  @SignatureAuthenticated()
  @UseGuards(CodecAccessGuard)
  @DocumentedRoles('operator')
  // The payloads do not say whose they are: a client that knows (the CLI, a script) names the
  // journey in ?journeyId= so the row does too.
  @AuditedAs('payload.decode', { journeyId: 'query.journeyId' })
  @ApiBearerAuth()
  @ApiCookieAuth(CODEC_SESSION_COOKIE)
  @ApiOperation({ summary: 'Decrypt payloads for the Temporal Web UI or CLI (operators only).' })
  @ApiBody({ schema: PAYLOADS_SCHEMA })
  @ApiOkResponse({ schema: PAYLOADS_SCHEMA })
  @ApiBadRequestResponse({ description: 'Not codec protocol JSON, or a payload no configured key opens.' })
  async decode(@Body() body: unknown): Promise<{ payloads: PayloadJson[] }> {
    try {
      return payloadsToResponse(await this.codec.decode(payloadsFromRequest(body)));
    } catch (error) {
      if (error instanceof PayloadDecryptionError) throw badRequest(`Cannot decode: ${error.message}.`);
      throw error;
    }
  }

  @Post('encode')
  @HttpCode(200)
  @SignatureAuthenticated()
  @UseGuards(CodecAccessGuard)
  @DocumentedRoles('operator')
  @AuditedAs('payload.encode', { journeyId: 'query.journeyId' })
  @ApiBearerAuth()
  @ApiCookieAuth(CODEC_SESSION_COOKIE)
  @ApiOperation({ summary: 'Encrypt payloads an operator enters in the Web UI (a signal, a start input).' })
  @ApiBody({ schema: PAYLOADS_SCHEMA })
  @ApiOkResponse({ schema: PAYLOADS_SCHEMA })
  @ApiBadRequestResponse({ description: 'Not codec protocol JSON.' })
  async encode(@Body() body: unknown): Promise<{ payloads: PayloadJson[] }> {
    return payloadsToResponse(await this.codec.encode(payloadsFromRequest(body)));
  }

  @Post('session')
  @HttpCode(204)
  @Roles('operator')
  @AuditedAs('payload.session.open')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Open a codec session for the Temporal Web UI: an HttpOnly cookie for /api/codec, valid 8 hours ' +
      '(enable "Include cross-origin credentials" in the UI\'s codec settings).',
  })
  @ApiNoContentResponse()
  async openSession(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    const token = await this.sessions.issue({ caller: request.actor!.name });
    response.cookie(CODEC_SESSION_COOKIE, token, {
      httpOnly: true,
      // Strict still reaches the API from the Web UI: both are one site (same host, another port).
      sameSite: 'strict',
      secure: this.secureCookie,
      path: CODEC_SESSION_PATH,
      maxAge: CODEC_SESSION_HOURS * 3_600_000,
    });
  }

  @Delete('session')
  @HttpCode(204)
  @SignatureAuthenticated()
  @UseGuards(CodecAccessGuard)
  @DocumentedRoles('operator')
  @ApiBearerAuth()
  @ApiCookieAuth(CODEC_SESSION_COOKIE)
  @AuditedAs('payload.session.close')
  @ApiOperation({
    summary: 'End the codec session: revoked on the server, so no copy of its cookie decodes again.',
  })
  @ApiNoContentResponse()
  async closeSession(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    const token = parseCookies(request.headers.cookie ?? '')[CODEC_SESSION_COOKIE];
    if (token) await this.sessions.revoke(token);
    response.clearCookie(CODEC_SESSION_COOKIE, {
      path: CODEC_SESSION_PATH,
      httpOnly: true,
      sameSite: 'strict',
    });
  }
}
