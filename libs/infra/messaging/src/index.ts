export * from './smtp/smtp-server-address';
export * from './smtp/smtp-email-channel';
export * from './smtp/compose-email';
