import { findUnsafeInput } from './unsafe-input';

describe('findUnsafeInput', () => {
  it('finds NUL characters, which PostgreSQL text cannot hold, at their place', () => {
    expect(findUnsafeInput({ a: ['ok', 'bad\u0000'] })).toEqual([{ field: 'a[1]', message: 'must not contain the NUL character (\\u0000)' }]);
  });

  it('finds "__proto__" keys at any depth but lets "constructor" through as data', () => {
    const raw = JSON.parse('{"properties": {"nested": {"__proto__": 1}, "constructor": "x"}}');
    expect(findUnsafeInput(raw)).toEqual([{ field: 'properties.nested.__proto__', message: expect.stringMatching(/reserved name/) }]);
  });

  it('stops at deep nesting instead of recursing without end', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 40; i++) deep = [deep];
    expect(findUnsafeInput(deep)).toEqual([{ field: expect.any(String), message: 'is nested more than 32 levels deep' }]);
  });
});
