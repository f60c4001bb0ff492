export * from './customer-list-page/customer-list-page';
export * from './customer-profile-page/customer-profile-page';
