export * from './import-job-store';
export * from './item-ingestion';
export * from './csv-import-error';
export * from './import-planner';
export * from './run-import-job';
export * from './import-worker';
export * from './csv-import.service';
