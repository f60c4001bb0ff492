export * from './errors';
export * from './ingestion';
export * from './overview';
export * from './csv-import';
export * from './customers';
export * from './access';
export * from './segments';
