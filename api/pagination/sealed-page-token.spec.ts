import { PageTokenSeal } from './sealed-page-token';

describe(PageTokenSeal.name, () => {
  const seal = new PageTokenSeal('installation secret');
  const token = Buffer.from('{"LastCloseTime":"2026-12-01"}');

  test('opens the tokens it sealed, for the query it sealed them for', () => {
    expect(seal.open(seal.seal(token, 'q1'), 'q1')).toEqual(token);
  });

  test('refuses tokens it never issued, altered ones, and those of another query or installation', () => {
    const sealed = seal.seal(token, 'q1');
    expect(seal.open('AAAA', 'q1')).toBeUndefined();
    expect(seal.open(Buffer.from(token).toString('base64url'), 'q1')).toBeUndefined();
    expect(seal.open(`${sealed.slice(0, -2)}xx`, 'q1')).toBeUndefined();
    expect(seal.open(sealed, 'q2')).toBeUndefined();
    expect(new PageTokenSeal('another secret').open(sealed, 'q1')).toBeUndefined();
  });
});
