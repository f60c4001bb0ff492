export * from './task-inbox-page/task-inbox-page';
