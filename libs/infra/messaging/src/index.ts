export * from './smtp/smtp-server-address';
export * from './smtp/smtp-email-channel';
export * from './smtp/compose-email';
export * from './outbox/outbox-store';
export * from './outbox/outbox-email-channel';
export * from './outbox/outbox-sms-channel';
export * from './sms/twilio-sms-channel';
