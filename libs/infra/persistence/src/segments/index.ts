export * from './pg-segment-repository';
export * from './pg-segment-computation-store';
export * from './pg-real-time-segment-store';
export * from './segment-feed';
export * from './pg-segment-catalogue-source';
export * from './pg-segment-value-search';
export * from './segment-member-filter';
