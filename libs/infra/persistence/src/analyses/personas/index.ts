export * from './persona-analyses';
export * from './persona-enrichments';
export * from './persona-analysis-worker';
export * from './refresh-persona-assignments';
export { CATEGORY_ATTRIBUTE } from './persona-matrix-sql';
