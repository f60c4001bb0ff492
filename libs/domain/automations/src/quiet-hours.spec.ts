import { quietHoursTiming } from './quiet-hours';

const overnight = { start: '21:00', end: '08:00' };
const at = (iso: string) => new Date(iso);

describe('quiet hours in the customer’s time zone', () => {
  it('sends at once outside the window, and when no quiet hours are set', () => {
    expect(quietHoursTiming(at('2026-06-10T12:00:00Z'), 'Europe/Madrid', overnight, 'defer')).toEqual({ kind: 'now' });
    expect(quietHoursTiming(at('2026-06-10T23:00:00Z'), 'Europe/Madrid', null, 'defer')).toEqual({ kind: 'now' });
  });

  it('defers a send late in the evening to 08:00 the next morning, local time', () => {
    // 22:30 in Madrid (UTC+2 in summer) → 08:00 Madrid = 06:00 UTC next day
    const timing = quietHoursTiming(at('2026-06-10T20:30:00Z'), 'Europe/Madrid', overnight, 'defer');
    expect(timing).toEqual({ kind: 'defer', until: at('2026-06-11T06:00:00Z') });
  });

  it('defers a send after midnight to 08:00 the same morning', () => {
    const timing = quietHoursTiming(at('2026-06-11T01:15:00Z'), 'Europe/Madrid', overnight, 'defer'); // 03:15 local
    expect(timing).toEqual({ kind: 'defer', until: at('2026-06-11T06:00:00Z') });
  });

  it('treats the start as quiet and the end as open', () => {
    expect(quietHoursTiming(at('2026-06-10T19:00:00Z'), 'Europe/Madrid', overnight, 'drop').kind).toBe('drop'); // 21:00
    expect(quietHoursTiming(at('2026-06-11T06:00:00Z'), 'Europe/Madrid', overnight, 'drop').kind).toBe('now'); // 08:00
    expect(quietHoursTiming(at('2026-06-10T18:59:00Z'), 'Europe/Madrid', overnight, 'drop').kind).toBe('now'); // 20:59
  });

  it('drops the message with the reason when the policy is drop', () => {
    expect(quietHoursTiming(at('2026-06-10T20:30:00Z'), 'Europe/Madrid', overnight, 'drop')).toEqual({ kind: 'drop', reason: 'quiet-hours' });
  });

  it('judges the same instant by each customer’s own clock', () => {
    const instant = at('2026-06-10T21:30:00Z'); // 23:30 Madrid, 17:30 New York, 07:30 Sydney
    expect(quietHoursTiming(instant, 'Europe/Madrid', overnight, 'drop').kind).toBe('drop');
    expect(quietHoursTiming(instant, 'America/New_York', overnight, 'drop').kind).toBe('now');
    expect(quietHoursTiming(instant, 'Australia/Sydney', overnight, 'defer')).toEqual({ kind: 'defer', until: at('2026-06-10T22:00:00Z') });
  });

  it('supports a window within one day', () => {
    const lunch = { start: '12:00', end: '14:00' };
    expect(quietHoursTiming(at('2026-01-10T12:30:00Z'), 'UTC', lunch, 'defer')).toEqual({ kind: 'defer', until: at('2026-01-10T14:00:00Z') });
    expect(quietHoursTiming(at('2026-01-10T20:00:00Z'), 'UTC', lunch, 'defer')).toEqual({ kind: 'now' });
  });

  it('reads a window that starts and ends at the same time as no quiet hours', () => {
    expect(quietHoursTiming(at('2026-01-10T03:00:00Z'), 'UTC', { start: '08:00', end: '08:00' }, 'drop')).toEqual({ kind: 'now' });
  });

  describe('across daylight-saving changes', () => {
    it('ends the night at 08:00 local time on the morning clocks go forward (the night is an hour shorter)', () => {
      // Europe/Berlin goes from UTC+1 to UTC+2 at 02:00 on 29 March 2026.
      const timing = quietHoursTiming(at('2026-03-28T22:00:00Z'), 'Europe/Berlin', overnight, 'defer'); // 23:00 CET
      expect(timing).toEqual({ kind: 'defer', until: at('2026-03-29T06:00:00Z') }); // 08:00 CEST
    });

    it('ends the night at 08:00 local time on the morning clocks go back', () => {
      // Back from UTC+2 to UTC+1 at 03:00 on 25 October 2026.
      const timing = quietHoursTiming(at('2026-10-24T20:00:00Z'), 'Europe/Berlin', overnight, 'defer'); // 22:00 CEST
      expect(timing).toEqual({ kind: 'defer', until: at('2026-10-25T07:00:00Z') }); // 08:00 CET
    });

    it('resumes at the first instant after the window when its end falls in the skipped hour', () => {
      const window = { start: '00:00', end: '02:30' }; // 02:30 does not exist in Berlin on 29 March
      const timing = quietHoursTiming(at('2026-03-29T00:30:00Z'), 'Europe/Berlin', window, 'defer'); // 01:30 CET
      expect(timing).toEqual({ kind: 'defer', until: at('2026-03-29T01:30:00Z') }); // 03:30 CEST, just after the gap
    });

    it('counts the repeated hour of the autumn change as quiet both times', () => {
      const window = { start: '02:00', end: '03:00' };
      expect(quietHoursTiming(at('2026-10-25T00:30:00Z'), 'Europe/Berlin', window, 'drop').kind).toBe('drop'); // 02:30 CEST
      expect(quietHoursTiming(at('2026-10-25T01:30:00Z'), 'Europe/Berlin', window, 'drop').kind).toBe('drop'); // 02:30 CET
    });
  });

  it('refuses an unknown time zone and a malformed time instead of guessing', () => {
    expect(() => quietHoursTiming(at('2026-01-10T03:00:00Z'), 'Mars/Olympus', overnight, 'drop')).toThrow(/Mars\/Olympus/);
    expect(() => quietHoursTiming(at('2026-01-10T03:00:00Z'), 'UTC', { start: '9pm', end: '08:00' }, 'drop')).toThrow(/9pm/);
  });
});
