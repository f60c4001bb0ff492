export * from './automation-trigger';
export * from './automation-step';
export * from './automation-definition';
export * from './automation-problems';
export * from './automation';
export * from './draft-message-preview';
