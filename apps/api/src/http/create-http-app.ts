import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { AppModule, type AppDependencies } from '../app.module';
import { ApiExceptionFilter } from './api-exception.filter';
import { jsonBody } from './json-body';
import { mountOpenApi } from './openapi';

/** Builds the HTTP application (not yet listening): used by main.ts and by the API tests. */
export async function createHttpApp(dependencies: AppDependencies): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(dependencies), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(PinoNestLogger));
  app.setGlobalPrefix('api', { exclude: [] });
  app.use(jsonBody(dependencies.config.BODY_LIMIT));
  app.useGlobalFilters(new ApiExceptionFilter(dependencies.logger));
  app.disable('x-powered-by');
  mountOpenApi(app);
  return app;
}
