module.exports = {
  displayName: 'infra-messaging',
  preset: '../../../jest.preset.cjs',
  ...require('../../../libs/testing/src/database/jest-database.cjs'),
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
};
