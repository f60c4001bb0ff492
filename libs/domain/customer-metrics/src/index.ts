export * from './quintile-scores';
export * from './rfm-segment';
export * from './affinity-rule';
export * from './elapsed-days';
