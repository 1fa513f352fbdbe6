import { signWebhookBody, verifyWebhookSignature } from './webhook-signature';

describe('webhook signatures', () => {
  const secret = 'a-shared-secret-of-at-least-32-characters';
  const body = Buffer.from('{"resourceType":"Bundle","type":"history"}');

  test('a signature over the exact body with the shared secret is accepted', () => {
    const signature = signWebhookBody(body, secret);
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(body, signature, secret)).toBe(true);
    expect(verifyWebhookSignature(body, signature.toUpperCase().replace('SHA256=', 'sha256='), secret)).toBe(
      true,
    );
  });

  test('another body, another secret, a truncated or empty signature are refused', () => {
    const signature = signWebhookBody(body, secret);
    expect(verifyWebhookSignature(Buffer.from(`${body.toString()} `), signature, secret)).toBe(false);
    expect(verifyWebhookSignature(body, signWebhookBody(body, `${secret}x`), secret)).toBe(false);
    expect(verifyWebhookSignature(body, signature.slice(0, -2), secret)).toBe(false);
    expect(verifyWebhookSignature(body, '', secret)).toBe(false);
  });
});
