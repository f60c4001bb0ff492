import { resolve } from 'node:path';
import { validateCronExpression } from 'cron';
import { z } from 'zod';

const onOff = z.enum(['auto', 'on', 'off']);
const port = z.coerce.number().int().min(0).max(65535);

/**
 * Every setting Marea reads, with its default. The README's configuration table mirrors it.
 * Read once at boot; nothing else touches process.env.
 */
export const AppConfigSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  MAREA_DATA_DIR: z.string().min(1).default('.marea'),
  MAREA_DB_PORT: port.default(0),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  SEED_DEMO: onOff.default('auto'),
  DEMO_CUSTOMERS: z.coerce.number().int().min(1).max(10_000_000).default(5000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty']).default('json'),
  BODY_LIMIT: z.string().regex(/^\d+(kb|mb)$/, 'must look like 512kb or 5mb').default('5mb'),
  BATCH_LIMIT: z.coerce.number().int().min(1).max(100_000).default(1000),
  CSV_UPLOAD_LIMIT_MB: z.coerce.number().int().min(1).max(2048).default(200),
  WEB_DIST: z.string().min(1).default('dist/apps/web/browser'),
  // Access (docs/access.md). The first admin can come from these two instead of the setup screen.
  MAREA_ADMIN_EMAIL: z.email().optional(),
  MAREA_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').max(200).optional(),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 7),
  SECURE_COOKIES: onOff.default('auto'),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((list) => list.split(',').map((origin) => origin.trim()).filter(Boolean))
    .pipe(z.array(z.url())),
  SIGN_IN_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(10),
  INGEST_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000_000).default(20_000),
  // Reset links asked for by email, per address and email, per hour (docs/access.md).
  PASSWORD_RESET_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(5),
  // Message tracking (docs/message-tracking.md): the address recipients reach Marea at, for the
  // links in messages (default http://127.0.0.1:<PORT>), and the key that signs those links
  // (default: one generated once and kept in the database).
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  MAREA_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  // Automations (docs/automations.md). No SMTP_URL: email goes to the built-in outbox; no Twilio
  // account: SMS too. Caps are "max/days" on marketing messages per customer, e.g. 3/7.
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  MAIL_FROM: z.string().min(3).default('Marea <marea@localhost>'),
  TWILIO_ACCOUNT_SID: z.string().min(1).optional(),
  TWILIO_AUTH_TOKEN: z.string().min(1).optional(),
  TWILIO_FROM: z.string().min(1).optional(),
  TWILIO_API_URL: z.url({ protocol: /^https?$/ }).optional(),
  EMAIL_FREQUENCY_CAP: z.string().regex(/^\d+\/\d+$/, 'must look like 3/7 (at most 3 per 7 days)').optional(),
  SMS_FREQUENCY_CAP: z.string().regex(/^\d+\/\d+$/, 'must look like 2/7 (at most 2 per 7 days)').optional(),
  // off: this process serves the API only (another process runs the engine).
  AUTOMATION_ENGINE: z.enum(['on', 'off']).default('on'),
  // The nightly analyses refresh (docs/clv.md): a cron expression in the account's time zone, or off.
  ANALYSES_REFRESH_CRON: z
    .string()
    .trim()
    .default('0 3 * * *')
    .refine((cron) => cron === 'off' || validateCronExpression(cron).valid, { message: 'must be a cron expression such as 0 3 * * * (minute hour day month weekday), or off' }),
});

export type AppConfig = Readonly<
  Omit<z.infer<typeof AppConfigSchema>, 'MAREA_DATA_DIR' | 'WEB_DIST' | 'PUBLIC_URL'> & {
    MAREA_DATA_DIR: string;
    WEB_DIST: string;
    PUBLIC_URL: string;
  }
>;

export class ConfigError extends Error {}

/** Parses the environment; a bad value stops the boot with the variable's name and the reason. */
export function loadConfig(env: NodeJS.ProcessEnv): AppConfig {
  const blankless = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = AppConfigSchema.safeParse(blankless);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `  ${issue.path.join('.')}=${JSON.stringify(env[String(issue.path[0])] ?? '')}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  return {
    ...parsed.data,
    MAREA_DATA_DIR: resolve(parsed.data.MAREA_DATA_DIR),
    WEB_DIST: resolve(parsed.data.WEB_DIST),
    PUBLIC_URL: (parsed.data.PUBLIC_URL ?? `http://127.0.0.1:${parsed.data.PORT}`).replace(/\/+$/, ''),
  };
}
