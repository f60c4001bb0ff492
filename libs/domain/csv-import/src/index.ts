export * from './csv-file-error';
export * from './row-reject';
export * from './read-csv';
export * from './column-binding';
export * from './csv-format';
export * from './csv-formats';
export * from './import-plan';
export * from './batch-rejects';
