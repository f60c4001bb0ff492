export * from './postgres-ingestion-store';
