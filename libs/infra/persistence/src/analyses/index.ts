export * from './clv-score-table';
export * from './clv-model';
export * from './rfm-history';
export * from './personas';
