import { CopyBuffer } from './copy-buffer';

const written = (write: (buffer: CopyBuffer) => void) => {
  const buffer = new CopyBuffer();
  write(buffer);
  return buffer.take().toString('utf8');
};

describe('COPY text written as bytes', () => {
  it('writes whole numbers and cents exactly', () => {
    expect(written((b) => b.int(0).tab().int(7).tab().int(-42).tab().int(9_301_655).tab().int(10))).toBe('0\t7\t-42\t9301655\t10');
    expect(written((b) => b.cents(1234).tab().cents(-5).tab().cents(0).tab().cents(-120_000).tab().cents(100))).toBe('12.34\t-0.05\t0.00\t-1200.00\t1.00');
  });

  it('writes instants as Date does, leap days and year ends included', () => {
    for (const ms of [0, Date.UTC(2024, 1, 29, 23, 59, 59, 999), Date.UTC(2026, 11, 31, 0, 0, 0, 5), Date.UTC(2023, 0, 1, 7, 8, 9, 10), 1_764_000_123_456]) {
      expect(written((b) => b.instant(ms))).toBe(new Date(ms).toISOString());
    }
  });

  it('escapes tabs, newlines and backslashes, keeps UTF-8, and writes NULL as \\N', () => {
    expect(written((b) => b.text('Jardín\tBebé\\niño\n').tab().text(null).end())).toBe('Jardín\\tBebé\\\\niño\\n\t\\N\n');
  });

  it('grows past its first megabyte', () => {
    const text = written((b) => {
      for (let i = 0; i < 200_000; i++) b.ascii('abcdefghij').end();
    });
    expect(text.length).toBe(2_200_000);
  });
});
