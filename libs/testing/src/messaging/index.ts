export * from './smtp-sink';
export * from './twilio-fake';
