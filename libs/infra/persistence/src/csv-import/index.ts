export * from './pg-import-job-store';
export * from './read-custom-field-types';
