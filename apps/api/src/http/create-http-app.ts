import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { corsOptions } from '../access/cors-options';
import { securityHeaders } from '../access/security-headers';
import { AppModule, type AppDependencies } from '../app.module';
import { ApiExceptionFilter } from './api-exception.filter';
import { jsonBody } from './json-body';
import { mountOpenApi } from './openapi';

const KEEP_ALIVE_MS = 65_000;

/** Builds the HTTP application (not yet listening): used by main.ts and by the API tests. */
export async function createHttpApp(dependencies: AppDependencies): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(dependencies), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(PinoNestLogger));
  app.setGlobalPrefix('api', { exclude: [] });
  app.use(securityHeaders());
  app.enableCors(corsOptions(dependencies.config));
  app.use(cookieParser());
  app.use(jsonBody(dependencies.config.BODY_LIMIT));
  app.useGlobalFilters(new ApiExceptionFilter(dependencies.logger));
  app.disable('x-powered-by');
  mountOpenApi(app);
  // Idle keep-alive sockets are closed by the client first (undici after 4 s, proxies after
  // 60 s): a server that closes at Node's default 5 s can close a socket just as a client reuses
  // it, which the client sees as ECONNRESET. headersTimeout must stay above keepAliveTimeout.
  const server = app.getHttpServer();
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1000;
  return app;
}
