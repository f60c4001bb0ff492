export * from './segment-definition';
export * from './segment-members';
export * from './segment-preview';
export * from './segment-size-history';
