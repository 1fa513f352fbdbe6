import { ApiKeyVerifier } from './api-key-verifier';

describe(ApiKeyVerifier.name, () => {
  const verifier = new ApiKeyVerifier([
    { role: 'operator', secret: 'operator-secret' },
    { role: 'operator', secret: 'rotated-operator-secret' },
    { role: 'designer', secret: 'designer-secret' },
  ]);

  test('maps each configured key to its role, including rotated keys', () => {
    expect(verifier.roleOf('operator-secret')).toBe('operator');
    expect(verifier.roleOf('rotated-operator-secret')).toBe('operator');
    expect(verifier.roleOf('designer-secret')).toBe('designer');
  });

  test('rejects near misses', () => {
    expect(verifier.roleOf('operator-secre')).toBeUndefined();
    expect(verifier.roleOf('operator-secret ')).toBeUndefined();
    expect(verifier.roleOf('')).toBeUndefined();
  });
});
