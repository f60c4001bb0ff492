import { apiKeyPrefix, bearerKey, isApiKeyShaped } from './api-key-secret';

describe('API key secrets', () => {
  const secret = 'marea_' + 'A'.repeat(43);

  it('recognise their shape and keep a short prefix to tell them apart', () => {
    expect(isApiKeyShaped(secret)).toBe(true);
    expect(isApiKeyShaped(secret + 'x')).toBe(false);
    expect(isApiKeyShaped('Bearer something')).toBe(false);
    expect(apiKeyPrefix(secret)).toBe('marea_AAAAAAAA');
  });

  it('are read from a bearer authorization header only', () => {
    expect(bearerKey(`Bearer ${secret}`)).toBe(secret);
    expect(bearerKey(`bearer   ${secret} `)).toBe(secret);
    expect(bearerKey(`Basic ${secret}`)).toBeNull();
    expect(bearerKey(undefined)).toBeNull();
  });
});
