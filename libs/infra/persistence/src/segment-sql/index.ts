export * from './read-segment-catalogue';
export * from './select-segment-members';
