/**
 * SMS length as a phone network counts it (3GPP TS 23.038). A body written only with the GSM-7
 * alphabet costs 7 bits a character: 160 in one message, 153 per part once it must be split (the
 * rest carries the concatenation header). Characters of the extension table (€ [ ] { } … ) are
 * sent as an escape plus the character, so they count twice and are never split across parts.
 * Any other character switches the whole body to UCS-2: 70 UTF-16 units, 67 per part, and an
 * emoji (a surrogate pair) is never split either.
 */
export interface SmsLength {
  readonly encoding: 'GSM-7' | 'UCS-2';
  /** Septets for GSM-7 (extension characters count 2), UTF-16 code units for UCS-2. */
  readonly characters: number;
  readonly segments: number;
  /** Capacity of each part: 160 / 153 (GSM-7) or 70 / 67 (UCS-2). */
  readonly perSegment: number;
}

const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENSION = '\f^{}\\[~]|€';

const basic = new Set(GSM7_BASIC);
const extension = new Set(GSM7_EXTENSION);

const limits = {
  'GSM-7': { single: 160, multipart: 153 },
  'UCS-2': { single: 70, multipart: 67 },
} as const;

export function smsSegments(body: string): SmsLength {
  const characters = [...body]; // code points, so a surrogate pair stays one unit to place
  const gsm = characters.every((c) => basic.has(c) || extension.has(c));
  const encoding = gsm ? 'GSM-7' : 'UCS-2';
  const widths = characters.map((c) => (gsm ? (extension.has(c) ? 2 : 1) : c.length));
  const total = widths.reduce((sum, width) => sum + width, 0);
  const limit = limits[encoding];
  if (total <= limit.single) return { encoding, characters: total, segments: 1, perSegment: limit.single };
  return { encoding, characters: total, segments: packedParts(widths, limit.multipart), perSegment: limit.multipart };
}

/** Parts needed when no character (escape pair, surrogate pair) may straddle two parts. */
function packedParts(widths: readonly number[], capacity: number): number {
  let parts = 1;
  let used = 0;
  for (const width of widths) {
    if (used + width > capacity) {
      parts += 1;
      used = 0;
    }
    used += width;
  }
  return parts;
}
