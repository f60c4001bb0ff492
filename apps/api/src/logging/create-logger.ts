import pino, { type Logger } from 'pino';
import type { AppConfig } from '../config/app-config';

/** One structured (JSON) logger for the process; `pretty` is for a developer's terminal. */
export function createLogger(config: Pick<AppConfig, 'LOG_LEVEL' | 'LOG_FORMAT'>): Logger {
  return pino({
    level: config.LOG_LEVEL,
    base: { service: 'marea' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]'],
    transport: config.LOG_FORMAT === 'pretty' ? { target: 'pino-pretty' } : undefined,
  });
}

/**
 * A request as the access log writes it: the path without its query string, because a query may
 * carry personal data (a customer search for a name or an email) that an erasure could not reach
 * once written to a log.
 */
export function loggedRequest(request: { url?: string; query?: unknown }): Record<string, unknown> {
  const { query: _query, ...rest } = request;
  return { ...rest, url: request.url?.split('?')[0] };
}
