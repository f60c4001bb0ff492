export * from './sign-in-page/sign-in-page';
export * from './setup-page/setup-page';
export * from './invitation-page/invitation-page';
export * from './users-page/users-page';
export * from './api-keys-page/api-keys-page';
export * from './forgot-password-page/forgot-password-page';
export * from './password-reset-page/password-reset-page';
