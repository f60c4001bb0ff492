import { smsSegments } from './sms-segments';

/** '1234567890…' cut to `length`, the filler of Twilio's own segment calculator tests. */
const digits = (length: number) => '1234567890'.repeat(Math.ceil(length / 10)).slice(0, length);

describe('SMS segments', () => {
  // The cases of Twilio's message segment calculator (TwilioDevEd/message-segment-calculator).
  it.each([
    ['an escape character filling one GSM-7 message exactly', '{' + digits(159).slice(1), 'GSM-7', 160, 1],
    ['one septet more: two GSM-7 parts', '{' + digits(160).slice(1), 'GSM-7', 161, 2],
    ['an emoji filling one UCS-2 message exactly', '😜' + digits(70).slice(2), 'UCS-2', 70, 1],
    ['one unit more: two UCS-2 parts', '😜' + digits(71).slice(2), 'UCS-2', 71, 2],
    ['307 GSM-7 characters: 153 + 153 + 1', digits(307), 'GSM-7', 307, 3],
    ['an emoji and 133 characters: 67 + 67 + 1', '😜' + digits(135).slice(2), 'UCS-2', 135, 3],
  ])('matches Twilio’s calculator: %s', (_, body, encoding, characters, segments) => {
    expect(smsSegments(body)).toMatchObject({ encoding, characters, segments });
  });

  it('fits 160 GSM-7 characters in one message and splits 161 into two parts of 153 + 8 (Twilio’s example)', () => {
    expect(smsSegments('a'.repeat(160))).toEqual({ encoding: 'GSM-7', characters: 160, segments: 1, perSegment: 160 });
    expect(smsSegments('a'.repeat(161))).toEqual({ encoding: 'GSM-7', characters: 161, segments: 2, perSegment: 153 });
    expect(smsSegments('a'.repeat(306)).segments).toBe(2);
    expect(smsSegments('a'.repeat(307)).segments).toBe(3);
  });

  it('keeps accented letters of the GSM alphabet (é, ñ, ü, à) and symbols (£, ¥, §) in GSM-7', () => {
    expect(smsSegments('Olá! Señor Müller, café à 5 £ — no').encoding).toBe('UCS-2'); // the em dash is not GSM
    expect(smsSegments('Señor Müller, café à 5 £ § ¥ ¿?')).toMatchObject({ encoding: 'GSM-7', characters: 31 });
  });

  it('counts characters of the extension table (€ [ ] { } ^ ~ | \\) twice', () => {
    expect(smsSegments('Only 5€')).toEqual({ encoding: 'GSM-7', characters: 8, segments: 1, perSegment: 160 });
    expect(smsSegments('{}[]~^|\\€')).toMatchObject({ characters: 18 });
    expect(smsSegments('€'.repeat(80))).toMatchObject({ characters: 160, segments: 1 });
    expect(smsSegments('€'.repeat(81))).toMatchObject({ characters: 162, segments: 2 });
  });

  it('never splits an escaped character across two parts', () => {
    // 152 plain characters then a €: the € would straddle 153, so it opens the second part.
    const body = 'a'.repeat(152) + '€' + 'a'.repeat(152);
    expect(smsSegments(body)).toMatchObject({ characters: 306, segments: 3 });
  });

  it('switches the whole message to UCS-2 for one character outside GSM-7, like a curly quote (Twilio’s example)', () => {
    expect(smsSegments('It’s here')).toEqual({ encoding: 'UCS-2', characters: 9, segments: 1, perSegment: 70 });
    expect(smsSegments('“' + 'a'.repeat(69))).toMatchObject({ encoding: 'UCS-2', characters: 70, segments: 1 });
    expect(smsSegments('“' + 'a'.repeat(70))).toMatchObject({ encoding: 'UCS-2', characters: 71, segments: 2, perSegment: 67 });
    expect(smsSegments('“' + 'a'.repeat(139)).segments).toBe(3); // 140 units: 67 + 67 + 6
  });

  it('counts an emoji as two UTF-16 units and never splits it', () => {
    expect(smsSegments('Hi 👋')).toMatchObject({ encoding: 'UCS-2', characters: 5 });
    const body = 'x'.repeat(66) + '👋' + 'x'.repeat(66);
    expect(smsSegments(body)).toMatchObject({ characters: 134, segments: 3 });
  });

  it('treats Chinese text as UCS-2: 70 characters in one message', () => {
    expect(smsSegments('您'.repeat(70))).toMatchObject({ encoding: 'UCS-2', segments: 1 });
    expect(smsSegments('您'.repeat(71))).toMatchObject({ encoding: 'UCS-2', segments: 2 });
  });

  it('counts line breaks as GSM-7 characters', () => {
    expect(smsSegments('Line one\nLine two\r\n')).toMatchObject({ encoding: 'GSM-7', characters: 19 });
  });
});
