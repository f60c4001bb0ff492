const TAB = 9;
const NEWLINE = 10;
const BACKSLASH = 92;
const ZERO = 48;
const MINUS = 45;
const DOT = 46;
const DAY_MS = 86_400_000;
const NEEDS_ESCAPE = /[\\\t\n\r]/;

/**
 * COPY text format written straight into bytes: numbers digit by digit, instants without a
 * Date, strings encoded once. Tens of millions of rows go through here; building a string per
 * value made the load spend most of its time collecting garbage.
 */
export class CopyBuffer {
  private bytes = Buffer.allocUnsafe(1 << 20);
  private at = 0;

  get size(): number {
    return this.at;
  }

  /** The bytes written so far; the buffer starts empty again. */
  take(): Buffer {
    const taken = Buffer.from(this.bytes.subarray(0, this.at));
    this.at = 0;
    return taken;
  }

  tab(): this {
    this.room(1);
    this.bytes[this.at++] = TAB;
    return this;
  }

  end(): this {
    this.room(1);
    this.bytes[this.at++] = NEWLINE;
    return this;
  }

  nul(): this {
    this.room(2);
    this.bytes[this.at++] = BACKSLASH;
    this.bytes[this.at++] = 78; // N
    return this;
  }

  /** A whole number. */
  int(value: number): this {
    this.room(24);
    if (value < 0) {
      this.bytes[this.at++] = MINUS;
      value = -value;
    }
    if (value < 10) {
      this.bytes[this.at++] = ZERO + value;
      return this;
    }
    let digits = 0;
    for (let rest = value; rest >= 1; rest = Math.floor(rest / 10)) digits++;
    let end = this.at + digits;
    this.at = end;
    for (let rest = value; digits-- > 0; rest = Math.floor(rest / 10)) this.bytes[--end] = ZERO + (rest % 10);
    return this;
  }

  /** Integer cents as a decimal with two places: 1234 → 12.34, -5 → -0.05. */
  cents(value: number): this {
    this.room(26);
    if (value < 0) {
      this.bytes[this.at++] = MINUS;
      value = -value;
    }
    this.int(Math.floor(value / 100));
    const rest = value % 100;
    this.bytes[this.at++] = DOT;
    this.bytes[this.at++] = ZERO + Math.floor(rest / 10);
    this.bytes[this.at++] = ZERO + (rest % 10);
    return this;
  }

  /** Any number (e.g. an exchange rate with decimals). */
  number(value: number): this {
    return Number.isInteger(value) ? this.int(value) : this.ascii(String(value));
  }

  /** Text known to be plain ASCII without tabs, newlines or backslashes (ids, codes, enums). */
  ascii(value: string): this {
    this.room(value.length);
    this.at += this.bytes.write(value, this.at, 'latin1');
    return this;
  }

  /** Any text, escaped for COPY and encoded as UTF-8; null becomes \N. */
  text(value: string | null | undefined): this {
    if (value === null || value === undefined) return this.nul();
    const escaped = NEEDS_ESCAPE.test(value)
      ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
      : value;
    this.room(escaped.length * 3);
    this.at += this.bytes.write(escaped, this.at, 'utf8');
    return this;
  }

  /** An instant as ISO 8601 in UTC with milliseconds, e.g. 2026-11-23T12:00:00.000Z. */
  instant(ms: number): this {
    this.room(24);
    const days = Math.floor(ms / DAY_MS);
    let rest = ms - days * DAY_MS;
    // Hinnant's days-to-civil.
    const z = days + 719_468;
    const era = Math.floor(z / 146_097);
    const dayOfEra = z - era * 146_097;
    const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
    const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
    const shifted = Math.floor((5 * dayOfYear + 2) / 153);
    const day = dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1;
    const month = shifted < 10 ? shifted + 3 : shifted - 9;
    const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    this.digits(year, 4).byte(MINUS).digits(month, 2).byte(MINUS).digits(day, 2).byte(84); // T
    const hours = Math.floor(rest / 3_600_000);
    rest -= hours * 3_600_000;
    const minutes = Math.floor(rest / 60_000);
    rest -= minutes * 60_000;
    const seconds = Math.floor(rest / 1000);
    this.digits(hours, 2).byte(58).digits(minutes, 2).byte(58).digits(seconds, 2).byte(DOT).digits(rest - seconds * 1000, 3).byte(90); // Z
    return this;
  }

  private byte(value: number): this {
    this.bytes[this.at++] = value;
    return this;
  }

  /** `value` zero-padded to `width` digits (room already reserved by the caller). */
  private digits(value: number, width: number): this {
    for (let i = width - 1; i >= 0; i--) {
      this.bytes[this.at + i] = ZERO + (value % 10);
      value = Math.floor(value / 10);
    }
    this.at += width;
    return this;
  }

  private room(extra: number): void {
    if (this.at + extra <= this.bytes.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.at + extra));
    this.bytes.copy(grown, 0, 0, this.at);
    this.bytes = grown;
  }
}
