export * from './clv-score-table';
export * from './persona-analysis';
