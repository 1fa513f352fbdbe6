import { createHmac } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';

/**
 * The Temporal Web UI calls the codec server from the browser and can send cookies but not our
 * API keys ("Include cross-origin credentials"). An operator therefore opens a codec session
 * with their key and the browser keeps it as an HttpOnly cookie scoped to /api/codec: usable for
 * decoding only, for a working day, and never readable by page scripts.
 */
export const CODEC_SESSION_COOKIE = 'carepath_codec_session';
export const CODEC_SESSION_PATH = '/api/codec';
export const CODEC_SESSION_HOURS = 8;
const AUDIENCE = 'carepath-codec';

export interface CodecSessionClaims {
  /** Who opened it: the API key's name, for the audit trail. */
  caller: string;
}

export class CodecSessions {
  private readonly key: Uint8Array;

  /** A key of its own, derived from the pseudonym secret, so neither use can stand in for the other. */
  constructor(secret: string) {
    this.key = createHmac('sha256', secret).update('carepath codec session v1').digest();
  }

  issue(claims: CodecSessionClaims, now = new Date()): Promise<string> {
    return new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.caller)
      .setAudience(AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(new Date(now.getTime() + CODEC_SESSION_HOURS * 3_600_000))
      .sign(this.key);
  }

  /** The session's caller, or undefined when the token is forged, expired or not a codec session. */
  async verify(token: string): Promise<CodecSessionClaims | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.key, { audience: AUDIENCE, algorithms: ['HS256'] });
      return payload.sub ? { caller: payload.sub } : undefined;
    } catch {
      return undefined;
    }
  }
}
