export * from './pg-boss-job-queue';
export * from './automation-engine-assembly';
