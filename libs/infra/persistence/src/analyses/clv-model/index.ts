export * from './clv-model-fit-store';
export * from './run-clv-model-fit';
export * from './read-purchase-histories';
export * from './read-customer-clv';
export * from './analyses-refresh-runs';
export * from './recency-state-sql';
