export * from './import-options';
export * from './import-job';
