export * from './demo-shop';
export * from './demo-shop-rows';
export * from './demo-shop-summary';
export { DEPARTMENT_NAMES } from './catalogue/category-tree';
export { PERSONAS, type Persona } from './customers/personas';
export { SeededRandom } from './random/seeded-random';
