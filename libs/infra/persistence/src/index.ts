export * from './database/create-data-source';
export * from './database/apply-migrations';
export * from './overview';
export * from './csv-import';
export * from './ingestion';
export * from './database/with-pg-client';
export * from './demo-shop';
export * from './access';
