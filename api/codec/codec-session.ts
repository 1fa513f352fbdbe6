import { createHmac } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { IsNull, MoreThan, type DataSource } from 'typeorm';
import { CodecSession } from '../../persistence/entities/codec-session.entity';
import type { ApiKey } from '../../config/api-keys';

/**
 * The Temporal Web UI calls the codec server from the browser and can send cookies but not our
 * API keys ("Include cross-origin credentials"). An operator therefore opens a codec session
 * with their key and the browser keeps it as an HttpOnly cookie scoped to /api/codec: usable for
 * decoding only, for a working day, and never readable by page scripts.
 *
 * The cookie is a signed token that names a session row and nothing else: the row says who opened
 * it (from the key registry, never from the token), and closing the session revokes the row, so a
 * copied cookie stops decoding too. A token without an expiry is refused.
 */
export const CODEC_SESSION_COOKIE = 'carepath_codec_session';
export const CODEC_SESSION_PATH = '/api/codec';
export const CODEC_SESSION_HOURS = 8;
const AUDIENCE = 'carepath-codec';

export interface CodecSessionClaims {
  /** Who opened it: the operator key's name, for the audit trail. */
  caller: string;
}

export class CodecSessions {
  private readonly key: Uint8Array;

  /** A key of its own, derived from the pseudonym secret, so neither use can stand in for the other. */
  constructor(
    secret: string,
    private readonly dataSource: DataSource,
    private readonly apiKeys: readonly ApiKey[],
  ) {
    this.key = createHmac('sha256', secret).update('carepath codec session v2').digest();
  }

  async issue(claims: CodecSessionClaims, now = new Date()): Promise<string> {
    const expiresAt = new Date(now.getTime() + CODEC_SESSION_HOURS * 3_600_000);
    const session = await this.dataSource
      .getRepository(CodecSession)
      .save({ actorName: claims.caller, openedAt: now, expiresAt, revokedAt: null });
    return new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setJti(session.id)
      .setAudience(AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(expiresAt)
      .sign(this.key);
  }

  /**
   * The session's caller, or undefined when the token is forged, has no expiry, has expired, was
   * revoked, or its operator no longer holds an operator key.
   */
  async verify(token: string, now = new Date()): Promise<CodecSessionClaims | undefined> {
    const id = await this.sessionIdOf(token);
    if (!id) return undefined;
    const session = await this.dataSource
      .getRepository(CodecSession)
      .findOneBy({ id, revokedAt: IsNull(), expiresAt: MoreThan(now) });
    if (!session) return undefined;
    const stillOperator = this.apiKeys.some(
      (key) => key.role === 'operator' && key.name === session.actorName,
    );
    return stillOperator ? { caller: session.actorName } : undefined;
  }

  /** Ends the session for every copy of its cookie. */
  async revoke(token: string, now = new Date()): Promise<void> {
    const id = await this.sessionIdOf(token);
    if (id)
      await this.dataSource
        .getRepository(CodecSession)
        .update({ id, revokedAt: IsNull() }, { revokedAt: now });
  }

  private async sessionIdOf(token: string): Promise<string | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        audience: AUDIENCE,
        algorithms: ['HS256'],
        requiredClaims: ['exp', 'jti'],
      });
      return /^[0-9a-f-]{36}$/.test(payload.jti!) ? payload.jti : undefined;
    } catch {
      return undefined;
    }
  }
}
