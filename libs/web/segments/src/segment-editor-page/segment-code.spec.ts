import { SegmentCode } from '@marea/contracts';
import { codeFromName } from './segment-code';

describe('the code suggested from a segment name', () => {
  it('is the name in lower-case ASCII joined by dashes, a valid segment code', () => {
    expect(codeFromName('Clientes VIP de jardín')).toBe('clientes-vip-de-jardin');
    expect(codeFromName('  ¡Ofertas 2026!  ')).toBe('ofertas-2026');
    expect(SegmentCode.safeParse(codeFromName('Clientes VIP de jardín')).success).toBe(true);
  });

  it('is cut to 63 characters without a trailing dash', () => {
    const code = codeFromName(`${'a'.repeat(62)} b`);
    expect(code).toBe('a'.repeat(62));
  });
});
