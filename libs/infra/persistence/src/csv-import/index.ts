export * from './pg-import-job-store';
