export * from './quiet-hours';
export * from './frequency-cap';
export * from './re-entry';
export * from './delay';
export * from './decision-reason';
export * from './sms-segments';
export * from './cron-schedule';
export * from './anniversary';
