export * from './messages-page/messages-page';
