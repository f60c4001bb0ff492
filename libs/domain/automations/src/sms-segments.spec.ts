import { smsSegments } from './sms-segments';

describe('SMS segments', () => {
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
