// Lint rules of every Angular project (apps/web and libs/web/*): the workspace rules plus
// Angular's, with the `marea` selector prefix.
import nx from '@nx/eslint-plugin';
import baseConfig from './eslint.config.mjs';

export default [
  ...nx.configs['flat/angular'],
  ...nx.configs['flat/angular-template'],
  ...baseConfig,
  {
    files: ['**/*.ts'],
    rules: {
      '@angular-eslint/directive-selector': ['error', { type: 'attribute', prefix: 'marea', style: 'camelCase' }],
      '@angular-eslint/component-selector': ['error', { type: 'element', prefix: 'marea', style: 'kebab-case' }],
    },
  },
];
