/** Jest settings shared by every Angular library (libs/web/*): jsdom and jest-preset-angular. */
module.exports = {
  ...require('./jest.preset.cjs'),
  testEnvironment: 'jsdom',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  transform: {
    '^.+\\.(ts|mjs|js|html)$': [
      'jest-preset-angular',
      { tsconfig: '<rootDir>/tsconfig.spec.json', stringifyContentPathRegex: '\\.(html|svg)$' },
    ],
  },
  // Angular's locale data ships as ES modules in .js files.
  transformIgnorePatterns: ['node_modules/(?!(.*\\.mjs$|@angular/common/locales/))'],
  // The first test of a file also compiles its components: several seconds on two busy cores.
  testTimeout: 20_000,
};
