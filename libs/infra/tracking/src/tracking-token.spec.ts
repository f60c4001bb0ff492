import fc from 'fast-check';
import { TrackingTokens, type TrackingClaims } from './tracking-token';

const tokens = new TrackingTokens('a-secret-of-at-least-thirty-two-characters');
const click: TrackingClaims = { purpose: 'click', messageId: '<d-1@marea>', customerId: '42', url: 'https://shop.example/sale?utm=mail' };

describe('signed tracking tokens', () => {
  it('carries the message, the customer, the purpose and the destination of a link', () => {
    expect(tokens.verify(tokens.sign(click))).toEqual(click);
    const open: TrackingClaims = { purpose: 'open', messageId: '<d-1@marea>', customerId: '42' };
    expect(tokens.verify(tokens.sign(open))).toEqual(open);
  });

  it('refuses a token whose destination was swapped for another site', () => {
    const [, mac] = tokens.sign(click).split('.');
    const forged = Buffer.from(JSON.stringify(['click', '<d-1@marea>', '42', 'https://evil.example/'])).toString('base64url');
    expect(tokens.verify(`${forged}.${mac}`)).toBeNull();
  });

  it('refuses an open token turned into an unsubscribe token, or moved to another customer', () => {
    const [, mac] = tokens.sign({ purpose: 'open', messageId: 'm', customerId: '42' }).split('.');
    for (const fields of [['unsubscribe', 'm', '42'], ['open', 'm', '43']]) {
      expect(tokens.verify(`${Buffer.from(JSON.stringify(fields)).toString('base64url')}.${mac}`)).toBeNull();
    }
  });

  it('refuses a token signed with another secret, a truncated one and garbage', () => {
    const other = new TrackingTokens('another-secret-of-thirty-two-characters!');
    const token = tokens.sign(click);
    expect(other.verify(token)).toBeNull();
    expect(tokens.verify(token.slice(0, -1))).toBeNull();
    expect(tokens.verify(token.split('.')[0])).toBeNull();
    for (const garbage of ['', '.', 'abc', 'abc.def', '..', `${token}.x`]) expect(tokens.verify(garbage)).toBeNull();
  });

  it('refuses a short secret', () => {
    expect(() => new TrackingTokens('too short')).toThrow(/32 characters/);
  });

  describe('properties', () => {
    const claims = fc.oneof(
      fc.record({ purpose: fc.constantFrom('open' as const, 'unsubscribe' as const), messageId: fc.string(), customerId: fc.string() }),
      fc.record({ purpose: fc.constant('click' as const), messageId: fc.string(), customerId: fc.string(), url: fc.webUrl() }),
    );

    it('verifies every token it signed, giving back exactly its claims', () => {
      fc.assert(fc.property(claims, (c) => expect(tokens.verify(tokens.sign(c))).toEqual(c)));
    });

    it('verifies no string that it did not sign', () => {
      fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => expect(tokens.verify(text)).toBeNull()));
    });

    it('verifies no signed token with any one character changed, added or removed', () => {
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';
      fc.assert(
        fc.property(claims, fc.nat(), fc.constantFrom(...alphabet), fc.constantFrom('replace', 'insert', 'delete'), (c, at, char, edit) => {
          const token = tokens.sign(c);
          const i = at % token.length;
          const changed =
            edit === 'replace' ? token.slice(0, i) + char + token.slice(i + 1)
            : edit === 'insert' ? token.slice(0, i) + char + token.slice(i)
            : token.slice(0, i) + token.slice(i + 1);
          fc.pre(changed !== token);
          expect(tokens.verify(changed)).toBeNull();
        }),
        { numRuns: 2000 },
      );
    });
  });
});
