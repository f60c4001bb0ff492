export * from './task';
export * from './task-list';
export * from './task-changes';
