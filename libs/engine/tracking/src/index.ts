export * from './message-tracking';
export * from './message-event-recorder';
export * from './suppression-list';
