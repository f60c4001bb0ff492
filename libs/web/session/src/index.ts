export * from './session-store';
export * from './csrf-interceptor';
export * from './access-guards';
