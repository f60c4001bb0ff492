export * from './tracking-token';
export * from './tracking-secret';
export * from './signed-message-tracking';
export * from './suppression-address';
export * from './pg-suppression-list';
export * from './pg-message-event-recorder';
export * from './email-unsubscribe';
export * from './message-tracking-setup';
