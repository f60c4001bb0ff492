export * from './clv-score-table';
