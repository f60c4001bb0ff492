import { mayEnter } from './re-entry';

const now = new Date('2026-05-31T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

describe('re-entry rules', () => {
  it('lets a customer in for the first time under every policy', () => {
    for (const policy of [{ kind: 'once' }, { kind: 'every-time' }, { kind: 'at-most-once-per', days: 30 }] as const) {
      expect(mayEnter(policy, null, false, now)).toEqual({ allowed: true });
    }
  });

  it('"once ever" refuses a second entry, however long ago the first', () => {
    expect(mayEnter({ kind: 'once' }, daysAgo(400), false, now)).toEqual({ allowed: false, reason: 're-entry-once' });
  });

  it('"every time" lets the customer back in once the previous run is over', () => {
    expect(mayEnter({ kind: 'every-time' }, daysAgo(0), false, now)).toEqual({ allowed: true });
  });

  it('"at most once a month" refuses within 30 days and allows from the 30th day on', () => {
    const monthly = { kind: 'at-most-once-per', days: 30 } as const;
    expect(mayEnter(monthly, daysAgo(29), false, now)).toEqual({ allowed: false, reason: 're-entry-too-soon' });
    expect(mayEnter(monthly, new Date(daysAgo(30).getTime() + 1), false, now)).toEqual({ allowed: false, reason: 're-entry-too-soon' });
    expect(mayEnter(monthly, daysAgo(30), false, now)).toEqual({ allowed: true });
    expect(mayEnter(monthly, daysAgo(45), false, now)).toEqual({ allowed: true });
  });

  it('never starts a second concurrent run, whatever the policy', () => {
    for (const policy of [{ kind: 'once' }, { kind: 'every-time' }, { kind: 'at-most-once-per', days: 1 }] as const) {
      expect(mayEnter(policy, daysAgo(100), true, now)).toEqual({ allowed: false, reason: 'already-running' });
      expect(mayEnter(policy, null, true, now)).toEqual({ allowed: false, reason: 'already-running' });
    }
  });
});
