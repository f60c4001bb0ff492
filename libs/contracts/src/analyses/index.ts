export * from './clv-score-table';
export * from './persona-analysis';
export * from './clv-model';
export * from './clv-model-refresh-run';
export * from './rfm-history';
