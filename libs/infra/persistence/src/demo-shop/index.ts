export * from './load-demo-shop';
export * from './seed-demo-shop';
