import { safeReturnUrl } from './safe-return-url';

describe('where sign-in leads back to', () => {
  it('is a place inside Marea only', () => {
    expect(safeReturnUrl('/imports?job=1')).toBe('/imports?job=1');
    expect(safeReturnUrl('//evil.example')).toBe('/');
    expect(safeReturnUrl('/\\evil.example')).toBe('/');
    expect(safeReturnUrl('https://evil.example')).toBe('/');
    expect(safeReturnUrl(undefined)).toBe('/');
  });
});
