export * from './value-test';
export * from './order-filter';
export * from './segment-conditions';
export * from './segment-rule';
export * from './segment-catalogue';
export * from './segment-rule-problem';
export * from './segment-value-search';
