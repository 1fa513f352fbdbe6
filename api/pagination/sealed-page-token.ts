import { createHmac, timingSafeEqual } from 'node:crypto';

/*
 * Temporal's list page tokens are opaque bytes that the server trusts: one the API never issued
 * ("AAAA") made the visibility store retry for 20 s and answer 500. The API therefore seals each
 * token it hands out with a MAC over the token and the query it pages, and refuses at once any
 * token it did not seal for that same query.
 */

const MAC_BYTES = 16;

export class PageTokenSeal {
  private readonly key: Buffer;

  /** A key of its own, derived from the installation's secret, so no other use can stand in for it. */
  constructor(secret: string) {
    this.key = createHmac('sha256', secret).update('carepath page token v1').digest();
  }

  seal(token: Uint8Array, query: string): string {
    return Buffer.concat([this.mac(token, query), token]).toString('base64url');
  }

  /** The server's token inside a sealed one, or undefined when this API did not seal it for `query`. */
  open(sealed: string, query: string): Buffer | undefined {
    const bytes = Buffer.from(sealed, 'base64url');
    if (bytes.length <= MAC_BYTES) return undefined;
    const token = bytes.subarray(MAC_BYTES);
    return timingSafeEqual(bytes.subarray(0, MAC_BYTES), this.mac(token, query)) ? token : undefined;
  }

  private mac(token: Uint8Array, query: string): Buffer {
    return createHmac('sha256', this.key)
      .update(query)
      .update('\0')
      .update(token)
      .digest()
      .subarray(0, MAC_BYTES);
  }
}
