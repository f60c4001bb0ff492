import { decodeTimelineCursor, encodeTimelineCursor } from './timeline-cursor';

describe('timeline cursor', () => {
  it('round-trips microseconds and any visit id', () => {
    const cursor = { at: '2026-03-01T10:15:00.123456Z', key: 'v:visita ñ/1' };
    expect(decodeTimelineCursor(encodeTimelineCursor(cursor))).toEqual(cursor);
  });

  it.each(['', 'not base64 !', btoa('2026-03-01|o:1'), btoa('2026-03-01T10:15:00Z|x')])('refuses %j', (text) => {
    expect(decodeTimelineCursor(text)).toBeNull();
  });
});
