module.exports = {
  displayName: 'infra-jobs',
  preset: '../../../jest.preset.cjs',
  ...require('../../../libs/testing/src/database/jest-database.cjs'),
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
};
