import { ConfigError, loadConfig } from './app-config';

describe('configuration', () => {
  it('starts on the embedded defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.HOST).toBe('127.0.0.1');
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.MAREA_DATA_DIR).toMatch(/\.marea$/);
  });

  it('names the variable and the reason for a bad value', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    } catch (error) {
      expect((error as Error).message).toContain('PORT="eighty"');
      expect((error as Error).message).toContain('DATABASE_URL="mysql://x": must start with postgres://');
    }
  });

  it('puts links in messages on the local address by default, or on PUBLIC_URL', () => {
    expect(loadConfig({ PORT: '8080' }).PUBLIC_URL).toBe('http://127.0.0.1:8080');
    expect(loadConfig({ PUBLIC_URL: 'https://marea.shop.example/' }).PUBLIC_URL).toBe('https://marea.shop.example');
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://marea.shop.example' })).toThrow(/PUBLIC_URL/);
  });

  it('refuses a MAREA_SECRET too short to sign links safely', () => {
    expect(() => loadConfig({ MAREA_SECRET: 'hunter2' })).toThrow(/MAREA_SECRET="hunter2": must be at least 32 characters/);
    expect(loadConfig({}).MAREA_SECRET).toBeUndefined();
  });

  it('sends through the outbox unless SMTP_URL is set, and reads frequency caps as max/days', () => {
    expect(loadConfig({}).SMTP_URL).toBeUndefined();
    expect(loadConfig({ SMTP_URL: 'smtp://mail.shop.example:587' }).SMTP_URL).toBe('smtp://mail.shop.example:587');
    expect(() => loadConfig({ SMTP_URL: 'mail.shop.example' })).toThrow(/SMTP_URL="mail.shop.example": must start with smtp:\/\//);
    expect(loadConfig({ EMAIL_FREQUENCY_CAP: '3/7' }).EMAIL_FREQUENCY_CAP).toBe('3/7');
    expect(() => loadConfig({ SMS_FREQUENCY_CAP: 'three a week' })).toThrow(/SMS_FREQUENCY_CAP="three a week": must look like 2\/7/);
  });

  it('schedules the analyses refresh at 03:00 unless ANALYSES_REFRESH_CRON says otherwise or off; a wrong expression names the variable', () => {
    expect(loadConfig({}).ANALYSES_REFRESH_CRON).toBe('0 3 * * *');
    expect(loadConfig({ ANALYSES_REFRESH_CRON: '30 2 * * 1-5' }).ANALYSES_REFRESH_CRON).toBe('30 2 * * 1-5');
    expect(loadConfig({ ANALYSES_REFRESH_CRON: 'off' }).ANALYSES_REFRESH_CRON).toBe('off');
    expect(() => loadConfig({ ANALYSES_REFRESH_CRON: 'every night' })).toThrow(/ANALYSES_REFRESH_CRON="every night": must be a cron expression/);
    expect(() => loadConfig({ ANALYSES_REFRESH_CRON: '0 25 * * *' })).toThrow(/ANALYSES_REFRESH_CRON/);
  });

  it('limits reset links asked for by email to 5 an hour unless PASSWORD_RESET_RATE_LIMIT says otherwise', () => {
    expect(loadConfig({}).PASSWORD_RESET_RATE_LIMIT).toBe(5);
    expect(loadConfig({ PASSWORD_RESET_RATE_LIMIT: '2' }).PASSWORD_RESET_RATE_LIMIT).toBe(2);
    expect(() => loadConfig({ PASSWORD_RESET_RATE_LIMIT: '0' })).toThrow(/PASSWORD_RESET_RATE_LIMIT/);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });
});
