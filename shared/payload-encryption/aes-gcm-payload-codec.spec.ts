import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter, METADATA_ENCODING_KEY, type Payload } from '@temporalio/common';
import {
  AesGcmPayloadCodec,
  ENCRYPTED_ENCODING,
  ENCRYPTION_KEY_ID_METADATA,
  PayloadDecryptionError,
} from './aes-gcm-payload-codec';
import { formatPayloadEncryptionKey, parsePayloadEncryptionKeys } from './encryption-keys';

const keyA = { id: 'key-a', key: randomBytes(32) };
const keyB = { id: 'key-b', key: randomBytes(32) };
const keysOf = (...keys: Array<typeof keyA>) =>
  parsePayloadEncryptionKeys(keys.map(formatPayloadEncryptionKey).join(','));

const patient = { name: 'Zebulon Quartermaine', phone: '+15550001234', email: 'zebulon@example.org' };
const text = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? []).toString('utf8');

describe('AesGcmPayloadCodec', () => {
  test('an encoded payload carries ciphertext and the key id, and decodes to the original', async () => {
    const codec = new AesGcmPayloadCodec(keysOf(keyA));
    const original = defaultPayloadConverter.toPayload(patient);
    const [encoded] = await codec.encode([original]);

    expect(text(encoded!.metadata![METADATA_ENCODING_KEY])).toBe(ENCRYPTED_ENCODING);
    expect(text(encoded!.metadata![ENCRYPTION_KEY_ID_METADATA])).toBe('key-a');
    const stored = Buffer.from(encoded!.data!).toString('latin1');
    for (const value of Object.values(patient)) expect(stored).not.toContain(value);
    expect(stored).not.toContain('json/plain');

    const [decoded] = await codec.decode([encoded!]);
    expect(defaultPayloadConverter.fromPayload(decoded!)).toEqual(patient);
  });

  test('the same value encrypts differently each time (fresh IV)', async () => {
    const codec = new AesGcmPayloadCodec(keysOf(keyA));
    const payload = defaultPayloadConverter.toPayload(patient);
    const [first, second] = await codec.encode([payload, payload]);
    expect(Buffer.from(first!.data!).equals(Buffer.from(second!.data!))).toBe(false);
  });

  test('after a rotation the new key encrypts and the old one still decrypts', async () => {
    const [beforeRotation] = await new AesGcmPayloadCodec(keysOf(keyA)).encode([
      defaultPayloadConverter.toPayload('old'),
    ]);
    const rotated = new AesGcmPayloadCodec(keysOf(keyB, keyA));
    const [afterRotation] = await rotated.encode([defaultPayloadConverter.toPayload('new')]);

    expect(text(afterRotation!.metadata![ENCRYPTION_KEY_ID_METADATA])).toBe('key-b');
    const decoded = await rotated.decode([beforeRotation!, afterRotation!]);
    expect(decoded.map((payload) => defaultPayloadConverter.fromPayload(payload))).toEqual(['old', 'new']);
  });

  test('a payload under a retired key is refused with the key id named', async () => {
    const [encoded] = await new AesGcmPayloadCodec(keysOf(keyA)).encode([
      defaultPayloadConverter.toPayload(1),
    ]);
    await expect(new AesGcmPayloadCodec(keysOf(keyB)).decode([encoded!])).rejects.toThrow(
      new PayloadDecryptionError(
        'payload encrypted with key "key-a", which is not among PAYLOAD_ENCRYPTION_KEYS',
      ),
    );
  });

  test('tampered ciphertext and a payload relabelled to another key fail authentication', async () => {
    const codec = new AesGcmPayloadCodec(keysOf(keyA, keyB));
    const [encoded] = await codec.encode([defaultPayloadConverter.toPayload(patient)]);
    const flipped = Buffer.from(encoded!.data!);
    flipped[20]! ^= 1;
    await expect(codec.decode([{ ...encoded!, data: flipped }])).rejects.toThrow(/failed authentication/);

    const relabelled: Payload = {
      ...encoded!,
      metadata: { ...encoded!.metadata, [ENCRYPTION_KEY_ID_METADATA]: Buffer.from('key-b') },
    };
    await expect(codec.decode([relabelled])).rejects.toThrow(/failed authentication/);
  });

  test('payloads written before encryption was turned on pass through unchanged', async () => {
    const clear = defaultPayloadConverter.toPayload(patient);
    const [decoded] = await new AesGcmPayloadCodec(keysOf(keyA)).decode([clear]);
    expect(decoded).toBe(clear);
  });
});

describe('parsePayloadEncryptionKeys', () => {
  test('the first key is the active one; all decrypt', () => {
    const keys = keysOf(keyB, keyA);
    expect(keys.active.id).toBe('key-b');
    expect(keys.all.map((key) => key.id)).toEqual(['key-b', 'key-a']);
  });

  test.each([
    ['', 'no keys configured'],
    ['just-base64', 'entry 1 needs the form <key id>=<base64 key>'],
    [`bad id=${randomBytes(32).toString('base64')}`, 'entry 1 needs the form'],
    [`short=${randomBytes(16).toString('base64')}`, 'key "short" is 16 bytes; AES-256 needs 32'],
    [`${formatPayloadEncryptionKey(keyA)},${formatPayloadEncryptionKey(keyA)}`, 'a key id appears twice'],
  ])('%j is refused: %s', (value, message) => {
    expect(() => parsePayloadEncryptionKeys(value)).toThrow(message);
  });

  test('errors never quote key material', () => {
    const secret = randomBytes(20).toString('base64');
    expect(() => parsePayloadEncryptionKeys(`k=${secret}`)).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining(secret) as string }),
    );
  });
});
