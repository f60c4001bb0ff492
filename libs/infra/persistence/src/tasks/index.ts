export * from './create-task';
export * from './pg-manager-tasks';
export * from './task-cursor';
export * from './task-inbox';
