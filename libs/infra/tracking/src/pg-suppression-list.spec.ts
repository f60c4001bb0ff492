import { useTestDatabase } from '@marea/testing';
import { PgSuppressionList } from './pg-suppression-list';

describe('the suppression list', () => {
  const db = useTestDatabase();
  const list = () => new PgSuppressionList(db().dataSource);

  it('suppresses an email address whatever its case and surrounding spaces', async () => {
    await list().suppress('email', '  Ana.Garcia@Shop.Example ', 'hard bounce: 550 5.1.1 user unknown');
    expect(await list().isSuppressed('email', 'ana.garcia@shop.example')).toBe(true);
    expect(await list().isSuppressed('email', 'ANA.GARCIA@SHOP.EXAMPLE')).toBe(true);
    expect(await list().isSuppressed('email', 'bo@shop.example')).toBe(false);
    expect(await db().dataSource.query(`SELECT channel, address, reason FROM suppressions`)).toEqual([
      { channel: 'email', address: 'ana.garcia@shop.example', reason: 'hard bounce: 550 5.1.1 user unknown' },
    ]);
  });

  it('suppresses a phone number however it is formatted, as one E.164 number', async () => {
    await list().suppress('sms', '+34 600-12 34 56', 'Twilio 21610: recipient replied STOP');
    for (const spelling of ['+34600123456', '0034 600 123 456', '+34 (600) 12.34.56']) {
      expect(await list().isSuppressed('sms', spelling)).toBe(true);
    }
    expect(await list().isSuppressed('sms', '+34600123457')).toBe(false);
    expect(await db().dataSource.query(`SELECT address FROM suppressions WHERE channel = 'sms'`)).toEqual([{ address: '+34600123456' }]);
  });

  it('keeps channels apart and the first reason when an address is suppressed twice', async () => {
    await list().suppress('email', 'cy@shop.example', 'complaint');
    await list().suppress('email', 'CY@shop.example', 'manual');
    expect(await list().isSuppressed('sms', 'cy@shop.example')).toBe(false);
    expect(await db().dataSource.query(`SELECT reason FROM suppressions WHERE address = 'cy@shop.example'`)).toEqual([{ reason: 'complaint' }]);
  });

  it('refuses an empty address', async () => {
    await expect(list().suppress('email', '   ', 'manual')).rejects.toThrow(/empty email address/);
  });
});
