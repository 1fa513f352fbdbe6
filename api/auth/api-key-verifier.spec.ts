import { ApiKeyVerifier } from './api-key-verifier';

describe(ApiKeyVerifier.name, () => {
  const verifier = new ApiKeyVerifier([
    { role: 'operator', name: 'alice', secret: 'operator-secret' },
    { role: 'operator', name: 'alice-rotated', secret: 'rotated-operator-secret' },
    { role: 'designer', name: 'designer-1a2b3c4d', secret: 'designer-secret' },
  ]);

  test('maps each configured key to its role, including rotated keys', () => {
    expect(verifier.holderOf('operator-secret')?.role).toBe('operator');
    expect(verifier.holderOf('rotated-operator-secret')?.role).toBe('operator');
    expect(verifier.holderOf('designer-secret')?.role).toBe('designer');
  });

  test("names the key's holder, as the audit trail records it", () => {
    expect(verifier.holderOf('operator-secret')).toEqual({ role: 'operator', name: 'alice' });
    expect(verifier.holderOf('rotated-operator-secret')).toEqual({ role: 'operator', name: 'alice-rotated' });
  });

  test('rejects near misses', () => {
    expect(verifier.holderOf('operator-secre')?.role).toBeUndefined();
    expect(verifier.holderOf('operator-secret ')?.role).toBeUndefined();
    expect(verifier.holderOf('')).toBeUndefined();
  });
});
