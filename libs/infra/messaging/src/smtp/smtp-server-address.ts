import type { SMTPConnectionAuth, SMTPConnectionOptions } from 'nodemailer/lib/smtp-connection';

/** Where the SMTP channel connects, read from `SMTP_URL`. */
export interface SmtpServerAddress {
  readonly connection: SMTPConnectionOptions;
  readonly auth?: SMTPConnectionAuth;
  /** Connections kept open at once (`?pool=N`, default 5). */
  readonly poolSize: number;
}

const DEFAULT_POOL_SIZE = 5;

/**
 * `smtp://user:pass@host:587` (STARTTLS when the server offers it), `smtps://…:465` (TLS from
 * the start), `?pool=N` for the number of connections. A malformed URL fails at start-up,
 * saying which part is wrong, rather than on the first message.
 */
export function parseSmtpUrl(smtpUrl: string): SmtpServerAddress {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    throw new Error(`SMTP_URL is not a URL: ${smtpUrl.replace(/\/\/[^@/]*@/, '//***@')}`);
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new Error(`SMTP_URL must start with smtp:// or smtps://, not ${url.protocol}//`);
  }
  const secure = url.protocol === 'smtps:';
  const poolParameter = url.searchParams.get('pool');
  const poolSize = poolParameter === null ? DEFAULT_POOL_SIZE : Number(poolParameter);
  if (!Number.isInteger(poolSize) || poolSize < 1 || poolSize > 100) {
    throw new Error(`SMTP_URL: pool must be a whole number from 1 to 100, not ${poolParameter}`);
  }
  const user = decodeURIComponent(url.username);
  return {
    connection: {
      host: url.hostname,
      port: url.port ? Number(url.port) : secure ? 465 : 587,
      secure,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 60_000,
    },
    auth: user ? { user, pass: decodeURIComponent(url.password) } : undefined,
    poolSize,
  };
}
