module.exports = {
  displayName: 'web-e2e',
  preset: '../../jest.preset.cjs',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // A real server, a real database and a real browser: slower than a unit test, bounded all the same.
  testTimeout: 60_000,
};
