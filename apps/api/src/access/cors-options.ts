import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';
import type { AppConfig } from '../config/app-config';
import { CSRF_HEADER } from './session-cookie';

/**
 * Closed by default: the web app is served from the API's own origin and needs no CORS. Origins
 * listed in CORS_ORIGINS may call the API from a browser with an API key (no cookies: a session
 * stays bound to Marea's own pages).
 */
export function corsOptions(config: AppConfig): CorsOptions {
  return {
    origin: config.CORS_ORIGINS.length > 0 ? config.CORS_ORIGINS : false,
    credentials: false,
    allowedHeaders: ['content-type', 'authorization', CSRF_HEADER],
    maxAge: 600,
  };
}
