export * from './ingestion-service';
export * from './ingestion-store';
export * from './batch-report';
