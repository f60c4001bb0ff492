import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { IngestionService } from '@marea/engine/ingestion';
import { loadConfig } from '../../config/app-config';
import { createHttpApp } from '../../http/create-http-app';
import { createLogger } from '../../logging/create-logger';
import { testCredentials } from '../../access/testing/test-credentials';
import { ImportApiClient } from './import-api-client';

export interface ImportTestApp {
  app: INestApplication;
  api: ImportApiClient;
  ingestion: IngestionService;
  close(): Promise<void>;
}

/** The API listening on a free port over a test database, with a client for its imports. */
export async function startImportTestApp(db: { dataSource: DataSource }, env: Record<string, string> = {}): Promise<ImportTestApp> {
  const config = loadConfig({ LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent', AUTOMATION_ENGINE: 'off', ...env });
  const app = await createHttpApp({ config, logger: createLogger(config), dataSource: db.dataSource });
  await app.listen(0, '127.0.0.1');
  return {
    app,
    api: new ImportApiClient(await app.getUrl(), (await testCredentials(db.dataSource, { key: 'admin' })).headers),
    ingestion: app.get(IngestionService),
    close: () => app.close(),
  };
}
