export * from './delivery-outcome';
export * from './email-channel';
export * from './sms-channel';
export * from './message-renderer';
export * from './delivery-classification';
